"""Breadth of the trigger lexicon: triggers per root and code, leaf codes reached or not, event yield.

``coverage()`` answers "which CAMEO codes can the coder produce, through how many triggers, and how
often does it code something when a sentence names two actors?" (`multivector codes --coverage`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import cameo, patterns

FAMILY_KINDS = ("intent", "refuse", "threat", "appeal", "demand")


@dataclass(frozen=True, slots=True)
class RootCoverage:
    root: str
    name: str
    verbs: int  # verb lemmas and phrases (a light verb counts once per object it takes)
    nouns: int
    leaves: int  # leaf codes of the root
    reached: int  # leaf codes a trigger reaches (directly or through the code families)

    @property
    def triggers(self) -> int:
        return self.verbs + self.nouns


@dataclass(frozen=True, slots=True)
class Yield:
    """What the coder makes of real text: sentences naming two or more actors, and events coded in them."""

    source: str
    articles: int
    sentences_two_actors: int
    events: int
    sentences_with_event: int

    @property
    def events_per_sentence(self) -> float:
        return self.events / self.sentences_two_actors if self.sentences_two_actors else 0.0


@dataclass(frozen=True, slots=True)
class Coverage:
    lang: str
    triggers: int
    roots: tuple[RootCoverage, ...]
    by_code: dict[str, int]  # code -> direct triggers
    unreached: tuple[str, ...]  # leaf codes no trigger reaches
    via_family: tuple[str, ...]  # leaf codes reached only through intent/refusal/threat/appeal/demand
    yield_: Yield | None = None
    exempt: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "lang": self.lang, "triggers": self.triggers,
            "roots": [{"root": r.root, "name": r.name, "triggers": r.triggers, "verbs": r.verbs, "nouns": r.nouns,
                       "leaf_codes": r.leaves, "leaf_codes_reached": r.reached} for r in self.roots],
            "triggers_by_code": self.by_code, "unreached": list(self.unreached), "via_family": list(self.via_family),
            "yield": None if self.yield_ is None else {
                "source": self.yield_.source, "articles": self.yield_.articles,
                "sentences_two_actors": self.yield_.sentences_two_actors, "events": self.yield_.events,
                "sentences_with_event": self.yield_.sentences_with_event,
                "events_per_sentence": round(self.yield_.events_per_sentence, 3)},
        }


def leaf_codes() -> list[str]:
    codes = [c.code for c in cameo.all_codes()]
    return [c for c in codes if len(c) >= 3 and not any(o != c and o.startswith(c) for o in codes)]


def _direct(p: patterns.Patterns) -> Counter[str]:
    """Trigger entries per code (``Patterns.count``'s rule)."""
    return Counter(p.per_code())


def coverage(lang: str = "en", corpus: Iterable[Path] = ()) -> Coverage:
    """Breadth of the trigger lexicon of ``lang``, and (given input files) the event yield on them."""
    p = patterns.load(lang)
    direct = _direct(p)
    kinds = {"intent", "refuse", "threat"} | {v.complement for ps in p.verbs.values() for v in ps if v.complement}
    family = {p.family(code, k) for code in direct for k in kinds if k is not None}
    leaves = leaf_codes()
    reached = set(direct) | family
    roots = []
    for r in cameo.find_codes(None, None):
        if not r.is_root:
            continue
        mine = [c for c in leaves if c.startswith(r.code)]
        nouns = sum(1 for nps in p.nouns.values() for np in nps if np.code.startswith(r.code))
        verbs = sum(n for c, n in direct.items() if c.startswith(r.code)) - nouns
        roots.append(RootCoverage(r.code, r.name, verbs, nouns, len(mine), sum(c in reached for c in mine)))
    files = list(corpus)
    return Coverage(
        lang, p.count(), tuple(roots), dict(sorted(direct.items())),
        tuple(c for c in leaves if c not in reached), tuple(c for c in leaves if c in family and c not in direct),
        event_yield(files) if files else None,
    )


def event_yield(paths: list[Path]) -> Yield:
    """Code the articles in ``paths`` and count events per sentence that names two or more actors."""
    from ..ingest import iter_inputs
    from ..pipeline import code_articles
    from ..records import Article

    arts = [a for a in iter_inputs(paths) if isinstance(a, Article)]
    two = events = with_event = 0
    for c in code_articles(arts):
        codes: dict[int, set[str]] = {}
        for m in c.mentions:
            codes.setdefault(m.sentence_index, set()).add(m.code)
        two_actor = {i for i, cs in codes.items() if len(cs) >= 2}
        ev = Counter(e.sentence_index for e in c.events)
        two += len(two_actor)
        events += sum(n for i, n in ev.items() if i in two_actor)
        with_event += sum(1 for i in two_actor if ev[i])
    return Yield(", ".join(str(p) for p in paths), len(arts), two, events, with_event)
