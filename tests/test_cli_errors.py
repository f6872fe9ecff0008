"""Other commands on bad input: one line naming the fix and exit 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multivector.cli import app

GOOD = {"id": "x1", "date": "2024-01-01", "text": "Russia signed a deal with Kazakhstan.",
        "events": [{"source": "RUS", "target": "KAZ", "code": "057"}], "ties": [], "tags": []}
BAD_GOLD: dict[str, str | bytes] = {
    "empty.jsonl": "",
    "blank.jsonl": "\n\n",
    "array.jsonl": "[1, 2, 3]\n",
    "number.jsonl": "42\n",
    "notjson.jsonl": "{not json\n",
    "notext.jsonl": json.dumps({**GOOD, "text": None}) + "\n",
    "noid.jsonl": json.dumps({k: v for k, v in GOOD.items() if k != "id"}) + "\n",
    "baddate.jsonl": json.dumps({**GOOD, "date": "2023-02-30"}) + "\n",
    "events-dict.jsonl": json.dumps({**GOOD, "events": {"source": "RUS"}}) + "\n",
    "event-missing-code.jsonl": json.dumps({**GOOD, "events": [{"source": "RUS", "target": "KAZ"}]}) + "\n",
    "event-number.jsonl": json.dumps({**GOOD, "events": [7]}) + "\n",
    "ties-bad.jsonl": json.dumps({**GOOD, "ties": [{"a": "KAZ"}]}) + "\n",
    "tags-bad.jsonl": json.dumps({**GOOD, "tags": "intent"}) + "\n",
    "deep.jsonl": "[" * 100_000 + "]" * 100_000 + "\n",
    "binary.jsonl": b"\xff\xfe\x00\x01" * 50,
    "seed-list.json": "[]",
    "seed-nodoc.json": json.dumps({"events": []}),
    "seed-badevents.json": json.dumps({"document": "x.txt", "events": "many"}),
    "seed-notjson.json": "{",
    "seed-missing-doc.json": json.dumps({"document": "no-such-seed.txt", "events": []}),
}


@pytest.mark.parametrize("name", sorted(BAD_GOLD))
def test_evaluate_malformed_gold_is_one_line_exit_2(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    data = BAD_GOLD[name]
    f.write_bytes(data if isinstance(data, bytes) else data.encode())
    res = CliRunner().invoke(app, ["evaluate", str(f)])
    assert res.exit_code == 2, (name, res.output, res.exception)
    assert isinstance(res.exception, SystemExit)  # not an exception escaping the command
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "gold" in lines[0], lines


def test_evaluate_folder_and_missing_file(tmp_path: Path) -> None:
    for target in (tmp_path, tmp_path / "nope.jsonl"):
        res = CliRunner().invoke(app, ["evaluate", str(target)])
        assert res.exit_code == 2 and isinstance(res.exception, SystemExit), res.output


def test_events_limit_must_be_positive(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["events", "--limit", "-1", "--store", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 2 and isinstance(res.exception, SystemExit)


def test_commands_on_a_store_that_is_not_a_store(tmp_path: Path) -> None:
    junk = tmp_path / "junk.duckdb"
    junk.write_text("this is not a database")
    for args in (["events"], ["balance", "KAZ"], ["brief", "KAZ"], ["export", "-o", str(tmp_path / "o.tsv")],
                 ["quarantine"], ["dyad", "KAZ", "RUS"]):
        res = CliRunner().invoke(app, [*args, "--store", str(junk)])
        assert res.exit_code == 2 and isinstance(res.exception, SystemExit), (args, res.output)
        assert [ln for ln in res.output.splitlines() if ln.strip()][0].startswith("error:")
