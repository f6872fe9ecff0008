"""Shift detection: a pole's share or mean Goldstein changing beyond noise, tested on stories.

The unit of evidence is the story (analysis.stats): each counted interaction belongs to the story of its
earliest report, and every p-value comes from permuting whole stories between periods, so ten sentences
of one op-ed move a test no more than the op-ed deserves. Per pole and measure, one change point: the
split of the period series maximising |z| of the measure before vs after (binary segmentation's first
step), each side holding at least 15% of the stories (stats.TRIM), MIN_STORIES stories and
``min_count`` interactions:

* share: the pole's interactions / all pole interactions, pooled over each span, with 90% intervals;
* goldstein: mean Goldstein per interaction of the pole (its tone), with a story-clustered standard error.

Multiple testing: within a measure, p-values are adjusted over the poles by max-T over one set of story
permutations (Westfall & Young); across the two measures alpha is split by weight (share 0.95, the
secondary tone test 0.05; Bonferroni). A reported ``p_value`` is the max-T p divided by its measure's weight, and a shift is
reported when it is below ``alpha``: the chance that a report shows any false shift is at most ``alpha``
(checked on date-shuffled corpora: bench/bench_calibration.py, tests/test_calibration.py). Month-to-month
tests are not run: with a handful of stories a month they cannot reach significance once corrected, and
a step between two months is a change point too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .balance import members_of, pole_interactions
from .records import BalanceReport, EventRef, Interaction, Shift
from .stats import PERMUTATIONS, change_points, share_interval

MEASURES = ("share", "goldstein")
WEIGHTS = {"share": 0.95, "goldstein": 0.05}


def _welch_z(a: Sequence[float], b: Sequence[float]) -> float:
    """Welch's z for a change of mean (descriptive; the p-value comes from permutations)."""
    if len(a) < 2 or len(b) < 2:
        return 0.0
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    va = sum((x - ma) ** 2 for x in a) / (len(a) - 1)
    vb = sum((x - mb) ** 2 for x in b) / (len(b) - 1)
    se = math.sqrt(va / len(a) + vb / len(b))
    return 0.0 if se == 0 else (mb - ma) / se


@dataclass(frozen=True, slots=True)
class _Unit:
    """One story's evidence in one period: all pole interactions, and per pole its count and Goldstein sum."""

    story: str
    period: int
    n: float
    x: dict[str, float]
    g: dict[str, float]


def _units(report: BalanceReport, periods: Sequence[str]) -> list[_Unit]:
    members = {q.name: set(members_of(q, report.country)) for q in report.poles}
    out: list[_Unit] = []
    for t, period in enumerate(periods):
        pooled = {i.id: i for q in report.poles for i in pole_interactions(report, q.name, period)}
        by: dict[str, _Unit] = {}
        for i in pooled.values():
            u = by.setdefault(i.story_id, _Unit(i.story_id, t, 0.0, {}, {}))
            for q, mem in members.items():  # an interaction counts once per pole it involves, as in shares
                if i.involves(report.country, mem):
                    by[i.story_id] = u = _Unit(u.story, t, u.n + 1, {**u.x, q: u.x.get(q, 0.0) + 1},
                                               {**u.g, q: u.g.get(q, 0.0) + i.goldstein})
        out += [by[s] for s in sorted(by)]
    return out


def _drivers(inters: Sequence[Interaction], key: str, up: bool, limit: int) -> tuple[EventRef, ...]:
    """The earliest report of the interactions that drove a change, one per story first."""
    if key == "goldstein":
        ordered = sorted(inters, key=lambda i: (-i.goldstein if up else i.goldstein, -len(i.stories), i.date))
    else:
        ordered = sorted(inters, key=lambda i: (-len(i.stories), -i.mentions[0].confidence, -abs(i.goldstein),
                                                i.date))
    picked: list[Interaction] = []
    seen: set[str] = set()
    for i in ordered:
        if i.story_id not in seen:
            picked.append(i)
            seen.add(i.story_id)
    picked += [i for i in ordered if i not in picked]
    return tuple(i.mentions[0] for i in picked[:limit])


def _share_drivers(report: BalanceReport, pole: str, period: str, up: bool, limit: int) -> tuple[EventRef, ...]:
    if up:
        inters = pole_interactions(report, pole, period)
    else:  # the share went to the other poles: their interactions in the later period
        inters = list({i.id: i for q in report.poles if q.name != pole
                       for i in pole_interactions(report, q.name, period)}.values())
    return _drivers(inters, "share", up, limit)


def _span(periods: Sequence[str], a: int, b: int) -> str:
    return periods[a] if b - a == 1 else f"{periods[a]}..{periods[b - 1]}"


def _family(report: BalanceReport, measure: str, periods: Sequence[str], units: Sequence[_Unit], min_count: int,
            permutations: int, max_drivers: int) -> list[Shift]:
    labels = [u.period for u in units]
    if measure == "share":
        series = {q.name: ([u.x.get(q.name, 0.0) for u in units], [u.n for u in units]) for q in report.poles}
    else:
        series = {q.name: ([u.g.get(q.name, 0.0) for u in units], [u.x.get(q.name, 0.0) for u in units])
                  for q in report.poles}
    found = change_points(labels, series, len(periods), kind="share" if measure == "share" else "mean",
                          min_count=min_count, permutations=permutations)
    out = []
    for pole, cp in found.items():
        x, n = series[pole]
        k = cp.split
        before = [i for i, u in enumerate(units) if u.period < k]
        after = [i for i, u in enumerate(units) if u.period >= k]
        xb, nb = [x[i] for i in before if n[i]], [n[i] for i in before if n[i]]
        xa, na = [x[i] for i in after if n[i]], [n[i] for i in after if n[i]]
        v1, v2 = sum(xb) / sum(nb), sum(xa) / sum(na)
        up = v2 > v1
        spans = (_span(periods, 0, k), _span(periods, k, len(periods)))
        if measure == "share":
            e1, e2 = share_interval(xb, nb), share_interval(xa, na)
            assert e1 is not None and e2 is not None
            out.append(Shift(pole, "share", periods[k - 1], periods[k], round(v1, 6), round(v2, 6), int(sum(nb)),
                             int(sum(na)), round(cp.z if up else -cp.z, 4), cp.p, "up" if up else "down",
                             _share_drivers(report, pole, periods[k], up, max_drivers), "change_point", *spans,
                             round(e1.low, 6), round(e1.high, 6), round(e2.low, 6), round(e2.high, 6),
                             len(xb), len(xa)))
        else:
            ib = [i for t in range(k) for i in pole_interactions(report, pole, periods[t])]
            ia = [i for t in range(k, len(periods)) for i in pole_interactions(report, pole, periods[t])]
            out.append(Shift(pole, "goldstein", periods[k - 1], periods[k], round(v1, 6), round(v2, 6), len(ib),
                             len(ia), round(_welch_z([i.goldstein for i in ib], [i.goldstein for i in ia]), 4), cp.p,
                             "up" if up else "down",
                             _drivers(pole_interactions(report, pole, periods[k]), "goldstein", up, max_drivers),
                             "change_point", *spans, stories_before=len(xb), stories_after=len(xa)))
    return out


def detect_shifts(
    report: BalanceReport, *, alpha: float = 0.05, min_count: int = 5, measures: Sequence[str] = MEASURES,
    max_drivers: int = 5, permutations: int = PERMUTATIONS,
) -> list[Shift]:
    """Each pole's change point in share and in mean Goldstein, tested on stories, reported when the
    adjusted p (max-T over poles, alpha split across measures) is below ``alpha``."""
    periods = [b.period for b in report.balance if b.total > 0]
    todo = [m for m in MEASURES if m in measures]
    if len(periods) < 2 or not todo:
        return []
    units = _units(report, periods)
    weight_sum = sum(WEIGHTS[m] for m in todo)
    out = []
    for m in todo:
        w = WEIGHTS[m] / weight_sum
        for s in _family(report, m, periods, units, min_count, permutations, max_drivers):
            p = min(1.0, s.p_value / w)
            if p < alpha:
                out.append(replace(s, p_value=round(p, 6)))
    return out
