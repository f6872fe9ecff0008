"""Dyads over time: events between two actors per period, both directions, by quad class.

The unit is the *event* (multivector.identity): every mention of one happening counts once, in the period
of its event date; background events (a month or more before every report of them) only with
``include_background``. Each event's code, quad class and Goldstein score are its earliest mention's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..store import Store
from .common import check_codes, check_dates, check_freq, fetch_events, period_range, period_start, require_articles
from .records import QUADS, DyadPeriod, EventRef


def aggregate(
    events: Sequence[EventRef], source: str, target: str, periods: Sequence[tuple[str, dt.date, dt.date]], freq: str
) -> list[DyadPeriod]:
    """One DyadPeriod per period for the given events (already filtered to this direction)."""
    firsts: dict[str, EventRef] = {}
    mentions: dict[str, int] = {}
    for e in sorted(events, key=lambda e: (e.when, e.date, e.article_id, e.sentence_idx, e.id)):
        firsts.setdefault(e.event_id or e.id, e)
        mentions[e.event_id or e.id] = mentions.get(e.event_id or e.id, 0) + 1
    by: dict[dt.date, list[EventRef]] = {}
    for e in firsts.values():
        by.setdefault(period_start(e.when, freq), []).append(e)
    out = []
    for label, start, end in periods:
        evs = by.get(start, [])
        counts = tuple(sum(1 for e in evs if e.quad_class == q) for q in QUADS)
        gold = tuple(round(sum(e.goldstein for e in evs if e.quad_class == q), 6) for q in QUADS)
        out.append(
            DyadPeriod(
                label, start, end, source, target, len(evs),
                (counts[0], counts[1], counts[2], counts[3]), (gold[0], gold[1], gold[2], gold[3]),
                round(sum(e.goldstein for e in evs), 6),
                counts[0] + counts[1] - counts[2] - counts[3],
                sum(mentions[e.event_id or e.id] for e in evs),
            )
        )
    return out


def _counted(events: list[EventRef], include_background: bool) -> list[EventRef]:
    """Mentions of events that count: an event is background only when every mention of it is."""
    if include_background:
        return events
    news = {e.event_id or e.id for e in events if e.timing != "background"}
    return [e for e in events if (e.event_id or e.id) in news]


def dyad_series(
    store: Store, a: str, b: str, *, freq: str = "month",
    since: dt.date | None = None, until: dt.date | None = None, include_background: bool = False,
) -> list[DyadPeriod]:
    """Events a->b and b->a per period (empty periods included), a->b first within each period.

    Periods run from ``since`` (else the dyad's first event) to ``until`` (else its last event).
    """
    require_articles(store)
    freq = check_freq(freq)
    check_dates(since, until)
    a, b = check_codes(store, [a, b])
    ab = _counted(fetch_events(store, [a], [b], since=since, until=until), include_background)
    ba = _counted(fetch_events(store, [b], [a], since=since, until=until), include_background)
    dates = [e.when for e in ab + ba]
    first = since or (min(dates) if dates else None)
    last = until or (max(dates) if dates else None)
    if first is None or last is None:
        return []
    periods = period_range(first, last, freq)
    fwd, back = aggregate(ab, a, b, periods, freq), aggregate(ba, b, a, periods, freq)
    return [d for pair in zip(fwd, back, strict=True) for d in pair]
