"""RSS and Atom feeds with feedparser: one article per entry (title, link, date, text without HTML)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from ..errors import MissingDateError
from ..records import Article, BadRecord
from .common import DEFAULT_MAX_BYTES, Item, bad, read_bytes, strip_html
from .seed import split_faq


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if isinstance(st, time.struct_time):
            return dt.date(st.tm_year, st.tm_mon, st.tm_mday)
    return None


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks and summary, as plain text."""
    blocks = [c.get("value", "") for c in entry.get("content", []) or []]
    blocks.append(entry.get("summary", "") or "")
    return strip_html(max(blocks, key=len))


def read_feed(path: Path, *, default_date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every entry of an RSS/Atom file; an entry without text or date becomes its own BadRecord."""
    data = read_bytes(path, max_bytes)
    if isinstance(data, BadRecord):
        yield data
        return
    parsed = feedparser.parse(data)
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
        date = _entry_date(entry) or default_date
        if date is None:
            yield bad(MissingDateError(src))
            continue
        body, faq = split_faq(text)
        yield Article.make(
            body.strip(), date, title=strip_html(entry.get("title", "") or ""), url=entry.get("link", "") or "",
            source=src, faq=faq,
        )
