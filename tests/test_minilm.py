"""The NumPy MiniLM (explain/minilm.py) computes the embeddings sentence-transformers computes, so `ask` may use
either: the same vectors to float32 precision, on short, long (truncated at 256 tokens), empty-ish and
non-ASCII sentences, one at a time and in mixed-length batches."""

from __future__ import annotations

import numpy as np
import pytest

from multivector.explain import retrieval
from multivector.explain.minilm import load

TEXTS = [
    "Why is Kazakhstan important to Russia?",
    "Kazakh President Kassym-Jomart Tokayev received Chinese President Xi Jinping in the capital on Tuesday.",
    "a",
    "Ünïcödé — “quotes”, 1,000 numbers and an em dash.",
    " ".join(["pipeline"] * 400),  # longer than the model's 256 tokens: truncated the same way
    "Tajikistan protested to Russia on Thursday over the treatment of Tajik migrant workers.",
]


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    return np.asarray(retrieval.embedder().encode(TEXTS, normalize_embeddings=True, batch_size=64,
                                                  show_progress_bar=False), dtype=np.float32)


def test_numpy_minilm_matches_sentence_transformers(reference: np.ndarray) -> None:
    ours = load().encode(TEXTS)
    assert ours.shape == reference.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert (ours * reference).sum(1).min() > 0.99999
    assert np.abs(ours - reference).max() < 1e-5
    one_by_one = np.vstack([load().encode([t]) for t in TEXTS])  # padding in a batch changes nothing
    assert np.abs(one_by_one - ours).max() < 1e-5


def test_embed_uses_numpy_for_a_few_texts_and_memoises(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = load().encode
    monkeypatch.setattr(load(), "encode", lambda texts, **kw: calls.append(len(texts)) or real(texts, **kw))
    retrieval.embedder.cache_clear()  # as in a fresh CLI process: the torch model is not loaded
    retrieval._MEMO.clear()
    a = retrieval.embed(["Why does Russia matter to Kazakhstan?", "Why does Russia matter to Kazakhstan?"])
    b = retrieval.embed(["Why does Russia matter to Kazakhstan?"])
    assert calls == [1] and np.array_equal(a[0], b[0]) and np.array_equal(a[0], a[1])
    assert retrieval.embedder.cache_info().currsize == 0  # sentence-transformers was never loaded
