"""The seed format: 'date YYYY-MM-DD' then the article, optionally an FAQ section of Q:/A: lines.

See ../shared/seed/*.txt: the date may be preceded by whitespace and the text may follow on
the same line. The FAQ (claims about the article, not events) goes to ``Article.faq``.
"""

from __future__ import annotations

import datetime as dt
import re

from ..records import FaqItem
from .common import parse_date

# The value must start with a digit so prose such as "Date palms grow..." is not taken for a prefix.
_PREFIX = re.compile(r"\A\s*date\s*:?\s+(\d[\d./-]*)[ \t]*(?:\r?\n)?", re.IGNORECASE)
_FAQ_HEAD = re.compile(
    r"^[ \t]*(?:#+[ \t]*)?(?:frequently asked questions|faqs?)[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE
)
_QA = re.compile(r"^[ \t]*(Q|A)[ \t]*[:.)][ \t]*", re.IGNORECASE)


def split_prefix(text: str, source: str) -> tuple[dt.date | None, str]:
    """The date of a leading 'date YYYY-MM-DD' (BadDateError if impossible) and the text after it."""
    m = _PREFIX.match(text)
    if not m:
        return None, text
    return parse_date(m[1], source), text[m.end():]


def parse_faq(section: str) -> tuple[FaqItem, ...]:
    """Q:/A: pairs; lines without a marker continue the current question or answer."""
    items: list[FaqItem] = []
    q: list[str] = []
    a: list[str] = []
    cur: list[str] | None = None
    for line in section.splitlines():
        m = _QA.match(line)
        if m and m[1].upper() == "Q":
            if q:
                items.append(FaqItem(" ".join(q), " ".join(a)))
            q, a = [line[m.end():].strip()], []
            cur = q
        elif m:
            a.append(line[m.end():].strip())
            cur = a
        elif line.strip() and cur is not None:
            cur.append(line.strip())
    if q:
        items.append(FaqItem(" ".join(q), " ".join(a)))
    return tuple(it for it in items if it.question)


def split_faq(text: str) -> tuple[str, tuple[FaqItem, ...]]:
    """The body before an FAQ heading, and the FAQ items after it (body unchanged if none)."""
    m = _FAQ_HEAD.search(text)
    if not m:
        return text, ()
    return text[: m.start()], parse_faq(text[m.end():])


def parse_seed(text: str, source: str) -> tuple[dt.date | None, str, tuple[FaqItem, ...]]:
    """Date (None if no prefix), body text (stripped, FAQ removed) and FAQ items of a seed-format text."""
    date, rest = split_prefix(text, source)
    body, faq = split_faq(rest)
    return date, body.strip(), faq
