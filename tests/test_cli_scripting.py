"""One scripting convention: --format table|json|jsonl|csv on every data command, tables that fit 80 columns,
--version, -h, help wrapped once; the Python API of the README."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multivector.cli import app
from multivector.cli.output import excerpt

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.fixture(scope="module")
def demo(demo_store: Path) -> Path:
    return demo_store


def _cli(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    """The installed entry point as a user runs it, in a terminal of ``columns`` columns."""
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "multivector", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_events_for_eleven_events_fit_80_columns_in_30_lines(demo: Path) -> None:
    res = _cli("events", "--limit", "11", "--store", str(demo))
    assert res.returncode == 0, res.stderr
    lines = res.stdout.rstrip("\n").split("\n")
    assert len(lines) <= 30, res.stdout
    assert max(len(ln) for ln in lines) <= 80
    rows = [ln for ln in lines if ln[:4].isdigit()]
    assert len(rows) == 11  # one line per event: nothing wrapped, no word broken across lines
    for ln in rows:
        date, dyad, code = ln.split()[:3]
        assert len(date) == 10 and "->" in dyad and code.isdigit()
    wide = _cli("events", "--limit", "11", "--wide", "--store", str(demo), columns=200)
    longest = max(len(r["sentence"]) for r in json.loads(_cli("events", "--limit", "11", "--format", "json",
                                                                "--store", str(demo)).stdout))
    assert longest > 70 and any(len(ln.rstrip()) > 150 for ln in wide.stdout.splitlines())


def test_excerpt_keeps_the_verb_in_view_and_cuts_at_words() -> None:
    s = "On Tuesday in the capital the visiting Chinese delegation and its hosts finally signed an agreement on gas."
    out = excerpt(s, 40, s.index("signed"), s.index("signed") + 6)
    assert len(out) <= 40 and "signed" in out and out.startswith("…")
    assert out[1:].split()[0] in s.split()  # starts on a whole word
    assert excerpt("short one", 40) == "short one"


DATA_COMMANDS = [
    ["events"], ["ties"], ["dyad", "KAZ", "RUS"], ["balance", "KAZ"], ["codes", "--root", "04"], ["actors", "-s", "kaz"],
    ["quarantine"], ["poles"], ["recode", "--dry-run"],
]


@pytest.mark.parametrize("argv", DATA_COMMANDS, ids=lambda a: a[0])
def test_every_data_command_speaks_json_jsonl_and_csv(demo: Path, argv: list[str]) -> None:
    store = ["--store", str(demo)] if argv[0] not in ("codes", "actors", "poles") else []
    docs = {}
    for fmt in ("json", "jsonl", "csv", "table"):
        res = runner.invoke(app, [*argv, *store, "--format", fmt])
        assert res.exit_code == 0, (fmt, res.output)
        docs[fmt] = res.stdout
    json.loads(docs["json"])
    lines = [json.loads(ln) for ln in docs["jsonl"].splitlines()]
    table = list(csv.DictReader(io.StringIO(docs["csv"])))
    assert len(table) == len(lines)
    if lines:
        assert list(table[0]) == list(lines[0])


def test_event_and_tie_rows_carry_id_title_and_url(demo: Path) -> None:
    for cmd in ("events", "ties"):
        rows = json.loads(runner.invoke(app, [cmd, "--store", str(demo), "--format", "json"]).stdout)
        assert rows and all(r["id"] and r["article_id"] and "title" in r and "url" in r for r in rows)
        assert any(r["title"] and r["url"].startswith("http") for r in rows)
    events = json.loads(runner.invoke(app, ["events", "--store", str(demo), "-f", "json"]).stdout)
    assert all(r["verb"] in r["sentence"] for r in events if r["verb"])


def test_ingest_summary_as_json(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("date 2024-06-01\nUzbekistan hosted the Kazakh president on Monday.\n")
    res = runner.invoke(app, ["ingest", str(f), "--store", str(tmp_path / "s.duckdb"), "--format", "json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["articles_new"] == 1 and rep["events"] >= 1 and rep["quarantined"] == []
    doc = json.loads(runner.invoke(app, ["explain", str(f), "--format", "json"]).stdout)
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["explain", str(f), "--format", "csv"]).stdout)))
    assert len(rows) == len(doc[0]["events"]) == rep["events"] and rows[0]["code"] == doc[0]["events"][0]["code"]


def test_balance_hides_empty_periods_and_knows_weeks(demo: Path) -> None:
    short = runner.invoke(app, ["balance", "KAZ", "--store", str(demo)]).stdout
    full = runner.invoke(app, ["balance", "KAZ", "--store", str(demo), "--all-periods"]).stdout
    assert "periods without events hidden (--all-periods)" in " ".join(short.split())
    assert len(full.splitlines()) > len(short.splitlines())
    weeks = json.loads(runner.invoke(app, ["balance", "KAZ", "--freq", "week", "--store", str(demo), "-f", "json"]).stdout)
    assert weeks["freq"] == "week" and all("-W" in p for p in weeks["periods"])


def test_version_and_short_help() -> None:
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.startswith("multivector 0.")
    for argv in (["-h"], ["events", "-h"], ["brief", "-h"], ["recode", "-h"]):
        res = runner.invoke(app, argv)
        assert res.exit_code == 0 and "Usage" in res.stdout and "Example" in res.stdout, argv


def test_help_is_wrapped_once() -> None:
    """Paragraphs of every command's help are single lines (Rich wraps them once); examples fit 80 columns."""
    for cmd in app.registered_commands:
        for para in (cmd.help or "").split("\n\n"):
            lines = para.split("\n")
            prose = [ln for ln in lines if not ln.startswith(" ") and not ln.startswith("multivector ")]
            assert len(prose) <= 1 or all(ln.rstrip().endswith(":") for ln in prose[:-1]), (cmd.name, para)
            assert all(len(ln.strip()) <= 76 for ln in lines if ln.strip().startswith("multivector ")), (cmd.name, para)


def test_python_api_names() -> None:
    import multivector
    from multivector import Store, ask, balance, brief, events, ingest, recode, ties  # noqa: F401

    assert callable(ingest) and callable(events) and Store.__name__ == "Store"
    import multivector.events.cameo as cameo  # the subpackages stay importable under the API names
    import multivector.ingest.run  # noqa: F401

    assert cameo.lookup("042").name and multivector.ingest.run.ingest_paths
