"""FAQ check: split each FAQ answer into claims and judge each against the article body.

A claim is a clause: answers are split into sentences and at a coordinating "and" that opens a new
verb clause. Each claim is compared with every body sentence by
  score = cosine(embeddings) + 0.5 * lexical overlap (content stems) + 0.15 * relation agreement,
and the best sentence is its candidate support. The claim is *supported* when that sentence is close
(cosine >= MIN_SIMILARITY), every actor the claim names occurs in the body, and little of the claim's
content is new: novelty = share of its key stems (nouns, names, adjectives, numerals) found nowhere in the body (prefix matches and
relation cue words count as found) must stay <= MAX_NOVELTY. Content the body never mentions
("a long history", "a strategic ally") is what makes a fluent paraphrase unsupported.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .. import yamlfast
from ..errors import InputError
from ..records import Article, BadRecord
from .names import actors_in
from .retrieval import STOPWORDS, dot, embed, stem, tokens

if TYPE_CHECKING:  # spaCy loads (2-3 s) only when a FAQ is checked, not for every `ask`
    from spacy.tokens import Token

MIN_SIMILARITY = 0.45  # cosine of all-MiniLM-L6-v2 below which two sentences rarely state the same fact
MAX_NOVELTY = 0.4  # at most 40% of a claim's content words may be absent from the whole body
MIN_PREFIX = 5  # "partner"/"partnership", "develop"/"development": shared prefix of at least 5 letters


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    """One FAQ claim, whether the body supports it, and the sentence that does (if any)."""

    question: str
    claim: str
    supported: bool
    sentence: str | None  # the supporting (or, when unsupported, the closest) body sentence
    sentence_idx: int | None
    similarity: float
    overlap: float
    novelty: float
    missing: tuple[str, ...]  # claim content words found nowhere in the body
    reason: str


@functools.cache
def relation_cues() -> dict[str, frozenset[str]]:
    """Relation type -> stemmed cue words (explain/data/relations.yaml)."""
    path = resources.files("multivector.explain") / "data" / "relations.yaml"
    data = yamlfast.safe_load(path.read_text(encoding="utf-8")) or {}
    return {k: frozenset(stem(w) for ws in v for w in ws.split()) for k, v in (data.get("relations") or {}).items()}


def relations_of(stems: set[str]) -> set[str]:
    """Relation types whose cue words occur among the stems."""
    return {r for r, cues in relation_cues().items() if stems & cues}


NP_POS = ("DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON")


def _opens_clause(cc: Token) -> bool:
    """True when "and" is followed by a conjoined verb, alone or after a short subject noun phrase.

    The subject check (not only the parse's attachment) keeps "X is A for B and the two countries
    share C" splittable when the parser hangs "the two countries" on B.
    """
    for v in cc.sent:
        if v.i > cc.i and v.dep_ == "conj" and v.pos_ in ("VERB", "AUX"):
            between = cc.doc[cc.i + 1: v.i]
            if v.left_edge.i == cc.i + 1 or (len(between) <= 6 and all(t.pos_ in NP_POS for t in between)):
                return True
    return False


def split_claims(answer: str) -> list[str]:
    """Claims of one answer: its sentences, split at a semicolon and at an "and" that starts a new verb clause."""
    from .. import nlp

    doc = nlp.load()(answer)
    out: list[str] = []
    for sent in doc.sents:
        cuts = [t.i for t in sent if (t.lower_ == "and" and t.dep_ == "cc" and _opens_clause(t)) or t.text == ";"]
        start = sent.start
        for c in [*cuts, sent.end]:
            span = doc[start:c].text.strip(" ,;.")
            if span:
                out.append(span)
            start = c + 1
    return out


KEY_POS = ("NOUN", "PROPN", "ADJ", "NUM")  # what a claim asserts lives in its nouns and modifiers, not its verbs


def key_stems(text: str) -> set[str]:
    """Stems of the claim's key content words (nouns, names, adjectives, numerals)."""
    from .. import nlp

    return {stem(t.text) for t in nlp.load()(text) if t.pos_ in KEY_POS and t.lower_ not in STOPWORDS}


def _found(s: str, body: set[str], body_rel: set[str]) -> bool:
    if s in body:
        return True
    if len(s) >= MIN_PREFIX and any(b.startswith(s) or (len(b) >= MIN_PREFIX and s.startswith(b)) for b in body):
        return True
    return bool(relations_of({s}) & body_rel)


def faq_check(article: Article, sentences: Sequence[str]) -> list[ClaimVerdict]:
    """Verdicts for every claim of the article's FAQ answers against its body sentences."""
    body_sents = [s for s in sentences if s.strip()]
    if not article.faq or not body_sents:
        return []
    body_stems = {t for s in body_sents for t in tokens(s)}
    body_rel = relations_of(body_stems)
    body_actors = set(actors_in(" ".join(body_sents)))
    sent_stems = [set(tokens(s)) for s in body_sents]
    sent_rel = [relations_of(st) for st in sent_stems]
    claims = [(f.question, c) for f in article.faq for c in split_claims(f.answer)]
    vecs = embed([c for _, c in claims] + body_sents)
    cvecs, svecs = vecs[: len(claims)], vecs[len(claims):]
    out = []
    for (question, claim), cv in zip(claims, cvecs, strict=True):
        cst = set(tokens(claim))
        crel = relations_of(cst)
        best = (-1.0, 0, 0.0, 0.0)
        for i, (sv, st, srel) in enumerate(zip(svecs, sent_stems, sent_rel, strict=True)):
            sim = dot(cv, sv)
            overlap = len({s for s in cst if _found(s, st, srel)}) / max(len(cst), 1)
            agree = 1.0 if crel and crel & srel else 0.0
            score = sim + 0.5 * overlap + 0.15 * agree
            if score > best[0]:
                best = (score, i, sim, overlap)
        _, i, sim, overlap = best
        key = key_stems(claim) or cst
        missing = tuple(sorted(s for s in key if not _found(s, body_stems, body_rel)))
        novelty = len(missing) / max(len(key), 1)
        absent_actors = [a for a in actors_in(claim) if a not in body_actors]
        if absent_actors:
            ok, reason = False, f"the body never names {', '.join(absent_actors)}"
        elif novelty > MAX_NOVELTY:
            ok, reason = False, f"the body never mentions: {', '.join(missing)}"
        elif sim < MIN_SIMILARITY:
            ok, reason = False, f"no body sentence states it (best cosine {sim:.2f} < {MIN_SIMILARITY})"
        else:
            ok, reason = True, f"stated by body sentence {i} (cosine {sim:.2f}, word overlap {overlap:.0%})"
        out.append(ClaimVerdict(question, claim, ok, body_sents[i], i, round(sim, 4), round(overlap, 4),
                                round(novelty, 4), missing, reason))
    return out


def faq_check_file(path: str | Path) -> list[ClaimVerdict]:
    """faq-check of a file without any store: ingest it in memory, split the body with spaCy, judge the FAQ."""
    from ..ingest import iter_inputs
    from ..pipeline import code_article

    items = list(iter_inputs([path]))
    arts = [a for a in items if isinstance(a, Article)]
    if not arts:
        bad = next((b for b in items if isinstance(b, BadRecord)), None)
        raise InputError(str(path), bad.reason if bad else "no article found", "pass a text, HTML or JSON article file")
    art = arts[0]
    if not art.faq:
        raise InputError(str(path), "no FAQ section (Q:/A: lines) found", "add 'Q:' and 'A:' lines after the body")
    return faq_check(art, [s.text for s in code_article(art).sentences])
