"""HTML pages: main text with trafilatura, date/title/url from the page's metadata, else --date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, MissingDateError
from ..records import Article, BadRecord
from .common import DEFAULT_LIMITS, Item, Limits, bad, make_article, parse_date, read_bytes
from .seed import split_faq

# extensive_search=False: only metadata, JSON-LD and URL dates. The extensive search guesses from
# any year in the page (a "Copyright 2023" footer became 2023-01-01 in our trial), which is worse
# than falling back to the caller's date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def article_from_html(
    page: bytes | str, source: str, *, default_date: dt.date | None = None, url: str = ""
) -> Article | BadRecord:
    """One article from an HTML page; ``default_date`` is used only when the page names no date."""
    import trafilatura  # 0.15 s of imports: paid only when a page is read, not by every CLI command

    doc = trafilatura.bare_extraction(
        page, url=url or None, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        return BadRecord(source, "no article text found in the HTML page; check that it is an article page")
    title = (getattr(doc, "title", None) or "").strip()
    lines = text.split("\n")
    if title and lines[0].strip() == title and len(lines) > 1:
        text = "\n".join(lines[1:]).strip()  # the headline is kept in Article.title, not repeated in the body
    try:
        raw_date = getattr(doc, "date", None)
        if raw_date:
            date = parse_date(raw_date, source)
        elif default_date is not None:
            date = default_date
        else:
            raise MissingDateError(source)
    except InputError as exc:
        return bad(exc)
    body, faq = split_faq(text)
    return make_article(body, date, source, title=title, url=url or getattr(doc, "url", None) or "", faq=faq)


def read_html(path: Path, *, default_date: dt.date | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """An .html file as one article (bytes go to trafilatura so the page's own charset is honoured)."""
    data = read_bytes(path, limits.max_bytes)
    yield data if isinstance(data, BadRecord) else article_from_html(data, str(path), default_date=default_date)
