"""Whom a phrase names: the actors of a noun phrase and its conjuncts, its possessor and its national
modifiers, read over one parsed article (the base of the argument readers in arguments.py)."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from ..actors.context import DocContext
from ..actors.matcher import Actor, DocActors
from . import modality, patterns
from .tree import pobj_of, prep_objects

# Nouns for the other party of a visit: "his guest" is not his (References.guest_of).
GUEST_NOUNS = frozenset({"guest", "visitor"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
QUANTITY_HEADS = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions",
                            # parts of a group: "the first of seventy British personnel", "the rest of the troops"
                            "first", "rest", "remainder", "bulk", "majority", "half",
                            "group", "groups", "some", "many", "most", "several", "members", "member", "scores",
                            # measures of goods: "tonnes of medical supplies donated by China"
                            "tonne", "tonnes", "ton", "tons", "batch", "batches", "consignment", "consignments",
                            "truckload", "truckloads", "planeload", "planeloads", "crate", "crates", "box", "boxes",
                            "container", "containers", "bag", "bags", "sack", "sacks", "pallet", "pallets",
                            "coffin", "coffins", "barrel", "barrels",
                            # bodies of people: "a commando of Colombian ex-soldiers", "a unit of Russian troops"
                            "commando", "commandos", "unit", "units", "squad", "squads", "team", "teams", "band",
                            "gang", "contingent", "contingents", "detachment", "battalion", "battalions",
                            "brigade", "platoon", "convoy", "column", "delegation", "crowd", "mob", "party"})


PERSON_NOUNS = frozenset({"president", "minister", "premier", "chancellor", "leader", "spokesman", "spokeswoman",
                          "spokesperson", "ambassador", "envoy", "king", "queen", "emir", "ruler", "commissioner"})


def same_group(a: Actor, b: Actor) -> bool:
    """Two members a regional group named together stand for (one mention, "EU and Central Asian leaders")."""
    return a.start == b.start and bool(a.resolved_from) and str(a.resolved_from).startswith("group ")


def through_quantity(t: Token) -> Token:
    """The counted noun of a quantity head ("hundreds of Syrian refugees" -> refugees), else ``t``: whose
    people they are is said on the counted noun."""
    # and a number of a group: "14 of the 15 Security Council members", "three of the detained sailors"
    if t.lemma_.lower() in QUANTITY_HEADS or t.lower_ in QUANTITY_HEADS or t.tag_ == "CD":
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
    return t


class References:
    """Actors of phrases, the base of the argument readers."""

    actors: DocActors
    ctx: DocContext
    pats: patterns.Patterns
    resolved: dict[tuple[int, int, str], Actor]
    earlier: list[tuple[str, Actor]]  # the coder's: (code, source) of the acts of earlier sentences
    untargeted: list[tuple[int, str, Actor]]  # the coder's: (word, code, source) of this sentence's untargeted acts
    current: list[tuple[int, str, Actor, Actor]]  # the coder's: (word, code, source, target) of this sentence's acts
    past_doer = False  # a pronoun the context gave an excluded code is read again past it (see Nominals)

    def actors_for(self, tok: Token | None, exclude: frozenset[str] = frozenset()) -> list[Actor]:
        """Actors of a noun phrase and its conjuncts ("France and Germany", "Russian and Belarusian troops")."""
        if tok is None:
            return []
        out: list[Actor] = []
        # "US President Barack Obama and Russian President Vladimir Putin": the parser hangs the second name as a
        # conjunct of the first one's apposition
        in_appos = [x for c in tok.children if c.dep_ == "appos" for x in c.conjuncts if x.i > c.i]
        for t in (tok, *tok.conjuncts, *self._listed(tok), *in_appos):
            out.extend(self._one(t, exclude))
            # Conjoined modifiers: "Russian and Ukrainian delegations", "presidents of A, B and C".
            for mod in self._modifier_tokens(t):
                head = self.actors.entity_at(mod)
                if head is None or not any(x.code == head.code for x in out):
                    continue  # only the list of a modifier read as the phrase's actor: not "demands of A, B and C"
                for c in (*mod.conjuncts, *self._listed(mod)):  # ("of A, B, C and D": B read as A's apposition)
                    a = self.actors.entity_at(c)
                    if a is not None:
                        base = out[-1] if out else None
                        out.append(Actor(a.code, base.role if base else a.role, a.start, a.end, a.text, a.kind,
                                         a.codable, base.person if base else False))
        if not out and tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in modality.words().list_heads:
            # "Several countries, including France and Germany, condemn ...", "Western states such as Britain":
            # a plural of states acts through the members it lists
            for c in tok.children:
                if c.dep_ == "prep" and (c.lower_ in ("including", "like") or (
                        c.lower_ == "as" and any(x.lower_ == "such" for x in c.lefts))):
                    out.extend(self.actors_for(pobj_of(c), exclude))
        seen: set[str] = set()
        uniq = []
        for a in (m for x in out for m in self.expand(x)):
            if a.code not in seen:
                seen.add(a.code)
                uniq.append(a)
        return uniq

    def _listed(self, tok: Token) -> list[Token]:
        """States the parser reads as an apposition of a list's first state: in "Saudi Arabia, the United Arab
        Emirates, Bahrain and Egypt" the Emirates (and their conjuncts) hang on Arabia as "appos"."""
        first = self.actors.entity_at(tok)
        # states, or people named by nationality ("killed a Hungarian, an Irishman and a Romanian")
        kinds = ("country",) if first is None or first.kind == "country" else ("adjective",)
        if first is None or first.kind not in ("country", "adjective") or tok.pos_ not in ("NOUN", "PROPN"):
            return []
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ != "appos":
                continue
            a = self.actors.entity_at(c)
            if a is not None and a.kind in kinds and a.code != first.code:
                out += [c, *(x for x in c.conjuncts if x not in tok.conjuncts)]
        return out

    def expand(self, a: Actor) -> list[Actor]:
        """A regional group as its members ("the Baltic states" -> EST, LVA, LTU), each recording the group."""
        members = self.actors.lex.regions.get(a.code)
        if not members:
            return [a]
        name = self.actors.lex.region_names[a.code]
        # (a pair of sides named as one, "the two Koreas", acts as two: each toward the other)
        how = "pair" if a.code in self.actors.lex.sides else "group"
        return [Actor(m, a.role, a.start, a.end, a.text, "country", True, a.person, f"{how} {name}") for m in members]

    def _modifier_tokens(self, t: Token) -> list[Token]:
        mods = [c for c in t.lefts if c.dep_ in ("amod", "compound", "nmod") and self.actors.entity_at(c)]
        for prep in t.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                mods.extend(p for p in prep.children if p.dep_ == "pobj" and self.actors.entity_at(p))
        return mods

    def _one(self, t: Token, exclude: frozenset[str] = frozenset()) -> list[Actor]:
        if t.lower_ in RELATIVE_PRONOUNS:
            # "Putin, who ...", "Vietnam, whose largest trading partner is China": the noun the clause hangs on.
            h = t.head
            for _ in range(3):
                if h.dep_ == "relcl":
                    return self.actors_for(h.head, exclude)  # "Kyrgyzstan and Tajikistan, whose forces ..."
                if h.head.i == h.i:
                    break
                h = h.head
        a = self.actors.actor_of(t)
        if a is not None:
            if a.kind == "adjective" and t.pos_ == "ADJ" and not (
                    t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj") and any(c.dep_ == "det" for c in t.children)):
                return []  # (but "deported a German and a Dane": the tagger's adjective heads a noun phrase)
            if a.kind == "seat" and (poss := next((c for c in t.children if c.dep_ == "poss"), None)) is not None:
                # "Peru's Congress", "Mexico's Senate": the body of the state that owns it, not the one whose
                # body the bare name means
                owner = [o for o in self._one(poss, exclude) if not o.person and o.code != a.code]
                if owner:
                    return [dataclasses.replace(o, role=a.role or "GOV", start=min(o.start, a.start), end=a.end,
                                                text=t.doc[t.left_edge.i:t.i + 1].text) for o in owner]
            return [a]
        counted = through_quantity(t)  # "Hundreds of supporters of Iraqi cleric ..."
        if counted is not t:
            return self._one(counted, exclude)
        office = self._office_of(t, exclude)
        if office:
            return office
        role = self.actors.role_of(t)
        poss = next((c for c in t.children if c.dep_ == "poss"), None)
        if role is not None and poss is not None:
            # "his government", "its troops", "whose carmakers", "the country's president": the
            # possessor, resolved from context if need be, with the noun's role.
            is_person = t.lemma_.lower() in PERSON_NOUNS
            got = [Actor(r.code, role, r.start, r.end, r.text, r.kind, r.codable, is_person, r.resolved_from)
                   for r in self._one(poss, exclude)]
            for r in got:
                self.ctx.note(t, r)  # "the country's president ... he": the person is an antecedent too
            return got
        found = self.ctx.resolve(t, exclude, subject_first=self.past_doer)
        for r in found:
            self.resolved[(r.start, r.end, r.code)] = r
            self.ctx.note(t, r)  # a resolved phrase is itself an antecedent for what follows
        return found

    def _office_of(self, t: Token, exclude: frozenset[str]) -> list[Actor]:
        """A name the lexicon does not know, with its office in apposition: "José Sócrates, the Prime Minister of
        Portugal, asks ...", "Kang Chol, North Korea's ambassador" (the office's state, as that person)."""
        if t.pos_ != "PROPN" and not (t.pos_ == "NOUN" and any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                                               for c in t.lefts)):
            return []  # (the last part of a hyphenated name may be tagged a noun: "Jang Song-thaek")
        for c in t.children:
            if c.dep_ == "appos" and c.lemma_.lower() in modality.words().entourage_nouns:
                # "Jang Song-thaek, the uncle of North Korean leader Kim Jong-un", "an aide to Putin": a leader's
                # kin or aide acts for the leader's government
                near = self.possessor(c, exclude) or [a for p in prep_objects(c, ("of", "to"))
                                                      for a in self.actors_for(p, exclude)]
                got = [dataclasses.replace(a, role="GOV", person=True) for a in near
                       if (a.person or a.role == "GOV") and a.code not in exclude]
                if got:
                    return got
            if c.dep_ != "appos" or c.pos_ not in ("NOUN", "PROPN") or (role := self.actors.role_of(c)) is None:
                continue
            states = self._one(c, exclude) or self.possessor(c, exclude) or [
                a for p in prep_objects(c, ("of",)) for a in self.actors_for(p, exclude)] or self.modifier_entity(c)
            got = [dataclasses.replace(a, role=a.role or role, person=True) for a in states if a.code not in exclude]
            if got:
                return got
        return []

    def possessor(self, tok: Token, exclude: frozenset[str] = frozenset()) -> list[Actor]:
        for c in tok.children:
            if c.dep_ == "poss":
                if tok.lemma_.lower() in GUEST_NOUNS:
                    return self.guest_of(c, exclude)
                return self.actors_for(c, exclude)
        return []

    def guest_of(self, poss: Token, exclude: frozenset[str]) -> list[Actor]:
        """"Japarov thanked his guest": not the possessor but who last visited or met the possessor's side (the
        source of the latest 04x act told before, of another state)."""
        own = {a.code for a in self.actors_for(poss)}
        acts = [*self.earlier, *((code, src) for _i, code, src, _t in self.current)]
        noun = poss.head
        for code, src in reversed(acts):
            if code[:2] == "04" and src.code not in own and src.code not in exclude and src.codable:
                # cited as the words that name the guest, resolved from the visitor's own mention
                return [dataclasses.replace(src, start=poss.idx, end=noun.idx + len(noun.text),
                                            text=noun.doc[poss.i:noun.i + 1].text,
                                            resolved_from=src.resolved_from or f"{src.text} (the visitor)")]
        return []

    def modifier_entity(self, tok: Token, exclude: frozenset[str] = frozenset()) -> list[Actor]:
        """A country named among a noun's modifiers ("two Chinese engineers", "Venezuela's oil sector"); past
        the subject's own ("hosts its first OSCE summit": the OSCE's)."""
        for c in tok.lefts:
            if c.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod"):
                a = self.actors.entity_at(c)
                if a is not None and a.code in exclude:
                    continue
                if a is not None:
                    # "a British-Iranian aid worker": both states of a dual national, as "French and German"
                    return [*self.actors.hyphen_pair(c), a] + [
                        x for cc in c.conjuncts if (x := self.actors.entity_at(cc)) is not None]
                if c.dep_ == "poss":
                    r = self.actors_for(c, exclude if self.past_doer else frozenset())
                    if r and not all(x.code in exclude for x in r):
                        return r
                    if r:
                        continue
                # "the British-flagged tanker Stena Impero": anywhere inside the modifier
                for cc in c.subtree:
                    a = self.actors.entity_at(cc)
                    if a is not None and cc is not c:
                        return [a]
        # a bloc named by its adjective before the noun ("sought Western help", "European sanctions")
        bloc = self.actors.actor_of(tok)
        return [bloc] if bloc is not None and bloc.kind in ("bloc", "igo") and bloc.start < tok.idx and \
            bloc.code not in exclude else []
