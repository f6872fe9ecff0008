"""Assemble the frozen real-text split from the double annotation (see README.md).

Reads annotation/batchK.{A,B}.jsonl (two blind annotators), annotation/adjudicated.jsonl (disputed items
settled), and writes wikipedia-2015-09.jsonl in the articles scheme of ../shared/gold/README.md.
Selection: every item with a sentence in which either annotator saw two or more state/IGO actors, plus a
seeded sample of 30 other items so that sentences without two actors (false-positive checks) are counted.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import sentences

HERE = Path(__file__).resolve().parent
ANN = HERE / "annotation"
OUT = HERE / "wikipedia-2015-09.jsonl"
EXTRA_SEED, EXTRA_N = 2015, 30
CONFLICT_ROOTS = {f"{r}" for r in range(14, 21)}


def _jsonl(p: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    items = {it["id"]: it for it in sentences.items()}
    a = {d["id"]: d for k in range(1, 5) for d in _jsonl(ANN / f"batch{k}.A.jsonl")}
    b = {d["id"]: d for k in range(1, 5) for d in _jsonl(ANN / f"batch{k}.B.jsonl")}
    adj = {d["id"]: d for d in _jsonl(ANN / "adjudicated.jsonl")}
    assert set(a) == set(b) == set(items)
    two = []
    for i in items:
        seen = [set(x) | set(y) for x, y in zip(a[i]["actors"], b[i]["actors"], strict=True)]
        if any(len(s) >= 2 for s in seen):
            two.append(i)
    rest = sorted(set(items) - set(two))
    extra = random.Random(EXTRA_SEED).sample(rest, EXTRA_N)
    chosen = [i for i in items if i in set(two) | set(extra)]
    n_with = n_without = n_events = 0
    with OUT.open("w", encoding="utf-8") as fh:
        for i in chosen:
            it = items[i]
            final = adj.get(i, a[i])
            events = [{k: e[k] for k in ("source", "target", "code", "source_role", "target_role", "sentence")}
                      for e in final["events"]]
            ties = [{k: t[k] for k in ("a", "b", "type", "sentence")} for t in final["ties"]]
            seen = [set(x) | set(y) for x, y in zip(a[i]["actors"], b[i]["actors"], strict=True)]
            n_with += sum(len(s) >= 2 for s in seen)
            n_without += sum(len(s) < 2 for s in seen)
            n_events += len(events)
            tags = []
            if not events:
                tags.append("no_event")
            if len(events) > 1:
                tags.append("multi_event")
            if ties:
                tags.append("tie")
            if any(str(e["code"])[:2] in CONFLICT_ROOTS for e in events):
                tags.append("material_conflict")
            rec = {"id": i, "date": it["date"], "title": "", "text": " ".join(it["sentences"]),
                   "sentences": it["sentences"], "events": events, "ties": ties, "tags": tags,
                   "adjudicated": i in adj}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} items, {n_with + n_without} sentences ({n_with} with two or more actors, "
          f"{n_without} without), {n_events} events")


if __name__ == "__main__":
    main()
