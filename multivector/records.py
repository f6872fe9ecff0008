"""Frozen record types that flow one way through the pipeline.

Article (ingest) -> Sentence, Mention (nlp, actors) -> Event, Tie (events)
-> CodedArticle (one article, everything found in it) -> store / export.
Character offsets are always into ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

_WS = re.compile(r"\s+")


def content_id(text: str) -> str:
    """Stable id of an article's body: sha1 of its whitespace-folded, lower-cased text."""
    norm = _WS.sub(" ", text).strip().lower()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class FaqItem:
    """One question and its answer from an article's FAQ section (claims, not events)."""

    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class Article:
    """A dated news article; ``text`` is the body only (FAQ kept apart)."""

    id: str
    date: dt.date
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    faq: tuple[FaqItem, ...] = ()
    lang: str = "en"

    @classmethod
    def make(
        cls,
        text: str,
        date: dt.date,
        *,
        title: str = "",
        url: str = "",
        source: str = "",
        faq: tuple[FaqItem, ...] = (),
        lang: str = "en",
    ) -> Article:
        """Build an article whose id is the content id of its body."""
        return cls(content_id(text), date, text, title, url, source, faq, lang)


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention; ``antecedent`` names the mention it was resolved from, if any."""

    sentence_index: int
    start: int
    end: int
    text: str
    code: str
    role: str | None
    kind: str  # country | leader | capital | igo | bloc | adjective | person | anaphor | pronoun
    rule: str
    antecedent: str | None = None  # e.g. "Kazakhstan (sentence 0)"


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event with its evidence: sentence, span, pattern that fired."""

    article_id: str
    date: dt.date
    sentence_index: int
    start: int
    end: int
    source: str
    source_role: str | None
    target: str
    target_role: str | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str
    pattern: str
    confidence: float = 1.0
    speaker: str | None = None
    source_text: str = ""
    target_text: str = ""
    note: str = ""

    @property
    def id(self) -> str:
        key = "|".join(
            map(str, (self.article_id, self.sentence_index, self.start, self.source, self.target, self.code, self.pattern))
        )
        return hashlib.sha1(key.encode()).hexdigest()[:16]


TIE_TYPES = ("trade", "energy", "security", "aid", "investment")


@dataclass(frozen=True, slots=True)
class Tie:
    """A stative relation; ``a`` is the dependent or receiving side."""

    article_id: str
    date: dt.date
    sentence_index: int
    start: int
    end: int
    a: str
    b: str
    type: str
    pattern: str
    confidence: float = 1.0
    note: str = ""

    @property
    def id(self) -> str:
        key = "|".join(map(str, (self.article_id, self.sentence_index, self.start, self.a, self.b, self.type)))
        return hashlib.sha1(key.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """One article with everything the coder found in it."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    ties: tuple[Tie, ...] = ()
    story_id: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class BadRecord:
    """An input that could not become an article: quarantined with its reason."""

    source: str
    reason: str
