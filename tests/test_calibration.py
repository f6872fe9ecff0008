"""Calibration (issue 9, check a): on a corpus with no change, shuffling the dates 100 times makes the shift
detector report a shift in at most 5% of the runs, although events are clustered in articles.

The corpus is built from records (no spaCy: 100 stores must be written): 180 Kazakhstan articles over 12
months, each with 1 to 6 interactions, the pole mix fixed (Russia 0.45, the West 0.35, China 0.2), the mix
of one article drawn once for all its events, as an op-ed about Russia is about Russia throughout. Counted as
independent events, as before issue 9, the same shuffles report a shift far more often (measured below).
bench/bench_calibration.py runs the same check on real prose through the whole pipeline.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random

import pytest

from multivector.analysis import balance, detect_shifts
from multivector.events import cameo
from multivector.records import Article, CodedArticle, Event, Sentence
from multivector.store import Store

pytestmark = pytest.mark.slow

SHUFFLES = 100
POLES = (("RUS", ("RUS",), 0.45), ("WST", ("USA", "GBR", "FRA", "DEU", "EU"), 0.35), ("CHN", ("CHN",), 0.2))
CODES = ("042", "046", "051", "057", "0311", "111", "112", "120", "061", "033")  # ten identity families


def _corpus(seed: int = 1, n: int = 180) -> list[CodedArticle]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(365))
        pole = rng.choices(POLES, [w for _, _, w in POLES])[0]
        k = rng.choice((1, 1, 1, 2, 3, 6))  # some articles pile up events about one pole
        texts, evs = [], []
        codes = rng.sample(CODES, k)
        for j in range(k):
            other = rng.choice(pole[1])
            src, tgt = (other, "KAZ") if rng.random() < 0.6 else ("KAZ", other)
            texts.append(f"Item {i}.{j}: {src} and {tgt}, code {codes[j]}.")
        art = Article.make(" ".join(texts), day, url=f"https://outlet{i % 9}.example.org/{i}")
        sents, pos = [], 0
        for j, t in enumerate(texts):
            sents.append(Sentence(art.id, j, pos, pos + len(t), t))
            src, tgt = t.split(": ")[1].split(",")[0].split(" and ")
            c = cameo.lookup(codes[j])
            evs.append(Event(art.id, day, j, pos, pos + 4, src, None, tgt, None, c.code, c.root, c.quad_class,
                             c.goldstein, c.plover_type, c.plover_mode, "test"))
            pos += len(t) + 1
        out.append(CodedArticle(art, tuple(sents), events=tuple(evs)))
    return out


def _shuffled(coded: list[CodedArticle], rng: random.Random) -> list[CodedArticle]:
    dates = [c.article.date for c in coded]
    rng.shuffle(dates)
    out = []
    for c, d in zip(coded, dates, strict=True):
        art = dataclasses.replace(c.article, date=d)
        out.append(dataclasses.replace(c, article=art, events=tuple(dataclasses.replace(e, date=d) for e in c.events)))
    return out


def _event_level_alarm(rep) -> bool:  # type: ignore[no-untyped-def]
    """The pre-issue-9 test: events as independent draws, any month against the previous, Holm over all."""
    pvals = []
    for pole in rep.poles:
        rows = [rep.row(pole.name, p) for p in rep.periods]
        for a, b in zip(rows, rows[1:], strict=False):
            x1, n1 = a.mentions, sum(rep.row(q.name, a.period).mentions for q in rep.poles)
            x2, n2 = b.mentions, sum(rep.row(q.name, b.period).mentions for q in rep.poles)
            if n1 >= 5 and n2 >= 5:
                pool = (x1 + x2) / (n1 + n2)
                se = math.sqrt(pool * (1 - pool) * (1 / n1 + 1 / n2))
                if se:
                    pvals.append(math.erfc(abs(x2 / n2 - x1 / n1) / se / math.sqrt(2)))
    m = len(pvals)
    return any(p * (m - r) < 0.05 for r, p in enumerate(sorted(pvals)))


def test_null_corpus_false_alarms_at_most_five_percent() -> None:
    coded = _corpus()
    rng = random.Random(2)
    alarms = naive = 0
    for _ in range(SHUFFLES):
        with Store(":memory:") as st:  # DuckDB in memory: a hundred stores, same schema and write path
            st.write(_shuffled(coded, rng))
            rep = balance(st, "KAZ", "RUS,WST,CHN", freq="month")
            alarms += bool(detect_shifts(rep))
            naive += _event_level_alarm(rep)
    print(f"null corpus: {alarms} of {SHUFFLES} shuffles report a shift; event-level tests: {naive}")
    assert alarms <= 0.05 * SHUFFLES
    assert naive > alarms  # the same data, tested as independent events, raises false alarms
