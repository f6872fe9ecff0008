"""Readers of whom a clause is aimed at.

A threat or intention whose act has no trigger is aimed at whom its clause names; a hostile act with no target
at whoever reacted to it; a statement about relations with a state at that state; an appeal to a group to act
toward a third state rallies the group for or against it (CAMEO 053/113); reactions to a noun that sums up an
act target who did it. Which found acts become events is selection.py's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.tokens import Token

from ..actors.matcher import Actor
from . import modality, patterns
from .nouns import Nominals
from .places import AIM_VERBS
from .references import through_quantity
from .tree import child, prep_objects

# Clauses whose subject a threat is aimed at: its condition ("unless Bishkek paid") or its cause ("after Seoul ...").
CONDITION_MARKS = frozenset({"if", "unless", "after", "until"})
# Clauses after which a show of force answers whoever acted in them ("after China sent warships").
PROVOKED_MARKS = frozenset({"after", "as", "when", "following"})
# Phrases of a threatened act that name whom it hits: "out of NATO", "on Taiwanese separatists", "to Moldova".
THREAT_PREPS = ("on", "against", "to", "from", "of", "out", "with", "into")
# What an appeal to a group asks it to do toward a third state, and the rally that makes: support, cooperation
# and aid rally support for it (053); pressing or demanding of it, disapproval, rejection, threats, sanctions and
# force rally opposition against it (113). Talks (04) and promises (03) rally nobody.
RALLY_CODES = {**{r: "053" for r in ("05", "06", "07", "08")},
               **{r: "113" for r in ("02", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20")}}
# Coercion done to bodies or craft (seizure, arrest, expulsion, repression), not on paper (172) or online (176)
PHYSICAL_COERCION = frozenset({"170", "171", "173", "174", "175"})
# Verbal reactions to an act: a later "it" is the act reacted to, not the reaction
REACTION_ROOTS = frozenset({"01", "02", "05", "11", "12"})
# Determiners that refer a noun back to something already told ("condemns the launch").
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Uses of force, which a participle only elaborates ("struck Syria, targeting rebels near Homs").
FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})
# Acts that always have a partner, though news may leave it to the sentence's other clause: a promise (03x), a
# refusal (12x) and a cut in relations (16x) told with no one named are with the state whose act they follow or
# that follows them ("dropped its opposition after Sweden's prime minister promised closer cooperation").
PARTNERED_ROOTS = frozenset({"03", "12", "16"})
# Verbs that judge or answer an act named as their object: its subject did not do that act.
JUDGING_ROOTS = frozenset({"01", "05", "11", "12", "13"})
# Clauses that tell what an act follows: "after Canada accused ...", "a day after New Delhi suspended ...".
AFTER_MARKS = frozenset({"after", "following"})


def to_come(clause: Token) -> bool:
    """A that-clause says what will or may come (future or hedging auxiliaries of data/<lang>/modality.yaml): a
    warned-of clause is a threat only then ("warned that U.S. bases would become targets")."""
    W = modality.words()
    return any(x.dep_ in ("aux", "auxpass") and x.lower_ in W.future_aux | W.hedge_aux for x in clause.children)


def told_as_past(clause: Token) -> bool:
    """A that-clause in the past or perfect ("insisted the plane had stayed", "insisted it acted lawfully"):
    what it says happened, which no one can be asked to do."""
    # "demands that Honduras cut ties": a past form that is also the base form may be the mandative base
    return (clause.tag_ == "VBD" and clause.lower_ != clause.lemma_.lower()) or (clause.tag_ == "VBN" and any(
        x.dep_ == "aux" and x.lemma_.lower() == "have" for x in clause.children))


def reaction_clause(v: Token) -> bool:
    """An adverbial clause a reaction answers: "put its forces on alert after Turkey sent warships"."""
    return v.dep_ == "advcl" and v.head.lemma_.lower() in modality.words().reaction_verbs and any(
        m.dep_ == "mark" and m.lower_ in PROVOKED_MARKS for m in v.children)


def summed_up_by_speech(v: Token, noun: Token) -> bool:
    """``v`` is said of a noun that sums up an act, through a relative clause of saying: "a move the United States
    said it would never recognise", "a claim Beijing called baseless" (the noun is the verb's object)."""
    W = modality.words()
    say = v.head
    return (v.dep_ in ("ccomp", "xcomp") and child(v, "dobj") is None and say.dep_ == "relcl"
            and say.lemma_.lower() in W.report_verbs and say.head.i == noun.i
            and noun.lemma_.lower() in W.summary_nouns)


def relation_subjects(v: Token) -> list[Token]:
    """Subjects of the clauses ``v`` says that are a relation: "said relations with Tajikistan had improved"."""
    return [s for c in v.children if c.dep_ == "ccomp" and (s := child(c, "nsubj")) is not None
            and s.lemma_.lower() in modality.words().relation_nouns]


# Acts two sides do together (meet, agree, cooperate): told once per side
JOINT_ROOTS = frozenset({"03", "04", "05", "06"})


class Clauses(Nominals):
    """Clause-level argument readers; the coder (events/coder.py) subclasses this."""

    def act_code(self, t: Token) -> str | None:  # the coder's: the code the lexicon gives a predicate word
        raise NotImplementedError

    def effect_of_measure(self, v: Token, code: str) -> bool:
        """A force verb in a participle of a non-force act is the act's effect, not an attack: "imposes export
        controls on gallium, hitting the United States". Physical coercion is force's kind: "boarded Philippine
        boats, injuring several Filipino sailors" hurt them."""
        if code[:2] not in ("18", "19", "20") or v.tag_ != "VBG" or v.dep_ not in ("advcl", "xcomp"):
            return False
        head_code = self.act_code(v.head)
        return head_code is not None and head_code[:2] not in ("15", "18", "19", "20") and \
            head_code[:3] not in PHYSICAL_COERCION

    def forces_sender(self, theme: Token) -> list[Actor]:
        """The state whose forces were sent, deployed or moved, in a passive with no agent: "Venezuelan troops
        were deployed to the border with Guyana" (a state's forces are sent by it)."""
        head = through_quantity(theme)
        if head.lemma_.lower() not in modality.words().force_nouns:
            return []
        return [dataclasses.replace(a, role="MIL") for a in self.modifier_entity(head)
                if a.codable and a.kind in ("country", "adjective", "igo")]  # (and "NATO jets were scrambled")

    def requested_act(self, v: Token) -> str | None:  # the coder's: what an appeal or demand asks for
        raise NotImplementedError

    def _targets(self, v: Token, pat: patterns.VerbPattern, theme: Token | None,
                 exclude: frozenset[str]) -> list[Actor]:  # the coder's: a pattern's targets
        raise NotImplementedError

    def relation_subject(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """The state a said clause is about when its subject is a relation with it: "relations with Tajikistan had
        entered a new chapter", "prospects for any dialogue with Maduro's government are dim"."""
        for subj in relation_subjects(v):
            level = [subj]
            for _ in range(2):  # "prospects for dialogue with X": the relation may sit one phrase lower
                for n in level:
                    got = [a for a in self.prep_targets(n, ("with", "between"), possessor=True, exclude=exclude)
                           if a.codable]
                    if got:
                        return got
                level = [p for n in level for p in prep_objects(n, ("for", "of"))]
        return []

    def clause_actors(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """Whom the clause a threat announces names, when that clause codes nothing itself: its object, its
        subject ("warned that U.S. bases would become targets"), then its phrases ("out of NATO", "on Taiwanese
        separatists")."""
        for c in v.children:
            if c.dep_ not in ("xcomp", "ccomp") or c.pos_ not in ("VERB", "AUX"):
                continue
            # (an act with a code of its own carries the threat itself: the coder does not reach here)
            if c.dep_ == "ccomp" and not to_come(c):
                continue  # "warning that talks had made little headway" is a statement, not a threat
            if c.dep_ == "xcomp" and v.lemma_.lower() == "warn":
                continue  # "warned its nationals to avoid travel to Israel" is advice, not a threat
            obj = child(c, "dobj")
            subj = (child(c, "nsubj") or child(c, "nsubjpass")) if c.dep_ == "ccomp" else None
            # and one clause lower: "agreed to allow him to be extradited to the United States"
            inner = next((x for x in c.children if x.dep_ in ("xcomp", "ccomp") and x.pos_ in ("VERB", "AUX")), None)
            for phrase, preps in ((obj, False), (subj, False), (c, True), (obj, True), (inner, True)):
                if phrase is None:
                    continue
                found = self.prep_targets(phrase, THREAT_PREPS, possessor=True, exclude=exclude) if preps \
                    else self.phrase_actors(phrase, exclude=exclude)
                got = [a for a in found if a.code not in exclude and a.codable]
                if got:
                    return got
        return []

    def denied_act(self, v: Token, theme: Token | None, exclude: frozenset[str]) -> list[Actor]:
        """Whom a denied act was done to, when no accuser is known: the actors of the denied clause ("denied that
        its jets had violated Estonian airspace", "denies backing rebels in eastern Congo") or of the denied
        noun's phrases ("denied involvement in the attack on Ukraine"); never the denier's own."""
        W = modality.words()
        if any(c.i != v.i and c.lemma_.lower() in W.denial_verbs and (o := child(c, "dobj")) is not None
               and o.lemma_.lower() in W.accusation_nouns for c in v.subtree):
            return []  # "denied ..., rejecting accusations by U.N. agencies": the accusers named are its target
        heads = [c for c in v.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
        heads += [p for c in v.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pcomp"]
        if theme is not None and theme.tag_ == "VBG":
            heads.append(theme)  # "denies backing M23 rebels": the tagger's gerund object
        for h in heads:
            obj = child(h, "dobj")
            subj = child(h, "nsubj") or child(h, "nsubjpass")
            for phrase, preps in ((obj, False), (subj, False), (h, True), (obj, True)):
                if phrase is None:
                    continue
                found = self.prep_targets(phrase, THREAT_PREPS + ("in", "inside"), possessor=True, exclude=exclude) \
                    if preps else self.phrase_actors(phrase, exclude=exclude)
                got = [a for a in found if a.code not in exclude and a.codable and not a.person]
                if got:
                    return got
        if theme is not None and theme.pos_ == "NOUN":  # "denied involvement in the attack on Ukraine"
            level = [theme]
            for _ in range(3):
                got = [a for t in level for a in self.prep_targets(t, ("in", "on", "against", "to", "with"),
                                                                   possessor=True, exclude=exclude)
                       if a.code not in exclude and a.codable and not a.person]
                if got:
                    return got
                level = [o for t in level for o in prep_objects(t)]
        return []

    def summarized(self, n: Token, exclude: frozenset[str]) -> list[Actor]:
        """Whose act a noun sums up when a clause reacts to it: "accused Russia ..., a charge Moscow denied" (the
        accuser), "after a trial that Washington denounced" (who held it), "a drive condemned by the UN" (who
        pressed it), "Trump's offer, which New Delhi rebuffed" (its owner)."""
        got = [a for a in (self.possessor(n, exclude) or self.modifier_entity(n)) if a.code not in exclude]
        if got:
            return got
        summary = n.dep_ == "appos" and n.lemma_.lower() in modality.words().summary_nouns
        while n.dep_ == "appos" and n.head.pos_ in ("NOUN", "PROPN"):  # "a prisoner swap, an offer Vilnius rejected"
            n = n.head
        head = n.head
        if n.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if n.dep_ in ("appos", "npadvmod", "dobj", "pobj", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
            if n.dep_ == "dobj" and (judged := self.act_code(head)) is not None and judged[:2] in JUDGING_ROOTS:
                return []  # "the EU condemned the trial, which Washington denounced": the EU held no trial
            return [a for a in self.subjects(head) if a.code not in exclude]
        if summary:
            # "Putin annexed four regions of Ukraine, a move the EU said it would never recognise": the parser
            # hangs the summing-up noun on the clause's last noun; it sums up the clause's act
            verb = next((t for t in n.ancestors if t.pos_ in ("VERB", "AUX")), None)
            if verb is not None:
                return [a for a in self.subjects(verb) if a.code not in exclude]
        return []

    def clause_subjects(self, v: Token, marks: frozenset[str], exclude: frozenset[str], *,
                        climb: bool = True, keep: Callable[[Token], bool] | None = None) -> list[Actor]:
        """Actors of the subject of an adverbial clause opened by one of ``marks`` ("unless Bishkek paid",
        "after a Chinese survey plane ..."), on ``v`` or, with ``climb``, on the verbs governing it; with ``keep``,
        only of clauses whose verb it keeps."""
        t = v
        for _ in range(4):
            for c in t.children:
                # (the parser may call "when" an adverb of its clause: "were scrambled when Russian bombers ...")
                if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in marks and m.i < c.i
                                             for m in c.children) and (keep is None or keep(c)):
                    subj = child(c, "nsubj")
                    found = (self.actors_for(subj) or self.modifier_entity(subj)) if subj is not None else []
                    got = [a for a in found if a.code not in exclude]
                    if got:
                        return got
            if not climb or t.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or t.head.i == t.i:
                break
            t = t.head
        return []

    def answered(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """Whose act a measure answers (data/<lang>/modality.yaml response_nouns): "approve tariffs in retaliation
        against U.S. tariffs", "in response to Trump's stance", "as a response to a U.S. bill", "in protest of
        the Security Council resolution"; on ``v`` or the verbs it completes."""
        W = modality.words()
        r = v.head.head if v.dep_ == "pcomp" and v.head.lower_ == "by" else None
        if r is not None and r.lemma_.lower() in W.response_verbs:
            # "Minsk answered the EU's sanctions by suspending ...", "retaliated against Oslo by expelling ...": the
            # means answers what the response verb names
            for what in [*(c for c in r.children if c.dep_ == "dobj"), *prep_objects(r, ("to", "against", "for"))]:
                got = [a for a in (self.actors_for(what) or self.possessor(what, exclude) or self.modifier_entity(what))
                       if a.code not in exclude and a.codable]
                if got:
                    return got
        t = v
        for _ in range(3):
            # (or deep in the object, where the parser may hang it: "approve tariffs worth 2.8 billion euros in
            # retaliation against U.S. tariffs")
            anchors = [t, *(x for o in t.children if o.dep_ == "dobj" for x in o.subtree
                            if x.pos_ in ("NOUN", "PROPN", "NUM") and t is v)]
            if t is v:  # and on the act it threatens or vows: "threatened to close the strait in retaliation for"
                anchors += [x for x in v.children if x.dep_ == "xcomp" and x.pos_ == "VERB"]
            for a0, c in ((x, c) for x in anchors for c in x.children):
                if c.dep_ != "prep" or c.lower_ not in ("in", "as"):
                    continue
                for r in prep_objects(a0, (c.lower_,)):
                    if r.lemma_.lower() not in W.response_nouns:
                        continue
                    for what in prep_objects(r, ("for", "to", "against", "at", "of", "over")):
                        # the answered act's owner ("U.S. tariffs", "Trump's stance"), never a state its own
                        # phrases name ("Tsai's meeting with U.S. House Speaker ...")
                        got = [a for a in (self.actors_for(what) or self.possessor(what, exclude)
                                           or self.modifier_entity(what) or [  # "to threats by the United States"
                                               x for o in prep_objects(what, ("by", "from")) for x in self.actors_for(o)])
                               if a.code not in exclude and a.codable]
                        if got:
                            return got
            if t.dep_ not in ("xcomp", "conj", "advcl") or t.head.i == t.i:
                break
            t = t.head
        return []

    def deterred(self, v: Token, theme: Token | None, exclude: frozenset[str]) -> list[Actor]:
        """Whom a show of force is meant to deter (modality.yaml warning_nouns, deter_verbs, defence_verbs): "as a
        warning to Iran", "to deter China", "to counter a threat from North Korea", "drills aimed at deterring
        Pyongyang", "a show of force aimed at Israel", "to bolster its defences against China"."""
        W = modality.words()
        heads = [v, *([theme] if theme is not None else [])]
        heads += [p for h in list(heads) for p in prep_objects(h, ("in", "as"))]  # "in a show of force aimed at"
        heads += [p for h in list(heads) for p in prep_objects(h, ("of",))]  # (the parser hangs "aimed" on "force")
        for h in heads:
            for c in h.children:
                got: list[Actor] = []
                if c.dep_ == "prep" and c.lower_ in ("as", "in"):  # "as a warning to Iran"
                    got = [a for n in prep_objects(h, (c.lower_,)) if n.lemma_.lower() in W.warning_nouns
                           for q in prep_objects(n, ("to", "for", "against")) for a in self.phrase_actors(q)]
                elif c.dep_ in ("acl", "advcl") and c.lemma_.lower() in AIM_VERBS:
                    # "aimed at Israel", "aimed at deterring North Korea" (a gerund, as pcomp or pobj)
                    for q in (q for at in c.children if at.dep_ == "prep" and at.lower_ == "at" for q in at.children
                              if q.dep_ in ("pobj", "pcomp")):
                        got = got or (self._deter_object(q) if q.dep_ == "pcomp" or q.tag_ == "VBG"
                                      else self.phrase_actors(q))
                elif c.dep_ in ("advcl", "xcomp", "acl", "ccomp") and any(x.dep_ == "aux" and x.lower_ == "to"
                                                                  for x in c.children):
                    got = self._deter_object(c)
                got = [a for a in got if a.code not in exclude and a.codable]
                if got:
                    return got
        return []

    def _deter_object(self, c: Token) -> list[Actor]:
        """Who a deterring verb aims at: its object ("deter China", "counter Russian aggression"), or for a
        defence verb what it guards against ("defend against Chinese incursions", "bolster its defences
        against China")."""
        W = modality.words()
        lemma = c.lemma_.lower()
        if lemma in W.deter_verbs:
            obj = child(c, "dobj")
            return self.phrase_actors(obj) if obj is not None else []
        if lemma in W.defence_verbs or lemma in W.support_purposes:
            obj = child(c, "dobj")
            if lemma in W.support_purposes and obj is not None and self.actors_for(obj):
                return []  # "to bolster Ukraine's defences" supports Ukraine
            for base in (c, *([obj] if obj is not None else [])):
                got = [a for q in prep_objects(base, ("against", "from")) for a in self.phrase_actors(q)]
                if got:
                    return got
        return []

    def backed_pairs(self, v: Token, pat: patterns.VerbPattern, theme: Token | None,
                     sources: list[Actor]) -> list[tuple[Actor, Actor]]:
        """A foreign force that backs a fight fights where it is fought ("The Syrian Army, backed by the Russian Air
        Force, captured a town in Latakia": RUS->SYR, the annotators' place rule): forces named by a backing
        participle ("backed by", "supported by") or phrase ("with the support of") on the verb or its subject.
        Attack nouns ("backed by Russian airstrikes") code themselves (Nominals.force_place)."""
        W = modality.words()
        own = {a.code for a in sources}
        subj = child(v, "nsubj")
        holders = [v, *([subj] if subj is not None else [])]
        if subj is not None and subj.pos_ == "PRON" and v.dep_ == "ccomp" and (said := child(v.head, "nsubj")):
            holders.append(said)  # "The Syrian Army, backed by Russian jets, says it has captured Kinsabba"
        agents: list[Token] = []
        for h in holders:
            for c in h.children:
                if c.dep_ in ("acl", "advcl") and c.lemma_.lower() in W.backing_participles and c.tag_ == "VBN":
                    agents += [p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
                elif c.dep_ == "prep" and c.lower_ == "with":  # "with the support of", "with help from"
                    agents += [p for n in prep_objects(h, ("with",)) if n.lemma_.lower() in W.backing_nouns
                               for p in prep_objects(n, ("of", "from"))]
        backers = [a for t in agents for x in (t, *t.conjuncts) if self.noun_pattern(x) is None
                   for a in self.actors_for(x) if a.codable and a.code not in own and (
                       a.role in ("MIL", "OPP") or x.lemma_.lower() in W.force_nouns)]
        pairs: list[tuple[Actor, Actor]] = []
        home = self._backed(holders) if backers else []  # (most fights name no backer: read the subject only then)
        for b in {b.code: b for b in backers}.values():
            ex = frozenset({b.code})
            bases = [v, *([theme] if theme is not None else [])]
            found = [*self._targets(v, pat, theme, ex),
                     *(a for t in bases[1:] for a in self.actors_for(t, ex)),  # "captures Palmyra"
                     *(a for t in bases for a in self.prep_targets(t, ("in", "near", "around", "of"), possessor=True,
                                                                   exclude=ex))]
            places = [t for t in found if t.kind in ("country", "capital", "place") and t.codable]
            if not places and b.role == "MIL" and len({a.code for a in home}) == 1:
                # no place named: a state's own forces, backed by a foreign army, fight on their own soil ("The
                # Syrian Army, backed by the Russian Air Force, retook Kinsabba": RUS->SYR)
                places = [a for a in home if a.codable]
            pairs += [(b, t) for t in places[:1] if t.code != b.code]
        return pairs

    def _backed(self, holders: list[Token]) -> list[Actor]:
        """The state forces a backer backs: the armed forces or rebels of one state named as the subject."""
        return [a for h in holders[1:] for a in self.actors_for(h)
                if a.kind in ("country", "adjective") and a.role in ("MIL", "OPP")]

    def prior_act(self, n: Token, exclude: frozenset[str]) -> list[Actor]:
        """Who did the act a definite noun refers back to ("North Korea fires a missile over Japan. Japan condemns
        the launch."): the source of the latest act before it, in this sentence or an earlier one, of the same
        root (any root for a summing-up noun: "the move", "the decision")."""
        if n.lower_ in ("it", "this") and n.dep_ == "dobj":
            # "Turkey shot down a Russian bomber, and Putin called it a stab in the back": the act just told
            # (but after a reaction to an act, "it" is that act: "Japan condemns the launch, and the United States
            # calls it a violation": the launch's doer, the reaction's target)
            told = [tgt if code[:2] in REACTION_ROOTS else src for i, code, src, tgt in self.current if i < n.i]
            return [told[-1]] if told and told[-1].code not in exclude and told[-1].codable else []
        # (", a move Beijing called protectionism": an indefinite noun that sums up its clause refers back too)
        summing = n.dep_ in ("npadvmod", "appos") and n.lemma_.lower() in modality.words().summary_nouns
        if not (summing or any(c.dep_ == "det" and c.lower_ in DEFINITE for c in n.children)) or any(
                c.dep_ in ("poss", "amod", "compound", "prep") for c in n.children if self.actors_for(c)):
            return []
        np = self.noun_pattern(n)
        W = modality.words()
        if np is None and n.lemma_.lower() not in W.summary_nouns | W.act_nouns:
            return []
        roots = {np.code[:2]} if np is not None else None
        # "Iran seized a tanker, the U.S. said, calling the seizure a threat": an act told before the noun in the
        # same sentence, outside the noun's own clause, comes first
        inside = {t.i for t in n.head.subtree} if n.head.i != n.i else set()
        acts = {(i, code, src) for i, code, src, _tgt in self.current if i < n.i and i not in inside}
        # and one aimed at no one: "North Korea fires a missile, and Japan condemns the launch"
        acts |= {(i, code, src) for i, code, src in self.untargeted if i < n.i and i not in inside}
        # Verbs are coded before nouns: "Israeli tank fire hits a UN post, and Jakarta condemns the attack" tells
        # the act by a noun, so nouns before this one are read here too.
        acts |= {(t.i, f.code, f.source) for t in n.doc[n.sent.start:n.i] if t.i not in inside and t.pos_ == "NOUN"
                 and self.noun_pattern(t) is not None for f in self.code_noun(t)}
        here = sorted(acts, key=lambda x: x[0])
        sequence = [*((-1, c, s) for c, s in self.earlier), *here]
        for k in range(len(sequence) - 1, -1, -1):
            i, code, src = sequence[k]
            if roots is None or code[:2] in roots:
                # every doer of that act: "U.S. and British warplanes strike ..., and Iran condemns the strikes"
                doers = [src] + ([s for j, c, s in here if j == i and c == code and s.code != src.code] if i >= 0 else [])
                if i < 0 and code[:2] in JOINT_ROOTS:
                    # "Kyrgyzstan and Tajikistan sign a border agreement. Russia welcomes the deal.": a joint act of an
                    # earlier sentence, told once per side in a row
                    j = k - 1
                    while j >= 0 and sequence[j][0] < 0 and sequence[j][1] == code:
                        doers.append(sequence[j][2])
                        j -= 1
                doers = list({a.code: a for a in doers}.values())
                return [a for a in doers if a.code not in exclude and a.codable]
        # "China announced export controls on gallium. The EU criticised the decision.": an act the coder took for
        # no event (one actor, so never parsed) is still told by the one actor of the sentence before
        return self.ctx.sole_actor_before(n, exclude)

    def reacted(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """Whom a hostile act with no target of its own was aimed at: the one who reacted to it ("Greece put its
        forces on alert after Turkey sent a survey ship into disputed waters": Turkey's show of force targets
        Greece)."""
        if not reaction_clause(v):
            return []
        return [a for a in self.subjects(v.head) if a.code not in exclude]

    def counterpart(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """The partner of a refusal or a cut in relations told with no one named (PARTNERED_ROOTS): the subject of
        the after-clause it follows ("India halted trade talks after Canada accused its agents"), or, told in
        such a clause itself, the subject of the act that followed it ("Moscow cut gas supplies to Latvia after
        the Baltic state refused to pay", "warned of consequences a day after New Delhi suspended the treaty").
        Only an act with no object or one that names a relation (modality.yaml partnered_objects)."""
        obj = child(v, "dobj")
        if obj is not None and obj.lemma_.lower() not in modality.words().partnered_objects:
            return []
        got = self.clause_subjects(v, AFTER_MARKS, exclude, climb=False)
        if got:
            return [a for a in got if a.codable]
        if v.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in AFTER_MARKS for m in v.children) \
                and v.head.pos_ == "VERB" and self.act_code(v.head) is not None:
            return [a for a in self.subjects(v.head) if a.codable and a.code not in exclude]
        return []

    @staticmethod
    def _to_a_group(theme: Token | None, targets: list[Actor]) -> bool:
        """An appeal made to a group rather than to one state: "its EU partners", "fellow NATO leaders",
        "the Group of Seven"."""
        plural = theme is not None and theme.tag_ in ("NNS", "NNPS")
        return plural or any(a.kind in ("igo", "bloc", "region")
                             or str(a.resolved_from or "").startswith(("group ", "pair ")) for a in targets)

    def rallied(self, v: Token, sources: list[Actor],
                targets: list[Actor]) -> tuple[list[tuple[Actor, Actor]], str] | None:
        """An appeal to a group to act toward a third state rallies the group for (053) or against (113) that
        state, as CAMEO defines them: "lobbied fellow NATO leaders to support Ukraine's bid", "urged its EU
        partners to punish Belarus"."""
        act = self.requested_act(v)
        if act is None:
            return None
        skip = frozenset(a.code for a in [*sources, *targets])
        third: list[Actor] = []
        for c in v.children:
            if c.dep_ not in ("xcomp", "advcl") or c.pos_ not in ("VERB", "AUX"):
                continue
            obj = child(c, "dobj")
            # named directly, not somewhere deep in the phrase ("lift restrictions on striking inside Russia")
            named = [obj] if obj is not None else []
            named += [p for h in (c, obj) if h is not None for p in prep_objects(h, ("on", "against", "to", "with"))]
            for p in named:
                third = self.actors_for(p, skip) or self.possessor(p, skip)
                if third:
                    break
            if third:
                break
        third = [a for a in third if a.codable and a.code not in skip]
        if not third:
            return None
        code = RALLY_CODES.get(act[:2])
        if code is None:  # an appeal to talk or to press someone rallies nobody for or against the third
            return None
        return [(s, t) for s in sources for t in third], code
