"""The Dask worker plugin of scale.py, apart so that importing scale (``multivector load``) needs no distributed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin


class Warm(WorkerPlugin):
    """spaCy, the lexicons and the client's user lexicon files loaded once per worker, when it starts."""

    name = "multivector-warm"

    def __init__(self, lexicon_files: tuple[str, ...]) -> None:
        self.lexicon_files = lexicon_files

    def setup(self, worker: Any) -> None:
        from .parallel import _init

        _init(os.getcwd(), tuple(f for f in self.lexicon_files if Path(f).is_file()))  # a remote worker may lack them
