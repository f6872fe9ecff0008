"""Shared pieces of the readers: limits, dates, safe file reading and decoding, text cleaning, HTML stripping.

Every limit is explicit (:class:`Limits`) so a hostile input costs bounded time and memory: bytes per
file, characters per article (longer ones are split into parts, see ``split_long``), JSON depth and
integer size, and a date range (1900 to the end of next year: an article outside it is refused, never
rewritten).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import os
import re
import stat
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import BadDateError, InputError, MissingDateError
from ..records import Article, BadRecord, FaqItem

# 20 MB: ~3,000 news articles of text; anything bigger read whole is a dump, not an article.
DEFAULT_MAX_BYTES = 20_000_000
# 100,000 characters: ~16,000 words, five times the longest feature in the gold sets; longer texts
# (books, dumps, one-line corpora) are coded in parts of at most this size, cut at paragraph or
# sentence ends. spaCy refuses more than 1,000,000 characters in one doc.
DEFAULT_MAX_CHARS = 100_000
# Article JSON is 2-3 levels deep; 64 leaves room for any wrapper and stops 100k-deep nesting.
DEFAULT_MAX_JSON_DEPTH = 64
# Integers in article records are ids and counts; Python refuses to parse over 4,300 digits anyway.
DEFAULT_MAX_INT_DIGITS = 100
FIRST_DATE = dt.date(1900, 1, 1)

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
# Scanned for NUL bytes: text never holds them, every binary format we met does within 8 KB.
_SNIFF = 8192
# Invalid UTF-8 sequences salvaged with U+FFFD: at most 1 per 1,000 bytes (stray bytes in a UTF-8
# file); more means another encoding (Latin-1 text has one in every ~100 bytes) and the fix is iconv.
_SALVAGE_PER_BYTE = 1 / 1000
_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that are not UTF-8, as decoded with surrogateescape
_SURROGATE_BYTES = re.compile(rb"(?:\xed[\xa0-\xbf][\x80-\xbf])+")
# C0 and C1 control characters except tab, newline and carriage return (NUL is dropped, the others
# become a space so words stay apart); ESC sequences could otherwise drive a terminal.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")

Item = Article | BadRecord


@dataclass(frozen=True, slots=True)
class Limits:
    """What one input may cost; every reader checks the ones that apply to it."""

    max_bytes: int = DEFAULT_MAX_BYTES  # per file read whole; per line (JSONL) or record (WARC)
    max_chars: int = DEFAULT_MAX_CHARS  # per article; longer ones are split into parts
    max_json_depth: int = DEFAULT_MAX_JSON_DEPTH
    max_int_digits: int = DEFAULT_MAX_INT_DIGITS


DEFAULT_LIMITS = Limits()


def last_date(today: dt.date | None = None) -> dt.date:
    """The last accepted article date: 31 December of next year (feeds post-date by hours, not years)."""
    return dt.date((today or dt.date.today()).year + 1, 12, 31)


class DateRangeError(InputError):
    def __init__(self, source: str, value: dt.date) -> None:
        super().__init__(source, f"date {value.isoformat()} is outside {FIRST_DATE.isoformat()}..{last_date().isoformat()}",
                         "fix the article's date (or pass --date for articles without one)")


def check_date(value: dt.date, source: str) -> dt.date:
    """``value`` when it lies in the accepted range, else DateRangeError (never clamped)."""
    if not FIRST_DATE <= value <= last_date():
        raise DateRangeError(source, value)
    return value


def bad(exc: InputError) -> BadRecord:
    """The quarantine record of an input error (source plus the one-line reason naming the fix)."""
    return BadRecord(exc.source, f"{exc.problem}; {exc.fix}")


def definite_date_text(text: str) -> bool:
    """True when ``text`` is in a form parse_date reads exactly (ISO or RFC 2822): its verdict is final."""
    return bool(_ISO.match(text)) or email.utils.parsedate_tz(text) is not None


def parse_date(value: object, source: str) -> dt.date:
    """A calendar date in range from ISO text (date or datetime), an RFC 2822 string or a date object.

    An impossible day (2023-02-30), a year out of range (0, 9999, twenty digits) or unreadable text
    raises; nothing is rolled over or clamped.
    """
    if isinstance(value, dt.datetime):
        return check_date(value.date(), source)
    if isinstance(value, dt.date):
        return check_date(value, source)
    text = str(value or "").strip()
    if not text:
        raise MissingDateError(source)
    shown = text[:40]
    m = _ISO.match(text)
    if m:
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise BadDateError(source, shown) from None
        return check_date(day, source)
    try:
        day = email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        raise BadDateError(source, shown) from None
    return check_date(day, source)


def display(text: str) -> str:
    """``text`` as one printable line: undecodable file-name bytes as \\xNN, control characters escaped."""
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # surrogates that are not escaped bytes
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if _LINE_CONTROL.search(text):
        text = _LINE_CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)
    return text


def clean_text(text: str) -> str:
    """Text safe to store and print: lone surrogates become U+FFFD, NUL is dropped, other controls a space."""
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda m: "" if m[0] == "\x00" else " ", text)
    return text


def clean_line(text: str) -> str:
    """A title, URL or name: cleaned text on one line."""
    return " ".join(clean_text(text).split())


def make_article(
    text: str, date: dt.date, source: str, *, title: str = "", url: str = "", faq: tuple[FaqItem, ...] = ()
) -> Article | BadRecord:
    """The one way readers build an article: text cleaned before its content id, the date range checked."""
    body = clean_text(text).strip()
    if not body:
        return BadRecord(source, "no article text; add the article body")
    try:
        check_date(date, source)
    except InputError as exc:
        return bad(exc)
    faq = tuple(FaqItem(clean_line(f.question), clean_line(f.answer)) for f in faq)
    return Article.make(body, date, title=clean_line(title), url=clean_line(url), source=source, faq=faq)


def unreadable(path: Path, exc: OSError) -> BadRecord:
    """The quarantine record for a file the OS will not let us read."""
    return BadRecord(str(path), f"cannot read ({exc.strerror or exc}); check the path and its permissions")


def special_file(path: Path) -> BadRecord | None:
    """A BadRecord when ``path`` is not a regular file (FIFO, device, socket): reading it could block or never end."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return unreadable(path, exc)
    if stat.S_ISREG(mode):
        return None
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "a folder" if stat.S_ISDIR(mode) else "not a regular file")
    return BadRecord(str(path), f"{kind}, not a regular file; copy the data into a file and ingest that")


def read_bytes(path: Path, max_bytes: int) -> bytes | BadRecord:
    """The file's bytes, or a BadRecord when it is special, unreadable, empty, too big or binary."""
    src = str(path)
    refused = special_file(path)
    if refused is not None:
        return refused
    too_big = BadRecord(src, f"file is over the {max_bytes / 1e6:g} MB limit; split it into smaller files or raise --max-bytes")
    try:
        if path.stat().st_size > max_bytes:
            return too_big
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        return unreadable(path, exc)
    if len(data) > max_bytes:
        return too_big
    if not data.strip():
        return BadRecord(src, "empty file; remove it or fill it with an article")
    if b"\x00" in data[:_SNIFF]:
        return BadRecord(src, "binary file, not text; pass .txt/.jsonl/.csv/.html/.xml/.warc files only")
    return data


def decode(data: bytes, source: str) -> str | BadRecord:
    """UTF-8 text (BOM and NUL dropped); a few stray bytes in UTF-8 text become U+FFFD, another encoding is refused.

    Stray bytes are salvaged when the rest shows the file is UTF-8 (it holds valid non-ASCII UTF-8, or
    the strays are UTF-8-encoded surrogates) and they are few (at most 3, or 1 per 1,000 bytes);
    otherwise the file is in another encoding and the fix is iconv.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        escaped = data.decode("utf-8-sig", errors="surrogateescape")
        runs = [m[0].encode("utf-8", "surrogateescape") for m in _ESCAPED.finditer(escaped)]
        n_bad = sum(len(r) for r in runs)
        utf8 = any(ord(c) > 0x7F for c in _ESCAPED.sub("", escaped)) or all(_SURROGATE_BYTES.fullmatch(r) for r in runs)
        if not utf8 or n_bad > max(3, len(data) * _SALVAGE_PER_BYTE):
            return BadRecord(source, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                     f"convert it, e.g. iconv -f LATIN1 -t UTF-8 '{display(source)}' > fixed.txt")
        text = data.decode("utf-8-sig", errors="replace")
    return text.replace("\x00", "") if "\x00" in text else text


def read_text(path: Path, max_bytes: int) -> str | BadRecord:
    """The file as UTF-8 text, or why not."""
    data = read_bytes(path, max_bytes)
    return data if isinstance(data, BadRecord) else decode(data, str(path))


# -- long articles ---------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


def _cut(text: str, limit: int) -> int:
    """Where to end the first part of ``text`` (at most ``limit`` characters): a paragraph end, else a line
    end, else a sentence end, else a space, each only in the second half of the window; else ``limit``."""
    window = text[:limit]
    half = limit // 2
    for sep in ("\n\n", "\n"):
        i = window.rfind(sep)
        if i >= half:
            return i + len(sep)
    ends = [m.end() for m in _SENTENCE_END.finditer(window, half)]
    if ends:
        return ends[-1]
    i = window.rfind(" ")
    return i + 1 if i >= half else limit


def split_long(article: Article, max_chars: int) -> list[Article]:
    """``article`` itself when short enough, else its parts (each at most ``max_chars``), titled 'part k of n'.

    Every character of the body lands in exactly one part, so nothing accepted is lost; each part is
    an article of its own (own content id and story), coded like any other.
    """
    if len(article.text) <= max_chars:
        return [article]
    text, pos, chunks = article.text, 0, []
    while len(text) - pos > max_chars:
        window = text[pos : pos + max_chars]
        at = _cut(window, max_chars)
        chunks.append(window[:at])
        pos += at
    chunks.append(text[pos:])
    chunks = [c.strip() for c in chunks if c.strip()]
    n = len(chunks)
    return [
        Article.make(c, article.date, title=f"{article.title} (part {k} of {n})".lstrip(), url=article.url, source=article.source,
                     faq=article.faq if k == 1 else (), lang=article.lang)
        for k, c in enumerate(chunks, 1)
    ]


# -- HTML fragments ----------------------------------------------------------------------
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


def fs_path(path: Path) -> str:
    """A path as text for messages and sources (undecodable bytes of its name escaped)."""
    return display(os.fspath(path))
