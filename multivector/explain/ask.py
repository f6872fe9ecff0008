"""Answer a question about actors from the store with ranked, cited sentences.

Pipeline: actors and intent from the question -> three rankings of stored sentences
(structured evidence: events and ties between the actors, ordered by what the intent asks for;
BM25 over sentence text; cosine similarity of sentence embeddings) -> reciprocal rank fusion ->
a short answer with the top-k citations. FAQ answers are never evidence: only body sentences are stored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..analysis.common import fetch_events, fetch_ties, require_articles
from ..analysis.poles import load_poles
from ..analysis.records import EventRef, Pole, TieRef
from ..errors import UsageError
from ..events.cameo import lookup as cameo_lookup
from ..store import Store
from .names import actors_in, name_of
from .retrieval import BM25, dot, embed, rrf, sentence_embeddings

Key = tuple[str, int]  # (article_id, sentence idx)

# Intent cues (ordered: the first that matches wins); "relations" is the default.
INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("balancing", re.compile(r"\bbalanc\w*|\bhedg\w*|\bmulti-?vector|\bbetween\b.*\band\b", re.I)),
    ("importance", re.compile(r"\bimportan\w*|\bmatters?\b|\bvalu\w+|\bsignifican\w*|\bneed\w*\b", re.I)),
    ("interest", re.compile(r"\binterest\w*|\bwants?\b|\bcourt\w*|\beager\b|\bengag\w*", re.I)),
    ("conflict", re.compile(r"\bconflict\w*|\btension\w*|\bdisput\w*|\bclash\w*|\bsanction\w*|\bthreat\w*", re.I)),
)
MAX_CANDIDATES = 400  # sentences embedded per question: bounded cost on a large store
BM25_POOL = 200
WEIGHTS = [1.0, 1.0, 1.0]  # evidence, bm25, embedding: plain RRF; the constant k already damps any one list


@dataclass(frozen=True, slots=True)
class Cited:
    """One ranked citation: a stored body sentence and why it was chosen."""

    rank: int
    article_id: str
    date: dt.date
    sentence_idx: int
    sentence: str
    score: float
    via: tuple[str, ...]  # which rankings put it forward: evidence, bm25, embedding


@dataclass(frozen=True, slots=True)
class Answer:
    """A short answer with its ranked citations."""

    question: str
    actors: tuple[str, ...]
    intent: str
    text: str  # the summary followed by the quoted citations
    citations: tuple[Cited, ...]
    summary: str = ""  # what the coded evidence behind the citations says, in a sentence or two


def intent_of(question: str) -> str:
    """importance | interest | balancing | conflict | relations, from cue words of the question."""
    for name, pat in INTENTS:
        if pat.search(question):
            return name
    return "relations"


def _members(code: str, poles: Mapping[str, Pole]) -> list[str]:
    return list(poles[code].members) if code in poles else [code]


def _evidence(
    store: Store, actors: Sequence[str], intent: str, poles: Mapping[str, Pole]
) -> list[tuple[Key, EventRef | TieRef]]:
    """Events and ties between the question's actors, ordered by what the intent asks for."""
    if not actors:
        return []
    groups = [_members(a, poles) for a in actors]
    first = groups[0]
    others = sorted({m for g in groups[1:] for m in g}) if len(groups) > 1 else []
    if not others:  # one actor: everything it did or received
        everyone: list[str] = sorted({r[0] for r in store.con.execute(
            "SELECT source FROM events UNION SELECT target FROM events UNION SELECT a FROM ties UNION SELECT b FROM ties"
        ).fetchall() if r[0]})
        others = everyone
    out_ev = fetch_events(store, first, others)  # the first-named actor acting
    in_ev = fetch_events(store, others, first)
    ties = fetch_ties(store, first, others) + fetch_ties(store, others, first)

    def coop(evs: list[EventRef]) -> list[EventRef]:
        return sorted([e for e in evs if e.quad_class in (1, 2)], key=lambda e: (-e.confidence, -e.goldstein))

    def confl(evs: list[EventRef]) -> list[EventRef]:
        return sorted([e for e in evs if e.quad_class in (3, 4)], key=lambda e: (-e.confidence, e.goldstein))

    ordered: list[EventRef | TieRef]
    if intent == "importance":  # "why is X important to Y": dependence, then Y's overtures
        ordered = [*ties, *coop(in_ev), *coop(out_ev), *confl(in_ev), *confl(out_ev)]
    elif intent == "interest":  # "why is Y interested in X" names X last: the first actor acts
        ordered = [*coop(out_ev), *coop(in_ev), *ties, *confl(out_ev), *confl(in_ev)]
    elif intent == "balancing":  # the balancer's own moves and its dependence
        ordered = [*confl(out_ev), *coop(out_ev), *ties, *coop(in_ev), *confl(in_ev)]
    elif intent == "conflict":
        ordered = [*confl(out_ev), *confl(in_ev), *coop(out_ev), *coop(in_ev), *ties]
    else:
        ordered = [*out_ev, *in_ev, *ties]
    seen: dict[Key, EventRef | TieRef] = {}
    for r in ordered:
        seen.setdefault((r.article_id, r.sentence_idx), r)
    return list(seen.items())


def _candidates(store: Store, actors: Sequence[str], question: str, poles: Mapping[str, Pole],
                evidence_keys: Sequence[Key]) -> dict[Key, tuple[str, dt.date]]:
    """Sentences to rank: those of articles linked to the actors (events, ties, names), else all."""
    codes = sorted({m for a in actors for m in _members(a, poles)})
    arts: set[str] = {k[0] for k in evidence_keys}
    if codes:
        arts.update(r[0] for r in store.con.execute(
            "SELECT article_id FROM events WHERE list_contains(?, source) OR list_contains(?, target)"
            " UNION SELECT article_id FROM ties WHERE list_contains(?, a) OR list_contains(?, b)"
            " UNION SELECT article_id FROM mentions WHERE list_contains(?, code)", [codes] * 5).fetchall())
    if arts:
        rows = store.con.execute(
            "SELECT s.article_id, s.idx, s.text, a.date FROM sentences s JOIN articles a ON a.id = s.article_id"
            " WHERE list_contains(?, s.article_id) ORDER BY a.date DESC, s.article_id, s.idx", [sorted(arts)]).fetchall()
    else:
        rows = store.con.execute(
            "SELECT s.article_id, s.idx, s.text, a.date FROM sentences s JOIN articles a ON a.id = s.article_id"
            " ORDER BY a.date DESC, s.article_id, s.idx").fetchall()
    return {(a, int(i)): (t, d) for a, i, t, d in rows if t and t.strip()}


def _answer_text(question: str, actors: Sequence[str], intent: str, cites: Sequence[Cited],
                 evidence: Mapping[Key, EventRef | TieRef], poles: Mapping[str, Pole]) -> str:
    names = [name_of(a, poles) for a in actors]
    if not cites:
        return "The store holds no sentence that answers this question."
    lead = "What the sources say" if not names else {  # a question naming no actor gets the general lead
        "importance": f"What the sources say about why {names[0]} matters" + (f" to {names[1]}" if len(names) > 1 else ""),
        "interest": f"What the sources say about the interest of {names[0]}" + (f" in {names[1]}" if len(names) > 1 else ""),
        "balancing": f"What the sources say about how {names[0]} balances" + (
            f" between {' and '.join(names[1:])}" if len(names) > 1 else ""),
        "conflict": "What the sources say about conflict" + (f" involving {', '.join(names)}" if names else ""),
        "relations": "What the sources say" + (f" about {', '.join(names)}" if names else ""),
    }[intent]
    # Summarise what the coded evidence behind the citations says, then point at the quotes.
    ties: dict[tuple[str, str], dict[str, list[int]]] = {}
    acts: dict[tuple[str, str], dict[str, list[int]]] = {}
    for c in cites:
        ev = evidence.get((c.article_id, c.sentence_idx))
        if isinstance(ev, TieRef):
            ties.setdefault((ev.a, ev.b), {}).setdefault(ev.type, []).append(c.rank)
        elif isinstance(ev, EventRef):
            what = cameo_lookup(ev.code).name.lower()
            acts.setdefault((ev.source, ev.target), {}).setdefault(what, []).append(c.rank)

    def listed(d: dict[str, list[int]]) -> str:
        return ", ".join(f"{k} {''.join(f'[{r}]' for r in ranks)}" for k, ranks in d.items())

    parts = [lead + ":"]
    for (a, b), by_type in ties.items():
        parts.append(f"{name_of(a, poles)} depends on {name_of(b, poles)} for {listed(by_type)}.")
    for (a, b), by_code in acts.items():
        parts.append(f"{name_of(a, poles)} towards {name_of(b, poles)}: {listed(by_code)}.")
    return " ".join(parts)


def ask(store: Store, question: str, *, k: int = 3, use_embeddings: bool = True) -> Answer:
    """Answer a question in a few sentences with the top-k ranked citations (article id, date, sentence)."""
    if not question.strip():
        raise UsageError("empty question; ask e.g. \"Why is Kazakhstan important to Russia?\"")
    if k < 1:
        raise UsageError("--k must be at least 1")
    require_articles(store)
    poles = load_poles()
    actors = actors_in(question, poles)
    intent = intent_of(question)
    ev = _evidence(store, actors, intent, poles)
    evidence = dict(ev)
    cands = _candidates(store, actors, question, poles, [key for key, _ in ev])
    keys = list(cands)
    bm = BM25([cands[key][0] for key in keys]).scores(question)
    bm_rank = [keys[i] for i in sorted(range(len(keys)), key=lambda i: -bm[i]) if bm[i] > 0][:BM25_POOL]
    ev_rank = [key for key, _ in ev if key in cands]
    rankings: list[list[Key]] = [ev_rank, bm_rank]
    names = ["evidence", "bm25"]
    if use_embeddings and keys:
        pool = list(dict.fromkeys(ev_rank + bm_rank + keys))[:MAX_CANDIDATES]
        vecs = sentence_embeddings(store, {key: cands[key][0] for key in pool})
        q = embed([question])[0]
        sims = {key: dot(q, vecs[key]) for key in pool}
        rankings.append(sorted(pool, key=lambda key: -sims[key]))
        names.append("embedding")
    fused = rrf(rankings, weights=WEIGHTS[: len(rankings)])[:k]
    cites = []
    for rank, (key, score) in enumerate(fused, start=1):
        via = tuple(n for n, r in zip(names, rankings, strict=True) if key in r[:10])
        text, date = cands[key]
        cites.append(Cited(rank, key[0], date, key[1], text, round(score, 6), via))
    summary = _answer_text(question, actors, intent, cites, evidence, poles)
    quotes = " ".join(f"[{c.rank}] “{c.sentence.strip()}”" for c in cites)
    return Answer(question, tuple(actors), intent, f"{summary} {quotes}".strip(), tuple(cites), summary)
