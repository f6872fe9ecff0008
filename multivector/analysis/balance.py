"""Balance between poles: how a country's engagement is split between Russia, the West, China ...

Definitions (also in the README):
* an event counts for pole P when it runs between the country and any member of P, either direction;
* share(P, t) = events with P in period t / events with all requested poles in t (an actor in two
  poles counts for both, so shares always sum to 1);
* net cooperation(P, t) = sum of Goldstein scores of those events (-10..+10 each; positive = cooperative);
  cooperation / conflict are the counts of quad 1-2 / quad 3-4 events;
* balance index(t) = normalised Shannon entropy of the shares, -sum(s ln s) / ln k in [0, 1]: 1 when the
  country spreads its engagement evenly over the k poles, 0 when it deals with one pole only. Entropy is
  used because it is defined for any k, symmetric in the poles, and is maximal only at the even split;
  the signed per-pole ``lean`` = share - 1/k says *which* pole is favoured, and for two poles
  ``tilt`` = share(first) - share(second) in [-1, 1];
* ties are stative dependencies by type and direction: "country_on_pole" (the country depends on the
  pole, e.g. imports, gas) or "pole_on_country".
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from pathlib import Path

from ..store import Store
from .common import (
    check_codes,
    check_dates,
    check_freq,
    fetch_events,
    fetch_ties,
    known_codes,
    period_range,
    period_start,
    require_articles,
)
from .poles import resolve_poles
from .records import QUADS, BalanceReport, EventRef, PeriodBalance, Pole, PolePeriod, TieRef

COUNTRY_ON_POLE = "country_on_pole"
POLE_ON_COUNTRY = "pole_on_country"


def evenness(shares: Sequence[float]) -> float:
    """Normalised Shannon entropy of shares (sum 1): 1 = even split over all of them, 0 = one takes all."""
    k = len(shares)
    if k < 2:
        return 0.0
    h = -sum(s * math.log(s) for s in shares if s > 0)
    return round(h / math.log(k), 6) + 0.0  # + 0.0 turns -0.0 (one pole takes all) into 0.0


def members_of(pole: Pole, country: str) -> list[str]:
    """A pole's members other than the country itself (a country does not balance against itself)."""
    return [m for m in pole.members if m != country]


def pole_events(report: BalanceReport, pole: str, period: str | None = None) -> list[EventRef]:
    """The report's events between the country and ``pole`` (optionally in one period)."""
    p = report.pole(pole)
    mem = set(members_of(p, report.country))
    out = []
    for e in report.events:
        if (e.source == report.country and e.target in mem) or (e.target == report.country and e.source in mem):
            if period is None or _label_of(report, e.date) == period:
                out.append(e)
    return out


def pole_ties(report: BalanceReport, pole: str) -> list[TieRef]:
    """The report's ties between the country and ``pole``, either direction."""
    mem = set(members_of(report.pole(pole), report.country))
    c = report.country
    return [t for t in report.ties if (t.a == c and t.b in mem) or (t.b == c and t.a in mem)]


def _label_of(report: BalanceReport, d: dt.date) -> str | None:
    for b in report.balance:
        if b.start <= d < b.end:
            return b.period
    return None


def balance(
    store: Store, country: str, poles: str | Sequence[str], *, freq: str = "month",
    since: dt.date | None = None, until: dt.date | None = None, poles_file: str | Path | None = None,
) -> BalanceReport:
    """Per pole and period: events, share, net cooperation, conflict, ties; per period: the balance index."""
    require_articles(store)
    freq = check_freq(freq)
    check_dates(since, until)
    (country,) = check_codes(store, [country])
    pls = resolve_poles(poles, known_codes(store), poles_file=poles_file)
    all_members = sorted({m for p in pls for m in members_of(p, country)})
    events = fetch_events(store, [country], all_members, since=since, until=until)
    events += fetch_events(store, all_members, [country], since=since, until=until)
    events.sort(key=lambda e: (e.date, e.article_id, e.sentence_idx, e.id))
    ties = fetch_ties(store, [country], all_members, since=since, until=until)
    ties += fetch_ties(store, all_members, [country], since=since, until=until)
    ties.sort(key=lambda t: (t.date, t.article_id, t.sentence_idx, t.id))

    dates = [e.date for e in events] + [t.date for t in ties]
    first = since or (min(dates) if dates else None)
    last = until or (max(dates) if dates else None)
    periods = period_range(first, last, freq) if first and last else []

    rows: list[PolePeriod] = []
    bal: list[PeriodBalance] = []
    k = len(pls)
    for label, start, end in periods:
        per: list[tuple[Pole, list[EventRef], list[TieRef]]] = []
        for p in pls:
            mem = set(members_of(p, country))
            evs = [e for e in events if period_start(e.date, freq) == start
                   and ((e.source == country and e.target in mem) or (e.target == country and e.source in mem))]
            tis = [t for t in ties if period_start(t.date, freq) == start
                   and ((t.a == country and t.b in mem) or (t.b == country and t.a in mem))]
            per.append((p, evs, tis))
        total = sum(len(evs) for _, evs, _ in per)
        shares: list[tuple[str, float]] = []
        for p, evs, tis in per:
            share = len(evs) / total if total else None
            counts = tuple(sum(1 for e in evs if e.quad_class == q) for q in QUADS)
            tie_counts: dict[tuple[str, str], int] = {}
            for t in tis:
                key = (t.type, COUNTRY_ON_POLE if t.a == country else POLE_ON_COUNTRY)
                tie_counts[key] = tie_counts.get(key, 0) + 1
            rows.append(
                PolePeriod(
                    p.name, label, start, end, len(evs),
                    sum(1 for e in evs if e.source == country), sum(1 for e in evs if e.target == country),
                    None if share is None else round(share, 6),
                    None if share is None else round(share - 1 / k, 6),
                    round(sum(e.goldstein for e in evs), 6),
                    counts[0] + counts[1], counts[2] + counts[3],
                    (counts[0], counts[1], counts[2], counts[3]),
                    tuple(sorted((ty, d, n) for (ty, d), n in tie_counts.items())),
                )
            )
            if share is not None:
                shares.append((p.name, round(share, 6)))
        index = evenness([s for _, s in shares]) if total and k > 1 else None
        tilt = round(shares[0][1] - shares[1][1], 6) if total and k == 2 else None
        bal.append(PeriodBalance(label, start, end, total, tuple(shares), index, tilt))

    return BalanceReport(
        country, pls, freq, since, until, tuple(lbl for lbl, _, _ in periods), tuple(rows), tuple(bal),
        tuple(events), tuple(ties),
    )
