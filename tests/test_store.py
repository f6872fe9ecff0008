"""The DuckDB store: all-or-nothing batches, idempotent writes and quarantine, persisted signatures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from multivector.ingest.dedupe import StoryIndex
from multivector.records import Article, BadRecord, CodedArticle, Sentence
from multivector.store import Store


def coded(text: str, story: str | None = None) -> CodedArticle:
    a = Article.make(text, dt.date(2024, 1, 2), source="t")
    half = len(text) // 2
    sents = (Sentence(a.id, 0, 0, half, text[:half]), Sentence(a.id, 1, half, len(text), text[half:]))
    return CodedArticle(a, sents, story_id=story)


def test_write_is_idempotent_and_keeps_story(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    a, b = coded("Alpha beta gamma delta."), coded("Epsilon zeta eta theta.")
    with Store(db) as s:
        assert s.write([a, b, a], signatures={a.article.id: b"\x01" * 8}) == 2
        assert s.write([a, b]) == 0
        c = coded("Iota kappa lambda mu.", story=a.article.id)
        assert s.write([c]) == 1
    with Store(db) as s:  # reopened from disk
        assert s.counts()["articles"] == 3 and s.counts()["sentences"] == 6
        assert [r["id"] for r in s.story_sources(a.article.id)] == [a.article.id, c.article.id]
        assert list(s.signatures()) == [(a.article.id, a.article.id, b"\x01" * 8)]


def test_failed_batch_leaves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    good = coded("Nu xi omicron pi.")
    with Store(db) as s:
        s.con.execute("DROP TABLE minhash")  # the last insert of the batch (signatures) will fail
        with pytest.raises(duckdb.Error):
            s.write([good], signatures={good.article.id: b"\x02" * 8})
        assert s.counts()["articles"] == 0 and s.counts()["sentences"] == 0
    with Store(db) as s:  # reopening recreates the table; the same batch now goes in whole
        assert s.write([good], signatures={good.article.id: b"\x02" * 8}) == 1
        assert s.counts()["articles"] == 1 and s.counts()["sentences"] == 2


def test_quarantine_once_per_source_and_reason(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as s:
        s.quarantine([BadRecord("a.txt", "empty file; fill it"), BadRecord("a.txt", "empty file; fill it")])
        s.quarantine([BadRecord("a.txt", "empty file; fill it"), BadRecord("b.txt", "binary file; remove it")])
        assert [(r["source"], r["reason"]) for r in s.quarantined()] == [
            ("a.txt", "empty file; fill it"), ("b.txt", "binary file; remove it")
        ]


def test_signatures_round_trip_into_story_index(tmp_path: Path) -> None:
    text = "The leaders of five Central Asian states met in Dushanbe to discuss water sharing and border trade. " * 3
    copy = "DUSHANBE (AP) - " + text + " Copyright AP."
    idx = StoryIndex()
    story, sig = idx.assign("a1", text)
    assert story == "a1"
    a = coded(text)
    with Store(tmp_path / "s.duckdb") as s:
        s.write([a], signatures={a.article.id: sig})
        reloaded = StoryIndex.from_rows(s.signatures())
    assert reloaded.assign("c1", copy)[0] == a.article.id
    assert reloaded.assign("u1", "Chile and Peru signed a fishing accord in Lima on Friday after long talks.")[0] == "u1"


def test_event_and_tie_rows_are_flat_copies_of_their_records() -> None:
    """Rows copy record fields one level deep, which is only right while records hold scalars."""
    import dataclasses

    from multivector.pipeline import code_article
    from multivector.records import Event, Tie
    from multivector.store import event_rows, tie_rows

    coded = code_article(Article.make("Russia expelled two Polish diplomats on Monday. Kazakhstan buys most of "
                                      "its wheat from Russia.", dt.date(2024, 3, 4)))
    assert coded.events and coded.ties
    for cls in (Event, Tie):
        assert all(f.type in ("str", "str | None", "int", "float", "dt.date") for f in dataclasses.fields(cls)), cls
    row = event_rows([coded])[0]
    assert (row["source"], row["target"], row["root"], row["sentence_idx"]) == ("RUS", "POL", "16", 0)
    assert row["id"] == coded.events[0].id and row["event_date"] == dt.date(2024, 3, 4)
    assert tie_rows([coded])[0]["id"] == coded.ties[0].id
