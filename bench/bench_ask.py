"""`ask` latency: a cold CLI call against questions to a running `serve` (same process, model loaded once).

On the demo store (``multivector demo`` into a temporary file), in one run:

- ``cli_first_s``: the first ``multivector ask QUESTION`` on the store, a fresh subprocess (Python start,
  imports, model load, embedding the candidate sentences, which it caches in the store, the answer);
- ``cli_cold_s``: later ``multivector ask`` calls, each a fresh process (median): the store's cache holds
  the sentences, so only the question is embedded, by the NumPy encoder (``explain/minilm.py``) without
  importing sentence-transformers; what a repeated CLI call costs;
- ``serve_first_s``: the first ``GET /api/ask`` to an app built by ``create_app`` in this process, with the
  model not yet loaded (what `serve` would pay without its warm-up thread);
- ``serve_second_s``: the same question again in the same process (the issue's figure: target < 1 s);
- ``serve_other_s``: median over other questions in the same process (model and sentence vectors warm).

The server is uvicorn on a free 127.0.0.1 port (a real HTTP round trip through httpx). Ratios are against
``cli_cold_s`` measured in the same run. JSON on stdout, a summary on stderr.

    python bench/bench_ask.py
    python bench/bench_ask.py --repeats 5
    python bench/bench_ask.py --quick           # one question each: a smoke run, not a measurement
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTION = "Why is Kazakhstan important to Russia?"
OTHERS = (
    "What does China want from Kazakhstan?",
    "Why is the West interested in Kazakhstan?",
    "How is Kazakhstan balancing Russia and China?",
    "Is Kyrgyzstan dependent on Russia?",
    "Why does Uzbekistan matter?",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(store: Path, question: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "multivector", "ask", question, "--store", str(store)],
                          capture_output=True, text=True, env=env, timeout=600)
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"multivector ask failed: {proc.stderr[-2000:]}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=3, help="second-call and other-question timings per run")
    ap.add_argument("--quick", action="store_true", help="one timing of each: a smoke run")
    args = ap.parse_args()
    repeats = 1 if args.quick else args.repeats

    import httpx
    import uvicorn

    from multivector.demo import run_demo
    from multivector.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "demo.duckdb"
        run_demo(store, progress=False)
        # CLI calls are cold processes; the first also fills the store's sentence-embedding cache.
        cli_first = _cli(store, QUESTION)
        cli = [_cli(store, q) for q in ([QUESTION] if args.quick else [QUESTION, *OTHERS[:2]])]

        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.02)
        base = f"http://127.0.0.1:{port}/api/ask"

        def ask(q: str) -> float:
            t0 = time.perf_counter()
            r = httpx.get(base, params={"q": q}, timeout=600)
            took = time.perf_counter() - t0
            r.raise_for_status()
            return took

        first = ask(QUESTION)
        second = [ask(QUESTION) for _ in range(repeats)]
        other = [ask(q) for q in (OTHERS[:1] if args.quick else OTHERS) for _ in range(repeats)]
        server.should_exit = True
        thread.join(10)

    result: dict[str, Any] = {
        "question": QUESTION, "repeats": repeats, "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "cli_first_s": round(cli_first, 3), "cli_cold_s": round(statistics.median(cli), 3),
        "serve_first_s": round(first, 3),
        "serve_second_s": round(statistics.median(second), 3), "serve_other_s": round(statistics.median(other), 3),
    }
    result["serve_second_vs_cli"] = round(result["serve_second_s"] / result["cli_cold_s"], 4)
    result["serve_other_vs_cli"] = round(result["serve_other_s"] / result["cli_cold_s"], 4)
    print(json.dumps(result))
    print(f"ask on the demo store: CLI first call {result['cli_first_s']:.2f} s, later calls (each a new process) "
          f"{result['cli_cold_s']:.2f} s; serve: first call "
          f"{result['serve_first_s']:.2f} s, same question again {result['serve_second_s']:.3f} s "
          f"({result['serve_second_vs_cli']:.1%} of the CLI), other questions {result['serve_other_s']:.3f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
