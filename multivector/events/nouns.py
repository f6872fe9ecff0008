"""Nominal events: event nouns with their argument slots ("Russia's expulsion of ten Estonian diplomats", "EU
sanctions on Belarus", "a Turkish-brokered deal"), coded only when they report something happening now.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..actors.matcher import Actor
from ..records import Article
from . import modality, patterns
from .modality import Modality, code_under
from .noun_frames import (
    answered_by,
    answered_with,
    came_under,
    carried_out_by,
    claimed_by,
    defied_by,
    intended_by,
    joined_by,
    nominal_currency,
)
from .places import AIM_VERBS, LOCATION_PREPS, LOCATION_SOURCE_ROOTS, Places
from .references import same_group
from .tree import MEDIATION_NOUNS, child, is_passive, near_a_border, noun_keys, passive_subject, prep_objects
from .words import TIME_PREPS, WITHDRAWALS, withdrawal_code

# "a Turkish-brokered deal", "a Russian-mediated truce": the modifier's actor is a mediator (045).
BROKER_WORDS = frozenset({"broker", "mediate", "facilitate"})
BROKER_FORMS = frozenset({"brokered", "mediated", "facilitated"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might"})
# Prepositions of circumstance: an event noun under them happened, whatever the main clause does.
# Roots of force whose noun can be the subject of a verb of impact ("an airstrike hits ..."), and where it hit.
IMPACT_ROOTS = frozenset({"18", "19", "20"})
# Roots of measures that "hit" a state only figuratively: the measure is the event, never force.
MEASURE_ROOTS = frozenset({"16", "17"})
IMPACT_PLACE_PREPS = ("in", "inside", "near", "on")
# Roots of force whose noun, with an owner and no target, is aimed at the place where it fell (places.force_place).
FORCE_PLACE_ROOTS = frozenset({"19"})
# Parts of an event's time: "at the start of a visit", "on the sidelines of a summit", "at the end of talks".
PHASE_NOUNS = frozenset({"start", "beginning", "end", "close", "conclusion", "eve", "sideline", "margin", "course",
                         "outset", "opening", "climax", "height"})
ADJUNCT_PREPS = TIME_PREPS | {"in", "at"}
# What happens while a visit lasts is done where the visitor is; after one, only cooperation answers it in kind
# ("China sent warships near Taiwan after the U.S. envoy's visit" names no host of that visit).
DURING_PREPS = frozenset({"during", "amid", "in", "at"})
# "on a visit to Hanoi, warned ...", "on a tour of the region": the journey the act is made on, which happened
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "journey", "stopover", "mission"})

# "playing with fire", "toying with war": a figure of risk, not force used as an instrument
PLAYING = frozenset({"play", "toy", "flirt", "gamble"})


def sides_paired(both: list[Actor]) -> list[tuple[Actor, Actor]]:
    """Each side of a two-sided act toward each other: "talks between Iran and the six world powers" pair Iran
    with each power, not the powers among themselves (members of one group named with another side)."""
    mentions = {a.start for a in both}
    return [(a, b) for a in both for b in both
            if a.code != b.code and not (len(mentions) >= 2 and same_group(a, b))]


@dataclass(frozen=True, slots=True)
class Found:
    """An event before it becomes a record: who, whom, which code, by which rule, at which word."""

    source: Actor
    target: Actor
    code: str
    pattern: str
    predicate: Token
    mod: Modality
    saying: bool = False  # a plain statement (010 trigger): gives way to what it reports or is part of


# Expulsions of people: diplomats, forces or missions, individuals, a population.
EXPULSION_CODES = frozenset({"161", "164", "166", "174", "201"})
# Acts whose patient is never their doer's own: coercion, assault, fighting, mass violence (roots); expulsions
# and sanctions (codes)
ON_OTHERS_ROOTS = frozenset({"17", "18", "19", "20"})
ON_OTHERS_CODES = EXPULSION_CODES | {"163"}


class Nominals(Places):
    """Coding of event nouns; the article coder subclasses this."""

    article: Article
    pats: patterns.Patterns
    consumed: set[int]
    in_question: bool

    @property
    def year(self) -> int | None:
        """The article's year, for telling current events from history (None when undated)."""
        return self.article.date.year if self.article.date else None

    def _nominal_unreal(self, n: Token) -> bool:
        """An event noun inside what is alleged, feared, warned of, denied, asked for or negated is not an act:
        "accused Ukraine of drone attacks", "warned of Iranian attacks", "amid fears of a Russian attack",
        "denied any strikes", "if the talks fail"."""
        t = n
        for _ in range(6):
            if t.head.i == t.i:
                return False
            if t.dep_ == "pobj" and (t.head.lower_ in ADJUNCT_PREPS or (
                    t.head.lower_ == "on" and t.lemma_.lower() in JOURNEY_NOUNS) or (
                    t.head.lower_ in ("with", "under") and t.lemma_.lower() in MEDIATION_NOUNS)):
                return False  # "during his visit", "in a phone call with Erdogan": a circumstance that happened
                # ("met to discuss the dispute, with mediation by Ecuador": how they met, not what they discussed)
            if t.i != n.i and t.dep_ in ("nsubj", "nsubjpass"):
                return False  # "Lavrov, on a visit to Tashkent, warned ...": said of the subject, outside the warning
            t = t.head
            if t.pos_ == "NOUN" and t.lemma_.lower() in modality.words().unreal_nouns:
                return True  # "amid fears of a Russian attack on Ukraine": an act feared, not done
            if t.pos_ in ("VERB", "AUX"):
                words = modality.words()
                if t.lemma_.lower() in words.accuse_verbs | words.unreal_verbs:
                    return True
                if n.dep_ in ("nsubj", "nsubjpass") and t.i == n.head.i and any(
                        c.dep_ in ("acomp", "attr") and c.lower_ in words.unreal_predicates for c in t.children):
                    return True  # "a meeting between Putin and Zelensky is unlikely": an act only weighed
                mod = modality.analyse(t, question=self.in_question,
                                       year=self.year)
                if mod.conditional or any(c.dep_ == "aux" and (c.lower_ in HYPOTHETICAL_AUX or (
                        c.lower_ == "should" and any(x.dep_ in ("nsubj", "nsubjpass") and x.i > c.i
                                                     for x in t.children))) for c in t.children):
                    # "a Chinese blockade of Taiwan would cost ...", "..., should one ever come,": a hypothetical
                    return True
                return mod.drop is not None and mod.drop != "purpose"
        return False

    def _movement_has_target(self, v: Token) -> bool:
        """The verb a for-phrase hangs on names where it went ("flew to Moscow for talks"); "arrived in Seattle
        for his state visit to the United States" does not, so the visit noun codes the visit."""
        return any(self.actors_for(p) for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "in")
                   for p in c.children if p.dep_ == "pobj")

    def event_source(self, p: Token) -> list[Actor]:
        """Who did what an event noun names ("the strikes by Israel"; for force, "the Indian airstrikes"):
        the one a condemnation or a protest of it is aimed at."""
        np = self.noun_pattern(p)
        if np is None:
            return []
        got = self.prep_targets(p, tuple(x for x in np.source if x not in ("poss", "amod", "compound")),
                                possessor=False)
        if not got and np.code[:2] in IMPACT_ROOTS and ("amod" in np.source or "compound" in np.source):
            got = self.modifier_sources(p)
        return got

    def noun_pattern(self, n: Token) -> patterns.NounPattern | None:
        """The first of a noun's patterns whose needed modifier is present ("air strike", "hunger strike")."""
        pats = self.pats.nouns_for(noun_keys(n))
        if not pats:
            return None
        mods: set[str] | None = None
        for p in pats:
            if p.needs:
                if mods is None:  # its modifiers, or what an of-phrase says it is of ("an exchange of fire"),
                    # or what it is aimed at ("a raid on the embassy")
                    mods = {c.lemma_.lower() for c in n.lefts if c.dep_ in ("amod", "compound", "nmod")} | {
                        x.lemma_.lower() for c in n.rights if c.dep_ == "prep" and c.lower_ in ("of", "on", "into")
                        for x in c.children if x.dep_ == "pobj"} | {
                        f"+{c.lower_}" for c in n.rights if c.dep_ == "prep"}  # "a call with Putin": "+with"
                if not mods & set(p.needs):
                    continue
            return p
        return None

    def code_noun(self, n: Token) -> list[Found]:
        """The events an event noun names; one its verb refuses, intends or weighs taking on is coded so (12x:
        "Kyrgyzstan will never join sanctions against Moscow" rejects, it does not sanction)."""
        defied = self.defied_measure(n)
        if defied is not None:
            return defied
        got = self._code_noun(n)
        if got and n.dep_ == "dobj" and n.head.pos_ in ("VERB", "AUX"):
            # (and "will join sanctions" intends them: the verb's clause says how the noun's act stands)
            mod = modality.analyse(n.head, question=self.in_question, year=self.year)
            if mod.transform is not None and mod.transform != "demand":
                own = {a.code for a in self.subjects(n.head)}
                # only the subject's own taking-on ("Serbia is considering joining EU sanctions": the EU's stand)
                return [replace(f, code=code_under(f.code, mod), pattern=f"{f.pattern}+{mod.transform}",
                                mod=mod) if f.source.code in own else f for f in got]
        return got

    def defied_measure(self, n: Token) -> list[Found] | None:
        """A sanction acted "despite" is defied by the clause's subject (128, as "in defiance of U.S. sanctions"):
        "India buys Iranian oil despite American sanctions" -> IND->USA 128, the sanctions themselves standing
        measures (not coded). None when ``n`` is no such measure."""
        # (the cheap tests first: this runs on every noun, and _code_noun looks the pattern up again)
        defied = defied_by(n) if n.dep_ == "pobj" else None
        if defied is None or defied[0] != "despite" or defied[1] is None:
            return None
        np = self.noun_pattern(n)
        if np is None or not np.code.startswith("163"):
            return None
        v = defied[1]
        if modality.analyse(v, question=self.in_question, year=self.year).drop:
            return []
        setters = [a for a in self.possessor(n) or self.modifier_sources(n) or self.prep_targets(
            n, ("by", "from"), possessor=False) if a.codable]
        setter_codes = {a.code for a in setters}
        defiers = [a for a in self.subjects(v) if a.codable and a.code not in setter_codes]
        barred = modality.words().sanctioned_verbs
        # the act itself or one it completes close by ("continues to import", "impossible ... to stop buying")
        acts = [v, *(x for x in v.subtree if x.dep_ in ("xcomp", "pcomp", "ccomp") and x.i - v.i <= 8)]
        if not any(a.lemma_.lower() in barred for a in acts) and not self.prep_targets(
                n, ("on", "against"), possessor=False, exclude=frozenset(a.code for a in defiers)):
            return []  # an act sanctions do not bar, against sanctions on no one named: it goes on under them
        return [Found(a, s, "128", f"defy+{np.id}", n, Modality()) for a in defiers for s in setters]

    def _code_noun(self, n: Token) -> list[Found]:
        np = self.noun_pattern(n)
        if np is None or n.i in self.consumed:
            return []
        completed = carried_out_by(n) is not None
        arrived = n.dep_ == "nsubj" and n.head.lemma_.lower() in modality.words().arrival_verbs \
            and np.code[:2] == "07"
        followed = n.dep_ == "pobj" and n.head.lower_ in ("after", "following") and np.code[:2] == "04"
        if np.background and not completed and not arrived and not followed and not (
                n.dep_ in ("nsubj", "nsubjpass") and n.head.lemma_.lower() in modality.words().onset_verbs):
            # only what is asked for or answered; but "a truce between A and B took hold" is happening, and so
            # is the meeting news follows ("days after a meeting between Trump and Zelenskiy")
            return []
        if n.dep_ == "pobj" and n.head.lower_ == "for" and self._movement_has_target(n.head.head):
            return []  # "flew to Moscow for talks": the purpose of the visit, coded as the visit (gold rule 4)
        currency = nominal_currency(n, np.code, self.year)
        if currency == "background" and answered_with(n) is not None:
            currency = "current"  # "retaliated with sanctions on ...": the answer is made now
        defied = defied_by(n) if n.dep_ == "pobj" else None
        if defied is not None and defied[0] not in np.target:
            defied = None
        if currency == "background" and defied is not None:
            currency = "current"  # the disapproval an act defies is voiced now, not a standing measure ("despite sanctions")
        if currency in ("background", "alleged") or (self._nominal_unreal(n) and claimed_by(n) is None):
            return []
        if np.code[:2] == "19" and any(o.lemma_.lower() in modality.words().figurative_foes
                                       for o in prep_objects(n, ("against", "with", "on"))):
            return []  # "in the battle against its cholera epidemic": no armed side is fought
        srcs: list[Actor] = []
        # "fighting broke out between A and B": the parser hangs the noun's phrases on the verb of its outbreak
        anchors = [n] + ([n.head] if n.dep_ == "nsubj" and n.head.lemma_.lower() in
                         modality.words().outbreak_verbs | (modality.words().arrival_verbs if arrived else set())
                         else [])
        held = n.dep_ in ("nsubj", "nsubjpass") and n.head.lemma_.lower() in modality.words().onset_verbs
        if held and np.code[:2] == "04" and not self.in_question:
            # "Talks between Britain and Ecuador end with no breakthrough": talks said to happen are both sides'
            both = self.prep_targets(n, ("between", "among"), possessor=False)
            if len({a.code for a in both}) >= 2:
                return [Found(a, b, np.code, np.id, n, Modality()) for a, b in sides_paired(both)]
        for slot in np.source:
            if slot == "poss":
                srcs = self.possessor(n)
            elif slot in ("amod", "compound"):
                srcs = self.modifier_sources(n)
            elif slot == "clause" and n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ in ("in", "despite"):
                # "test-fires a missile in defiance of UN restrictions": the subject of the clause the phrase is in
                # (or on its object: "conducted a test in defiance of"); not "suspected of carrying oil in breach of"
                v = n.head.head.head if n.head.head.dep_ == "dobj" else n.head.head
                # a norm or its setter is defied, not a state named as such ("in defiance of the United States")
                state = any(a.kind in ("country", "capital") for p in prep_objects(n, ("of",)) for a in self.actors_for(p))
                srcs = self.subjects(v) if v.pos_ in ("VERB", "AUX") and v.tag_ not in ("VBG", "VBN") and not state \
                    else []
            elif slot == "between" and np.symmetric:
                # (or on its of-phrase: "an exchange of fire between Thai and Cambodian troops")
                both = next((b for a in [*anchors, *prep_objects(n, ("of",))]
                             if len(b := self.prep_targets(a, ("between", "among"), possessor=False)) >= 2), [])
                both = both if len(both) >= 2 else self.border_sides(anchors)  # "along the Israel-Lebanon border"
                if len(both) >= 2 and not self.in_question:  # "clashes between A and B": both directions
                    return [Found(a, b, np.code, np.id, n, Modality()) for a, b in sides_paired(both)]
            else:
                srcs = self.prep_targets(n, (slot,), possessor=False)
                if not srcs and slot == "by":
                    srcs = self.agent_under_of(n) or self.agent_of_doing(n)
            if srcs:
                break
        # "at the start of a two-day visit to South Korea": a phase of the event stands in its phrase
        top = n
        while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lemma_.lower() in PHASE_NOUNS:
            top = top.head.head
        if not srcs and top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("VERB", "AUX") \
                and np.code[:2] in ("03", "04"):
            # "During his visit ..., Macron praised"; "After talks with X, Y freed": one's own visits and talks,
            # not an attack the clause's subject only reacts to ("protested after the attack on ...")
            srcs = self.subjects(top.head.head)
        if not srcs and top.dep_ == "pobj" and top.head.lower_ in ("on", "during") and np.code[:2] == "04" \
                and top.head.head.dep_ in ("nsubj", "nsubjpass") and top.head.head.pos_ == "PROPN":
            # "Xi Jinping, on a state visit to Britain, praised ...": the phrase set off beside the subject
            srcs = self.actors_for(top.head.head)
        if not srcs and top.dep_ == "pobj" and top.head.lower_ in ("in", "at", "during") and np.code[:2] == "04" \
                and top.head.head.dep_ == "dobj" and top.head.head.head.pos_ in ("VERB", "AUX"):
            # "reaffirmed its neutrality in talks with Iran": the parser hangs the setting on the object
            srcs = self.subjects(top.head.head.head)
        if not srcs and np.code[:2] == "14":
            # "anti-China riots continue in Vietnam": the people of the place a crowd's protest is in
            for h in [n, *([n.head] if n.dep_ in ("nsubj", "nsubjpass") else [])]:
                srcs = [replace(a, role="CVL", person=False, kind="adjective")
                        for a in self.prep_targets(h, ("in", "across", "throughout"), possessor=False)
                        if a.kind in ("country", "capital", "place", "adjective") and a.codable]
                if srcs:
                    break
        if not srcs and np.code[:2] == "15" and top.dep_ == "pobj" and top.head.lower_ in ("in", "as") and \
                top.head.head.pos_ in ("VERB", "AUX"):
            srcs = self.subjects(top.head.head)  # "flew bombers over Seoul in a show of force against North Korea"
        wished = intended_by(n) if not srcs and np.code[:2] in ("03", "04") else None
        if wished is not None:
            # "South Korea is ready for talks with the North", "Iran wants talks with Riyadh": the talks are the
            # subject's intention (036), not held
            srcs = self.subjects(wished)
        if not srcs and n.dep_ == "pobj" and n.head.lower_ == "with" and n.head.head.pos_ in ("VERB", "AUX") and (
                np.code[:2] == "19" or answered_with(n) is not None) and n.head.head.lemma_.lower() not in PLAYING:
            # (and any act a response is made with: "Russia retaliated with an entry ban on U.S. lawmakers")
            # "The Turkish military responded with artillery fire on ...": force is the instrument of the subject
            srcs = self.subjects(n.head.head)
        if not srcs and completed:  # "the Dominican Republic began mass deportations of Haitians"
            srcs = self.subjects(n.head)
        if (joiner := joined_by(n)) is not None:  # "Australia joins the U.S.-led coalition's airstrikes in Syria"
            srcs = srcs + [a for a in self.subjects(joiner) if a.code not in {x.code for x in srcs}]
        if not srcs and (owner := claimed_by(n)) is not None:
            if owner.lemma_.lower() == "be" and (owner.dep_ == "ccomp" or modality.analyse(
                    owner, question=self.in_question, year=self.year).drop):
                # "Ukraine denies it was behind the drone attack": no one is said to have done it; "Moscow says
                # Kyiv was behind it" is a blame (112, judgements.py), the act not coded (gold rule 8)
                return []
            srcs = self.subjects(owner)  # "Houthi rebels claim responsibility for drone attacks on Saudi ..."
        both_ways = False
        if not srcs and np.symmetric and np.code[:2] == "19" and n.dep_ == "pobj" and n.head.lower_ in ("in", "during") \
                and n.head.head.pos_ in ("VERB", "AUX"):
            # "Twenty Indian soldiers were killed in a clash with Chinese troops": the clause's people are a side,
            # and when they fell in it, the other side fought them too (both directions, as the annotators code it)
            v = n.head.head
            srcs = self.actors_for(child(v, "nsubjpass") or child(v, "nsubj"))
            both_ways = v.lemma_.lower() in modality.words().casualty_verbs
        # (a show of force past its doer: "NATO's exercises near its borders" are near another's)
        shown = frozenset(a.code for a in srcs) if np.code[:2] == "15" else frozenset()
        tgts = next((t for a in anchors if (t := self.prep_targets(a, np.target, possessor=False, exclude=shown))), [])
        own_codes = frozenset(a.code for a in srcs)
        on_others = np.code[:2] in ON_OTHERS_ROOTS or np.code[:3] in ON_OTHERS_CODES
        if tgts and on_others and all(t.code in own_codes and t.resolved_from for t in tgts):
            # "Iran says the U.S. seizure of its tanker is piracy": coercion or force done to "its" people or
            # things is done to another than its doer; the reference is read again past the doer
            self.past_doer = True
            try:
                tgts = next((t for a in anchors if (
                    t := self.prep_targets(a, np.target, possessor=False, exclude=own_codes))), [])
            finally:
                self.past_doer = False
        if defied is not None:
            # "releases prisoners despite American objections", "amid criticism from rebels": at whoever acts
            tgts = self.subjects(defied[1]) if defied[1] is not None else []
        if not tgts and np.code[:2] == "14":  # "anti-China protests": what the protest is against
            tgts = self.opposed_to(n)
        if not tgts and np.code[:2] == "15":  # "a show of force aimed at Washington" (on the noun or its of-phrase)
            tgts = next((t for h in [n, *prep_objects(n, ("of",))] for c in h.children if c.dep_ == "acl" and c.lemma_
                         in AIM_VERBS and (t := self.prep_targets(c, ("at",), possessor=False))), [])
        own = frozenset(a.code for a in srcs)
        if srcs and not tgts and np.code.startswith("045") and n.dep_ == "pobj" and n.head.lower_ in ("with", "under"):
            # "the presidents of A and B meet in Quito, with mediation by Ecuador": the mediator's parties are the
            # clause's subjects (the verb above the phrase, through an infinitive: "meet to discuss ...")
            v = n.head.head
            while v.dep_ in ("xcomp", "advcl") and v.head.pos_ in ("VERB", "AUX"):
                v = v.head
            parties = [a for a in self.subjects(v) if a.codable and a.code not in own]
            tgts = parties if len({a.code for a in parties}) >= 2 else []
        if not tgts:  # "the visit of the Japanese premier to Taiwan": the parser hangs the target on the source
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "by"):
                    for p in c.children:
                        if p.dep_ == "pobj" and not tgts:
                            tgts = self.prep_targets(p, np.target, possessor=False)
        if (np.code[:2] in IMPACT_ROOTS or (np.code[:2] in MEASURE_ROOTS and n.head.dep_ == "agent")) and \
                n.dep_ in ("pobj", "pcomp") and n.head.dep_ in ("agent", "prep"):
            # (and a measure: "Russia has been hit by Western sanctions")
            # "soldiers were killed in an attack by rebels in Yemen": whom, before where
            # (a place of the doers' own state is where, never whom: "an insurgent attack on a base in Kandahar")
            tgts = self.whom_before_where(n, [t for t in tgts if t.code not in own or np.symmetric],
                                          self.victims_of(n, own))
        subj = n
        while subj.dep_ == "conj" and subj.head.pos_ in ("NOUN", "PROPN"):
            subj = subj.head  # "artillery shelling and drone attacks by the coalition strike ...": a conjunct subject
        if subj.dep_ in ("nsubj", "csubj") and np.code[:2] in IMPACT_ROOTS | MEASURE_ROOTS and \
                subj.head.lemma_.lower() in modality.words().impact_verbs:
            # "a drone strike at Baghdad airport killed an Iranian general": whom, before where
            tgts = self.whom_before_where(n, tgts, self.impact_targets(subj.head, own))
        if np.symmetric and not tgts:
            # "United States–South Korea joint exercises": a pair of states named as the noun's own modifiers
            pair = [a for c in n.lefts if c.dep_ in ("amod", "compound", "nmod")
                    if (a := self.actors.entity_at(c)) is not None and a.kind in ("country", "adjective", "capital")]
            if len({a.code for a in pair}) >= 2:
                srcs = tgts = pair
        if srcs and not tgts and np.code[:2] in IMPACT_ROOTS:
            tgts = self.answerers(n, own)
        if srcs and not any(t.codable for t in tgts) and np.code[:2] in FORCE_PLACE_ROOTS:
            # "strikes on Hamas posts in Gaza": a target the scheme cannot code leaves the place it was in
            tgts = self.force_place(n, own)
        host = top.head.head
        if top.head.lower_ == "during" and host.dep_ == "dobj" and host.pos_ == "NOUN":
            host = host.head  # "announce a golden era of relations during Xi's state visit": the parser's noun
        if srcs and not tgts and np.code.startswith("042") and top.dep_ == "pobj" and top.head.dep_ == "prep" \
                and host.pos_ in ("VERB", "AUX") and (top.head.lower_ in DURING_PREPS or (
                    top.head.lower_ in ("after", "following") and self._answers_in_kind(host))):
            # (a time, not a cause: "protests over the visit of its minister to a shrine" names no host)
            # "Israel announced new settlements during a visit by the U.S. vice president": a visit with no
            # destination, told in what the clause's subject did meanwhile, is to the subject's state
            tgts = [a for a in self.subjects(host) if a.codable and a.code not in own and not a.person]
        if not srcs and tgts and np.code[:2] in LOCATION_SOURCE_ROOTS and not np.symmetric:
            # "the arrest in Moscow of an American journalist", "the expulsion of 40 Russian diplomats from
            # Germany": coercion and expulsion with no named doer are the acts of the state they happen in
            # (as for the agentless passive, Places.agentless_source)
            # (or where those it was done to were: "the detention of two U.S. citizens in Iran")
            done_to = {t.code for t in tgts}
            srcs = next((got for h in (n, *prep_objects(n, ("of",))) if (got := [
                a for a in self.located_in(h, LOCATION_PREPS) if a.codable and a.code not in done_to])), [])
        if not srcs or not tgts:
            return []
        code = np.code
        if code.startswith("191") and all(a.role == "CVL" for a in srcs):
            code = "144"  # "truckers' blockade of the border crossings": civilians obstructing passage protest
        # A nominal event carries no clause of its own: only a question or a negated noun cancels it.
        if self.in_question or any(c.lower_ in ("no", "without") for c in n.lefts):
            return []
        mod = Modality(transform="intent", governor=n) if currency == "planned" or wished is not None else Modality()
        if completed or arrived:  # "agreed to begin the withdrawal": the verb's clause decides
            mod = modality.analyse(n.head, question=self.in_question, year=self.year)
            if mod.drop or mod.transform == "demand":  # "must complete the withdrawal": not done, not theirs
                return []
        if np.id in WITHDRAWALS:  # "the withdrawal of its peacekeepers from Mali"
            of = next((p for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                       if p.dep_ == "pobj"), None)
            code = withdrawal_code(code, n, of, tgts)
        if code.startswith("180") and tgts and all(t.role == "MIL" for t in tgts):
            code = "190"  # "the killing of three Pakistani soldiers by NATO": soldiers are killed in a fight
        code = code_under(code, mod)
        pairs = [(s, t) for s in srcs for t in tgts]
        if both_ways:
            pairs += [(t, s) for s, t in pairs if t.codable]
        return [Found(s, t, code, np.id, n, mod) for s, t in pairs]

    def modifier_sources(self, n: Token) -> list[Actor]:
        """Actors among an event noun's modifiers, through a chain of compounds ("US drone strikes", "a
        Saudi-led coalition airstrike"). A city before an attack names where it was ("the Paris attacks",
        "the Brussels bombings"), not who did it."""
        level = [c for c in n.lefts if c.dep_ in ("amod", "compound", "nmod")]
        force = (np := self.noun_pattern(n)) is not None and np.code[:2] in IMPACT_ROOTS
        for _ in range(2):
            found = [a for c in level if (a := self.actors.entity_at(c) or self.actors.led_by(c))
                     and not (force and a.kind in ("capital", "place", "seat"))]
            if found:
                # and the first of a dashed pair: "US-Israeli strikes", "the US-South Korean drills"
                pair = [a for c in level if self.actors.entity_at(c) is not None for a in self.actors.hyphen_pair(c)
                        if a.codable and all(a.code != f.code for f in found)]
                return pair + found
            level = [x for c in level if c.dep_ == "compound" for x in c.lefts if x.dep_ in ("amod", "compound")]
        if force:  # "an insurgent attack on a base in Kandahar": an armed group named by kind, placed by the act
            placed = [a for c in n.lefts if c.dep_ in ("amod", "compound") and (a := self.actors.actor_of(c))
                      and a.role == "OPP" and a.codable]
            if placed:
                return placed
        # "Western sanctions", "European sanctions": a bloc adjective names the bloc
        return [Actor(named[0], None, c.idx, c.idx + len(c.text), c.text, named[1]) for c in n.lefts if c.dep_ == "amod"
                and (named := self.actors.bloc_named(c, n, any_head=True)) is not None][:1]

    def _answers_in_kind(self, v: Token) -> bool:
        """The clause's own act is cooperation ("Venezuela freed six Americans after a visit by a U.S. envoy": the
        visit was to Venezuela), not hostility ("China sent warships near Taiwan after the U.S. envoy's visit")."""
        codes = [code for i, code, _s, _t in self.current if i == v.i]
        return bool(codes) and all(code[:2] < "10" for code in codes)

    def answerers(self, n: Token, own: frozenset[str]) -> list[Actor]:
        """Whom force a noun names was aimed at when it names no one it hit: whoever answers it ("Iran struck
        villages in response to Pakistani airstrikes near the border"). Force only: a measure answered ("in
        response to Western sanctions") is a standing one, not an act of now."""
        v = answered_by(n)
        return [a for a in self.subjects(v) if a.codable and a.code not in own and not a.person] if v is not None \
            else []

    def whom_before_where(self, n: Token, tgts: list[Actor], hit: list[Actor]) -> list[Actor]:
        """The targets of an attack noun: the people or forces its clause says it hit (``hit``) replace targets
        that only name where it happened (the noun's in/at/near phrase); else the targets found so far."""
        if not tgts:
            return hit
        if any(a.person or a.role is not None or a.kind == "adjective" for a in hit) and {a.code for a in tgts} <= {
                a.code for a in self.prep_targets(n, ("in", "at", "near"), possessor=False)}:
            return hit
        return tgts

    def victims_of(self, n: Token, own: frozenset[str]) -> list[Actor]:
        """Whom the clause around an attack noun says it hit: "two soldiers were killed by Israeli fire", "were
        killed in shelling by the Indian army", "Ukrainian positions came under Russian artillery fire"; a
        reduced relative names the noun it modifies ("a hospital hit by Russian airstrikes")."""
        v = n.head.head
        victim: Token | None = None
        if v.lemma_.lower() in modality.words().impact_verbs and (
                n.head.dep_ == "agent" or (n.head.lower_ in ("in", "during") and is_passive(v))):
            victim = v.head if v.dep_ == "acl" and v.tag_ == "VBN" else passive_subject(v)
        elif came_under(n):
            victim = child(v, "nsubj")
        return [a for a in self.phrase_actors(victim, exclude=own) if a.codable] if victim is not None else []

    def impact_targets(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """Whom an attack noun's verb of impact hit: the actors of its object ("hit Syrian army positions"),
        else the place it hit ("hits a camp in the Gaza Strip", "kills 20 civilians in Yemen")."""
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        got = [a for a in self.phrase_actors(obj, possessor=True, exclude=exclude) if a.codable] if obj is not None else []
        if obj is not None:  # "a compound near the border with Afghanistan": the state beyond it was not hit
            got = [a for a in got if not self.only_near(obj, a)]
        if got:
            return got
        # and one phrase lower, where the place hangs on the site: "kill 20 civilians at a wedding in Yemen"
        sites = prep_objects(v)
        for anchor in (v, obj, *sites):
            if anchor is None:
                continue
            for prep in IMPACT_PLACE_PREPS:
                if prep == "near" and near_a_border(anchor):
                    continue  # "near the Afghan border": the state beyond it
                got = [x for x in self.prep_targets(anchor, (prep,), possessor=True, exclude=exclude)
                       if x.kind in ("country", "capital", "adjective", "place") and x.codable]
                if got:
                    return got
        return []

    def act_owner(self, noun: Token) -> list[Actor]:
        """Who did the act a noun names: its possessor or national modifier ("Ethiopia's port deal"), else its
        by-phrase ("the downing of a Russian jet by Turkey")."""
        low = noun.lemma_.lower()
        np = self.noun_pattern(noun)
        if low not in modality.words().summary_nouns and np is None and low not in patterns.deverbals():
            return []
        got = self.possessor(noun) or self.modifier_entity(noun) or self.prep_targets(noun, ("by",), possessor=False)
        if not got and np is not None and "of" in np.source:
            # its of-phrase's forces or officials, where the noun's pattern puts its doer there: "the deployment
            # of Western troops" (not goods: "a consignment of Turkish medical supplies")
            got = [a for a in self.prep_targets(noun, ("of",), possessor=False) if a.role in ("MIL", "GOV")]
        return [a for a in got if a.codable and not a.person]

    def code_brokered(self, m: Token) -> list[Found]:
        """"a Turkish-brokered deal", "a U.S.-mediated truce between A and B": the broker mediates (045)
        toward each party (the noun's between-phrase, else the subjects of the clause the noun is in)."""
        low = m.lower_
        broker: list[Actor] = []
        if m.lemma_.lower() in BROKER_WORDS:
            broker = [a for c in m.children if c.dep_ in ("amod", "npadvmod", "compound", "nmod")
                      if (a := self.actors.entity_at(c)) is not None]
        elif "-" in low and low.rsplit("-", 1)[1] in BROKER_FORMS:
            prefix = m.text.rsplit("-", 1)[0]
            entries = self.actors.lex.lookup(prefix)
            if entries and entries[0].kind in ("country", "adjective", "igo", "capital"):
                code, _role = entries[0].at(self.article.date, self.actors.lex.titles)
                broker = [Actor(code, None, m.idx, m.idx + len(prefix), prefix, entries[0].kind, entries[0].codable)]
        if not broker or self.in_question:
            return []
        n = m.head
        parties = self.prep_targets(n, ("between", "among"), possessor=False)
        if not parties and n.dep_ in ("dobj", "nsubjpass", "pobj"):
            v = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "prep" else n.head
            if v.pos_ in ("VERB", "AUX"):
                parties = self.subjects(v)
        return [Found(b, p, "045", "045-brokered", m, Modality()) for b in broker for p in parties
                if b.code != p.code]
