"""Parse repairs of phrases: a noun phrase or a preposition hung on the wrong word (a subordinator's subject read
as its object, a particle read as a preposition or an adverb, a list item read as an apposition, a phrase hung on
a duration). Each is one class of structure, mended in place; repair.py holds the order."""

from __future__ import annotations

from spacy.tokens import Token

from . import modality, patterns
from .repair_names import NOMINAL, has_subject
from .repair_verbs import SUBORDINATORS
from .tree import noun_keys

# Nouns of a span of time a phrase of the event may be hung on: "rages for a second day between A and B"
DURATION_NOUNS = frozenset({"day", "night", "week", "month", "year", "hour", "time", "weekend", "straight"})


def object_of_a_bare_preposition(t: Token) -> bool:
    """"a peace plan proposed by U.S. Secretary of State Condoleezza Rice is rejected by Syria": the parser leaves
    the first "by" without its object and makes the name a second subject of the main verb; a phrase that begins right
    after a preposition with no object is that preposition's object."""
    v = t.head
    # (or a modifier of the verb: "The leaders of Armenia[nmod] and Azerbaijan meet in Bern for talks")
    if not (t.dep_ in ("nsubj", "nsubjpass", "nmod", "npadvmod") and t.pos_ in NOMINAL and v.i > t.i
            and t.left_edge.i > 0 and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i for c in v.children)):
        return False
    p = t.doc[t.left_edge.i - 1]
    if p.dep_ not in ("agent", "prep") or p.pos_ != "ADP" or any(c.dep_ in ("pobj", "pcomp") for c in p.children):
        return False
    t.head, t.dep_ = p, "pobj"
    return True



def subject_of_subordinator(t: Token) -> bool:
    """"after a Russian plane violated its airspace": the parser makes the subject an object of the
    subordinator; it is the subject of the verb the subordinator marks."""
    h = t.head
    if not (t.dep_ == "pobj" and h.dep_ == "mark" and h.lower_ in SUBORDINATORS and t.pos_ in NOMINAL
            and h.head.pos_ in ("VERB", "AUX") and h.i < t.i < h.head.i and not has_subject(h.head)):
        return False
    t.head, t.dep_ = h.head, "nsubj"
    return True


def object_read_as_subordinate_subject(t: Token) -> bool:
    """"jets bomb rebel bases in Iraq hours after the president blamed ...": the parser makes the main verb's
    object the subject of the subordinate clause, which then has two subjects; the one before the subordinator
    is the object of the verb before it, and the clause that verb's adverbial."""
    c = t.head
    v = c.head
    if not (t.dep_ == "nsubj" and t.pos_ in NOMINAL and c.dep_ in ("ccomp", "advcl") and c.i > t.i
            and v.pos_ == "VERB" and v.i < t.i and not any(x.dep_ == "dobj" for x in v.children)):
        return False
    mark = next((x for x in c.children if x.dep_ == "mark" and x.lower_ in SUBORDINATORS and t.i < x.i < c.i), None)
    if mark is None or not any(x.dep_ == "nsubj" and mark.i < x.i < c.i for x in c.children):
        return False
    t.head, t.dep_ = v, "dobj"
    c.dep_ = "advcl"
    return True


def subject_of_preposition(t: Token) -> bool:
    """"remain undetermined as the U.S., France and Britain ask that he be released": the parser reads the
    subordinator as a preposition whose object is the list; a finite verb with no subject right after that list
    is its clause, the list its subject and the word its mark."""
    h = t.head
    if not (t.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ in SUBORDINATORS and t.pos_ in NOMINAL):
        return False
    end = max(x.i for x in t.subtree)
    if end + 1 >= len(t.doc):
        return False
    v = t.doc[end + 1]
    if not (v.tag_ in ("VBP", "VBZ", "VBD") and v.dep_ in ("advcl", "conj", "ccomp") and not has_subject(v)
            and v.head.i < h.i):
        return False
    t.head, t.dep_ = v, "nsubj"
    h.head, h.dep_ = v, "mark"
    return True


def list_read_as_apposition(t: Token) -> bool:
    """"a Canadian hostage, a Filipina hostage, and a Norwegian hostage": the parser makes the second item an
    apposition of the first and hangs the third on it; a noun repeated after a comma, itself followed by a
    conjunct, is the list's next item."""
    h = t.head
    if not (t.dep_ == "appos" and t.pos_ == "NOUN" and t.lemma_ == h.lemma_ and h.i < t.i
            and any(c.dep_ == "conj" for c in t.children)):
        return False
    t.dep_ = "conj"
    for c in list(t.children):
        if c.dep_ in ("conj", "cc"):
            c.head = h
    return True


def conjunct_of_the_like(t: Token) -> bool:
    """"seize an Indonesian tanker with 24 crew in the Gulf of Aden and a British cargo ship": the parser joins
    the last noun to the nearest one; like coordinates with like, so a conjunct that shares more than twice as
    many of the lexicon's object lists with the verb's object as with the noun it was joined to is the object's
    conjunct."""
    h = t.head
    if not (t.dep_ == "conj" and t.pos_ == "NOUN" and h.pos_ == "NOUN" and h.dep_ == "pobj"):
        return False
    verb = next((a for a in h.ancestors if a.pos_ == "VERB"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None) if verb is not None else None
    if obj is None or obj.i > h.i:
        return False
    kinds = patterns.load().object_kinds
    mine = kinds.get(t.lemma_.lower(), frozenset())
    # more lists in common with the object than with the noun it was joined to
    if len(mine & kinds.get(obj.lemma_.lower(), frozenset())) <= 2 * len(mine & kinds.get(h.lemma_.lower(), frozenset())):
        return False
    t.head = obj
    for c in h.children:
        if c.dep_ == "cc" and c.i < t.i:
            c.head = obj
    return True


def object_of_particle(t: Token) -> bool:
    """"hands over the British sailors": the parser gives the particle an object; a particle takes none, so the
    noun is the phrasal verb's object."""
    h = t.head
    if not (t.dep_ == "pobj" and h.dep_ == "prt" and h.head.pos_ == "VERB"
            and not any(c.dep_ == "dobj" for c in h.head.children)):
        return False
    t.head, t.dep_ = h.head, "dobj"
    return True


def particle_read_as_adverb(t: Token) -> bool:
    """"pulls its troops back from the Ukrainian border": the parser makes the particle an adverb holding the
    verb's phrase; it is the phrasal verb's particle ("pull back"), and the phrase is the verb's."""
    h = t.head
    if not (t.dep_ == "advmod" and t.lower_ in ("back", "out", "away", "off") and h.pos_ == "VERB" and h.i < t.i
            and any(c.dep_ == "prep" for c in t.children)):
        return False
    t.dep_ = "prt"
    for c in list(t.children):
        if c.dep_ == "prep":
            c.head = h
    return True


def state_read_on_object(t: Token) -> bool:
    """"placed its artillery units on combat alert", "took the two sailors into custody": the parser may hang the
    phrase of the state an act puts its object in on the object; it is the verb's (modality.yaml resulting_states)."""
    h = t.head
    if not (t.dep_ == "prep" and h.dep_ == "dobj" and h.i < t.i and h.head.pos_ == "VERB"):
        return False
    states = modality.words().resulting_states
    if not any(o.dep_ == "pobj" and o.lemma_.lower() in states for o in t.children):
        return False
    t.head = h.head
    return True


def phrase_read_on_a_duration(t: Token) -> bool:
    """"Heavy fighting rages for a second day between Azerbaijani and Armenian forces": the parser hangs the
    parties' phrase on the duration before it; a between- or along-phrase is the verb's (a day is between no one)."""
    h = t.head
    if not (t.dep_ == "prep" and t.lower_ in ("between", "along") and h.dep_ == "pobj"
            and h.lemma_.lower() in DURATION_NOUNS and h.head.dep_ == "prep" and h.head.lower_ in ("for", "in")
            and h.head.head.pos_ in ("VERB", "AUX", "NOUN")):
        return False
    t.head = h.head.head
    return True


def apposition_read_as_second_subject(t: Token) -> bool:
    """"Jang Song-thaek, the uncle of North Korean leader Kim Jong-un, meets Hu Jintao": after a name the parser
    cannot read, it makes the apposition a second subject of the verb. A subject with an article, set off by
    commas right after the verb's first subject, describes that subject."""
    v = t.head
    if not (t.dep_ == "nsubj" and t.pos_ == "NOUN" and any(c.dep_ == "det" for c in t.lefts) and t.left_edge.i >= 2
            and t.doc[t.left_edge.i - 1].text == ","):
        return False
    first = next((c for c in v.children if c.dep_ == "nsubj" and c.i < t.i and c.right_edge.i == t.left_edge.i - 2),
                 None)
    if first is None:
        return False
    t.head, t.dep_ = first, "appos"
    return True


def relative_read_on_phrase_head(t: Token) -> bool:
    """"demanded the release of an Iranian supertanker that British Royal Marines had seized": the parser hangs
    the relative clause on the head of the phrase ("release") and reads its "that" as a subordinator. A relative
    clause with no object of its own, opening with "that" right after the noun of an of-phrase, is that noun's,
    and the "that" its object."""
    if t.dep_ != "relcl" or any(c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") for c in t.children):
        return False
    that = t.doc[t.left_edge.i]
    noun = t.doc[that.i - 1] if that.i > 0 else None
    if not (that.lower_ == "that" and that.dep_ == "mark" and that.head.i == t.i and noun is not None
            and noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i == t.head.i
            and any(c.dep_ == "nsubj" for c in t.children)):
        return False
    t.head = noun
    that.dep_, that.tag_, that.pos_ = "dobj", "WDT", "PRON"
    return True


def subject_read_as_apposition_in_fronted_phrase(t: Token) -> bool:
    """"At the invitation of President Tokayev, Emir of Qatar Sheikh Tamim arrived in Astana": the parser makes
    the subject an apposition of the fronted phrase's last name. A name after a comma that runs up to a verb with
    no subject, inside a phrase opening the sentence on that verb, is the verb's subject."""
    if not (t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN") and t.left_edge.i > 0
            and t.doc[t.left_edge.i - 1].text == "," and t.right_edge.i + 1 < len(t.doc)):
        return False
    v = t.doc[t.right_edge.i + 1]
    if not (v.pos_ in ("VERB", "AUX") and v.tag_ in ("VBD", "VBZ", "VBP") and not has_subject(v)):
        return False
    front = t.doc[t.sent.start]
    if not (front.dep_ == "prep" and front.head.i == v.i and front.i < t.i and t.head.i in {x.i for x in front.subtree}):
        return False
    t.doc[t.left_edge.i - 1].head = v
    t.head, t.dep_ = v, "nsubj"
    return True


# Roots of acts done in a place, which a phrase of nearness may locate ("exercises near Okinawa").
PLACED_ROOTS = frozenset({"15", "18", "19", "20"})
# Roots of acts of word, which happen nowhere near a border ("denounced ... near its borders"); a protest with an
# object is one too ("protested the exercises near its islands").
WORD_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13", "14"})
NEARNESS_PREPS = frozenset({"near", "along", "around", "off"})


def place_read_on_a_statement(t: Token) -> bool:
    """"Moscow denounced NATO's exercises near its borders": the parser hangs the place on the verb of saying; a
    statement is made nowhere near a border, so the phrase right after an object that names an act done in a
    place (a show of force, an attack) is that act's."""
    v = t.head
    if not (t.dep_ == "prep" and t.lower_ in NEARNESS_PREPS and v.pos_ == "VERB" and v.i < t.i):
        return False
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.right_edge.i == t.i - 1), None)
    P = patterns.load()
    if obj is None or not any(p.code[:2] in PLACED_ROOTS for p in P.nouns_for(noun_keys(obj))):
        return False
    verbs = P.verbs.get(v.lemma_.lower(), ())
    if not verbs or not all(p.code[:2] in WORD_ROOTS for p in verbs):
        return False
    t.head = obj
    return True


def phrase_read_on_a_worth(t: Token) -> bool:
    """"signed contracts worth $4 billion with Indian companies": the parser hangs the partner's phrase on the
    "worth" of the object's amount; an amount has no partner, so the phrase is the verb's."""
    w = t.head
    if not (t.dep_ == "prep" and t.lower_ in ("with", "to", "from", "between", "for") and w.lower_ == "worth"
            and w.i < t.i and w.dep_ in ("amod", "prep", "acomp")):
        return False
    obj = w.head
    if not (obj.dep_ in ("dobj", "nsubjpass") and obj.head.pos_ in ("VERB", "AUX")):
        return False
    t.head = obj.head
    return True
