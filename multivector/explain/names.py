"""Actor names for explanations: code -> display name, and actors named in a question."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from ..analysis.poles import load_poles
from ..analysis.records import Pole


@functools.cache
def _lexicon_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(code -> name, surface -> code) from the actor lexicon; empty when it is not available."""
    try:
        from ..actors import lexicon

        lx = lexicon.load()
    except Exception:  # noqa: BLE001 - lexicon being written or broken: explanations fall back to codes
        return {}, {}
    surfaces: dict[str, str] = {}
    for surface, entries in lx.phrases.items():
        codes = {e.code for e in entries if getattr(e, "codable", True) and e.kind != "leader"}
        if len(codes) == 1:  # ambiguous surfaces are skipped
            surfaces[surface] = next(iter(codes))
    for surface, code in lx.bloc_adjectives.items():
        surfaces.setdefault(surface, code)
    return dict(lx.names), surfaces


def name_of(code: str, poles: Mapping[str, Pole] | None = None) -> str:
    """Display name of an actor or pole code ('KAZ' -> 'Kazakhstan'); the code itself when unknown."""
    if poles and code in poles and poles[code].label != code:
        return poles[code].label
    return _lexicon_tables()[0].get(code, code)


def surface_table(poles: Mapping[str, Pole] | None = None) -> dict[str, str]:
    """Every surface string that names an actor or pole -> its code (lexicon plus pole names)."""
    table = dict(_lexicon_tables()[1])
    for p in (poles or load_poles()).values():
        for n in p.names:
            table[n] = p.name
    return table


def mentions_in(text: str, poles: Mapping[str, Pole] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, code) of every actor or pole named in a text, in order (longest surface wins at a position)."""
    table = surface_table(poles)
    # One alternation, longest surface first: at each position the longest name wins, and the scan never
    # overlaps (one compiled pattern per table: compiling 1,700 patterns per question took a second).
    pattern = _pattern(tuple(sorted(table, key=lambda sfc: (-len(sfc), sfc))))
    return [(m.start(), m.end(), table[m.group(0)]) for m in pattern.finditer(text)]


@functools.lru_cache(maxsize=8)
def _pattern(surfaces: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(sfc) for sfc in surfaces) + r")(?![\w])")


def actors_in(text: str, poles: Mapping[str, Pole] | None = None) -> list[str]:
    """Actor/pole codes named in a text, in order of first mention (longest surface wins at a position)."""
    return list(dict.fromkeys(code for _s, _e, code in mentions_in(text, poles)))
