"""Parse repairs of names: the small English model's readings of leaders' bare surnames, of place names and of
lowercase words after names, mended in place (see :mod:`.repair`, which tries these with the structural ones)."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from ..actors import lexicon
from . import modality, patterns
from .tree import child

NOMINAL = ("NOUN", "PROPN")


def has_subject(t: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in t.children)


def name_read_as_adverb(t: Token) -> bool:
    """"captured Bakhmut from Ukrainian troops": the parser reads an unfamiliar place name right after a verb
    with no object as an adverb; a capitalised word the actor lexicon knows is the verb's object."""
    v = t.head
    if not (t.dep_ == "advmod" and t.tag_ == "RB" and t.i == v.i + 1 and t.text[:1].isupper() and v.pos_ == "VERB"
            and not any(c.dep_ in ("dobj", "ccomp") for c in v.children) and lexicon.load().lookup(t.text)):
        return False
    t.dep_, t.tag_, t.pos_ = "dobj", "NNP", "PROPN"
    return True


def _singular(word: str) -> str:
    """A regular English plural's singular ("airstrikes" -> "airstrike", "militias" -> "militia"), else the word."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "is", "us")):
        return word[:-1]
    return word


def lowercase_read_as_name(t: Token) -> bool:
    """"U.S. airstrikes hit Ramadi": after a name the tagger may call a lowercase common noun a proper noun
    (not the short particles of names: "al", "bin", "da", "von"),
    and a proper noun is no event word; a lowercase word is a common noun, with its singular as its lemma."""
    if not (t.tag_ in ("NNP", "NNPS") and t.text.isalpha() and t.text.islower() and len(t.text) > 4):
        return False
    plural = t.text != _singular(t.text)
    t.tag_, t.pos_, t.lemma_ = ("NNS" if plural else "NN"), "NOUN", _singular(t.text)
    return False  # a retagging only: the structural repairs still apply to the token


@functools.cache
def _bare_name_word(text: str) -> bool:
    """A leader's bare name, a state's one-word name ("Pakistan[JJ] expels Afghan refugees") or an organisation's
    acronym ("ECOWAS[ROOT] imposed sanctions": the small model reads an unfamiliar capitalised "-S" as a verb)."""
    return any(e.kind in ("leader", "country", "capital") or (e.kind == "igo" and text.isupper())
               for e in lexicon.load().lookup(text))


def _opens_with_bare_name(t: Token) -> bool:
    """``t`` opens its sentence or its main clause after an opening phrase ("In July, ECOWAS imposed ...") and is a
    leader's name as news writes it bare ("Trump", "Baerbock"), a state's or an organisation's acronym."""
    opens = t.i == t.sent.start or (t.i > t.sent.start and t.doc[t.i - 1].text == ",")
    return opens and t.text[:1].isupper() and _bare_name_word(t.text)


def name_read_as_modifier(t: Token) -> bool:
    """"Baerbock visited Iran", "Babacan imposes sanctions", "Pakistan expels ...": a leader's bare surname or a
    state's name that opens the sentence is read as an adverb, adjective or subordinator of the finite verb right
    after it; a verb with no subject of its own takes the name as its subject."""
    v = t.head
    if not (t.dep_ in ("advmod", "amod", "mark", "npadvmod", "nmod", "dep") and v.i == t.i + 1
            and v.tag_ in ("VBD", "VBZ", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                                                          for c in v.children) and _opens_with_bare_name(t)):
        return False
    t.dep_, t.tag_, t.pos_ = "nsubj", "NNP", "PROPN"
    return True


def name_read_as_noun_phrase(t: Token) -> bool:
    """"Trump imposed sanctions on Iran": after a leader's bare surname that opens a sentence, the parser reads
    the past verb and its bare plural object as one noun phrase ("imposed sanctions") and the sentence has no
    verb; the past form is the verb, the name its subject and the noun its object."""
    obj = t.head
    if not (t.tag_ in ("VBN", "VBD") and t.dep_ in ("amod", "acl") and t.i >= 1 and obj.i > t.i
            and obj.pos_ in NOMINAL and all(x.dep_ in ("amod", "compound", "nummod") for x in t.doc[t.i + 1:obj.i])):
        return False
    name = t.doc[t.i - 1]
    if obj.head.i == name.i and not has_subject(name):
        anchor = name  # "Trump[ROOT] imposed sanctions", "Trump[advcl] imposed new sanctions ..., the White House said"
    elif (name.head.i == obj.i or name.head.i == t.i) and obj.dep_ == "ROOT":
        anchor = obj  # "Trump[compound] imposed sanctions[ROOT]", "Rahmon[npadvmod] hosted Mirziyoyev[ROOT]"
    else:
        return False
    if not _opens_with_bare_name(name):
        return False
    root = anchor.dep_ == "ROOT"
    movers = [c for c in anchor.children if c.i > obj.i and c.dep_ != "prep"] + (
        [c for c in name.children if c.i > name.i and c.i not in (t.i, obj.i)] if anchor is obj else [])
    t.head, t.dep_, t.tag_, t.pos_ = (t if root else anchor.head), anchor.dep_, "VBD", "VERB"
    name.head, name.dep_, name.tag_, name.pos_ = t, "nsubj", "NNP", "PROPN"
    obj.head, obj.dep_ = t, "dobj"
    for c in movers:
        c.head = t
    return True


def possessed_pair_read_as_one(t: Token) -> bool:
    """"Russia's Lavrov and Ukraine's Kuleba held talks": the parser hangs the first possessed name, with the
    second possessor as its conjunct, on the second name as a possessor ("[Russia's Lavrov and Ukraine]'s
    Kuleba"). Two possessed names joined by "and" are two conjuncts, each with its own possessor."""
    y = t.head
    own = child(t, "poss")  # its own possessor with its "'s": "Russia's"
    if not (t.dep_ in ("poss", "nmod") and t.pos_ in NOMINAL and y.pos_ in NOMINAL and y.i > t.i
            and own is not None and own.i < t.i and child(own, "case") is not None):
        return False
    b = child(t, "conj")
    if b is None or not (t.i < b.i < y.i and child(b, "case") is not None and child(t, "cc") is not None):
        return False
    root = y.dep_ == "ROOT"
    t.head, t.dep_ = (t if root else y.head), y.dep_
    y.head, y.dep_ = t, "conj"
    b.head, b.dep_ = y, "poss"
    return True


NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"})


def adjectives_read_as_head_of_their_noun(t: Token) -> bool:
    """"Vietnamese and Chinese coast guards clashed": before a compound noun the parser may make the first of two
    joined nationality adjectives the phrase's head, and the noun its conjunct; the noun is the head, both
    adjectives modify it (as the parser reads "Vietnamese and Chinese troops")."""
    if not (t.dep_ in NOUN_SLOTS and t.text[:1].isupper() and (t.tag_ == "JJ" or (
            # "Kyrgyz and Tajik forces": a nationality word the parser takes for a name
            t.tag_ == "NNP" and any(e.kind == "adjective" for e in lexicon.load().lookup(t.text))))):
        return False
    n = next((c for c in t.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > t.i), None)
    if n is None or not any(c.dep_ == "cc" and t.i < c.i < n.i for c in t.children):
        return False
    second = next((c for c in n.children if c.dep_ in ("amod", "compound") and c.tag_ in ("JJ", "NNP")
                   and c.text[:1].isupper() and t.i < c.i < n.i
                   and (c.tag_ == "JJ" or any(e.kind == "adjective" for e in lexicon.load().lookup(c.text)))), None)
    if second is None:
        return False
    n.head, n.dep_ = t.head, t.dep_
    for c in list(t.children):
        if c.i > n.i:
            c.head = n  # what follows the phrase belongs to its noun
    t.head, t.dep_ = n, "amod"
    second.head, second.dep_ = t, "conj"
    t.pos_, t.tag_ = "ADJ", "JJ"
    second.pos_, second.tag_ = "ADJ", "JJ"
    return True


def verdict_read_as_head_of_a_noun(t: Token) -> bool:
    """"Hungary calls Croatia's decision to close the border unacceptable": after a long object the parser makes
    the closing adjective the head of the last noun ("the border unacceptable"); an adjective that ends the clause
    with a noun as its compound, under a verb of judging that has an object, is that verb's complement."""
    doc = t.doc
    if not (t.tag_ == "JJ" and t.dep_ in NOUN_SLOTS and (t.i + 1 == len(doc) or doc[t.i + 1].is_punct)):
        return False
    n = next((c for c in reversed(list(t.lefts)) if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == t.i - 1), None)
    # (or, quoted, a second object of the preposition: "to the border 'unacceptable'")
    quoted = n is None and t.i > 0 and doc[t.i - 1].tag_ == "``" and any(
        c.dep_ == t.dep_ and c.i < t.i and c.pos_ == "NOUN" for c in t.head.children)
    if n is None and not quoted:
        return False
    v = t.head
    for _ in range(4):  # up the object's own clause ("decision to close the border")
        if v.pos_ == "VERB" and v.lemma_.lower() in modality.words().verdict_verbs and any(
                c.dep_ == "dobj" for c in v.children):
            break
        if v.head.i == v.i:
            return False
        v = v.head
    else:
        return False
    if n is not None:
        n.head, n.dep_ = t.head, t.dep_
        for c in list(t.lefts):
            if c.i != n.i:
                c.head = n
    t.head, t.dep_ = v, "oprd"
    return True


def name_read_as_verb(t: Token) -> bool:
    """"Trump demands that Russia and Ukraine stop": a leader's bare surname that is also an English verb, opening
    the sentence, is read as the verb and the real verb after it as its plural object. A present-tense form of
    a trigger verb right after it is the verb, the name its subject."""
    doc = t.doc
    if not (t.tag_ == "VB" and t.dep_ == "ROOT" and t.i + 1 < len(doc) and _opens_with_bare_name(t)):
        return False
    v = doc[t.i + 1]
    lemma = v.lower_.removesuffix("s")
    if not (v.tag_ == "NNS" and v.head.i == t.i and v.dep_ in ("dobj", "npadvmod", "attr")
            and v.lower_.endswith("s") and lemma in patterns.load().verbs):
        return False
    v.head, v.dep_, v.tag_, v.pos_, v.lemma_ = v, "ROOT", "VBZ", "VERB", lemma
    for c in list(t.children):
        if c.i != v.i:
            c.head = v
    t.head, t.dep_, t.tag_, t.pos_ = v, "nsubj", "NNP", "PROPN"
    for c in v.children:
        if c.dep_ == "acl" and any(m.dep_ == "mark" for m in c.children):
            c.dep_ = "ccomp"  # the noun's "that"-clause is the verb's complement
    return True


def nationality_read_as_receiver(t: Token) -> bool:
    """"Armenian forces shell Azerbaijani[NNP] villages": the parser may read a capitalised nationality word
    right before the object as the verb's receiver (its dative); a word the actor lexicon knows only as a
    nationality adjective, right before the object, modifies it."""
    v = t.head
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if not (t.dep_ == "dative" and t.pos_ == "PROPN" and obj is not None and obj.i == t.i + 1 and obj.pos_ == "NOUN"
            and not any(True for _ in t.children)):
        return False
    entries = lexicon.load().lookup(t.text)
    if not entries or any(e.kind != "adjective" for e in entries):
        return False
    t.head, t.dep_, t.pos_, t.tag_ = obj, "amod", "ADJ", "JJ"
    return True


def pair_read_as_modifier_of_second_name(t: Token) -> bool:
    """"U.S. President Donald Trump and North Korean leader Kim Jong Un meet": the parser may hang the first name on
    the second as its modifier, with the second one's title for their conjunct. A name modifying another name, with
    "and" and a title noun as its conjunct right before that name's own words, is the first of a pair."""
    h = t.head
    if not (t.dep_ in ("nmod", "compound") and t.pos_ == "PROPN" and h.pos_ == "PROPN" and t.i < h.i
            and any(c.dep_ == "cc" and c.lower_ == "and" for c in t.children)):
        return False
    title = next((c for c in t.children if c.dep_ == "conj" and c.pos_ == "NOUN" and t.i < c.i < h.i), None)
    if title is None or not all(t.doc[i].head.i == h.i and t.doc[i].dep_ == "compound"
                                for i in range(title.i + 1, h.i)):
        return False
    t.head, t.dep_ = h.head if h.head.i != h.i else t, h.dep_
    h.head, h.dep_ = t, "conj"
    title.head, title.dep_ = h, "compound"
    return True


def adjective_list_read_as_modifiers(t: Token) -> bool:
    """"Russian, Chinese and Iranian warships held drills": the parser hangs each comma-listed nationality on the
    noun and joins only the last two; an adjective after a comma whose list ends in "and" is a conjunct of the
    adjective before the comma, as the parser reads two ("Russian and Chinese warships")."""
    doc = t.doc
    if not (t.dep_ == "amod" and t.text[:1].isupper() and t.i >= 2 and doc[t.i - 1].text == ","):
        return False
    before = doc[t.i - 2]
    first = before
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if not (before.text[:1].isupper() and first.dep_ == "amod" and first.head.i == t.head.i
            and first.text[:1].isupper()):
        return False
    # the list ends in "and"/"or": on this adjective or a later one on the same noun ("A, B, C and D")
    later = [c for c in t.head.lefts if c.dep_ == "amod" and c.i >= t.i]
    if not any(x.dep_ == "cc" and x.lower_ in ("and", "or") for c in later for x in c.children):
        return False
    t.head, t.dep_ = before, "conj"
    doc[t.i - 1].head = before
    return True


def qualified_adjective_read_as_modifier(t: Token) -> bool:
    """"between Azerbaijani and ethnic Armenian forces": a nationality qualified by a word of its own after "and"
    is hung on the noun beside the first instead of joined to it. The qualified nationality is the first one's
    conjunct, as the parser reads "Azerbaijani and Armenian forces"."""
    doc = t.doc
    if not (t.dep_ == "amod" and t.text[:1].isupper() and t.i >= 3):
        return False
    qual, cc = doc[t.i - 1], doc[t.i - 2]
    first = cc.head
    if not (qual.dep_ == "amod" and qual.pos_ == "ADJ" and qual.text.islower() and qual.head.i in (t.head.i, t.i)
            and cc.lower_ in ("and", "or") and cc.dep_ == "cc" and first.i < cc.i and first.text[:1].isupper()
            and first.head.i == t.head.i and first.dep_ in ("amod", "nmod", "compound")):
        return False
    t.head, t.dep_ = first, "conj"
    qual.head = t
    return True
