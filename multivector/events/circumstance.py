"""The circumstances an act is aimed through: the other side of a tension it comes amid, the partner of a pair
named with a dash, the sides of a conflict it is done in, the agent of a participle of doing, the actors inside a
clause. Target-slot finders of the coder (a mixin)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from ..actors.context import PERSON_PRONOUNS
from ..actors.matcher import Actor
from . import modality, patterns
from .arguments import Arguments
from .references import PERSON_NOUNS, through_quantity
from .tree import child, prep_objects

# Object classes a pattern's objects may name instead of a noun: a named city, town or region ("captured Bakhmut"),
# a name with its nationality before it ("freed Canadian Michael Kovrig"), an international organisation ("allowed
# the U.N. to open an office"), a people named by their nationality ("expelled 27,000 Haitians").
PLACE_OBJECT, NAME_OBJECT, IGO_OBJECT, PEOPLE_OBJECT = "@place", "@name", "@igo", "@people"
OBJECT_CLASSES = (PLACE_OBJECT, NAME_OBJECT, IGO_OBJECT, PEOPLE_OBJECT)


class Circumstances(Arguments):
    """Targets found in the circumstances of an act (the `tension`, `pair_partner`, `conflict_parties` slots)."""

    def object_classes(self, theme: Token | None, cands: Sequence[patterns.VerbPattern]) -> list[str]:
        """The object classes ``theme`` belongs to, of those some pattern of ``cands`` names (for a pronoun,
        the noun it stands for)."""
        if theme is None:
            return []
        noun = self._person_noun(theme) or self.ctx.thing_noun(theme)
        if noun is not None:  # "after he was summoned": what "he" is ("its ambassador") refines the verb
            return [noun.lemma_.lower()]  # (and "before it was shot down": the drone)
        wanted = {k for k in OBJECT_CLASSES if any(k in p.objects for p in cands)}  # (dict lookups: a hot path)
        if not wanted:
            return []
        a = self.actors.entity_at(theme)
        out = []
        if PLACE_OBJECT in wanted and a is not None and a.kind in ("place", "capital"):
            out.append(PLACE_OBJECT)
        if NAME_OBJECT in wanted and theme.pos_ == "PROPN" and any(
                c.dep_ in ("amod", "compound") and (x := self.actors.entity_at(c)) is not None and x.kind == "adjective"
                for c in theme.lefts):
            out.append(NAME_OBJECT)
        if IGO_OBJECT in wanted and a is not None and a.kind == "igo":
            out.append(IGO_OBJECT)
        people = through_quantity(theme)  # "hundreds of Ukrainians"
        a = self.actors.entity_at(people) if people is not theme else a
        if a is None and PEOPLE_OBJECT in wanted:
            # "executes seven foreigners, including two Australians": the people named in the list
            people = next((through_quantity(x) for c in people.children if c.dep_ == "prep" and c.lower_ == "including"
                           for x in c.children if x.dep_ == "pobj"), people)
            a = self.actors.entity_at(people)
        if PEOPLE_OBJECT in wanted and a is not None and a.kind == "adjective" and (
                people.tag_ in ("NNS", "NNPS") or (people.tag_ == "NNP" and people.lower_.endswith("s"))):
            out.append(PEOPLE_OBJECT)
        return out

    def _person_noun(self, pron: Token) -> Token | None:
        """The nearer of a "he"'s antecedent person and an earlier office noun of its sentence ("recalled its
        ambassador after he was summoned": an unnamed envoy is no actor the context knows)."""
        if pron.lower_ not in PERSON_PRONOUNS:
            return None
        own = next((t for t in reversed(pron.doc[pron.sent.start:pron.i])
                    if t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS), None)
        cands = [t for t in (self.ctx.person_noun(pron), own) if t is not None]
        return max(cands, key=lambda t: t.i) if cands else None

    def agent_of_doing(self, n: Token) -> list[Actor]:
        """Who did the act a noun names, by a participle of doing: "an airstrike launched by NATO", "the attack
        carried out by Houthi rebels", "a raid ordered by Washington" (modality.yaml completion_verbs,
        deverbal_governors, authorship_verbs)."""
        w = modality.words()
        return self.participle_agents(n, w.completion_verbs | w.deverbal_governors | w.authorship_verbs)

    def _entities_in(self, tok: Token) -> list[Actor]:
        """Named actors anywhere inside a clause, in order."""
        out: list[Actor] = []
        for t in tok.subtree:
            a = self.actors.entity_at(t)
            if a is not None and (not out or out[-1].start != a.start):
                out.append(a)
        return out

    def tension_with(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """The other side of the tension an act comes amid: "amid tensions with Armenia", "during a standoff
        between India and China" (the side that is not the source)."""
        W = modality.words()
        # ... or the subject of a clause the act comes in: "as tensions with Israel rose"
        rising = [s for c in v.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("as", "while")
                                                                        for m in c.children)
                  for s in c.children if s.dep_ == "nsubj"]
        for p in [*prep_objects(v, tuple(W.tension_preps)), *rising]:
            n = through_quantity(p)
            if n.lemma_.lower() not in W.tension_nouns:
                continue
            got = [a for q in prep_objects(n, ("with", "between")) for a in self.actors_for(q, exclude)] or [
                a for a in self.modifier_entity(n) if a.code not in exclude]
            if got:
                return [a for a in got if a.code not in exclude]
        return []

    def vicinity_of(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """The state a stretch of sea, air or land the act is in is named by: "drills in six zones encircling
        Taiwan", "missiles into waters surrounding Japan", "patrols in the area around the islands"."""
        W = modality.words()
        where = [*prep_objects(v, ("in", "into", "within")),
                 *(p for o in v.children if o.dep_ == "dobj" for p in prep_objects(o, ("in", "into", "within")))]
        for p in where:
            n = through_quantity(p)
            if n.lemma_.lower() not in W.vicinity_nouns:
                continue
            ends = [*prep_objects(n, ("around", "off", "near")), *(
                o for c in n.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in W.vicinity_verbs
                for o in c.children if o.dep_ == "dobj")]
            got = [a for e in ends for a in self.phrase_actors(e, possessor=True) if a.code not in exclude]
            if got:
                return got
        return []

    def pair_partner(self, theme: Token, exclude: frozenset[str]) -> list[Actor]:
        """The state paired by a dash with one of ``exclude`` inside a phrase ("an Armenia–Russia joint system",
        "the U.S.-Japan alliance"): the other member of the pair."""
        doc = theme.doc
        for t in theme.subtree:
            if t.text in ("-", "–", "—") and 0 < t.i < len(doc) - 1:
                j = t.i + 1
                while j < len(doc) - 1 and doc[j].pos_ == "PROPN":
                    j += 1  # the noun after the pair's second name
                if doc[j].lemma_.lower() in modality.words().boundary_nouns:
                    continue  # "to patrol the Mexico–United States border": a place, not a partnership
                a, b = self.actors.entity_at(doc[t.i - 1]), self.actors.entity_at(doc[t.i + 1])
                if a is not None and b is not None and a.code != b.code:
                    if a.code in exclude and b.code not in exclude and b.codable:
                        return [b]
                    if b.code in exclude and a.code not in exclude and a.codable:
                        return [a]
        return []

    def conflict_parties(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """The sides of a conflict an act is done in or about: "mediate in the conflict between Israel and Hamas",
        "intervene in the war in Sudan", "help end Sudan's civil war"."""
        W = modality.words()
        nouns = [p for p in prep_objects(v, ("in", "over", "on", "to")) if p.lemma_.lower() in W.conflict_nouns]
        nouns += [d for d in v.children if d.dep_ == "dobj" and d.lemma_.lower() in W.conflict_nouns]
        # (and a truce made in one: "brokered a truce in Sudan" mediates in Sudan's war, the place on the verb)
        truces = [d for d in v.children if d.dep_ == "dobj" and d.lemma_.lower() in W.truce_nouns]
        for n in nouns + truces:
            places = [*prep_objects(n, ("between", "with", "in")), *(prep_objects(v, ("in",)) if n in truces else [])]
            got = [a for q in places for a in self.actors_for(q, exclude)] or self.modifier_entity(n, exclude)
            got = [a for a in got if a.code not in exclude and a.codable]
            if got:
                return got
        return []

    def protest_signs(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """What a crowd protests against, told by what it chants or carries in a participle of its own clause
        ("marched through Belgrade ..., chanting anti-NATO slogans", "chanting slogans against Israel"), or by a
        flag it burns ("rallied in Karachi, burning American flags"; never one waved)."""
        W = modality.words()
        for c in v.subtree:
            if c.tag_ != "VBG" or c.dep_ not in ("advcl", "xcomp", "conj", "acl") or child(c, "nsubj") is not None:
                continue
            for obj in (o for o in c.children if o.dep_ == "dobj" and o.lemma_.lower() in W.sign_nouns):
                # (a flag waved or carried is the crowd's cause, not its foe: only one burnt is)
                got = self.opposed_to(obj) or self.prep_targets(obj, ("against",), possessor=False, exclude=exclude) \
                    or (self.modifier_entity(obj, exclude) if obj.lemma_.lower() in W.burnt_signs
                        and c.lemma_.lower() in W.burning_verbs else [])
                got = [a for a in got if a.code not in exclude and a.codable]
                if got:
                    return got
        return []

    def projectile_end(self, theme: Token | None, exclude: frozenset[str]) -> list[Actor]:
        """Where a fired projectile went, told by a clause on it: "fire a ballistic missile that is intercepted near
        Riyadh", "launched rockets that landed in Israel", "fired a missile which hit a Ukrainian warship"."""
        if theme is None:
            return []
        W = modality.words()
        for c in (x for t in (theme, *theme.conjuncts) for x in t.children):
            if c.dep_ not in ("relcl", "acl") or c.lemma_.lower() not in W.landing_verbs:
                continue
            got = [a for a in self.actors_for(child(c, "dobj"), exclude) if a.codable] or [
                a for a in self.prep_targets(c, ("in", "inside", "into", "on", "onto", "near", "over", "at", "across"),
                                             possessor=True, exclude=exclude) if a.codable]
            if got:
                return got
        return []
