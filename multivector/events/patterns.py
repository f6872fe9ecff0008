"""The trigger lexicon (data/<lang>/triggers/NN.yaml, one file per CAMEO root), validated and indexed by lemma.

A verb trigger is a head lemma, optionally with words it needs nearby ("take into custody",
"open fire", "pull out"), a CAMEO code, and the slots where its target sits; light verbs name
their event by the object noun ("impose sanctions": ``objects``). A noun trigger is an event noun
("the expulsion of", "a blockade of") with its source and target slots. Code families
(data/families.tsv) say what an intention, appeal, demand, refusal or threat to do an act is.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .. import yamlfast
from ..errors import LexiconError
from . import cameo

V = TypeVar("V")

TARGET_SLOTS = frozenset({"dobj", "dative", "ccomp", "xcomp_obj", "possessor", "adjective", "accuser", "adversary", "harmed_when",
                          "participants", "theme_acl", "complement", "provoker", "clause_actors", "relation_subject",
                          "possessor_other", "opposed", "theme_place", "tension", "examined", "prior_act",
                          "deterred", "reporter", "speaker", "speaker_party", "denied", "admitted", "asked", "theme_between", "conflict_parties", "pair_partner",
                          "near_place", "answered_act", "border_partner", "examined_place", "judged_patient",
                          "requester", "if_attacker", "host"})
NOUN_SOURCE_SLOTS = frozenset({"poss", "amod", "compound", "of", "by", "from", "between", "among", "clause"})
FAMILY_KINDS = ("intent", "appeal", "demand", "refuse", "threat")
VERB_KEYS = frozenset({"id", "lemmas", "code", "target", "objects", "only_objects", "symmetric", "possessor_target",
                       "xcomp_only", "needs_phone", "needs_ccomp", "objectless", "stative_present", "inverted",
                       "only_negated", "source_roles", "needs_xcomp", "rank", "complement", "target_roles",
                       "passive_target", "people_target", "subject_heads", "mutual", "ccomp_only", "leaving",
                       "fired_near", "object_moves", "means_decides", "to_come"})
NOUN_KEYS = frozenset({"id", "lemmas", "code", "source", "target", "background", "needs", "rank", "symmetric"})
LANGUAGES = ("en",)


@dataclass(frozen=True, slots=True)
class VerbPattern:
    id: str
    lemma: str
    particle: str | None  # kept for readers of the old schema: the first word needed after the head
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
    needs: tuple[str, ...] = ()  # words after the head lemma that must sit on the verb ("into", "custody")
    rank: int = 0  # lower is tried first among a lemma's patterns
    complement: str | None = None  # "appeal" | "demand": the requested act refines the code (families.tsv)
    target_roles: tuple[str | None, ...] = ()
    people_target: bool = False  # done to people, never to a state named as such ("beat protesters", not "beat Spain")
    subject_heads: tuple[str, ...] = ()  # the subject's head must be one of these lemmas ("troops arrive", not planes)
    mutual: bool = False  # the wording says both sides acted ("exchanged fire with"): the target acts back
    ccomp_only: tuple[str, ...] = ()  # the that-clause's verb must be one of these ("vowed that Israel would pay")
    # "needed": the act needs a leaving complement ("ordered French troops out", "to leave"); "excluded": none
    # ("gave Seoul 48 hours to dismantle", not "gave him 72 hours to leave", an expulsion's term)
    leaving: str | None = None
    fired_near: bool = False  # a show of force fired near, not at: skipped when aimed at something ("at", "on")
    object_moves: tuple[str, ...] = ()  # lemmas whose direct object is a thing moved, no journey ("returned the statues")
    # a means named in a with-phrase that is an act of another root decides the act: "retaliated with sanctions"
    # is the sanctions (163), not force
    means_decides: bool = False
    # only an act to come, said ("will respond to") or vowed ("vowed to hit back at"), that names in one of its
    # target prepositions what it answers: a response told as done is coded by its means
    to_come: bool = False


@dataclass(frozen=True, slots=True)
class NounPattern:
    id: str
    lemma: str
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    background: bool
    needs: tuple[str, ...] = ()  # a modifier lemma the noun needs ("air" strike, "hunger" strike)
    rank: int = 0
    symmetric: bool = False  # "talks between A and B", "clashes between A and B": both directions


def by_prefix(table: Mapping[str, V], code: str) -> V | None:
    """The row of ``table`` keyed by the longest prefix of a CAMEO ``code`` (two digits at least), if any."""
    return next((table[code[:n]] for n in range(len(code), 1, -1) if code[:n] in table), None)


@dataclass(frozen=True, slots=True)
class Patterns:
    verbs: dict[str, tuple[VerbPattern, ...]]  # key: head lemma; patterns sorted for trying
    nouns: dict[str, tuple[NounPattern, ...]]
    object_lemmas: frozenset[str]  # every object noun any verb pattern refines on
    families: dict[str, dict[str, str]]  # code prefix -> kind -> code
    object_kinds: dict[str, frozenset[str]]  # object noun -> ids of the patterns whose objects list it

    def family(self, code: str, kind: str) -> str:
        """The ``kind`` (intent, appeal, demand, refuse, threat) code of an act, by its longest code prefix."""
        row = by_prefix(self.families, code)
        if row is not None:
            return row[kind]
        return {"intent": "030", "appeal": "020", "demand": "100", "refuse": "120", "threat": "130"}[kind]

    def nouns_for(self, keys: Iterable[str]) -> tuple[NounPattern, ...]:
        """The noun patterns of the first of ``keys`` the lexicon knows (tree.noun_keys: a hyphenated compound
        before the noun's own lemma)."""
        return next((found for k in keys if (found := self.nouns.get(k))), ())

    def count(self) -> int:
        """Trigger entries: distinct (surface, code) pairs, a surface being a verb lemma or phrase, the object
        noun of a light verb, or an event noun ("impose/slap/extend sanctions" is four: three verbs, one
        object)."""
        return sum(self.per_code().values())

    def per_code(self) -> dict[str, int]:
        """Trigger entries per CAMEO code (see ``count``)."""
        pairs: set[tuple[str, str, str]] = set()
        for pats in self.verbs.values():
            for v in pats:
                phrase = " ".join((v.lemma, *v.needs))
                if not v.only_objects:
                    pairs.add(("v", phrase, v.code))
                elif v.objects:  # the light verb itself, under the code of its first object
                    pairs.add(("v", phrase, next(iter(v.objects.values()))))
                pairs.update(("o", obj, code) for obj, code in v.objects.items())
        for nps in self.nouns.values():
            pairs.update(("n", n.lemma, n.code) for n in nps)
        out: dict[str, int] = {}
        for _k, _s, code in pairs:
            out[code] = out.get(code, 0) + 1
        return out


def data_dir(lang: str = "en") -> Path:
    if lang not in LANGUAGES:
        raise LexiconError(f"events/data/{lang}", f"no trigger lexicon for language {lang!r}; "
                           f"use one of {', '.join(LANGUAGES)}")
    return Path(str(resources.files("multivector.events") / "data" / lang))


def trigger_files(lang: str = "en") -> list[Path]:
    return sorted((data_dir(lang) / "triggers").glob("*.yaml"))


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yamlfast.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(str(path), f"not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise LexiconError(str(path), "top level must be a mapping with 'verbs' and 'nouns'")
    return data


def _strs(v: Any, where: str, what: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        # YAML reads a bare on/off/yes/no as a boolean: quote prepositions such as "on".
        raise LexiconError(where, f"{what} must be a list of strings; quote words like \"on\"")
    return tuple(v)


def _code(c: Any, where: str) -> str:
    code = str(c)
    try:
        cameo.lookup(code)
    except Exception as exc:
        raise LexiconError(where, f"unknown CAMEO code {code!r}; see `multivector codes`") from exc
    return code


def verb_patterns(v: dict[str, Any], where: str,
                  word_sets: Mapping[str, tuple[str, ...]] | None = None) -> list[VerbPattern]:
    """The patterns of one verb entry (one per lemma); an object key naming a word set (object_sets.yaml)
    stands for each of its words."""
    pid = v.get("id")
    unknown = set(v) - VERB_KEYS
    if unknown:
        raise LexiconError(where, f"{pid}: unknown keys {sorted(unknown)}")
    code = _code(v.get("code"), f"{where}:{pid}")
    sets = word_sets or {}
    listed = {str(k): _code(c, f"{where}:{pid}") for k, c in (v.get("objects") or {}).items()}
    objects = {k: c for k, c in listed.items() if k not in sets}
    for k, c in listed.items():
        for w in sets.get(k, ()):
            objects.setdefault(w, c)  # (a word the entry lists itself keeps its own code)
    target = _strs(v.get("target", ["dobj"]), f"{where}:{pid}", "target")
    out = []
    for lemma in _strs(v.get("lemmas"), f"{where}:{pid}", "lemmas"):
        words = lemma.split()
        if not words:
            raise LexiconError(where, f"{pid}: empty lemma")
        out.append(VerbPattern(
            str(pid), words[0], words[1] if len(words) > 1 else None, code, target, objects,
            bool(v.get("only_objects", False)), bool(v.get("symmetric", False)), bool(v.get("possessor_target", True)),
            _strs(v.get("xcomp_only"), where, "xcomp_only"), bool(v.get("needs_phone", False)),
            bool(v.get("needs_ccomp", False)), bool(v.get("objectless", False)), bool(v.get("stative_present", False)),
            bool(v.get("inverted", False)), bool(v.get("only_negated", False)),
            tuple(v.get("source_roles", ())), bool(v.get("needs_xcomp", False)), tuple(words[1:]),
            int(v.get("rank", 0)), v.get("complement"), tuple(v.get("target_roles", ())),
            bool(v.get("people_target", False)), _strs(v.get("subject_heads"), where, "subject_heads"),
            bool(v.get("mutual", False)), _strs(v.get("ccomp_only"), where, "ccomp_only"),
            v.get("leaving"), bool(v.get("fired_near", False)), _strs(v.get("object_moves"), where, "object_moves"),
            bool(v.get("means_decides", False)), bool(v.get("to_come", False)),
        ))
        if out[-1].complement not in (None, "appeal", "demand"):
            raise LexiconError(where, f"{pid}: complement must be appeal or demand")
        if out[-1].leaving not in (None, "needed", "excluded"):
            raise LexiconError(where, f"{pid}: leaving must be needed or excluded")
    return out


def noun_patterns(n: dict[str, Any], where: str) -> list[NounPattern]:
    pid = n.get("id")
    unknown = set(n) - NOUN_KEYS
    if unknown:
        raise LexiconError(where, f"{pid}: unknown keys {sorted(unknown)}")
    code = _code(n.get("code"), f"{where}:{pid}")
    source = _strs(n.get("source", ["poss"]), f"{where}:{pid}", "source")
    bad = [s for s in source if s not in NOUN_SOURCE_SLOTS and not s.isalpha()]
    if bad:
        raise LexiconError(where, f"{pid}: unknown source slot {bad[0]!r}")
    return [NounPattern(str(pid), lemma, code, source, _strs(n.get("target", []), f"{where}:{pid}", "target"),
                        bool(n.get("background", False)), _strs(n.get("needs"), where, "needs"),
                        int(n.get("rank", 0)), bool(n.get("symmetric", False)))
            for lemma in _strs(n.get("lemmas"), f"{where}:{pid}", "lemmas")]


def _families(path: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    header: list[str] | None = None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if tuple(header[1:]) != FAMILY_KINDS:
                raise LexiconError(f"{path}:{n}", f"header must be prefix, {', '.join(FAMILY_KINDS)}")
            continue
        if len(cells) != len(header):
            raise LexiconError(f"{path}:{n}", f"expected {len(header)} tab-separated cells")
        out[cells[0]] = {k: _code(c, f"{path}:{n}") for k, c in zip(FAMILY_KINDS, cells[1:], strict=True)}
    return out


def build(entries: Iterable[tuple[str, dict[str, Any]]], families: dict[str, dict[str, str]],
          word_sets: Mapping[str, tuple[str, ...]] | None = None) -> Patterns:
    """Index trigger files' contents ((where, data) pairs, in load order)."""
    verbs: dict[str, list[VerbPattern]] = {}
    nouns: dict[str, list[NounPattern]] = {}
    objs: set[str] = set()
    kinds: dict[str, set[str]] = {}
    ids: dict[str, str] = {}
    for where, data in entries:
        for v in data.get("verbs") or []:
            pid = v.get("id")
            if not pid or pid in ids:
                raise LexiconError(where, f"verb pattern without a unique id: {pid!r}"
                                   + (f" (also in {ids[pid]})" if pid in ids else ""))
            ids[pid] = where
            for p in verb_patterns(v, where, word_sets):
                verbs.setdefault(p.lemma, []).append(p)
                objs.update(p.objects)
                for o in p.objects:
                    kinds.setdefault(o, set()).add(p.id)
        for n in data.get("nouns") or []:
            pid = n.get("id")
            if not pid or pid in ids:
                raise LexiconError(where, f"noun pattern without a unique id: {pid!r}")
            ids[pid] = where
            for np in noun_patterns(n, where):
                nouns.setdefault(np.lemma, []).append(np)
    # Try specific patterns first: by rank, then those needing more words, then light verbs, then file order.
    sv = {k: tuple(sorted(v, key=lambda p: (p.rank, -len(p.needs), not p.only_objects))) for k, v in verbs.items()}
    sn = {k: tuple(sorted(v, key=lambda p: (p.rank, -len(p.needs)))) for k, v in nouns.items()}
    return Patterns(sv, sn, frozenset(objs), families, {k: frozenset(v) for k, v in kinds.items()})


def load(lang: str = "en") -> Patterns:
    """Load, check (codes exist, slots known) and index the trigger lexicon of a language (once per process:
    ``load()`` and ``load("en")`` share one copy)."""
    return _load(lang)


@functools.cache
def _load(lang: str) -> Patterns:
    files = trigger_files(lang)
    if not files:
        raise LexiconError(str(data_dir(lang) / "triggers"), "no trigger files; reinstall multivector")
    fam = _families(Path(str(resources.files("multivector.events") / "data" / "families.tsv")))
    from ..user_lexicon import trigger_files as user_triggers  # the user lexicons' verbs and nouns, after ours

    return build([*((str(f), _read(f)) for f in files), *(user_triggers() if lang == "en" else [])], fam,
                 object_sets(lang))


@functools.cache
def object_sets(lang: str = "en") -> dict[str, tuple[str, ...]]:
    """The word sets trigger objects may name at once (data/<lang>/object_sets.yaml: "@currency" ...)."""
    path = data_dir(lang) / "object_sets.yaml"
    sets = _read(path).get("sets") or {}
    if not isinstance(sets, dict) or not all(str(k).startswith("@") for k in sets):
        raise LexiconError(str(path), "sets must map names starting with @ to lists of words")
    return {str(k): _strs(v, str(path), str(k)) for k, v in sets.items()}


@functools.cache
def deverbals(lang: str = "en") -> dict[str, str]:
    """Noun -> verb lemma (data/<lang>/deverbal.tsv); every verb must have trigger patterns."""
    path = data_dir(lang) / "deverbal.tsv"
    out: dict[str, str] = {}
    verbs = load(lang).verbs
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 2 or cells[1] not in verbs:
            raise LexiconError(f"{path}:{n}", "each line is a noun and a trigger verb's lemma, tab-separated")
        out[cells[0]] = cells[1]
    return out
