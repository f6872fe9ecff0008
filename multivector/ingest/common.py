"""Shared pieces of the readers: dates, safe file reading, HTML stripping, bad-record helpers."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import BadDateError, InputError, MissingDateError
from ..records import Article, BadRecord

# 20 MB: ~3,000 news articles of text; anything bigger read whole is a dump, not an article.
DEFAULT_MAX_BYTES = 20_000_000

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
# Scanned for NUL bytes: text never holds them, every binary format we met does within 8 KB.
_SNIFF = 8192

Item = Article | BadRecord


def bad(exc: InputError) -> BadRecord:
    """The quarantine record of an input error (source plus the one-line reason naming the fix)."""
    return BadRecord(exc.source, f"{exc.problem}; {exc.fix}")


def parse_date(value: object, source: str) -> dt.date:
    """A calendar date from ISO text (date or datetime), an RFC 2822 string or a date object."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        raise MissingDateError(source)
    m = _ISO.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise BadDateError(source, text) from None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise BadDateError(source, text) from None


def unreadable(path: Path, exc: OSError) -> BadRecord:
    """The quarantine record for a file the OS will not let us read."""
    return BadRecord(str(path), f"cannot read ({exc.strerror or exc}); check the path and its permissions")


def read_bytes(path: Path, max_bytes: int) -> bytes | BadRecord:
    """The file's bytes, or a BadRecord when it is unreadable, empty, too big or binary."""
    src = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return BadRecord(src, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit; "
                                  "split it into smaller files or raise --max-bytes")
        data = path.read_bytes()
    except OSError as exc:
        return unreadable(path, exc)
    if not data.strip():
        return BadRecord(src, "empty file; remove it or fill it with an article")
    if b"\x00" in data[:_SNIFF]:
        return BadRecord(src, "binary file, not text; pass .txt/.jsonl/.csv/.html/.xml/.warc files only")
    return data


def decode(data: bytes, source: str) -> str | BadRecord:
    """UTF-8 text (a BOM is dropped) or a BadRecord telling how to convert the file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return BadRecord(source, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                 f"convert it, e.g. iconv -f LATIN1 -t UTF-8 '{source}' > fixed.txt")


def read_text(path: Path, max_bytes: int) -> str | BadRecord:
    """The file as UTF-8 text, or why not."""
    data = read_bytes(path, max_bytes)
    return data if isinstance(data, BadRecord) else decode(data, str(path))


class _Stripper(HTMLParser):
    """Collects text, breaking lines at block tags so paragraphs stay sentences apart."""

    BLOCK = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article header footer".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def strip_html(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries): tags dropped, one paragraph per line."""
    p = _Stripper()
    p.feed(fragment)
    p.close()
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", ln).strip() for ln in "".join(p.parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)
