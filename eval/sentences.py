"""Split the Wikipedia current-events corpus into dated, cleaned sentences for annotation.

Deterministic: the same corpus file always gives the same ids and sentences. The cleaning only
undoes crawl artefacts (whitespace runs, trailing " ," and stray ")", "[citation needed]").
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wikipedia-current-events-2015-09.json"
ABBREV = {"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "jr", "sr", "no", "vs", "inc", "co", "corp",
          "ltd", "gov", "sen", "rep", "prof", "rev", "maj", "capt", "adm", "mt", "ft", "jan", "feb", "aug", "sept",
          "oct", "nov", "dec"}
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"“(A-Z0-9])")


def clean(text: str) -> str:
    t = " ".join(text.split())
    t = re.sub(r"\.,,\s*", ". ", t)  # two summaries run together by the crawl
    t = t.replace("[citation needed]", "").replace(" ,", ",")
    t = re.sub(r"[\s,)]+$", "", t) if not t.endswith(".)") else t
    t = re.sub(r"\s+", " ", t).strip()
    if t and t[-1] not in ".!?\"”)":
        t += "."
    return t


def split(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SPLIT.finditer(text):
        prev = text[start:m.start()].split()[-1] if text[start:m.start()].split() else ""
        word = prev.rstrip(".").lower()
        # "U.S. President", "Gen. Smith": an abbreviation or an initial, not a sentence end.
        if word in ABBREV or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?", prev) or len(word) == 1:
            continue
        out.append(text[start:m.start()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def items(path: Path = CORPUS) -> list[dict[str, object]]:
    """One record per corpus item: id, date, sentences (cleaned)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for x in data:
        sents = split(clean(x["description"]))
        out.append({"id": f"wiki-{x['id']}", "date": x["date"], "sentences": sents})
    return out


if __name__ == "__main__":
    for rec in items(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS):
        print(json.dumps(rec, ensure_ascii=False))
