"""Where an act with no named doer happened, and whose people did it: an unnamed crowd protesting in a place is
that state's civilians; an agentless arrest or expulsion is the act of the state whose territory it is in."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from ..actors.matcher import Actor
from . import modality
from .circumstance import Circumstances
from .references import through_quantity
from .tree import (
    BORDER_NOUNS,
    CIRCUMSTANCE_PREPS,
    CROWD_PLACE_PREPS,
    child,
    entered,
    near_a_border,
    pobj_of,
    prep_objects,
)

# The phrases that name where force fell, and those force serves on its way up to a clause ("backed by").
FORCE_PLACE_PREPS = ("in", "inside", "near", "on", "across", "over")
FORCE_PATH_PREPS = frozenset({"by", "with", "from", "of", "in", "during", "amid", "under", "through", "via"})
# What force answers: its place is not the answer's ("in response to ...").
REACTION_NOUNS = frozenset({"response", "retaliation", "reaction", "reply", "reprisal", "revenge", "protest"})


# An agentless passive of coercion or expulsion is the act of the state where it happens: "three Indian
# nationals were arrested in Kuwait" (KWT -> IND 173), "Uzbek workers were expelled from Russia".
LOCATION_SOURCE_ROOTS = frozenset({"16", "17"})
# Verbs of calling an envoy home: done by the envoy's own state
RECALLING = frozenset({"recall", "withdraw"})
LOCATION_PREPS = frozenset({"in", "from", "inside"})
LEAVING_VERBS = frozenset({"leave", "depart", "quit", "exit"})
# Participles that say where people were held: "Americans held in Venezuela were freed".
# Participles that aim a show of force at a state: "a show of force aimed at Washington", "drills directed at"
AIM_VERBS = frozenset({"aim", "direct", "design", "intend"})
# The phrases of a fight's place that may name its two sides: "clashes along the Israel-Lebanon border"
BORDER_PREPS = ("along", "on", "at", "across", "near")


class Places(Circumstances):
    """Sources read from the place of an act; the nominal and clause readers subclass this."""

    def crowd_place(self, v: Token) -> list[Actor]:
        """Civilians of the state where an unnamed crowd protests: "demonstrators in Kinshasa attacked the
        embassies", "protesters rallied outside the Russian embassy in Vilnius" (the crowd's own state). The crowd
        may be named through a quantity ("hundreds of villagers in ..."), by a civilian or business role in the
        plural ("supermarkets in Kuwait"), or by the participle it heads ("residents rallying against ..."); its
        place by a settled place's owner ("in Kyrgyzstan's Naryn region")."""
        heads = [v]
        subj = child(v, "nsubj") or next((p for c in v.children if c.dep_ == "agent" for p in c.children
                                          if p.dep_ == "pobj"), None)  # "the embassy was stormed by protesters"
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
        objs = [o for h in heads if (o := child(h, "dobj") or child(h, "nsubjpass")) is not None]
        objs += [o for h in heads for o in prep_objects(h, ("to", "into"))]  # "set fire to the embassy in Damascus"
        walked = [p for h in heads for p in prep_objects(h, CROWD_PLACE_PREPS)  # "through the streets of Dhaka"
                  if p.lower_ != "front"]
        # "rallied in front of the U.S. embassy in Baghdad": the building fronted, as "outside" it
        objs += [o for h in heads for f in prep_objects(h, ("in",)) if f.lower_ == "front"
                 for o in prep_objects(f, ("of",))]
        for a in (people, *heads, *walked, *objs):
            places = [x for x in prep_objects(a, ("in", "at")) if x.lower_ != "front"] or (  # "through Dhaka"
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
        # "sparking protests in Iran, where demonstrators stormed the Saudi embassy": the place "where" stands for
        got = [x for h in heads if h.dep_ == "relcl" and any(c.lower_ == "where" for c in h.children)
               for x in self.actors_for(h.head) if x.kind in ("country", "capital", "place") and x.codable]
        return [dataclasses.replace(x, role="CVL", person=False, kind="adjective") for x in got[:1]]

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

    def force_place(self, n: Token, exclude: frozenset[str]) -> list[Actor]:
        """Where force named by a noun with an owner but no target fell (the annotators' rule: force used in a
        place is used against it): its own place ("a U.S. airstrike near the Syrian town of ..."), else the place
        of the clause it serves ("The Syrian Army, backed by Russian airstrikes, retakes a town in Latakia")."""
        def places(start: list[Token]) -> list[Actor]:
            level = start
            for _ in range(3):  # "retakes control of the town of Salma in Latakia": three phrases down
                for t in level:
                    # the place itself ("recaptured Ramadi"), or one named in its phrases ("near the Syrian town")
                    own = [x for x in self.actors_for(t, exclude) if x.kind in ("country", "capital", "place")] \
                        if t.pos_ in ("NOUN", "PROPN") and t is not n else []
                    # not a state whose border the place is only near ("near the Turkish border")
                    preps = tuple(p for p in FORCE_PLACE_PREPS if p != "near" or not near_a_border(t))
                    got = [x for x in own + self.prep_targets(t, preps, possessor=True, exclude=exclude)
                           if x.kind in ("country", "capital", "adjective", "place") and x.codable]
                    if got:  # "airstrikes by Syria and Russia": a co-agent is no place, and the search ends there
                        blocked.append(True)
                        return [x for x in got if x.code not in exclude]
                # never into a border's phrase: "a compound near the border with Afghanistan" is not in it
                # nor into a circumstance: "strikes kill 20 amid ceasefire talks in Egypt"
                level = [o for t in level for o in prep_objects(t) if o.lemma_.lower() not in BORDER_NOUNS
                         and o.head.lower_ not in CIRCUMSTANCE_PREPS]
            return []

        blocked: list[bool] = []
        got = places([n])
        v, steps = n.head, 0
        # Up through the phrases the force serves ("backed by", "with assistance from"), never out of what it
        # answers ("in response to the Syrian government's attack ...": the place of the answer is not its).
        while not got and not blocked and steps < 6 and v.lemma_.lower() not in REACTION_NOUNS and not (
                v.dep_ == "prep" and v.lower_ not in FORCE_PATH_PREPS):
            if v.pos_ in ("VERB", "AUX"):
                objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
                got = places([v, *objs])
            if v.head.i == v.i:  # the root: spaCy makes a new Token per access, so compare positions
                break
            v, steps = v.head, steps + 1
        return got

    def border_sides(self, anchors: list[Token]) -> list[Actor]:
        """The two states a dashed border a fight is on divides ("clashes along the Israel-Lebanon border", on the
        noun or the verb it erupts with); none when a with-phrase or an armed group names the foe ("clashes with
        militants along the Afghan-Pakistani border": the border only places the fight)."""
        if any(c.dep_ == "prep" and c.lower_ == "with" for a in anchors for c in a.children) or any(
                self.actors.role_of(t) == "OPP" for t in anchors[0].sent):
            return []
        for a in anchors:
            for p in prep_objects(a, BORDER_PREPS):
                if p.lemma_.lower() not in BORDER_NOUNS:
                    continue
                sides: dict[str, Actor] = {}
                for c in p.lefts:
                    if c.dep_ in ("amod", "compound", "nmod") and (x := self.actors.entity_at(c)) is not None:
                        for y in (*self.actors.hyphen_pair(c), x):
                            if y.codable:
                                sides.setdefault(y.code, y)
                if len(sides) == 2:
                    return list(sides.values())
        return []

    def agentless_source(self, v: Token, theme: Token | None, code: str) -> list[Actor]:
        """Who did an act told in the passive with no agent: the state a coercion or an expulsion happens in, or
        that people are ordered to leave (16-17: "were arrested in Kuwait", "were ordered to leave Moldova"); the
        state that held people freed (084: "six Americans held in Venezuela were freed"; "sailors captured by
        Russia in the Kerch Strait were released": the captor, before the place); the state an envoy is sent to or
        summoned in (114: "Russia's ambassador to Kazakhstan was summoned", "was summoned to the foreign ministry
        in Astana")."""
        if code.startswith("161") and v.lemma_.lower() in RECALLING and theme is not None:
            # "Kyrgyzstan's ambassador to Russia is recalled": an envoy is recalled by the state it serves
            return [a for a in self.possessor(theme) or self.modifier_entity(theme) if a.codable]
        if code[:2] == "07" and theme is not None:
            # "humanitarian aid from Kazakhstan is delivered to Gaza": the giver the aid comes from
            return [a for p in prep_objects(theme, ("from",)) for a in self.actors_for(p) if a.codable]
        if code[:2] in LOCATION_SOURCE_ROOTS:
            return self.located_in(v, LOCATION_PREPS) or [
                a for x in v.children if x.dep_ == "xcomp" and x.lemma_.lower() in LEAVING_VERBS
                for o in x.children if o.dep_ == "dobj" for a in self.actors_for(o) if a.codable]
        if code.startswith("084") and theme is not None:
            return self.holder(theme, frozenset())[:1]
        if code.startswith("114") and theme is not None:
            # ("the Russian ambassador in Astana was handed a note of protest": where the envoy serves)
            return [a for p in prep_objects(theme, ("to", "in")) for a in self.actors_for(p) if a.codable] or [
                a for p in prep_objects(v, ("to",))
                for a in (self.prep_targets(p, ("in",), possessor=False) or self.actors_for(p)) if a.codable]
        return []
