"""What the clause around an event noun says of it: whether it happened now, was planned, alleged or only history
(its currency), who carried it out, answered with it, claimed it, joined it or intended it, and the disapproval
it defied. Read by the nominal and deverbal coders (nouns.py, deverbal.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from . import modality
from .tree import child, despite_head, prep_objects

# Prepositions under which disapproval is aimed at whoever acts ("despite American objections", "amid criticism
# from rebel fighters"): the noun pattern lists them as its targets ("over Hungary's objections": objection nouns).
DEFIED_PREPS = frozenset({"despite", "amid", "amidst", "over"})


def nominal_gerund(t: Token) -> bool:
    """A gerund the tagger calls a verb but that names an act ("Indian shelling kills", "killed in shelling
    by the army"): it has no object or subject of its own, and a modifier, a determiner or a noun's place."""
    if t.tag_ != "VBG" or any(c.dep_ in ("dobj", "nsubj", "nsubjpass", "ccomp", "xcomp") for c in t.children):
        return False
    return t.dep_ in ("nsubj", "csubj", "pobj", "pcomp", "dobj") or any(
        c.dep_ in ("amod", "det", "poss") for c in t.lefts)


def intended_by(n: Token) -> Token | None:
    """The clause whose subject wants the event a noun names (data/<lang>/modality.yaml intent_noun_heads):
    "wants talks with", "is ready for talks with", "open to dialogue with"; None if nobody does."""
    heads = modality.words().intent_noun_heads
    if n.dep_ == "dobj" and n.head.pos_ == "VERB" and n.head.lemma_.lower() in heads:
        return n.head
    if n.dep_ == "pobj" and n.head.lower_ in ("for", "to") and n.head.head.lemma_.lower() in heads \
            and n.head.head.pos_ == "ADJ" and n.head.head.dep_ in ("acomp", "ROOT", "conj") \
            and n.head.head.head.pos_ in ("AUX", "VERB"):
        return n.head.head.head
    return None


def came_under(n: Token) -> bool:
    """An attack noun a subject came under: "Ukrainian positions came under Russian artillery fire"."""
    return n.dep_ == "pobj" and n.head.lower_ == "under" and n.head.head.lemma_.lower() == "come"


def answered_by(n: Token) -> Token | None:
    """The verb whose act answers the act a noun names, when that act names no one it hit: "struck villages in
    response to Pakistani airstrikes near the border" (modality.yaml response_nouns)."""
    if n.dep_ not in ("pobj", "pcomp") or n.head.lower_ not in ("to", "for", "against"):
        return None
    r = n.head.head
    if r.lemma_.lower() not in modality.words().response_nouns or r.dep_ != "pobj" or r.head.lower_ not in ("in", "as"):
        return None
    v = r.head.head
    if prep_objects(n, ("on", "against", "at", "of", "upon")):
        return None  # the answered act names what it hit ("the group's attacks on Red Sea shipping"): not them
    return v if v.pos_ in ("VERB", "AUX") else None


def claimed_by(n: Token) -> Token | None:
    """The verb whose subject claims or defends an act a noun names as its own: "claimed responsibility for the
    attacks on ...", "took responsibility for the bombing", "Uganda defends the forced repatriation of Rwandans";
    or is said to be behind it: "Moscow was behind the bombing"."""
    if n.dep_ == "dobj" and n.head.lemma_.lower() in ("defend", "justify"):
        return n.head
    if n.dep_ == "pobj" and n.head.lower_ == "behind" and n.head.head.lemma_.lower() == "be":
        return n.head.head  # "Russian military intelligence was behind the cyberattacks on Ukraine"
    resp = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "for" else None
    if resp is None or resp.lemma_.lower() not in ("responsibility", "credit") or resp.dep_ != "dobj":
        return None
    v = resp.head
    return v if v.lemma_.lower() in ("claim", "take", "accept", "assume", "admit") else None


def carried_out_by(n: Token) -> Token | None:
    """The verb whose object the act a noun names is, when that verb does it: begins, completes, announces or
    orders it ("began mass deportations of", "announced the suspension of"; modality.yaml completion_verbs,
    deverbal_governors)."""
    w = modality.words()
    lemma = n.head.lemma_.lower()
    # (or its passive subject, with the doer as agent: "the expulsion of 23 British diplomats was announced by
    # Moscow")
    told = n.dep_ == "dobj" or (n.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in n.head.children))
    return n.head if told and (lemma in w.completion_verbs or lemma in w.deverbal_governors) else None


def joined_by(n: Token) -> Token | None:
    """The verb whose subject joins the act a noun names, and so does it too: "joins the coalition's airstrikes",
    "takes part in the strikes" (modality.yaml joining_verbs)."""
    w = modality.words().joining_verbs
    if n.dep_ == "dobj" and n.head.lemma_.lower() in w:
        return n.head
    if n.dep_ == "pobj" and n.head.lower_ == "in":
        v = n.head.head
        part = child(v, "dobj")
        if v.lemma_.lower() in w or (part is not None and f"{v.lemma_.lower()} {part.lower_}" in w):
            return v
    return None


def answered_with(n: Token) -> Token | None:
    """The verb of answering a noun is the with-phrase of: "retaliated with an entry ban" (response_verbs)."""
    if n.dep_ == "pobj" and n.head.lower_ == "with" and n.head.head.lemma_.lower() in modality.words().response_verbs:
        return n.head.head
    return None


def defied_by(n: Token) -> tuple[str, Token | None] | None:
    """The preposition of defiance over a noun ("despite", "amid"; "in the face of", "in spite of" read as
    "despite") and the act it qualifies: the nearest verb up the tree, since the parser may hang the phrase on the
    act's object noun ("pressed ahead with the release despite criticism from China")."""
    prep = n.head
    word = prep.lower_
    if word == "of" and despite_head(prep.head):
        prep, word = prep.head.head, "despite"
    if word not in DEFIED_PREPS:
        return None
    v = prep.head
    for _ in range(3):  # "pressed ahead with the release of water despite ...": up through the object's phrase
        if v.pos_ in ("VERB", "AUX") or v.dep_ not in ("dobj", "pobj", "prep") or v.head is v:
            break
        v = v.head
    return word, (v if v.pos_ in ("VERB", "AUX") else None)


def nominal_currency(n: Token, code: str, year: int | None) -> str:
    """Whether an event noun reports something happening (gold rule 9): "background" for undated history
    ("the previous visit", "since the invasion", "under Western sanctions"), "planned" for an intention
    ("a planned visit"), "alleged" for what is only alleged, else "current"."""
    words = modality.words()
    for c in n.lefts:
        low = c.lower_
        # Dated history ("the 2014 annexation", "last year's invasion") is kept with its own date: the event
        # time reader (identity/timing.py) marks it background. Undated history has no date to keep.
        if low in words.background_modifiers:
            return "background"
        if low in words.alleged_modifiers:
            return "alleged"
        if low in words.planned_modifiers:
            return "planned"
    if any(c.lower_ in words.alleged_adverbs for k in n.children for c in (k, *k.children) if k.i > n.i):
        return "alleged"  # "a gas attack, allegedly by Syrian warplanes"
    if n.dep_ == "pobj":
        prep = n.head.lower_
        if prep == "of" and n.head.head.lemma_.lower() in words.history_nouns:
            return "background"  # "the seventh anniversary of the occupation of Iraq": remembered, not done
        if came_under(n):
            return "current"  # "came under Russian fire" is happening, unlike "under Western sanctions"
        if prep in words.background_preps or (code.startswith("16") and prep in words.standing_preps):
            return "background"
    return "current"
