"""Balance between poles: how a country's engagement is split between Russia, the West, China ...

Definitions (also in the README):
* the counting unit is the *interaction* (multivector.identity): every report of one happening, in any
  sentence, article or outlet, and either direction for symmetric families (meetings, talks, signings,
  clashes), counts once. It counts for pole P when it runs between the country and any member of P;
* an interaction counts in the period of its event date; background interactions (a month or more
  before every article reporting them, identity.timing) are left out unless ``include_background``;
* share(P, t) = P's interactions in t / interactions with all requested poles in t (an actor in two poles
  counts for both, so shares always sum to 1), with a 90% interval over *stories* (analysis.stats): each
  interaction is evidence from the story of its earliest report. A period with fewer than MIN_STORIES
  stories shows no share (its ``note`` says why);
* net cooperation(P, t) = sum of the interactions' Goldstein scores (-10..+10 each; positive = cooperative);
  cooperation / conflict are the counts of quad 1-2 / quad 3-4 interactions;
* balance index(t) = normalised Shannon entropy of the shares, -sum(s ln s) / ln k in [0, 1]: 1 when the
  country spreads its engagement evenly over the k poles, 0 when it deals with one pole only. Entropy is
  used because it is defined for any k, symmetric in the poles, and is maximal only at the even split;
  the signed per-pole ``lean`` = share - 1/k says *which* pole is favoured, and for two poles
  ``tilt`` = share(first) - share(second) in [-1, 1];
* ties are stative dependencies by type and direction: "country_on_pole" (the country depends on the
  pole, e.g. imports, gas) or "pole_on_country".
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import Counter
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
    story_members,
)
from .interactions import build_interactions
from .poles import resolve_poles
from .records import QUADS, BalanceReport, EventRef, Interaction, PeriodBalance, Pole, PolePeriod, TieRef
from .stats import MIN_STORIES, share_interval

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


def pole_interactions(report: BalanceReport, pole: str, period: str | None = None) -> list[Interaction]:
    """The report's counted interactions between the country and ``pole`` (optionally in one period)."""
    mem = set(members_of(report.pole(pole), report.country))
    inters: Sequence[Interaction] = report.interactions
    if period is not None:
        b = next((b for b in report.balance if b.period == period), None)
        if b is None:
            return []
        # interactions are sorted by date: the period is one slice of them
        lo = bisect.bisect_left(inters, b.start, key=lambda i: i.date)
        hi = bisect.bisect_left(inters, b.end, key=lambda i: i.date)
        inters = inters[lo:hi]
    return [i for i in inters if i.involves(report.country, mem)]


def pole_events(report: BalanceReport, pole: str, period: str | None = None) -> list[EventRef]:
    """The mentions behind the counted interactions between the country and ``pole`` (optionally one period)."""
    mem = set(members_of(report.pole(pole), report.country))
    c = report.country
    return [m for i in pole_interactions(report, pole, period) for m in i.mentions
            if (m.source == c and m.target in mem) or (m.target == c and m.source in mem)]


def pole_ties(report: BalanceReport, pole: str) -> list[TieRef]:
    """The report's ties between the country and ``pole``, either direction."""
    mem = set(members_of(report.pole(pole), report.country))
    c = report.country
    return [t for t in report.ties if (t.a == c and t.b in mem) or (t.b == c and t.a in mem)]


def _reach(inters: Sequence[Interaction]) -> tuple[int, int, int]:
    """(stories, articles, outlets) behind interactions."""
    stories = {s for i in inters for s in i.stories}
    articles = sum(i.articles for i in {i.id: i for i in inters}.values())
    outlets = {o for i in inters for o in i.outlets}
    return len(stories), articles, len(outlets)


def balance(
    store: Store, country: str, poles: str | Sequence[str], *, freq: str = "month",
    since: dt.date | None = None, until: dt.date | None = None, poles_file: str | Path | None = None,
    include_background: bool = False,
) -> BalanceReport:
    """Per pole and period: interactions, share with its 90% interval and the stories and outlets behind it,
    net cooperation, conflict, ties; per period: the balance index."""
    require_articles(store)
    freq = check_freq(freq)
    check_dates(since, until)
    (country,) = check_codes(store, [country])
    pls = resolve_poles(poles, known_codes(store), poles_file=poles_file)
    all_members = sorted({m for p in pls for m in members_of(p, country)})
    events = fetch_events(store, [country], all_members, since=since, until=until)
    events += fetch_events(store, all_members, [country], since=since, until=until)
    events.sort(key=lambda e: (e.when, e.date, e.article_id, e.sentence_idx, e.id))
    inters = build_interactions(events, story_members(store, {e.story_id for e in events}))
    if not include_background:
        inters = [i for i in inters if i.timing != "background"]
        kept = {i.id for i in inters}
        events = [e for e in events if (e.interaction_id or e.id) in kept]
    ties = fetch_ties(store, [country], all_members, since=since, until=until)
    ties += fetch_ties(store, all_members, [country], since=since, until=until)
    ties.sort(key=lambda t: (t.date, t.article_id, t.sentence_idx, t.id))

    dates = [i.date for i in inters] + [t.date for t in ties]
    first = since or (min(dates) if dates else None)
    last = until or (max(dates) if dates else None)
    periods = period_range(first, last, freq) if first and last else []

    rows: list[PolePeriod] = []
    bal: list[PeriodBalance] = []
    k = len(pls)
    by_period: dict[dt.date, list[Interaction]] = {}
    for i in inters:
        by_period.setdefault(period_start(i.date, freq), []).append(i)
    for label, start, end in periods:
        here = by_period.get(start, [])
        per: list[tuple[Pole, list[Interaction], list[TieRef]]] = []
        for p in pls:
            mem = set(members_of(p, country))
            per.append((p, [i for i in here if i.involves(country, mem)],
                        [t for t in ties if period_start(t.date, freq) == start
                         and ((t.a == country and t.b in mem) or (t.b == country and t.a in mem))]))
        pooled = list({i.id: i for _, its, _ in per for i in its}.values())
        # Units: the story of each interaction's earliest report; a pole interaction counts once per pole.
        units = sorted({i.story_id for i in pooled})
        n_unit = Counter(i.story_id for _, its, _ in per for i in its)
        total = sum(len(its) for _, its, _ in per)
        n_st, n_art, n_out = _reach(pooled)
        enough = len(units) >= MIN_STORIES
        note = "" if enough or not total else f"too little evidence: {len(units)} stor{'y' if len(units) == 1 else 'ies'} " \
                                              f"({MIN_STORIES} needed)"
        shares: list[tuple[str, float]] = []
        for p, its, tis in per:
            x_unit = Counter(i.story_id for i in its)
            est = share_interval([x_unit[u] for u in units], [n_unit[u] for u in units]) if total and enough else None
            counts = tuple(sum(1 for i in its if i.quad_class == q) for q in QUADS)
            tie_counts: dict[tuple[str, str], int] = {}
            for t in tis:
                key = (t.type, COUNTRY_ON_POLE if t.a == country else POLE_ON_COUNTRY)
                tie_counts[key] = tie_counts.get(key, 0) + 1
            mem = set(members_of(p, country))
            s_st, s_art, s_out = _reach(its)
            rows.append(
                PolePeriod(
                    p.name, label, start, end, len(its),
                    sum(1 for i in its if any(m.source == country and m.target in mem for m in i.mentions)),
                    sum(1 for i in its if any(m.target == country and m.source in mem for m in i.mentions)),
                    None if est is None else round(est.share, 6),
                    None if est is None else round(est.share - 1 / k, 6),
                    round(sum(i.goldstein for i in its), 6),
                    counts[0] + counts[1], counts[2] + counts[3],
                    (counts[0], counts[1], counts[2], counts[3]),
                    tuple(sorted((ty, d, n) for (ty, d), n in tie_counts.items())),
                    None if est is None else round(est.low, 6), None if est is None else round(est.high, 6),
                    s_st, s_art, s_out, sum(len(i.mentions) for i in its),
                )
            )
            if est is not None:
                shares.append((p.name, round(est.share, 6)))
        index = evenness([s for _, s in shares]) if shares and k > 1 else None
        tilt = round(shares[0][1] - shares[1][1], 6) if shares and k == 2 else None
        bal.append(PeriodBalance(label, start, end, total, tuple(shares), index, tilt, n_st, n_art, n_out, note))

    return BalanceReport(
        country, pls, freq, since, until, tuple(lbl for lbl, _, _ in periods), tuple(rows), tuple(bal),
        tuple(events), tuple(ties), tuple(inters), include_background,
    )
