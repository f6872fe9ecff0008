"""Readers of whom a statement accuses (112): an allegation of another's act, harm laid on a state, or a wrong
it is said to have done. (What a that-clause says of an act, "says Turkey's decision is
unacceptable", is not read: tried twice, it found no true event the other readers miss.)

Gold rule 8: "X said Y did Z" codes Z; an accusation codes X->Y 112 and not the alleged act.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.matcher import Actor
from . import modality
from .clauses import Clauses
from .modality import Modality
from .nouns import Found
from .tree import child, prep_objects


class Judgements(Clauses):
    """Accusations read from statements; the target readers (events/targets.py) subclass this."""

    def allegation(self, accuser: Token, agents: list[Actor], code: str, pid: str,
                   own_report: list[Found]) -> list[Found]:
        """"Ukraine alleges that Russian hackers attacked its airport": the accuser accuses the act's agents (112,
        gold rule 8) and the act is not coded. A claim of one's own act reports it (``own_report``: "Russia claims
        it has captured a village"); an accusation is of a hostile act (roots 11-20)."""
        accusers = [a for a in self.subjects(accuser) if a.codable]
        own = {a.code for a in accusers}
        if not own or not agents:
            return []
        if {a.code for a in agents} <= own:
            return own_report if accuser.lemma_.lower() == "claim" else []
        if accuser.lemma_.lower() not in modality.words().alleging_verbs or not "11" <= code[:2] <= "20":
            return []
        accused = {a.code: a for a in agents if a.code not in own}
        return [Found(a, s, "112", f"allege+{pid}", accuser, Modality()) for a in accusers for s in accused.values()]

    def code_blame(self, t: Token) -> list[Found]:
        """Responsibility laid on a state is an accusation by whoever lays it (112, gold rule 8): "Ukraine says
        Russia is responsible for the downing", "Iran says the U.S. is behind the protests", "says Russia bears
        responsibility for", "Turkey holds Syria responsible for the attack"; so does a report that a state
        authored harm or that harm came from it. Only for harm (an act of roots
        11-20 or a harm noun); the harm itself is not coded here."""
        W = modality.words()
        low = t.lemma_.lower()
        what: Token | None = None
        clause = t
        if low in W.blame_adjectives and t.dep_ == "acomp":
            clause, what = t.head, next(iter(prep_objects(t, ("for",))), None)
        elif low in W.blame_adjectives and t.dep_ in ("ccomp", "oprd", "xcomp") and t.head.lemma_.lower() == "hold":
            what = next(iter(prep_objects(t, ("for",))), None)
        elif low == "be" and t.pos_ == "AUX":
            what = next(iter(prep_objects(t, ("behind",))), None)
        elif low == "bear" and (obj := child(t, "dobj")) is not None and obj.lemma_.lower() in ("responsibility", "blame"):
            what = next(iter(prep_objects(obj, ("for",))), None)
        elif low in W.authorship_verbs and t.pos_ == "VERB" and t.dep_ == "ccomp":
            what = child(t, "dobj")  # "says Pakistan's spy agency coordinated the attacks"
        elif low in W.wrongdoing_verbs and t.pos_ == "VERB" and t.dep_ == "ccomp" and t.head.i < t.i and not any(
                c.dep_ == "neg" or (c.dep_ == "dobj" and c.lemma_.lower() in W.truce_nouns) for c in t.children
        ) and all(i != t.i for i, *_ in self.current):
            # the wrong is the clause itself, coded as nothing else; only a statement that leads with its teller
            # ("X says that Y ..."), not a report's closing attribution ("..., the FBI said"), which is rule 8's
            what = t
        elif low in W.origin_verbs and t.pos_ == "VERB" and t.dep_ == "ccomp":
            what = child(t, "nsubj")  # "says the cyberattack came from Russian computers": from whom is accused
        elif t.lower_ in W.link_adjectives and t.tag_ == "VBN" and t.dep_ == "ccomp":
            what = child(t, "nsubjpass")  # "claims the protests are linked to the United States" (a passive)
        elif t.lower_ in W.link_adjectives and t.dep_ == "acomp" and t.head.lemma_.lower() == "be":
            clause, what = t.head, child(t.head, "nsubj")
        if what is None or not (what is t or what.lemma_.lower() in W.harm_nouns or (
                (np := self.noun_pattern(what)) is not None and "11" <= np.code[:2] <= "20")):
            return []
        teller = clause.head
        if teller.lemma_.lower() != "hold" and (clause.dep_ != "ccomp" or teller.lemma_.lower() not in
                                                W.report_verbs | W.finding_verbs):
            return []
        if low in W.origin_verbs or t.lower_ in W.link_adjectives:
            prep = ("from",) if low in W.origin_verbs else ("to", "with")
            accused = [a for p in prep_objects(t, prep) for x in (p, *p.conjuncts) for a in self.phrase_actors(x)
                       if a.codable]
        else:
            subj = child(clause, "nsubj")
            accused = [a for a in self.actors_for(subj) if a.codable] if subj is not None else []
        if not accused or modality.analyse(teller, question=self.in_question, year=self.year).drop:
            return []
        pid = f"blame-wrong+{low}" if what is t else "blame-responsible"
        return [Found(a, x, "112", pid, t, Modality()) for a in self.subjects(teller) if a.codable
                for x in accused if a.code != x.code]

    def code_feeling(self, t: Token) -> list[Found]:
        """A state's displeasure or pleasure at another's act, said with "be" (modality.yaml displeased_words,
        pleased_words): "Moscow was disappointed by Astana's decision" (111), "Tokyo is alarmed by China's
        military buildup" (111), "Kyiv is grateful to Berlin for its support" (051): toward whoever the phrase of
        the cause names, in the feeling's own modality."""
        W = modality.words()
        low = t.lower_
        code = "111" if low in W.displeased_words else "051" if low in W.pleased_words else None
        if code is None or not (t.dep_ == "acomp" or (t.tag_ == "VBN" and child(t, "auxpass") is not None)):
            return []
        clause = t.head if t.dep_ == "acomp" else t
        feelers = [a for a in self.actors_for(child(clause, "nsubj") or child(clause, "nsubjpass")) if a.codable]
        mod = modality.analyse(clause, question=self.in_question, year=self.year)
        if not feelers or mod.drop or mod.transform or mod.conditional:  # ("would be unhappy with a visit")
            return []
        own = frozenset(a.code for a in feelers)
        phrases = [p for c in t.children if c.dep_ in ("prep", "agent") and c.lower_ in W.feeling_preps
                   for p in c.children if p.dep_ == "pobj"]  # ("concerned by": the parser's agent)
        causes = [a for p in phrases for a in self.phrase_actors(p, exclude=own) if a.codable and a.code not in own]
        pid = f"feel+{low}"
        return [Found(a, x, code, pid, t, Modality()) for a in feelers for x in {c.code: c for c in causes}.values()]
