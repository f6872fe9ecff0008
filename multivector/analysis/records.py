"""Frozen result records of the analysis layer (dyads, balance between poles, shifts).

Every number a user sees is traceable: aggregates carry the events behind them as
:class:`EventRef` (article id, date, sentence text).
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


@dataclass(frozen=True, slots=True)
class PolePeriod:
    """The country's engagement with one pole in one period (both directions counted).

    ``share`` = this pole's events / events with all poles in the period (None when there are none);
    ``lean`` = share - 1/k for k poles (positive: more than an even split);
    ``net_cooperation`` = Goldstein sum over the pole's events (both directions).
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
    total: int
    shares: tuple[tuple[str, float], ...]
    index: float | None
    tilt: float | None


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
    events: tuple[EventRef, ...]  # every event between the country and any pole member
    ties: tuple[TieRef, ...]  # every tie between the country and any pole member

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
    """A change of one pole's measure between consecutive periods that noise does not explain.

    measure "share": two-proportion z-test on the pole's event counts against the period totals;
    measure "goldstein": mean Goldstein per event of the pole's events (Welch z or permutation test).
    ``p_value`` is Holm-adjusted across all tests of the report; ``z`` is the test statistic.
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
