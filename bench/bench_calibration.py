"""Calibration of the balance measurements: false shifts on null corpora, the planted shift, event identity.

A measurement is only as good as its null check. This script codes corpora once with the real pipeline
(spaCy, coder, story index), then:

* **null**: shuffles the dates across stories (every article of a story moves together) ``--shuffles``
  times, writes each shuffle to a fresh DuckDB store (event time and event identity recomputed on write),
  runs ``balance`` + ``detect_shifts`` and counts the runs that report any shift. Two corpora: the bundled
  Kazakhstan corpus (real prose, its planted shift destroyed by the shuffle) and a generated corpus of
  ``--n`` Kazakhstan articles (2-6 sentences, 1-5 events each, pole mix fixed: no change by construction);
* **planted**: the bundled corpus as written: the West's share change point must be found at 2023-09;
* the figures go to stdout as one JSON object (each rate with its 95% Wilson interval: at the detector's
  level of 0.05, 100 shuffles give 5 alarms on average and 9 in one run of twenty), a summary to stderr.

Usage: ``.venv/bin/python bench/bench_calibration.py --shuffles 100 --n 2000 > calibration.json``;
``--quick`` runs 3 shuffles of small corpora (a smoke run, not a measurement).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from multivector.analysis import balance, detect_shifts
from multivector.analysis.stats import wilson
from multivector.examples import PLANTED, balance_path
from multivector.ingest import iter_inputs
from multivector.ingest.dedupe import StoryIndex
from multivector.pipeline import code_articles
from multivector.records import Article, CodedArticle
from multivector.store import Store

POLES = "RUS,WST,CHN"

# Generated null corpus: Kazakhstan with each pole at a fixed rate, so no period differs but by chance.
_ACTORS = {
    "RUS": ("Russia", "Moscow", "Russian President Vladimir Putin", "Russian Foreign Minister Sergei Lavrov"),
    "WST": ("the United States", "Washington", "France", "Germany", "the European Union", "Britain"),
    "CHN": ("China", "Beijing", "Chinese President Xi Jinping", "Chinese Foreign Minister Wang Yi"),
}
_KAZ = ("Kazakhstan", "Astana", "Kazakh President Kassym-Jomart Tokayev", "Kazakh Foreign Minister Murat Nurtleu")
_MIX = (("RUS", 0.45), ("WST", 0.3), ("CHN", 0.25))
_OUT = ("{k} signed an agreement with {p} on {topic} {when}.", "{k} held talks with {p} on {topic} {when}.",
        "{k} criticised {p} over {topic} {when}.", "{k} praised {p} for its support on {topic} {when}.",
        "{k} rejected a proposal from {p} on {topic} {when}.")
_IN = ("{p} visited {kc} {when} for talks on {topic}.", "{p} pledged aid to {k} for {topic} {when}.",
       "{p} accused {k} of delaying {topic} {when}.", "{p} praised {k} for its stance on {topic} {when}.",
       "{p} promised to invest in {topic} in {k} {when}.")
_TOPICS = ("grain exports", "gas supplies", "rail transit", "water sharing", "border crossings", "oil transit",
           "customs rules", "energy projects", "critical minerals", "visa rules")
_WHEN = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "", "")
_FILLER = ("Inflation in Kazakhstan slowed to 9 percent, the central bank said.",
           "Heavy snow closed several roads in the north of the country.",
           "The tenge was little changed against the dollar.",
           "Wheat prices on the local exchange rose slightly.")


def generated(n: int, seed: int, first: dt.date = dt.date(2023, 1, 1), months: int = 12) -> list[Article]:
    """``n`` Kazakhstan articles over ``months`` months with a fixed pole mix (deterministic)."""
    rng = random.Random(seed)
    span = (dt.date(first.year + (first.month - 1 + months) // 12, (first.month - 1 + months) % 12 + 1, 1)
            - first).days
    out = []
    for i in range(n):
        sents = []
        for _ in range(rng.randint(1, 5)):
            pole = rng.choices([p for p, _ in _MIX], [w for _, w in _MIX])[0]
            tpl = rng.choice(_OUT + _IN)
            sents.append(tpl.format(k=rng.choice(_KAZ), kc="Astana", p=rng.choice(_ACTORS[pole]),
                                    topic=rng.choice(_TOPICS), when=rng.choice(_WHEN)).replace("  ", " ")
                         .replace(" .", "."))
        sents += rng.sample(_FILLER, rng.randint(0, 2))
        rng.shuffle(sents)
        text = " ".join(s[0].upper() + s[1:] for s in sents) + f" (Report {i}.)"
        out.append(Article.make(text, first + dt.timedelta(days=rng.randrange(span)), title=f"Kazakhstan report {i}",
                                url=f"https://news{i % 7}.example.org/{i}"))
    return out


def code(articles: Sequence[Article]) -> list[CodedArticle]:
    """Code articles as ``ingest`` does: story ids from the near-duplicate index, copies without events."""
    index = StoryIndex()
    stories = {a.id: index.assign(a.id, a.text)[0] for a in articles}
    out = []
    for c in code_articles(list(articles)):
        story = stories[c.article.id]
        out.append(dataclasses.replace(c, story_id=story) if story == c.article.id
                   else dataclasses.replace(c, story_id=story, events=(), ties=()))
    return out


def shuffle_dates(coded: Sequence[CodedArticle], rng: random.Random) -> list[CodedArticle]:
    """The corpus with story dates permuted: every article of a story moves by its story's offset."""
    by_story: dict[str, list[CodedArticle]] = {}
    for c in coded:
        by_story.setdefault(c.story_id or c.article.id, []).append(c)
    keys = sorted(by_story)
    firsts = [min(c.article.date for c in by_story[k]) for k in keys]
    new = firsts[:]
    rng.shuffle(new)
    out = []
    for k, old, moved in zip(keys, firsts, new, strict=True):
        delta = moved - old
        for c in by_story[k]:
            art = dataclasses.replace(c.article, date=c.article.date + delta)
            out.append(dataclasses.replace(
                c, article=art, events=tuple(dataclasses.replace(e, date=art.date) for e in c.events),
                ties=tuple(dataclasses.replace(t, date=art.date) for t in c.ties)))
    return out


def run(coded: Sequence[CodedArticle], workdir: Path, name: str) -> list[dict[str, Any]]:
    """Write a corpus to a fresh store; the shifts balance(KAZ, RUS/WST/CHN, month) reports."""
    path = workdir / f"{name}.duckdb"
    path.unlink(missing_ok=True)
    with Store(path) as st:
        st.write(list(coded))
    with Store(path, read_only=True) as st:
        rep = balance(st, "KAZ", POLES, freq="month")
        shifts = detect_shifts(rep)
    path.unlink(missing_ok=True)
    return [{"pole": s.pole, "measure": s.measure, "after": s.after, "direction": s.direction, "p": s.p_value}
            for s in shifts]


def null_rate(coded: Sequence[CodedArticle], shuffles: int, seed: int, workdir: Path, label: str) -> dict[str, Any]:
    """How many date-shuffled copies of a corpus report any shift."""
    rng = random.Random(seed)
    alarms = []
    t0 = time.perf_counter()
    for i in range(shuffles):
        found = run(shuffle_dates(coded, rng), workdir, f"{label}-{i}")
        if found:
            alarms.append({"shuffle": i, "shifts": found})
        print(f"  {label}: shuffle {i + 1}/{shuffles}, alarms so far {len(alarms)}", file=sys.stderr)
    lo, hi = wilson(len(alarms) / shuffles, shuffles, 1.959964)
    return {"corpus": label, "articles": len(coded), "events": sum(len(c.events) for c in coded),
            "shuffles": shuffles, "runs_with_a_shift": len(alarms), "false_alarm_rate": len(alarms) / shuffles,
            "rate_95ci": [round(lo, 4), round(hi, 4)], "alarms": alarms, "seconds": round(time.perf_counter() - t0, 1)}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shuffles", type=int, default=100, help="date shuffles per null corpus (default 100)")
    ap.add_argument("--n", type=int, default=2000, help="articles in the generated null corpus (default 2000)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--corpora", default="bundled,generated", help="null corpora to shuffle (default both)")
    ap.add_argument("--quick", action="store_true", help="3 shuffles, 60 generated articles: a smoke run")
    args = ap.parse_args(argv)
    if args.quick:
        args.shuffles, args.n = 3, 60
    corpora = [c.strip() for c in args.corpora.split(",") if c.strip()]
    bundled = [a for a in iter_inputs([balance_path()]) if isinstance(a, Article)]
    result: dict[str, Any] = {"poles": POLES, "freq": "month", "alpha": 0.05, "seed": args.seed}
    with tempfile.TemporaryDirectory(prefix="mv-calib-") as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        coded_bundled = code(bundled)
        coded_gen = code(generated(args.n, args.seed)) if "generated" in corpora else []
        result["coding_seconds"] = round(time.perf_counter() - t0, 1)
        planted = run(coded_bundled, work, "planted")
        west = [s for s in planted if s["pole"] == PLANTED.rising_pole and s["measure"] == "share"]
        result["planted"] = {"shifts": planted, "found": bool(west and west[0]["after"] == PLANTED.shift_month
                                                              and west[0]["direction"] == "up")}
        result["null"] = []
        if "bundled" in corpora:
            result["null"].append(null_rate(coded_bundled, args.shuffles, args.seed, work, "bundled"))
        if "generated" in corpora:
            result["null"].append(null_rate(coded_gen, args.shuffles, args.seed + 1, work, "generated"))
    for r in result["null"]:
        print(f"{r['corpus']}: {r['articles']} articles, {r['events']} event mentions, {r['runs_with_a_shift']} of "
              f"{r['shuffles']} shuffles report a shift ({r['false_alarm_rate']:.1%}, 95% interval "
              f"{r['rate_95ci'][0]:.1%}-{r['rate_95ci'][1]:.1%})", file=sys.stderr)
    print(f"planted West shift found: {result['planted']['found']} {result['planted']['shifts']}", file=sys.stderr)
    json.dump(result, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")
    return result


if __name__ == "__main__":
    main()
