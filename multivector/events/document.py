"""Coding one parsed article: per sentence, every verb, adjective and event noun is coded (events/coder.py and
the readers it inherits), acts aimed at no one share a joined act's target, one event is kept per act
(selection.py), and the sentence's ties are read (ties.py). What a sentence says is remembered for the next.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from ..actors.context import Extra
from ..actors.matcher import Actor
from ..records import Article, Event, Mention, Tie
from .coder import ArticleCoder
from .conjuncts import shared_targets
from .noun_frames import nominal_gerund
from .nouns import Found
from .refine import restated_by_noun
from .selection import act_head, mediated_over_talks, new_act, one_act_per_chain, reported_over_saying
from .tree import verb_like

# Subject words worth resolving ahead of coding (their resolution feeds later pronouns).
REFERRING = frozenset({"country", "nation", "government", "president", "leader", "leaders", "junta", "state",
                       "neighbour", "neighbor", "kingdom", "republic", "ministry", "side", "sides"})


def code_document(
    article: Article, doc: Doc, *, label_of: Callable[[int], int] | None = None, extra: Sequence[Extra] = (),
    matches: Sequence[tuple[int, int]] | None = None,
) -> tuple[list[Mention], list[Event], list[Tie]]:
    """Mentions, events and ties of one parsed article (or of its parsed sentences, with ``extra``
    antecedents from the sentences that were not parsed; offsets are the doc's)."""
    from .ties import code_ties

    coder = ArticleCoder(article, doc, label_of=label_of, extra=extra, matches=matches)
    events: list[Event] = []
    ties: list[Tie] = []
    for si, sent in enumerate(doc.sents):
        found: list[Found] = []
        coder.current = []
        coder.in_question = sent.text.rstrip().endswith("?")
        for tok in sent:
            # Resolve every subject first: a resolved "his country" is the antecedent of a later "its".
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.i not in coder.actors.by_token and (
                    tok.pos_ == "PRON" or tok.lower_ in REFERRING or any(c.dep_ == "poss" for c in tok.children)):
                coder.actors_for(tok)
        for tok in sent:
            # Verbs, and gerunds the tagger calls nouns ("began sharing data").
            if verb_like(tok) or tok.tag_ == "VBG":
                got = coder.code_verb(tok)
                coder.current.extend((tok.i, f.code, f.source, f.target) for f in got if not f.saying)
                found.extend(got)
            if tok.pos_ in ("AUX", "VERB", "ADJ"):
                found.extend(coder.code_blame(tok) or coder.code_feeling(tok))
        # "downgraded ties and suspended trade with India": an act aimed at no one shares its joined act's target
        shared = shared_targets(coder.unaimed, found)
        coder.current.extend((f.predicate.i, f.code, f.source, f.target) for f in shared)
        found.extend(shared)
        aimed = {f.predicate.i for f in shared}
        coder.untargeted = [u for u in coder.untargeted if u[0] not in aimed]
        coder.unaimed = []
        for tok in sent:
            if tok.pos_ == "NOUN" or nominal_gerund(tok):
                found.extend(coder.code_noun(tok) or coder.code_deverbal(tok))
            elif tok.dep_ == "amod":
                found.extend(coder.code_brokered(tok))
        seen: dict[tuple[str, str, str], set[int | None]] = {}  # act heads told per source, target and code
        first = len(events)  # this sentence's events start here
        acts: list[tuple[str, Actor]] = []
        kept = one_act_per_chain(reported_over_saying(mediated_over_talks(found)))
        for f in (x for g in kept for x in coder.expand_found(g)):
            e = coder.to_event(f, si)
            if e is None or not new_act(seen.setdefault((e.source, e.target, e.code), set()), f.predicate) or (
                    act_head(f.predicate) is None and restated_by_noun(events, first, e)):
                continue
            events.append(e)
            if e.code.startswith("112"):
                coder.accusers[e.target] = f.source
            if e.quad_class >= 3:
                coder.adversaries[e.target] = f.source
            acts.append((e.code, f.source))
        # only after the sentence: "the attack" refers back, not to its own clause
        coder.earlier.extend([*((c, s) for _i, c, s in coder.untargeted), *acts])
        coder.untargeted = []
        ties.extend(code_ties(coder, sent, si))
    return coder.mentions(), events, ties
