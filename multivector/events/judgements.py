"""Readers of whom a statement accuses (112): an allegation of another's act, harm laid on a state, or a wrong
it is said to have done; and whom an admission or a denial answers (the act admitted, the report denied). (What a
that-clause says of an act, "says Turkey's decision is unacceptable", is not read: tried twice, it found no true
event the other readers miss.)

Gold rule 8: "X said Y did Z" codes Z; an accusation codes X->Y 112 and not the alleged act.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.matcher import Actor
from . import modality
from .clauses import THREAT_PREPS, Clauses
from .modality import Modality
from .nouns import Found
from .tree import child, prep_objects

# What a denial may call what another said before it in the sentence: "New Delhi denies the claim".
TOLD_NOUNS = frozenset({"claim", "report", "allegation", "accusation", "charge", "assertion", "suggestion"})
# Verbs of a standing state, never an act one admits to: "acknowledged that Kazakhstan relied on Russia".
STATE_VERBS = frozenset({"be", "have", "rely", "depend", "need", "remain", "own", "lack", "seem", "appear"})


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

    def admitted_act(self, v: Token, theme: Token | None, exclude: frozenset[str]) -> list[Actor]:
        """Whom an act the subject admits to was done to ("Iran admitted that its forces had shot down a Ukrainian
        airliner", "admits shooting down the Ukrainian jet"): only an act of the subject's own side."""
        heads = [c for c in v.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
        if theme is not None and theme.tag_ == "VBG":
            heads.append(theme)
        for h in heads:
            subj = child(h, "nsubj")
            if subj is not None and not (set(a.code for a in self.phrase_actors(subj)) <= exclude):
                continue  # another's act: "admitted that Russian jets had struck"
            code = self.act_code(h)
            if (code is not None and not "11" <= code[:2] <= "20") or h.lemma_.lower() in STATE_VERBS:
                continue  # a wrong admitted, not a state owned to: "acknowledged that it relied on Russia"
            obj = child(h, "dobj")
            got = [a for a in (self.phrase_actors(obj, exclude=exclude) if obj is not None else [])
                   if a.codable and not a.person] or [
                a for a in self.prep_targets(h, THREAT_PREPS + ("in", "inside"), possessor=True, exclude=exclude)
                if a.codable and not a.person]
            if got:
                return got
        return []

    def reporter_before(self, v: Token, theme: Token | None, exclude: frozenset[str]) -> list[Actor]:
        """Who said what a denial refers back to with a pronoun ("Poland says four soldiers were arrested, while
        Russia denies this", "..., which Rwanda denies"): the subject of the nearest verb of saying before it in
        the sentence, when that is another state."""
        pronoun = theme is None or theme.lower_ in ("this", "it", "that", "which", "so")
        # or the claim itself, named by no one else: "..., and New Delhi denies the claim", "a claim Baku denied"
        told = theme is not None and theme.lemma_.lower() in TOLD_NOUNS and not any(
            c.dep_ in ("poss", "prep", "amod", "compound") for c in theme.children)
        if not (pronoun or told):
            return []
        W = modality.words()
        saying = W.report_verbs | W.alleging_verbs | W.finding_verbs
        for t in reversed(v.doc[v.sent.start:v.i]):
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in saying:
                got = [a for a in self.subjects(t) if a.codable and a.code not in exclude]
                if got:
                    return got
        return []
