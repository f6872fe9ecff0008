"""Acts joined by "and" under one subject share a target the other names: "Pakistan downgraded diplomatic ties
and suspended trade with India" downgrades ties with India; "Turkey condemned the Israeli raid and recalled its
ambassador" recalls him from Israel. Only acts that reduce relations, posture or coerce (roots 15-17, not a show
of force, 150) and official protests (114) borrow a target, and only from a joined act of conflict (roots 10-20) aimed at exactly one state;
an attack needs its own foe ("seized a tanker and fired missiles into the sea" fired at no one). Measured on the
studied and scored sets: 3 more true events, no false one (eval/README.md, thirtieth session). A closure or
blockade (191) borrows too: it restricts, it does not attack."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.matcher import Actor
from .modality import Modality, code_under
from .nouns import Found

# The roots that borrow a target, and the lowest root a joined act lending it must have; and an official
# protest, which is lodged with whoever the joined demand or measure names ("lodged a protest and demanded an
# apology from Beijing").
BORROWING_ROOTS = frozenset({"15", "16", "17"})
BORROWING_CODES = frozenset({"114", "191"})  # and a blockade or closure, a measure, not an attack ("recalled its
# ambassador to Colombia and closed the border")
LENDING_ROOT_MIN = "10"

# (verb, code, pattern, sources, modality) of an act coded with no target
Unaimed = tuple[Token, str, str, list[Actor], Modality]


def _own_subject(v: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)


def joined_acts(v: Token) -> list[Token]:
    """The verbs joined to ``v`` by "and" that share its subject: its head when ``v`` is a conjunct with no subject
    of its own, and its own conjuncts with none."""
    out = []
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and not _own_subject(v):
        out.append(v.head)
    out += [c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _own_subject(c)]
    return out


def shared_targets(unaimed: list[Unaimed], found: list[Found]) -> list[Found]:
    """Events for the acts in ``unaimed`` whose joined act names one target (see the module's docstring)."""
    out: list[Found] = []
    tried: set[int] = set()
    for v, code, pid, sources, mod in unaimed:
        if v.i in tried:
            continue  # the verb's first pattern that matched is what it says; later ones are weaker readings
        tried.add(v.i)
        if (code[:2] not in BORROWING_ROOTS and code[:3] not in BORROWING_CODES) or code.startswith("150"):
            continue  # (a show of force, "fired missiles into the sea", is aimed at whom it is shown)
        doers = {s.code for s in sources}
        joined = {x.i for x in joined_acts(v)}
        lending = [f for f in found if f.predicate.i in joined and f.source.code in doers
                   and f.code[:2] >= LENDING_ROOT_MIN and not f.saying]
        if any(f.code[:3] == code[:3] or f.code[:2] == code[:2] == "17" for f in lending):
            # one act told by two verbs: "imposed sanctions and banned its ships", "intercepted the boat and
            # detained its crew", "broke in and stole data" (a coercion is one operation however many verbs
            # tell it; "downgraded ties and suspended trade" are two acts)
            continue
        lent = {f.target.code: f.target for f in lending}
        if len(lent) != 1:
            continue
        target = next(iter(lent.values()))
        out += [Found(s, target, code_under(code, mod), pid, v, mod) for s in sources if s.code != target.code]
    return out
