"""Who may open a store file when: many readers or one writer at a time, and neither starves.

DuckDB lets one process open a file read-write, or any number read-only, never both; a second
process that tries gets an error at once. multivector processes therefore take turns through a
lock file beside the store (``<store>.lock``) before they open it, with three one-byte Linux
open-file-description locks (``F_OFD_SETLK``: per open file, so two stores in one process are two
parties, and the kernel drops them when a process dies, even by SIGKILL):

* byte 0, **access**: shared by readers, exclusive for the writer, held while DuckDB is open;
* byte 1, **writer waiting**: the writer holds it from the moment it wants access until it lets go;
  readers do not start while it is held, so a busy dashboard cannot starve an ingest;
* byte 2, **readers waiting**: a reader that cannot get in holds it (shared); ``ingest`` checks it
  after every batch commit and, when someone waits, closes its connection and lets them in.

So ``ingest`` holds the store between batches only while nobody else asks for it, each batch is one
transaction (readers see whole batches only), readers wait at most about one batch commit, and a
long-lived reader (``serve``) closes its connection whenever a writer waits (see ``web.pool``).

Without the lock file (a read-only folder) or without OFD locks (not Linux), opening falls back to
DuckDB's own lock with retries, as foreign DuckDB processes (the duckdb CLI) are handled anyway.
"""

from __future__ import annotations

import errno
import fcntl
import os
import struct
import time
from pathlib import Path

from .errors import StoreBusyError

ACCESS, WRITER_WAITING, READERS_WAITING = 0, 1, 2
# Readers wait up to a minute (ingest lets them in within one batch commit; a minute means a stuck
# writer); a writer waits ten (behind long briefs and another ingest). Polling starts at 5 ms and
# backs off to 50 ms: lock calls cost microseconds, the waits they cover are 10-1,000 ms.
READ_WAIT = 60.0
WRITE_WAIT = 600.0
_POLL_MIN, _POLL_MAX = 0.005, 0.05

_SETLK = getattr(fcntl, "F_OFD_SETLK", None)


def lock_path(store: Path) -> Path:
    """The lock file beside a store: ``kaz.duckdb`` -> ``kaz.duckdb.lock``."""
    return store.with_name(store.name + ".lock")


class StoreLock:
    """The turn-taking protocol above for one store file; a no-op when it cannot be set up."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self.file = lock_path(store)
        self.fd: int | None = None
        self.held: str | None = None  # "read" | "write" while access is held
        if _SETLK is None or str(store) == ":memory:":
            return
        for flags in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):
            try:
                self.fd = os.open(self.file, flags | os.O_CLOEXEC, 0o666)
                break
            except OSError:
                continue

    # -- primitives ------------------------------------------------------------------------
    def _set(self, byte: int, kind: int) -> bool:
        """Try to set (or clear, F_UNLCK) one byte's lock without waiting; False when another holder conflicts."""
        if self.fd is None or _SETLK is None:
            return True
        try:
            fcntl.fcntl(self.fd, _SETLK, struct.pack("hhqqii", kind, os.SEEK_SET, byte, 1, 0, 0))
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return False
            if exc.errno == errno.EBADF and kind == fcntl.F_WRLCK:  # lock file opened read-only
                return True
            self.close()  # locks unsupported here (EINVAL on some file systems): DuckDB's own lock only
        return True

    def _unset(self, byte: int) -> None:
        self._set(byte, fcntl.F_UNLCK)

    # -- what the other side is doing ------------------------------------------------------
    def writer_waiting(self) -> bool:
        """True when a writer wants the store (readers holding it should let go soon)."""
        if self._set(WRITER_WAITING, fcntl.F_RDLCK):
            self._unset(WRITER_WAITING)
            return False
        return True

    def readers_waiting(self) -> bool:
        """True when a reader is waiting to get in (the writer should let go after its commit)."""
        if self._set(READERS_WAITING, fcntl.F_WRLCK):
            self._unset(READERS_WAITING)
            return False
        return True

    # -- taking turns ------------------------------------------------------------------------
    def acquire_read(self, timeout: float = READ_WAIT) -> None:
        """Shared access, once no writer waits; StoreBusyError after ``timeout`` seconds."""
        deadline, pause, announced = time.monotonic() + timeout, _POLL_MIN, False
        try:
            while True:
                if not self.writer_waiting() and self._set(ACCESS, fcntl.F_RDLCK):
                    self.held = "read"
                    return
                if not announced:
                    announced = self._set(READERS_WAITING, fcntl.F_RDLCK)
                if time.monotonic() > deadline:
                    raise StoreBusyError(str(self.store), timeout, "a writer holds it")
                time.sleep(pause)
                pause = min(pause * 2, _POLL_MAX)
        finally:
            if announced:
                self._unset(READERS_WAITING)

    def acquire_write(self, timeout: float = WRITE_WAIT) -> None:
        """Exclusive access: first the writer-waiting byte (holds readers off), then access itself.

        With ``timeout`` 0 it only tries, access first, so that a writer with other work to do (``ingest``
        between batches) never raises the writer-waiting flag and makes readers close for nothing.
        """
        if timeout <= 0:
            if self._set(ACCESS, fcntl.F_WRLCK):
                if self._set(WRITER_WAITING, fcntl.F_WRLCK):
                    self.held = "write"
                    return
                self._unset(ACCESS)
            raise StoreBusyError(str(self.store), 0, "readers hold it")
        deadline, pause = time.monotonic() + timeout, _POLL_MIN
        for byte in (WRITER_WAITING, ACCESS):
            while not self._set(byte, fcntl.F_WRLCK):
                if time.monotonic() > deadline:
                    if byte == ACCESS:
                        self._unset(WRITER_WAITING)
                    raise StoreBusyError(str(self.store), timeout, "other multivector processes hold it")
                time.sleep(pause)
                pause = min(pause * 2, _POLL_MAX)
        self.held = "write"

    def release(self) -> None:
        """Give up access (and, for a writer, the waiting byte)."""
        if self.held is None:
            return
        self._unset(ACCESS)
        if self.held == "write":
            self._unset(WRITER_WAITING)
        self.held = None

    def close(self) -> None:
        """Release everything and close the lock file (the kernel drops the locks with it)."""
        self.held = None
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)
