"""Pydantic response models: the JSON shapes of the HTTP API (pydantic lives only at this boundary)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """Every 4xx body: one line that names the fix."""

    error: str


class HealthOut(BaseModel):
    """Store liveness and table sizes, so the dashboard can show what it is looking at."""

    status: str
    store: str
    articles: int
    events: int
    ties: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None


class Highlight(BaseModel):
    """A span to mark inside a sentence; offsets index the sentence text, not the article."""

    start: int
    end: int
    role: str = Field(description="source | target | event")
    code: str | None = None
    text: str


class Evidence(BaseModel):
    """Why an event exists: the sentence, its place in the article and the marked spans."""

    sentence: str
    sentence_index: int
    sentence_start: int
    article_id: str
    article_title: str
    article_date: dt.date | None
    article_url: str
    highlights: list[Highlight]


class EventOut(BaseModel):
    """One coded event with its evidence."""

    id: str
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
    code_name: str = Field(description="CAMEO name of the code")
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    pattern: str
    confidence: float
    speaker: str | None
    source_text: str | None
    target_text: str | None
    note: str | None
    event_date: dt.date | None = Field(None, description="when it happened, read from the sentence (else the article date)")
    timing: str = Field("new", description="new | recent | background (a month or more before the article)")
    evidence: Evidence


class EventsOut(BaseModel):
    """A page of events; ``total`` counts all matches so the client can page."""

    total: int
    limit: int
    offset: int
    events: list[EventOut]


class TieOut(BaseModel):
    """One stative relation (``a`` depends on / receives from ``b``)."""

    id: str
    article_id: str
    date: dt.date
    sentence_index: int
    start: int
    end: int
    a: str
    b: str
    type: str
    pattern: str
    confidence: float
    note: str | None


class MentionOut(BaseModel):
    """An actor mention with its resolution (the skeptic's 'why this code')."""

    sentence_index: int
    start: int
    end: int
    text: str
    code: str
    role: str | None
    kind: str
    rule: str
    antecedent: str | None


class SentenceOut(BaseModel):
    """A sentence of an article (offsets index the article text)."""

    index: int
    start: int
    end: int
    text: str


class FaqOut(BaseModel):
    question: str
    answer: str


class ArticleOut(BaseModel):
    """The explain view of one article: text, sentences, mentions, events and ties."""

    id: str
    date: dt.date
    title: str
    url: str
    source: str
    story_id: str | None
    text: str
    faq: list[FaqOut]
    sentences: list[SentenceOut]
    mentions: list[MentionOut]
    events: list[EventOut]
    ties: list[TieOut]


class CountryOut(BaseModel):
    """An actor code present in the store, with its name when the lexicon knows it."""

    code: str
    name: str
    events: int


class CountriesOut(BaseModel):
    countries: list[CountryOut]


class ActorOut(BaseModel):
    """A lexicon entry (country or organisation)."""

    code: str
    name: str
    kind: str
    aliases: list[str]
    adjectives: list[str]
    capitals: list[str]
    codable: bool


class ActorsOut(BaseModel):
    actors: list[ActorOut]


# -- analysis (mirrors multivector.analysis.records field for field) -----------------------
class EventRefOut(BaseModel):
    """A cited event: the evidence sentence an aggregate rests on."""

    id: str
    article_id: str
    date: dt.date
    sentence_idx: int
    sentence: str
    source: str
    target: str
    code: str
    root: str
    quad_class: int
    goldstein: float
    confidence: float
    source_text: str
    target_text: str
    event_date: dt.date | None = None
    timing: str = Field("new", description="new | recent | background (a month or more before the article)")
    event_id: str = Field("", description="the happening this mention reports (across articles and outlets)")
    interaction_id: str = Field("", description="the interaction counted in pole shares")
    story_id: str = ""
    title: str = ""
    url: str = ""
    outlet: str = ""


class TieRefOut(BaseModel):
    id: str
    article_id: str
    date: dt.date
    sentence_idx: int
    sentence: str
    a: str
    b: str
    type: str
    confidence: float


class DyadPeriodOut(BaseModel):
    """Events source -> target in one period; counts and Goldstein sums by quad class 1..4."""

    period: str
    start: dt.date
    end: dt.date
    source: str
    target: str
    n: int
    counts: list[int]
    goldstein: list[float]
    net_cooperation: float
    coop_minus_conflict: int
    mentions: int = Field(0, description="coded mentions behind the n events")


class DyadOut(BaseModel):
    a: str
    b: str
    freq: str
    periods: list[DyadPeriodOut]


class PoleOut(BaseModel):
    name: str
    label: str
    members: list[str]
    names: list[str]
    colour: str | None = None  # /api/poles: the pole's chart colour (multivector/palette.py), as in the HTML brief


class PolesOut(BaseModel):
    poles: list[PoleOut]
    default: list[str]


class PolePeriodOut(BaseModel):
    """The country's engagement with one pole in one period (share, net cooperation, ties)."""

    pole: str
    period: str
    start: dt.date
    end: dt.date
    n: int
    n_out: int
    n_in: int
    share: float | None
    lean: float | None
    net_cooperation: float
    cooperation: int
    conflict: int
    counts: list[int]
    ties: list[tuple[str, str, int]]
    share_low: float | None = Field(None, description="90% interval of the share, over stories")
    share_high: float | None = None
    stories: int = 0
    articles: int = 0
    outlets: int = 0
    mentions: int = 0


class PeriodBalanceOut(BaseModel):
    """One period's split: shares per pole, evenness index in [0, 1], two-pole tilt; ``note`` when the
    period has too little evidence to show shares."""

    period: str
    start: dt.date
    end: dt.date
    total: int
    shares: list[tuple[str, float]]
    index: float | None
    tilt: float | None
    stories: int = 0
    articles: int = 0
    outlets: int = 0
    note: str = ""


class ShiftOut(BaseModel):
    """A change beyond noise in one pole's measure between consecutive periods, with driving events."""

    pole: str
    measure: str
    before: str
    after: str
    value_before: float
    value_after: float
    n_before: int
    n_after: int
    z: float
    p_value: float
    direction: str
    drivers: list[EventRefOut]
    kind: str = "change_point"
    span_before: str = ""
    span_after: str = ""
    low_before: float | None = None
    high_before: float | None = None
    low_after: float | None = None
    high_after: float | None = None
    stories_before: int = 0
    stories_after: int = 0


class BalanceOut(BaseModel):
    """The balance report; ``events``/``ties`` are filled only with ``evidence=true`` (they can be long)."""

    country: str
    poles: list[PoleOut]
    freq: str
    since: dt.date | None
    until: dt.date | None
    periods: list[str]
    rows: list[PolePeriodOut]
    balance: list[PeriodBalanceOut]
    shifts: list[ShiftOut]
    events: list[EventRefOut]
    ties: list[TieRefOut]
    include_background: bool = False


class CitedOut(BaseModel):
    """One cited sentence of an answer, best first; ``via`` names the rankings that found it."""

    rank: int
    article_id: str
    title: str
    date: dt.date
    sentence_idx: int
    sentence: str
    score: float
    via: list[str]


class AnswerOut(BaseModel):
    """A short answer to a question with ranked citations."""

    question: str
    actors: list[str]
    intent: str
    text: str
    citations: list[CitedOut]
    summary: str = ""
    subject: str | None = None  # what the question is about (X in "why does X matter to Y")
    party: str | None = None  # to whom (Y)
    evidence: int = 0  # coded events and ties between them in the store
