"""The pairs and groups an article's references mean ("the two leaders", "both sides", "they" after two
met): the article's protagonists and the actors joined to a mention. A mixin of actors/context.py's DocContext,
with the mention record both share."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .matcher import Actor, DocActors

# Verbs of meeting whose subject and partner "they" can take up together: "Obama speaks by phone with Rutte and
# they agree ...", "Xi meets Putin. They sign ...".
MEETING_VERBS = frozenset({"meet", "speak", "talk", "phone", "call", "confer", "host", "receive", "visit", "hold",
                           "welcome", "sit"})
# Verbs whose in-phrase is a visit's destination, not a venue: "arrived in Beijing", "landed in Astana".
ARRIVAL_VERBS = frozenset({"arrive", "land", "touch"})


@dataclass(frozen=True, slots=True)
class Seen:
    sentence: float  # order of the sentence in the parsed doc (x.5 for an unparsed one in between)
    token: float
    actor: Actor
    subject: bool
    label: int = -1  # the article's own sentence index, for "from Kazakhstan (sentence 3)"


# An antecedent from a sentence that was not parsed: (sentence order, token order, article sentence, actor).
Extra = tuple[float, float, int, Actor]


class Pairs:
    """Reading pairs and groups against the mentions so far (DocContext holds them and the helpers below)."""

    actors: DocActors
    seen: list[Seen]
    sent_of: dict[int, int]
    exclude: frozenset[str]

    def _before(self, token: Token, *, every: bool = False) -> list[Seen]:
        raise NotImplementedError

    def _note(self, a: Actor, s: Seen, token: Token, words: str) -> Actor:
        raise NotImplementedError

    def _met_with(self, subj: Seen, cands: list[Seen]) -> list[Seen]:
        """The partner a subject met or spoke with, as states (the object of "meets", the with-phrase of "speaks"):
        with the subject, what a later "they" refers to."""
        if subj.token != int(subj.token):
            return []
        doc = self.actors.doc
        verb = doc[int(subj.token)].head
        if verb.lemma_.lower() not in MEETING_VERBS:
            return []
        partners = {t.i for c in verb.children for t in ([c] if c.dep_ == "dobj" else [
            x for x in c.children if x.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "with" else [])}
        spans = {i for p in partners for i in range(doc[p].left_edge.i, doc[p].i + 1)}
        return [x if not x.actor.person else replace(x, actor=replace(x.actor, person=False, kind="country"))
                for x in cands if x.sentence == subj.sentence and x.token in spans]

    def _conjoined(self, s: Seen, cands: list[Seen], token: Token) -> list[Actor]:
        """The plural antecedent with the phrases conjoined to it: "arrested three Americans and two Spaniards,
        accusing them of plotting" accuses both groups."""
        mates: set[float] = {s.token}
        if s.sentence == self.sent_of[token.i] and s.token == int(s.token):
            head = token.doc[int(s.token)]
            mates |= {float(c.i) for c in head.conjuncts}
        out: dict[str, Actor] = {}
        for x in cands:
            if x.token in mates and x.sentence == s.sentence and x.actor.code not in out and (
                    x is s or x.actor.role == s.actor.role):
                out[x.actor.code] = self._note(x.actor, x, token, token.text)
        return list(reversed(out.values()))

    def _pair(self, token: Token, *, person: bool, words: str, size: int = 2) -> list[Actor]:
        # "the two countries" includes the clause's own subject: the caller drops it from targets.
        saved, self.exclude = self.exclude, frozenset()
        try:
            return self._pair_of(token, person=person, words=words, size=size)
        finally:
            self.exclude = saved

    def _own_subject(self, token: Token) -> set[str]:
        """Codes named by the subject of the verb ``token`` is an object of, in its own sentence."""
        v = _argument_of(token)
        if v is None:
            return set()
        while v.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in v.children):
            v = v.head  # "telephoned both leaders and urged the two neighbours to talk": the shared subject
        span = {t.i for c in v.children if c.dep_ == "nsubj" for t in c.subtree}
        si = self.sent_of[token.i]
        return {s.actor.code for s in self.seen if s.sentence == si and s.token in span}

    def _pair_of(self, token: Token, *, person: bool, words: str, size: int = 2) -> list[Actor]:
        """The article's two (or ``size``) protagonists so far: the codes mentioned most (people and states
        alike; recency breaks ties), not whoever stands nearest (an observer, a host). A larger group is
        resolved only when at least that many were named."""
        # a place is where things happen, never a protagonist ("talks on the island of St Vincent")
        # nor a city named as the venue ("meet in Astana": Kazakhstan does not meet)
        doc = token.doc
        cands = [s for s in self._before(token) if s.actor.kind not in ("igo", "bloc", "group", "place")
                 and not (s.actor.kind in ("capital", "country") and _venue(doc, s))]  # (and a city-state)
        counts: dict[str, int] = {}
        for s in cands:
            counts[s.actor.code] = counts.get(s.actor.code, 0) + 1
        first_seen = {c: next(i for i, s in enumerate(cands) if s.actor.code == c) for c in counts}
        # "the two leaders": states named by a person first ("Bush and Howard discuss Iraq strategy")
        has_person = {s.actor.code for s in cands if s.actor.person} if person else set()
        order = sorted(counts, key=lambda c: (c not in has_person, -counts[c], first_seen[c]))
        # one who speaks to or acts on "both leaders", "the two neighbours" is not one of them ("Putin phoned
        # both leaders", "Kazakhstan urged the two neighbours to talk")
        speaker = set() if token.lower_ in ("other", "another", "one") or any(
            c.lower_ == "each" for c in token.lefts) else self._own_subject(token)  # ("each accused the other")
        if len([c for c in order if c not in speaker]) >= size:
            order = [c for c in order if c not in speaker]
        if size > 2 and len(order) < size:
            return []
        out = []
        for code in order[:size]:
            mine = [s for s in cands if s.actor.code == code]
            pick = next((s for s in mine if s.actor.person == person), mine[0])
            out.append(self._note(pick.actor, pick, token, words))
        return out


def _argument_of(token: Token) -> Token | None:
    """The verb ``token`` is an object of, directly or through a preposition ("spoke to both leaders")."""
    if token.dep_ in ("dobj", "dative"):
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX"):
        return token.head.head
    return None


def _venue(doc: Doc, s: Seen) -> bool:
    """A mention that is where something happens ("in Astana"), in a parsed sentence of ``doc``."""
    if s.sentence != int(s.sentence) or s.token != int(s.token) or not 0 <= int(s.token) < len(doc):
        return False
    t = doc[int(s.token)]
    # (not where a visitor arrives: "arrived in Beijing for a state visit" names the host, a party to what follows)
    return t.dep_ == "pobj" and t.head.lower_ in ("in", "at") and t.head.head.lemma_.lower() not in ARRIVAL_VERBS
