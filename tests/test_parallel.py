"""Parallel ingest: worker processes store the same rows as one process, and lose no article to a failure."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import duckdb
import pytest

import multivector.parallel as parallel
from multivector.ingest.run import ingest_paths
from multivector.parallel import WorkerDied, code_chunk, code_parallel
from multivector.pipeline import code_articles
from multivector.records import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import corpus  # noqa: E402

# Columns stamped with the wall clock differ between any two runs.
CLOCK = {"coded_at", "ingested_at", "at", "updated_at"}
TABLES = ("articles", "sentences", "mentions", "events", "ties", "minhash", "clusters", "quarantine")
CRASH = "Zzcrashzz"
FAIL = "Zzfailzz"


def _rows(path: Path, table: str) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        cols = [c[0] for c in con.execute(f"SELECT * FROM {table} LIMIT 0").description if c[0] not in CLOCK]
        return sorted(map(repr, con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()))
    finally:
        con.close()


def _inputs(folder: Path) -> Path:
    """24 generated news articles, a byline-and-footer copy of article 1 placed 20 articles later (another
    chunk), an exact copy of article 2, and an empty record (quarantined)."""
    recs = corpus.generate(24, seed=3)
    recs.insert(21, dict(recs[1], text=f"By a staff writer. {recs[1]['text']} Copyright 2024, all rights reserved.",
                         url="https://example.org/copy"))
    recs.append(dict(recs[2]))
    folder.mkdir()
    path = corpus.write_jsonl(recs, folder)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"date": "2024-01-01", "text": ""}) + "\n")
    return path


def test_two_processes_store_the_same_rows_as_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _inputs(tmp_path / "in")
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 4)  # 26 articles in 7 chunks: the copy lands 5 chunks later
    one = ingest_paths([src], tmp_path / "one.duckdb", n_process=1, progress=False)
    two = ingest_paths([src], tmp_path / "two.duckdb", n_process=2, progress=False)
    assert (two.articles_new, two.duplicates_linked, two.events, two.ties, two.articles_skipped_known) == (
        one.articles_new, one.duplicates_linked, one.events, one.ties, one.articles_skipped_known)
    assert one.articles_new == 25 and one.duplicates_linked == 1 and one.articles_skipped_known == 1
    assert len(one.quarantined) == len(two.quarantined) == 1
    for t in TABLES:
        assert _rows(tmp_path / "one.duckdb", t) == _rows(tmp_path / "two.duckdb", t), t
    assert sum("https://example.org/copy" in r for r in _rows(tmp_path / "two.duckdb", "articles")) == 1
    # a rerun with two processes finds every article stored: nothing coded or stored twice
    again = ingest_paths([src], tmp_path / "two.duckdb", n_process=2, progress=False)
    assert again.articles_new == 0 and again.articles_skipped_known == 26


def _articles(n: int, marker: str = "", at: int = -1) -> list[Article]:
    recs = corpus.generate(n, seed=5)
    out = []
    for i, r in enumerate(recs):
        text = r["text"] + (f" {marker} said." if i == at else "")
        out.append(Article.make(text, dt.date.fromisoformat(r["date"]), title=r["title"], url=r["url"]))
    return out


def crashing(articles: list[Article]) -> parallel.Result:
    """A chunk's work that kills its worker process on the marked article."""
    if any(CRASH in a.text for a in articles):
        os._exit(9)
    return code_chunk(articles)


def failing(articles: list[Article]) -> parallel.Result:
    """A chunk's work where coding the marked article raises inside the pipeline (as a coder bug would)."""
    import multivector.pipeline as pipeline

    real = pipeline.code_planned

    def code_planned(p, docs):  # type: ignore[no-untyped-def]
        if FAIL in p.article.text:
            raise ValueError("coder bug\nsecond line")
        return real(p, docs)

    pipeline.code_planned = code_planned  # type: ignore[assignment]
    try:
        return code_chunk(articles)
    finally:
        pipeline.code_planned = real  # type: ignore[assignment]


def test_a_worker_that_dies_loses_only_its_article() -> None:
    arts = _articles(12, CRASH, at=6)
    errors: list[tuple[str, Exception]] = []
    got = list(code_parallel(arts, n_process=2, chunk_size=3, work=crashing,
                             on_error=lambda a, e: errors.append((a.id, e))))
    assert [(aid, type(e)) for aid, e in errors] == [(arts[6].id, WorkerDied)]
    assert [c.article.id for c in got] == [a.id for i, a in enumerate(arts) if i != 6]  # input order, none twice
    assert got == [c for c in code_articles(arts) if c.article.id != arts[6].id]


def test_an_article_that_fails_to_code_is_reported_and_its_chunk_goes_on() -> None:
    arts = _articles(8, FAIL, at=2)
    errors: list[tuple[str, Exception]] = []
    got = list(code_parallel(arts, n_process=2, chunk_size=4, work=failing,
                             on_error=lambda a, e: errors.append((a.id, e))))
    assert [(aid, type(e).__name__, str(e)) for aid, e in errors] == [(arts[2].id, "ValueError", "coder bug\nsecond line")]
    assert got == [c for c in code_articles(arts) if c.article.id != arts[2].id]
    with pytest.raises(Exception, match="coder bug"):  # without on_error the failure is raised, as in one process
        list(code_parallel(arts, n_process=1, chunk_size=4, work=failing))


def test_workers_code_with_the_user_lexicons_in_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user lexicon put in force after the workers' fork server started still codes in the workers."""
    from multivector import user_lexicon

    lex = tmp_path / "lex.yaml"
    lex.write_text("version: 1\nverbs:\n  - {id: user-woo, lemmas: [woo], code: \"050\", target: [dobj]}\n")
    arts = [Article.make("Kassym-Jomart Tokayev wooed Emir Tamim bin Hamad Al Thani in Astana on Tuesday.",
                         dt.date(2024, 3, 12))]
    monkeypatch.delenv(user_lexicon.ENV, raising=False)
    list(code_parallel(arts, n_process=1))  # the fork server is running, warm with the shipped lexicons
    try:
        with user_lexicon.in_force([lex]):
            local = list(code_articles(arts))
            workers = list(code_parallel(arts, n_process=2))
    finally:
        user_lexicon.clear_caches()
    assert any(e.code == "050" for e in local[0].events)
    assert workers == local
