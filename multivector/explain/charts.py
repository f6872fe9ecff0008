"""Offline SVG charts for the HTML brief (no library, no network): pole shares over time, and cooperative and
conflictual events with each pole.

Readable by design: text of at least 12 px, x labels thinned so they never overlap, axis titles with units,
the count of events on every bar, a legend by fill colour (pole colours from :mod:`multivector.palette`, the
same as the dashboard's), conflict told from cooperation by direction and hatching, not by colour alone.
Every data point is one ``<rect class="mark" ...>`` with data-* attributes (browser tests count them); zero
values draw no mark. Stable ids: ``chart-shares`` and ``chart-dyads``. Each piece (legend, axes, bars, counts)
is its own small function, so intervals or other layers can be added to one without touching the rest.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

from ..analysis.records import BalanceReport, Pole
from ..palette import NEUTRAL, pole_colours

W = 760  # px, the brief's column
FONT = 12  # px: the smallest text on a chart
CHAR = 7.0  # px: width of one character at FONT in a sans-serif face (generous, so estimates never overlap)
LEFT, RIGHT, BOTTOM = 66, 14, 58
PLOT_H = 220
FREQ_TITLE = {"week": "ISO week (YYYY-Www)", "month": "month (YYYY-MM)", "quarter": "quarter (YYYY-Qn)",
              "year": "year"}


def _text(x: float, y: float, s: str, *, anchor: str = "middle", cls: str = "", size: int = FONT,
          extra: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return (f'<text{c} x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="#333"{extra}>'
            f"{escape(s)}</text>")


def legend(items: Sequence[tuple[str, str, str]], top: float = 8, hatched: Sequence[str] = ()) -> tuple[list[str], float]:
    """Swatch-and-label items (label, fill, data-key) laid out in rows across the chart, the keys in ``hatched``
    with the conflict hatching; returns (svg, height)."""
    out, x, y = ['<g class="legend">'], float(LEFT), top
    for label, fill, key in items:
        w = 18 + CHAR * len(label) + 16
        if x + w > W - RIGHT and x > LEFT:
            x, y = float(LEFT), y + FONT + 8
        swatch = f'<rect x="{x:.1f}" y="{y:.1f}" width="13" height="13" fill="{fill}" stroke="#555" stroke-width="0.5"/>'
        if key in hatched:
            swatch += f'<rect x="{x:.1f}" y="{y:.1f}" width="13" height="13" fill="url(#hatch)"/>'
        out.append(f'<g class="legend-item" data-key="{escape(key)}">{swatch}'
                   + _text(x + 18, y + 11, label, anchor="start") + "</g>")
        x += w
    out.append("</g>")
    return out, y + FONT + 14 - top


def hatch_defs() -> str:
    """The diagonal hatching laid over conflict bars (white lines, so the pole's fill shows through)."""
    return ('<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2.2"/></pattern></defs>')


def x_axis(periods: Sequence[str], slot: float, y: float, freq: str) -> list[str]:
    """Period labels under the slots, every n-th one so that none overlaps, and the axis title."""
    widest = max([len(p) for p in periods] + [4]) * CHAR + 10
    step = max(1, math.ceil(widest / max(slot, 1e-9)))
    out = [f'<line x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" stroke="#666"/>']
    for i, p in enumerate(periods):
        if i % step == 0:
            out.append(_text(LEFT + slot * (i + 0.5), y + FONT + 6, p, cls="tick x"))
    out.append(_text(LEFT + (W - LEFT - RIGHT) / 2, y + 2 * FONT + 20, FREQ_TITLE.get(freq, freq), cls="axis-title"))
    return out


def y_axis(ticks: Sequence[tuple[float, str]], top: float, bottom: float, title: str) -> list[str]:
    """Grid lines with labels at (y, label) and the rotated axis title."""
    out = [f'<line x1="{LEFT}" y1="{top:.1f}" x2="{LEFT}" y2="{bottom:.1f}" stroke="#666"/>']
    for y, label in ticks:
        out.append(f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        out.append(_text(LEFT - 6, y + 4, label, anchor="end", cls="tick y"))
    mid = (top + bottom) / 2
    out.append(_text(16, mid, title, cls="axis-title", extra=f' transform="rotate(-90 16 {mid:.1f})"'))
    return out


def counts(items: Sequence[tuple[float, float, int]], width: float) -> list[str]:
    """The number of events at (x centre, baseline y) of each bar, when the bar is wide enough to hold it."""
    return [_text(x, y, str(n), cls="count") for x, y, n in items if n and width >= CHAR * len(str(n)) + 2]


def frame(chart_id: str, title: str, height: float, body: list[str]) -> str:
    return (f'<svg id="{chart_id}" class="chart" xmlns="http://www.w3.org/2000/svg" width="{W}" height="{height:.0f}" '
            f'viewBox="0 0 {W} {height:.0f}" role="img" aria-label="{escape(title)}" font-family="sans-serif">'
            f"<title>{escape(title)}</title>{''.join(body)}</svg>")


def _colours(report: BalanceReport, colours: Mapping[str, str] | None) -> dict[str, str]:
    if colours is not None:
        return dict(colours)
    from ..analysis.poles import load_poles

    return pole_colours([p.name for p in report.poles], load_poles())


def shares_chart(report: BalanceReport, colours: Mapping[str, str] | None = None) -> str:
    """Stacked bars: each period's interactions split between the poles (height = share), the count on top;
    a period with too little evidence for a share (issue 9's threshold) draws no bar, only its count."""
    col = _colours(report, colours)
    periods = report.periods
    leg, leg_h = legend([(_label(p), col[p.name], p.name) for p in report.poles])
    top = leg_h + 22
    bottom = top + PLOT_H
    slot = (W - LEFT - RIGHT) / max(len(periods), 1)
    bar = max(slot * 0.7, 1.0)
    ticks = [(bottom - v * PLOT_H, f"{v:.0%}") for v in (0, 0.25, 0.5, 0.75, 1)]
    body = leg + y_axis(ticks, top, bottom, "share of interactions")
    tops = []
    for i, bal in enumerate(report.balance):
        y, x = bottom, LEFT + slot * i + (slot - bar) / 2
        for pole in report.poles:
            r = report.row(pole.name, bal.period)
            if not r.share:
                continue
            h = r.share * PLOT_H
            y -= h
            body.append(
                f'<rect class="mark share" data-pole="{escape(pole.name)}" data-period="{escape(bal.period)}" '
                f'data-value="{r.share:.4f}" data-count="{r.n}" data-low="{r.share_low}" data-high="{r.share_high}" '
                f'x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{col[pole.name]}" stroke="#fff" '
                f'stroke-width="0.5"><title>{escape(pole.label)} {escape(bal.period)}: {_pct(r.share)}% '
                f"[{_pct(r.share_low or 0)}–{_pct(r.share_high or 0)}%] ({r.n} of {bal.total} interactions, "
                f"{r.stories} stories)</title></rect>")
        tops.append((x + bar / 2, top - 5, bal.total))
    body += counts(tops, bar)
    body += x_axis(periods, slot, bottom, report.freq)
    body.append(_text(W - RIGHT, top - 5 - FONT - 4, "interactions per period above the bars", anchor="end", cls="note",
                      extra=f' fill="{NEUTRAL}"'))
    return frame("chart-shares", f"Share of {report.country}'s events by pole and {report.freq}",
                 bottom + BOTTOM, body)


def dyads_chart(report: BalanceReport, colours: Mapping[str, str] | None = None) -> str:
    """Bars per pole and period: cooperative events up (solid), conflictual events down (hatched)."""
    col = _colours(report, colours)
    periods, poles = report.periods, report.poles
    items = [(_label(p), col[p.name], p.name) for p in poles]
    items += [("cooperation: up, solid", "#888", "coop"), ("conflict: down, hatched", "#888", "conflict")]
    leg, leg_h = legend(items, hatched=("conflict",))
    top = leg_h + 22
    bottom = top + PLOT_H
    mid = top + PLOT_H / 2
    peak = max([max(r.cooperation, r.conflict) for r in report.rows] + [1])
    step = _nice_step(peak)
    scale = (PLOT_H / 2 - FONT - 4) / (math.ceil(peak / step) * step)
    ticks = [(mid - v * scale, str(abs(v))) for v in range(-math.ceil(peak / step) * step, peak + step, step)]
    body = [hatch_defs(), *leg, *y_axis(ticks, top, bottom, "events: cooperation ↑ conflict ↓")]
    body.append(f'<line x1="{LEFT}" y1="{mid:.1f}" x2="{W - RIGHT}" y2="{mid:.1f}" stroke="#444"/>')
    slot = (W - LEFT - RIGHT) / max(len(periods), 1)
    bar = max(slot * 0.8 / max(len(poles), 1), 1.0)
    labels = []
    for i, period in enumerate(periods):
        for j, pole in enumerate(poles):
            r = report.row(pole.name, period)
            x = LEFT + slot * i + slot * 0.1 + bar * j
            for kind, n in (("coop", r.cooperation), ("conflict", r.conflict)):
                if not n:
                    continue
                h = n * scale
                y = mid - h if kind == "coop" else mid
                body.append(
                    f'<rect class="mark {kind}" data-pole="{escape(pole.name)}" data-period="{escape(period)}" '
                    f'data-value="{n}" data-count="{n}" x="{x:.1f}" y="{y:.1f}" width="{max(bar - 2, 1):.1f}" '
                    f'height="{h:.1f}" fill="{col[pole.name]}">'
                    f"<title>{escape(report.country)}–{escape(pole.label)} {escape(period)}: {n} "
                    f"{'cooperative' if kind == 'coop' else 'conflictual'} events</title></rect>")
                if kind == "conflict":
                    body.append(f'<rect class="hatch" x="{x:.1f}" y="{y:.1f}" width="{max(bar - 2, 1):.1f}" '
                                f'height="{h:.1f}" fill="url(#hatch)" pointer-events="none"/>')
                labels.append((x + (bar - 2) / 2, y - 4 if kind == "coop" else y + h + FONT, n))
    body += counts(labels, bar - 2)
    body += x_axis(periods, slot, bottom, report.freq)
    return frame("chart-dyads", f"Cooperative and conflictual events between {report.country} and each pole",
                 bottom + BOTTOM, body)


def _pct(x: float) -> int:
    return math.floor(x * 100 + 0.5)


def _label(pole: Pole) -> str:
    """A pole's label; a one-member pole named by its code shows the actor's name ("IRN" -> "Iran")."""
    from .names import name_of

    return name_of(pole.name) if pole.label == pole.name else pole.label


def _nice_step(peak: int) -> int:
    """A tick step (1, 2, 5, 10, 20, 50 ...) giving at most 4 ticks on each side of zero."""
    for mag in range(0, 7):
        for base in (1, 2, 5):
            step = base * 10**mag
            if peak / step <= 4:
                return step
    return max(1, peak // 4)
