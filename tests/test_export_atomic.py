"""Atomic outputs: exports killed at ten points each leave a complete export or nothing; load refuses
partial and mixed sets and is all-or-nothing; bad output paths are one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from multivector.errors import ExportSetError, StoreError, UsageError
from multivector.export import export
from multivector.scale import load_parquet, verify_set
from multivector.store import Store

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
N_ARTICLES = 20_000  # 40,000 events: a GDELT export writes for about a second, long enough to be killed mid-way
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def synthetic_store(path: Path, n: int = N_ARTICLES) -> int:
    """A store filled by SQL (no coder): n articles, 2 sentences and 2 events each, some ties. Returns events."""
    with Store(path) as s:
        s.con.execute(f"""
            INSERT INTO articles SELECT 'a' || lpad(i::VARCHAR, 15, '0'), DATE '2020-01-01' + (i % 1500)::INTEGER,
                'Title ' || i, 'https://news.example/' || i, 'wire', repeat('Kazakhstan signed a deal with Russia. ', 4),
                'en', '[]', 'a' || lpad(i::VARCHAR, 15, '0'), TIMESTAMP '2024-01-01 00:00:00'
            FROM range({n}) t(i)""")
        s.con.execute("""
            INSERT INTO sentences SELECT id, k, k * 40, k * 40 + 38, 'Kazakhstan signed a deal with Russia.'
            FROM articles, range(2) t(k)""")
        s.con.execute("""
            INSERT INTO events SELECT substr(md5(id || '-' || k), 1, 16), id, date, k, k * 40 + 11, k * 40 + 17,
                'KAZ', 'GOV', 'RUS', 'GOV', '057', '05', 1, 8.0, 'AGREE', '', 'verb.057.sign', 1.0, NULL,
                'Kazakhstan', 'Russia', NULL, date, 'article', 'new', ''
            FROM articles, range(2) t(k)""")
        s.con.execute("""
            INSERT INTO ties SELECT substr(md5(id || '-t'), 1, 16), id, date, 0, 0, 38, 'KAZ', 'RUS', 'trade',
                'tie.trade', 1.0, NULL FROM articles WHERE hash(id) % 10 = 0""")
        row = s.con.execute("SELECT count(*) FROM events").fetchone()
    return int(row[0]) if row else 0


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("atomic") / "big.duckdb"
    return path, synthetic_store(path)


@pytest.fixture(scope="module")
def bigger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """Ten times more rows: DuckDB writes Parquet fast, this makes each table take tens of milliseconds."""
    path = tmp_path_factory.mktemp("atomic") / "bigger.duckdb"
    return path, synthetic_store(path, 10 * N_ARTICLES)


def _export_proc(store: Path, fmt: str, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "multivector", "export", "--format", fmt, "-o", str(out),
                             "--store", str(store)], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _partials(out: Path) -> list[Path]:
    return [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.") and p.name.endswith(".partial")]


def _kill_at(store: Path, fmt: str, out: Path, reached: Callable[[Path], bool]) -> bool:
    """Start an export; kill -9 it as soon as its temporary output satisfies ``reached``. True when the kill
    landed before the export finished (False: it ended first, the point was not hit)."""
    proc = _export_proc(store, fmt, out)
    deadline = time.monotonic() + 300
    while proc.poll() is None:
        assert time.monotonic() < deadline
        tmp = _partials(out)
        try:
            hit = bool(tmp) and reached(tmp[0])
        except OSError:  # renamed or removed between the listing and the look
            hit = False
        if hit:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.001)
    return False


def test_gdelt_export_killed_at_ten_points_is_complete_or_absent(big: tuple[Path, int], tmp_path: Path) -> None:
    """Kill points: the temporary file has appeared, then holds 10%, 20%, ... 90% of the final size."""
    store, n_events = big
    assert _export_proc(store, "gdelt", tmp_path / "full.tsv").wait(600) == 0
    size = (tmp_path / "full.tsv").stat().st_size
    assert sum(1 for _ in (tmp_path / "full.tsv").open()) == n_events
    hit = 0
    for k in range(10):
        out = tmp_path / f"run{k}" / "events.tsv"
        out.parent.mkdir()
        if k % 2:  # half the runs replace an earlier complete export
            shutil.copy(tmp_path / "full.tsv", out)
        hit += _kill_at(store, "gdelt", out, lambda p, k=k: p.stat().st_size >= size * k / 10)
        if out.exists():
            lines = out.read_text().splitlines()
            assert len(lines) == n_events and all(ln.count("\t") == 60 for ln in lines[-3:]), k
        else:
            assert k % 2 == 0, "an earlier complete export is never removed by a killed one"
    assert hit >= 7  # most points were reached before the export ended (the last ones can race the end)


def test_parquet_export_killed_at_ten_points_is_complete_or_absent(bigger: tuple[Path, int], tmp_path: Path) -> None:
    """Kill points: the temporary folder has appeared, then holds 1, 2, 3, 4 table files (the big ones are
    written by then; the last two tables and the manifest take microseconds), each with and without an
    earlier export in place."""
    store, n_events = bigger
    assert _export_proc(store, "parquet", tmp_path / "full").wait(600) == 0
    assert verify_set(tmp_path / "full") == "export"
    again = export(store, "parquet", tmp_path / "full")  # an earlier export is replaced whole
    assert again.tables == tuple((t, json.loads((tmp_path / "full" / "manifest.json").read_text())["tables"][t]["rows"])
                                 for t, _ in again.tables)
    points = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]  # files in the temporary folder
    hit = 0
    for k, files in enumerate(points):
        out = tmp_path / f"run{k}" / "lake"
        out.parent.mkdir()
        if k % 2:
            shutil.copytree(tmp_path / "full", out)
        hit += _kill_at(store, "parquet", out, lambda p, n=files: len(list(p.iterdir())) >= n)
        if out.exists():
            assert verify_set(out) == "export"
            assert json.loads((out / "manifest.json").read_text())["tables"]["events"]["rows"] == n_events
        else:
            assert k % 2 == 0
        for p in _partials(out):  # what a kill leaves beside the target is refused by load
            with pytest.raises(StoreError):
                load_parquet(p, tmp_path / f"never{k}.duckdb")
    assert hit >= 8


def test_load_refuses_partial_and_mixed_sets_and_loads_whole_ones(tmp_path: Path) -> None:
    src = tmp_path / "src.duckdb"
    synthetic_store(src, 300)
    export(src, "parquet", tmp_path / "a")
    export(src, "parquet", tmp_path / "b", country="KAZ")
    # partial: a table missing; mixed: one file from another export; no manifest; damaged file
    partial = tmp_path / "partial"
    shutil.copytree(tmp_path / "a", partial)
    (partial / "events.parquet").unlink()
    mixed = tmp_path / "mixed"
    shutil.copytree(tmp_path / "a", mixed)
    shutil.copy(tmp_path / "b" / "ties.parquet", mixed / "ties.parquet")
    bare = tmp_path / "bare"
    shutil.copytree(tmp_path / "a", bare)
    (bare / "manifest.json").unlink()
    cut = tmp_path / "cut"
    shutil.copytree(tmp_path / "a", cut)
    data = (cut / "sentences.parquet").read_bytes()
    (cut / "sentences.parquet").write_bytes(data[: len(data) // 2])
    extra = tmp_path / "extra"
    shutil.copytree(tmp_path / "a", extra)
    shutil.copy(tmp_path / "b" / "events.parquet", extra / "more-events.parquet")
    dest = tmp_path / "dest.duckdb"
    with Store(dest):
        pass
    for bad, words in ((partial, "missing"), (mixed, "another export"), (bare, "without manifest"),
                       (cut, "not readable Parquet"), (extra, "not in the manifest")):
        with pytest.raises(ExportSetError, match=words):
            load_parquet(bad, dest)
        res = subprocess.run([sys.executable, "-m", "multivector", "load", str(bad), "--store", str(dest)],
                             capture_output=True, text=True, env=ENV, timeout=300)
        assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
    with Store(dest, read_only=True) as s:
        assert s.counts()["articles"] == 0  # nothing of a refused set was loaded
    added = load_parquet(tmp_path / "a", dest)
    assert added["articles"] == 300 and added["events"] == 600


def test_load_killed_midway_leaves_the_store_as_before_or_fully_loaded(big: tuple[Path, int], tmp_path: Path) -> None:
    store, n_events = big
    export(store, "parquet", tmp_path / "set")
    for k, delay in enumerate((0.5, 1.5, 3.0)):
        dest = tmp_path / f"dest{k}.duckdb"
        proc = subprocess.Popen([sys.executable, "-m", "multivector", "load", str(tmp_path / "set"), "--store", str(dest)],
                                env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not dest.exists() and proc.poll() is None:
            time.sleep(0.01)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        con = duckdb.connect(str(dest))
        try:
            arts, evs = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events"))  # type: ignore[index]
        finally:
            con.close()
        assert (arts, evs) in ((0, 0), (N_ARTICLES, n_events)), (k, arts, evs)


def test_bad_output_paths_are_one_line_errors(big: tuple[Path, int], tmp_path: Path) -> None:
    store, _ = big
    blocker = tmp_path / "file"
    blocker.write_text("x")
    (tmp_path / "notempty").mkdir()
    (tmp_path / "notempty" / "mine.txt").write_text("keep me")
    cases = [("gdelt", tmp_path), ("gdelt", blocker / "sub" / "x.tsv"), ("parquet", blocker),
             ("parquet", tmp_path / "notempty"), ("gdelt", Path("/proc/version")), ("parquet", Path("-"))]
    for fmt, out in cases:
        with pytest.raises((UsageError, StoreError)):
            export(store, fmt, out)
    assert (tmp_path / "notempty" / "mine.txt").read_text() == "keep me"
    res = subprocess.run([sys.executable, "-m", "multivector", "export", "-o", str(blocker / "x.tsv"), "--store", str(store)],
                         capture_output=True, text=True, env=ENV, timeout=300)
    assert res.returncode == 2 and "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1
