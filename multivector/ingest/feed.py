"""RSS and Atom feeds with feedparser: one article per entry (title, link, date, text without HTML).

Dates: the entry's own date text is read with :func:`common.parse_date`; feedparser's parsed form
is used only for formats that reader does not know, and only when its year and day appear in the
text. feedparser rolls impossible dates over (2023-02-30 became 2023-03-02, 10000-01-01 became
2010-12-01); such dates are refused instead.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from ..errors import BadDateError, InputError, MissingDateError
from ..records import BadRecord
from .common import (
    DEFAULT_LIMITS,
    Item,
    Limits,
    bad,
    definite_date_text,
    make_article,
    parse_date,
    read_bytes,
    strip_html,
)
from .seed import split_faq

_NUMBERS = re.compile(r"\d+")
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def _safe_charref(m: re.Match[bytes]) -> bytes:
    """A numeric character reference XML allows, else U+FFFD (feedparser crashes on &#xD800;)."""
    digits = m[1] or m[2]
    if len(digits) > 8:
        return b"&#xFFFD;"
    cp = int(digits, 16 if m[1] else 10)
    ok = cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF
    return m[0] if ok else b"&#xFFFD;"


def _entry_date(entry: Any, source: str) -> dt.date | None:
    """The entry's date (published, else updated, else created); BadDateError for an impossible one."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not isinstance(raw, str) or not raw.strip():
            continue
        try:
            return parse_date(raw, source)
        except BadDateError:
            if definite_date_text(raw):
                raise
        st = entry.get(f"{key}_parsed")
        numbers = {int(n) for n in _NUMBERS.findall(raw) if len(n) <= 4}
        if isinstance(st, time.struct_time) and st.tm_year in numbers and st.tm_mday in numbers:
            return parse_date(dt.date(st.tm_year, st.tm_mon, st.tm_mday), source)
        raise BadDateError(source, raw.strip()[:40])
    return None


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks and summary, as plain text."""
    blocks = [c.get("value", "") for c in entry.get("content", []) or [] if isinstance(c, dict)]
    blocks.append(entry.get("summary", "") or "")
    return strip_html(max((b for b in blocks if isinstance(b, str)), key=len, default=""))


def read_feed(path: Path, *, default_date: dt.date | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """Every entry of an RSS/Atom file; an entry without text or date becomes its own BadRecord."""
    data = read_bytes(path, limits.max_bytes)
    if isinstance(data, BadRecord):
        yield data
        return
    parsed = feedparser.parse(_CHARREF.sub(_safe_charref, data))
    if not parsed.entries:
        problem = f"not a readable feed ({parsed.get('bozo_exception')})" if parsed.get("bozo") else "feed has no entries"
        yield BadRecord(str(path), f"{problem}; check that it is RSS or Atom XML")
        return
    for i, entry in enumerate(parsed.entries):
        src = f"{path}#{i + 1}"
        text = _entry_text(entry)
        if not text:
            yield BadRecord(src, "feed entry has no summary or content text; the linked page may be fetched and ingested as HTML")
            continue
        try:
            date = _entry_date(entry, src) or default_date
            if date is None:
                raise MissingDateError(src)
        except InputError as exc:
            yield bad(exc)
            continue
        body, faq = split_faq(text)
        yield make_article(body, date, src, title=strip_html(entry.get("title", "") or ""),
                           url=str(entry.get("link", "") or ""), faq=faq)
