"""Frozen result records of the analysis layer (dyads, balance between poles, shifts).

Every number a user sees is traceable: aggregates carry the events behind them as
:class:`EventRef` (article id, date, sentence text). Counting units (multivector.identity):
an EventRef is one coded *mention*; mentions of one happening form an *event* (``event_id``,
the unit of dyads and of the GDELT export) and an *interaction* (``interaction_id``: symmetric
families such as meetings counted once whichever direction was coded), the unit of pole shares.
The unit of evidence for intervals and tests is the *story* (an article and its near-duplicates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Quad classes as in CAMEO/GDELT: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.
QUADS = (1, 2, 3, 4)
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class Pole:
    """A named grouping of actor codes (RUS, the West, China ...) that competes for a country."""

    name: str
    label: str
    members: tuple[str, ...]
    names: tuple[str, ...] = ()  # surface words naming the pole as a whole ("the West", "Western")


@dataclass(frozen=True, slots=True)
class EventRef:
    """One stored event with its evidence sentence (what a citation points to)."""

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
    confidence: float = 1.0
    source_text: str = ""
    target_text: str = ""
    event_date: dt.date | None = None  # when it happened (identity.timing); ``date`` is the article's
    timing: str = "new"  # new | recent | background
    event_id: str = ""  # the happening (mentions across sentences, articles, outlets)
    interaction_id: str = ""  # the interaction counted in pole shares
    story_id: str = ""
    title: str = ""
    url: str = ""
    outlet: str = ""  # the URL's host, or the article's source name; "" when unknown

    @property
    def when(self) -> dt.date:
        """The event date (the article date when the store has none)."""
        return self.event_date or self.date


@dataclass(frozen=True, slots=True)
class Interaction:
    """One interaction between two actors: every mention of it, the stories and outlets that reported it.

    ``code``, ``quad_class`` and ``goldstein`` are those of its most reported code (ties: the earliest);
    ``story_id`` is the story of its earliest report, the unit its evidence counts for.
    """

    id: str
    date: dt.date  # event date of its earliest mention
    timing: str  # "new" if any report gives it as news, else "recent", else "background"
    source: str
    target: str
    code: str
    root: str
    quad_class: int
    goldstein: float
    story_id: str
    mentions: tuple[EventRef, ...]  # earliest report first
    stories: tuple[str, ...]
    articles: int  # articles reporting it, near-duplicate copies included
    outlets: tuple[str, ...]

    def involves(self, a: str, others: set[str]) -> bool:
        """True when one party is ``a`` and the other in ``others``."""
        return any((m.source == a and m.target in others) or (m.target == a and m.source in others)
                   for m in self.mentions)


@dataclass(frozen=True, slots=True)
class TieRef:
    """One stored tie (``a`` depends on ``b``) with its evidence sentence."""

    id: str
    article_id: str
    date: dt.date
    sentence_idx: int
    sentence: str
    a: str
    b: str
    type: str
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """Events from ``source`` to ``target`` in one period, by quad class.

    ``counts`` and ``goldstein`` are indexed by quad class 1..4 (position 0 = verbal coop).
    ``net_cooperation`` is the Goldstein sum of all the period's events (positive = cooperative);
    ``coop_minus_conflict`` is (quad 1 + 2 counts) - (quad 3 + 4 counts).
    """

    period: str
    start: dt.date
    end: dt.date  # exclusive
    source: str
    target: str
    n: int
    counts: tuple[int, int, int, int]
    goldstein: tuple[float, float, float, float]
    net_cooperation: float
    coop_minus_conflict: int
    mentions: int = 0  # coded mentions behind the ``n`` events


@dataclass(frozen=True, slots=True)
class PolePeriod:
    """The country's engagement with one pole in one period (both directions counted).

    ``n`` counts interactions; ``share`` = this pole's interactions / interactions with all poles in the
    period, with its 90% interval [share_low, share_high] over stories (analysis.stats); None when the
    period has too little evidence (fewer than MIN_STORIES stories) or no interactions;
    ``lean`` = share - 1/k for k poles (positive: more than an even split);
    ``net_cooperation`` = Goldstein sum over the pole's interactions (both directions);
    ``stories``, ``articles`` and ``outlets`` say how much reporting is behind ``n``.
    """

    pole: str
    period: str
    start: dt.date
    end: dt.date
    n: int
    n_out: int  # country -> pole members
    n_in: int  # pole members -> country
    share: float | None
    lean: float | None
    net_cooperation: float
    cooperation: int  # quad 1-2 events
    conflict: int  # quad 3-4 events
    counts: tuple[int, int, int, int]
    ties: tuple[tuple[str, str, int], ...]  # (type, direction, count); direction "country_on_pole" | "pole_on_country"
    share_low: float | None = None
    share_high: float | None = None
    stories: int = 0
    articles: int = 0
    outlets: int = 0
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class PeriodBalance:
    """The split of the country's engagement across poles in one period.

    ``index`` is the normalised Shannon entropy of the pole shares, H(s) / ln k in [0, 1]:
    1 = engagement evenly split across all k poles, 0 = all of it with one pole; None without events.
    ``tilt`` (two poles only) = share(first) - share(second) in [-1, 1].
    """

    period: str
    start: dt.date
    end: dt.date
    total: int  # interactions with any pole
    shares: tuple[tuple[str, float], ...]  # empty when the evidence is too thin
    index: float | None
    tilt: float | None
    stories: int = 0  # stories (units of evidence) behind ``total``
    articles: int = 0
    outlets: int = 0
    note: str = ""  # e.g. "too little evidence: 2 stories (3 needed)"


@dataclass(frozen=True, slots=True)
class BalanceReport:
    """How a country's engagement is split between poles, period by period, with its evidence."""

    country: str
    poles: tuple[Pole, ...]
    freq: str
    since: dt.date | None
    until: dt.date | None
    periods: tuple[str, ...]
    rows: tuple[PolePeriod, ...]
    balance: tuple[PeriodBalance, ...]
    events: tuple[EventRef, ...]  # every mention between the country and any pole member
    ties: tuple[TieRef, ...]  # every tie between the country and any pole member
    interactions: tuple[Interaction, ...] = ()  # the counted units, oldest first
    include_background: bool = False

    def row(self, pole: str, period: str) -> PolePeriod:
        """The row of one pole in one period."""
        for r in self.rows:
            if r.pole == pole and r.period == period:
                return r
        raise KeyError((pole, period))

    def pole(self, name: str) -> Pole:
        """The pole called ``name``."""
        for p in self.poles:
            if p.name == name:
                return p
        raise KeyError(name)


@dataclass(frozen=True, slots=True)
class Shift:
    """A change of one pole's measure that noise does not explain (analysis.shifts).

    One change point: the measure over ``span_before`` (first..last period) against ``span_after``;
    ``before``/``after`` are the periods either side of the change. measure "share": the pole's
    interactions / all pole interactions, pooled over each span, with 90% intervals; measure "goldstein":
    mean Goldstein per interaction. ``n_*`` count interactions, ``stories_*`` the stories behind them;
    ``z`` is the split's statistic and ``p_value`` comes from permuting stories, adjusted for every pole
    and measure tested; ``drivers`` are earliest reports of the interactions that moved it.
    """

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
    direction: str  # "up" | "down"
    drivers: tuple[EventRef, ...]
    kind: str = "change_point"
    span_before: str = ""  # "2023-01..2023-08" (change point) or the period
    span_after: str = ""
    low_before: float | None = None  # 90% interval of value_before (shares)
    high_before: float | None = None
    low_after: float | None = None
    high_after: float | None = None
    stories_before: int = 0
    stories_after: int = 0
