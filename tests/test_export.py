"""Export formats: GDELT 2.0 TSV, PLOVER JSON, Parquet and JSONL from a real DuckDB store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from multivector.cli import app
from multivector.errors import EmptyStoreError, UsageError
from multivector.export import GDELT_COLUMNS, export
from multivector.records import Article, CodedArticle, Event, Mention, Sentence, Tie
from multivector.store import Store

COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}

TEXT1 = "Russia condemned the sanctions imposed by the European Union. Moscow also recalled its envoy to Brussels."
TEXT2 = "French President Emmanuel Macron visited Astana on Wednesday."


def _event(article: Article, sent: int, start: int, end: int, src: str, srole: str | None, tgt: str,
           trole: str | None, code: str, quad: int, gold: float, ptype: str, mode: str = "") -> Event:
    return Event(article.id, article.date, sent, start, end, src, srole, tgt, trole, code, code[:2], quad, gold,
                 ptype, mode, pattern=f"test:{code}", confidence=0.9, source_text=src.title(), target_text=tgt.title(),
                 note="hand-made")


def _coded() -> list[CodedArticle]:
    a1 = Article.make(TEXT1, dt.date(2024, 3, 5), title="Sanctions row", url="https://example.org/a1", source="wire")
    a1_copy = Article.make(TEXT1 + " More later.", dt.date(2024, 3, 5), url="", source="other-wire")
    a2 = Article.make(TEXT2, dt.date(2023, 11, 2), title="Macron tour")
    s1 = (Sentence(a1.id, 0, 0, 61, TEXT1[:61]), Sentence(a1.id, 1, 62, len(TEXT1), TEXT1[62:]))
    ev1 = _event(a1, 0, 0, 16, "RUS", "GOV", "EU", None, "111", 3, -2.0, "ACCUSE")
    ev2 = _event(a1, 1, 62, 96, "RUS", "GOV", "EU", None, "1623", 4, -4.0, "SANCTION", "diplomatic")
    ev3 = _event(a2, 0, 0, 43, "FRA", "GOV", "KAZ", "GOV", "042", 1, 1.9, "CONSULT", "visit")
    ev4 = _event(a2, 0, 0, 43, "UN", None, "NATO", None, "036", 1, 4.0, "AGREE")
    tie = Tie(a1.id, a1.date, 0, 0, 61, "RUS", "EU", "trade", "test:tie")
    men = Mention(0, 0, 6, "Russia", "RUS", None, "country", "test")
    return [
        CodedArticle(a1, s1, (men,), (ev1, ev2), (tie,), story_id="story-1"),
        CodedArticle(a1_copy, (Sentence(a1_copy.id, 0, 0, 61, TEXT1[:61]),), story_id="story-1"),
        CodedArticle(a2, (Sentence(a2.id, 0, 0, len(TEXT2), TEXT2),), (), (ev3, ev4)),
    ]


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "mv.duckdb"
    with Store(path) as s:
        s.write(_coded())
    return path


def _events_by_id(store_path: Path) -> dict[str, dict[str, object]]:
    with Store(store_path, read_only=True) as s:
        return {r["id"]: r for r in s.query("SELECT * FROM events")}


def _events_by_cluster(store_path: Path) -> dict[str, dict[str, object]]:
    """Event (cluster) id -> its first stored mention."""
    with Store(store_path, read_only=True) as s:
        rows = s.query("SELECT c.cluster_id, e.* FROM clusters c JOIN events e ON e.id = c.mention_id"
                       " WHERE c.kind = 'event' ORDER BY e.date, e.article_id, e.sentence_idx")
    out: dict[str, dict[str, object]] = {}
    for r in rows:
        out.setdefault(r["cluster_id"], r)
    return out


def test_gdelt_tsv_has_61_columns_in_place(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.tsv"
    rep = export(store_path, "gdelt", out)
    assert rep.rows == 4
    df = pd.read_csv(out, sep="\t", header=None, dtype=str, keep_default_na=False)
    assert df.shape == (4, 61)
    by_gid = {int(cid[:15], 16): e for cid, e in _events_by_cluster(store_path).items()}
    assert len(by_gid) == 4  # four happenings, one mention each
    for _, row in df.iterrows():
        e = by_gid[int(row[COL["GLOBALEVENTID"]])]
        assert row[COL["SQLDATE"]] == e["event_date"].strftime("%Y%m%d")  # type: ignore[attr-defined]
        assert row[COL["EventCode"]] == e["code"]
        assert row[COL["EventBaseCode"]] == str(e["code"])[:3]
        assert row[COL["EventRootCode"]] == str(e["code"])[:2]
        assert row[COL["QuadClass"]] == str(e["quad_class"])
        assert float(row[COL["GoldsteinScale"]]) == e["goldstein"]
        assert row[COL["IsRootEvent"]] == ("1" if e["sentence_idx"] == 0 else "0")
        assert len(row[COL["DATEADDED"]]) == 14 and row[COL["DATEADDED"]].isdigit()
        assert row[COL["AvgTone"]] == "" and row[COL["ActionGeo_Lat"]] == ""
        assert row[COL["Actor1Name"]] == str(e["source_text"]).upper()
    rus = df[df[COL["Actor1CountryCode"]] == "RUS"]
    assert set(rus[COL["Actor1Code"]]) == {"RUSGOV"} and set(rus[COL["Actor1Type1Code"]]) == {"GOV"}
    # the EU target is an IGO: blank country, CAMEO group code EEC
    assert set(rus[COL["Actor2Code"]]) == {"IGOEEC"}
    assert set(rus[COL["Actor2KnownGroupCode"]]) == {"EEC"} and set(rus[COL["Actor2CountryCode"]]) == {""}
    # two articles share story-1 (the copy repeats each sentence), from two different outlets
    assert set(rus[COL["NumArticles"]]) == {"2"} and set(rus[COL["NumSources"]]) == {"2"}
    assert set(rus[COL["NumMentions"]]) == {"2"}
    assert set(rus[COL["SOURCEURL"]]) == {"https://example.org/a1"}
    un = df[df[COL["EventCode"]] == "036"].iloc[0]
    assert (un[COL["Actor1Code"]], un[COL["Actor1KnownGroupCode"]]) == ("IGOUNO", "UNO")
    assert (un[COL["Actor2Code"]], un[COL["Actor2KnownGroupCode"]]) == ("IGONAT", "NAT")
    assert un[COL["SOURCEURL"]].startswith("multivector:article/") and un[COL["NumArticles"]] == "1"
    fra = df[df[COL["EventCode"]] == "042"].iloc[0]
    # "visited Astana on Wednesday" in an article of Thursday 2 November 2023: the event is 1 November
    assert fra[COL["SQLDATE"]] == "20231101"
    assert fra[COL["MonthYear"]] == "202311" and fra[COL["Year"]] == "2023"
    assert 2023.83 < float(fra[COL["FractionDate"]]) < 2023.84  # 1 November: day 305 of 365


def test_gdelt_tsv_reads_in_duckdb_and_header_option(store_path: Path, tmp_path: Path) -> None:
    plain, headed = tmp_path / "a.tsv", tmp_path / "b.tsv"
    export(store_path, "gdelt", plain)
    export(store_path, "gdelt", headed, header=True)
    con = duckdb.connect()
    rows = con.execute(f"SELECT * FROM read_csv('{plain}', delim='\\t', header=false, all_varchar=true)").fetchall()
    assert len(rows) == 4 and all(len(r) == 61 for r in rows)
    rel = con.execute(f"SELECT * FROM read_csv('{headed}', delim='\\t', header=true, all_varchar=true)")
    assert [d[0] for d in rel.description] == list(GDELT_COLUMNS)
    assert len(rel.fetchall()) == 4


def test_filters_by_country_and_dates(store_path: Path, tmp_path: Path) -> None:
    assert export(store_path, "gdelt", tmp_path / "k.tsv", country="kaz").rows == 1
    assert export(store_path, "gdelt", tmp_path / "e.tsv", country="EU").rows == 2
    assert export(store_path, "jsonl", tmp_path / "d.jsonl", since=dt.date(2024, 1, 1)).rows == 2
    assert export(store_path, "jsonl", tmp_path / "u.jsonl", until=dt.date(2023, 12, 31)).rows == 2
    assert export(store_path, "jsonl", tmp_path / "n.jsonl", country="CHN").rows == 0
    assert (tmp_path / "n.jsonl").read_text() == ""
    with pytest.raises(UsageError):
        export(store_path, "gdelt", tmp_path / "x.tsv", since=dt.date(2025, 1, 1), until=dt.date(2024, 1, 1))
    with pytest.raises(UsageError):
        export(store_path, "csv", tmp_path / "x.csv")
    with pytest.raises(UsageError):
        export(store_path, "gdelt", tmp_path / "x.tsv", country="K'Z")


def test_plover_json_fields(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.json"
    assert export(store_path, "plover", out).rows == 4
    recs = json.loads(out.read_text())
    assert isinstance(recs, list) and len(recs) == 4
    stored = _events_by_id(store_path)
    for rec in recs:
        e = stored[rec["id"]]
        assert rec["date"] == e["date"].isoformat()  # type: ignore[attr-defined]
        assert rec["source"][0]["code"] == e["source"] and rec["recipient"][0]["code"] == e["target"]
        assert rec["source"][0]["sector"] == e["source_role"]
        assert rec["event"] == [e["plover_type"]] and rec["cameo_code"] == e["code"]
        assert rec["mode"] == ([e["plover_mode"]] if e["plover_mode"] else [])
        assert rec["context"] == [] and rec["quad_code"] == e["quad_class"] and rec["goldstein"] == e["goldstein"]
        assert rec["text_info"] == {"sequence": e["sentence_idx"], "start": e["start_char"], "end": e["end_char"]}
        assert rec["article_id"] == e["article_id"] and rec["pattern"] == e["pattern"]
    sanction = next(r for r in recs if r["cameo_code"] == "1623")
    assert sanction["text"] == TEXT1[62:]  # the sentence
    assert sanction["event_text"] == [TEXT1[62:96]]  # the span, by article offsets
    assert sanction["cite_info"]["url"] == "https://example.org/a1"
    lines = tmp_path / "p.jsonl"
    export(store_path, "plover-jsonl", lines)
    assert [json.loads(x)["id"] for x in lines.read_text().splitlines()] == [r["id"] for r in recs]


def test_jsonl_events_one_per_line(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    export(store_path, "jsonl", out)
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    stored = _events_by_id(store_path)
    assert {r["id"] for r in rows} == set(stored)
    assert all(r["code"] == stored[r["id"]]["code"] for r in rows)


def test_parquet_tables_match_store(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    rep = export(store_path, "parquet", out)
    with Store(store_path, read_only=True) as s:
        counts = s.counts()
        cols = {t: [r[0] for r in s.con.execute(f"DESCRIBE {t}").fetchall()] for t in ("articles", "events", "ties")}
    assert dict(rep.tables) == {t: counts.get(t, 0) for t in ("articles", "sentences", "mentions", "events", "ties", "minhash")}
    con = duckdb.connect()
    for table in ("articles", "events", "ties", "sentences", "mentions"):
        path = out / f"{table}.parquet"
        n = con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()
        assert n is not None and n[0] == counts[table]
        df = pd.read_parquet(path)
        assert len(df) == counts[table]
        if table in cols:
            assert list(df.columns) == cols[table]
    # a country filter keeps only that country's events and the articles they come from
    rep_kaz = export(store_path, "parquet", tmp_path / "kaz", country="KAZ")
    assert dict(rep_kaz.tables)["events"] == 1 and dict(rep_kaz.tables)["articles"] == 1


def test_missing_and_empty_store(tmp_path: Path) -> None:
    from multivector.errors import StoreError

    with pytest.raises(StoreError):
        export(tmp_path / "nope.duckdb", "gdelt", tmp_path / "x.tsv")
    Store(tmp_path / "empty.duckdb").close()
    with pytest.raises(EmptyStoreError):
        export(tmp_path / "empty.duckdb", "gdelt", tmp_path / "x.tsv")


def test_cli_export_and_load(store_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cli.tsv"
    res = runner.invoke(app, ["export", "--format", "gdelt", "--output", str(out), "--store", str(store_path),
                              "--country", "RUS", "--header"])
    assert res.exit_code == 0, res.output
    lines = out.read_text().splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS) and len(lines) == 3
    res = runner.invoke(app, ["export", "--format", "gdelt", "--store", str(tmp_path / "missing.duckdb"),
                              "--output", str(out)])
    assert res.exit_code != 0 and "no such store" in res.output
    res = runner.invoke(app, ["export", "-f", "jsonl", "-o", "-", "--store", str(store_path), "--country", "KAZ"])
    assert res.exit_code == 0
    assert [json.loads(x)["target"] for x in res.stdout.splitlines() if x.startswith("{")] == ["KAZ"]
    pq = tmp_path / "pq"
    assert runner.invoke(app, ["export", "--format", "parquet", "--output", str(pq), "--store", str(store_path)]).exit_code == 0
    fresh = tmp_path / "fresh.duckdb"
    res = runner.invoke(app, ["load", str(pq), "--store", str(fresh)])
    assert res.exit_code == 0, res.output
    with Store(fresh, read_only=True) as a, Store(store_path, read_only=True) as b:
        assert a.counts() == b.counts()
