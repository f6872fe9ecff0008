"""The server under load and under attack: a hostile probe of every endpoint, then 50 clients x 200 requests.

Against a real ``multivector serve`` process on 127.0.0.1 over a store built by ``multivector ingest``
from the bench corpus, plus webprobe's hostile records (dates in year 1 and 9999, javascript:/data: URLs):

1. **Probe**: every request of ``webprobe.probe_requests(full=True)`` (every endpoint, every parameter
   replaced by wrong types, huge values, years 1 and 9999, SQL, traversal, NUL, long strings) one after
   another: statuses, responses with status 500 (must be 0), the slowest request (must be < 5 s; the
   first question's embedding-model load is reported apart), responses that leak a path or PID.
2. **Load**: ``--clients`` threads with their own keep-alive connection send ``--requests`` requests each,
   drawn from a fixed mix of endpoints (listing-heavy, a few analyses): throughput, p50/p99/max latency
   overall and per endpoint, errors (any status other than 200).

Usage:  python bench/bench_load.py > load.json                 (50 x 200 = 10,000 requests)
        python bench/bench_load.py --compare ../main > load.json  (the same against another checkout's
                                                                 server, e.g. before this design: ratios)
        python bench/bench_load.py --quick                     (smoke: 5 x 20, a sample of the probe)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

import corpus  # noqa: E402
import webprobe  # noqa: E402

# (weight, endpoint template); {c} a country of the store, {a} an article id, {o} an offset
MIX = ((10, "/api/health"), (20, "/api/events?country={c}&limit=50"), (8, "/api/events?limit=20&offset={o}"),
       (8, "/api/countries"), (6, "/api/countries?partner_of={c}"), (8, "/api/actors?search={s}"), (4, "/api/poles"),
       (14, "/api/dyad?a={c}&b={c2}"), (14, "/api/articles/{a}"), (5, "/api/balance?country={c}&poles=RUS,WST"),
       (3, "/api/brief?country={c}&poles=RUS,WST&format=json"))
PROBE_TIMEOUT = 60.0  # seconds; the probe saw 223 s for one brief
ENV = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(tmp: Path, n: int) -> Path:
    """``multivector ingest`` of n bench articles, plus the hostile records written directly."""
    from multivector.store import Store

    src = corpus.write_jsonl(corpus.generate(n, seed=13), tmp / "corpus")
    db = tmp / "load.duckdb"
    res = subprocess.run([sys.executable, "-m", "multivector", "ingest", str(src), "--store", str(db), "--no-progress"],
                         env=ENV, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(res.stderr[-2000:])
    with Store(db) as s:
        s.write(webprobe.hostile_articles())
    return db


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(p / 100 * len(xs)))] * 1000, 1) if xs else float("nan")


def probe(base: str, store_dir: Path, full: bool) -> dict[str, Any]:
    import httpx

    reqs = webprobe.probe_requests(full=full)
    statuses: dict[str, int] = {}
    worst: list[tuple[float, str]] = []
    fives, leaks, non_json = [], [], []
    first_ask = None
    with httpx.Client(base_url=base, timeout=PROBE_TIMEOUT) as c:
        for path, params in reqs:
            t0 = time.perf_counter()
            try:
                r = c.get(path, params=params)
            except httpx.HTTPError as exc:  # a request over PROBE_TIMEOUT counts as a failure, not a wait
                statuses[type(exc).__name__] = statuses.get(type(exc).__name__, 0) + 1
                worst.append((time.perf_counter() - t0, f"{path} {json.dumps(params)[:80]} ({type(exc).__name__})"))
                continue
            took = time.perf_counter() - t0
            if path == "/api/ask" and first_ask is None:
                first_ask = took  # loads the embedding model: reported apart
            else:
                worst.append((took, f"{path} {json.dumps(params)[:80]}"))
            statuses[str(r.status_code)] = statuses.get(str(r.status_code), 0) + 1
            if r.status_code == 500:
                fives.append(f"{path} {json.dumps(params)[:120]}")
            if r.status_code >= 400 and "application/json" not in r.headers.get("content-type", ""):
                non_json.append(path)
            if str(store_dir) in r.text or "PID " in r.text:
                leaks.append(path)
    worst.sort(reverse=True)
    return {"requests": len(reqs), "statuses": dict(sorted(statuses.items())), "status_500": len(fives),
            "timeouts": sum(n for k, n in statuses.items() if not k.isdigit()),
            "examples_500": fives[:5], "errors_not_json": len(non_json), "leaks_path_or_pid": len(leaks),
            "slowest_s": round(worst[0][0], 3) if worst else None, "over_5s": sum(t > 5 for t, _ in worst),
            "slowest": [{"s": round(t, 3), "request": w} for t, w in worst[:5]],
            "first_question_s": round(first_ask, 2) if first_ask is not None else None}


def load(base: str, clients: int, per_client: int, seed: int) -> dict[str, Any]:
    import httpx

    with httpx.Client(base_url=base, timeout=120) as c:
        countries = [x["code"] for x in c.get("/api/countries").json()["countries"][:12]]
        articles = list({e["article_id"] for e in c.get("/api/events", params={"limit": 500}).json()["events"]})
        total = c.get("/api/events", params={"limit": 1}).json()["total"]
    weights = [w for w, _ in MIX]
    lat: dict[str, list[float]] = {t: [] for _, t in MIX}
    errors: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        mine: dict[str, list[float]] = {t: [] for _, t in MIX}
        errs: list[str] = []
        with httpx.Client(base_url=base, timeout=120) as c:
            for _ in range(per_client):
                tpl = rng.choices([t for _, t in MIX], weights)[0]
                a, b = rng.sample(countries, 2)
                url = tpl.format(c=a, c2=b, a=rng.choice(articles), o=rng.randrange(max(total - 20, 1)),
                                 s=rng.choice(["kaz", "rus", "chin", "uni", "x"]))
                t0 = time.perf_counter()
                try:
                    r = c.get(url)
                    ok = r.status_code == 200
                    if not ok:
                        errs.append(f"{r.status_code} {url}")
                except httpx.HTTPError as exc:
                    errs.append(f"{type(exc).__name__} {url}")
                mine[tpl].append(time.perf_counter() - t0)
        with lock:
            for t, xs in mine.items():
                lat[t].extend(xs)
            errors.extend(errs)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    every = [x for xs in lat.values() for x in xs]
    return {"clients": clients, "requests": len(every), "errors": len(errors), "error_examples": errors[:5],
            "wall_s": round(wall, 2), "throughput_rps": round(len(every) / wall, 1),
            "p50_ms": pct(every, 50), "p99_ms": pct(every, 99), "max_ms": pct(every, 100),
            "per_endpoint": {t.split("?")[0] + ("?" + t.split("?")[1].split("=")[0] if "?" in t else ""):
                             {"n": len(xs), "p50_ms": pct(xs, 50), "p99_ms": pct(xs, 99)} for t, xs in lat.items()}}


def serve_and_measure(db: Path, tmp: Path, repo: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Start ``serve`` from the checkout ``repo`` over ``db``; the probe and the load against it."""
    import httpx

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**ENV, "PYTHONPATH": f"{repo}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    server = subprocess.Popen([sys.executable, "-m", "multivector", "serve", "--store", str(db), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"serve from {repo} did not start")
            time.sleep(0.3)
        return {"probe": probe(base, tmp, full=not args.quick), "load": load(base, args.clients, args.requests, args.seed)}
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=200, help="per client")
    ap.add_argument("--articles", type=int, default=600, help="bench articles ingested into the store")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="5 clients x 20 requests, 100 articles, sampled probe")
    ap.add_argument("--compare", metavar="DIR", help="also measure the server of another checkout (e.g. ../main)")
    args = ap.parse_args()
    if args.quick:
        args.clients, args.requests, args.articles = 5, 20, 100

    out: dict[str, Any] = {"clients": args.clients, "requests_per_client": args.requests, "articles": args.articles}
    with tempfile.TemporaryDirectory(prefix="mv-load-") as tmpdir:
        tmp = Path(tmpdir)
        db = build_store(tmp, args.articles)
        out.update(serve_and_measure(db, tmp, REPO, args))
        if args.compare:
            other = serve_and_measure(db, tmp, Path(args.compare).resolve(), args)
            out["compare"] = {"repo": str(Path(args.compare).resolve()), **other}
            out["ratios"] = {"throughput": round(out["load"]["throughput_rps"] / other["load"]["throughput_rps"], 3),
                             "p50": round(out["load"]["p50_ms"] / other["load"]["p50_ms"], 3),
                             "p99": round(out["load"]["p99_ms"] / other["load"]["p99_ms"], 3)}
    p, ld = out["probe"], out["load"]
    print(f"probe: {p['requests']} requests, {p['status_500']} with status 500, slowest {p['slowest_s']} s, "
          f"{p['over_5s']} over 5 s, {p['leaks_path_or_pid']} leaking a path or PID, statuses {p['statuses']}",
          file=sys.stderr)
    print(f"load: {ld['clients']} clients, {ld['requests']} requests in {ld['wall_s']} s = {ld['throughput_rps']} req/s, "
          f"p50 {ld['p50_ms']} ms, p99 {ld['p99_ms']} ms, max {ld['max_ms']} ms, {ld['errors']} errors", file=sys.stderr)
    if "compare" in out:
        cp, cl = out["compare"]["probe"], out["compare"]["load"]
        print(f"compare ({out['compare']['repo']}): probe {cp['status_500']} with status 500, slowest {cp['slowest_s']} s; "
              f"load {cl['throughput_rps']} req/s, p50 {cl['p50_ms']} ms, p99 {cl['p99_ms']} ms, {cl['errors']} errors; "
              f"ratios (this / that) {out['ratios']}", file=sys.stderr)
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
