"""Who "we" is: the side of whoever says the clause the pronoun is in ('"We will never recognise it," Tokayev
told reporters' -> Kazakhstan). Quoted speech is much of the news about states; its first person is the speaker's
state, never a name the quote itself mentions."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from .matcher import Actor, DocActors

FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
# Verbs whose that-clause or quotation is the subject's own words.
SAYING_VERBS = frozenset({"say", "tell", "add", "state", "declare", "insist", "stress", "warn", "write", "tweet",
                          "announce", "assert", "emphasise", "emphasize", "vow", "promise", "pledge"})


def speakers_side(actors: DocActors, token: Token) -> list[Actor]:
    """The state (or group) of the subject of the verb of saying whose clause holds ``token``; a person speaks
    for the state, a description ("the German chancellor") by its national word."""
    clause = token.head
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    said = clause.head if clause.dep_ == "ccomp" else quote_teller(token)
    if said is None or said.lemma_.lower() not in SAYING_VERBS:
        return []
    subj = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return []
    a = actors.actor_of(subj) or next((x for c in subj.lefts if (x := actors.entity_at(c)) is not None), None)
    if a is None:
        return []
    side = replace(a, person=False, kind="country") if a.person or a.kind == "adjective" else a
    return [replace(side, start=token.idx, end=token.idx + len(token.text), text=token.text,
                    resolved_from=f"{a.text} (the speaker)")]


def quote_teller(token: Token) -> Token | None:
    """The verb of saying a quotation that holds ``token`` is attributed to after it closes, over sentence ends
    ('"We will respond. Our answer will be tough," Lavrov said'): the head of the closing quotation mark."""
    doc = token.doc
    opened = next((t for t in reversed(doc[:token.i]) if t.tag_ in ("``", "''")), None)
    if opened is None or opened.tag_ != "``":
        return None
    closing = next((t for t in doc[token.i + 1:] if t.tag_ in ("``", "''")), None)
    if closing is None or closing.tag_ != "''":
        return None
    return closing.head if closing.head.pos_ in ("VERB", "AUX") else None

