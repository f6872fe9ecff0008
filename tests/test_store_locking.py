"""Turn-taking on a store file (locking.py): readers share, a writer is alone, neither starves, kills free it."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from multivector.errors import StoreBusyError
from multivector.store import Store, StoreWriter
from multivector.web.pool import ReadPool


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        s.con.execute("CREATE TABLE t (i INTEGER)")
    return path


def _in_thread(fn) -> tuple[threading.Thread, list[object]]:  # type: ignore[no-untyped-def]
    out: list[object] = []

    def run() -> None:
        try:
            out.append(fn())
        except Exception as exc:  # noqa: BLE001 - handed to the test
            out.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t, out


def test_readers_share_and_a_writer_waits_for_them(db: Path) -> None:
    r1, r2 = Store(db, read_only=True), Store(db, read_only=True)
    got_in: list[float] = []

    def write() -> int:
        with Store(db, wait=20) as w:
            got_in.append(time.monotonic())
            w.con.execute("INSERT INTO t VALUES (1)")
        return 1

    t, out = _in_thread(write)
    time.sleep(0.5)
    assert not got_in  # both readers still hold the store
    with pytest.raises(StoreBusyError):  # a writer waits: new readers hold back (no starving it)
        Store(db, read_only=True, wait=0.3)
    released = time.monotonic()
    r1.close()
    r2.close()
    t.join(20)
    assert out == [1] and got_in[0] >= released
    with Store(db, read_only=True) as r:
        assert r.query("SELECT count(*) AS n FROM t")[0]["n"] == 1


def test_ingest_writer_lets_a_waiting_reader_in_between_commits(db: Path) -> None:
    with StoreWriter(db) as writer:
        with writer.session() as st:
            st.con.execute("INSERT INTO t VALUES (1)")
        t0 = time.monotonic()
        with Store(db, read_only=True, wait=10) as r:  # the writer holds the store but lets us in
            waited = time.monotonic() - t0
            assert r.query("SELECT count(*) AS n FROM t")[0]["n"] == 1
            with writer.try_session() as maybe:
                assert maybe is None  # busy: ingest codes on instead of waiting
            # ... and trying did not raise the writer-waiting flag: other readers still get in
            with Store(db, read_only=True, wait=0.5):
                pass
        assert waited < 5
        with writer.session() as st:  # the reader is gone: the writer takes the store back
            st.con.execute("INSERT INTO t VALUES (2)")
        assert writer.opened == 2


def test_a_killed_writer_frees_the_store(db: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from multivector.store import Store; s = Store(sys.argv[1]); "
         "print('in', flush=True); time.sleep(600)", str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "in"
        with pytest.raises(StoreBusyError):
            Store(db, read_only=True, wait=0.5)
        child.kill()
        child.wait(10)
        with Store(db, read_only=True, wait=5):
            pass  # the kernel dropped the kill -9'd writer's locks
    finally:
        child.kill()


def test_server_pool_hands_the_store_to_a_writer_and_sees_its_commit(db: Path) -> None:
    pool = ReadPool(db, wait=20)
    try:
        with pool.store() as s:
            assert s.query("SELECT count(*) AS n FROM t")[0]["n"] == 0
        t, out = _in_thread(lambda: _insert(db, 5))
        t.join(20)  # the pool is idle: its watcher closes the instance for the waiting writer
        assert out == [5]
        with pool.store() as s:  # reopened after the commit: sees the whole batch
            assert s.query("SELECT count(*) AS n FROM t")[0]["n"] == 5
        assert pool.opened == 2
    finally:
        pool.close()


def _insert(db: Path, n: int) -> int:
    with Store(db, wait=20) as w:
        w.con.execute(f"INSERT INTO t SELECT range FROM range({n})")
    return n


def test_a_request_query_is_stopped_at_the_time_budget(db: Path) -> None:
    import duckdb

    pool = ReadPool(db, budget=0.5)
    try:
        t0 = time.monotonic()
        with pytest.raises(duckdb.InterruptException), pool.store() as s:
            s.con.execute("SELECT sum(range * range) FROM range(100000000000)").fetchall()  # hours of work
        assert time.monotonic() - t0 < 30
        with pool.store() as s:  # the next request is not affected
            assert s.query("SELECT count(*) AS n FROM t")[0]["n"] == 0
    finally:
        pool.close()
