"""Dask scale-out: a 2-worker LocalCluster codes the same articles as the single-process path."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from multivector.errors import StoreError, UsageError
from multivector.ingest import iter_inputs
from multivector.ingest.run import ingest_paths
from multivector.records import Article
from multivector.scale import load_parquet, partition_key, run_dask
from multivector.store import Store

SENTENCES = (
    "French President Emmanuel Macron visited Astana on Wednesday.",
    "Russia condemned the sanctions imposed by the European Union.",
    "Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev in Beijing.",
    "The United States accused Iran of supplying drones to Russia.",
    "Turkey and Azerbaijan signed a gas supply agreement on Monday.",
    "NATO warned Belarus against moving troops to the border.",
    "Germany pledged humanitarian aid to Ukraine after the floods.",
    "Kazakhstan imports most of its fuel from Russia.",
)


def _corpus(n: int = 40) -> list[dict[str, str]]:
    """n small distinct articles of 1-3 sentences each, dated across two years."""
    recs = []
    for i in range(n):
        k = 1 + i % 3
        text = " ".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(k)) + f" Report {i}."
        recs.append({"date": f"{2023 + i % 2}-{1 + i % 12:02d}-{1 + i % 27:02d}", "text": text,
                     "title": f"Story {i}", "url": f"https://example.org/{i}"})
    return recs


@pytest.fixture(scope="module")
def dask_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """One Dask run over a 40-article JSONL file (plus one bad line), shared by the tests below."""
    root = tmp_path_factory.mktemp("scale")
    src = root / "in.jsonl"
    lines = [json.dumps(r) for r in _corpus()] + ['{"text": "", "date": "2024-01-01"}']
    src.write_text("\n".join(lines) + "\n")
    out = root / "out"
    rep = run_dask([src], out, scheduler="local", n_workers=2, partition_size=7)
    assert rep.articles == 40 and rep.partitions == 6 and rep.bad == 1  # 40 articles / 7 per part
    return src, out, root


@pytest.fixture(scope="module")
def single(dask_run: tuple[Path, Path, Path]) -> Path:
    """The single-process path on the same input: ingest (story dedupe, code_articles, Store.write)."""
    src, _, root = dask_run
    path = root / "single.duckdb"
    ingest_paths([src], path, progress=False)
    return path


def _events(con: duckdb.DuckDBPyConnection, rel: str) -> list[tuple[object, ...]]:
    return sorted(con.execute(f"SELECT article_id, sentence_idx, source, target, code FROM {rel}").fetchall())


@pytest.mark.slow
def test_dask_matches_single_process(dask_run: tuple[Path, Path, Path], single: Path) -> None:
    _, out, _ = dask_run
    con = duckdb.connect(str(single), read_only=True)
    ev_glob, art_glob, sen_glob = (f"'{out}/{t}/*.parquet'" for t in ("events", "articles", "sentences"))
    assert _events(con, f"read_parquet({ev_glob})") == _events(con, "events")
    arts = "SELECT id, date, title, url, text, story_id FROM {} ORDER BY id"
    assert con.execute(arts.format(f"read_parquet({art_glob})")).fetchall() == con.execute(arts.format("articles")).fetchall()
    sents = "SELECT article_id, idx, start_char, end_char, text FROM {} ORDER BY article_id, idx"
    dask_sents = con.execute(sents.format(f"read_parquet({sen_glob})")).fetchall()
    assert dask_sents == con.execute(sents.format("sentences")).fetchall()
    assert len(dask_sents) >= 40  # every article has at least one sentence
    # articles i and i + 24 differ only in "Report i": the later copy joins the earlier story
    linked = con.execute(f"SELECT count(*) FROM read_parquet({art_glob}) WHERE story_id <> id").fetchone()
    assert linked is not None and linked[0] > 0
    for t, cols in (("mentions", "article_id, start_char, end_char, code"), ("ties", "article_id, a, b, type")):
        q = f"SELECT {cols} FROM {{}} ORDER BY ALL"
        assert con.execute(q.format(f"read_parquet('{out}/{t}/*.parquet')")).fetchall() == con.execute(q.format(t)).fetchall(), t
    mh = "SELECT article_id, sig FROM {} ORDER BY article_id"
    assert con.execute(mh.format(f"read_parquet('{out}/minhash/*.parquet')")).fetchall() == con.execute(mh.format("minhash")).fetchall()
    # same columns as the store tables
    for t in ("articles", "sentences", "mentions", "events", "ties", "minhash"):
        pq_cols = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{out}/{t}/*.parquet')").fetchall()]
        assert pq_cols == [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall()]


@pytest.mark.slow
def test_load_parquet_twice_is_idempotent(dask_run: tuple[Path, Path, Path], single: Path) -> None:
    _, out, root = dask_run
    target = root / "loaded.duckdb"
    first = load_parquet(out, target)
    assert first["articles"] == 40 and first["quarantine"] == 1
    with Store(target, read_only=True) as s:
        after_first = s.counts()
    assert load_parquet(out, target) == dict.fromkeys(first, 0)
    with Store(target, read_only=True) as s:
        assert s.counts() == after_first
    with Store(single, read_only=True) as a, Store(target, read_only=True) as b:
        ca, cb = a.counts(), b.counts()
        for t in ("articles", "sentences", "mentions", "events", "ties"):
            assert ca[t] == cb[t], t
        assert b.query("SELECT count(*) AS n FROM minhash")[0]["n"] == 40


@pytest.mark.slow
def test_part_names_come_from_content(dask_run: tuple[Path, Path, Path]) -> None:
    """Part names are the hash of each partition's article ids, so a rerun rewrites the same files."""
    src, out, _ = dask_run
    arts = [a for a in iter_inputs([src]) if isinstance(a, Article)]
    expected = {f"part-{partition_key(arts[i:i + 7])}.parquet" for i in range(0, len(arts), 7)}
    for t in ("articles", "events", "sentences"):
        assert {p.name for p in (out / t).glob("*.parquet")} == expected


def test_partition_key_is_order_free() -> None:
    a = Article.make("Russia condemned the sanctions.", dt.date(2024, 1, 1))
    b = Article.make("France visited Astana.", dt.date(2024, 1, 2))
    assert partition_key([a, b]) == partition_key([b, a]) != partition_key([a])


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        run_dask([tmp_path], tmp_path / "o", partition_size=0)
    with pytest.raises(StoreError):
        load_parquet(tmp_path, tmp_path / "s.duckdb")
