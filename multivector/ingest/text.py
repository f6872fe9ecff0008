"""Plain-text articles: the file's own 'date YYYY-MM-DD' prefix (seed format), else the caller's --date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, MissingDateError
from ..records import Article, BadRecord
from .common import DEFAULT_LIMITS, Item, Limits, bad, make_article, read_text
from .seed import parse_seed


def article_from_text(
    text: str, source: str, *, default_date: dt.date | None = None, title: str = "", url: str = ""
) -> Article | BadRecord:
    """One article from seed-format or plain text; the file's own date wins over ``default_date``."""
    try:
        date, body, faq = parse_seed(text, source)
        date = date or default_date
        if date is None:
            raise MissingDateError(source)
    except InputError as exc:
        return bad(exc)
    if not body:
        return BadRecord(source, "no article text after the date line; add the article body")
    return make_article(body, date, source, title=title, url=url, faq=faq)


def read_text_file(path: Path, *, default_date: dt.date | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """A .txt file as one article (seed format or plain text with --date)."""
    text = read_text(path, limits.max_bytes)
    yield text if isinstance(text, BadRecord) else article_from_text(text, str(path), default_date=default_date)
