"""Parse repairs: the small English model's readings that hide an act, each a class of structure mended in
place after the parse (heads and labels only; words and offsets never change). One function per class, tried
in order on each token; the first that applies wins. Repairs of names, verbs and clauses live in
repair_names.py, repair_verbs.py, repair_clauses.py and repair_phrases.py; this module holds the rest and the order."""

from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.tokens import Doc, Token

from . import patterns
from .repair_clauses import (
    agent_read_off_its_attack_noun,
    agent_read_on_complex_preposition,
    agent_read_on_object,
    attack_noun_read_as_verb,
    clause_across_a_semicolon,
    closing_denial_read_as_main_clause,
    closing_denial_read_as_noun,
    closing_speaker_read_as_apposition,
    comment_read_on_reported_clause,
    free_relative_read_as_clause,
    fronted_phrase_read_as_subject,
    joined_clause_read_as_complement,
    object_of_a_preposition_read_as_compound_of_the_verb,
    object_read_as_adverbial_noun,
    object_read_into_a_date,
    participle_subject_read_as_complement,
    receiver_read_as_adverb,
    reduced_relative_read_as_clause,
    relative_subject_read_as_apposition,
    second_object_read_as_object,
    subject_swallowed_by_fronted_phrase,
    summing_relative_read_as_conjunct,
    summing_relative_read_as_main_clause,
    that_clause_read_as_noun_clause,
    verb_read_as_compound_of_its_object,
)
from .repair_names import (
    NOMINAL,
    NOUN_SLOTS,
    adjective_list_read_as_modifiers,
    adjectives_read_as_head_of_their_noun,
    has_subject,
    lowercase_read_as_name,
    name_read_as_adverb,
    name_read_as_modifier,
    name_read_as_noun_phrase,
    name_read_as_verb,
    nationality_read_as_receiver,
    pair_read_as_modifier_of_second_name,
    possessed_pair_read_as_one,
    qualified_adjective_read_as_modifier,
    verdict_read_as_head_of_a_noun,
)
from .repair_phrases import (
    apposition_read_as_second_subject,
    conjunct_of_the_like,
    list_read_as_apposition,
    object_of_a_bare_preposition,
    object_of_particle,
    object_read_as_subordinate_subject,
    particle_read_as_adverb,
    phrase_read_on_a_duration,
    phrase_read_on_a_worth,
    place_read_on_a_statement,
    relative_read_on_phrase_head,
    state_read_on_object,
    subject_of_preposition,
    subject_of_subordinator,
    subject_read_as_apposition_in_fronted_phrase,
)
from .repair_plurals import (
    demonym_subject_read_as_modifier,
    headline_verb_read_as_root_noun,
    joined_verb_read_as_plural_noun,
    plural_read_for_verb,
    plural_subject_read_as_verb,
)
from .repair_verbs import (
    SUBORDINATORS,
    agent_noun_read_as_verb,
    claim_noun_read_as_verb,
    gerund_read_as_compound_of_its_object,
    guest_participle_read_as_verb,
    ing_noun_read_as_participle,
    outbreak_read_as_plural,
    particle_read_as_preposition,
    past_read_as_lemma,
    report_verb_read_as_noun,
    second_subject_read_as_compound_of_verb,
    subject_read_as_modifier_of_verb,
    subjunctive_read_as_noun,
    to_infinitive,
    verb_conjunct_read_as_noun,
    verb_pair_read_as_subordinators_object,
    verb_read_as_compound,
    verb_read_as_subject_of_a_gerund,
    verb_read_as_subject_of_a_participle,
    verb_read_as_subject_of_its_object,
)

# Parts of speech no repair mends: punctuation, articles, conjunctions, numbers
INERT = frozenset({"PUNCT", "DET", "CCONJ", "NUM", "SYM", "SPACE"})
# Verbs whose object's infinitive has no "to": "let UN inspectors visit", "made Russia withdraw"
BARE_INFINITIVE_HEADS = frozenset({"let", "make", "help"})
# Dependents that make a word a verb of its own clause
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "aux", "ccomp", "xcomp")


def child_of(t: Token, dep: str) -> Token | None:
    return next((c for c in t.children if c.dep_ == dep), None)


def headline_future(t: Token) -> bool:
    """"EU to impose new sanctions on Iran": the name the parser made the root is the infinitive's subject."""
    h = t.head
    if not (t.tag_ == "VB" and _clause_of_root_noun(t) and to_infinitive(t)):
        return False
    h.head, h.dep_ = t, "nsubj"
    t.head, t.dep_ = t, "ROOT"
    return True


def _clause_of_root_noun(t: Token) -> bool:
    """``t`` is the parser's only verb clause on the noun it made the sentence's root, after that noun."""
    h = t.head
    return (t.dep_ == "acl" and h.dep_ == "ROOT" and h.pos_ in NOMINAL and h.i < t.i
            and not any(c.pos_ in ("VERB", "AUX") and c.i != t.i for c in h.children))


def finite_verb_read_as_relative(t: Token) -> bool:
    """"Thousands protested[VBD] outside the French embassy": the parser may make the plural or name that opens the
    sentence its root and the finite verb after it a clause modifying it. A finite verb modifying the root noun,
    with no subject of its own and no other verb on that noun, is the sentence's verb and the noun its subject."""
    h = t.head
    if not (t.tag_ in ("VBD", "VBZ", "VBP") and _clause_of_root_noun(t)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
        return False
    for c in list(h.rights):
        if c.i > t.i:
            c.head = t  # the full stop
    h.head, h.dep_ = t, "nsubj"
    t.head, t.dep_ = t, "ROOT"
    return True


def object_of_infinitive(t: Token) -> bool:
    """"allowed UN inspectors to visit the plant", "let inspectors visit": the parser makes the object the
    subject of a clause; it is the verb's object, and the infinitive its complement (as "urged Iran to ...")."""
    h = t.head
    if not (t.dep_ == "ccomp" and t.tag_ == "VB" and h.pos_ == "VERB"
            and (to_infinitive(t) or h.lemma_.lower() in BARE_INFINITIVE_HEADS)
            and not any(c.dep_ == "dobj" for c in h.children)):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i and c.pos_ in NOMINAL), None)
    if subj is None:
        return False
    subj.head, subj.dep_ = h, "dobj"
    t.dep_ = "xcomp"
    return True


def bare_infinitive_read_as_modifier(t: Token) -> bool:
    """"helped Ukraine repel Russian attacks", "let inspectors enter the site": the parser may hang the base-form verb
    with its subject on the noun after it; the subject is the head verb's object and the noun the infinitive's."""
    n = t.head
    h = n.head
    if not (t.tag_ == "VB" and t.dep_ in ("nmod", "compound", "amod") and n.i > t.i and n.dep_ == "dobj"
            and h.pos_ == "VERB" and h.lemma_.lower() in BARE_INFINITIVE_HEADS and h.i < t.i):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i and c.pos_ in NOMINAL), None)
    if subj is None:
        return False
    subj.head, subj.dep_ = h, "dobj"
    t.head, t.dep_ = h, "xcomp"
    n.head, n.dep_ = t, "dobj"
    return True


def participle_read_as_clause(t: Token) -> bool:
    """"tortured detained Ukrainian civilians", "released detained Palestinian prisoners": a past participle right
    after a verb with no object of its own, read as a clause of its own with the noun as its object, describes
    the noun; the noun is the verb's object."""
    h = t.head
    obj = child_of(t, "dobj")
    if not (t.tag_ in ("VBN", "VBD") and t.dep_ in ("advcl", "xcomp", "ccomp") and h.i == t.i - 1 and h.pos_ == "VERB"
            and obj is not None and not any(c.dep_ == "dobj" for c in h.children)
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in t.children)):
        return False
    obj.head, obj.dep_ = h, "dobj"
    t.head, t.dep_ = obj, "amod"
    t.pos_ = "ADJ"
    return True


def verb_conjunct_read_as_modifier(t: Token) -> bool:
    """"will set aside the claim on the islands and forge better relations with China": the parser hangs the base
    form after "and" on the noun after it, which it joins to the previous object; the verb joins the verb of that
    object, and the noun is its own object."""
    n = t.head
    doc = t.doc
    if not (t.tag_ == "VB" and t.dep_ in ("amod", "compound", "nmod") and n.i > t.i and n.dep_ == "conj"
            and t.i > 0 and doc[t.i - 1].dep_ == "cc" and doc[t.i - 1].lower_ in ("and", "or")):
        return False
    v = n.head
    for _ in range(6):  # up the conjunct and prepositional chain to the verb whose object it is
        if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
            break
        v = v.head
    if v.tag_ not in ("VB", "VBP", "VBZ", "VBD") or v.i > t.i:
        return False
    t.head, t.dep_ = v, "conj"
    t.pos_ = "VERB"
    n.head, n.dep_ = t, "dobj"
    doc[t.i - 1].head = v
    return True


def past_verb_read_as_adjective(t: Token) -> bool:
    """"Turkey scrambled fighter jets after a Russian plane flew ...": the parser reads the past verb as an adjective
    ("scrambled eggs") and its object as the subject of the subordinate clause, which then has two subjects. The
    past verb with a subject of its own is the main verb; the noun its object, the clause its adverbial."""
    n = t.head
    clause = n.head
    if not (t.tag_ == "VBD" and t.dep_ == "amod" and n.i > t.i and n.dep_ == "nsubj" and clause.i > n.i
            and any(c.dep_ == "nsubj" and c.i < t.i for c in t.children)
            and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in clause.children)
            and any(c.dep_ == "nsubj" and c.i != n.i for c in clause.children)):
        return False
    t.head, t.dep_ = (t, "ROOT") if clause.dep_ == "ROOT" else (clause.head, clause.dep_)
    n.head, n.dep_ = t, "dobj"
    clause.head, clause.dep_ = t, "advcl"
    t.pos_ = "VERB"
    return True


def conjunct_in_that_clause(t: Token) -> bool:
    """"demanded that Rwanda withdraw its troops and ordered the ambassador to leave": "ordered" is past with no
    subject, so it cannot join the base-form "withdraw"; it joins the past verb the clause depends on."""
    # (so in the present: "says Croatia will not become a hotspot and criticises Hungary")
    h = t.head
    if not (t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ") and h.tag_ in ("VB", "VBP", "VBZ") and h.tag_ != t.tag_
            and h.dep_ == "ccomp" and h.head.tag_ == t.tag_ and not has_subject(t)
            and any(c.dep_ == "nsubj" for c in h.children)):
        return False
    t.head = h.head
    return True


def conjunct_under_gerund(t: Token) -> bool:
    """"accuses Iran of smuggling weapons and expels its envoy": a finite verb cannot join the accusation's
    gerund; it joins the finite verb of the same tense that governs it."""
    h = t.head
    if not (t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ") and h.tag_ == "VBG" and h.dep_ == "pcomp"
            and h.head.head.tag_ == t.tag_ and not has_subject(t)):
        return False
    t.head = h.head.head
    return True


def noun_joined_to_verb(t: Token) -> bool:
    """"visits Cuba and then the United States": a noun cannot coordinate with the verb; it joins the verb's
    last nominal argument before it, so that both are visited. So does a plural object noun tagged as a verb
    with no argument of its own ("shuts its embassy and consulates in Egypt"), unless it is a trigger verb."""
    h = t.head
    if t.dep_ != "conj" or h.pos_ not in ("VERB", "AUX"):
        return False
    lemma = t.lemma_.lower()
    tagged_verb = t.tag_ == "VBZ" and h.pos_ == "VERB" and lemma in patterns.load().object_lemmas and \
        lemma not in patterns.load().verbs and not any(c.dep_ in ARGUMENT_DEPS for c in t.children)
    if t.pos_ not in NOMINAL and not tagged_verb:
        return False
    args = [c for c in h.children if c.dep_ in ("dobj", "attr") and c.i < t.i and c.pos_ in NOMINAL]
    args += [o for p in h.children if p.dep_ == "prep" and p.i < t.i
             for o in p.children if o.dep_ == "pobj" and o.pos_ in NOMINAL]
    if not args or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in t.children):
        return False
    t.head = max(args, key=lambda a: a.i)
    if tagged_verb:
        t.tag_, t.pos_ = "NNS", "NOUN"
    return True


def noun_read_as_bare_verb(t: Token) -> bool:
    """"launches drone strikes on Syria": the parser reads the compound noun as a bare infinitive with the head
    noun its object; only verbs like "let" take a bare infinitive, so a word the lexicon knows as an object
    noun, right after a verb that takes none, is the compound of the noun after it, which is the verb's object."""
    h = t.head
    if not (t.dep_ == "xcomp" and t.tag_ in ("VB", "VBP") and h.pos_ == "VERB" and h.i < t.i
            and h.lemma_.lower() not in BARE_INFINITIVE_HEADS and not to_infinitive(t) and not has_subject(t)
            and t.lemma_.lower() in patterns.load().object_lemmas
            and not any(c.dep_ == "dobj" for c in h.children)
            and all(x.dep_ in ("det", "amod", "compound", "nummod") for x in t.doc[h.i + 1:t.i])):
        return False
    obj = next((c for c in t.children if c.dep_ == "dobj" and c.i == t.i + 1 and c.pos_ == "NOUN"), None)
    if obj is None:
        return False
    for c in list(t.children):
        if c.i != obj.i:
            c.head = obj if c.i < t.i else h
    obj.head, obj.dep_ = h, "dobj"
    t.head, t.dep_, t.tag_, t.pos_ = obj, "compound", "NN", "NOUN"
    return True


def gerund_noun_subject(t: Token) -> bool:
    """"Azerbaijani shelling kills a soldier": the parser makes the adjective the subject and the event noun a
    participle modifying it; a word the lexicon knows as an event noun, with nothing of its own but its phrases
    ("Azerbaijani shelling of Armenian villages wounds ..."), right after the subject it would modify, is the
    subject, and the adjective its modifier."""
    h = t.head
    if not (t.dep_ == "acl" and t.tag_ == "VBG" and h.i == t.i - 1 and h.dep_ == "nsubj" and h.tag_ in ("NNP", "JJ")
            and all(c.dep_ == "prep" and c.i > t.i for c in t.children) and t.lower_ in patterns.load().nouns):
        return False
    verb = h.head
    t.head, t.dep_, t.tag_, t.pos_, t.lemma_ = verb, "nsubj", "NN", "NOUN", t.lower_
    for c in list(h.children):
        c.head = t
    h.head, h.dep_ = t, "amod"
    return True


def gerund_read_as_main_verb(t: Token) -> bool:
    """"Russian shelling hit Ukrainian positions": the parser makes the event noun the main verb and the real verb
    an adjective of the object ("hit positions"). An event noun the lexicon knows, with a modifier before it and
    a past or present verb right after it that modifies the noun's object, is that verb's subject."""
    doc = t.doc
    if not (t.tag_ == "VBG" and t.i + 1 < len(doc) and t.lower_ in patterns.load().nouns
            and any(c.dep_ in ("amod", "compound", "det", "poss") and c.i < t.i for c in t.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in t.children)):
        return False
    v = doc[t.i + 1]
    # the verb as the noun's clause ("shelling [hit positions]") or as an adjective of its object
    clause = v.head.i == t.i and v.dep_ in ("xcomp", "ccomp", "advcl", "dep") and child_of(v, "dobj") is not None \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in v.children)
    modifier = v.dep_ == "amod" and v.head.i > v.i and v.head.head.i == t.i and v.head.dep_ == "dobj"
    if not (v.tag_ in ("VBD", "VBZ") and (clause or modifier)):
        return False
    obj = child_of(v, "dobj") if clause else v.head
    v.head, v.dep_ = (v, "ROOT") if t.dep_ == "ROOT" else (t.head, t.dep_)
    for c in list(t.children):
        if c.i > v.i:
            c.head = v  # the object, the clause's punctuation and adverbials go with the verb
    if obj is not None:
        obj.head, obj.dep_ = v, "dobj"
    t.head, t.dep_, t.tag_, t.pos_, t.lemma_ = v, "nsubj", "NN", "NOUN", t.lower_
    v.pos_ = "VERB"
    return True


def participle_joined_to_adverb(t: Token) -> bool:
    """"are forcibly and controversially deported to Baghdad": the parser joins the participle to the first
    adverb, which it makes the complement of "are"; the participle is the passive verb, the adverbs its own."""
    h = t.head
    aux = h.head
    if not (t.dep_ == "conj" and t.tag_ == "VBN" and h.pos_ == "ADV" and h.dep_ in ("acomp", "advmod")
            and aux.lemma_ == "be" and aux.i < h.i < t.i):
        return False
    t.head, t.dep_ = (t, "ROOT") if aux.dep_ == "ROOT" else (aux.head, aux.dep_)
    for c in list(aux.children):
        if c.i == h.i:
            continue
        c.head = t
        if c.dep_ == "nsubj":
            c.dep_ = "nsubjpass"
    aux.head, aux.dep_ = t, "auxpass"
    h.head, h.dep_ = t, "advmod"
    for c in list(h.children):
        if c.dep_ == "cc":
            c.head = t
    return True


def subject_joined_to_object(t: Token) -> bool:
    """"urges an immediate ceasefire and UN Chief Ban Ki-moon is to meet ...": the parser joins the second
    clause's subject to the first clause's object; a noun conjunct right before a verb of the same chain that
    has no subject of its own is that verb's subject."""
    h = t.head
    if not (t.dep_ == "conj" and t.pos_ in NOMINAL and h.dep_ in ("dobj", "pobj") and t.i + 1 < len(t.doc)):
        return False
    v = t.doc[t.i + 1]
    if v.dep_ in ("aux", "auxpass") and v.head.i > v.i and v.tag_ in ("VBZ", "VBP", "VBD", "MD"):
        # "says two Americans were detained by Bahraini forces and the US Embassy is looking into it": the verb
        # after the auxiliary, a second complement of the same saying verb
        v = v.head
        if v.dep_ not in ("conj", "ccomp"):
            return False
    elif not (v.dep_ == "conj" and v.tag_ in ("VBZ", "VBP", "VBD", "MD")):
        return False
    if has_subject(v) or not (v.head.i < h.i and h.i in {x.i for x in v.head.subtree}):
        return False
    t.head, t.dep_ = v, "nsubj"
    for c in h.children:
        if c.dep_ == "cc" and h.i < c.i < t.i:
            c.head = v.head
    return True


def object_lent_to_main_subject(t: Token) -> bool:
    """"After Russia struck Kyiv, Ukraine attacked Russia", "After meeting Xi, Ma says": the parser reads the fronted
    clause's object and the main subject as one list ("Kyiv, Ukraine") and leaves the fronted verb with no object; a
    noun right after a marked fronted verb (or a gerund after "after", "before") that has none, joined to a noun
    after a comma with no "and", is that verb's object, and the noun after the comma the main subject."""
    v = t.head
    if not (t.dep_ == "nsubj" and t.pos_ in NOMINAL and v.pos_ in ("VERB", "AUX") and t.i < v.i):
        return False
    fronted = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
    if fronted is None or not ((
            fronted.dep_ == "advcl" and fronted.head.i == v.i and fronted.tag_ in ("VBD", "VBZ", "VBP")
            and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in fronted.children) and has_subject(fronted)
    ) or (  # or a fronted gerund: "After meeting Chinese President Xi Jinping, Ma Ying-jeou says ..."
            fronted.dep_ == "pcomp" and fronted.tag_ == "VBG" and fronted.head.lower_ in SUBORDINATORS
            and fronted.head.head.i == v.i)) or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in fronted.children) \
            or fronted.lemma_.lower() not in patterns.load().verbs:
        return False
    conj = next((c for c in t.children if c.dep_ == "conj" and c.pos_ in NOMINAL), None)
    if conj is None or any(c.dep_ == "cc" for c in t.children) or not any(
            x.dep_ == "punct" and x.lower_ == "," for x in t.doc[t.i + 1:conj.left_edge.i]):
        return False
    conj.head, conj.dep_ = v, "nsubj"
    t.head, t.dep_ = fronted, "dobj"
    for x in t.doc[t.right_edge.i + 1:conj.left_edge.i]:
        if x.dep_ == "punct":
            x.head = v
    return True


REPAIRS: tuple[Callable[[Token], bool], ...] = (
    lowercase_read_as_name, past_read_as_lemma, headline_future, finite_verb_read_as_relative,
    clause_across_a_semicolon,
    that_clause_read_as_noun_clause,
    object_of_infinitive, bare_infinitive_read_as_modifier,
    past_verb_read_as_adjective, verb_conjunct_read_as_modifier, participle_read_as_clause,
    conjunct_in_that_clause, conjunct_under_gerund, verb_conjunct_read_as_noun, joined_verb_read_as_plural_noun,
    noun_joined_to_verb,
    noun_read_as_bare_verb, gerund_noun_subject, gerund_read_as_main_verb,
    summing_relative_read_as_main_clause, relative_subject_read_as_apposition, summing_relative_read_as_conjunct,
    verb_read_as_compound,
    gerund_read_as_compound_of_its_object,
    subject_of_subordinator, object_read_as_subordinate_subject, object_of_a_bare_preposition,
    demonym_subject_read_as_modifier, verb_read_as_subject_of_a_gerund, verb_read_as_subject_of_its_object,
    verb_read_as_subject_of_a_participle,
    subject_of_preposition, apposition_read_as_second_subject, subject_read_as_apposition_in_fronted_phrase,
    list_read_as_apposition, conjunct_of_the_like, object_of_particle, particle_read_as_adverb,
    particle_read_as_preposition, agent_read_on_object, agent_read_off_its_attack_noun,
    agent_read_on_complex_preposition,
    verb_pair_read_as_subordinators_object,
    outbreak_read_as_plural, phrase_read_on_a_duration, relative_read_on_phrase_head, place_read_on_a_statement,
    phrase_read_on_a_worth, state_read_on_object,
    plural_read_for_verb, plural_subject_read_as_verb, agent_noun_read_as_verb, ing_noun_read_as_participle,
    headline_verb_read_as_root_noun, second_subject_read_as_compound_of_verb, verb_read_as_compound_of_its_object,
    report_verb_read_as_noun, claim_noun_read_as_verb, subject_read_as_modifier_of_verb, subjunctive_read_as_noun,
    participle_joined_to_adverb,
    subject_joined_to_object, guest_participle_read_as_verb,
    object_lent_to_main_subject, receiver_read_as_adverb, reduced_relative_read_as_clause,
    object_of_a_preposition_read_as_compound_of_the_verb, closing_denial_read_as_main_clause,
    closing_speaker_read_as_apposition, object_read_as_adverbial_noun, participle_subject_read_as_complement,
    joined_clause_read_as_complement, attack_noun_read_as_verb, comment_read_on_reported_clause,
    closing_denial_read_as_noun,
    subject_swallowed_by_fronted_phrase, fronted_phrase_read_as_subject, possessed_pair_read_as_one,
    adjectives_read_as_head_of_their_noun,
    name_read_as_adverb, name_read_as_modifier, nationality_read_as_receiver,
    name_read_as_noun_phrase, name_read_as_verb, verdict_read_as_head_of_a_noun,
    pair_read_as_modifier_of_second_name, object_read_into_a_date, second_object_read_as_object,
    adjective_list_read_as_modifiers, qualified_adjective_read_as_modifier, free_relative_read_as_clause,
)


# The labels a repair's token must bear, for the repairs that return False on any other (each one's first test);
# repairs not listed are tried on every token. Reading the label once per token, not once per repair, saves a
# Token object per repair and token: 0.6 of the 1.5 s repairs took on 400 bench articles.
ONLY_ON: dict[Callable[[Token], bool], frozenset[str]] = {
    headline_future: frozenset({"acl"}), finite_verb_read_as_relative: frozenset({"acl"}), object_of_infinitive: frozenset({"ccomp"}),
    free_relative_read_as_clause: frozenset({"ccomp", "pcomp"}),
    conjunct_in_that_clause: frozenset({"conj"}), conjunct_under_gerund: frozenset({"conj"}),
    noun_joined_to_verb: frozenset({"conj"}), verb_conjunct_read_as_noun: frozenset({"conj"}), noun_read_as_bare_verb: frozenset({"xcomp"}),
    gerund_noun_subject: frozenset({"acl"}), summing_relative_read_as_main_clause: frozenset({"ROOT"}),
    relative_subject_read_as_apposition: frozenset({"acl", "relcl"}),
    summing_relative_read_as_conjunct: frozenset({"conj"}),
    object_of_a_bare_preposition: frozenset({"nsubj", "nsubjpass", "nmod", "npadvmod"}),
    subject_of_subordinator: frozenset({"pobj"}),
    subject_of_preposition: frozenset({"pobj"}), list_read_as_apposition: frozenset({"appos"}),
    apposition_read_as_second_subject: frozenset({"nsubj"}),
    subject_read_as_apposition_in_fronted_phrase: frozenset({"appos"}),
    conjunct_of_the_like: frozenset({"conj"}), object_of_particle: frozenset({"pobj"}),
    particle_read_as_adverb: frozenset({"advmod"}), subject_joined_to_object: frozenset({"conj"}),
    particle_read_as_preposition: frozenset({"prep"}), agent_read_on_object: frozenset({"prep"}),
    agent_read_off_its_attack_noun: frozenset({"agent"}),
    phrase_read_on_a_duration: frozenset({"prep"}), relative_read_on_phrase_head: frozenset({"relcl"}),
    place_read_on_a_statement: frozenset({"prep"}), phrase_read_on_a_worth: frozenset({"prep"}),
    state_read_on_object: frozenset({"prep"}),
    agent_read_on_complex_preposition: frozenset({"prep"}),
    verb_pair_read_as_subordinators_object: frozenset({"pobj"}), outbreak_read_as_plural: frozenset({"ROOT"}),
    object_lent_to_main_subject: frozenset({"nsubj"}), receiver_read_as_adverb: frozenset({"npadvmod", "dobj"}),
    subject_swallowed_by_fronted_phrase: frozenset({"nsubj"}), fronted_phrase_read_as_subject: frozenset({"nsubj"}),
    clause_across_a_semicolon: frozenset({"ccomp", "advcl"}), reduced_relative_read_as_clause: frozenset({"ccomp"}),
    object_of_a_preposition_read_as_compound_of_the_verb: frozenset({"prep"}),
    closing_denial_read_as_main_clause: frozenset({"ROOT"}),
    closing_speaker_read_as_apposition: frozenset({"ccomp", "parataxis"}),
    object_read_as_adverbial_noun: frozenset({"npadvmod"}), participle_subject_read_as_complement: frozenset({"xcomp"}),
    joined_clause_read_as_complement: frozenset({"ccomp"}), attack_noun_read_as_verb: frozenset({"advcl", "conj"}),
    comment_read_on_reported_clause: frozenset({"advcl"}),
    closing_denial_read_as_noun: frozenset({"appos", "conj", "npadvmod", "dobj", "pobj", "relcl", "ROOT"}),
    that_clause_read_as_noun_clause: frozenset({"acl"}),
    verb_read_as_compound: frozenset({"compound"}), gerund_read_as_compound_of_its_object: frozenset({"compound"}),
    verb_read_as_compound_of_its_object: frozenset({"compound"}),
    demonym_subject_read_as_modifier: frozenset({"ROOT"}),
    plural_read_for_verb: frozenset({"ROOT"}), report_verb_read_as_noun: frozenset({"ROOT"}),
    headline_verb_read_as_root_noun: frozenset({"ROOT"}), joined_verb_read_as_plural_noun: frozenset({"conj"}), second_subject_read_as_compound_of_verb: frozenset({"compound"}),
    claim_noun_read_as_verb: frozenset({"ccomp", "xcomp", "dobj"}), subjunctive_read_as_noun: frozenset({"ccomp"}),
    plural_subject_read_as_verb: frozenset({"ROOT"}), agent_noun_read_as_verb: frozenset({"ROOT"}),
    ing_noun_read_as_participle: frozenset({"acl", "xcomp"}),
    guest_participle_read_as_verb: frozenset({"xcomp", "advcl", "ccomp", "conj"}),
    verb_read_as_subject_of_a_gerund: frozenset({"nsubj"}),
    verb_read_as_subject_of_its_object: frozenset({"nsubj"}), name_read_as_adverb: frozenset({"advmod"}),
    verb_read_as_subject_of_a_participle: frozenset({"nsubj"}),
    name_read_as_modifier: frozenset({"advmod", "amod", "mark", "npadvmod", "nmod", "dep"}),
    name_read_as_noun_phrase: frozenset({"amod", "acl"}), name_read_as_verb: frozenset({"ROOT"}),
    possessed_pair_read_as_one: frozenset({"poss", "nmod"}),
    pair_read_as_modifier_of_second_name: frozenset({"nmod", "compound"}),
    nationality_read_as_receiver: frozenset({"dative"}), object_read_into_a_date: frozenset({"pobj"}),
    second_object_read_as_object: frozenset({"dobj"}), adjective_list_read_as_modifiers: frozenset({"amod"}),
    qualified_adjective_read_as_modifier: frozenset({"amod"}),
    adjectives_read_as_head_of_their_noun: NOUN_SLOTS, verdict_read_as_head_of_a_noun: NOUN_SLOTS,
}


@functools.cache
def repairs_for(dep: str) -> tuple[Callable[[Token], bool], ...]:
    """The repairs, in order, that can apply to a token labelled ``dep``."""
    return tuple(fix for fix in REPAIRS if fix not in ONLY_ON or dep in ONLY_ON[fix])


def repair_parse(doc: Doc) -> Doc:
    """``doc`` with every repair of ``REPAIRS`` applied where its structure occurs (at most one per token)."""
    for t in doc:
        if t.pos_ in INERT:
            continue  # (about a third of all tokens)
        for fix in repairs_for(t.dep_):
            if fix(t):
                break
    return doc
