"""The seed article as a hand-coded store (gold events and ties), shared by the analysis/explain tests.

Events and ties are built from seed-gold.json with real sentence texts from the seed (real ingest,
real spaCy sentences), independent of the event coder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from multivector import nlp
from multivector.events import cameo
from multivector.ingest import iter_inputs
from multivector.pipeline import sentences_of
from multivector.records import Article, CodedArticle, Event, Sentence, Tie
from multivector.store import Store

SHARED = Path("/work/shared")
SEED_DIR = SHARED / "seed"
GOLD = SHARED / "gold" / "seed-gold.json"


def seed_available() -> bool:
    """True when the shared seed and its gold file are present."""
    return GOLD.is_file() and any(SEED_DIR.glob("*.txt"))


def seed_gold() -> dict:  # type: ignore[type-arg]
    return json.loads(GOLD.read_text(encoding="utf-8"))


def seed_article() -> Article:
    """The seed read by the real ingest (body without FAQ, FAQ in .faq)."""
    items = list(iter_inputs(sorted(SEED_DIR.glob("*.txt"))))
    arts = [a for a in items if isinstance(a, Article)]
    assert arts, items
    return arts[0]


def _sentence(sents: tuple[Sentence, ...], needle: str) -> Sentence:
    hits = [s for s in sents if needle in s.text]
    assert len(hits) == 1, (needle, [s.text for s in sents])
    return hits[0]


def make_event(art: Article, s: Sentence, source: str, target: str, code: str, *, source_role: str | None = None,
               at: str = "") -> Event:
    """An event with CAMEO-table fields, anchored on the words ``at`` (or the whole sentence)."""
    c = cameo.lookup(code)
    start = s.start + (s.text.index(at) if at else 0)
    end = start + len(at) if at else s.end
    return Event(art.id, art.date, s.index, start, end, source, source_role, target, None, c.code, c.root,
                 c.quad_class, c.goldstein, c.plover_type, c.plover_mode, "test:gold")


def seed_coded() -> CodedArticle:
    """The seed article with its gold events and ties."""
    art = seed_article()
    sents = sentences_of(art, nlp.load()(art.text))
    gold = seed_gold()
    events = tuple(
        make_event(art, _sentence(sents, g["sentence"]), g["source"], g["target"], g["code"],
                   source_role=g.get("source_role"))
        for g in gold["events"]
    )
    ties = []
    for g in gold["ties"]:
        s = _sentence(sents, g["sentence"])
        start = s.start + s.text.index(g["sentence"])
        ties.append(Tie(art.id, art.date, s.index, start, start + len(g["sentence"]), g["a"], g["b"], g["type"],
                        "test:gold"))
    return CodedArticle(art, sents, (), events, tuple(ties))


def build_seed_store(path: Path) -> Path:
    """A DuckDB store file holding only the hand-coded seed."""
    with Store(path) as st:
        st.write([seed_coded()])
    return path


needs_seed = pytest.mark.skipif(not seed_available(), reason="/work/shared seed not present")


@needs_seed
def test_seed_store_holds_gold_events_with_their_sentences(tmp_path: Path) -> None:
    path = build_seed_store(tmp_path / "seed.duckdb")
    gold = seed_gold()
    with Store(path, read_only=True) as st:
        rows = st.query("SELECT e.source, e.target, e.code, s.text FROM events e JOIN sentences s"
                        " ON s.article_id = e.article_id AND s.idx = e.sentence_idx")
        faq = json.loads(st.query("SELECT faq FROM articles")[0]["faq"])
    assert len(rows) == len(gold["events"])
    for g in gold["events"]:
        assert any(r["source"] == g["source"] and r["target"] == g["target"] and g["sentence"] in r["text"]
                   for r in rows)
    assert len(faq) == len(gold["faq"])  # FAQ kept apart from the body sentences
