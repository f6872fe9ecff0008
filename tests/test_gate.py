"""The accuracy gate: the coder must stay at or above the floors pinned in tests/floors.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from multivector.evaluate import evaluate_file

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())


REPO = Path(__file__).resolve().parents[1]
# Our own sets, in the repo: the frozen real-text split (scored, never studied) and the written dev sets.
OWN = [name for name in FLOORS if name.startswith("eval/")]


@pytest.mark.parametrize("name", ["events-dev.jsonl", "articles-dev.jsonl", *OWN])
def test_gold_f1_at_or_above_floor(shared: Path, name: str) -> None:
    report = evaluate_file(REPO / name if name.startswith("eval/") else shared / "gold" / name)
    for measure, floor in FLOORS[name].items():
        if measure.endswith("_precision"):  # false positives stay rare: precision has its own floor
            got = report[measure.removesuffix("_precision")]["precision"]
            assert got >= floor, f"{name} {measure} {got} fell below {floor}"
            continue
        assert report[measure]["f1"] >= floor, f"{name} {measure} F1 {report[measure]['f1']} fell below {floor}"


def test_seed_acceptance(shared: Path) -> None:
    report = evaluate_file(shared / "gold" / "seed-gold.json")
    floor = FLOORS["seed-gold.json"]
    assert report["required_found"] >= floor["required_found"]
    assert report["false_positives"] <= floor["max_false_positives"]
    assert report["faq_events"] == 0
    assert report["ties"]["f1"] >= floor["ties"]


def test_evaluate_cli_prints_one_json_object(shared: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "multivector", "evaluate", str(shared / "gold" / "events-dev.jsonl"), "--json"],
        capture_output=True, text=True, check=True,
    )
    report = json.loads(proc.stdout)
    assert set(report["events"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    for k in ("events_full_code", "events_plover", "ties"):
        assert k in report
    assert report["events"]["tp"] + report["events"]["fn"] == 195  # every gold event is counted once


def test_floors_only_rise_guard() -> None:
    """Floors are numbers in [0, 1]; a floor of 0 would make the gate unable to fail."""
    for name, floors in FLOORS.items():
        if name.startswith("_"):
            continue
        for k, v in floors.items():
            if k in ("required_found", "max_false_positives"):
                continue
            assert 0.3 <= v <= 1.0, f"{name} {k} floor {v} is not a real gate"
