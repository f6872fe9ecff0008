"""Code CAMEO events from a parsed article: predicates, their arguments, their clause context.

For each verb whose lemma has a pattern (data/en/triggers/) the coder finds the
source (subject, passive agent, or the subject a complement inherits), the
target (the slot the pattern names), refines the code by the object noun,
applies the clause's modality (intent, refusal, threat, negation, reported
speech) and emits one event per source-target pair, with its evidence.
Nominal events ("his visit to Astana") come from noun patterns.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from .. import nlp
from ..actors.context import DocContext, Extra
from ..actors.matcher import Actor, DocActors
from ..records import Article
from . import modality, patterns
from .clauses import (
    CONDITION_MARKS,
    FORCE_ROOTS,
    PARTNERED_ROOTS,
    reaction_clause,
    relation_subjects,
    summed_up_by_speech,
)
from .conjuncts import Unaimed
from .modality import code_under
from .nouns import IMPACT_ROOTS, MEASURE_ROOTS, Found
from .places import LOCATION_SOURCE_ROOTS
from .readings import Readings
from .references import same_group, through_quantity
from .selection import (
    agreed_together,
    aimed_elsewhere,
    mutual,
    only_where,
    reciprocal_owner,
)
from .targets import PLACE_PREPS
from .tree import (
    BORDER_NOUNS,
    adverbial_object,
    child,
    inherited_subject,
    is_passive,
    misparsed_main,
    passive_subject,
    prep_objects,
    shared_object,
    verb_like,
)
from .words import (
    TIME_PREPS,
    complex_preposition,
    consignment,
    forms,
    has_agent,
    head_words,
    in_support,
    near_words,
    object_lemmas,
    object_tokens,
    own_subject,
    stative,
)

# Objects that count an amount, not a kind of act: a kind named after them refines the code instead (with the
# currency units of data/<lang>/object_sets.yaml: amount_objects())
AMOUNT_NUMBERS = frozenset({"million", "billion", "trillion"})


@functools.cache
def amount_objects(lang: str = "en") -> frozenset[str]:
    """Numbers and currency units: "provides $2 billion in loans" is a loan (071), not aid at large (070)."""
    return AMOUNT_NUMBERS | frozenset(patterns.object_sets(lang).get("@currency", ()))
SUMMONING = frozenset({"summon", "invite", "receive", "meet"})  # their purpose clause speaks to whom they bring
PHONE_WORDS = frozenset({"phone", "telephone", "call", "video"})
# Protection, support and defence (074, 033x, 032, 052): of a state, never of a border against it.
PROTECTION_CODES = frozenset({"074", "033", "032", "052"})
# A state named as such (a country or its capital): not a person a beating or torture is done to.
STATE_NAME_KINDS = frozenset({"country", "capital", "igo"})
# Acts bound to a place they must name: a blockade or an occupation of what ("entered the Aegean" is neither).
PLACE_BOUND = frozenset({"191", "192"})
# Acts a participle in an apposition may tell of a person as who they are ("the director jailed in Russia").
DESCRIBED_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# Patterns of a statement told to someone, whose told clause may be the teller's own plan (030)
TELLING = frozenset({"tell", "assure-that"})
# Codes a statement made to someone can carry toward its addressee.
STATEMENT_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
# A share in an act that a state suspends or ends: what it took part in is not happening ("suspends its
# participation in the talks").
PARTAKING = frozenset({"participation", "involvement", "part", "role", "presence", "membership"})


class ArticleCoder(Readings):
    """Codes one parsed article; holds its actors and their cross-sentence context."""

    def __init__(self, article: Article, doc: Doc, *, label_of: Callable[[int], int] | None = None,
                 extra: Sequence[Extra] = (), matches: Sequence[tuple[int, int]] | None = None) -> None:
        self.article = article
        self.doc = doc
        self.actors = DocActors(doc, nlp.load(), article.date, matches)
        self.ctx = DocContext(self.actors, label_of=label_of, extra=extra)
        self.pats = patterns.load()
        self.resolved: dict[tuple[int, int, str], Actor] = {}
        self.consumed: set[int] = set()  # object nouns already coded through their verb
        self.in_question = False  # set per sentence by code_document
        self.accusers: dict[str, Actor] = {}  # accused code -> who accused it (for denials, CAMEO 016)
        self.adversaries: dict[str, Actor] = {}  # target code -> latest actor in conflict with it (quad 3-4)
        self.earlier: list[tuple[str, Actor]] = []  # (code, source) of the acts of earlier sentences, in order
        self.untargeted: list[tuple[int, str, Actor]] = []  # this sentence's hostile acts aimed at no one (word, ...)
        self.unaimed: list[Unaimed] = []  # the same acts as the coder saw them, for a joined act's target
        self.current: list[tuple[int, str, Actor, Actor]] = []  # (word, code, source, target) of this sentence's acts
        self.reacting = False  # second pass over an adverbial clause: its target may be who reacted to it

    # -- arguments ---------------------------------------------------------------
    def code_verb(self, v: Token) -> list[Found]:
        found = self._code_verb(v)
        if not found and reaction_clause(v):
            # only when no pattern finds a target of its own: whoever reacted to a hostile act was its target
            self.reacting = True
            try:
                found = self._code_verb(v)
            finally:
                self.reacting = False
        obj = child(v, "dobj")
        if found and obj is not None and all(f.code[:2] <= "13" for f in found):
            # "lodged a protest with Beijing and a demand for compensation": a light verb's second object naming
            # a statement of another root is a second statement, with the verb's own phrases (not goods: "sent
            # troops and armoured vehicles to its border" is one deployment)
            done = {f.code[:2] for f in found}
            for other in obj.conjuncts:
                more = [f for f in self._code_verb(v, other) if f.code[:2] not in done and f.code[:2] <= "13"]
                done |= {f.code[:2] for f in more}
                found = found + more
        return found

    def _code_verb(self, v: Token, second: Token | None = None) -> list[Found]:
        """The first reading of ``v`` that finds its actors; with ``second``, only a light verb's reading of that
        conjoined object."""
        cands = self.pats.verbs.get(v.lemma_.lower())
        if not cands:
            return []
        if second is not None:
            cands = tuple(p for p in cands if p.only_objects and second.lemma_.lower() in p.objects)
            if not cands:
                return []
        if v.lemma_.lower() in modality.words().response_verbs and any(
                c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ in ("pcomp", "pobj") and g.tag_ == "VBG"
                                                             for g in c.children) for c in v.children):
            return []  # "retaliated against Oslo by expelling three diplomats": the means is the act, coded itself
        # "called Turkey's decision unacceptable": a small clause's subject is the verb's object
        obj = child(v, "dobj") or next((n for c in v.children if c.dep_ == "oprd" and (n := child(c, "nsubj"))), None)
        # "called Russia's move a provocation": a noun parsed as a clause is the object; "declared Mexico's
        # ambassador persona non grata": a verbless clause's subject is
        small = next((c for c in v.children if c.dep_ == "ccomp" and (c.pos_ in ("NOUN", "PROPN") or (
            (c.lower_ in modality.words().verbless_heads or c.pos_ == "ADJ") and child(c, "nsubj") is not None))),
            None)  # ("declared two Estonian NGOs undesirable": an adjective's small clause)
        obj = obj or adverbial_object(v) or shared_object(v) or (None if small is None else child(small, "nsubj")
                                                                 or small)
        obj = second or obj
        passive = is_passive(v) or (v.dep_ == "acl" and v.tag_ == "VBN" and not misparsed_main(v))
        theme = passive_subject(v) if is_passive(v) else (v.head if passive and v.dep_ == "acl" else obj)
        if theme is not None and theme.lower_ in ("who", "which", "that", "whom") and v.dep_ == "relcl":
            theme = v.head  # "the captain ... who was detained by the Japanese coast guard": the captain
        elif theme is None and not passive and summed_up_by_speech(v, v.head.head):
            theme = v.head.head  # "a move the EU said it would never recognise": the noun is what is answered
        elif theme is None and (v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ in ("VBD", "VBZ", "VBP"))) \
                and not passive and child(v, "nsubj") is not None and not any(
                c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in v.children) and \
                v.head.lemma_.lower() in modality.words().summary_nouns:  # not "any troops it sent"
            theme = v.head  # "a charge Moscow denied", "an offer Kyiv rejected": the noun is the clause's object
        found_cands = self._candidates(v, cands, theme)
        object_named = any(m is not None for _p, m, _lm in found_cands)
        for pat, matched, lemma in found_cands:
            code = matched if matched is not None else pat.code
            if "clause_actors" in pat.target and object_named and pat.needs_xcomp:
                continue  # "pledged $100 million to rebuild Lebanon": the money names the pledge, the clause its use
            if pat.xcomp_only and not any((c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(
                    x.dep_ == "aux" and x.tag_ == "TO" for x in c.children)))
                                          and c.lemma_ in pat.xcomp_only for c in v.children):
                continue  # (the parser may read an object's infinitive as purpose: "gave him 72 hours to leave")
            if pat.ccomp_only and not any(c.dep_ == "ccomp" and c.lemma_ in pat.ccomp_only for c in v.children):
                continue
            if pat.needs_phone and not (pat.lemma in ("telephone", "phone") or any(
                    t.lemma_.lower() in PHONE_WORDS for c in v.children if c.dep_ in ("prep", "agent")
                    for t in c.subtree)):
                continue
            if pat.needs_ccomp and not any(c.dep_ == "ccomp" for c in v.children):
                continue
            if "relation_subject" in pat.target and not relation_subjects(v):
                continue  # cheap test first: "said" is in most sentences, a relation subject in few
            if "clause_actors" in pat.target and self.requested_act(v) is not None:
                continue  # "vowed to share intelligence", "agreed to begin the withdrawal": coded in its own clause
            if pat.needs_xcomp and not any(c.dep_ in ("xcomp", "advcl") for c in v.children):
                continue
            if pat.complement is not None:
                act = self.requested_act(v)
                if act is not None:
                    code = self.pats.family(act, pat.complement)
            if (code.startswith("15") or code == "192") and in_support(v):
                code = "074"  # troops sent to support or protect a government: protection, not a posture against it
            elif code == "074" and not in_support(v) and any(
                    p.dep_ == "pobj" and p.lemma_.lower() in BORDER_NOUNS for c in v.children
                    if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "toward", "towards", "along")
                    for p in c.children):
                code = "154"  # troops sent to another's border: a show of force against it, not its protection
            pat_theme = theme
            if theme is None and not passive and pat.needs:
                # "looking into Russian drone attacks": a prepositional verb's object is its preposition's
                # (only "into": "look into", "delve into"; "agree to", "let in" keep their own readings)
                # and a listed object a needed preposition brings, for slots on it: "agreed to Russian demands"
                on_object = pat.only_objects and bool({"adjective", "possessor"} & set(pat.target))
                pat_theme = next((p for c in v.children if c.dep_ == "prep" and c.lower_ in pat.needs
                                  and (c.lower_ == "into" or on_object) for p in c.children if p.dep_ == "pobj"
                                  and (c.lower_ == "into" or p.lemma_.lower() in pat.objects)), None)
            found = self._apply(v, pat, code, pat_theme, passive, lemma)
            if found is not None:
                if matched is not None:  # "agreed to talks with Ukraine": the talks are this event, not another
                    # (and "conducts drone strikes": an object refined by its compound is this event too)
                    self.consumed.update(t.i for t in object_tokens(v, theme) if lemma in forms(t) or any(
                        c.dep_ == "compound" and c.lemma_.lower() == lemma for c in t.lefts))
                if code[:2] == "12" and theme is not None and not passive:
                    # "Cyprus vetoes EU sanctions on Belarus": an act rejected or vetoed is not done
                    self.consumed.update(t.i for t in (theme, *theme.conjuncts))
                if code[:2] == "16" and theme is not None and theme.lemma_.lower() in PARTAKING:
                    # "suspends its participation in talks with Ethiopia": the talks it leaves are not held
                    self.consumed.update(t.i for o in prep_objects(theme, ("in",)) for t in (o, *o.conjuncts))
                return found
        return []

    def _candidates(self, v: Token, cands: tuple[patterns.VerbPattern, ...],
                    theme: Token | None) -> list[tuple[patterns.VerbPattern, str | None, str | None]]:
        """A lemma's patterns whose needed words are present, with the object that refines each, best first:
        more needed words, then a light verb whose object comes earliest (the theme before a prepositional
        object: "launched an investigation into strikes" is an investigation)."""
        near = near_words(v) if any(p.needs for p in cands) else frozenset()
        own_forms = forms(v) if near else ()
        obj_lemmas = object_lemmas(v, theme) + self.object_classes(theme, cands) + [  # "set fire to the embassy"
            p.lemma_.lower() for p in prep_objects(v) if p.head.lower_ in near and p.head.lower_ not in own_forms
            and p.head.lower_ not in TIME_PREPS  # ("Following a meeting in Minsk, ... agree on": no meeting agreed)
            and not complex_preposition(p)]  # ("in exchange for fuel oil": no exchange acted on)
        out = []
        amounts = amount_objects()
        for p in cands:
            if p.needs and not all(w in near for w in p.needs):
                continue
            idx, matched, lemma = len(obj_lemmas), None, None
            if p.objects:
                for i, lm in enumerate(obj_lemmas):
                    if lm in p.objects:
                        idx, matched, lemma = i, p.objects[lm], lm
                        break
                # an amount names no kind: "provides $2 billion in loans" is a loan (071), not aid at large (070)
                if matched is not None and lemma in amounts:
                    lemma, matched = next(((lm, p.objects[lm]) for lm in obj_lemmas[idx + 1:] if lm in p.objects
                                           and lm not in amounts), (lemma, matched))
            if p.only_objects and matched is None:
                continue
            out.append(((p.rank, -len(p.needs), 0 if p.only_objects else 1, idx), p, matched, lemma))
        out.sort(key=lambda x: x[0])
        return [(p, m, lm) for _k, p, m, lm in out]

    def _apply(self, v: Token, pat: patterns.VerbPattern, code: str, theme: Token | None,
               passive: bool, obj_lemma: str | None = None) -> list[Found] | None:
        pid = f"{pat.id}+{obj_lemma}" if obj_lemma else pat.id  # the pattern named with the object that refined it
        if pat.only_negated and not any(c.dep_ == "neg" for c in v.children):
            return None
        if pat.subject_heads and ((subj := inherited_subject(v)) is None or not (
                head_words(through_quantity(subj)) & set(pat.subject_heads))):
            # not this pattern, nor with no subject found: the next is tried ("Marines" as a proper noun keeps its
            # plural lemma; "rockets fired from Lebanon landed in Israel": the subject the verb inherits counts too)
            return None
        if pat.stative_present and stative(v) and not (
                pat.code[:2] == "06" and consignment(theme, pat.objects.get(obj_lemma or "", ""))):
            return []  # "Turkmenistan sells its gas to China", "China, which has invested ...": a tie
        mod = modality.analyse(v, negation_refuses=pat.only_negated, question=self.in_question,
                               year=self.year)
        alleger = None
        if v.dep_ == "amod" and v.tag_ == "VBN" and v.head.dep_ in ("dobj", "pobj", "nsubjpass") and any(
                verb_like(h) for h in (v.head.head, v.head.head.head)):
            # "tortured detained Ukrainian civilians": a participle before its noun says what state the people were
            # in; the act told is the verb's
            return []
        if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.dep_ == "appos" and code[:2] in DESCRIBED_ROOTS:
            # "Oleg Sentsov, the Ukrainian film director jailed in Russia, ...": who a person is, told in an
            # apposition, is background (gold rule 9), not the news
            return []
        if mod.drop == "alleged" and mod.speaker is not None:
            alleger, mod = mod.speaker, modality.Modality(speaker=mod.speaker)  # read on as said; see allegation()
        elif mod.drop == "purpose" and (mod := self.purpose_intended(mod, code)).drop:
            return []
        elif mod.drop == "avoided" and mod.governor is not None and (
                ceased := modality.ceased_code(code, mod.governor)) is not None:
            # "Slovakia stopped supplying diesel to Ukraine": a cooperative act stopped reduces relations (16x), in
            # the stopping verb's own modality ("threatened to stop buying Russian gas")
            code, mod = ceased, modality.analyse(mod.governor, question=self.in_question, year=self.year)
            pid = f"{pid}+stopped"
            if mod.drop or (mod.transform and (mod.governor is None or mod.governor.pos_ != "VERB")):
                # (only a stopping a verb intends or threatens: "it is impossible to stop buying oil" is none)
                return []
        elif mod.drop:
            return []
        if mod.transform == "open" and mod.governor is v and theme is not None and (
                act := self.act_code(theme)) is not None:
            code, pid = act, f"{pid}+open"  # "has not ruled out military action": the act kept open (code_under)
        if self._misread(v, pat, code, theme):
            return None
        if self.effect_of_measure(v, code):
            return None
        doers = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"] if passive \
            else [c for c in v.children if c.dep_ == "nsubj"]
        if code[:2] in IMPACT_ROOTS and any((np := self.noun_pattern(p)) is not None and np.code[:2] in MEASURE_ROOTS
                                            for p in doers):
            # "Russia has been hit by Western sanctions", "sanctions hit Russia's economy": the sanctions are the
            # event (nouns), not force
            return []
        if v.lemma_.lower() in modality.words().impact_verbs and self._attack_subject(v):
            return []  # "an airstrike killed 20 civilians": the airstrike is the event (nouns.impact_targets)
        sources = self.subjects(v)
        if mod.transform == "threat" and mod.governor is not None and mod.governor.pos_ == "VERB" and (
                warner := child(mod.governor, "nsubj")) is not None and (
                (not self.actors_for(warner) and self.actors.role_of(warner) is None) or (
                    sources and not {a.code for a in self.actors_for(warner)} & {a.code for a in sources})):
            # "a think tank warned that a Chinese blockade could ...", "Iran could strike Israel, U.S. officials
            # warned": a third party's warning of what a state could do is analysis, not that state's threat
            return []
        if not sources and passive and pat.objectless and theme is not None and not has_agent(v):
            sources = self.actors_for(theme)  # "Blinken is expected in Kyiv": a verb taking no object has no patient
        if not sources and passive and not has_agent(v):
            sources = self.agentless_source(v, theme, code)  # "were arrested in Kuwait", "was summoned"
        elif not sources and code[:2] in LOCATION_SOURCE_ROOTS and (subj := child(v, "nsubj")) is not None \
                and self.actors.role_of(subj) in ("GOV", "MIL"):
            # "Police arrest three Americans in Moscow": officers of no named state act for the state they are in
            sources = self.located_in(v, PLACE_PREPS)
        if not sources and code[:2] in ("14", "18"):  # "mobs in Johannesburg beat Nigerian migrants"
            sources = self.crowd_place(v)
        if not sources and passive and code[:2] in ("07", "08", "15", "19") and theme is not None and not has_agent(v):
            sources = self.forces_sender(theme)
        sources = self.nationals_crowd(v, sources) if code[:2] == "14" else sources  # "Thousands of Serbs march"
        if pat.source_roles:
            sources = [a for a in sources if a.role in pat.source_roles]
        if not sources:  # "Kurdish fighters, backed by U.S. special forces, captured Manbij": the backer alone
            backed = self.backed_pairs(v, pat, theme, []) if code[:2] == "19" else []
            return [Found(s, t, code_under(code, mod), pid, v, mod) for s, t in backed] or None
        targets = self._targets(v, pat, theme, frozenset(a.code for a in sources))
        if not targets and code[:2] in FORCE_ROOTS and len(own := {a.code for a in sources}) >= 2:
            # "Russia and Syria bomb Syrian rebels", "... pound Idlib": one ally's rebels or towns are the other's
            # target (the self-pair is dropped later); never the allied state itself
            targets = [t for c in sorted(own) for t in self._targets(v, pat, theme, frozenset({c}))
                       if t.code in own - {c} and (t.role == "OPP" or t.kind == "place")]
        if not targets and tuple(pat.target) != ("if_attacker",) and (  # (an answer only to an attack: no other)
                mod.transform == "threat" or (mod.conditional and code[:2] >= "10") or code[:2] == "13"
                or pat.id == "retaliate"):
            # "threatened to cut deliveries unless Bishkek paid", "vowed to retaliate after Seoul resumed ...": a
            # threat is aimed at whom its condition or cause names (not help: "if China invades, ... would defend")
            targets = self.clause_subjects(v, CONDITION_MARKS, frozenset(a.code for a in sources))
        purpose_of_meeting = v.dep_ in ("advcl", "xcomp") and v.head.lemma_.lower() in SUMMONING and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children)  # "summoned the envoy to demand an explanation"
        if not targets and (v.dep_ == "conj" or purpose_of_meeting) and code[:2] in ("02", "10", "12", "13") and \
                not code.startswith("129") and \
                v.head.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass", "xcomp", "ccomp") for c in v.children):
            # "condemned Ukraine and demanded an apology", "react angrily to the British government and demand an
            # explanation": a statement with no addressee of its own is made to the state the first verb named (not
            # a veto, aimed at a text's author: "condemned Armenia and blocked the road" vetoes nothing of Armenia's)
            # (named itself: not the author of what it named, "rejecting accusations by U.N. agencies")
            own_codes = {a.code for a in sources}
            h = v.head
            targets = [a for p in [child(h, "dobj"), *prep_objects(h, ("to", "at", "against"))] if p is not None
                       for a in self.actors_for(p) if a.codable and a.code not in own_codes]
        if not targets and self.thanked_for(v) and v.head.head.lemma_.lower() == "thank":
            targets = self.subjects(v.head.head)  # "Ukraine thanks Germany for supplying air defence": to Ukraine
        if not targets and code[:2] in PARTNERED_ROOTS:
            targets = self.counterpart(v, frozenset(a.code for a in sources))
        if not targets and self.reacting and code[:2] in FORCE_ROOTS and code[:3] not in PLACE_BOUND:
            targets = self.reacted(v, frozenset(a.code for a in sources))
        if targets and code[:3] in PROTECTION_CODES and theme is not None and theme.lemma_.lower() in BORDER_NOUNS:
            # "to protect the border with Serbia": guarded against the neighbour, never protection of it (a
            # border reopened to it is still an easing, 081)
            targets = []
        if not targets and "10" <= code[:2] <= "17":
            # "approve tariffs in retaliation against U.S. tariffs": a measure is aimed at whom it answers
            targets = self.answered(v, frozenset(a.code for a in sources))
        if code[:2] == "11" and theme is not None and pat.only_objects:
            # "voiced its disapproval of the U.S. arms sale to Taiwan": disapproval of an act is of whoever did it
            own = {a.code for a in sources}
            acts = prep_objects(theme, ("of", "over", "about", "at", "against", "with"))
            owners = [a for p in acts for a in self.possessor(p) or self.modifier_entity(p)
                      if a.codable and a.code not in own]
            targets = owners or targets
        if code.startswith("114") and targets and all(t.kind == "igo" for t in targets):
            # "filed a complaint with the Security Council over Israeli air strikes": the body is the forum, the
            # complaint is against whoever did the act it is over
            own = {a.code for a in sources}
            about = [p for h in (v, theme) if h is not None for p in prep_objects(h, ("over", "about"))]
            owners = [a for p in about for a in self.act_owner(p) if a.code not in own]
            # or whom it names as the one complained against: "filed a complaint with the ICJ against the U.S."
            against = [a for h in (v, theme) if h is not None for p in prep_objects(h, ("against",))
                       for a in self.phrase_actors(p) if a.codable and a.code not in own and a.kind != "igo"]
            targets = against or owners or targets
        if pat.target_roles:
            targets = [a for a in targets if a.role in pat.target_roles]
            if not targets:
                # not this reading, and no act aimed at no one either: "bans the Dutch ambassador from returning"
                # is no ban on a medium, whatever a joined act is aimed at
                return None
        if code[:3] in ("174", "201"):  # "expelled migrants to a desert area along the border with Libya": not into it
            targets = [a for a in targets if not self.only_near(v, a)]
        joint = (code[:2] in ("05", "08") or v.lemma_.lower() == "agree" or agreed_together(mod, code)) and len(
            {a.code for a in sources}) >= 2 and only_where(v, targets)  # (not "pledged to rebuild schools in Aleppo")
        if joint:  # "Russia and Turkey agreed to create a buffer zone in Syria": with each other, not at Syria
            targets, code = [], "057" if code.startswith("087") else code  # (a truce there: their agreement)
        if pat.people_target:
            targets = [a for a in targets if a.person or a.role is not None or a.kind not in STATE_NAME_KINDS]
            if not self._done_to_people(v, theme):
                return None  # "shot a film in Crimea", "shot it down", "shoots down a drone": no one was shot
        if pat.inverted:  # "Ukraine received a grant from the United States": the giver is the source
            if not targets:
                return None
            sources, targets = targets, sources
        if pat.id in TELLING and targets and self._tells_own_plan(v, sources):
            code = "030"  # "tells the Council that Colombo will set up a truth commission": an intent told to it
        if pat.id == "meet" and targets:
            code = self._meeting_code(v, sources, targets)
        if reciprocal_owner(theme):
            targets = []  # "expelling each other's ambassadors over the killing of Palestinians": the other subject
        pairs: list[tuple[Actor, Actor]] = []
        if targets:
            pairs = [(s, t) for s in sources for t in targets]
            if pat.mutual:  # "exchanged fire with Israeli forces": both sides fired (gold rule 3)
                pairs += [(t, s) for s, t in pairs]
        elif (pat.symmetric or joint or reciprocal_owner(theme) or (
                (mutual(obj_lemma, code) or agreed_together(mod, code)
                 or (code.startswith("087") and all(a.role == "MIL" for a in sources)))  # pulling back together
                and not self._names_others(v, sources))) \
                and len(sources) >= 2 and own_subject(v) and not aimed_elsewhere(v, theme, pat):
            # Members of one group named together act as one side ("EU and Central Asian leaders held talks");
            # states that agree to an act with no other target agree with each other ("the United States and
            # China agree to halt new tariffs": each commits toward the other)
            pairs = [(s, t) for s in sources for t in sources if s.code != t.code and not same_group(s, t)]
            if code.startswith("045"):
                code = "040"  # "Seoul and Tokyo agree to hold a summit": talks held among themselves mediate nothing
            if pat.id in ("meet", "hold-talks", "host-mediate", "gather") and code == "040":
                code = self._meeting_code(v, sources, sources)
        if not pairs and not targets and not pat.inverted:
            # "Erdogan told Putin that Turkey would never recognise the annexation": a statement with no target
            # of its own is addressed to whom it was told (01x/02x/03x/05x/1xx statements only).
            # Only the speaker's own side speaks to the addressee: "told the Council that Ukraine had violated
            # the ceasefire" is not Ukraine's act towards the Council.
            addressee = self._addressee(mod.speaker)
            if addressee and code_under(code, mod)[:2] in STATEMENT_ROOTS:
                own = {a.code for a in self.subjects(mod.speaker)} if mod.speaker is not None else set()
                pairs = [(s, t) for s in sources for t in addressee if s.code != t.code and s.code in own]
        if code[:2] == "19":  # "backed by the Russian Air Force": a force fighting alongside, where it is fought
            pairs += [p for p in self.backed_pairs(v, pat, theme, sources) if p not in pairs]
        if not pairs and alleger is not None and code[:2] in ("17", "18", "20"):
            # "Iraq claims that American officials tortured him": coercion or violence alleged against no one the
            # scheme codes still accuses its agent; fighting needs its foe ("fired a missile" accuses no one)
            return self.allegation(alleger, sources, code, pat.id, [])
        if not pairs:
            if sources and code[:2] >= "14" and mod.drop is None and mod.transform is None and alleger is None:
                # "North Korea fires two missiles into the sea. Japan condemns the launches.": an act aimed at no
                # one is still the act a later reaction refers back to (clauses.prior_act)
                self.untargeted.append((v.i, code, sources[0]))
                self.unaimed.append((v, code, pid, list(sources), mod))
            elif sources and code.startswith("114") and mod.drop is None and mod.transform is None:
                self.unaimed.append((v, code, pid, list(sources), mod))  # a protest lodged, for a joined demand's target
            return None
        if mod.transform == "demand":
            # "the EU says Russia must withdraw its troops": no withdrawal; the speaker demands it of Russia
            demanders = [a for a in self.subjects(mod.speaker) if a.codable] if mod.speaker is not None else []
            if demanders and {d.code for d in demanders} == {s.code for s, _t in pairs}:
                # "Hague says British soldiers should withdraw from Afghanistan": what a state says it must do
                # itself is its intention (03x), the act toward its target
                mod = replace(mod, transform="intent")
            else:
                pairs = [(d, s) for d in demanders for s in {s.code: s for s, _t in pairs}.values()
                         if d.code != s.code]
                if not pairs:
                    return None
        if pat.complement == "appeal" and targets and self._to_a_group(theme, targets):
            rallied = self.rallied(v, sources, targets)
            if rallied is not None:  # "urged its EU partners to punish Belarus": rallying opposition (113)
                pairs, code = rallied
        code = self._final_code(v, pat, code, theme, pairs, sources, mod)
        found = [Found(s, t, code, pid, v, mod, pat.code == "010") for s, t in pairs]
        return found if alleger is None else self.allegation(alleger, [s for s, _t in pairs], code, pid, found)
