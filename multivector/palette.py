"""One palette for every chart (HTML brief, dashboard, `multivector poles`): colour-blind safe, and pole
colours never reuse the cooperation/conflict colours.

Okabe & Ito (2008), "Color Universal Design": eight colours distinguishable under the common colour-vision
deficiencies. Bluish green and vermillion are reserved for cooperation and conflict; poles take the other
five in a fixed order (the shipped poles RUS, WST, CHN get the first three), a sixth and later pole reuses
them with a darker shade. A pole keeps its colour whichever poles are shown with it: the colour follows its
place among the defined poles (shipped, then user lexicons, then --poles-file), and one-member poles
(any actor code) follow, in the order asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

COOP = "#009E73"  # bluish green
CONFLICT = "#D55E00"  # vermillion
NEUTRAL = "#6B7280"  # grey: totals, the balance index line
POLE_COLOURS = ("#CC79A7", "#0072B2", "#E69F00", "#56B4E9", "#000000")  # reddish purple, blue, orange, sky, black
SHADED = ("#8E4F73", "#004C78", "#A87400", "#2E7FAE", "#5C5C5C")  # the same hues, darker, for poles 6-10


def pole_colour(index: int) -> str:
    """The colour of the pole at ``index`` among the defined poles."""
    cycle = POLE_COLOURS + SHADED
    return cycle[index % len(cycle)]


def pole_colours(names: Iterable[str], defined: Mapping[str, object]) -> dict[str, str]:
    """Pole name -> colour: a defined pole by its place among the defined ones, any other after them."""
    order = list(defined)
    out: dict[str, str] = {}
    extra = len(order)
    for n in names:
        if n in out:
            continue
        if n in order:
            out[n] = pole_colour(order.index(n))
        else:
            out[n] = pole_colour(extra)
            extra += 1
    return out
