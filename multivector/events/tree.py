"""Parse-tree helpers under the argument readers: phrases, prepositions, passives, nearness, misparses.

Plain functions of spaCy tokens (no actors): arguments.py reads who and whom on top of them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from . import modality

# Phrases of circumstance, time or cause: a place named inside one is not where an act fell.
CIRCUMSTANCE_PREPS = frozenset({"amid", "despite", "since", "until", "because", "ahead", "like", "unlike", "besides"})
# "its border with Ukraine": the actor across the border.
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# The heads of the complex prepositions that mean "despite": "in the face of", "in spite of".
DESPITE_HEADS = frozenset({"face", "spite"})
# Nouns of a third party's brokering an act happens with or under ("with mediation by Ecuador", "under the
# auspices of the UN"): how the act happened, neither its partner nor what was discussed.
MEDIATION_NOUNS = frozenset({"mediation", "facilitation", "auspices"})
# Participles of holding people: who holds them frees them ("six Americans held in Venezuela were freed", "its
# nationals held in the United States")
HOLDING_VERBS = frozenset({"hold", "jail", "detain", "imprison", "keep", "capture", "kidnap", "abduct", "arrest",
                           "incarcerate", "intern"})
# Roles of a third party named in "with X as ...": a guarantor or host stands beside the parties, not among them
THIRD_PARTY_ROLES = frozenset({"guarantor", "mediator", "observer", "witness", "host", "facilitator", "broker",
                               "intermediary", "go-between", "chair", "sponsor"})

# Where a crowd stands, which names its state ("outside the Russian embassy in Vilnius"); never what it is
# against ("against Israel's strikes in Lebanon").
CROWD_PLACE_PREPS = frozenset({"outside", "near", "at", "in", "before", "through", "across"})
# Words that make "to" a preposition of nearness: "close to", "next to".
ADJACENCY = frozenset({"close", "closer", "next"})
CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp"})


def name_head(doc: Doc, start: int, end: int) -> Token | None:
    """The head word of the name at characters ``start``-``end`` ("Sudan" in "South Sudan"), if it is in ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def phrase_tokens(tok: Token) -> list[Token]:
    """The words of a phrase without the clauses that hang on it, in order."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS
                     or (c.dep_ == "acl" and c.lower_ in modality.words().origin_participles))
    return sorted(out, key=lambda t: t.i)


# Complex prepositions whose inner "to" names a source or a cause, never where an act goes ("masses troops
# near the border, according to NATO"; "cancelled the visit due to Iran's objections").
NO_DESTINATION = frozenset({"according", "due", "owing", "thanks", "contrary", "pursuant"})


def flat_preps(v: Token) -> list[Token]:
    """A verb's prepositions, looking through a complex one ("pulled out of talks", "away from"): the inner
    preposition counts as the verb's own."""
    out = []
    for c in v.children:
        if c.dep_ in ("prep", "dative", "agent"):
            out.append(c)
            if not any(x.dep_ == "pobj" for x in c.children) and c.lower_ not in NO_DESTINATION:
                out.extend(x for x in c.children if x.dep_ == "prep")
        elif c.dep_ in ("advmod", "amod") and c.lower_ in ADJACENCY:  # "held drills close to the border"
            out.extend(x for x in c.children if x.dep_ == "prep" and x.lower_ == "to")
    return out


def near_a_border(t: Token) -> bool:
    """``t`` has a nearness phrase whose object is a border ("near the Libyan border", "along the frontier"):
    what that border's state names is beyond, not where the act was."""
    return any(prep_name(c) in NEARNESS and any(p.lemma_.lower() in BORDER_NOUNS for p in c.children
                                                  if p.dep_ == "pobj")
               for c in t.children if c.dep_ == "prep")


# Prepositions of nearness ("close to" is one, see prep_name), which the parser may hang under a destination
# ("moved troops to areas near the border").
NEARNESS = frozenset({"near", "along", "close to", "around", "off"})


# Adverbs that make a with-phrase name a partner in the act ("together with", "along with").
CO_AGENT = frozenset({"together", "along", "jointly"})


# Verbs of entering: "were barred from entering the United States" is done by the state entered.
ENTRY_VERBS = frozenset({"enter", "visit", "cross", "travel", "fly", "return", "reach", "land"})


def entered(prep: Token) -> Token | None:
    """The state a from-phrase keeps people out of: "from entering the United States", "from travelling to
    Russia"."""
    for pc in (x for x in prep.children if x.dep_ == "pcomp" and x.lemma_.lower() in ENTRY_VERBS):
        obj = child(pc, "dobj") or next((p for p in prep_objects(pc, ("to", "into"))), None)
        if obj is not None:
            return obj
    return None


def prep_objects(t: Token, preps: frozenset[str] | tuple[str, ...] | None = None) -> list[Token]:
    """Objects of ``t``'s prepositional phrases (of those named in ``preps``, if given): one phrase lower."""
    return [p for c in t.children if c.dep_ == "prep" and (preps is None or c.lower_ in preps)
            for p in c.children if p.dep_ == "pobj"]


RECIPROCAL = frozenset({"other", "another"})


def reciprocal(t: Token | None) -> bool:
    """"each other", "the other", "one another" (the parser makes "one" the noun and "another" its determiner)."""
    return t is not None and (t.lower_ in RECIPROCAL or (t.lower_ == "one" and any(
        c.lower_ == "another" for c in t.children)))


def route_ends(route: Token, nouns: frozenset[str], verbs: frozenset[str]) -> list[Token]:
    """The far ends a road or corridor (one of ``nouns``) is named by: "the road to Armenia", "roads leading to the
    border", "the corridor linking Karabakh with Armenia" (last named first: the far end); else what an apposition
    names ("blocked the Lachin corridor, the only road linking Karabakh with Armenia"); none for other nouns."""
    ends: list[Token] = []
    if route.lemma_.lower() in nouns:
        ends = prep_objects(route, ("to", "into"))
        for c in route.children:
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verbs:
                ends += [*reversed(prep_objects(c, ("to", "into", "with"))),
                         *(o for o in c.children if o.dep_ == "dobj")]
    return ends or next((e for a in route.children if a.dep_ == "appos" and (e := route_ends(a, nouns, verbs))), [])


def absolute_clause(c: Token, p: Token) -> bool:
    """``c`` ("with") and its object ``p`` open a clause of their own after a comma, naming no partner: ", with the
    U.S. and Iran holding a meeting", ", with Turkey acting as mediator" (not "exchanged fire with Israeli forces
    patrolling the border", with no comma)."""
    if c.lower_ != "with" or c.i == 0 or c.doc[c.i - 1].text != ",":
        return False
    if p.dep_ == "pobj":
        return any(x.dep_ == "acl" and x.tag_ == "VBG" for x in p.children)
    return p.dep_ == "pcomp" and any(x.dep_ in ("nsubj", "nsubjpass") for x in p.children)


def prep_name(p: Token) -> str:
    """A preposition's name in trigger entries: "close to" and "next to" are one ("close to the border")."""
    if p.lower_ == "to" and p.head.lower_ in ADJACENCY:  # ("moved troops closer to the border": close to)
        return "close to" if p.head.lower_ == "closer" else f"{p.head.lower_} to"
    return p.lower_


def misparsed_main(v: Token) -> bool:
    """The main verb of a sentence the parser read as a participle of its subject: "Filipino fishermen and
    activists protested outside ..." (ROOT = fishermen, protested = acl). Only with no agent and no finite verb."""
    h = v.head
    # or a verb with an infinitive after an aside: "Uzbekistan, which supplies most of Kyrgyzstan's gas,
    # threatened to cut deliveries" (a participle of the name would not take "to cut")
    aside = v.i > 0 and v.doc[v.i - 1].text == "," and any(
        c.dep_ in ("xcomp", "advcl") and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
        for c in v.children)
    return (v.dep_ == "acl" and v.tag_ in ("VBN", "VBD") and (v.lemma_.lower() in modality.words().main_participles
                                                             or aside)
            and h.dep_ == "ROOT" and h.pos_ in ("NOUN", "PROPN")
            and v.i > h.i and not any(c.dep_ in ("agent", "auxpass") for c in v.children))


def noun_keys(n: Token) -> tuple[str, ...]:
    """The keys an event noun is looked up by: a hyphenated compound the tokenizer split first ("build-up" is
    "build", "-", "up"; "cease-fire"), then the noun's own lemma (a proper noun by its form)."""
    own = n.lemma_.lower() if n.pos_ == "NOUN" else n.lower_
    doc = n.doc
    if n.i >= 2 and doc[n.i - 1].text == "-" and not doc[n.i - 1].whitespace_ and not doc[n.i - 2].whitespace_:
        return f"{doc[n.i - 2].lower_}-{own}", own
    return (own,)


def child(t: Token | None, dep: str) -> Token | None:
    if t is None:
        return None
    return next((c for c in t.children if c.dep_ == dep), None)


def pobj_of(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def is_passive(t: Token) -> bool:
    """Passive voice, also for a conjoined participle ("were beaten and tortured by Russian guards")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
        return True
    return t.dep_ == "conj" and t.tag_ == "VBN" and t.head.i != t.i and is_passive(t.head)


def passive_subject(t: Token) -> Token | None:
    """The subject of a passive verb, or of the verb it is coordinated with ("Russian drones crossed into Poland
    and were shot down by NATO jets": the drones)."""
    own = True
    while t is not None:
        c = child(t, "nsubjpass") or (None if own else child(t, "nsubj"))
        if c is None and own and any(x.dep_ == "auxpass" and x.tag_ == "VBG" for x in t.children):
            if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
                return t.head  # "footage showing Kyrgyz migrants being beaten by Russian police": the migrants
            if t.dep_ == "pcomp" and t.head.dep_ == "prep":
                # "a Japanese boy died after being stabbed by a Chinese man": the subject of the clause it modifies
                return child(t.head.head, "nsubj") or child(t.head.head, "nsubjpass")
        if c is not None or t.dep_ != "conj" or t.head.i == t.i:
            return c
        t, own = t.head, False
    return None


def inherited_subject(v: Token) -> Token | None:
    """The subject of ``v``, or of the clause it hangs on when it has none of its own ("rockets fired from Lebanon
    landed in Israel": "landed" is the parser's adverbial clause of "fired")."""
    t = v
    for _ in range(4):
        s = child(t, "nsubj") or child(t, "nsubjpass")
        if s is not None:
            return s
        if t.dep_ not in ("advcl", "xcomp", "conj") or t.head.i == t.i:
            return None
        if t.dep_ == "xcomp" and (o := child(t.head, "dobj")) is not None and o.i < t.i:
            return o  # "prompting Norwegian jets to scramble": the object the infinitive controls
        t = t.head
    return None


def verb_like(t: Token) -> bool:
    """A verb, or a noun the parser made of a headline verb: a noun never takes a direct object or, as the
    sentence's root, a subject, so "Uzbekistan imports much of its wheat" (imports/NOUN with dobj "much") and
    "Thousands protest outside the embassy" (protest/NOUN, root with nsubj) are clauses."""
    return t.pos_ in ("VERB", "AUX") or (t.pos_ == "NOUN" and t.tag_ in ("NNS", "NN") and any(
        c.dep_ == "dobj" or (c.dep_ == "nsubj" and t.dep_ == "ROOT") for c in t.children))


def fronted_list(v: Token) -> list[Token]:
    """A subject list the parser swallowed into a fronted phrase: in "Amid concern about X's missiles, South Korea,
    Japan and the U.S. are to hold ...", the list after a comma hangs as conjuncts inside the "amid" phrase.
    Only for a main verb with no subject of its own, and a phrase that runs up to it."""
    if v.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
        return []
    for p in (c for c in v.lefts if c.dep_ == "prep"):
        if p.right_edge.i < v.i - 2:
            continue  # the phrase must run up to the verb (an auxiliary may sit between)
        sub = list(p.subtree)
        for k in (x for x in sub if x.text == ","):
            head = next((x for x in sub if x.i > k.i and not x.is_punct and x.dep_ not in ("det", "compound")), None)
            conj = [x for x in sub if x.i > k.i and x.dep_ == "conj" and head is not None and x.i > head.i]
            if head is not None and head.pos_ == "PROPN" and conj and all(x.pos_ == "PROPN" for x in conj):
                return [head, *conj]
    return []


def adverbial_object(v: Token) -> Token | None:
    """A proper noun right after a verb with no object that the parser hung as an adverbial: "Modi visits
    Washington" (npadvmod) is a visit to Washington."""
    nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
    if v.pos_ == "VERB" and nxt is not None and nxt.head.i == v.i and nxt.dep_ == "npadvmod" and nxt.pos_ == "PROPN":
        return nxt
    return None


def shared_object(v: Token) -> Token | None:
    """The object a verb shares with the verb joined right after it: "criticised and sanctioned Russia",
    "arrested and deported two journalists" (the parser hangs it on the last verb only)."""
    if v.pos_ != "VERB" or any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "dative") for c in v.rights):
        return None
    for c in v.rights:
        if c.dep_ == "conj" and c.pos_ == "VERB" and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) \
                and all(t.dep_ in ("cc", "advmod", "punct") for t in v.doc[v.i + 1:c.i]):
            return child(c, "dobj")
    return None


def despite_head(t: Token) -> bool:
    """``t`` is the "face" or "spite" of "in the face of" / "in spite of"."""
    return t.lower_ in DESPITE_HEADS and t.dep_ == "pobj" and t.head.lower_ == "in"


def third_party(p: Token) -> bool:
    """The object of "with" is a third party by the role its "as" phrase gives it: "with Cuba and Norway as
    guarantors" (the parser hangs the "as" phrase on the object or on the phrase's head)."""
    as_phrase = next((c for c in p.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    end = p.right_edge.i + 1
    if as_phrase is None and end < len(p.doc) and p.doc[end].lower_ == "as":
        as_phrase = p.doc[end]
    role = pobj_of(as_phrase) if as_phrase is not None else None
    return role is not None and role.lemma_.lower() in THIRD_PARTY_ROLES
