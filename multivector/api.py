"""The Python API: the library calls the CLI makes, taking a store path (or an open :class:`Store`) and
plain values (dates as ``date`` or ``"YYYY-MM-DD"``). Imported lazily by ``multivector/__init__.py``::

    from multivector import Store, ingest, events, ties, balance, brief, ask, recode

Errors are :class:`multivector.errors.MultivectorError` subclasses whose message names the fix.
"""

from __future__ import annotations

import datetime as dt
import glob
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .analysis.records import BalanceReport
from .errors import UsageError
from .explain.ask import Answer
from .ingest.run import IngestReport
from .queries import list_events, list_ties, opened
from .recode import RecodeReport
from .store import Store

StoreLike = str | Path | Store | None


def _day(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} {value!r} is not a date; write YYYY-MM-DD") from None


def check_inputs(paths: Sequence[str | Path]) -> None:
    """UsageError for a path that does not exist or a glob that matches nothing (before any store is made)."""
    if not paths:
        raise UsageError("no input given; pass files, folders or glob patterns")
    for p in paths:
        if Path(p).exists():
            continue
        if glob.has_magic(str(p)):
            if not glob.glob(str(p), recursive=True):
                raise UsageError(f"{p}: the pattern matches no file; check the path or quote the pattern")
            continue
        raise UsageError(f"{p}: no such file or folder; check the path")


def ingest(paths: str | Path | Sequence[str | Path], store: str | Path | None = None, *,
           date: str | dt.date | None = None, batch_size: int = 64, n_process: int | None = 1,
           progress: bool = False) -> IngestReport:
    """Read articles (files, folders, globs) into the store; bad records are quarantined, never raised.

    A missing path raises UsageError before anything is written. Reruns add nothing twice.
    ``n_process`` None: 1 process below 1 MB of input, every core above (ingest.run.auto_processes);
    more than 1 starts worker processes, which import the calling script again: guard it with
    ``if __name__ == "__main__":``.
    """
    from .ingest.run import ingest_paths

    items = [paths] if isinstance(paths, str | Path) else list(paths)
    check_inputs(items)
    return ingest_paths(items, store, default_date=_day(date, "date"), batch_size=batch_size,
                        n_process=n_process, progress=progress)


def events(store: StoreLike = None, *, country: str | None = None, since: str | dt.date | None = None,
           until: str | dt.date | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Coded events, newest first, each a dict with id, date, dyad, CAMEO code, verb, sentence, article title/URL."""
    return list_events(store, country=country, since=_day(since, "since"), until=_day(until, "until"), limit=limit)


def ties(store: StoreLike = None, *, country: str | None = None, since: str | dt.date | None = None,
         until: str | dt.date | None = None, type: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Stative ties (``a`` depends on ``b`` for ``type``), newest first, with their evidence."""
    return list_ties(store, country=country, since=_day(since, "since"), until=_day(until, "until"), type=type,
                     limit=limit)


def balance(store: StoreLike, country: str, poles: str | Sequence[str] = "RUS,WST,CHN", *, freq: str = "month",
            since: str | dt.date | None = None, until: str | dt.date | None = None,
            poles_file: str | Path | None = None) -> BalanceReport:
    """How the country's engagement splits between poles per period (shares, counts, balance index, evidence)."""
    from .analysis import balance as balance_fn

    with opened(store) as st:
        return balance_fn(st, country, poles, freq=freq, since=_day(since, "since"), until=_day(until, "until"),
                          poles_file=poles_file)


def brief(store: StoreLike, country: str, poles: str | Sequence[str] = "RUS,WST,CHN", *, fmt: str = "md",
          since: str | dt.date | None = None, until: str | dt.date | None = None, freq: str = "month",
          poles_file: str | Path | None = None) -> str:
    """A cited briefing on the country between the poles, as md, html, json or text."""
    from .explain import brief as brief_fn

    with opened(store) as st:
        return brief_fn(st, country, poles, fmt=fmt, since=_day(since, "since"), until=_day(until, "until"),
                        freq=freq, poles_file=poles_file)


def ask(store: StoreLike, question: str, *, k: int = 3) -> Answer:
    """Answer a question with ranked, cited sentences (read-only; sentence embeddings are cached in memory)."""
    from .explain import ask as ask_fn

    with opened(store) as st:
        return ask_fn(st, question, k=k)


def recode(store: str | Path | None = None, *, everything: bool = False, dry_run: bool = False) -> RecodeReport:
    """Re-code stored articles coded with another coder or lexicon; see :mod:`multivector.recode`."""
    from .recode import recode as recode_fn

    return recode_fn(store, everything=everything, dry_run=dry_run)


def use_lexicons(*paths: str | Path) -> tuple[Path, ...]:
    """Put user lexicon files in force for this process (what ``--lexicon`` does); returns all in force."""
    from .user_lexicon import add_files

    return add_files(paths)
