"""Shift detection: a pole's share or mean Goldstein changing between consecutive periods beyond noise.

Tests (each comparing a period with the previous period that has data):
* share: two-proportion z-test of the pole's events out of all pole events, x1/n1 vs x2/n2 (pooled
  standard error), needing at least ``min_count`` events in both periods;
* goldstein: difference of mean Goldstein per event of the pole's events: an exact-as-sampled
  permutation test (``permutations`` label shuffles, fixed seed) when either side has fewer than 30
  events, else Welch's z; again at least ``min_count`` events each side.
All p-values of a report are Holm-adjusted together, so scanning many poles and months does not
manufacture shifts; a Shift is reported when the adjusted p < ``alpha``.
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


def detect_shifts(
    report: BalanceReport, *, alpha: float = 0.05, min_count: int = 5, measures: Sequence[str] = MEASURES,
    max_drivers: int = 5, permutations: int = 2000,
) -> list[Shift]:
    """Shifts of each pole's share and mean Goldstein between consecutive observed periods."""
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
    adjusted = holm([p for _, p in cands])
    out = []
    for (s, _), padj in zip(cands, adjusted, strict=True):
        if padj < alpha:
            out.append(Shift(s.pole, s.measure, s.before, s.after, s.value_before, s.value_after, s.n_before,
                             s.n_after, s.z, round(padj, 6), s.direction, s.drivers))
    return out
