"""Statistics with the story as the unit of evidence: share intervals and permutation tests.

Events from one article, or one story, are not independent: an op-ed with nine sentences about Russia
is one piece of evidence, not nine. Every interaction belongs to one *unit*, the story of its earliest
report (a story = an article and its near-duplicate copies), and every figure here treats units, not
interactions, as the independent draws:

* ``share_interval``: a pole's share X/N in a period, where story s gives x_s of the pole's interactions
  out of n_s. The variance of the ratio X/N is estimated across stories (cluster-robust, Kish 1965:
  v = m/(m-1) * sum (x_s - R n_s)^2 / N^2); the design effect v / (R(1-R)/N) turns N interactions into an
  effective sample size n_eff = N / deff (at most N, and the number of stories when R is 0 or 1), and the
  interval is Wilson's score interval on (R, n_eff). Eleven events, nine of them from one article, give
  n_eff close to 2, and an interval as wide as two observations deserve.
* ``change_points``: per series (a pole's share, or its mean Goldstein), the split of the period series
  maximising |z| before vs after; p from permuting the units' period labels (period sizes kept), adjusted
  over all series of the family with Westfall & Young's max-T (exact as sampled, fixed seed).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

Z90 = 1.6448536269514722  # two-sided 90% normal quantile
MIN_STORIES = 3  # fewer stories than this in a period: too little evidence to show a share
PERMUTATIONS = 2000  # p to about +-0.005 at p = 0.05 (binomial standard error); smallest p 1/2001
SEED = 0
TRIM = 0.15  # a change point leaves at least 15% of the stories on each side (Andrews 1993)


@dataclass(frozen=True, slots=True)
class ShareEstimate:
    """A share with its 90% interval; ``n_eff`` is the effective number of independent interactions."""

    share: float
    low: float
    high: float
    n_eff: float


def wilson(p: float, n: float, z: float = Z90) -> tuple[float, float]:
    """Wilson score interval for a proportion ``p`` observed on ``n`` (possibly fractional) draws."""
    if n <= 0:
        return 0.0, 1.0
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def share_interval(x: Sequence[float], n: Sequence[float], z: float = Z90) -> ShareEstimate | None:
    """X/N over units (x_s of n_s each) with a story-clustered Wilson interval; None without interactions."""
    xs, ns = np.asarray(x, dtype=float), np.asarray(n, dtype=float)
    total = float(ns.sum())
    if total <= 0:
        return None
    m = len(ns)
    r = float(xs.sum()) / total
    v_binom = r * (1 - r) / total
    if m > 1 and v_binom > 0:
        v_clust = m / (m - 1) * float(((xs - r * ns) ** 2).sum()) / total**2
        n_eff = total / max(v_clust / v_binom, 1.0)
    else:  # all in one story, or a share of 0 or 1: as many draws as stories
        n_eff = float(min(m, total))
    lo, hi = wilson(r, n_eff, z)
    return ShareEstimate(r, min(lo, r), max(hi, r), n_eff)


def _ratio(x: np.ndarray, n: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, x / np.where(n > 0, n, 1), 0.0)


@dataclass(frozen=True, slots=True)
class ChangePoint:
    """One series' best split: periods < ``split`` before; ``z`` its statistic; ``p`` adjusted over all series."""

    split: int
    z: float
    p: float


_SUMS = ("x", "n", "xx", "xn", "nn", "u")


def _split_stats(cum: dict[str, np.ndarray], tot: dict[str, np.ndarray], kind: str, min_count: int,
                 min_units: int, trim: float) -> np.ndarray:
    """|z| after vs before at every split (rows: permutations, columns: splits); 0 where a split is not allowed.

    kind "share": pooled two-proportion z of X/N (Σx over Σn); kind "mean": the difference of two ratios
    over its story-clustered standard error (as in share_interval), for mean Goldstein per interaction.
    """
    sides = []
    for side in ("before", "after"):
        s = {k: cum[k] if side == "before" else tot[k][:, None] - cum[k] for k in _SUMS}
        s["r"] = _ratio(s["x"], s["n"])
        sides.append(s)
    b, a = sides
    with np.errstate(invalid="ignore", divide="ignore"):
        if kind == "share":
            p = _ratio(tot["x"], tot["n"])[:, None]
            var = p * (1 - p) * (1 / np.where(b["n"] > 0, b["n"], 1) + 1 / np.where(a["n"] > 0, a["n"], 1))
        else:
            var = np.zeros_like(b["r"])
            for s in sides:
                ss = np.maximum(s["xx"] - 2 * s["r"] * s["xn"] + s["r"] ** 2 * s["nn"], 0.0)
                m = s["u"]
                var = var + np.where((m > 1) & (s["n"] > 0), m / np.maximum(m - 1, 1) * ss
                                     / np.where(s["n"] > 0, s["n"], 1) ** 2, 0.0)
        se = np.sqrt(var)
        z = np.where(se > 0, (a["r"] - b["r"]) / np.where(se > 0, se, 1), 0.0)
    u_all = tot["u"][:, None]
    ok = ((b["n"] >= min_count) & (a["n"] >= min_count) & (b["u"] >= min_units) & (a["u"] >= min_units)
          & (b["u"] >= trim * u_all) & (a["u"] >= trim * u_all))
    return np.where(ok, np.abs(z), 0.0)


def change_points(
    periods: Sequence[int], series: Mapping[str, tuple[Sequence[float], Sequence[float]]], n_periods: int, *,
    kind: str = "share", min_count: int = 5, min_units: int = MIN_STORIES, trim: float = TRIM,
    permutations: int = PERMUTATIONS, seed: int = SEED,
) -> dict[str, ChangePoint]:
    """The best single change point of each series, with p-values adjusted over all series (max-T).

    Units are stories: ``periods[i]`` is unit i's period index and ``series[name] = (x, n)`` its per-unit
    sums (a pole's interactions and all pole interactions, or a pole's Goldstein sum and interactions).
    Each series' statistic is the largest |z| over the splits that leave both sides at least ``min_count``
    interactions, ``min_units`` stories and a ``trim`` share of the series' stories. p = the share of
    permutations of the units' period labels (period sizes kept) whose largest statistic over *all*
    series reaches the series' observed one (Westfall & Young's single-step max-T): it controls the
    chance of any false change point across the series and takes their correlation into account (two
    poles' shares are one series seen twice).
    """
    lab = np.asarray(periods, dtype=int)
    if n_periods < 2 or not len(lab):
        return {}
    data = {}
    for name, (x, n) in series.items():
        xs, ns = np.asarray(x, dtype=float), np.asarray(n, dtype=float)
        data[name] = {"x": xs, "n": ns, "xx": xs * xs, "xn": xs * ns, "nn": ns * ns, "u": (ns > 0).astype(float)}

    def stats(labels: np.ndarray) -> dict[str, np.ndarray]:  # labels (B, m) -> series -> (B, splits)
        rows = labels.shape[0]
        flat = (labels + n_periods * np.arange(rows)[:, None]).ravel()
        out = {}
        for name, w in data.items():
            cum, tot = {}, {}
            for k in _SUMS:
                per = np.bincount(flat, weights=np.tile(w[k], rows), minlength=rows * n_periods)
                per = per.reshape(rows, n_periods)
                cum[k], tot[k] = np.cumsum(per, axis=1)[:, :-1], per.sum(axis=1)
            out[name] = _split_stats(cum, tot, kind, min_count, min_units, trim)
        return out

    observed = {name: z[0] for name, z in stats(lab[None, :]).items()}
    candidates = {name: z for name, z in observed.items() if z.size and z.max() > 0}
    if not candidates:
        return {}
    rng = np.random.default_rng(seed)
    best = np.zeros(permutations)
    done = 0
    while done < permutations:  # in chunks: B x m label matrices stay small
        rows = min(500, permutations - done)
        perm = np.argsort(rng.random((rows, len(lab))), axis=1)
        best[done:done + rows] = np.max([z.max(axis=1) for z in stats(lab[perm]).values()], axis=0)
        done += rows
    out = {}
    for name, z in candidates.items():
        zmax = float(z.max())
        out[name] = ChangePoint(int(z.argmax()) + 1, zmax, (int((best >= zmax - 1e-12).sum()) + 1) / (permutations + 1))
    return out


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
