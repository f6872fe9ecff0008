"""The analysis CLI commands end to end on real store files (Typer runner, same process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_analysis import SPECS, TIES, _months, _spread, make_store
from test_explain_seedstore import SEED_DIR, needs_seed
from typer.testing import CliRunner

from multivector.cli import app
from multivector.store import Store

runner = CliRunner()


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    return make_store(tmp_path / "s.duckdb", SPECS, TIES)


def test_balance_json_matches_counts(store: Path) -> None:
    res = runner.invoke(app, ["balance", "KAZ", "--poles", "RUS,WST", "--format", "json", "--store", str(store)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    jan = [r for r in data["rows"] if r["period"] == "2024-01"]
    n_rus = sum(1 for s, t, _, d in SPECS if {s, t} == {"KAZ", "RUS"} and d.month == 1)
    assert next(r for r in jan if r["pole"] == "RUS")["n"] == n_rus
    assert data["shifts"] == []


def test_balance_table_and_dyad(store: Path) -> None:
    res = runner.invoke(app, ["balance", "KAZ", "--poles", "RUS,WST,CHN", "--freq", "quarter", "--store", str(store)])
    assert res.exit_code == 0 and "2024-Q1" in res.output and "No shift" in res.output
    res = runner.invoke(app, ["dyad", "KAZ", "RUS", "--json", "--store", str(store)])
    rows = json.loads(res.output)
    assert sum(r["n"] for r in rows) == sum(1 for s, t, _, _ in SPECS if {s, t} == {"KAZ", "RUS"})


def test_balance_table_shows_intervals_and_stories(tmp_path: Path) -> None:
    specs = []
    for i, day in enumerate(_months(6)):
        n_rus, n_wst = (15, 5) if i < 3 else (5, 15)
        specs += _spread("RUS", day, n_rus) + _spread("USA", day, n_wst) + _spread("CHN", day, 4)
    path = make_store(tmp_path / "p.duckdb", specs)
    res = runner.invoke(app, ["balance", "KAZ", "--poles", "RUS,WST,CHN", "--store", str(path)])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert all(len(x) <= 80 for x in lines if "“" not in x), max(lines, key=len)  # quoted sentences run on
    jan = next(x for x in lines if "2023-01" in x)
    # 15 / 24 Russia interactions from 24 one-event stories: 62.5% (63, rounded half up), interval, n 15
    cells = jan.split()  # period, n, st/out, then "share [low–high] n" per pole, index
    assert cells[1] == "24" and cells[2] == "24/0" and "63 [" in jan and "] 15" in jan  # 24 stories, no outlet known
    assert "share % [90% interval] n" in res.output and "st/out = stories/outlets" in " ".join(res.output.split())
    at = next(i for i, x in enumerate(lines) if x.startswith("Shift: WST share up"))
    assert "adjusted p=" in lines[at]
    assert lines[at + 1].startswith("  from 21% [") and lines[at + 1].endswith("in 2023-01..2023-03 (72 stories)")
    assert lines[at + 2].startswith("  to 63% [") and lines[at + 2].endswith("in 2023-04..2023-06 (72 stories)")


def test_brief_html_to_file(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "kaz.html"
    res = runner.invoke(app, ["brief", "KAZ", "--format", "html", "--output", str(out), "--store", str(store)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8").count("<svg id=") == 2


def test_user_errors_are_one_line(store: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["balance", "KAZ", "--poles", "RUS,ZZZ", "--store", str(store)])
    assert res.exit_code == 2 and "unknown actor code 'ZZZ'" in res.output
    with Store(tmp_path / "empty.duckdb"):
        pass
    res = runner.invoke(app, ["brief", "KAZ", "--store", str(tmp_path / "empty.duckdb")])
    assert res.exit_code == 2 and "no articles" in res.output
    res = runner.invoke(app, ["balance", "KAZ", "--since", "2024-13-01", "--store", str(store)])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


@needs_seed
def test_faq_check_json_needs_no_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["faq-check", str(next(SEED_DIR.glob("*.txt"))), "--json"])
    assert res.exit_code == 0, res.output
    verdicts = json.loads(res.output)
    assert any(v["supported"] for v in verdicts) and any(not v["supported"] for v in verdicts)
    assert not list(tmp_path.glob("*.duckdb"))  # no store created


