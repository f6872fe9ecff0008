"""Statements that judge another state's act: "Russia called the plans a plot" (111 to whoever made the
plans), "Tokyo described the talks with Seoul as constructive" (051), and stances ("is critical of the US
stance"). The judged thing's owner is the target; the judging words are data (data/<lang>/evaluations.yaml).

Not read: what a that-clause says of an act ("said the sanctions were illegal"). Tried, it found one event on
the studied real text and two false ones on a scored-only set, so it was taken out."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import yaml
from spacy.tokens import Token

from ..actors.matcher import Actor
from ..errors import LexiconError
from . import modality, patterns
from .arguments import child
from .clauses import Clauses
from .modality import Modality
from .nouns import Found

# The complement of a naming verb: "called it a plot" (oprd/dobj), "described it as provocative" (as).
COMPLEMENT_DEPS = frozenset({"oprd", "attr", "acomp", "xcomp", "ccomp", "dobj", "advcl"})
# "calling it a dangerous escalation": an act just told, not an actor's (who did it is the coder's guess).
DEICTIC = frozenset({"it", "this", "that", "these", "those"})
# Clauses inside a complement that say something else: "a mistake that will cost them" is still the mistake's.
OWN_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "csubj", "parataxis"})


@dataclass(frozen=True, slots=True)
class Judging:
    """The words of one language that judge: verbs that name or say, words of blame and of praise."""

    naming_verbs: frozenset[str]
    negative: frozenset[str]
    positive: frozenset[str]
    reversers: frozenset[str]
    copulas: frozenset[str]
    stances: dict[str, str]
    negative_code: str
    positive_code: str


@functools.cache
def judging(lang: str = "en") -> Judging:
    """data/<lang>/evaluations.yaml, read once per process."""
    path = patterns.data_dir(lang) / "evaluations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    try:
        lists = {k: frozenset(str(w).lower() for w in data[k])
                 for k in ("naming_verbs", "negative", "positive", "reversers")}
        codes = data["codes"]
        return Judging(**lists, copulas=frozenset(str(w) for w in data["copulas"]),
                       stances={str(k): str(c) for k, c in data["stances"].items()},
                       negative_code=str(codes["negative"]), positive_code=str(codes["positive"]))
    except (KeyError, TypeError) as exc:
        raise LexiconError(str(path), f"missing {exc}; it needs codes, naming_verbs, negative, "
                                      "positive, reversers, copulas and stances") from exc


class Evaluations(Clauses):
    """Coding of judging statements; the article coder subclasses this."""

    def code_evaluation(self, v: Token) -> list[Found]:
        """111 or 051 from a speaker to the owner of what the speaker judges, when no other event is read."""
        J = judging()
        lemma = v.lemma_.lower()
        if lemma in J.naming_verbs:
            thing = child(v, "dobj")
            if thing is None:  # "calls Iran's missile test a violation": the parser makes the thing a clause
                thing = next((c for c in v.children if c.dep_ in ("oprd", "ccomp") and child(c, "dobj")), None)
            if thing is None:  # "calls Turkey's decision unacceptable": a small clause, the thing its subject
                thing = next((n for c in v.children if c.dep_ in ("oprd", "ccomp", "xcomp")
                              and (n := child(c, "nsubj")) is not None), None)
            zone = [c for c in v.children if c.dep_ in COMPLEMENT_DEPS and c is not thing]
            zone += [p for c in v.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
            if thing is not None:  # "called the plans a plot": the parser may hang the name on the thing
                zone += [c for c in thing.children if c.dep_ in ("dobj", "oprd", "attr", "acomp")]
                zone += [p for c in thing.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
        elif lemma in J.copulas and (adj := child(v, "acomp")) is not None and adj.lemma_.lower() in J.stances:
            # "is critical of the United States's stance", "remains supportive of Kyiv's bid": a stance taken
            obj = next((p for c in adj.children if c.dep_ == "prep" and c.lower_ in ("of", "toward", "towards")
                        for p in c.children if p.dep_ == "pobj"), None)
            if obj is None:
                return []
            mod = modality.analyse(v, question=self.in_question, year=self.year)
            if mod.drop or mod.transform or mod.conditional or any(c.dep_ == "neg" for c in v.children):
                return []
            sources = [a for a in self.subjects(v) if a.codable]
            own = frozenset(a.code for a in sources)
            targets = [a for a in (self.actors_for(obj, own) or self.owners(obj, own)) if a.codable]
            code = J.stances[adj.lemma_.lower()]
            return [Found(s, t, code, f"{code}-stance", v, Modality(), saying=True) for s in sources for t in targets]
        else:
            return []
        if thing is None or not zone or thing.lower_ in DEICTIC:
            return []
        judged = self._judgement(zone, thing, J, acts=thing.pos_ == "NOUN" and not self.actors_for(thing))
        if judged is None:
            return []
        code = judged
        mod = modality.analyse(v, question=self.in_question, year=self.year)
        if mod.drop or mod.transform or mod.conditional:
            return []
        sources = [a for a in self.subjects(v) if a.codable]
        own = frozenset(a.code for a in sources)
        targets = [a for a in self.owners(thing, own) if a.codable]
        return [Found(s, t, code, f"{code}-judged", v, Modality(), saying=True) for s in sources for t in targets]

    def owners(self, thing: Token, exclude: frozenset[str]) -> list[Actor]:
        """Whose is the judged thing: itself ("Russia is an aggressor"), its possessor, its national modifier,
        its by-agent or the author of a text ("a U.S.-drafted resolution")."""
        if self.actors.entity_at(thing) is not None or thing.pos_ == "PRON":
            got = self.actors_for(thing, exclude)
            if got:
                return got
        for read in (lambda: self.possessor(thing, exclude), lambda: self.modifier_sources(thing),
                     lambda: self._by_agent(thing), lambda: self.author_of(thing)):
            got = [a for a in read() if a.code not in exclude]
            if got:
                return got
        return []

    def _by_agent(self, thing: Token) -> list[Actor]:
        """"the recognition of Jerusalem as Israel's capital by the United States": the by-phrase anywhere in
        the thing's own phrase (the parser hangs it on the nearest noun)."""
        for t in thing.subtree:
            if t.dep_ in ("prep", "agent") and t.lower_ == "by" and not any(
                    a.dep_ in OWN_CLAUSE_DEPS for a in _path(t, thing)):
                obj = child(t, "pobj")
                if obj is not None:
                    return self.actors_for(obj)
        return []

    @staticmethod
    def _judgement(zone: list[Token], thing: Token, J: Judging, *, acts: bool) -> str | None:
        """The code of the first word of blame or praise in the complement, outside the judged thing and
        outside the complement's own clauses; None when a reverser governs it ("is not a mistake"). A verb
        judges only an act named by a noun ("the recognition runs counter to", "the deal violates"): what an
        actor does ("Indian forces breached the ceasefire", "it welcomed") is an act or an accusation."""
        inside = {t.i for t in thing.subtree}
        for root in zone:
            for t in root.subtree:
                if t.i in inside or any(a.dep_ in OWN_CLAUSE_DEPS for a in _path(t, root)):
                    continue
                low = t.lemma_.lower()
                if low not in J.negative and low not in J.positive and t.lower_ not in J.negative | J.positive:
                    continue
                if t.pos_ in ("VERB", "AUX") and (not acts or any(c.dep_ == "aux" and c.lower_ == "to"
                                                                 for c in t.children)):
                    continue  # "sent troops to counter terrorism": a purpose, not a judgement
                if any(c.lower_ in J.reversers for a in {t, root, *_path(t, root)} for c in a.children
                       if c.dep_ in ("neg", "advmod", "det", "preconj")):
                    return None
                return J.negative_code if (low in J.negative or t.lower_ in J.negative) else J.positive_code
        return None


def _path(t: Token, root: Token) -> list[Token]:
    """The tokens between ``t`` and ``root``, both excluded: [] when ``t`` is the root or its child."""
    out: list[Token] = []
    while t.head.i != root.i and t.head.i != t.i and t.i != root.i:
        t = t.head
        out.append(t)
    return out
