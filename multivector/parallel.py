"""Process-parallel coding: worker processes code chunks of Article records and return CodedArticle records.

Only records cross the process boundary (an Article of a few KB out, its CodedArticle back), never
spaCy Docs: spaCy's own ``nlp.pipe(n_process=...)`` ships every parsed Doc back to the parent, where
the coder then runs on one core; that made 2 processes about 2x slower than 1 (issue 10). Here each
worker (spawned by a ``forkserver``, so no thread or DuckDB connection of the parent is forked) loads
the spaCy model, the lexicons and the user lexicon files in force once (the fork server loads them
and workers fork from it warm), then runs the whole
``pipeline.code_articles`` on its chunk.

The parent keeps everything that must see articles in input order: reading, exact and near-duplicate
dedupe (stories are assigned before an article is dispatched) and the store writes. Results come back
in input order, so a run with N processes stores the same rows as a run with one.

Failures: an article whose coding raises is reported to ``on_error`` with the worker's exception type
and message (as in one process); a worker that dies (killed, out of memory, a crash in native code)
breaks the pool: a new pool codes the chunks that were in flight one article at a time, so only an
article that kills its worker again is reported (``WorkerDied``), the rest are coded.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import resource
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from .records import Article, CodedArticle

# Articles per task: 32 news-length articles (25 sentences) are ~1.5 s of a worker's time against a
# few ms of pickling both ways (an Article out, its CodedArticle back, ~10-30 KB each), and 5,000
# articles make ~150 tasks, so the last ones leave a worker idle for under a second.
# bench/bench_scale.py --chunks 8,32,128 measures the choice.
CHUNK_ARTICLES = 32
# Characters per task at most: long articles come in 100,000-character parts (ingest.common.split_long);
# 4 of them are a few seconds of work and keep a chunk's docs and records small.
CHUNK_CHARS = 400_000
# Chunks queued per worker: one being coded, one waiting, so a worker never waits for the parent.
IN_FLIGHT_PER_WORKER = 2

# coded articles, failures (article id, error type, message), and the worker's (pid, peak RSS in KB,
# CPU seconds) so far
Result = tuple[list[CodedArticle], list[tuple[str, str, str]], tuple[int, int, float]]
Work = Callable[[list[Article]], Result]


# What the workers of this process's runs reported: peak RSS (KB) of the largest, CPU seconds by pid.
# Benchmarks read it: workers are children of the fork server, so the parent's rusage does not see them.
stats: dict[str, Any] = {"worker_peak_rss_kb": 0, "worker_cpu_s": {}}


class WorkerDied(RuntimeError):
    """The worker process coding an article died (killed, out of memory, a crash in native code)."""


_warmed: list[tuple[str, tuple[str, ...]]] = []  # (cwd, user lexicon files) this process has loaded


def warm() -> None:
    """Load spaCy and every lexicon (the user files in force) in this process: code one sentence."""
    import datetime as dt

    from .pipeline import code_article
    from .user_lexicon import extra_lexicon_files

    code_article(Article.make("Kazakhstan hosted China's president in Astana.", dt.date(2024, 1, 1)))
    _warmed[:] = [(os.getcwd(), tuple(str(p) for p in extra_lexicon_files()))]


def _init(cwd: str, lexicon_files: tuple[str, ...]) -> None:
    """Worker start: the parent's folder and user lexicons in force; loaded again only if they differ
    from what the fork server loaded (workers fork from it warm)."""
    from . import user_lexicon

    if os.path.isdir(cwd):
        os.chdir(cwd)  # config files (multivector.toml) are found from the working folder
    os.environ[user_lexicon.ENV] = os.pathsep.join(lexicon_files)
    if _warmed != [(os.getcwd(), tuple(str(p) for p in user_lexicon.extra_lexicon_files()))]:
        user_lexicon.clear_caches()
        warm()


def code_chunk(articles: list[Article]) -> Result:
    """Code a chunk in this process (runs in a worker): coded articles in order, and the failures."""
    from .pipeline import code_articles

    failures: list[tuple[str, str, str]] = []

    def failed(a: Article, exc: Exception) -> None:
        failures.append((a.id, type(exc).__name__, str(exc)))

    coded = list(code_articles(articles, batch_size=64, on_error=failed))
    use = resource.getrusage(resource.RUSAGE_SELF)
    return coded, failures, (os.getpid(), use.ru_maxrss, use.ru_utime + use.ru_stime)


def _error(name: str, message: str) -> Exception:
    """The worker's exception for ``on_error``: same type name and message as in one process."""
    cls = type(name, (Exception,), {"__module__": __name__})
    return cls(message)


def _start_fork_server(ctx: Any) -> None:
    """Start the fork server warm: it imports spaCy (and torch, through thinc: ~3 s) and loads the model
    and lexicons once, and every worker forks from it ready (measured: first results ~9 s -> ~4 s).

    Python 3.11's fork server imports its preloads before it takes the parent's sys.path, so the
    folder this package comes from goes on its PYTHONPATH (else it could import another checkout).
    """
    from multiprocessing import forkserver

    ctx.set_forkserver_preload(["multivector._forkwarm"])
    root = str(Path(__file__).resolve().parents[1])
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([root, before] if before else [root])
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before


class _Pool:
    """A process pool that can be replaced when a worker dies."""

    def __init__(self, n: int, work: Work) -> None:
        from .user_lexicon import extra_lexicon_files

        self.n, self.work = n, work
        self.files = tuple(str(p) for p in extra_lexicon_files())
        self.ex = self._new()

    def _new(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("forkserver")
        _start_fork_server(ctx)
        return ProcessPoolExecutor(self.n, mp_context=ctx, initializer=_init, initargs=(os.getcwd(), self.files))

    def submit(self, chunk: list[Article]) -> Future[Result]:
        return self.ex.submit(self.work, chunk)

    def renew(self) -> None:
        self.ex.shutdown(wait=True, cancel_futures=True)
        self.ex = self._new()

    def close(self) -> None:
        self.ex.shutdown(wait=True, cancel_futures=True)


def _chunks(articles: Iterable[Article], size: int, chars: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    n = 0
    for a in articles:
        chunk.append(a)
        n += len(a.text)
        if len(chunk) >= size or n >= chars:
            yield chunk
            chunk, n = [], 0
    if chunk:
        yield chunk


def code_parallel(
    articles: Iterable[Article], *, n_process: int = 2, chunk_size: int | None = None,
    on_error: Callable[[Article, Exception], None] | None = None, work: Work = code_chunk,
) -> Iterator[CodedArticle]:
    """Code articles on ``n_process`` worker processes; CodedArticles in input order.

    ``articles`` is read lazily, at most ``n_process * IN_FLIGHT_PER_WORKER`` chunks ahead, so memory
    stays flat. Without ``on_error`` the first failure is raised (as ``code_articles`` does).
    ``chunk_size`` defaults to CHUNK_ARTICLES. ``work`` codes one chunk in a worker (a module-level function; tests pass one that fails).
    """
    pool = _Pool(max(1, n_process), work)
    window = max(1, n_process) * IN_FLIGHT_PER_WORKER
    flight: collections.deque[tuple[list[Article], Future[Result]]] = collections.deque()
    chunks = _chunks(articles, chunk_size or CHUNK_ARTICLES, CHUNK_CHARS)

    def report(chunk: list[Article], res: Result) -> Iterator[CodedArticle]:
        by_id = {a.id: a for a in chunk}
        pid, rss, cpu = res[2]
        stats["worker_peak_rss_kb"] = max(stats["worker_peak_rss_kb"], rss)
        stats["worker_cpu_s"][pid] = cpu
        for aid, name, message in res[1]:
            exc = _error(name, message)
            if on_error is None:
                raise exc
            on_error(by_id[aid], exc)
        yield from res[0]

    def one_by_one(pending: list[list[Article]]) -> Iterator[CodedArticle]:
        """After a worker died: each article alone in a new pool; one that kills it again is reported."""
        pool.renew()
        for chunk in pending:
            for a in chunk:
                try:
                    res = pool.submit([a]).result()
                except BrokenProcessPool:
                    pool.renew()
                    exc = WorkerDied(f"the worker process coding article {a.id} died (killed, out of memory "
                                     "or a crash in native code)")
                    if on_error is None:
                        raise exc from None
                    on_error(a, exc)
                    continue
                yield from report([a], res)

    try:
        more = True
        while more or flight:
            while more and len(flight) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                    break
                flight.append((chunk, pool.submit(chunk)))
            if not flight:
                break
            chunk, fut = flight.popleft()
            try:
                res = fut.result()
            except BrokenProcessPool:
                pending = [chunk] + [c for c, _ in flight]
                flight.clear()
                yield from one_by_one(pending)
                continue
            yield from report(chunk, res)
    finally:
        pool.close()
