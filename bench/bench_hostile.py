"""Hostile input at scale: 1,000+ malformed inputs through `multivector ingest`, peak memory, slowest file.

Steps, all on the real CLI and library (see bench/hostile.py for the input classes):

1. ``hostile.generate`` writes ``--n`` hostile inputs (every reader, file-system oddities) mixed
   with good files, seeded.
2. One ``multivector ingest FOLDER`` subprocess reads them all: exit code (must be 1: something is
   quarantined), tracebacks on stderr (must be 0), wall time and the child's peak RSS (``os.wait4``).
3. The store is checked against every case: good articles lost, salvageable articles lost, inputs
   that should be quarantined but are not, inputs no article or quarantine row names (all must be 0).
4. A second subprocess reads and codes each file alone (``iter_inputs`` + ``code_articles``, no
   store) and times it: the slowest files and their classes, and that process's peak RSS.
5. ``--big``: the issue's large inputs, each through its own ``ingest``: a 2 MB one-article text,
   a 19.9 MB file (default --max-bytes), a 60 MB file with --max-bytes raised to 70 MB, and 64 KB
   of "!" after an article; wall time, peak RSS, articles (parts) stored, quarantine rows.

Usage:  python bench/bench_hostile.py --n 1000 > hostile.json     (long: ~10 min on 2 busy cores)
        python bench/bench_hostile.py --big > big.json             (adds ~15 min: 80 MB of text coded)
        python bench/bench_hostile.py --quick                      (smoke: 40 inputs)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

import corpus  # noqa: E402
import hostile  # noqa: E402

MAX_BYTES, MAX_CHARS = 2_000_000, 20_000  # small limits so the over-limit classes stay cheap to write


def run_child(args: list[str], cwd: Path) -> dict[str, Any]:
    """Run a child process; wall time, exit code, peak RSS (MB) of the child and its children, output."""
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    return {"wall_s": round(wall, 2), "exit": os.waitstatus_to_exitcode(status),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "stdout": stdout, "stderr": stderr}


def ingest(inputs: list[str], db: Path, cwd: Path, *extra: str) -> dict[str, Any]:
    return run_child([sys.executable, "-m", "multivector", "ingest", *inputs, "--store", str(db), "--no-progress",
                      *extra], cwd)


def summary_numbers(stdout: str) -> dict[str, int]:
    """Counts from ingest's summary line ('N files: A new articles, ... Q quarantined')."""
    import re

    first = stdout.splitlines()[0] if stdout else ""
    nums = dict((k, int(v.replace(",", ""))) for v, k in re.findall(r"([\d,]+) (files|new articles|quarantined)", first))
    m = re.search(r"^(\d+) files in the folders given were not read", stdout, re.M)
    nums["skipped"] = int(m[1]) if m else 0
    return nums


PER_FILE = r"""
import json, sys, time, resource
from pathlib import Path
from multivector.ingest import iter_inputs, Limits
from multivector.pipeline import code_articles
from multivector.records import Article
list(code_articles([Article.make("Kazakhstan signed a deal with Russia.", __import__('datetime').date(2024, 1, 1))]))
lim = Limits(max_bytes=int(sys.argv[2]), max_chars=int(sys.argv[3]))
for line in open(sys.argv[1]):
    f = json.loads(line)
    t0 = time.perf_counter()
    arts = [a for a in iter_inputs([f], limits=lim) if isinstance(a, Article)]
    errors = []
    coded = list(code_articles(arts, on_error=lambda a, e: errors.append(repr(e))))
    print(json.dumps({"file": f, "s": time.perf_counter() - t0, "articles": len(arts), "coded": len(coded),
                      "errors": errors}), flush=True)
print(json.dumps({"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)
"""


def per_file(folder: Path, cases: list[hostile.Case], tmp: Path) -> dict[str, Any]:
    """Read and code every file alone in one process; the slowest files and the peak RSS."""
    files = sorted(str(p) for p in folder.iterdir() if not p.is_dir() and not p.name.startswith("."))
    listing = tmp / "files.jsonl"
    listing.write_text("".join(json.dumps(os.fsdecode(f)) + "\n" for f in files))
    res = run_child([sys.executable, "-c", PER_FILE, str(listing), str(MAX_BYTES), str(MAX_CHARS)], REPO)
    rows = [json.loads(ln) for ln in res["stdout"].splitlines() if ln.startswith("{")]
    times = [r for r in rows if "file" in r]
    cls = {c.path: c.cls for c in cases}
    from multivector.ingest.common import display

    slow = sorted(times, key=lambda r: -r["s"])[:8]
    return {
        "files_timed": len(times),
        "exit": res["exit"],
        "tracebacks": res["stderr"].count("Traceback"),
        "coding_errors": sum(len(r["errors"]) for r in times),
        "worst_s": round(slow[0]["s"], 3) if slow else None,
        "slowest": [{"class": cls.get(display(r["file"]), "?"), "s": round(r["s"], 3), "parts": r["articles"]}
                    for r in slow],
        "median_s": round(sorted(r["s"] for r in times)[len(times) // 2], 4) if times else None,
        "peak_rss_mb": round(rows[-1].get("peak_rss_mb", 0), 1) if rows else None,
    }


def big_inputs(tmp: Path) -> dict[str, Any]:
    """The issue's large inputs, each through its own ingest; sizes in bytes of corpus-like news text."""
    recs = corpus.generate(4000, seed=11)
    news = "\n\n".join(r["text"] for r in recs)  # ~3 MB of paragraphs, repeated: later parts may repeat earlier
    # ones exactly and are then counted as already known (the summary line says how many)

    def text_of(n_bytes: int) -> str:
        reps = n_bytes // len(news) + 1
        return (news + "\n\n") * reps

    out: dict[str, Any] = {}
    cases = [
        ("one_article_2mb", "date 2024-01-01\n" + text_of(2_000_000)[:2_000_000], ()),
        ("file_19_9mb", "date 2024-01-01\n" + text_of(19_900_000)[:19_900_000], ()),
        ("file_60mb_limit_raised", "date 2024-01-01\n" + text_of(60_000_000)[:60_000_000], ("--max-bytes", "70000000")),
        ("bang_64kb", "date 2024-01-01\nKazakhstan signed a railway deal with China on Monday. " + "!" * 65_536, ()),
    ]
    for name, text, extra in cases:
        f = tmp / f"{name}.txt"
        f.write_text(text)
        db = tmp / f"{name}.duckdb"
        res = ingest([str(f)], db, tmp, *extra)
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        n_art, n_q = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "quarantine"))  # type: ignore[index]
        longest = con.execute("SELECT max(length(text)) FROM articles").fetchone()[0]
        con.close()
        out[name] = {"bytes": f.stat().st_size, "wall_s": res["wall_s"], "exit": res["exit"],
                     "summary": (res["stdout"].splitlines() or [""])[0][:300],
                     "peak_rss_mb": res["peak_rss_mb"], "articles_stored": n_art, "quarantine_rows": n_q,
                     "longest_part_chars": longest, "tracebacks": res["stderr"].count("Traceback")}
        print(f"{name}: {out[name]}", file=sys.stderr)
        f.unlink()
    # 64 KB of '!' alone, in process (no start-up): the figure is the cost of the run itself
    t = run_child([sys.executable, "-c", (
        "import time, datetime as dt\nfrom multivector.pipeline import code_articles\nfrom multivector.records import Article\n"
        "a = Article.make('Kazakhstan signed a deal with China.', dt.date(2024, 1, 1)); list(code_articles([a]))\n"
        "b = Article.make('Kazakhstan signed a railway deal with China on Monday. ' + '!' * 65536, dt.date(2024, 1, 1))\n"
        "t0 = time.perf_counter(); list(code_articles([b])); print(time.perf_counter() - t0)")], REPO)
    out["bang_64kb"]["coding_s_in_process"] = round(float(t["stdout"].strip() or "nan"), 3)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="hostile inputs (good files come on top, 1 per 10)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--quick", action="store_true", help="40 inputs, no per-file pass (smoke test)")
    ap.add_argument("--big", action="store_true", help="also the 2 MB / 19.9 MB / 60 MB inputs")
    ap.add_argument("--no-per-file", action="store_true", help="skip the per-file timing pass")
    args = ap.parse_args()
    n = 40 if args.quick else args.n
    result: dict[str, Any] = {"n_hostile": n, "seed": args.seed, "max_bytes": MAX_BYTES, "max_chars": MAX_CHARS}
    with tempfile.TemporaryDirectory(prefix="mv-hostile-") as tmpdir:
        tmp = Path(tmpdir)
        folder = tmp / "in"
        cases = hostile.generate(folder, n, args.seed, max_bytes=MAX_BYTES, max_chars=MAX_CHARS)
        try:
            res = ingest([str(folder)], tmp / "s.duckdb", tmp, "--max-bytes", str(MAX_BYTES), "--max-chars", str(MAX_CHARS))
            nums = summary_numbers(res["stdout"])
            check = hostile.check(cases, tmp / "s.duckdb", nums.get("skipped"))
            result["ingest"] = {k: res[k] for k in ("wall_s", "exit", "peak_rss_mb")} | {
                "tracebacks": res["stderr"].count("Traceback"), "summary": nums}
            result["check"] = {k: (len(v) if isinstance(v, list) and k != "classes" else v) for k, v in check.items()}
            result["failures"] = {k: check[k] for k in ("lost", "not_quarantined", "unaccounted") if check[k]}
            if not (args.quick or args.no_per_file):
                result["per_file"] = per_file(folder, cases, tmp)
            if args.big:
                result["big"] = big_inputs(tmp)
        finally:
            hostile.unlock(folder)
    c, i = result["check"], result["ingest"]
    print(f"{c['inputs']} inputs ({c['hostile']} hostile, {len(c['classes'])} classes): exit {i['exit']}, "
          f"{i['tracebacks']} tracebacks, {c['good_lost']} of {c['good_articles']} good articles lost, "
          f"{c['lost']} salvageable lost, {c['not_quarantined']} not quarantined, {c['unaccounted']} unaccounted; "
          f"{i['wall_s']} s, peak RSS {i['peak_rss_mb']} MB", file=sys.stderr)
    if "per_file" in result:
        pf = result["per_file"]
        print(f"per file: worst {pf['worst_s']} s ({pf['slowest'][0]['class'] if pf['slowest'] else '-'}), "
              f"median {pf['median_s']} s, peak RSS {pf['peak_rss_mb']} MB", file=sys.stderr)
    json.dump(result, sys.stdout, indent=1, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
