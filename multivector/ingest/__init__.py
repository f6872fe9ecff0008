"""Readers for every input format, and the dispatch that turns paths into articles or bad records.

``iter_inputs`` never raises for a bad input: each file is read, decoded, validated and checked
under one guard, so any failure, even a bug in a reader, becomes a :class:`BadRecord` naming the
file (and record), the reason and the fix, and the rest goes on. Every file accounts for itself:
it yields articles, or at least one BadRecord (an empty file says so).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..records import Article, BadRecord
from .common import (
    DEFAULT_LIMITS,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    Item,
    Limits,
    display,
    special_file,
    split_long,
)
from .feed import read_feed
from .html import read_html
from .lang import detect, not_english_reason
from .tabular import read_csv, read_json, read_jsonl
from .text import read_text_file
from .warc import read_warc

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_MAX_CHARS", "Item", "Limits", "READERS", "expand_paths", "iter_inputs",
           "reader_for"]

Reader = Callable[..., Iterator[Item]]

# Suffix -> reader; folders are searched for these suffixes only (other files there are counted, not read).
READERS: dict[str, Reader] = {
    ".txt": read_text_file, ".text": read_text_file,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".json": read_json, ".csv": read_csv, ".tsv": read_csv,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".xml": read_feed, ".rss": read_feed, ".atom": read_feed,
    ".warc": read_warc, ".warc.gz": read_warc, ".arc.gz": read_warc,
}


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suf in (".warc.gz", ".arc.gz"):
        if name.endswith(suf):
            return suf
    return path.suffix.lower()


def _sniff(path: Path) -> Reader:
    """The reader for a file named explicitly without a known suffix, from its first bytes."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return read_text_file  # the text reader reports the OSError as a BadRecord
    if head.startswith((b"WARC/", b"\x1f\x8b")):
        return read_warc
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return read_html
    if start.startswith(b"<") and (b"<rss" in start or b"<feed" in start or b"<rdf" in start):
        return read_feed
    if start.startswith(b"{"):
        return read_jsonl
    if start.startswith(b"["):
        return read_json
    return read_text_file


def reader_for(path: Path) -> Reader:
    """The reader for one file: by suffix, else by sniffing its content (regular files only)."""
    return READERS.get(_suffix(path)) or _sniff(path)


def _walk(folder: Path, on_skip: Callable[[Path], None] | None) -> Iterator[Path | BadRecord]:
    """Files under a folder with a known suffix, sorted; hidden files and folders left out, symlinked
    folders not followed; a folder that cannot be listed becomes a BadRecord."""
    found: list[Path] = []
    errors: list[BadRecord] = []

    def failed(exc: OSError) -> None:
        errors.append(BadRecord(display(str(exc.filename or folder)),
                                f"cannot list folder ({exc.strerror or exc}); check its permissions"))

    for root, dirs, files in os.walk(folder, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            f = Path(root, name)
            if _suffix(f) in READERS:
                found.append(f)
            elif on_skip is not None:
                on_skip(f)
    yield from errors
    yield from sorted(found)


def expand_paths(paths: Sequence[str | Path], on_skip: Callable[[Path], None] | None = None) -> Iterator[Path | BadRecord]:
    """Files named by ``paths``: files as given, folders recursively (known suffixes, no hidden files), globs."""
    for p in paths:
        path = Path(p)
        if path.exists() or path.is_symlink():
            hits = [path]
        elif glob.has_magic(str(p)):
            hits = [Path(h) for h in sorted(glob.glob(str(p), recursive=True))]
            if not hits:
                yield BadRecord(display(str(p)), "the pattern matches no file; check the path or quote the pattern")
        else:
            yield BadRecord(display(str(p)), "no such file or folder; check the path")
            continue
        for h in hits:
            if h.is_dir():
                yield from _walk(h, on_skip)
            else:
                yield h


def check_article(item: Item) -> Item:
    """Non-English or empty articles become BadRecords (the reason says why)."""
    if isinstance(item, BadRecord):
        return item
    if not item.text.strip():
        return BadRecord(item.source, "no article text; add the article body")
    lang = detect(item.text)
    return item if lang == "en" else BadRecord(item.source, not_english_reason(lang))


def _printable(item: Item) -> Item:
    """Sources and reasons as printable one-liners (file names may hold undecodable bytes or escapes)."""
    if isinstance(item, BadRecord):
        src, reason = display(item.source), display(item.reason)
        return item if (src, reason) == (item.source, item.reason) else BadRecord(src, reason)
    src = display(item.source)
    return item if src == item.source else dataclasses.replace(item, source=src)


def read_file(path: Path, *, default_date: dt.date | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """Every article or bad record of one file, under one guard: this never raises for any content."""
    refused = special_file(path)
    if refused is not None:
        yield _printable(refused)
        return
    n = 0
    try:
        for item in reader_for(path)(path, default_date=default_date, limits=limits):
            item = check_article(item)
            for part in split_long(item, limits.max_chars) if isinstance(item, Article) else [item]:
                n += 1
                yield _printable(part)
    except Exception as exc:  # noqa: BLE001 - the guard: any failure on one file is that file's quarantine row
        n += 1
        first = (str(exc).splitlines() or [""])[0][:160]
        yield BadRecord(display(str(path)), display(
            f"could not be read ({type(exc).__name__}: {first}); the rest of the batch went on; check the file "
            "and report it if it looks valid"))
    if n == 0:
        yield BadRecord(display(str(path)), "no article in the file (empty, or blank lines only); "
                                            "remove it or fill it with articles")


def iter_inputs(
    paths: Sequence[str | Path],
    *,
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits | None = None,
    on_file: Callable[[Path], None] | None = None,
    on_skip: Callable[[Path], None] | None = None,
) -> Iterator[Article | BadRecord]:
    """Every article (or bad record) in the files, folders and globs of ``paths``, in path order.

    ``limits`` (default: ``Limits(max_bytes=max_bytes)``) bounds each input; an article longer than
    ``limits.max_chars`` comes out as its parts. ``on_file`` is called with each file before it is
    read (counts and progress), ``on_skip`` with each file a folder holds in an unknown format.
    """
    lim = limits if limits is not None else dataclasses.replace(DEFAULT_LIMITS, max_bytes=max_bytes)
    for f in expand_paths(paths, on_skip):
        if isinstance(f, BadRecord):
            yield f
            continue
        if on_file is not None:
            on_file(f)
        yield from read_file(f, default_date=default_date, limits=lim)
