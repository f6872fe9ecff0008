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
from .names import mentions_in, name_of
from .retrieval import BM25, dot, embed, rrf, sentence_embeddings

Key = tuple[str, int]  # (article_id, sentence idx)

# Intent cues (ordered: the first that matches wins); "relations" is the default. "between A and B" reads as
# balancing only with a third actor ("How is Kazakhstan positioned between Russia and China?").
INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("balancing", re.compile(r"\bbalanc\w*|\bhedg\w*|\bmulti-?vector", re.I)),
    ("importance", re.compile(r"\bimportan\w*|\bmatters?\b|\bvalu\w+|\bsignifican\w*|\bneed\w*\b|\bstake\b"
                              r"|\bdepend\w*|\brel(y|ies|iant|iance)\b", re.I)),
    ("interest", re.compile(r"\binterest\w*|\bwants?\b|\bcourt\w*|\beager\b|\bengag\w*|\bseek\w*|\bpursu\w*", re.I)),
    ("conflict", re.compile(r"\bconflict\w*|\btension\w*|\bdisput\w*|\bclash\w*|\bsanction\w*|\bthreat\w*", re.I)),
)
_BETWEEN = re.compile(r"\bbetween\b.*\band\b", re.I)
# The actor after these words is the one something matters to ("important to Russia", "for China").
_TO = re.compile(r"\b(to|for)\s+(the\s+)?$", re.I)
# "Why does Russia need Kazakhstan?": the one who needs comes first.
_NEED = re.compile(r"\bneed\w*\b|\bdepend\w*\b|\brel(y|ies|iant)\b", re.I)
MAX_CANDIDATES = 400  # sentences embedded per question: bounded cost on a large store
BM25_POOL = 200
WEIGHTS = [1.0, 1.0, 1.0]  # evidence, bm25, embedding: plain RRF; the constant k already damps any one list
THIN = 3  # fewer coded events and ties than this between the question's actors: say the evidence is thin


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
    subject: str | None = None  # what the question is about: X in "why does X matter to Y", "is Y interested in X"
    party: str | None = None  # Y: the one X matters to, the one interested
    evidence: int = 0  # coded events and ties between the question's actors in the store


@dataclass(frozen=True, slots=True)
class Focus:
    """Who the question is about (``subject``) and for whom (``party``, None = anyone); ``others`` for balancing."""

    subject: str | None
    party: str | None
    others: tuple[str, ...] = ()


def intent_of(question: str, n_actors: int = 3) -> str:
    """importance | interest | balancing | conflict | relations, from cue words of the question."""
    for name, pat in INTENTS:
        if pat.search(question):
            return name
    if n_actors >= 3 and _BETWEEN.search(question):
        return "balancing"
    return "relations"


def focus_of(question: str, mentions: Sequence[tuple[int, int, str]], intent: str) -> Focus:
    """Read the direction of the question: in "why is X important to Y" X is the subject and Y the party;
    in "why is Y interested in X" or "what does Y want from X" Y is the party; "why does Y need X": Y."""
    codes = list(dict.fromkeys(c for _s, _e, c in mentions))
    if not codes:
        return Focus(None, None)
    if len(codes) == 1:
        return Focus(codes[0], None)
    after_to = [c for s, _e, c in mentions if _TO.search(question[:s])]
    if intent == "balancing":
        return Focus(codes[0], None, tuple(codes[1:]))
    if after_to and intent in ("importance", "interest", "relations"):
        party = after_to[0]
        subject = next(c for c in codes if c != party)
        return Focus(subject, party, tuple(c for c in codes if c not in (subject, party)))
    if intent == "interest" or (intent == "importance" and _NEED.search(question)):
        return Focus(codes[1], codes[0], tuple(codes[2:]))
    return Focus(codes[0], codes[1], tuple(codes[2:]))


def _members(code: str, poles: Mapping[str, Pole]) -> list[str]:
    return list(poles[code].members) if code in poles else [code]


def _coop(evs: list[EventRef]) -> list[EventRef]:
    return sorted([e for e in evs if e.quad_class in (1, 2)], key=lambda e: (-e.confidence, -e.goldstein))


def _confl(evs: list[EventRef]) -> list[EventRef]:
    return sorted([e for e in evs if e.quad_class in (3, 4)], key=lambda e: (-e.confidence, e.goldstein))


def _everyone(store: Store) -> list[str]:
    return sorted({r[0] for r in store.con.execute(
        "SELECT source FROM events UNION SELECT target FROM events UNION SELECT a FROM ties UNION SELECT b FROM ties"
    ).fetchall() if r[0]})


def _evidence(
    store: Store, focus: Focus, intent: str, poles: Mapping[str, Pole]
) -> list[tuple[Key, EventRef | TieRef]]:
    """Events and ties between the subject and the party (or anyone), ordered by what the intent asks for."""
    if focus.subject is None:
        return []
    subj = _members(focus.subject, poles)
    party = sorted({m for a in ([focus.party] if focus.party else []) + list(focus.others)
                    for m in _members(a, poles)} - set(subj)) or _everyone(store)
    sp, ps = fetch_events(store, subj, party), fetch_events(store, party, subj)  # subject -> party, party -> subject
    ties_sp, ties_ps = fetch_ties(store, subj, party), fetch_ties(store, party, subj)  # subject depends on party ...
    ordered: list[EventRef | TieRef]
    if intent == "importance":  # why X matters to Y: Y's dependence on X, Y's overtures, X's dependence (Y's leverage)
        ordered = [*ties_ps, *_coop(ps), *ties_sp, *_confl(ps), *_coop(sp), *_confl(sp)]
    elif intent == "interest":  # why Y is interested in X: Y's overtures, what Y gets, what holds X to Y
        ordered = [*_coop(ps), *ties_ps, *ties_sp, *_confl(ps), *_coop(sp), *_confl(sp)]
    elif intent == "balancing":  # the balancer's own moves and its dependence
        ordered = [*_confl(sp), *_coop(sp), *ties_sp, *_coop(ps), *_confl(ps)]
    elif intent == "conflict":
        ordered = [*_confl(sp), *_confl(ps), *_coop(sp), *_coop(ps), *ties_sp, *ties_ps]
    else:
        ordered = [*sp, *ps, *ties_sp, *ties_ps]
    seen: dict[Key, EventRef | TieRef] = {}
    for r in ordered:
        seen.setdefault((r.article_id, r.sentence_idx), r)
    return list(seen.items())


def _candidates(store: Store, actors: Sequence[str], poles: Mapping[str, Pole],
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


def _listed(d: dict[str, list[int]]) -> str:
    return ", ".join(f"{k} {''.join(f'[{r}]' for r in ranks)}" for k, ranks in d.items())


def _answer_text(focus: Focus, intent: str, cites: Sequence[Cited], evidence: Mapping[Key, EventRef | TieRef],
                 n_evidence: int, poles: Mapping[str, Pole]) -> str:
    """What the coded evidence behind the citations says, framed in the direction the question asked."""
    if not cites:
        return "The store holds no sentence that answers this question."
    if focus.subject is None:
        return ("The question names no country or organisation the lexicons know, so no coded event or tie "
                "answers it; these are the stored sentences closest to its words (name a country for coded "
                "evidence, e.g. \"Why is Kazakhstan important to Russia?\").")
    x = name_of(focus.subject, poles)
    y = name_of(focus.party, poles) if focus.party else None
    subj = set(_members(focus.subject, poles))
    lead = {
        "importance": f"Why {x} matters" + (f" to {y}" if y else ""),
        "interest": (f"Why {y} is interested in {x}" if y else f"Who is interested in {x}"),
        "balancing": f"How {x} balances" + (f" between {' and '.join(name_of(o, poles) for o in focus.others)}"
                                            if focus.others else ""),
        "conflict": f"Conflict involving {x}" + (f" and {y}" if y else ""),
        "relations": f"{x}" + (f" and {y}" if y else "") + " in the sources",
    }[intent]
    # Group what the cited sentences' coded evidence says by who acts on, or depends on, whom.
    deps_on_subject: dict[str, list[int]] = {}  # the party (or others) depend on the subject
    subject_deps: dict[str, list[int]] = {}  # the subject depends on the party
    toward_subject: dict[str, dict[str, list[int]]] = {"coop": {}, "conflict": {}}
    from_subject: dict[str, dict[str, list[int]]] = {"coop": {}, "conflict": {}}
    named = {focus.subject, focus.party}

    def who_(code: str) -> str:  # a pole member or an unnamed partner is named; the asked-about actors are not
        return "" if code in named else f" ({name_of(code, poles)})"

    for c in cites:
        ev = evidence.get((c.article_id, c.sentence_idx))
        if isinstance(ev, TieRef):
            if ev.b in subj:
                deps_on_subject.setdefault(f"{ev.type}{who_(ev.a)}", []).append(c.rank)
            elif ev.a in subj:
                subject_deps.setdefault(f"{ev.type}{who_(ev.b)}", []).append(c.rank)
        elif isinstance(ev, EventRef):
            what = cameo_lookup(ev.code).name.lower()
            kind = "coop" if ev.quad_class in (1, 2) else "conflict"
            if ev.target in subj:
                toward_subject[kind].setdefault(f"{what}{who_(ev.source)}", []).append(c.rank)
            elif ev.source in subj:
                from_subject[kind].setdefault(f"{what}{who_(ev.target)}", []).append(c.rank)
    who = y or "others"
    parts = []
    if deps_on_subject:
        parts.append(f"{who} depend{'s' if y else ''} on {x} for {_listed(deps_on_subject)}")
    if toward_subject["coop"]:
        parts.append(f"{who} court{'s' if y else ''} {x}: {_listed(toward_subject['coop'])}")
    if subject_deps:
        parts.append(f"{x} depends on {y or 'them'} for {_listed(subject_deps)}"
                     + (f", a stake and leverage for {y}" if intent in ("importance", "interest") and y else ""))
    if toward_subject["conflict"]:
        parts.append(f"{who} pressure{'s' if y else ''} {x}: {_listed(toward_subject['conflict'])}")
    if from_subject["coop"]:
        parts.append(f"{x} cooperates with {y or 'them'}: {_listed(from_subject['coop'])}")
    if from_subject["conflict"]:
        parts.append(f"{x} opposes {y or 'them'}: {_listed(from_subject['conflict'])}")
    text = f"{lead}: " + ("; ".join(parts) + "." if parts else "the cited sentences match the question's words "
                          "but hold no coded event or tie between them.")
    text = text[0].upper() + text[1:]
    between = f"{x} and {y}" if y else x
    if n_evidence == 0:
        text += f" No coded event or tie links {between} in the store: the evidence is thin."
    elif n_evidence < THIN:
        text += (f" The evidence is thin: {n_evidence} coded event{'s' if n_evidence > 1 else ''} or tie"
                 f"{'s link' if n_evidence > 1 else ' links'} {between} in the store.")
    return text


def ask(store: Store, question: str, *, k: int = 3, use_embeddings: bool = True) -> Answer:
    """Answer a question in a few sentences with the top-k ranked citations (article id, date, sentence)."""
    if not question.strip():
        raise UsageError("empty question; ask e.g. \"Why is Kazakhstan important to Russia?\"")
    if k < 1:
        raise UsageError("--k must be at least 1")
    require_articles(store)
    poles = load_poles()
    mentions = mentions_in(question, poles)
    actors = list(dict.fromkeys(c for _s, _e, c in mentions))
    intent = intent_of(question, len(actors))
    focus = focus_of(question, mentions, intent)
    ev = _evidence(store, focus, intent, poles)
    evidence = dict(ev)
    cands = _candidates(store, actors, poles, [key for key, _ in ev])
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
    if ev_rank and not any(key in evidence for key, _ in fused):
        # Coded evidence answers the question better than any word match: cite the best of it, last.
        best = ev_rank[0]
        fused = [*fused[: k - 1], (best, dict(rrf(rankings, weights=WEIGHTS[: len(rankings)]))[best])]
    cites = []
    for rank, (key, score) in enumerate(fused, start=1):
        via = tuple(n for n, r in zip(names, rankings, strict=True) if key in r[:10])
        text, date = cands[key]
        cites.append(Cited(rank, key[0], date, key[1], text, round(score, 6), via))
    n_evidence = len(ev)
    summary = _answer_text(focus, intent, cites, evidence, n_evidence, poles)
    quotes = " ".join(f"[{c.rank}] “{c.sentence.strip()}”" for c in cites)
    return Answer(question, tuple(actors), intent, f"{summary} {quotes}".strip(), tuple(cites), summary,
                  focus.subject, focus.party, n_evidence)
