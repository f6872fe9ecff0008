"""Parse repairs of present verbs in -s that the small English model reads as plural nouns: a headline's verb
after a nationality ("A 19-year-old Afghan stabs[NNS] ..."), before a to-infinitive ("the Council votes[NNS] to
condemn"), after a plural that is also a verb ("The Baltic states expel ..."), heading a verbless sentence
("Mozambique appeals[NNS] to ...") or after "and" ("..., and Niger's foreign ministry summons ..."), mended in
place (see :mod:`.repair`, which tries these with the other structural ones)."""

from __future__ import annotations

from spacy.tokens import Token

from . import patterns
from .repair_names import NOMINAL, has_subject
from .repair_verbs import as_verb, noun_root_as_verb, present_verb_lemma, to_infinitive

# Verbs news writes with a to-infinitive that the parser may take for plural nouns ("the Council votes to ...")
INFINITIVE_NOUN_VERBS = frozenset({"vote", "plan", "vow", "pledge", "promise", "threaten", "call", "move", "seek",
                                   "aim", "offer", "agree", "refuse", "decide", "want", "hope", "prepare"})


def demonym_subject_read_as_modifier(t: Token) -> bool:
    """"A 19-year-old Afghan stabs and wounds ...": the parser makes the present verb a plural noun headed by
    the nationality before it; a trigger verb with no subject, whose last modifier is a nationality word and which
    has an object or a verb joined to it, is the verb, and the nationality word ("a Palestinian") its subject."""
    if not (t.dep_ == "ROOT" and t.tag_ in ("NNS", "NN") and not has_subject(t)):
        return False
    lemma = present_verb_lemma(t)
    # (its object may be read as an apposition: "A Palestinian stabs[NNS] an Israeli soldier")
    obj = next((c for c in t.rights if c.dep_ in ("dobj", "appos") and c.pos_ in NOMINAL), None)
    # (or a verb joined to it, itself maybe read as a plural noun: "stabs and wounds[NNS] two policemen")
    joined = next((c for c in t.rights if c.dep_ == "conj" and present_verb_lemma(c) is not None and (
        c.tag_ == "VBZ" or any(x.dep_ == "dobj" for x in c.children))), None)
    if lemma is None or (obj is None and joined is None):
        return False
    mods = [c for c in t.lefts if c.dep_ in ("amod", "compound")]
    subj = mods[-1] if mods else None
    if subj is None or subj.i != t.i - 1 or subj.tag_ != "JJ" or not subj.text[:1].isupper():
        return False  # a capitalised nationality word right before the verb: "Palestinian", "Afghan"
    for c in list(t.lefts):
        if c.i != subj.i and c.dep_ in ("det", "amod", "compound", "nummod"):
            c.head = subj
    subj.head, subj.dep_ = t, "nsubj"
    subj.pos_, subj.tag_ = "PROPN", "NNP"
    as_verb(t, lemma)
    if obj is not None:
        obj.dep_ = "dobj"
    if joined is not None and joined.tag_ != "VBZ":
        as_verb(joined, present_verb_lemma(joined) or joined.lemma_)
    return True


def plural_read_for_verb(t: Token) -> bool:
    """"The United Nations Human Rights Council votes to condemn the massacre": the parser takes the verb for
    a plural noun with a name for compound and the infinitive for its relative clause; a plural root that a
    to-infinitive follows, with a proper name before it, is the name's verb (vote, plan, vow, pledge ...)."""
    if not (t.dep_ == "ROOT" and t.tag_ == "NNS" and t.lemma_.lower() in INFINITIVE_NOUN_VERBS):
        return False
    inf = next((c for c in t.children if c.dep_ in ("relcl", "acl") and c.tag_ == "VB" and c.i == t.i + 2
                and to_infinitive(c)), None)
    name = next((c for c in t.lefts if c.dep_ == "compound" and c.i == t.i - 1 and c.pos_ == "PROPN"), None)
    if inf is None or name is None or any(c.dep_ == "det" for c in t.lefts):
        return False
    return noun_root_as_verb(t, name, "VBZ", inf, "xcomp", frozenset({"det", "compound", "amod", "nmod"}))


def plural_subject_read_as_verb(t: Token) -> bool:
    """"The Baltic states expel Russian diplomats": the parser takes a plural noun that is also a verb in -s
    ("states", "forces") for the verb, and the real verb after it for a modifier of the object. A word read as a
    present verb that has an article of its own is a noun; a trigger verb's base form right after it is the verb."""
    doc = t.doc
    if not (t.dep_ == "ROOT" and t.tag_ == "VBZ" and t.lower_.endswith("s") and t.i + 1 < len(doc)
            and any(c.dep_ == "det" and c.i < t.i for c in t.children) and not has_subject(t)):
        return False
    v = doc[t.i + 1]
    if not (v.head.i != v.i and v.lower_ in patterns.load().verbs and v.tag_ in ("VBP", "VB", "JJ", "NN")):
        return False
    v.head, v.dep_ = v, "ROOT"
    v.pos_, v.tag_, v.lemma_ = "VERB", "VBP", v.lower_
    for c in list(t.children):
        if c.i > v.i:
            c.head = v  # the object and what follows belong to the verb
    for c in list(v.children):
        if c.dep_ == "amod" and c.i < v.i:
            c.head = t
    t.head, t.dep_, t.pos_, t.tag_, t.lemma_ = v, "nsubj", "NOUN", "NNS", t.lower_[:-1]
    return True


def headline_verb_read_as_root_noun(t: Token) -> bool:
    """"Mozambique appeals to the United Nations for helicopters": with no verb found, the parser makes a present
    verb in -s the plural head of the whole sentence and the name before it its modifier. A trigger verb's form
    heading the sentence, right after a capitalised name that opens it, with a preposition after it, is the
    name's verb."""
    if not (t.dep_ == "ROOT" and t.tag_ == "NNS" and t.i > 0) or (lemma := present_verb_lemma(t)) is None:
        return False
    lefts = list(t.lefts)
    name = t.doc[t.i - 1]
    if not lefts or lefts[-1].i != name.i or not name.text[:1].isupper() or name.dep_ not in (
            "amod", "compound", "nmod") or any(c.dep_ != "det" and not c.text[:1].isupper() for c in lefts) \
            or t.doc[t.sent.start].i != lefts[0].left_edge.i or not any(
            c.dep_ == "prep" and c.i == t.i + 1 for c in t.children):
        return False
    for c in lefts[:-1]:
        c.head = name
    name.dep_ = "nsubj"
    as_verb(t, lemma)
    return True


def joined_verb_read_as_plural_noun(t: Token) -> bool:
    """"..., and Niger's foreign ministry summons the Algerian ambassador": after "and", the parser reads a present
    verb in -s as a plural noun joined to the first verb, its subject as the noun's modifiers and its object as an
    apposition. A trigger verb's form right after a noun that follows the "and", with a noun phrase after it
    opening with an article, is the second clause's verb."""
    h = t.head
    if not (t.dep_ == "conj" and t.tag_ in ("NNS", "NN") and h.pos_ in ("VERB", "AUX") and h.i < t.i) \
            or (lemma := present_verb_lemma(t)) is None:
        return False
    lefts = [c for c in t.lefts if c.dep_ in ("compound", "poss", "amod", "nmod", "det")]
    subj = t.doc[t.i - 1]
    obj = next((c for c in t.rights if c.dep_ in ("appos", "dobj", "compound", "npadvmod")
                and c.left_edge.i == t.i + 1 and c.left_edge.dep_ == "det"), None)
    if not lefts or lefts[-1].i != subj.i or subj.pos_ not in ("NOUN", "PROPN") or obj is None:
        return False
    cc = t.doc[lefts[0].left_edge.i - 1] if lefts[0].left_edge.i > 0 else None
    if cc is None or cc.lower_ != "and" or cc.dep_ != "cc":
        return False
    for c in lefts[:-1]:
        c.head = subj
    subj.head, subj.dep_ = t, "nsubj"
    obj.head, obj.dep_ = t, "dobj"
    as_verb(t, lemma)
    return True
