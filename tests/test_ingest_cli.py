"""`multivector ingest` and `multivector quarantine` through the real CLI, on a real DuckDB file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import multivector.cli.ingest  # noqa: F401 - registers the commands on the app
from multivector.cli import app
from multivector.store import Store

ARTICLES = [
    "Turkish President Recep Tayyip Erdogan arrived in Astana for a summit of Turkic states, where leaders "
    "discussed transport corridors across the Caspian Sea and closer cooperation in energy and education.",
    "Japan pledged new loans to Kazakhstan for renewable energy projects during a visit by its foreign "
    "minister, who also met students at a university in Almaty and toured a solar power plant nearby.",
    "South Korean companies signed contracts worth several hundred million dollars to build chemical plants "
    "in the Atyrau region, the Kazakh investment ministry said after talks with a delegation from Seoul.",
]


def run(*args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, list(args))


def test_bad_batch_quarantined_rest_ingested_rerun_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "in"
    data.mkdir()
    (data / "good.txt").write_text("date 2024-03-01\n" + ARTICLES[0])
    (data / "more.jsonl").write_text(
        json.dumps({"date": "2024-03-02", "text": ARTICLES[1]}) + "\n" + json.dumps({"text": ARTICLES[2]}) + "\n"
    )
    (data / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (data / "empty.txt").write_text("")
    (data / "nodate.txt").write_text(ARTICLES[2])
    (data / "impossible.txt").write_text("date 2023-02-30\n" + ARTICLES[2])
    (data / "latin1.txt").write_bytes(("date 2024-03-03\nSão Paulo café " + ARTICLES[2]).encode("latin-1"))
    with (data / "huge.txt").open("wb") as fh:
        fh.truncate(50_000_000)
    db = tmp_path / "s.duckdb"

    res = run("ingest", str(data), "--store", str(db), "--no-progress", "--batch-size", "2")
    assert res.exit_code == 1, res.output
    lines = [ln for ln in res.output.splitlines() if ln.startswith("QUARANTINED ")]
    named = {ln.split()[1].rstrip(":").split("/")[-1] for ln in lines}
    assert named == {"binary.txt", "empty.txt", "nodate.txt", "impossible.txt", "latin1.txt", "huge.txt", "more.jsonl:2"}
    assert len(lines) == 7
    assert "2 new articles" in res.output and "7 quarantined" in res.output
    with Store(db) as s:
        first = s.counts()
        assert first["articles"] == 2 and first["quarantine"] == 7
        assert first["sentences"] >= 2

    res2 = run("ingest", str(data), "--store", str(db), "--no-progress")
    assert res2.exit_code == 1
    assert "0 new articles, 2 already known" in res2.output
    with Store(db) as s:
        assert s.counts() == first

    q = run("quarantine", "--store", str(db))
    assert q.exit_code == 0
    assert len(q.output.strip().splitlines()) == 7 and "iconv" in q.output


def test_clean_ingest_exits_zero_and_date_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES[0])
    db = tmp_path / "s.duckdb"
    res = run("ingest", str(tmp_path / "a.txt"), "--date", "2024-04-05", "--store", str(db), "--no-progress")
    assert res.exit_code == 0, res.output
    assert "1 new articles" in res.output and "0 quarantined" in res.output
    with Store(db) as s:
        assert s.query("SELECT date FROM articles")[0]["date"].isoformat() == "2024-04-05"


def test_user_errors_exit_two(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES[0])
    assert run("ingest", str(tmp_path / "a.txt"), "--date", "2023-02-30", "--store", str(tmp_path / "s.duckdb")).exit_code == 2
    res = run("quarantine", "--store", str(tmp_path / "missing.duckdb"))
    assert res.exit_code == 2 and "missing.duckdb" in res.output
