"""kill -9 during ingest, ten times at different points, then rerun: nothing lost, nothing twice.

The child process is the real library (``ingest_paths``) with one line of instrumentation: it
prints after each committed batch, so the test can kill at varied points once work is under way.
Each child pays ~3-5 s of spaCy and lexicon loading, hence short articles and one final run.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from multivector.records import content_id
from multivector.store import Store

pytestmark = pytest.mark.slow

N_JSONL, N_TXT, N_COPIES = 700, 300, 30  # 1,000 distinct articles plus syndicated and exact copies
BATCH = 8

CHILD = """
import sys
import multivector.store as st
from multivector.ingest.run import ingest_paths

_write = st.Store.write
def write(self, batch, **kw):
    n = _write(self, batch, **kw)
    print("committed", n, flush=True)
    return n
st.Store.write = write
r = ingest_paths([sys.argv[1]], sys.argv[2], batch_size=int(sys.argv[3]), progress=False)
print("done", r.articles_new, r.articles_skipped_known, flush=True)
"""

NAMES = "Kazakhstan Russia China Turkey Japan Germany France India Iran Uzbekistan Kyrgyzstan Mongolia Poland".split()
NOUNS = "minister delegation company bank council agency envoy committee court parliament mission ministry".split()
OBJS = "pipeline railway loan treaty port factory grain deal border bridge reactor mine airport canal highway".split()
VERBS = "signed discussed approved rejected financed opened criticised welcomed delayed announced".split()


def make_inputs(folder: Path) -> tuple[set[str], dict[str, str]]:
    """Write the inputs; return the content ids of the distinct articles and copy id -> original id."""
    rng = random.Random(20240501)

    def body(i: int) -> str:
        out = []  # originals of the copies get 3 sentences: in a 1-sentence text the byline outweighs the story
        for k in range(3 if i % 11 == 0 and i < N_COPIES * 11 else rng.randint(1, 3)):
            a, b = rng.sample(NAMES, 2)
            out.append(f"The {rng.choice(NOUNS)} of {a} {rng.choice(VERBS)} a {rng.choice(OBJS)} "
                       f"with {b} on day {i * 7 + k} of the talks.")
        return " ".join(out)

    folder.mkdir()
    bodies = [body(i) for i in range(N_JSONL + N_TXT)]
    with (folder / "wire.jsonl").open("w") as fh:
        for i, text in enumerate(bodies[:N_JSONL]):
            fh.write(json.dumps({"date": f"2024-0{1 + i % 9}-1{i % 10}", "title": f"T{i}", "text": text}) + "\n")
    for j, text in enumerate(bodies[N_JSONL:]):
        (folder / f"page{j:04d}.txt").write_text(f"date 2024-03-{1 + j % 28:02d}\n{text}\n")
    copies = []
    for j in range(N_COPIES):  # later in path order than their originals: syndicated copies and exact repeats
        text = bodies[j * 11]
        copies.append(f"date 2024-04-01\nBy staff reporter {j} |\n{text}\nAll rights reserved.\n" if j % 2 else f"date 2024-04-01\n{text}\n")
    for j, c in enumerate(copies):
        (folder / f"zcopy{j:02d}.txt").write_text(c)
    distinct = {content_id(b) for b in bodies}
    linked = {content_id(c.split("\n", 1)[1].strip()): content_id(bodies[j * 11]) for j, c in enumerate(copies) if j % 2}
    return distinct | set(linked), linked


def start(inputs: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(inputs), str(db), str(BATCH)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def snapshot(db: Path) -> dict[str, object]:
    with Store(db, read_only=True) as s:
        return {
            "articles": s.query("SELECT id, story_id, length(rtrim(text)) AS n FROM articles ORDER BY id"),
            "sentences": s.query("SELECT article_id, idx, start_char, end_char FROM sentences ORDER BY 1, 2"),
            "minhash": s.query("SELECT article_id FROM minhash ORDER BY 1"),
            "mention_dupes": s.query("SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM mentions)) AS d "
                                     "FROM mentions")[0]["d"],
        }


def test_kill_nine_ten_times_then_resume(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    distinct, linked = make_inputs(inputs)
    assert len(distinct) == N_JSONL + N_TXT + len(linked)

    db = tmp_path / "crash.duckdb"
    rng = random.Random(9)
    kills = 0
    for attempt in range(10):
        proc = start(inputs, db)
        # Kill after the k-th committed batch of this run plus a small delay: mid-parse, mid-write, mid-commit.
        k, delay = rng.randint(1, 3), rng.choice([0.0, 0.002, 0.01, 0.03, 0.08])
        seen = 0
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("committed"):
                seen += 1
                if seen >= k:
                    time.sleep(delay)
                    break
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
        if proc.returncode == 0:  # finished before we killed it: nothing left to interrupt
            break
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
        with Store(db, read_only=True) as s:  # after every kill the store opens and holds whole articles
            partial = s.counts()
            assert partial["articles"] == len(s.query("SELECT DISTINCT id FROM articles"))
        assert attempt == 0 or partial["articles"] > 0
    assert kills >= 5, f"the ingest finished too fast to be killed ({kills} kills)"

    final = start(inputs, db)
    out, errs = final.communicate(timeout=120)
    assert final.returncode == 0, errs
    assert out.strip().splitlines()[-1].startswith("done")

    got = snapshot(db)
    arts: list[dict] = got["articles"]  # type: ignore[assignment]
    ids = [r["id"] for r in arts]
    assert len(ids) == len(set(ids)) == len(distinct) and set(ids) == distinct
    assert {r["id"]: r["story_id"] for r in arts if r["story_id"] != r["id"]} == linked  # stories survive restarts
    assert len(got["minhash"]) == len(ids)  # type: ignore[arg-type]
    assert got["mention_dupes"] == 0
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for r in got["sentences"]:  # type: ignore[union-attr]
        spans.setdefault(r["article_id"], []).append((r["idx"], r["start_char"], r["end_char"]))
    assert set(spans) == distinct
    length = {r["id"]: r["n"] for r in arts}
    for aid, ss in spans.items():  # each article's sentences once, in order, covering its whole text
        assert [i for i, _, _ in ss] == list(range(len(ss)))
        assert ss[0][1] == 0 and ss[-1][2] == length[aid]
        assert all(ss[i][2] <= ss[i + 1][1] for i in range(len(ss) - 1))
