"""Ingest orchestration: read -> skip known -> link near-duplicates -> code -> store, batch by batch.

Crash safety: every batch (articles, sentences, mentions, events, ties, MinHash signatures) is one
DuckDB transaction and article ids are content ids, so after a kill the rerun skips what was
committed and redoes the rest; nothing is lost or stored twice. Quarantine rows are idempotent
(one row per source and reason).

Isolation: readers put every failure of one file into its quarantine row (``iter_inputs``); an
article whose coding fails is quarantined by ``code_articles(on_error=...)``. Anything that still
escapes is a bug and becomes an InternalError naming the file being read (exit code 3).

Sharing: the store is held through :class:`~multivector.store.StoreWriter`, which lets readers
(``events``, ``serve``) in between batch commits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import InternalError, MultivectorError
from ..records import Article, BadRecord, CodedArticle
from ..store import Store, StoreWriter, default_store_path
from . import iter_inputs
from .common import DEFAULT_LIMITS, DEFAULT_MAX_BYTES, Limits, display
from .dedupe import StoryIndex
from .lang import NOT_ENGLISH
from .progress import Progress, survey

# Articles checked against the store per query: one query per 256 keeps the cheap skip cheap.
_KNOWN_CHUNK = 256
# Coded batches that may wait for their commit while readers hold the store (8 x 64 articles: ~1 MB).
_PENDING = 8
# A batch is also committed once it holds this much text (long articles come in 100,000-character parts:
# 64 of them with their sentences and mentions would hold ~100 MB until the commit).
_BATCH_CHARS = 2_000_000


@dataclasses.dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest did; ``quarantined`` excludes the non-English articles (counted apart)."""

    files: int
    articles_new: int
    articles_skipped_known: int
    duplicates_linked: int
    events: int
    ties: int
    quarantined: tuple[BadRecord, ...]
    non_english: int
    elapsed: float
    store: str = ""
    skipped_files: int = 0  # files in the folders given, in a format ingest does not read

    @property
    def ok(self) -> bool:
        """True when no input was quarantined."""
        return not self.quarantined


@dataclasses.dataclass(slots=True)
class _Tally:
    files: int = 0
    new: int = 0
    known: int = 0
    linked: int = 0
    events: int = 0
    ties: int = 0
    non_english: int = 0
    skipped: int = 0


# Input bytes from which worker processes pay (n_process=None picks all cores above, one below).
# Measured with bench/bench_scale.py (2 cores, news-length JSONL, ~3.4 KB an article): starting the
# workers costs ~8 s more than loading spaCy in the process, and 2 processes then code ~1.7x as fast;
# they break even near 300 articles (1 MB) and win from there. See bench/README.md.
PARALLEL_FROM_BYTES = 1_000_000


def auto_processes(input_bytes: int) -> int:
    """Processes that code ``input_bytes`` of input fastest: 1 below PARALLEL_FROM_BYTES, every core above."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if input_bytes < PARALLEL_FROM_BYTES else max(cores, 1)


def ingest_paths(
    paths: Sequence[str | Path],
    store_path: str | Path | None = None,
    *,
    default_date: dt.date | None = None,
    n_process: int | None = None,
    batch_size: int = 64,
    progress: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits | None = None,
) -> IngestReport:
    """Ingest files, folders and globs into the store; bad inputs are quarantined, never raised.

    ``limits`` (default ``Limits(max_bytes=max_bytes)``) bounds each input. A failure no guard
    caught is raised as InternalError naming the file being read when it happened. ``n_process``
    None: chosen by input size (``auto_processes``). ``progress``: total, percent, rate and ETA on
    stderr (a bar on a terminal, else a line every 30 s); the inputs are counted and sized first.
    """
    lim = limits if limits is not None else dataclasses.replace(DEFAULT_LIMITS, max_bytes=max_bytes)
    current = ["(before the first file)"]
    try:
        return _ingest(paths, store_path, default_date, n_process, batch_size, progress, lim, current)
    except (MultivectorError, KeyboardInterrupt):
        raise
    except Exception as exc:
        raise InternalError(current[0], exc) from exc


def _ingest(
    paths: Sequence[str | Path], store_path: str | Path | None, default_date: dt.date | None, n_process: int | None,
    batch_size: int, progress: bool, limits: Limits, current: list[str],
) -> IngestReport:
    t0 = time.perf_counter()
    tally = _Tally()
    bad: list[BadRecord] = []
    pending_bad: list[BadRecord] = []
    stories: dict[str, tuple[str, bytes]] = {}  # article id -> (story id, signature) until stored
    seen: set[str] = set()
    sized = survey(paths, count=progress) if progress or n_process is None else None
    procs = n_process if n_process is not None else auto_processes(sized.bytes if sized else 0)
    bar = Progress(sized.articles if sized else 0, enabled=progress)

    def on_file(path: Path) -> None:
        tally.files += 1
        current[0] = display(str(path))
        bar.set_file(current[0])

    def on_skip(path: Path) -> None:
        tally.skipped += 1

    def failed(article: Article, exc: Exception) -> None:
        """An article whose coding failed: quarantined with the error, the batch goes on."""
        first = (str(exc).splitlines() or [""])[0][:160]
        stories.pop(article.id, None)
        rec = BadRecord(display(article.source), display(
            f"article {article.id} could not be coded ({type(exc).__name__}: {first}); the rest of the batch "
            "went on; report it with the file"))
        bad.append(rec)
        pending_bad.append(rec)

    with StoreWriter(Path(store_path) if store_path is not None else default_store_path()) as writer:
        with writer.session() as st:
            index = StoryIndex.from_rows(st.signatures())

        def fresh() -> Iterator[Article]:
            """Articles not stored yet, each assigned to a story before it is parsed."""
            items = iter_inputs(paths, default_date=default_date, limits=limits, on_file=on_file, on_skip=on_skip)
            while chunk := list(itertools.islice(items, _KNOWN_CHUNK)):
                arts: list[Article] = []
                for it in chunk:
                    if isinstance(it, BadRecord):
                        pending_bad.append(it)
                        if it.reason.startswith(NOT_ENGLISH):
                            tally.non_english += 1
                        else:
                            bad.append(it)
                    elif it.id in seen:
                        tally.known += 1
                    else:
                        seen.add(it.id)
                        arts.append(it)
                with writer.try_session() as st:  # a shortcut only: write() skips stored ids anyway
                    known = st.known_ids([a.id for a in arts]) if st is not None else set(index.story) & seen
                bar.update(tally.new + tally.known + len(bad) + tally.non_english + len(known))
                for a in arts:
                    if a.id in known:
                        tally.known += 1
                        continue
                    stories[a.id] = index.assign(a.id, a.text)
                    yield a

        batch: list[CodedArticle] = []
        pending: list[list[CodedArticle]] = []  # coded batches waiting for their commit

        def commit(st: Store) -> None:
            for b in pending:
                sigs = {c.article.id: stories.pop(c.article.id)[1] for c in b}
                stored = st.known_ids(list(sigs))  # stored meanwhile, or not checked before coding (busy store)
                fresh_b = [c for c in b if c.article.id not in stored]
                st.write(fresh_b, signatures=sigs)
                tally.new += len(fresh_b)
                tally.known += len(b) - len(fresh_b)
                tally.events += sum(len(c.events) for c in fresh_b)
                tally.ties += sum(len(c.ties) for c in fresh_b)
            pending.clear()
            st.quarantine(pending_bad)
            pending_bad.clear()

        def flush(last: bool = False) -> None:
            """Commit the coded batches, one transaction each. While readers hold the store, up to
            _PENDING batches wait and coding goes on, so a busy server costs one turn per _PENDING batches."""
            if batch:
                pending.append(list(batch))
                batch.clear()
            if last or len(pending) >= _PENDING or sum(len(c.article.text) for b in pending for c in b) >= 4 * _BATCH_CHARS:
                with writer.session() as st:
                    commit(st)
            else:
                with writer.try_session() as maybe:
                    if maybe is not None:
                        commit(maybe)
            bar.update(tally.new + tally.known + len(bad) + tally.non_english)

        with bar:
            todo = fresh()
            first = next(todo, None)  # nothing new (a rerun): no need to load spaCy at all
            batch_chars = 0
            coded_iter: Iterable[CodedArticle] = ()
            if first and procs > 1:
                from ..parallel import code_parallel  # worker processes: only records cross, never Docs

                coded_iter = code_parallel(itertools.chain([first], todo), n_process=procs, on_error=failed)
            elif first:
                from ..pipeline import code_articles  # spaCy (and torch) load only where coding runs

                coded_iter = code_articles(itertools.chain([first], todo), batch_size=batch_size, on_error=failed)
            for coded in coded_iter:
                story = stories[coded.article.id][0]
                if story != coded.article.id:
                    # A later copy: listed as a source of the story, its events are the canonical's.
                    coded = dataclasses.replace(coded, story_id=story, events=(), ties=())
                    tally.linked += 1
                batch.append(coded)
                batch_chars += len(coded.article.text)
                if len(batch) >= batch_size or batch_chars >= _BATCH_CHARS:
                    flush()
                    batch_chars = 0
            flush(last=True)
    return IngestReport(
        files=tally.files, articles_new=tally.new, articles_skipped_known=tally.known, duplicates_linked=tally.linked,
        events=tally.events, ties=tally.ties, quarantined=tuple(bad), non_english=tally.non_english,
        elapsed=time.perf_counter() - t0, store=str(writer.path), skipped_files=tally.skipped,
    )


def read_quarantine(store_path: str | Path | None = None) -> list[BadRecord]:
    """Every quarantined input of the store, oldest first."""
    with Store(store_path, read_only=True) as store:
        return [BadRecord(r["source"], r["reason"]) for r in store.quarantined()]
