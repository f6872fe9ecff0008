"""Shift detection: a pole's share or mean Goldstein changing between consecutive periods beyond noise.

Tests (each comparing a period with the previous period that has data):
* share: two-proportion z-test of the pole's events out of all pole events, x1/n1 vs x2/n2 (pooled
  standard error), needing at least ``min_count`` events in both periods;
* goldstein: difference of mean Goldstein per event of the pole's events: an exact-as-sampled
  permutation test (``permutations`` label shuffles, fixed seed) when either side has fewer than 30
  events, else Welch's z; again at least ``min_count`` events each side.
All p-values of a report are Holm-adjusted together, so scanning many poles and months does not
manufacture shifts; a Shift is reported when the adjusted p < ``alpha``.

Month-to-month tests miss a sustained change built from small monthly counts (0/5 -> 7/13 is z 2.1,
not enough after correcting for ~80 tests). So each pole's share series is also scanned for its one
best change point (binary segmentation's first step): the split maximising |z| of the pooled share
before vs after; its p-value comes from a permutation test of that maximum (event labels shuffled
across periods, period totals fixed), Holm-adjusted across poles as a second family.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from .balance import pole_events
from .records import BalanceReport, EventRef, Shift

MEASURES = ("share", "goldstein")


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float]:
    """(z, two-sided p) for x2/n2 vs x1/n1 with a pooled standard error; (0, 1) when undefined."""
    if n1 == 0 or n2 == 0:
        return 0.0, 1.0
    p = (x1 + x2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    if se == 0:
        return 0.0, 1.0
    z = (x2 / n2 - x1 / n1) / se
    return z, math.erfc(abs(z) / math.sqrt(2))


def _welch_z(a: Sequence[float], b: Sequence[float]) -> float:
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    va = sum((x - ma) ** 2 for x in a) / max(len(a) - 1, 1)
    vb = sum((x - mb) ** 2 for x in b) / max(len(b) - 1, 1)
    se = math.sqrt(va / len(a) + vb / len(b))
    return 0.0 if se == 0 else (mb - ma) / se


def mean_difference_test(
    before: Sequence[float], after: Sequence[float], *, permutations: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """(Welch z, two-sided p) for a change of mean; permutation p for small samples, normal p otherwise."""
    z = _welch_z(before, after)
    if min(len(before), len(after)) >= 30:
        return z, math.erfc(abs(z) / math.sqrt(2))
    pooled = list(before) + list(after)
    n1 = len(before)
    observed = abs(sum(after) / len(after) - sum(before) / n1)
    rng = random.Random(seed)
    hits = 0
    for _ in range(permutations):
        rng.shuffle(pooled)
        d = abs(sum(pooled[n1:]) / len(after) - sum(pooled[:n1]) / n1)
        if d >= observed - 1e-12:
            hits += 1
    return z, (hits + 1) / (permutations + 1)


def holm(pvalues: Sequence[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values (same order as given)."""
    m = len(pvalues)
    order = sorted(range(m), key=lambda i: pvalues[i])
    adj = [1.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * pvalues[i]))
        adj[i] = running
    return adj


def _rank_drivers(events: Sequence[EventRef], key: str, up: bool, limit: int) -> tuple[EventRef, ...]:
    if key == "goldstein":  # the events that pulled the mean the way it moved
        ordered = sorted(events, key=lambda e: (-e.goldstein if up else e.goldstein, -e.confidence, e.date))
    else:  # every event moves a share equally: most confident, most consequential first
        ordered = sorted(events, key=lambda e: (-e.confidence, -abs(e.goldstein), e.date))
    return tuple(ordered[:limit])


def _max_split(xs: Sequence[int], ns: Sequence[int], min_count: int) -> tuple[float, int]:
    """(max |z|, split index k) over splits before=[:k], after=[k:], each side with >= min_count events."""
    best, best_k = 0.0, 0
    total_x, total_n = sum(xs), sum(ns)
    cx = cn = 0
    for k in range(1, len(xs)):
        cx += xs[k - 1]
        cn += ns[k - 1]
        if cn < min_count or total_n - cn < min_count:
            continue
        z, _ = two_proportion_z(cx, cn, total_x - cx, total_n - cn)
        if abs(z) > best:
            best, best_k = abs(z), k
    return best, best_k


def change_point_test(
    xs: Sequence[int], ns: Sequence[int], *, min_count: int = 5, permutations: int = 2000, seed: int = 0
) -> tuple[int, float, float]:
    """(split index, max |z|, permutation p) for one change in a share series x_t / n_t."""
    observed, k = _max_split(xs, ns, min_count)
    if k == 0:
        return 0, 0.0, 1.0
    labels = [1] * sum(xs) + [0] * (sum(ns) - sum(xs))
    rng = random.Random(seed)
    hits = 0
    for _ in range(permutations):
        rng.shuffle(labels)
        pos, perm_x = 0, []
        for n in ns:
            perm_x.append(sum(labels[pos:pos + n]))
            pos += n
        if _max_split(perm_x, ns, min_count)[0] >= observed - 1e-12:
            hits += 1
    return k, observed, (hits + 1) / (permutations + 1)


def _change_points(report: BalanceReport, *, min_count: int, permutations: int,
                   max_drivers: int) -> list[tuple[Shift, float]]:
    periods = [b.period for b in report.balance if b.total > 0]
    totals = [next(b.total for b in report.balance if b.period == p) for p in periods]
    out: list[tuple[Shift, float]] = []
    for pole in report.poles:
        xs = [report.row(pole.name, p).n for p in periods]
        k, z, pval = change_point_test(xs, totals, min_count=min_count, permutations=permutations)
        if k == 0:
            continue
        x1, n1, x2, n2 = sum(xs[:k]), sum(totals[:k]), sum(xs[k:]), sum(totals[k:])
        up = x2 / n2 > x1 / n1
        first = periods[k]
        if up:
            drivers = pole_events(report, pole.name, first)
        else:
            drivers = list({e.id: e for q in report.poles if q.name != pole.name
                            for e in pole_events(report, q.name, first)}.values())
        out.append((Shift(pole.name, "share", periods[k - 1], first, round(x1 / n1, 6), round(x2 / n2, 6), n1, n2,
                          round(z if up else -z, 4), pval, "up" if up else "down",
                          _rank_drivers(drivers, "share", up, max_drivers)), pval))
    return out


def detect_shifts(
    report: BalanceReport, *, alpha: float = 0.05, min_count: int = 5, measures: Sequence[str] = MEASURES,
    max_drivers: int = 5, permutations: int = 2000,
) -> list[Shift]:
    """Shifts of each pole's share and mean Goldstein: between consecutive observed periods, and each
    pole's single best change point in its share series (see the module docstring for the tests)."""
    totals = {b.period: b.total for b in report.balance}
    observed = [b.period for b in report.balance if b.total >= min_count]
    cands: list[tuple[Shift, float]] = []
    for pole in report.poles:
        for before, after in zip(observed, observed[1:], strict=False):
            r1, r2 = report.row(pole.name, before), report.row(pole.name, after)
            ev_after = pole_events(report, pole.name, after)
            if "share" in measures:
                z, p = two_proportion_z(r1.n, totals[before], r2.n, totals[after])
                if z != 0.0:
                    up = z > 0
                    if up:
                        drivers = ev_after
                    else:  # the share went to the other poles: their events in the later period
                        drivers = [e for q in report.poles if q.name != pole.name
                                   for e in pole_events(report, q.name, after)]
                        drivers = list({e.id: e for e in drivers}.values())
                    cands.append((Shift(
                        pole.name, "share", before, after, round(r1.n / totals[before], 6),
                        round(r2.n / totals[after], 6), totals[before], totals[after], round(z, 4), p,
                        "up" if up else "down", _rank_drivers(drivers, "share", up, max_drivers)), p))
            if "goldstein" in measures and r1.n >= min_count and r2.n >= min_count:
                g1 = [e.goldstein for e in pole_events(report, pole.name, before)]
                g2 = [e.goldstein for e in ev_after]
                z, p = mean_difference_test(g1, g2, permutations=permutations)
                m1, m2 = sum(g1) / len(g1), sum(g2) / len(g2)
                if m1 != m2:
                    up = m2 > m1
                    cands.append((Shift(
                        pole.name, "goldstein", before, after, round(m1, 6), round(m2, 6), len(g1), len(g2),
                        round(z, 4), p, "up" if up else "down",
                        _rank_drivers(ev_after, "goldstein", up, max_drivers)), p))
    out = []
    families = [cands]
    if "share" in measures:
        families.append(_change_points(report, min_count=min_count, permutations=permutations,
                                       max_drivers=max_drivers))
    seen: set[tuple[str, str, str]] = set()
    for family in families:
        adjusted = holm([p for _, p in family])
        for (s, _), padj in zip(family, adjusted, strict=True):
            key = (s.pole, s.measure, s.after)
            if padj < alpha and key not in seen:
                seen.add(key)
                out.append(Shift(s.pole, s.measure, s.before, s.after, s.value_before, s.value_after, s.n_before,
                                 s.n_after, s.z, round(padj, 6), s.direction, s.drivers))
    return out
