"""Readers for every input format, and the dispatch that turns paths into articles or bad records.

``iter_inputs`` never raises for a bad input: each unreadable file or record becomes one
:class:`BadRecord` whose reason names the file and the fix, and the rest goes on.
"""

from __future__ import annotations

import datetime as dt
import glob
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from ..records import Article, BadRecord
from .common import DEFAULT_MAX_BYTES, Item
from .feed import read_feed
from .html import read_html
from .lang import detect, not_english_reason
from .tabular import read_csv, read_json, read_jsonl
from .text import read_text_file
from .warc import read_warc

__all__ = ["DEFAULT_MAX_BYTES", "Item", "READERS", "expand_paths", "iter_inputs", "reader_for"]

Reader = Callable[..., Iterator[Item]]

# Suffix -> reader; folders are searched for these suffixes only (other files there are ignored).
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
    """The reader for one file: by suffix, else by sniffing its content."""
    return READERS.get(_suffix(path)) or _sniff(path)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under a folder with a known suffix, sorted, hidden files and folders left out."""
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder).parts
        if f.is_file() and _suffix(f) in READERS and not any(part.startswith(".") for part in rel):
            yield f


def expand_paths(paths: Sequence[str | Path]) -> Iterator[Path | BadRecord]:
    """Files named by ``paths``: files as given, folders recursively (known suffixes, no hidden files), globs."""
    for p in paths:
        path = Path(p)
        if path.exists():
            hits = [path]
        elif glob.has_magic(str(p)):
            hits = [Path(h) for h in sorted(glob.glob(str(p), recursive=True))]
            if not hits:
                yield BadRecord(str(p), "the pattern matches no file; check the path or quote the pattern")
        else:
            yield BadRecord(str(p), "no such file or folder; check the path")
            continue
        for h in hits:
            if h.is_dir():
                yield from _walk(h)
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


def iter_inputs(
    paths: Sequence[str | Path],
    *,
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Callable[[Path], None] | None = None,
) -> Iterator[Article | BadRecord]:
    """Every article (or bad record) in the files, folders and globs of ``paths``, in path order.

    ``on_file`` is called with each file before it is read (counts and progress).
    """
    for f in expand_paths(paths):
        if isinstance(f, BadRecord):
            yield f
            continue
        if on_file is not None:
            on_file(f)
        for item in reader_for(f)(f, default_date=default_date, max_bytes=max_bytes):
            yield check_article(item)
