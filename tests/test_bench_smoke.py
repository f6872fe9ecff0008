"""Smoke test of bench/: each benchmark runs end-to-end with --quick and prints consistent JSON (never timings)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402


def _run(script: str, *args: str) -> dict[str, Any]:
    """Run a bench script as a user would; its stdout must be one JSON object."""
    proc = subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True, cwd=REPO,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out: dict[str, Any] = json.loads(proc.stdout)
    assert proc.stderr.strip(), "a human summary is printed on stderr"
    return out


def test_corpus_is_deterministic_and_mostly_news_shaped(tmp_path: Path) -> None:
    a, b, c = corpus.generate(40, seed=3), corpus.generate(40, seed=3), corpus.generate(40, seed=4)
    assert a == b
    assert a != c
    assert all(5 <= r["n_sentences"] <= 12 for r in a)
    assert len({r["text"] for r in a}) == 40
    recs = corpus.generate(400, seed=1)
    share = sum(r["n_filler"] for r in recs) / sum(r["n_sentences"] for r in recs)
    assert 0.4 <= share <= 0.6  # about half the sentences carry no actor
    path = corpus.write_jsonl(a, tmp_path / "out")
    assert [r["text"] for r in corpus.iter_texts(path)] == [r["text"] for r in a]


def test_corpus_names_lexicon_actors() -> None:
    """Event sentences name countries from the shipped lexicon; filler sentences name none."""
    names = {c[0] for c in corpus.vocab().countries}
    recs = corpus.generate(20, seed=5)
    assert all(any(n in r["title"] for n in names) for r in recs)
    for tpl in corpus._FILLER:  # the no-actor sentences must not mention any country by name
        assert not any(f" {n} " in f" {tpl} " for n in names)


def test_wikipedia_corpus_read_in_place() -> None:
    if corpus.shared_dir() is None:
        pytest.skip("../shared not present")
    recs = corpus.wikipedia_records()
    assert recs is not None and len(recs) == 428
    assert all(r["text"] and r["date"][:7] == "2015-09" for r in recs)
    assert not list(BENCH.glob("*.json")), "the Wikipedia corpus is never copied into the repository"


def test_coder_overhead_quick() -> None:
    res = _run("bench_coder_overhead.py", "--quick")
    assert res["bench"] == "coder_overhead" and res["quick"] is True
    names = [r["name"] for r in res["runs"]]
    assert names == (["synthetic", "wikipedia"] if corpus.shared_dir() else ["synthetic"])
    for r in res["runs"]:
        assert r["articles"] == 30
        assert "ner" in r["spacy_components"]  # the baseline is spaCy's full pipeline
        # Coded sentences come from multivector's own splitter: within 10% of the parser's count.
        assert abs(r["sentences_coded"] - r["sentences_spacy"]) <= 0.1 * r["sentences_spacy"]
        assert r["sentences_spacy"] >= r["articles"]
        for key in ("spacy", "spacy_mv", "full", "coder_only"):
            assert r[f"{key}_s"] > 0 and len(r["runs_s"][key]) == r["repeats"] == 1
        # Times are rounded to 0.1 ms in the JSON, so the recomputed ratios agree to about 1%.
        assert r["overhead"] == pytest.approx((r["full_s"] - r["spacy_s"]) / r["spacy_s"], abs=1e-2)
        assert r["coder_only_ratio"] == pytest.approx(r["coder_only_s"] / r["spacy_mv_s"], abs=1e-2)
        calls = r["stages"]["calls"]
        # One actor matcher, one context and one mention pass per article.
        assert calls["actor matching"] == calls["context (antecedents)"] == calls["mention records"] == r["articles"]
        assert set(r["stages"]["seconds"]) == set(calls)
    syn = res["runs"][0]
    assert syn["sentences_spacy"] >= 4 * syn["articles"]  # generated articles hold 5-12 sentences
    assert syn["events"] > 0 and syn["mentions"] > syn["events"]


def test_throughput_reads_a_fixed_corpus_file(tmp_path: Path) -> None:
    # two code versions compared on one text: the file's articles are measured, whatever --sizes says
    path = corpus.write_jsonl(corpus.generate(12, seed=3), tmp_path)
    res = _run("bench_throughput.py", "--from-file", str(path), "--sizes", "1000,5000")
    assert [r["size"] for r in res["runs"]] == [12]
    r = res["runs"][0]
    assert r["spacy"]["articles"] == r["multivector"]["articles"] == 12
    proc = subprocess.run([sys.executable, str(BENCH / "bench_throughput.py"), "--from-file", str(tmp_path / "no.jsonl")],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode != 0 and "bench/corpus.py" in proc.stderr and "Traceback" not in proc.stderr


def test_throughput_quick() -> None:
    res = _run("bench_throughput.py", "--quick")
    assert res["bench"] == "throughput" and res["n_process"] == 1 and res["repeats"] == 1
    assert [r["size"] for r in res["runs"]] == [50]
    assert "flatness" not in res  # one size: nothing to compare
    r = res["runs"][0]
    sp, own, mv = r["spacy"], r["spacy_mv"], r["multivector"]
    assert "ner" in sp["components"] and "ner" not in own["components"]
    assert sp["articles"] == own["articles"] == mv["articles"] == mv["stored_articles"] == 50
    assert mv["quarantined"] == mv["duplicates_linked"] == mv["non_english"] == 0
    assert sp["sentences"] == own["sentences"] >= 4 * 50  # same text, same parser: same sentences
    # Stored sentences come from multivector's own splitter: within 10% of the parser's count.
    assert abs(mv["sentences"] - sp["sentences"]) <= 0.1 * sp["sentences"]
    assert mv["events"] > 0 and mv["mentions"] > 0
    for x in (sp, own, mv):
        assert x["runs_s"] == [x["seconds"]]
        assert x["peak_rss_mb"] > 50  # a loaded spaCy model alone is well over 50 MB
        assert x["articles_per_s"] == pytest.approx(x["articles"] / x["seconds"], rel=0.01)
    assert r["ratio_articles_per_s"] == pytest.approx(mv["articles_per_s"] / sp["articles_per_s"], rel=0.01)
    assert r["ratio_articles_per_s_vs_mv_pipeline"] == pytest.approx(
        mv["articles_per_s"] / own["articles_per_s"], rel=0.01)


def test_ask_latency_quick() -> None:
    out = _run("bench_ask.py", "--quick")
    for key in ("cli_cold_s", "serve_first_s", "serve_second_s", "serve_other_s"):
        assert out[key] > 0, key
    assert out["serve_second_vs_cli"] == round(out["serve_second_s"] / out["cli_cold_s"], 4)


def test_calibration_quick() -> None:
    res = _run("bench_calibration.py", "--quick")
    assert res["poles"] == "RUS,WST,CHN" and res["alpha"] == 0.05
    assert res["planted"]["found"] is True  # the bundled corpus as written: the West's change point at 2023-09
    assert [r["corpus"] for r in res["null"]] == ["bundled", "generated"]
    for r in res["null"]:
        assert r["shuffles"] == 3 and r["runs_with_a_shift"] == len(r["alarms"]) <= 3
        assert r["false_alarm_rate"] == pytest.approx(r["runs_with_a_shift"] / 3)
        assert r["articles"] > 0 and r["events"] > 0
    assert res["null"][0]["articles"] == 103 and res["null"][1]["articles"] == 60


def test_news_length_corpus() -> None:
    recs = corpus.generate(60, seed=2, news=True)
    assert all(20 <= r["n_sentences"] <= 30 for r in recs)
    assert recs == corpus.generate(60, seed=2, news=True)
    share = sum(r["n_filler"] for r in recs) / sum(r["n_sentences"] for r in recs)
    assert 0.4 <= share <= 0.6


def test_scale_quick() -> None:
    res = _run("bench_scale.py", "--quick", "--no-dask", "--spacy-sizes", "0")
    run = res["runs"][0]
    assert res["bench"] == "scale" and run["size"] == 40
    assert run["runs"]["local1"]["articles"] == run["runs"]["local2"]["articles"] == 40
    assert run["same_rows_local1_localN"] is True
    assert run["runs"]["local2"]["worker_rss_mb"] > 0 and len(run["runs"]["local2"]["cpu_workers_s"]) == 2
