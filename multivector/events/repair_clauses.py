"""Parse repairs of clauses: where the small English model joins a clause to the wrong head (a fronted phrase
made the subject, a clause across a semicolon made a complement, a that-clause made a noun's), mended in place
(see :mod:`.repair`, which tries these with the other structural ones)."""

from __future__ import annotations

from spacy.tokens import Token

from . import modality, patterns
from .repair_names import NOMINAL, has_subject
from .repair_verbs import as_verb, present_verb_lemma
from .tree import child, despite_head, noun_keys

FRONTING_PREPS = frozenset({"after", "before", "following", "during", "despite", "amid", "at", "in"})


def _fronting(t: Token) -> Token | None:
    """The sentence-opening preposition (FRONTING_PREPS) on the same verb right before subject ``t``, if any."""
    v = t.head
    if not (t.dep_ == "nsubj" and t.pos_ in NOMINAL and v.pos_ in ("VERB", "AUX") and t.i < v.i and t.left_edge.i > 0):
        return None
    front = t.doc[t.left_edge.i - 1]
    if not (front.lower_ in FRONTING_PREPS and front.i == front.sent.start and front.head.i == v.i
            and front.dep_ in ("mark", "prep")):
        return None
    return front


def subject_swallowed_by_fronted_phrase(t: Token) -> bool:
    """"After the talks in Astana, Kazakhstan and Russia signed a deal": the parser makes the fronted phrase the
    subject and joins the real subject to a name inside it; a name after a comma whose list runs up to the verb
    is the verb's subject, and the fronted phrase a prepositional phrase on the verb."""
    front = _fronting(t)
    if front is None:
        return False
    v = t.head
    inner = [x for x in t.subtree if x.i != t.i and x.dep_ == "conj" and x.pos_ == "PROPN" and x.head.i != t.i]
    c = next((x for x in inner if x.right_edge.i + 1 == v.i and t.doc[x.left_edge.i - 1].lower_ == ","), None)
    if c is None:
        return False
    comma = t.doc[c.left_edge.i - 1]
    c.head, c.dep_ = v, "nsubj"
    comma.head = v
    t.head, t.dep_ = front, "pobj"
    front.dep_ = "prep"
    return True


def fronted_phrase_read_as_subject(t: Token) -> bool:
    """"After talks in Ankara, Russia and Ukraine agree on a deal": the parser may make the fronted word a mark of
    the verb and its noun a first subject beside the real one. A subject right after a sentence-opening
    preposition on the same verb, cut off by a comma before another subject, is that preposition's object."""
    front = _fronting(t)
    if front is None:
        return False
    other = next((c for c in t.head.children if c.dep_ == "nsubj" and c.i > t.right_edge.i), None)
    if other is None or t.doc[other.left_edge.i - 1].text != ",":
        return False
    t.head, t.dep_ = front, "pobj"
    front.dep_ = "prep"
    return True


def clause_across_a_semicolon(t: Token) -> bool:
    """"Police kill two tourists; Mexico demands an inquiry": a semicolon joins two independent clauses, but
    the parser may hang the first as the complement of the second (here, what is demanded). A finite clause
    with its own subject, cut from its head by a semicolon at the head's level, stands on its own."""
    h = t.head
    if not (t.dep_ in ("ccomp", "advcl") and t.pos_ in ("VERB", "AUX") and h is not t and has_subject(t)
            and not any(c.dep_ == "mark" for c in t.children)):
        return False
    lo, hi = sorted((t.i, h.i))
    if not any(c.text == ";" and lo < c.i < hi and not (t.left_edge.i <= c.i <= t.right_edge.i)
               for c in h.children):
        return False
    t.dep_ = "parataxis"
    return True


def that_clause_read_as_noun_clause(t: Token) -> bool:
    """"Ukraine requests that Russia withdraw": the parser hangs the that-clause on the verb as if the verb were
    a noun ("requests" as "the requests that ..."); a clause with its own subject and "that" under a finite verb
    is that verb's complement."""
    h = t.head
    if not (t.dep_ == "acl" and has_subject(t) and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)):
        return False
    if h.pos_ == "VERB" and h.tag_ in ("VBZ", "VBD", "VBP") and h.i < t.i:
        t.dep_ = "ccomp"
        return True
    # "promises his Turkish counterpart that Russia will ...": hung on the addressee, the object of a verb that
    # tells someone something; the clause is the verb's
    v = h.head
    if h.dep_ == "dobj" and v.pos_ == "VERB" and v.lemma_.lower() in modality.words().telling_verbs and \
            h.lemma_.lower() not in modality.words().report_nouns:
        t.head, t.dep_ = v, "ccomp"
        return True
    return False


def agent_read_on_object(t: Token) -> bool:
    """"Ghana is granted a bailout by the IMF": after a passive verb's object the parser may hang the by-phrase on
    the object; a passive with an object (a verb of giving, naming, awarding) takes its agent there."""
    obj = t.head
    v = obj.head
    # (or on its predicate noun: "are declared persona non grata by Albania")
    if not (t.dep_ == "prep" and t.lower_ == "by" and obj.dep_ in ("dobj", "oprd") and obj.pos_ == "NOUN" and t.i > obj.i
            and v.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in v.children)
            and not any(c.dep_ == "agent" for c in v.children) and any(c.dep_ == "pobj" for c in t.children)):
        return False
    t.head, t.dep_ = v, "agent"
    return True


def agent_read_off_its_attack_noun(t: Token) -> bool:
    """"20 people are killed in airstrikes by the Saudi-led coalition on a market in Yemen": the parser makes the
    by-phrase after an attack noun the passive verb's agent and hangs what was hit on the agent. Right after
    "in <attack noun>", the by-phrase and the phrase of what was hit are the noun's (which codes the attack)."""
    v = t.head
    n = t.doc[t.i - 1] if t.i > 0 else None
    if not (t.dep_ == "agent" and n is not None and n.dep_ == "pobj" and n.head.lower_ == "in" and n.head.head.i == v.i
            and any(c.dep_ == "auxpass" for c in v.children)):
        return False
    if not any("18" <= np.code[:2] <= "20" for np in patterns.load().nouns_for(noun_keys(n))):
        return False
    t.head, t.dep_ = n, "prep"
    for o in (c for c in t.children if c.dep_ == "pobj"):
        for p in list(o.children):
            if p.dep_ == "prep" and p.lower_ in ("on", "against", "at") and p.i > o.i:
                p.head = n
    return True


def receiver_read_as_adverb(t: Token) -> bool:
    """"The EU grants Turkey €3 billion": before an amount the parser may read the receiver as an adverbial noun
    phrase, or as a first object ("offers Turkey three billion euros"); a name between a verb of giving and its
    object is the verb's receiver (its dative)."""
    v = t.head
    if not (t.dep_ in ("npadvmod", "dobj") and t.pos_ == "PROPN" and v.pos_ == "VERB" and v.i < t.i
            and v.lemma_.lower() in modality.words().dative_verbs):
        return False
    if not any(c.dep_ == "dobj" and c.i > t.i for c in v.children) or any(c.dep_ == "dative" for c in v.children):
        return False
    t.dep_ = "dative"
    return True


# Auxiliaries and markers that make a participle a finite clause of its own ("has detained", "was detained")
FINITE_MARKS = frozenset({"aux", "auxpass", "mark", "neg"})


# What a past form read as finite holds its people as, when it is the participle of captivity: "a journalist
# held hostage in Syria", "sailors kept captive" (read so only then: a finite "held talks" is common).
CAPTIVITY = frozenset({"hostage", "captive", "prisoner", "incommunicado"})


def participle_form(t: Token) -> bool:
    return any(c.lemma_.lower() in CAPTIVITY and all(x.dep_ == "prep" for x in c.children)  # not "200 prisoners"
               for c in t.children if c.dep_ in ("dobj", "oprd", "advmod", "npadvmod"))


def reduced_relative_read_as_clause(t: Token) -> bool:
    """"Belarus releases a Lithuanian citizen detained on smuggling charges", "Militants behead a Japanese journalist
    held hostage in Syria" (a past form the tagger took for finite): after a verb with no object the
    parser may read the noun as the subject of a clause headed by the participle after it. A past participle
    with no auxiliary is no finite clause: the noun is the verb's object, the participle describes it."""
    h = t.head
    # (or the noun left as a compound of a participle with a by-agent: "examine a Turkish jet shot down by Syrian
    # air defences" -- a by-agent marks the passive participle whatever the tagger said)
    agent = any(c.dep_ == "agent" for c in t.children)
    subj = next((c for c in t.children if c.dep_ == "nsubj" or (agent and c.dep_ == "compound" and c.i < t.i)), None)
    if not (t.dep_ == "ccomp" and (t.tag_ == "VBN" or (t.tag_ == "VBD" and (participle_form(t) or agent)))
            and h.pos_ == "VERB"
            and h.i < t.i and subj is not None
            and subj.pos_ in ("NOUN", "PROPN") and subj.i < t.i
            and h.lemma_.lower() not in modality.words().report_verbs
            and not any(c.dep_ in FINITE_MARKS for c in t.children)
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i != t.i for c in h.children)):
        return False
    if min(x.i for x in subj.subtree) != h.i + 1:
        return False  # only a noun phrase right after the verb: its object
    subj.head, subj.dep_ = h, "dobj"
    t.head, t.dep_ = subj, "acl"
    t.tag_ = "VBN"  # a participle, whatever the tagger took it for
    return True


def object_of_a_preposition_read_as_compound_of_the_verb(t: Token) -> bool:
    """"Russian airstrikes in Idlib province kill 20 civilians": the parser may hang the noun after a
    preposition on the verb that follows it as a compound, leaving the preposition with no object; the noun
    phrase between a preposition with no object and the verb is the preposition's object."""
    doc = t.doc
    if not (t.dep_ == "prep" and t.tag_ == "IN" and not any(c.dep_ in ("pobj", "pcomp") for c in t.children)):
        return False
    j = t.i + 1
    while j < len(doc) and doc[j].dep_ in ("compound", "amod", "det") and doc[j].head.i > j:
        j += 1
    if j == t.i + 1 or j >= len(doc):
        return False
    v = doc[j]
    last = doc[j - 1]
    if not (v.pos_ == "VERB" and last.dep_ == "compound" and last.head.i == v.i and last.pos_ in NOMINAL):
        return False
    last.head, last.dep_ = t, "pobj"
    return True


# What a closing "a charge Baku denies" may call the clause before it
CHARGE_NOUNS = frozenset({"charge", "claim", "accusation", "allegation", "assertion", "suggestion"})


def closing_denial_read_as_main_clause(t: Token) -> bool:
    """"Pashinyan accuses Azerbaijan of shelling villages, a charge Baku denies": the parser may make the closing
    denial the main clause, with the report before the comma its complement and "a charge" its fronted object. A
    denial whose object, with "a", comes before its subject is a relative clause on that noun; the report is the
    main clause."""
    w = modality.words()
    if not (t.dep_ == "ROOT" and t.lemma_.lower() in w.denial_verbs | {"dispute", "contest"}):
        return False
    obj = next((c for c in t.children if c.dep_ == "dobj"), None)
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    said = next((c for c in t.children if c.dep_ == "ccomp"), None)
    if obj is None or subj is None or said is None or not (said.i < obj.i < subj.i < t.i):
        return False
    if obj.lemma_.lower() not in CHARGE_NOUNS or not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                         for c in obj.children):
        return False
    if not any(c.dep_ == "punct" and c.text == "," and said.i < c.i < obj.i for c in t.children):
        return False
    said.head, said.dep_ = said, "ROOT"
    for c in list(t.children):
        if c.dep_ == "punct":
            c.head = said
    anchor = next((c for c in said.children if c.dep_ == "nsubj"), said)
    obj.head, obj.dep_ = anchor, "appos"
    t.head, t.dep_ = obj, "relcl"
    return True


def closing_denial_read_as_noun(t: Token) -> bool:
    """"..., a charge Baku rejects[NNS]", "..., a move Israel denounces[NNS] as ...": the parser may read the
    closing verb as a plural noun with its subject (and the noun summing up the clause before) as its compounds;
    it is a relative clause on that noun, with the name its subject."""
    if not (t.tag_ == "NNS" and t.lower_.endswith("s") and t.i >= 3
            and t.dep_ in ("appos", "conj", "npadvmod", "dobj", "pobj", "relcl", "ROOT")):
        return False
    w = modality.words()
    verbs = patterns.load().verbs
    lemma = next((x for x in (t.lower_[:-1], t.lower_[:-2]) if x in w.denial_verbs or x in verbs), None)
    doc = t.doc
    det, noun, name = doc[t.i - 3], doc[t.i - 2], doc[t.i - 1]
    if lemma is None or not (name.dep_ == "compound" and name.head.i == t.i and name.pos_ == "PROPN"
                             and (noun.lemma_.lower() in CHARGE_NOUNS or noun.lemma_.lower() in w.summary_nouns)
                             and det.lower_ in ("a", "an")):
        return False
    said = next((c for c in t.children if c.dep_ == "ccomp" and c.i < det.i), None)
    if t.dep_ == "relcl" and t.head.i == noun.i:
        pass  # "a claim[appos] Russia rejects[relcl]": only the verb and its subject are misread
    elif t.dep_ == "ROOT" and said is not None and noun.dep_ == "compound" and noun.head.i in (t.i, name.i):
        # the whole made the main clause, the report before the comma its complement
        said.head, said.dep_ = said, "ROOT"
        for c in list(t.children):
            if c.dep_ == "punct":
                c.head = said
        noun.head, noun.dep_ = next((c for c in said.children if c.dep_ == "nsubj"), said), "appos"
        det.head = noun
        t.head, t.dep_ = noun, "relcl"
    elif noun.dep_ == "compound" and noun.head.i in (t.i, name.i):
        noun.head, noun.dep_ = t.head, t.dep_
        det.head = noun
        t.head, t.dep_ = noun, "relcl"
    else:
        return False
    name.head, name.dep_ = t, "nsubj"
    t.pos_, t.tag_, t.lemma_ = "VERB", "VBZ", lemma
    return True


def closing_speaker_read_as_apposition(t: Token) -> bool:
    """"North Korea releases American student Otto Warmbier, U.S. Secretary of State Rex Tillerson says": the
    parser may make the object before the comma the subject of the closing "says", and the speaker its
    apposition. A closing verb of saying whose subject has an apposition after a comma is said by that
    apposition; the subject is the object of the verb it closes."""
    h = t.head
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if not (t.dep_ in ("ccomp", "parataxis") and t.lemma_.lower() in modality.words().report_verbs and h.i < t.i
            and subj is not None and h.i < subj.i < t.i and h.pos_ == "VERB"
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i != t.i for c in h.children)):
        return False
    speaker = next((c for c in subj.children if c.dep_ == "appos" and subj.i < c.i < t.i
                    and any(x.text == "," and subj.i < x.i < c.i for x in subj.children)), None)
    if speaker is None or any(x.i > t.i and x.dep_ != "punct" for x in t.subtree):
        return False  # (only a closing attribution: nothing but punctuation after the verb)
    speaker.head, speaker.dep_ = t, "nsubj"
    subj.head, subj.dep_ = h, "dobj"
    return True


def object_read_as_adverbial_noun(t: Token) -> bool:
    """"Russia and Ukraine exchange 35 prisoners[npadvmod]": after a number the parser may read a verb's object as
    an adverbial noun (as in "waited 35 minutes"). A noun the lexicon knows as the verb's object, after a verb
    with none, is its object."""
    v = t.head
    if not (t.dep_ == "npadvmod" and t.pos_ == "NOUN" and v.pos_ == "VERB" and v.i < t.i
            and not any(c.dep_ == "dobj" for c in v.children)
            and all(x.dep_ in ("nummod", "amod", "det", "compound", "quantmod") for x in v.doc[v.i + 1:t.i])):
        return False
    noun = t.lemma_.lower()
    if not any(noun in p.objects for p in patterns.load().verbs.get(v.lemma_.lower(), ())):
        return False
    t.dep_ = "dobj"
    return True


def participle_subject_read_as_complement(t: Token) -> bool:
    """"Ukrainian officials say retreating Russian troops killed 410 civilians": the parser may read the
    participle opening a reported clause as the saying verb's complement, its subject as that participle's
    object and the reported verb as a modifier of it. After a verb of saying, a past verb with an object of its own
    hung on that noun is the reported clause's verb, the noun its subject, the participle describes the noun."""
    h = t.head
    if not (t.dep_ == "xcomp" and t.tag_ == "VBG" and t.i == h.i + 1
            and h.lemma_.lower() in modality.words().report_verbs
            and not any(c.dep_ in ("ccomp", "dobj") for c in h.children)):
        return False
    noun = next((c for c in t.children if c.dep_ == "dobj"), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBD", "VBN") and c.i > noun.i
                 and any(x.dep_ == "dobj" for x in c.children)
                 and not any(x.dep_ in ("aux", "auxpass", "nsubj", "mark") for x in c.children)), None)
    if verb is None:
        return False
    verb.head, verb.dep_ = h, "ccomp"
    noun.head, noun.dep_ = verb, "nsubj"
    t.head, t.dep_, t.pos_ = noun, "amod", "ADJ"
    return True


def summing_relative_read_as_main_clause(t: Token) -> bool:
    """"Pakistan accused India ..., a charge New Delhi denied": the parser makes the summing-up noun the subject
    of the relative's verb, the name its apposition and the sentence before the comma that verb's clause. The
    clause before the comma is the main one; the noun sums it up, and the relative says who answered it."""
    n = child(t, "nsubj")
    if not (t.dep_ == "ROOT" and t.tag_ in ("VBD", "VBZ", "VBP") and n is not None and n.i < t.i
            and n.lemma_.lower() in modality.words().summary_nouns
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in n.children)
            and n.left_edge.i > 0 and t.doc[n.left_edge.i - 1].text == ","):
        return False
    name = next((c for c in n.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > n.i), None)
    clause = next((c for c in t.children if c.dep_ == "ccomp" and c.i < n.i and c.pos_ in ("VERB", "AUX")), None)
    if name is None or clause is None:
        return False
    clause.head, clause.dep_ = clause, "ROOT"
    for c in list(t.children):
        if c.i < n.left_edge.i or (c.dep_ == "punct" and c.i == len(t.doc) - 1):
            c.head = clause  # the comma before the noun and the sentence's full stop
    n.head, n.dep_ = clause, "npadvmod"
    t.head, t.dep_ = n, "relcl"
    name.head, name.dep_ = t, "nsubj"
    return True


def relative_subject_read_as_apposition(t: Token) -> bool:
    """"..., an accusation France's foreign ministry dismissed as absurd": the parser makes the relative's subject
    an apposition of the noun and leaves the relative's verb without one. A finite verb modifying a summing-up
    noun, with no subject, after an apposition of that noun, has the apposition for its subject."""
    n = t.head
    if not (t.dep_ in ("acl", "relcl") and t.tag_ in ("VBD", "VBZ", "VBP") and n.i < t.i
            and n.lemma_.lower() in modality.words().summary_nouns
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
        return False
    subj = next((c for c in n.children if c.dep_ == "appos" and n.i < c.i < t.i and c.pos_ in NOMINAL), None)
    if subj is None:
        return False
    subj.head, subj.dep_ = t, "nsubj"
    return True


def joined_clause_read_as_complement(t: Token) -> bool:
    """"... as the EU agrees to fund arms deliveries and Russian forces press their assault on Kyiv": the parser
    may take a clause joined by "and" for the complement of the verb before it (what the EU agreed). A complement
    with a subject of its own, with no "that" and right after "and" or "but", is a clause joined to that verb."""
    h = t.head
    if not (t.dep_ == "ccomp" and h.i < t.i and any(c.dep_ == "nsubj" for c in t.children)
            and not any(c.dep_ == "mark" for c in t.children) and t.left_edge.i > 0):
        return False
    cc = t.doc[t.left_edge.i - 1]
    if not (cc.dep_ == "cc" and cc.lower_ in ("and", "but") and cc.head.i != h.i):
        return False
    t.dep_ = "conj"
    cc.head = h
    return True


# Subordinators that are also prepositions: "after Indian missile strikes on Pakistan" is a phrase, not a clause.
PHRASE_MARKS = frozenset({"after", "following", "before", "amid", "despite", "since"})


def attack_noun_read_as_verb(t: Token) -> bool:
    """"..., a day after Indian missile strikes[VBZ] on Pakistan": the parser may read a plural event noun after
    a subordinator as a verb, its weapon modifier as the subject. A clause so read, with a bare singular noun for
    subject right before it, no object and a preposition right after it, is the noun phrase of a preposition."""
    mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ in PHRASE_MARKS), None)
    subj = child(t, "nsubj")
    if mark is None or subj is None or t.tag_ != "VBZ" or subj.i != t.i - 1 or subj.tag_ != "NN" or any(
            c.dep_ in ("det", "poss", "nummod") for c in subj.children) or child(t, "dobj") is not None:
        return False
    after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    if after is None or after.dep_ != "prep" or after.head.i != t.i or t.lower_[:-1] not in patterns.load().nouns:
        return False
    if t.dep_ == "conj":  # (", a day after Indian missile strikes on ...": hung on a verb before as its conjunct)
        npadvmod = child(t, "npadvmod")
        if npadvmod is not None:
            npadvmod.head = mark
    mark.head, mark.dep_, mark.tag_, mark.pos_ = t.head, "prep", "IN", "ADP"
    t.head, t.dep_, t.tag_, t.pos_, t.lemma_ = mark, "pobj", "NNS", "NOUN", t.lower_[:-1]
    subj.dep_ = "compound"
    for c in list(subj.children):
        if c.i < subj.i and c.dep_ in ("amod", "compound", "nmod"):
            c.head = t  # "Indian" modifies the strikes
    return True


def summing_relative_read_as_conjunct(t: Token) -> bool:
    """"Putin signed treaties annexing four regions of Ukraine, a move the United States and the European Union
    said they would never recognise": the parser may make the relative's verb a conjunct of the main verb and its
    subject an apposition of the summing-up noun. A conjunct verb with no subject right after such an apposition
    is the noun's relative, the apposition its subject."""
    if not (t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ", "VBP") and t.i > 0 and not has_subject(t)):
        return False
    name = t.doc[t.i - 1]
    while name.dep_ == "conj" and name.head.i < name.i:
        name = name.head  # "the United States and the European Union": the first of the list
    n = name.head
    if not (name.dep_ == "appos" and name.pos_ in NOMINAL and n.i < name.i
            and n.lemma_.lower() in modality.words().summary_nouns and n.left_edge.i > 0
            and t.doc[n.left_edge.i - 1].text == ","):
        return False
    if n.dep_ == "appos":
        n.head, n.dep_ = t.head, "npadvmod"  # it sums up the clause it was a conjunct of, not the noun before it
    t.head, t.dep_ = n, "relcl"
    name.head, name.dep_ = t, "nsubj"
    return True


def object_read_into_a_date(t: Token) -> bool:
    """"Germany expelled on Friday[nmod] two Russian diplomats[pobj]", "criticised on Sunday[compound] Greece's
    decision": wire copy puts the day between the verb and its object, and the parser reads the object as the
    date's noun (or a name in it). A weekday right after "on" that opens the noun phrase is the date; the rest,
    for a verb with no object, is the verb's object."""
    on = t.head
    W = modality.words()
    if not (t.dep_ == "pobj" and t.pos_ in NOMINAL and on.lower_ == "on" and on.dep_ == "prep"
            and on.head.pos_ == "VERB" and on.i + 2 <= t.i and t.lemma_.lower() not in W.day_times):
        return False
    day, doc = t.doc[on.i + 1], t.doc
    after = doc[t.right_edge.i + 1] if t.right_edge.i + 1 < len(doc) else None
    if not (day.lower_ in W.weekdays and t.left_edge.i == day.i and day.dep_ in ("compound", "nmod", "npadvmod", "poss")
            and child(on.head, "dobj") is None and (after is None or after.pos_ not in ("VERB", "AUX"))):
        return False  # ("warned on Friday Western countries would face ...": the noun is a clause's subject)
    day.head, day.dep_ = on, "pobj"
    t.head, t.dep_ = on.head, "dobj"
    return True


def second_object_read_as_object(t: Token) -> bool:
    """"pledges €500,000 and an emergency shipment of supplies to Haiti": the parser gives the verb two objects
    joined by "and"; the second is a conjunct of the first, so what is said on either (its recipient, its
    target) is said of both."""
    v = t.head
    if not (t.dep_ == "dobj" and v.pos_ in ("VERB", "AUX")):
        return False
    first = next((c for c in v.children if c.dep_ == "dobj" and c.i < t.i), None)
    if first is None:
        return False
    cc = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
    if cc is None or cc.dep_ != "cc" or cc.lower_ not in ("and", "or") or cc.head not in (v, first) \
            or cc.i <= first.i:
        return False
    t.head, t.dep_ = first, "conj"
    cc.head = first
    return True


def agent_read_on_complex_preposition(t: Token) -> bool:
    """"in the face of condemnation by the EU": the parser hangs the noun's by/from-phrase on the "face" of the
    complex preposition ("in the face of", "in spite of"); it belongs to the noun the "of" governs."""
    head = t.head
    if not (t.dep_ == "prep" and t.lower_ in ("by", "from") and despite_head(head)):
        return False
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < t.i), None)
    noun = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if of is not None else None
    if noun is None:
        return False
    t.head = noun
    return True


def verb_read_as_compound_of_its_object(t: Token) -> bool:
    """"The Russian air force bombs rebel positions in Idlib": finding no verb, the parser reads a present verb in
    -s as a plural noun modifying the object, which heads the whole sentence. In a sentence with no verb, a
    trigger verb's form compounded with the root noun after it, right after a noun of its own, is the verb: the
    noun before it is its subject, the root its object."""
    n = t.head
    while n.dep_ == "compound" and n.head.i != n.i:
        n = n.head
    if not (t.tag_ == "NNS" and t.i > 0 and n.dep_ == "ROOT" and n.pos_ in NOMINAL and n.i > t.i) \
            or (lemma := present_verb_lemma(t)) is None:
        return False
    subj = t.doc[t.i - 1]
    if subj.head.i != t.i or subj.dep_ not in ("compound", "nmod") or subj.pos_ not in NOMINAL or any(
            x.pos_ in ("VERB", "AUX") and x.dep_ != "amod" for x in t.sent):  # (but "the Saudi-led coalition")
        return False
    for c in [*(c for c in t.lefts if c.i != subj.i), *(c for c in n.lefts if c.i < t.i)]:
        c.head = subj
    subj.dep_ = "nsubj"
    t.head, t.dep_ = t, "ROOT"
    as_verb(t, lemma)
    for c in list(n.children):
        if c.dep_ == "punct" and c.i > n.i:
            c.head = t
    n.head, n.dep_ = t, "dobj"
    return True


def comment_read_on_reported_clause(t: Token) -> bool:
    """"Russia says Ukraine tried to kill Putin with drones ..., calling it a terrorist act": the parser hangs a
    closing participle of saying on the reported clause, making its subject the one reported on. A participle of
    telling or naming after a comma, on a verb reported by a verb of saying, is the teller's."""
    h = t.head
    teller = h.head
    W = modality.words()
    if not (t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() in W.comment_participles
            and h.dep_ == "ccomp" and teller.lemma_.lower() in W.report_verbs and teller.i < h.i < t.i
            and has_subject(teller) and t.i > 0 and t.doc[t.i - 1].text == ","):
        return False
    t.head = teller
    return True


# Verbs that name what a free relative stands for ("struck what it called Hezbollah targets").
NAMING_VERBS = frozenset({"call", "describe", "term", "label", "brand", "say", "claim", "believe", "consider"})
# Verbs whose "what" clause is a question ("did not explain what it called the meeting for"), never a thing named.
QUESTION_VERBS = frozenset({"ask", "explain", "know", "wonder", "reveal", "show"})


def free_relative_read_as_clause(t: Token) -> bool:
    """"Israel struck what it called Hezbollah targets in southern Lebanon", "fired missiles at what it said were
    militant bases in Iraq's Kurdistan region", "bombed what it described as PKK positions": the parser makes the
    naming clause the object; the thing named is. The noun takes the clause's place and the clause describes it."""
    if t.lemma_.lower() not in NAMING_VERBS or t.dep_ not in ("ccomp", "pcomp"):
        return False
    if t.dep_ == "ccomp" and (t.head.lemma_.lower() in modality.words().report_verbs
                              or t.head.lemma_.lower() in QUESTION_VERBS):
        return False  # "did not say what it called the meeting for": a question, not a thing named
    named: Token | None = None
    if any(c.dep_ == "dobj" and c.lower_ == "what" for c in t.children):
        named = next((c for c in t.children if c.dep_ == "oprd"), None) or next(
            (p for c in t.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"),
            None)
    else:
        inner = next((c for c in t.children if c.dep_ == "ccomp" and c.lemma_ == "be"
                      and any(x.dep_ == "nsubj" and x.lower_ == "what" for x in c.children)), None)
        named = next((c for c in inner.children if c.dep_ == "attr"), None) if inner is not None else None
    if named is None or named.pos_ not in ("NOUN", "PROPN"):
        return False
    for c in list(t.children):
        if c.dep_ == "prep" and c.i > named.i:
            c.head = named  # ("what it called interference by the United States": the phrase is the noun's)
    named.head, named.dep_ = t.head, "dobj" if t.dep_ == "ccomp" else "pobj"
    t.head, t.dep_ = named, "relcl"
    return True
