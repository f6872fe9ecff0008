"""The verb and noun pattern lexicon (data/verbs.yaml), validated and indexed by lemma."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from ..errors import LexiconError
from . import cameo

TARGET_SLOTS = frozenset({"dobj", "dative", "ccomp", "xcomp_obj", "possessor", "adjective", "accuser", "adversary",
                          "participants", "theme_acl", "complement"})


@dataclass(frozen=True, slots=True)
class VerbPattern:
    id: str
    lemma: str
    particle: str | None
    code: str
    target: tuple[str, ...]
    objects: dict[str, str]
    only_objects: bool
    symmetric: bool
    possessor_target: bool
    xcomp_only: tuple[str, ...]
    needs_phone: bool
    needs_ccomp: bool
    objectless: bool
    stative_present: bool
    inverted: bool
    only_negated: bool
    source_roles: tuple[str | None, ...]  # None: an actor with no role
    needs_xcomp: bool


@dataclass(frozen=True, slots=True)
class NounPattern:
    id: str
    lemma: str
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    background: bool


@dataclass(frozen=True, slots=True)
class Patterns:
    verbs: dict[str, tuple[VerbPattern, ...]]  # key: lemma or "lemma particle"
    nouns: dict[str, NounPattern]
    object_lemmas: frozenset[str]  # every object noun any verb pattern refines on


def _path() -> str:
    return str(resources.files("multivector.events") / "data" / "verbs.yaml")


@functools.cache
def load() -> Patterns:
    """Load, check (codes exist, slots known) and index the pattern lexicon."""
    path = _path()
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    verbs: dict[str, list[VerbPattern]] = {}
    objs: set[str] = set()
    ids: set[str] = set()
    for v in data.get("verbs", []):
        pid = v.get("id")
        if not pid or pid in ids:
            raise LexiconError(path, f"verb pattern without a unique id: {v!r}")
        ids.add(pid)
        codes = [str(v["code"]), *map(str, (v.get("objects") or {}).values())]
        for c in codes:
            cameo.lookup(c)  # raises UnknownCodeError on a bad code
        target = tuple(v.get("target", ["dobj"]))
        if not all(isinstance(x, str) for x in target):
            # YAML reads a bare on/off/yes/no as a boolean: quote prepositions such as "on".
            raise LexiconError(path, f"{pid}: every target must be a string; quote words like \"on\"")
        for lemma in v["lemmas"]:
            parts = str(lemma).split(" ", 1)
            p = VerbPattern(
                pid, parts[0], parts[1] if len(parts) > 1 else None, str(v["code"]), target,
                {str(k): str(c) for k, c in (v.get("objects") or {}).items()}, bool(v.get("only_objects", False)),
                bool(v.get("symmetric", False)), bool(v.get("possessor_target", True)),
                tuple(v.get("xcomp_only", ())), bool(v.get("needs_phone", False)), bool(v.get("needs_ccomp", False)),
                bool(v.get("objectless", False)), bool(v.get("stative_present", False)), bool(v.get("inverted", False)),
                bool(v.get("only_negated", False)), tuple(v.get("source_roles", ())),  # null: no role
                bool(v.get("needs_xcomp", False)),
            )
            verbs.setdefault(str(lemma), []).append(p)
            objs.update(p.objects)
    nouns: dict[str, NounPattern] = {}
    for n in data.get("nouns", []):
        cameo.lookup(str(n["code"]))
        for lemma in n["lemmas"]:
            nouns[lemma] = NounPattern(n["id"], lemma, str(n["code"]), tuple(n.get("source", ["poss"])),
                                       tuple(n.get("target", [])), bool(n.get("background", False)))
    return Patterns({k: tuple(v) for k, v in verbs.items()}, nouns, frozenset(objs))
