"""Parse repairs of verbs the small English model reads as nouns or modifiers: a headline verb compounded with
its object ("Latvia scrambles[NN] fighter jets"), a subject hung on the verb as its modifier, a gerund or a report
verb read as a noun, mended in place (see :mod:`.repair`, which tries these with the other structural ones; verbs
in -s read as plural nouns are in :mod:`.repair_plurals`)."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from . import headline, modality, patterns
from .repair_names import NOMINAL, has_subject
from .tree import child, pobj_of
from .words import forms, modified_forms

# Subordinators the parser may read as a noun's preposition or give the clause's subject to the noun before them
SUBORDINATORS = frozenset({"after", "before", "since", "until", "as", "while", "when", "because", "once"})


def to_infinitive(t: Token) -> bool:
    """A verb with its infinitive marker: "to visit"."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children)


SIBILANT_ES = ("ches", "shes", "sses", "xes", "zes", "oes")


def present_verb_lemma(t: Token) -> str | None:
    """The trigger verb a word ending in -s would be in the present tense ("scrambles", "stabs", "pushes"), however
    the tagger lemmatised it as a noun; None if the lexicon has no such verb."""
    if not t.lower_.endswith("s"):
        return None
    verbs = patterns.load().verbs
    # "-es" is dropped whole only after a sibilant ("pushes": push), never "planes" as "plan"
    stems = (t.lemma_.lower(), t.lower_[:-1]) + ((t.lower_[:-2],) if t.lower_.endswith(SIBILANT_ES) else ())
    return next((w for w in stems if w in verbs), None)


def as_verb(t: Token, lemma: str) -> None:
    """Retag a word the parser read as a noun as the present-tense verb it is."""
    t.pos_, t.tag_, t.lemma_ = "VERB", "VBZ", lemma


# Prefixes that leave a verb's irregular past irregular: "retake"/"retook", "withdraw"/"withdrew"
VERB_PREFIXES = ("re", "over", "under", "with", "out", "up", "mis", "fore")


@functools.cache
def _irregular_pasts() -> dict[str, str]:
    """Prefixed trigger verbs by their irregular past tense ("retook": retake, "withdrew": withdraw): the
    lemmatiser knows the plain ones ("took") and undoes regular pasts itself. A past that is a word of its own
    ("wound", "found") is left alone."""
    table = headline.irregular()
    verbs = patterns.load().verbs
    out: dict[str, str] = {}
    for lemma in verbs:
        for prefix in VERB_PREFIXES:
            form = prefix + table.get(lemma[len(prefix):], "")
            # only a past that is no verb of its own and not its verb's present ("reset")
            if lemma.startswith(prefix) and form != prefix and form != lemma and form not in verbs:
                out.setdefault(form, lemma)
                break
    return out


def past_read_as_lemma(t: Token) -> bool:
    """"The Syrian Army retook[VB] the town": the lemmatiser leaves an irregular past it does not know (a prefixed
    one especially) as its own lemma, and a trigger is looked up by lemma; the past is its verb's past."""
    if not (t.tag_[:2] == "VB" and t.lemma_ == t.lower_ and (lemma := _irregular_pasts().get(t.lower_))):
        return False
    t.lemma_ = lemma
    if t.tag_ in ("VB", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in t.children):
        t.tag_ = "VBD"  # no auxiliary before it, so a finite past
    return False  # a relemmatising only: the structural repairs still apply to the token


def verb_read_as_compound(t: Token) -> bool:
    """"Taiwan scrambles fighter jets to intercept ...": the parser makes the present verb a compound of the noun
    after it and that noun the subject of the clause after it. A present verb with a subject of its own, read as a
    compound, is the verb; the noun phrase it modified is its object, the clause its complement or adverbial."""
    # (tagged a verb, or a plural noun with a subject of its own: "Estonia scrambles[NNS] fighter jets"; the
    # subject may be read as a compound too: "Greece[compound] scrambles fighter jets")
    if t.dep_ != "compound" or t.pos_ == "PROPN":
        return False  # (most tokens: decided before walking the tree)
    n = t.head
    while n.dep_ == "compound" and n.head.i != n.i:
        n = n.head
    v = n.head
    prev = t.doc[t.i - 1] if t.i > 0 else t
    named = prev if prev.dep_ == "compound" and prev.text[:1].isupper() and prev.head.i in (t.i, n.i) \
        and prev.i < t.i else None
    # (tagged a verb, any verb; tagged a noun, one the lexicon has: "scrambles"[NN])
    lemma = t.lemma_.lower() if t.tag_ == "VBZ" else present_verb_lemma(t) if t.tag_ in ("NNS", "NN") else None
    if not (lemma is not None and (any(c.dep_ == "nsubj" and c.i < t.i for c in t.children) or named)
            and n.i > t.i and n.dep_ == "nsubj" and v.i > n.i):
        return False
    # "Latvia scrambles interceptor jets after two Russian bombers approached ...": the subordinator read as the noun's
    # preposition, its object as the subject-less verb's subject
    sub = next((c for c in n.children if c.dep_ == "prep" and c.lower_ in SUBORDINATORS and c.i < v.i), None)
    subj = pobj_of(sub) if sub is not None else None
    if sub is not None and subj is not None and v.i > subj.i and v.tag_ in ("VBD", "VBZ", "VBP") \
            and not any(c.dep_ == "nsubj" and c.i != n.i for c in v.children):
        sub.head, sub.dep_ = v, "mark"
        subj.head, subj.dep_ = v, "nsubj"
        clause = "advcl"
    # or with the subordinate clause read right but given the noun as a second subject: "jets after a drone flew"
    elif any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS and c.i > n.i for c in v.children) and any(
            c.dep_ == "nsubj" and c.i > n.i for c in v.children) and v.pos_ in ("VERB", "AUX"):
        clause = "advcl"
    elif v.tag_ == "VB" and to_infinitive(v):  # "... fighter jets to intercept": its complement
        clause = "xcomp"
    else:
        return False
    if named is not None and not any(c.dep_ == "nsubj" for c in t.children):
        named.head, named.dep_ = t, "nsubj"
    t.head, t.dep_ = (t, "ROOT") if v.dep_ == "ROOT" else (v.head, v.dep_)
    as_verb(t, lemma)
    for c in list(v.children):
        if c.dep_ == "punct" and c.i > v.i:
            c.head = t
    n.head, n.dep_ = t, "dobj"
    v.head, v.dep_ = t, clause
    return True


def verb_read_as_subject_of_a_gerund(t: Token) -> bool:
    """"South Korean warships fire warning shots at ...": the parser makes the present verb a noun, the subject of
    the gerund after it, which it makes the root with no auxiliary; a trigger verb after a plural noun is the
    verb, the plural its subject, and the gerund a modifier of its object."""
    g = t.head
    if not (t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.tag_ in ("NN", "VB", "VBP") and g.tag_ == "VBG"
            and g.dep_ == "ROOT" and g.i == t.i + 1 and t.lemma_.lower() in patterns.load().verbs
            and not any(c.dep_ in ("aux", "auxpass") for c in g.children)):
        return False
    subj = next((c for c in t.lefts if c.dep_ == "compound" and c.tag_ in ("NNS", "NNPS") and c.i == t.i - 1), None)
    obj = next((c for c in g.children if c.dep_ == "dobj" and c.pos_ in NOMINAL), None)
    if subj is None or obj is None:
        return False
    t.head, t.dep_ = t, "ROOT"
    t.pos_, t.tag_ = "VERB", "VBP"
    for c in list(g.children):
        if c.i != t.i and c.i != obj.i:
            c.head = t
    subj.head, subj.dep_ = t, "nsubj"
    obj.head, obj.dep_ = t, "dobj"
    g.head, g.dep_, g.pos_ = obj, "amod", "ADJ"
    return True


def subject_read_as_modifier_of_verb(t: Token) -> bool:
    """"The Czech Republic and Slovakia vote against ...": the parser tags the verb right but hangs the names
    before it on it as modifiers (nmod, compound) with the article, as if it were a noun. A finite verb with no
    subject, whose last left dependent is a name or noun ending right before it, takes that phrase as subject; a
    noun after it read as an apposition ("An Israeli airstrike flattens Iran's consulate") is its object."""
    # (a bare form too, when it heads the sentence with no auxiliary: "Ukraine and Russia resume[VB] talks")
    if not (t.pos_ == "VERB" and (t.tag_ in ("VBP", "VBZ", "VBD") or (
            t.tag_ == "VB" and t.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in t.children)))
            and not has_subject(t)
            and any(c.dep_ in ("dobj", "prep", "xcomp", "ccomp", "appos", "npadvmod") and c.i > t.i or (
                c.dep_ == "acl" and to_infinitive(c)) for c in t.children)):  # ("The U.S. Senate votes to impose")
        return False  # (its object may be read as an apposition: "An Israeli airstrike flattens Iran's consulate")
    lefts = list(t.lefts)
    subj = lefts[-1] if lefts else None
    if subj is None or subj.dep_ not in ("nmod", "compound") or subj.pos_ not in NOMINAL \
            or subj.right_edge.i != t.i - 1 or not all(c.dep_ in ("det", "amod", "compound", "nmod", "poss")
                                                         for c in lefts[:-1]):
        return False
    for c in lefts[:-1]:
        c.head = subj
    subj.dep_ = "nsubj"
    for c in t.children:
        if c.dep_ == "acl" and to_infinitive(c):
            c.dep_ = "xcomp"
    # (or as an adverbial noun: "The Ukrainian army shells Donetsk")
    obj = next((c for c in t.rights if c.dep_ in ("appos", "npadvmod") and c.pos_ in NOMINAL), None)
    if obj is not None and not any(c.dep_ == "dobj" for c in t.children):
        obj.dep_ = "dobj"
    return True


def claim_noun_read_as_verb(t: Token) -> bool:
    """"Astana rejected Russian media claims[VBZ] that it was helping Ukraine": the parser reads a plural claim noun
    after a common noun as a verb of saying, with that noun as its subject or compound. A word in -s of
    ``accusation_nouns`` right after a common noun, with a that-clause, under a verb that takes no clause (not
    "said officials claim that ..."), is the verb's object and the that-clause its content."""
    h = t.head
    if not (t.dep_ in ("ccomp", "xcomp", "dobj") and t.tag_ == "VBZ" and t.lower_.endswith("s") and t.i > 0
            and h.pos_ == "VERB" and h.i < t.i and t.lower_[:-1] in modality.words().accusation_nouns
            and h.lemma_.lower() not in modality.words().report_verbs):
        return False
    prev = t.doc[t.i - 1]
    said = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if not (said is not None and prev.head.i == t.i and prev.dep_ in ("compound", "nsubj") and prev.pos_ == "NOUN"
            and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i != prev.i for c in t.children)
            and (t.dep_ == "dobj" or child(h, "dobj") is None)):
        return False
    t.dep_, t.pos_, t.tag_, t.lemma_ = "dobj", "NOUN", "NNS", t.lower_[:-1]
    prev.dep_ = "compound"
    said.dep_ = "acl"
    return True


def agent_noun_read_as_verb(t: Token) -> bool:
    """"Missiles fired by Houthi forces[VBZ] hit[amod] a British-owned ship": the same misreading inside a by-phrase:
    the agent's plural noun is taken for the sentence's verb, the name before it for the agent. A present verb
    right after a name ending a phrase, with a trigger verb right after it, is that name's noun."""
    doc = t.doc
    if not (t.dep_ == "ROOT" and t.tag_ == "VBZ" and t.lower_.endswith("s") and 0 < t.i < len(doc) - 1):
        return False
    name, v, verbs = doc[t.i - 1], doc[t.i + 1], patterns.load().verbs
    if not (name.dep_ == "pobj" and name.head.dep_ in ("agent", "prep") and name.head.lower_ == "by"
            and name.pos_ in ("PROPN", "ADJ")
            and name.head.i == name.i - 1 and v.head.i != v.i and v.tag_ in ("VBD", "VBP", "VBZ", "VB", "JJ", "NN")
            and (v.lower_ in verbs or v.lemma_.lower() in verbs)):
        return False
    subj = child(t, "nsubj")
    v.head, v.dep_, v.pos_ = v, "ROOT", "VERB"
    if v.tag_ in ("JJ", "NN"):
        v.tag_ = "VBP"
    for c in list(t.children):
        if c.i > v.i or (subj is not None and c.i == subj.i):
            c.head = v  # the subject, the object and what follows belong to the verb
    for c in list(v.children):
        if c.dep_ in ("amod", "det") and c.i < v.i:
            c.head = t
    t.head, t.dep_, t.pos_, t.tag_, t.lemma_ = name.head, "pobj", "NOUN", "NNS", t.lower_[:-1]
    name.head, name.dep_ = t, "compound"
    return True


def verb_read_as_subject_of_its_object(t: Token) -> bool:
    """"Xi Jinping signs[NNS] deals[VBZ] with Cameron", "China pledges[NNS] support[VBP] for Pakistan": the parser
    swaps the present verb and its object, making the verb a noun subject of the object read as a verb. A trigger
    verb in -s that has a subject of its own (or shares one with that word), right before the word read as its
    verb, is the verb, and that word its object."""
    h = t.head
    if not (t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS") and h.tag_ in ("VBZ", "VBP") and h.i == t.i + 1):
        return False
    own = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
    # (or the name is read as a second subject of the same word: "China[nsubj] pledges[nsubj] support[VBP] for")
    shared = next((c for c in h.children if c.dep_ == "nsubj" and c.i == t.i - 1 and c.pos_ == "PROPN"), None)
    if not ((own is not None and not has_subject_other(h, t))
            or (shared is not None and [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")] == [shared, t])):
        return False
    lemma = present_verb_lemma(t)
    if lemma is None:
        return False
    if shared is not None:
        shared.head = t
    t.head, t.dep_ = (t, "ROOT") if h.dep_ == "ROOT" else (h.head, h.dep_)
    as_verb(t, lemma)
    for c in list(h.children):
        if c.dep_ in ("prep", "punct") and c.i > h.i:
            c.head = t
    h.head, h.dep_ = t, "dobj"
    h.pos_, h.tag_, h.lemma_ = "NOUN", "NNS", h.lower_[:-1] if h.lower_.endswith("s") else h.lemma_
    return True


def has_subject_other(v: Token, t: Token) -> bool:
    """Whether ``v`` has a subject besides ``t``."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i != t.i for c in v.children)


def gerund_read_as_compound_of_its_object(t: Token) -> bool:
    """"Moscow resumes shipping[NN] weapons to Syria": after a verb of aspect (resume, begin, continue) the parser
    reads the gerund as a compound of its object; it is the verb's complement, with that object and the phrases
    after it, so that the act is coded by its own verb ("ship weapons to": 072)."""
    n = t.head
    v = n.head
    if not (t.dep_ == "compound" and t.tag_ == "NN" and t.lower_.endswith("ing") and n.dep_ == "dobj"
            and t.i == v.i + 1 and n.i == t.i + 1 and v.lemma_.lower() in modality.words().aspect_heads):
        return False
    verbs = patterns.load().verbs
    stem = t.lower_[:-3]
    lemma = next((w for w in (stem, stem + "e", stem[:-1]) if w in verbs), None)
    if lemma is None:
        return False
    t.head, t.dep_ = v, "xcomp"
    t.pos_, t.tag_, t.lemma_ = "VERB", "VBG", lemma
    n.head = t
    for c in list(v.children):
        if c.dep_ == "prep" and c.i > n.i:
            c.head = t
    return True


# Particles of phrasal verbs the parser may take for prepositions ("flies in medical teams")
PARTICLES = frozenset({"in", "out", "off", "up", "down", "over", "back", "away"})


def particle_read_as_preposition(t: Token) -> bool:
    """"India flies in medical teams to Nepal": the parser reads the particle as a preposition and the phrasal
    verb's object as its object. When the lexicon has the phrasal verb ("fly in") taking that object ("medical
    team"), the word is the particle and the noun the object ("flies in planes" keeps its preposition)."""
    v = t.head
    if not (t.dep_ == "prep" and t.lower_ in PARTICLES and v.pos_ == "VERB" and t.i == v.i + 1
            and not any(c.dep_ in ("dobj", "prt") for c in v.children)):
        return False
    obj = pobj_of(t)
    if obj is None or obj.pos_ != "NOUN":
        return False
    keys = {*forms(obj), *modified_forms(obj)}
    if not any(p.needs[:1] == (t.lower_,) and keys & p.objects.keys()
               for p in patterns.load().verbs.get(v.lemma_.lower(), ())):
        return False
    t.dep_ = "prt"
    obj.head, obj.dep_ = v, "dobj"
    return True


def verb_pair_read_as_subordinators_object(t: Token) -> bool:
    """"after a Chinese coast guard ship rams[NNS] and sinks a Vietnamese boat": the parser reads the first of two
    joined present verbs as a plural noun, the object of the subordinator, with its subject as a compound. A
    trigger verb so read, with a finite verb joined to it and a compound right before it, is the clause's verb,
    the compound its subject and the subordinator its mark."""
    prep = t.head
    if not (t.dep_ == "pobj" and t.tag_ == "NNS" and prep.dep_ == "prep" and prep.lower_ in SUBORDINATORS
            and prep.head.pos_ in ("VERB", "AUX") and t.i > 0):
        return False
    joined = next((c for c in t.rights if c.dep_ == "conj" and c.tag_ in ("VBZ", "VBD")), None)
    subj = t.doc[t.i - 1]
    lemma = present_verb_lemma(t)
    if joined is None or lemma is None or subj.dep_ != "compound" or subj.head.i != t.i:
        return False
    for c in [c for c in t.lefts if c.i < subj.i]:  # "a Chinese coast guard": the subject's own modifiers
        c.head = subj
    subj.head, subj.dep_ = t, "nsubj"
    t.head, t.dep_ = prep.head, "advcl"
    prep.head, prep.dep_ = t, "mark"
    as_verb(t, lemma)
    return True


def outbreak_read_as_plural(t: Token) -> bool:
    """"Fighting rages[NNS] between Azerbaijani and Armenian forces": the parser reads a verb of outbreak (rage,
    erupt, flare ...) after an event noun as a plural noun with that noun for compound; a root so read, with no
    subject and an event noun right before it, is the verb and the noun its subject."""
    if not (t.dep_ == "ROOT" and t.tag_ in ("NNS", "NN") and t.i > 0 and not has_subject(t)):
        return False  # ("Clashes rage[NN]": a plural subject's verb has no -s)
    verb = next((w for w in (t.lemma_.lower(), t.lower_[:-1], t.lower_[:-2]) if w in
                 modality.words().outbreak_verbs), None)
    subj = t.doc[t.i - 1]
    nouns = patterns.load().nouns  # ("fighting" tagged a gerund is looked up by its form as well as its lemma)
    if verb is None or subj.dep_ != "compound" or subj.head.i != t.i or not (
            subj.lower_ in nouns or subj.lemma_.lower() in nouns):
        return False
    for c in list(t.lefts):
        if c.i < subj.i:
            c.head = subj  # "heavy fighting": the subject's own modifiers
    subj.dep_ = "nsubj"
    t.tag_, t.pos_, t.lemma_ = ("VBZ" if t.tag_ == "NNS" else "VBP"), "VERB", verb
    return True


def verb_read_as_subject_of_a_participle(t: Token) -> bool:
    """"China releases[NNS] detained[VBD] Japanese businessmen": the parser takes the present verb for a plural noun
    compounded with the name before it, subject of the participle that describes the object. A trigger verb in -s
    right after a name, right before a participle that opens its object, is the verb; the participle describes
    the object."""
    h = t.head
    if not (t.dep_ == "nsubj" and t.tag_ == "NNS" and t.is_lower and h.tag_ in ("VBD", "VBN") and h.dep_ == "ROOT"
            and h.i == t.i + 1 and not has_subject_other(h, t)):
        return False  # (a capitalised word is part of a name: "the Lebanese Armed Forces exchanged fire")
    w = modality.words()
    if t.lemma_.lower() in w.force_nouns or t.lemma_.lower() in w.force_agents:
        return False  # "Iran guards seized ...": the people who did it
    name = next((c for c in t.lefts if c.dep_ == "compound" and c.i == t.i - 1 and c.pos_ == "PROPN"), None)
    obj = next((c for c in h.children if c.dep_ == "dobj"), None)
    if name is None or obj is None or min(x.i for x in obj.subtree) != h.i + 1:
        return False
    if t.lower_ == "states" or t.doc[h.i + 1].tag_ in ("CD", "$"):
        # "the Gulf states condemned ...": after a name, "states" is a group's noun far more often than the verb
        # (Gulf, Baltic, Nordic, member states); and no participle describes an amount ("pledged $10 billion")
        return False
    lemma = present_verb_lemma(t)
    if lemma is None:
        return False
    for c in list(t.lefts):
        if c.i < name.i:
            c.head = name
    name.head, name.dep_ = t, "nsubj"
    t.head, t.dep_ = t, "ROOT"
    as_verb(t, lemma)
    for c in list(h.children):
        if c.i > h.i:
            c.head = t
    h.head, h.dep_, h.pos_ = obj, "amod", "ADJ"
    return True


def noun_root_as_verb(t: Token, subj: Token, tag: str, comp: Token, comp_dep: str,
                      moved: frozenset[str] | None = None) -> bool:
    """Re-read a root noun as the verb of the noun compounded before it: the words before that noun (of the
    ``moved`` labels, if given) become its modifiers, it the subject, ``comp`` the verb's complement."""
    for c in list(t.lefts):
        if c.i < subj.i and (moved is None or c.dep_ in moved):
            c.head = subj
    subj.dep_ = "nsubj"
    t.pos_, t.tag_ = "VERB", tag
    comp.dep_ = comp_dep
    return True


def report_verb_read_as_noun(t: Token) -> bool:
    """"Iranian state media report[NN] that the Revolutionary Guards have seized a tanker": after a plural the
    parser may read a verb of saying as a noun compounded with it, and the that-clause as the noun's. A saying
    word heading the sentence after a plural, with no article and a that-clause, is the plural's verb."""
    if not (t.dep_ == "ROOT" and t.tag_ == "NN" and t.lemma_.lower() in modality.words().report_verbs):
        return False
    subj = next((c for c in t.lefts if c.dep_ == "compound" and c.i == t.i - 1 and c.tag_ in ("NNS", "NNPS")), None)
    said = next((c for c in t.rights if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX")
                 and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children)), None)
    if subj is None or said is None or any(c.dep_ in ("det", "poss") for c in t.lefts):
        return False
    return noun_root_as_verb(t, subj, "VBP", said, "ccomp")


def ing_noun_read_as_participle(t: Token) -> bool:
    """"put its troops on a war footing[VBG] against South Korea", "Artillery shelling[VBG] by the Turkish army
    hits": the parser may read the head noun of a compound in -ing as a participle of the word before it. Such a
    word, right after that word and with no object or subject of its own, is the head noun and the word before it
    its modifier, when it is a noun that is never a participle there (``ing_nouns`` in modality.yaml) or an event
    noun of the lexicon ("shelling", "bombing", "fighting") with its by- or of-phrase, after a singular modifier
    standing where a noun phrase stands."""
    h = t.head
    if not (t.dep_ in ("acl", "xcomp") and t.tag_ == "VBG" and h.i == t.i - 1
            and not any(c.dep_ in ("dobj", "nsubj", "nsubjpass", "ccomp") for c in t.children)):
        return False
    fixed = t.lower_ in modality.words().ing_nouns and h.pos_ == "NOUN" and t.dep_ == "acl"
    # (a noun's own phrase: "soldiers firing across the border killed" keeps its participle)
    event = (t.lower_ in patterns.load().nouns and h.tag_ in ("JJ", "NN", "VBN")
             and h.dep_ in ("nsubj", "nsubjpass", "csubj", "dobj", "pobj")
             and (h.tag_ != "VBN" or h.dep_ == "csubj")
             and any(c.dep_ in ("prep", "agent") and c.lower_ in ("by", "of") for c in t.children))
    if not (fixed or event):
        return False
    for c in list(h.children):
        if c.i < h.i:
            c.head = t  # "a war footing": the article is the whole noun's
    dep = "nsubj" if h.dep_ == "csubj" else h.dep_
    t.head, t.dep_ = (h.head, dep) if h.head.i != h.i else (t, "ROOT")
    t.tag_, t.pos_, t.lemma_ = "NN", "NOUN", t.lower_
    h.head, h.dep_ = t, ("compound" if h.pos_ in ("NOUN", "PROPN") else "amod")
    if h.tag_ == "VBN":
        h.tag_, h.pos_ = "JJ", "ADJ"  # "Renewed[VBN] shelling"
    return True


def subjunctive_read_as_noun(t: Token) -> bool:
    """"demanded that Damascus halt such acts": after a verb of demanding, the bare verb of the that-clause may be
    read as a noun compounded with its subject. A trigger verb's form with a name before it, a "that" and an object
    of its own, under a demand, is the clause's verb and the name its subject."""
    if not (t.dep_ == "ccomp" and t.tag_ == "NN" and t.lemma_.lower() in patterns.load().verbs
            and t.head.lemma_.lower() in modality.words().request_ccomp):
        return False
    subj = t.doc[t.i - 1] if t.i > 0 else None
    if subj is None or subj.dep_ != "compound" or subj.head.i != t.i or subj.pos_ != "PROPN" or not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in t.children) or not any(
            c.dep_ == "dobj" and c.i > t.i for c in t.children):
        return False
    subj.dep_ = "nsubj"
    t.pos_, t.tag_ = "VERB", "VB"
    return True


def verb_conjunct_read_as_noun(t: Token) -> bool:
    """"condemn the attack and demand that Damascus halt": a bare trigger verb joined to a present verb by "and"
    may be read as a noun with a that-clause. Right after the "and", with no article and a that-clause of its own,
    it is the second verb, in its head's tense."""
    h = t.head
    if not (t.dep_ == "conj" and t.tag_ == "NN" and h.pos_ == "VERB" and h.tag_ in ("VBP", "VBZ", "VBD")
            and t.lemma_.lower() in patterns.load().verbs and t.i > 0 and t.doc[t.i - 1].dep_ == "cc"):
        return False
    if any(c.dep_ in ("det", "poss", "amod", "compound") for c in t.lefts) or not any(
            c.dep_ == "ccomp" and any(x.dep_ == "mark" and x.lower_ == "that" for x in c.children) for c in t.children):
        return False
    t.pos_, t.tag_ = "VERB", h.tag_
    return True


def second_subject_read_as_compound_of_verb(t: Token) -> bool:
    """"Olaf Scholz and French President Emmanuel Macron call on ...": the parser hangs the second of two joined
    subjects on the verb as a compound. A name compounded with a verb after it, right after "and" that follows
    the verb's subject, is that subject's conjunct."""
    v = t.head
    if not (t.dep_ == "compound" and t.pos_ == "PROPN" and v.pos_ == "VERB" and v.i == t.i + 1):
        return False
    first = t.left_edge
    cc = t.doc[first.i - 1] if first.i > 0 else None
    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < t.i), None)
    if cc is None or cc.lower_ != "and" or subj is None or cc.head.i != subj.i:
        return False
    t.head, t.dep_ = subj, "conj"
    return True


# Participles that describe the person after them as a guest: "met visiting Chinese Foreign Minister Wang Yi"
GUEST_PARTICIPLES = frozenset({"visiting"})


def guest_participle_read_as_verb(t: Token) -> bool:
    """"Putin met visiting Chinese Foreign Minister Wang Yi", "told visiting EU President Charles Michel that":
    right after a verb, the parser reads "visiting" as a second verb whose object is the guest; it describes the
    guest, who is the first verb's object."""
    v = t.head
    if not (t.lower_ in GUEST_PARTICIPLES and t.tag_ == "VBG" and v.pos_ in ("VERB", "AUX") and t.i == v.i + 1
            and not any(c.dep_ in ("aux", "mark", "nsubj", "neg") for c in t.children)
            and not any(c.dep_ in ("dobj", "dative") for c in v.children)):
        return False
    guest = child(t, "dobj")
    if guest is None or guest.pos_ != "PROPN":
        return False
    guest.head, guest.dep_ = v, ("dative" if any(c.dep_ == "ccomp" for c in v.children) else "dobj")
    for c in list(t.children):
        if c.i != guest.i:
            c.head = v  # ("in Moscow", "on Tuesday": the meeting's)
    t.head, t.dep_ = guest, "amod"
    return True

