"""Refinements of a coded act by what its clause says: a killing in a fight is the fight, a meeting abroad is
044, a statement told to someone is addressed to them. Methods of the coder (a mixin over the argument finders)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors.matcher import Actor
from ..records import Event
from . import cameo, modality
from .deverbal import Deverbals
from .references import through_quantity
from .tree import child, is_passive, pobj_of, prep_objects
from .words import instruments, is_mass

# Roots whose noun beside a verb of the same act restates it: force, whose instrument names the act's kind
RESTATED_ROOTS = frozenset({"18", "19", "20"})
# Prepositions that give a sending its destination ("sent a frigate to the Black Sea to help Ukraine")
DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})


class Refinements(Deverbals):
    """Code refinements that read the clause around a predicate."""

    def _battle_code(self, v: Token, theme: Token | None, pairs: list[tuple[Actor, Actor]]) -> str | None:
        """A killing in a fight is the fight: "killed 20 Kenyan soldiers in an attack on a base" (190), "killed in
        shelling" (194); and soldiers killed by soldiers or militants were killed in battle."""
        # "Azerbaijani shelling killed a soldier": the act that killed is named by its subject as well, or by the
        # passive's agent ("a Turkish soldier was killed by Syrian shelling")
        for p in [*prep_objects(v, ("in", "during")), *(x for x in instruments(v) if x.dep_ == "nsubj"
                                                        or (x.head.dep_ == "agent" and is_passive(v)))]:
            np = self.noun_pattern(p)
            if np is not None and np.code[:2] == "19":
                return np.code
        soldiers = theme is not None and self.actors.role_of(through_quantity(theme)) == "MIL"
        if pairs and all(s.role in ("MIL", "OPP") and (t.role == "MIL" or soldiers) for s, t in pairs):
            return "190"
        # a state's armed services killing is force used by the state, not unconventional violence: "killed by
        # U.S. troops", "Bolivian police kill three foreigners"
        agent = child(v, "nsubj") if not is_passive(v) else next(
            (pobj_of(c) for c in v.children if c.dep_ == "agent"), None)
        head = through_quantity(agent).lemma_.lower() if agent is not None else ""
        if pairs and (all(s.role == "MIL" for s, _t in pairs) or head in modality.words().force_agents) and not (
                theme is not None and is_mass(theme)):  # "troops killed hundreds of civilians": mass killing (20)
            return "190"
        return None

    def _civilian(self, theme: Token) -> bool:
        """What an attack hits is civilian: people of a civilian role or a civilian place (modality.yaml)."""
        head = through_quantity(theme)
        return self.actors.role_of(head) in ("CVL", "BUS") or head.lemma_.lower() in modality.words().civilian_sites

    def claim_against(self, theme: Token, sources: list[Actor]) -> bool:
        """A claim, report or allegation whose that-clause tells of the one answering it ("Moscow's claims that it
        was helping Ukraine", "reports that Kazakh firms supply Russia"): an accusation, which rejecting denies."""
        if theme.lemma_.lower() not in modality.words().accusation_nouns:
            return False
        own = {a.code for a in sources}
        for c in theme.children:
            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) and not (
                    c.tag_ == "VB" and child(c, "aux") is None):  # (a subjunctive is a proposal: "that it rejoin")
                subj = child(c, "nsubj") or child(c, "nsubjpass")
                # (a pronoun there is the one answering: the coder's resolver may take the claimant)
                if subj is not None and (subj.pos_ == "PRON" or own & {a.code for a in self.actors_for(subj)}):
                    return True
        return False

    def _addressee(self, speaker: Token | None) -> list[Actor]:
        if speaker is None or speaker.lemma_.lower() not in modality.words().addressee_verbs:
            return []
        for c in speaker.children:
            if c.dep_ in ("dobj", "dative"):
                return self.actors_for(c)
            if c.dep_ == "prep" and c.lower_ == "to":  # "said to Putin", "wrote to the EU"
                return self.actors_for(pobj_of(c))
        return []

    def _meeting_code(self, v: Token, a: list[Actor], b: list[Actor]) -> str:
        """CAMEO 044 for a meeting in neither party's country, else 040 (046 for talks stays)."""
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                loc = next((x for p in c.children if p.dep_ == "pobj" for x in self._entity_in(p)), None)
                if loc is not None and loc.code not in {x.code for x in a + b}:
                    return "044"
        talks = any(c.lemma_ in ("talk", "negotiation", "discuss", "negotiate") for c in v.children
                    if c.dep_ in ("dobj", "xcomp", "advcl"))
        return "046" if talks else "040"

    def purpose_intended(self, mod: modality.Modality, code: str) -> modality.Modality:
        """The aid a mission is sent to give, when the sending codes nothing itself, is the act the sending does
        ("sent a team to train Somali troops", "agreed to send experts to help Ukraine": in the sending's own
        modality); beside a coded sending it stays a linked event, not added (gold rule 4). Only sendings with no
        destination (a ship sent "to the Black Sea to help Ukraine" is a movement), not journeys or gifts (whose
        purposes are plans or uses), and only material help or a show of force (roots 06-07, 15: "sent fighter
        jets to intercept Chinese bombers" shows force by the sending). A protest is the exception: going or
        striking "to protest" is protesting, in the going's modality (roots 14)."""
        motion = mod.governor
        if motion is not None and code[:2] == "14":
            # going or striking to protest is protesting: "went on strike to protest", "travelled to Almaty to
            # picket the consulate" (in the going's own modality)
            return modality.analyse(motion, question=self.in_question, year=self.year)
        if motion is None or motion.lemma_.lower() not in modality.words().sending_verbs or code[:2] not in (
                "06", "07", "15") or any(
                c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS for c in motion.children) or any(
                i == motion.i for i, *_ in self.current):
            return mod
        return modality.analyse(motion, question=self.in_question, year=self.year)


def restated_by_noun(kept: list[Event], first: int, e: Event) -> bool:
    """Whether noun event ``e`` restates a verb's act of force ``kept`` already tells for the same source, target
    and root in its sentence (gold rule 2: "were killed by a U.S. drone strike" is one act; two nouns, "airstrikes
    and shelling", are two; a visit and talks held on it are two acts); a generic code told there (190) takes the
    noun's more specific one (1952). ``kept[first:]`` are the events of ``e``'s sentence."""
    for i in range(first, len(kept)):
        k = kept[i]
        if (k.source, k.target, k.root) == (e.source, e.target, e.root) and \
                not k.pattern.endswith(".n") and k.root in RESTATED_ROOTS:
            if k.code != e.code and k.code == k.root + "0" and e.code.startswith(k.root):
                kept[i] = replace(k, **cameo.lookup(e.code).event_fields())
            return True
    return False
