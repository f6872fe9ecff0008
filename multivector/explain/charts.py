"""Offline SVG charts (no library, no network): pole shares over time and cooperation/conflict per dyad.

Every data point is one ``<rect class="mark" ...>`` with data-* attributes, so a browser test can
count marks; zero values draw no mark. Stable ids: ``chart-shares`` and ``chart-dyads``.
"""

from __future__ import annotations

import math
from html import escape

from ..analysis.records import BalanceReport

# Colour-blind-safe palette (Okabe & Ito 2008), one colour per pole in request order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
COOP, CONFLICT = "#009E73", "#D55E00"
W, H, LEFT, TOP, BOTTOM = 720, 260, 48, 28, 40


def _frame(chart_id: str, title: str, body: list[str], legend: list[tuple[str, str]], height: int = H) -> str:
    items = []
    x = LEFT
    for label, colour in legend:
        items.append(f'<rect x="{x}" y="6" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="15" font-size="11">{escape(label)}</text>')
        x += 24 + 7 * len(label)
    return (
        f'<svg id="{chart_id}" class="chart" xmlns="http://www.w3.org/2000/svg" width="{W}" height="{height}" '
        f'viewBox="0 0 {W} {height}" role="img" aria-label="{escape(title)}" font-family="sans-serif">'
        f"<title>{escape(title)}</title>{''.join(items)}{''.join(body)}</svg>"
    )


def _x_labels(periods: tuple[str, ...], slot: float, y: float) -> list[str]:
    step = max(1, len(periods) // 12)  # at most ~12 labels so they stay readable
    return [
        f'<text x="{LEFT + slot * (i + 0.5):.1f}" y="{y:.1f}" font-size="10" text-anchor="middle">{escape(p)}</text>'
        for i, p in enumerate(periods) if i % step == 0
    ]


def shares_chart(report: BalanceReport) -> str:
    """Stacked bars: each period's engagement split between the poles (height = share, label = count)."""
    periods = report.periods
    plot_h = H - TOP - BOTTOM
    slot = (W - LEFT - 10) / max(len(periods), 1)
    body = [f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{W - 10}" y2="{TOP + plot_h}" stroke="#888"/>',
            f'<text x="{LEFT - 6}" y="{TOP + 4}" font-size="10" text-anchor="end">100%</text>',
            f'<text x="{LEFT - 6}" y="{TOP + plot_h}" font-size="10" text-anchor="end">0%</text>']
    for i, period in enumerate(periods):
        y: float = TOP + plot_h
        for j, pole in enumerate(report.poles):
            r = report.row(pole.name, period)
            if not r.share:
                continue
            h = r.share * plot_h
            y -= h
            body.append(
                f'<rect class="mark share" data-pole="{escape(pole.name)}" data-period="{escape(period)}" '
                f'data-value="{r.share:.4f}" data-count="{r.n}" data-low="{r.share_low}" data-high="{r.share_high}" x="{LEFT + slot * i + slot * 0.15:.1f}" y="{y:.1f}" '
                f'width="{slot * 0.7:.1f}" height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}">'
                f"<title>{escape(pole.label)} {escape(period)}: {math.floor(r.share * 100 + 0.5)}% "
                f"[{math.floor((r.share_low or 0) * 100 + 0.5)}–{math.floor((r.share_high or 0) * 100 + 0.5)}%] "
                f"({r.n} interactions, {r.stories} stories)</title></rect>"
            )
    body += _x_labels(periods, slot, H - BOTTOM + 16)
    legend = [(p.label, PALETTE[j % len(PALETTE)]) for j, p in enumerate(report.poles)]
    return _frame("chart-shares", f"Share of {report.country}'s engagement by pole and {report.freq}", body, legend)


def dyads_chart(report: BalanceReport) -> str:
    """Diverging bars per pole and period: cooperative events up, conflictual events down."""
    periods, poles = report.periods, report.poles
    height = H + 40
    plot_h = height - TOP - BOTTOM
    mid = TOP + plot_h / 2
    peak = max([max(r.cooperation, r.conflict) for r in report.rows] + [1])
    scale = (plot_h / 2 - 4) / peak
    slot = (W - LEFT - 10) / max(len(periods), 1)
    bar = slot * 0.8 / max(len(poles), 1)
    body = [f'<line x1="{LEFT}" y1="{mid:.1f}" x2="{W - 10}" y2="{mid:.1f}" stroke="#888"/>',
            f'<text x="{LEFT - 6}" y="{TOP + 8}" font-size="10" text-anchor="end">coop {peak}</text>',
            f'<text x="{LEFT - 6}" y="{TOP + plot_h}" font-size="10" text-anchor="end">conflict {peak}</text>']
    for i, period in enumerate(periods):
        for j, pole in enumerate(poles):
            r = report.row(pole.name, period)
            x = LEFT + slot * i + slot * 0.1 + bar * j
            for kind, count, colour in (("coop", r.cooperation, COOP), ("conflict", r.conflict, CONFLICT)):
                if not count:
                    continue
                h = count * scale
                y = mid - h if kind == "coop" else mid
                body.append(
                    f'<rect class="mark {kind}" data-pole="{escape(pole.name)}" data-period="{escape(period)}" '
                    f'data-value="{count}" x="{x:.1f}" y="{y:.1f}" width="{max(bar - 2, 1):.1f}" height="{h:.1f}" '
                    f'fill="{colour}" stroke="{PALETTE[j % len(PALETTE)]}" stroke-width="2">'
                    f"<title>{escape(report.country)}–{escape(pole.label)} {escape(period)}: {count} {kind}</title></rect>"
                )
    body += _x_labels(periods, slot, height - BOTTOM + 16)
    legend = [("cooperation", COOP), ("conflict", CONFLICT)] + [
        (f"{p.label} (outline)", PALETTE[j % len(PALETTE)]) for j, p in enumerate(poles)
    ]
    return _frame("chart-dyads", f"Cooperative and conflictual events between {report.country} and each pole",
                  body, legend, height)
