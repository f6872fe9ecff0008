"""The server's store access: one read-only DuckDB instance shared by all request threads.

Opening DuckDB costs ~80 ms and holds the file; a cursor on an open instance costs ~0.4 ms. So the
server keeps one instance open and gives each request its own cursor, while it is alone with the
store. When a writer waits (``ingest`` holds the writer-waiting byte, see ``locking.py``), new
requests are held back, the requests in flight finish, the instance is closed and the writer goes
ahead; the next request reopens it after the commit and sees the whole new batch. A watcher thread
notices a waiting writer while the server is idle. Each request's queries are interrupted after
``budget`` seconds (DuckDB ``interrupt``), so no request holds the store, or a thread, for long.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..locking import READ_WAIT, StoreLock
from ..store import Store, connect

# Seconds a request's queries may run: a brief over ten years of a busy country takes ~1 s here.
DEFAULT_BUDGET = 10.0


class ReadPool:
    """Shared read access to one store for a multi-threaded server; see the module docstring."""

    def __init__(self, path: Path, *, wait: float = READ_WAIT, budget: float = DEFAULT_BUDGET, poll: float = 0.02) -> None:
        self.path = path
        self.wait = wait
        self.budget = budget
        self.opened = 0  # how many times the instance was (re)opened
        self._lock = StoreLock(path)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._opening = False
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch, args=(poll,), name="store-readers", daemon=True)
        self._watcher.start()

    def _close(self) -> None:
        """Close the instance and let a writer in (caller holds the condition, no user is left)."""
        if self._con is not None:
            self._con.close()
            self._con = None
        self._lock.release()
        self._cond.notify_all()

    def _watch(self, poll: float) -> None:
        while not self._stop.wait(poll):
            with self._cond:
                if self._con is not None and self._users == 0 and self._lock.writer_waiting():
                    self._close()

    def _checkout(self) -> duckdb.DuckDBPyConnection:
        """A cursor on the open instance, opening it (after any waiting writer) when needed."""
        with self._cond:
            while True:
                if self._con is not None:
                    if not self._lock.writer_waiting():
                        self._users += 1
                        return self._con.cursor()
                    if self._users == 0:  # a writer waits and nobody uses the instance: hand it over
                        self._close()
                        continue
                    self._cond.wait(0.05)  # drain: requests in flight finish first
                elif self._opening:
                    self._cond.wait(0.05)
                else:
                    self._opening = True
                    break
        try:
            self._lock.acquire_read(self.wait)
            try:
                con = connect(self.path, read_only=True, wait=self.wait)
            except BaseException:
                self._lock.release()
                raise
        except BaseException:
            with self._cond:
                self._opening = False
                self._cond.notify_all()
            raise
        with self._cond:
            self._con, self._opening = con, False
            self.opened += 1
            self._users += 1
            self._cond.notify_all()
            return con.cursor()

    def _checkin(self, cursor: duckdb.DuckDBPyConnection) -> None:
        cursor.close()
        with self._cond:
            self._users -= 1
            if self._users == 0 and self._lock.writer_waiting():
                self._close()
            self._cond.notify_all()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A read-only Store over a fresh cursor for one request, interrupted after ``budget`` seconds."""
        cursor = self._checkout()
        timer = threading.Timer(self.budget, cursor.interrupt)
        timer.daemon = True
        timer.start()
        try:
            yield Store.attach(self.path, cursor)
        finally:
            timer.cancel()
            self._checkin(cursor)

    def close(self) -> None:
        """Stop the watcher and close the instance (server shutdown)."""
        self._stop.set()
        self._watcher.join()
        with self._cond:
            if self._con is not None:
                self._close()
        self._lock.close()
