"""Where an act with no named doer happened, and whose people did it: an unnamed crowd protesting in a place is
that state's civilians; an agentless arrest or expulsion is the act of the state whose territory it is in."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from ..actors.matcher import Actor
from . import modality
from .arguments import through_quantity
from .circumstance import Circumstances
from .tree import CROWD_PLACE_PREPS, child, entered, pobj_of, prep_objects


class Places(Circumstances):
    """Sources read from the place of an act; the nominal and clause readers subclass this."""

    def crowd_place(self, v: Token) -> list[Actor]:
        """Civilians of the state where an unnamed crowd protests: "demonstrators in Kinshasa attacked the
        embassies", "protesters rallied outside the Russian embassy in Vilnius" (the crowd's own state). The crowd
        may be named through a quantity ("hundreds of villagers in ..."), by a civilian or business role in the
        plural ("supermarkets in Kuwait"), or by the participle it heads ("residents rallying against ..."); its
        place by a settled place's owner ("in Kyrgyzstan's Naryn region")."""
        heads = [v]
        subj = child(v, "nsubj")
        if subj is None and v.dep_ in ("xcomp", "advcl", "conj"):
            heads.append(v.head)  # "marched through Dhaka to protest against ...": the marchers protest
            subj = child(v.head, "nsubj")
            if v.dep_ == "xcomp" and v.head.lemma_.lower() in modality.words().object_control_verbs:
                subj = child(v.head, "dobj")  # "prompting protesters to storm the embassy": the object acts
        if subj is None and v.dep_ == "acl" and v.tag_ == "VBG":
            subj = v.head  # "dispersed hundreds of residents rallying against ...": the people the participle is of
        people = through_quantity(subj) if subj is not None else None
        low = people.lemma_.lower() if people is not None else ""
        # a crowd word, or people of a civilian or business role named in the plural ("supermarkets in Kuwait";
        # not "a man in Paris")
        if people is None or not ({low, low.removesuffix("s")} & modality.words().crowd_nouns or (
                self.actors.role_of(people) in ("CVL", "BUS") and people.tag_ in ("NNS", "NNPS"))):
            return []  # ("Mobs" opening a sentence may be tagged a name and keep its plural)
        # "protesters stormed the Saudi embassy in Tehran": the building it acts on is where the crowd is
        objs = [o for h in heads if (o := child(h, "dobj")) is not None]
        walked = [p for h in heads for p in prep_objects(h, CROWD_PLACE_PREPS)]  # "through the streets of Dhaka"
        for a in (people, *heads, *walked, *objs):
            places = prep_objects(a, ("in", "at")) or (  # "through the streets of Dhaka", "through Dhaka"
                (prep_objects(a, ("of",)) or ([a] if a.pos_ == "PROPN" else [])) if a in walked else [])
            # each place of a list is a crowd of its own: "marched in Dhaka and Karachi"
            # (or the state a place noun is given by: "in the South African port of Durban", "in Kyrgyzstan's
            # Naryn region")
            got = [x for p in places for t in (p, *p.conjuncts) for x in self.actors_for(t) or (
                   [a for a in self.modifier_entity(t) if a.kind in ("country", "adjective")]
                   if t.lemma_.lower() in modality.words().crowd_place_nouns else [])
                   if x.kind in ("country", "capital", "place", "adjective") and x.codable]
            if got:
                return [dataclasses.replace(x, role="CVL", person=False, kind="adjective")
                        for x in {x.code: x for x in got}.values()]
        return []

    def nationals_crowd(self, v: Token, sources: list[Actor]) -> list[Actor]:
        """"Thousands of Serbs march", "Hundreds of Pakistanis rally": people named by a plural nationality noun
        who protest are their state's civilians (a state's own protest is a statement, 11x, not a crowd's 14x)."""
        subj = child(v, "nsubj")
        head = through_quantity(subj) if subj is not None else None
        if head is None or head.pos_ not in ("NOUN", "PROPN") or not head.lower_.endswith("s"):
            return sources
        return [dataclasses.replace(a, role="CVL") if a.role is None and a.kind == "adjective" and a.start == head.idx
                else a for a in sources]

    def located_in(self, v: Token, preps: frozenset[str]) -> list[Actor]:
        """The state where an agentless act happened ("were arrested in Kuwait", "were expelled from Russia"):
        coercion is the act of the state whose territory it is in."""
        # "were arrested in Kuwait"; one phrase lower, "were arrested at a checkpoint in Oss, Netherlands"
        # and under the term a sentence names: "sentenced to life imprisonment in the UAE"
        outer = [p for c in v.children if c.dep_ == "prep" and (c.lower_ in ("at", "during") or c.lower_ == "to"
                 and v.lemma_.lower() == "sentence") and (p := pobj_of(c)) is not None]
        for c in [*v.children, *(x for o in outer for x in o.children)]:
            if c.dep_ == "prep" and c.lower_ in preps:
                p = pobj_of(c) or entered(c)
                if p is None:
                    continue
                found = self.actors_for(p) or self.modifier_entity(p) or self._entity_in(p)
                return [Actor(a.code, "GOV", a.start, a.end, a.text, a.kind, a.codable, False, a.resolved_from)
                        for a in found if not a.person and a.role in (None, "GOV")]
        for o in outer:  # "was detained at London Heathrow Airport", "at a Moscow airport": the place's own city
            found = [a for a in self.modifier_entity(o) if a.kind in ("country", "capital", "place")]
            if found:
                return [Actor(a.code, "GOV", a.start, a.end, a.text, a.kind, a.codable, False, a.resolved_from)
                        for a in found if not a.person and a.role in (None, "GOV")]
        return []
