"""Analysis over the store: dyads over time, balance between poles, shift detection.

Public API (stable; the web dashboard and the briefings build on it):

* ``dyad_series(store, a, b, *, freq="month", since=None, until=None, include_background=False)
  -> list[DyadPeriod]`` (events: every mention of one happening counts once)
* ``balance(store, country, poles, *, freq="month", since=None, until=None, poles_file=None,
  include_background=False) -> BalanceReport`` (interactions, shares with 90% intervals over stories)
* ``detect_shifts(report, *, alpha=0.05, min_count=5, measures=("share", "goldstein")) -> list[Shift]``
* ``load_poles(poles_file=None) -> dict[str, Pole]``; ``pole_interactions(report, pole, period=None)``;
  ``pole_events(report, pole, period=None)`` (their mentions)
"""

from __future__ import annotations

from .balance import balance, evenness, pole_events, pole_interactions, pole_ties
from .common import FREQS, period_label, period_range
from .dyads import dyad_series
from .poles import default_poles, load_poles, parse_pole_names, resolve_poles
from .records import (
    QUAD_NAMES,
    BalanceReport,
    DyadPeriod,
    EventRef,
    Interaction,
    PeriodBalance,
    Pole,
    PolePeriod,
    Shift,
    TieRef,
)
from .shifts import detect_shifts

__all__ = [
    "FREQS", "QUAD_NAMES", "BalanceReport", "DyadPeriod", "EventRef", "Interaction", "PeriodBalance", "Pole",
    "PolePeriod", "Shift", "TieRef", "balance", "default_poles", "detect_shifts", "dyad_series", "evenness",
    "load_poles", "parse_pole_names", "period_label", "period_range", "pole_events", "pole_interactions",
    "pole_ties", "resolve_poles",
]
