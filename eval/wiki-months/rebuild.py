"""Rebuild the wiki-months sets from manifest.jsonl when their text is not on this machine (it is not committed).

  python eval/wiki-months/rebuild.py todo FOLDER        # one wrN.todo.jsonl per batch, for helpers (RECOVER.md)
  python eval/wiki-months/rebuild.py build FOLDER OUT   # wrN.found.jsonl -> OUT/wiki-<split>.jsonl (articles format)

An item is used only when its text was found ("exact" or "likely"); sentences are split as the pipeline splits
them, and when their count differs from the manifest's, the item is scored as one sentence.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def manifest() -> list[dict]:
    return [json.loads(line) for line in (HERE / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line]


def todo(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    batches: dict[str, list[dict]] = defaultdict(list)
    for r in manifest():
        batches[r["id"].split("-")[0]].append(r)
    for b, rows in batches.items():
        keep = ("id", "date", "url", "category", "n_sentences", "events")
        (folder / f"{b}.todo.jsonl").write_text("".join(json.dumps({k: r[k] for k in keep}) + "\n" for r in rows),
                                                encoding="utf-8")
    print(f"{len(batches)} batches -> {folder}")


def build(folder: Path, out: Path) -> None:
    from multivector import nlp
    from multivector.pipeline import split_sentences
    from multivector.records import Article

    man = {r["id"]: r for r in manifest()}
    found = {}
    for f in sorted(folder.glob("*.found.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line) if line.strip() else None
            if r and r.get("text") and r.get("status") in ("exact", "likely") and r["id"] in man:
                found[r["id"]] = r["text"]
    sets: dict[str, list[dict]] = defaultdict(list)
    count: Counter[str] = Counter()
    model = nlp.load()
    for i, text in found.items():
        m = man[i]
        _, sents = split_sentences(Article.make(text, dt.date.fromisoformat(m["date"])), model)
        sentences = [s.text for s in sents]
        events = [{k: e[k] for k in ("source", "target", "code", "sentence")} for e in m["events"]]
        if len(sentences) != m["n_sentences"]:
            sentences, events = [text], [dict(e, sentence=0) for e in events]
            count["one sentence"] += 1
        sets[m["split"]].append({"id": i, "date": m["date"], "title": "", "text": text, "sentences": sentences,
                                 "events": events, "ties": m["ties"], "tags": []})
    out.mkdir(parents=True, exist_ok=True)
    for split, rows in sets.items():
        (out / f"wiki-{split}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"wiki-{split}: {len(rows)} items, {sum(len(r['events']) for r in rows)} events")
    print(f"{len(found)} of {len(man)} items found; {count['one sentence']} scored as one sentence")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "todo":
        todo(Path(sys.argv[2]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "build":
        build(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
