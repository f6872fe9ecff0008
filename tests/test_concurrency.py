"""Reads during ingest: a 3,000-article ingest, a real `serve` process and CLI reads on one DuckDB file.

While the ingest runs, `events`, `balance` and every API endpoint must answer (CLI exit 0, HTTP 200)
and see whole batches only (the article count is the starting count plus a multiple of the batch
size, or the final count). The ingest itself starts while four dashboard clients keep the server
busy, and ends with exit 0 and every article stored.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from test_web_api import build_store

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import corpus  # noqa: E402

pytestmark = pytest.mark.slow

N_ARTICLES, BATCH = 3000, 64
API = ("/api/health", "/api/events?country=KAZ&limit=20", "/api/countries", "/api/countries?partner_of=KAZ",
       "/api/actors?search=kaz", "/api/poles", "/api/dyad?a=KAZ&b=RUS", "/api/balance?country=KAZ&poles=RUS,WST",
       "/api/brief?country=KAZ&poles=RUS,WST&format=json", "/api/ask?q=Why+is+Kazakhstan+important+to+Russia%3F&k=2")
LIGHT = API[:7]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(*args: str, log: Path | None = None) -> subprocess.Popen[str]:
    """A CLI process; a long-running one logs to ``log`` (a pipe nobody reads would fill and block it)."""
    if log is not None:
        with log.open("w") as fh:
            return subprocess.Popen([sys.executable, "-m", "multivector", *args], stdout=fh, stderr=subprocess.STDOUT,
                                    text=True, env=ENV)
    return subprocess.Popen([sys.executable, "-m", "multivector", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=ENV)


def test_cli_and_every_endpoint_answer_during_a_3000_article_ingest(tmp_path: Path) -> None:
    db = tmp_path / "shared.duckdb"
    build_store(db)  # the planted corpus: KAZ has events before the ingest starts
    start_articles = httpx_free_count(db)
    recs = corpus.generate(N_ARTICLES, seed=21)
    for r in recs:  # two sentences each: the same 3,000 articles and commits, a quarter of the parsing
        r["text"] = ". ".join(r["text"].split(". ")[:2]).rstrip(".") + "."
    src = corpus.write_jsonl(recs, tmp_path / "in")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _cli("serve", "--store", str(db), "--port", str(port), log=tmp_path / "serve.log")
    stop = threading.Event()
    dashboard_errors: list[str] = []
    counts: list[int] = []
    try:
        client = httpx.Client(base_url=base, timeout=300)
        deadline = time.monotonic() + 120
        while True:
            try:
                if client.get("/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, "serve did not start"
            time.sleep(0.3)

        def dashboard(k: int) -> None:
            """A busy dashboard client: the listing endpoints back to back (the analysis ones are CPU-bound
            permutation tests; four clients running them would leave the ingest no core on a 2-core CI box)."""
            with httpx.Client(base_url=base, timeout=300) as c:
                i = k
                while not stop.is_set():
                    path = LIGHT[i % len(LIGHT)]
                    r = c.get(path)
                    time.sleep(0.2)  # a person clicking fast, not a load test (that is bench/bench_load.py)
                    if r.status_code != 200:
                        dashboard_errors.append(f"{path} {r.status_code} {r.text[:200]}")
                    if path == "/api/health":
                        counts.append(r.json()["articles"])
                    i += 1

        busy = [threading.Thread(target=dashboard, args=(k,), daemon=True) for k in range(4)]
        for t in busy:
            t.start()
        time.sleep(2)  # the dashboard is busy before the ingest starts
        ingest = _cli("ingest", str(src), "--store", str(db), "--no-progress", "--batch-size", str(BATCH))
        cli_results: list[tuple[str, int, str]] = []
        api_rounds: list[dict[str, int]] = []
        while ingest.poll() is None:
            for args in (("events", "--country", "KAZ", "--limit", "5", "--format", "jsonl"),
                         ("balance", "KAZ", "--poles", "RUS,WST", "--format", "json")):
                p = _cli(*args, "--store", str(db))
                out, err = p.communicate(timeout=300)
                cli_results.append((args[0], p.returncode, err[-300:]))
                if args[0] == "events":
                    assert [json.loads(ln)["date"] for ln in out.splitlines()], "events lists KAZ's events"
            if ingest.poll() is None:
                api_rounds.append({path: client.get(path).status_code for path in API})
                time.sleep(3)
        out, err = ingest.communicate()
        stop.set()
        for t in busy:
            t.join(120)
        assert ingest.returncode == 0, err[-2000:]
        assert "Traceback" not in err
        final = client.get("/api/health").json()["articles"]
    finally:
        stop.set()
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(30)
    assert final == start_articles + N_ARTICLES
    assert len(cli_results) >= 4 and all(code == 0 for _, code, _ in cli_results), cli_results
    assert api_rounds and all(set(r.values()) == {200} for r in api_rounds), api_rounds
    assert not dashboard_errors, dashboard_errors[:5]
    seen = set(counts)
    assert all(n == final or (n - start_articles) % BATCH == 0 for n in seen), sorted(seen)  # whole batches only
    assert len(seen - {start_articles, final}) >= 2, sorted(seen)  # readers saw the ingest progress


def httpx_free_count(db: Path) -> int:
    """Articles in the store before the ingest (read directly, nothing else is running yet)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()
