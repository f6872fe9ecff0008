"""The core commands as a user runs them: demo, events, explain, evaluate errors, actors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from multivector.cli import app
from multivector.store import Store

runner = CliRunner()


def test_demo_builds_a_store_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    first = runner.invoke(app, ["demo", "--store", str(db), "--no-progress"])
    assert first.exit_code == 0, first.output
    with Store(db, read_only=True) as st:
        counts = st.counts()
    assert counts["articles"] == 12 and counts["events"] > 10
    assert "Latest events" in first.output
    again = runner.invoke(app, ["demo", "--store", str(db), "--no-progress"])
    assert again.exit_code == 0 and "0 new articles (12 already stored)" in again.output
    with Store(db, read_only=True) as st:
        assert st.counts() == counts

    out = runner.invoke(app, ["events", "--store", str(db), "--country", "KAZ", "--format", "jsonl"])
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert rows and all("KAZ" in (r["source"], r["target"]) for r in rows)
    assert all(r["sentence"] and r["pattern"] for r in rows)


def test_events_rejects_unknown_actor_with_the_fix(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    runner.invoke(app, ["demo", "--store", str(db), "--no-progress"])
    res = runner.invoke(app, ["events", "--store", str(db), "--country", "XYZ"])
    assert res.exit_code == 2
    assert "unknown actor code 'XYZ'" in res.output and "multivector actors --search" in res.output
    assert "Traceback" not in res.output


def test_events_on_a_missing_store_says_what_to_do(tmp_path: Path) -> None:
    res = runner.invoke(app, ["events", "--store", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2 and "multivector ingest" in res.output


def test_explain_shows_events_resolutions_and_patterns(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("date 2024-06-01\nUzbekistan hosted the Kazakh president on Monday. "
                 "Later the country signed a water agreement with Tajikistan.\n")
    res = runner.invoke(app, ["explain", str(f)])
    assert res.exit_code == 0, res.output
    assert "EVENT UZB -> KAZ/GOV  CAMEO 043" in res.output
    assert "'the country' -> UZB from Uzbekistan (sentence 0)" in res.output
    assert "pattern sign" in res.output


def test_explain_without_a_date_names_the_fix(tmp_path: Path) -> None:
    f = tmp_path / "nodate.txt"
    f.write_text("Uzbekistan hosted the Kazakh president on Monday.\n")
    res = runner.invoke(app, ["explain", str(f)])
    assert res.exit_code == 2 and "--date" in res.output and "Traceback" not in res.output
    ok = runner.invoke(app, ["explain", str(f), "--date", "2024-06-01"])
    assert ok.exit_code == 0 and "CAMEO 043" in ok.output


def test_actors_search_finds_capitals_and_leaders() -> None:
    res = runner.invoke(app, ["actors", "--search", "kremlin"])
    assert res.exit_code == 0 and "RUS" in res.output
