"""Progress of a long ingest: inputs counted and sized first; total, percent, rate and ETA without a terminal."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
from pathlib import Path

import pytest

from multivector.ingest import progress
from multivector.ingest.progress import Progress, survey
from multivector.ingest.run import auto_processes, ingest_paths


def test_survey_counts_and_sizes_the_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps({"text": f"t{i}"}) for i in range(5)))  # no final newline
    (tmp_path / "b.csv").write_text("date,text\n2024-01-01,x\n2024-01-02,y\n2024-01-03,z\n")
    (tmp_path / "c.txt").write_text("date 2024-01-01\nText.\n")
    (tmp_path / "notes.md").write_text("not an input format\n")
    sv = survey([tmp_path, tmp_path / "missing.jsonl"])
    assert (sv.files, sv.articles) == (3, 5 + 3 + 1)
    assert sv.bytes == sum(f.stat().st_size for f in tmp_path.iterdir() if f.suffix != ".md")
    assert survey([tmp_path], count=False) == dataclasses.replace(sv, articles=3)  # sized only: one per file


def test_plain_lines_carry_total_percent_rate_and_eta() -> None:
    out = io.StringIO()  # not a terminal
    p = Progress(10, every=1e-9, stream=out)
    with p:
        p.update(4)
        p.update(12)  # more than the estimate: the total grows with it
    lines = out.getvalue().splitlines()
    assert re.fullmatch(r"ingest: 4/10 articles \(40\.0%\), [\d,.]+/s, ETA \d+:\d\d:\d\d", lines[0])
    assert lines[1].startswith("ingest: 12/12 articles (100.0%)")
    quiet = io.StringIO()
    with Progress(10, enabled=False, every=1e-9, stream=quiet) as q:
        q.update(5)
    assert quiet.getvalue() == ""


def test_ingest_without_a_terminal_logs_progress_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"date": f"2024-03-0{i + 1}", "text": f"Russia condemned the sanctions {i}."})
                             for i in range(3)) + "\n")
    monkeypatch.setattr(progress, "PLAIN_EVERY", 1e-9)
    ingest_paths([src], tmp_path / "s.duckdb", progress=True)
    err = capsys.readouterr().err
    assert "ingest: 3/3 articles (100.0%)" in err
    ingest_paths([src], tmp_path / "s.duckdb", progress=False)
    assert capsys.readouterr().err == ""


def test_processes_follow_input_size() -> None:
    from multivector.ingest.run import PARALLEL_FROM_BYTES

    assert auto_processes(0) == auto_processes(PARALLEL_FROM_BYTES - 1) == 1
    assert auto_processes(PARALLEL_FROM_BYTES) == len(os.sched_getaffinity(0))
