"""The embedded DuckDB store: articles, sentences, mentions, events, ties, quarantine.

Each batch of coded articles is written in one transaction with bulk inserts
(Arrow tables), so a kill mid-ingest leaves whole articles or none; article ids
are content ids, so a rerun skips what is already there.

An ``events`` row is one coded mention; it carries its event time (``event_date``,
``date_precision``, ``timing`` new | recent | background, ``time_text``: multivector.identity.timing)
and table ``clusters`` maps it to its event and its interaction (multivector.identity.clusters),
updated in the same transaction as the write.

Opening takes a turn on the store's lock file first (``locking.py``: many readers or one
writer, neither starved), then connects, retrying while a foreign DuckDB process holds the
file. :class:`StoreWriter` is the ingest's connection: open while it works, closed between
commits whenever a reader waits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .errors import StoreBusyError, StoreError
from .identity import update as identity
from .locking import READ_WAIT, WRITE_WAIT, StoreLock
from .records import BadRecord, CodedArticle, Event, Tie

DEFAULT_STORE = "multivector.duckdb"
SCHEMA_VERSION = 2  # 2: event time columns and the clusters table

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, date DATE NOT NULL, title VARCHAR, url VARCHAR, source VARCHAR,
    text VARCHAR, lang VARCHAR, faq JSON, story_id VARCHAR, ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR, idx INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR, sentence_idx INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
    code VARCHAR, role VARCHAR, kind VARCHAR, rule VARCHAR, antecedent VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, date DATE, sentence_idx INTEGER,
    start_char INTEGER, end_char INTEGER, source VARCHAR, source_role VARCHAR,
    target VARCHAR, target_role VARCHAR, code VARCHAR, root VARCHAR, quad_class INTEGER,
    goldstein DOUBLE, plover_type VARCHAR, plover_mode VARCHAR, pattern VARCHAR,
    confidence DOUBLE, speaker VARCHAR, source_text VARCHAR, target_text VARCHAR, note VARCHAR,
    event_date DATE, date_precision VARCHAR, timing VARCHAR, time_text VARCHAR
);
CREATE TABLE IF NOT EXISTS ties (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, date DATE, sentence_idx INTEGER,
    start_char INTEGER, end_char INTEGER, a VARCHAR, b VARCHAR, type VARCHAR,
    pattern VARCHAR, confidence DOUBLE, note VARCHAR
);
CREATE TABLE IF NOT EXISTS quarantine (source VARCHAR, reason VARCHAR, "at" TIMESTAMP);
CREATE TABLE IF NOT EXISTS minhash (article_id VARCHAR PRIMARY KEY, sig BLOB);
CREATE TABLE IF NOT EXISTS coding (article_id VARCHAR PRIMARY KEY, fingerprint VARCHAR, coded_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS clusters (
    kind VARCHAR, mention_id VARCHAR, cluster_id VARCHAR, PRIMARY KEY (kind, mention_id)
);
"""
# Schema 1 stores get the event time columns (filled from their sentences on first writable open).
MIGRATE = """
ALTER TABLE events ADD COLUMN IF NOT EXISTS event_date DATE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS date_precision VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS timing VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS time_text VARCHAR;
"""

# Column order of each bulk-written table; Arrow tables are built in this order.
EVENT_COLUMNS = (
    "id article_id date sentence_idx start_char end_char source source_role target target_role code root "
    "quad_class goldstein plover_type plover_mode pattern confidence speaker source_text target_text note"
).split() + list(identity.TIME_COLUMNS)
TIE_COLUMNS = "id article_id date sentence_idx start_char end_char a b type pattern confidence note".split()


def default_store_path() -> Path:
    """The store path: $MULTIVECTOR_STORE, else ./multivector.duckdb."""
    return Path(os.environ.get("MULTIVECTOR_STORE", DEFAULT_STORE))


def _row(rec: Event | Tie, columns: Sequence[str]) -> dict[str, Any]:
    # fields one level deep: records hold only scalars, and asdict's deep copies cost a quarter of the rows' time
    d = {f.name: getattr(rec, f.name) for f in dataclasses.fields(rec)}
    d["id"] = rec.id
    d["sentence_idx"] = d.pop("sentence_index")
    d["start_char"] = d.pop("start")
    d["end_char"] = d.pop("end")
    return {k: d[k] for k in columns if k in d}


def event_rows(coded: Iterable[CodedArticle]) -> list[dict[str, Any]]:
    """Flatten events into store/export rows (one dict per event, EVENT_COLUMNS keys, event time included)."""
    out = []
    for c in coded:
        sents = {s.index: s for s in c.sentences}
        for e in c.events:
            row = _row(e, EVENT_COLUMNS)
            s = sents.get(e.sentence_index)
            row.update(identity.time_columns(s.text if s else None, s.start if s else 0, e.start, e.end,
                                             c.article.date, e.pattern, e.source, e.target, e.root))
            out.append(row)
    return out


def tie_rows(coded: Iterable[CodedArticle]) -> list[dict[str, Any]]:
    """Flatten ties into store/export rows (TIE_COLUMNS keys)."""
    return [_row(t, TIE_COLUMNS) for c in coded for t in c.ties]


def _lock_conflict(exc: duckdb.Error) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def connect(path: Path, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection, retried for ``wait`` seconds while another process holds the file."""
    deadline, pause = time.monotonic() + wait, 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:  # locked by a foreign process, or not a DuckDB file
            first = str(exc).splitlines()[0]
            if not _lock_conflict(exc):
                raise StoreError(str(path), f"cannot open ({first})",
                                 "check that it is a multivector store, or pass another --store") from exc
            if time.monotonic() > deadline:
                raise StoreBusyError(str(path), wait, first.split(": ", 1)[-1][:200]) from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


class Store:
    """A DuckDB file holding everything multivector knows; use as a context manager.

    Opening waits its turn (readers share, a writer is alone; see ``locking.py``) for at most
    ``wait`` seconds (default one minute to read, ten to write), then raises StoreBusyError.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False, wait: float | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        if read_only and not self.path.exists():
            raise StoreError(str(self.path), "no such store", "run `multivector ingest PATH` or `multivector demo` first, or pass --store")
        if not read_only and not self.path.parent.is_dir():  # never create folders for a mistyped --store
            raise StoreError(str(self.path), f"folder {self.path.parent} does not exist", "create it first or pass another --store")
        self.read_only = read_only
        self._lock: StoreLock | None = StoreLock(self.path)
        wait = (READ_WAIT if read_only else WRITE_WAIT) if wait is None else wait
        try:
            if read_only:
                self._lock.acquire_read(wait)
            else:
                self._lock.acquire_write(wait)
            self.con = connect(self.path, read_only=read_only, wait=wait)
        except BaseException:
            self._lock.close()
            raise
        try:
            if not read_only:
                self.con.execute(SCHEMA)
                self._migrate()
            else:
                self._check_schema()
        except BaseException:  # an old or foreign file: give the turn back before saying so
            self.close()
            raise

    def _migrate(self) -> None:
        """Bring an older store to SCHEMA_VERSION: add columns, fill event time, cluster every mention."""
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is not None and int(row[0]) >= SCHEMA_VERSION:
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(MIGRATE)
            identity.fill_time(self.con)
            identity.cluster(self.con)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _check_schema(self) -> None:
        """A read-only store written by an older multivector cannot answer: say how to upgrade it."""
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error:
            return  # not a multivector store (yet): the first query will say what is missing
        if row is not None and int(row[0]) < SCHEMA_VERSION:
            raise StoreError(str(self.path), f"written by an older multivector (schema {row[0]})",
                             "upgrade it once with `multivector ingest PATH --store FILE` (any path already "
                             "ingested: nothing is added twice)")

    @classmethod
    def attach(cls, path: Path, con: duckdb.DuckDBPyConnection) -> Store:
        """A Store over a connection someone else opened and locked (``close`` closes only ``con``)."""
        self = cls.__new__(cls)
        self.path, self.read_only, self._lock, self.con = path, True, None, con
        return self

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.con.close()
        finally:
            if self._lock is not None:
                self._lock.close()

    # -- reading -------------------------------------------------------------
    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """Those of ``ids`` already stored (used to skip re-ingested articles)."""
        if not ids:
            return set()
        tbl = pa.table({"id": list(ids)})  # noqa: F841 - referenced by name in SQL
        return {r[0] for r in self.con.execute("SELECT a.id FROM articles a JOIN tbl USING (id)").fetchall()}

    def counts(self) -> dict[str, int]:
        """Row counts of every table (what a rerun must leave unchanged)."""
        out = {}
        for t in ("articles", "sentences", "mentions", "events", "ties", "quarantine"):
            row = self.con.execute(f"SELECT count(*) FROM {t}").fetchone()
            out[t] = int(row[0]) if row else 0
        for kind, name in (("event", "event_clusters"), ("interaction", "interactions")):
            row = self.con.execute("SELECT count(DISTINCT cluster_id) FROM clusters WHERE kind = ?", [kind]).fetchone()
            out[name] = int(row[0]) if row else 0
        return out

    def refresh_identity(self) -> int:
        """Fill event time and clusters for mentions that lack them (after a bulk load); one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            n = identity.fill_time(self.con) + identity.cluster(self.con)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return n

    def signatures(self) -> Iterator[tuple[str, str, bytes]]:
        """(article_id, story_id, MinHash signature bytes) of every stored article that has one."""
        cur = self.con.execute(
            "SELECT m.article_id, coalesce(a.story_id, a.id), m.sig FROM minhash m JOIN articles a ON a.id = m.article_id"
        )
        while rows := cur.fetchmany(10_000):
            for aid, story, sig in rows:
                yield str(aid), str(story), bytes(sig)

    def story_sources(self, story_id: str) -> list[dict[str, Any]]:
        """Every stored copy of a story (canonical first): id, source, url, title, date."""
        return self.query(
            "SELECT id, source, url, title, date FROM articles WHERE story_id = ? ORDER BY id <> story_id, ingested_at, id",
            [story_id],
        )

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run SQL and return rows as dicts."""
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description or []]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]

    # -- writing -------------------------------------------------------------
    def write(self, batch: Sequence[CodedArticle], *, signatures: Mapping[str, bytes] | None = None) -> int:
        """Write coded articles not yet stored, all in one transaction; returns how many were new.

        ``signatures`` (article id -> MinHash bytes) go in the same transaction, so a story index
        rebuilt after a crash holds exactly the stored articles.
        """
        fresh: dict[str, CodedArticle] = {}
        for c in batch:
            fresh.setdefault(c.article.id, c)
        known = self.known_ids(list(fresh))
        todo = [c for k, c in fresh.items() if k not in known]
        if not todo:
            return 0
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        arts = pa.Table.from_pylist(
            [
                {
                    "id": c.article.id, "date": c.article.date, "title": c.article.title, "url": c.article.url,
                    "source": c.article.source, "text": c.article.text, "lang": c.article.lang,
                    "faq": json.dumps([dataclasses.asdict(f) for f in c.article.faq]),
                    "story_id": c.story_id or c.article.id, "ingested_at": now,
                }
                for c in todo
            ]
        )
        sig = signatures or {}
        sigs = pa.Table.from_pylist(
            [{"article_id": c.article.id, "sig": sig[c.article.id]} for c in todo if c.article.id in sig],
            schema=pa.schema([("article_id", pa.string()), ("sig", pa.binary())]),
        )
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.register("_arts", arts)
            con.execute("INSERT INTO articles SELECT * FROM _arts")
            tables = _coded_tables(todo, now)
            evs = dict(tables)["events"]
            for name, tbl in (*tables, ("minhash", sigs)):
                if tbl.num_rows:
                    con.register("_tmp", tbl)
                    # Rows belong to new articles only; OR IGNORE needs a key, and mentions have none.
                    verb = "INSERT" if name == "mentions" else "INSERT OR IGNORE"
                    con.execute(f"{verb} INTO {name} BY NAME SELECT * FROM _tmp")
                    con.unregister("_tmp")
            con.unregister("_arts")
            if evs.num_rows:
                identity.cluster(con, evs.column("id").to_pylist())
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return len(todo)

    def replace_coding(self, batch: Sequence[CodedArticle]) -> None:
        """Swap stored articles' sentences, mentions, events and ties for a new coding, in one transaction
        (``multivector recode``); the articles themselves, their stories and signatures stay."""
        if not batch:
            return
        ids = pa.table({"id": [c.article.id for c in batch]})
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.register("_ids", ids)
            # The old mentions leave their clusters (a cluster keeps its id, which names its first mention).
            con.execute("DELETE FROM clusters WHERE mention_id IN "
                        "(SELECT id FROM events WHERE article_id IN (SELECT id FROM _ids))")
            for name in ("sentences", "mentions", "events", "ties", "coding"):
                con.execute(f"DELETE FROM {name} WHERE article_id IN (SELECT id FROM _ids)")
            tables = _coded_tables(batch, now)
            for name, tbl in tables:
                if tbl.num_rows:
                    con.register("_tmp", tbl)
                    con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _tmp")
                    con.unregister("_tmp")
            con.unregister("_ids")
            evs = dict(tables)["events"]
            if evs.num_rows:  # the new mentions join their happenings, as at ingest
                identity.cluster(con, evs.column("id").to_pylist())
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def quarantine(self, bad: Sequence[BadRecord]) -> None:
        """Record inputs that could not be ingested, with their reasons (a (source, reason) pair once)."""
        if not bad:
            return
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        uniq = {(b.source, b.reason): b for b in bad}.values()
        tbl = pa.Table.from_pylist([{"source": b.source, "reason": b.reason, "at": now} for b in uniq])  # noqa: F841
        self.con.execute(
            "INSERT INTO quarantine SELECT t.* FROM tbl t "
            "WHERE NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.source = t.source AND q.reason = t.reason)"
        )

    def quarantined(self) -> list[dict[str, Any]]:
        """The quarantine table, oldest first."""
        return self.query('SELECT source, reason, "at" FROM quarantine ORDER BY "at", source')


def _coded_tables(todo: Sequence[CodedArticle], now: dt.datetime) -> list[tuple[str, pa.Table]]:
    """Arrow tables of what the coder found in articles, by store table (and how it was coded: ``coding``)."""
    from .user_lexicon import coding_fingerprint

    sents = pa.Table.from_pylist(
        [
            {"article_id": s.article_id, "idx": s.index, "start_char": s.start, "end_char": s.end, "text": s.text}
            for c in todo
            for s in c.sentences
        ],
        schema=pa.schema([("article_id", pa.string()), ("idx", pa.int32()), ("start_char", pa.int32()),
                          ("end_char", pa.int32()), ("text", pa.string())]),
    )
    ments = pa.Table.from_pylist(
        [
            {"article_id": c.article.id, "sentence_idx": m.sentence_index, "start_char": m.start, "end_char": m.end,
             "text": m.text, "code": m.code, "role": m.role, "kind": m.kind, "rule": m.rule, "antecedent": m.antecedent}
            for c in todo
            for m in c.mentions
        ],
        schema=pa.schema([("article_id", pa.string()), ("sentence_idx", pa.int32()), ("start_char", pa.int32()),
                          ("end_char", pa.int32()), ("text", pa.string()), ("code", pa.string()),
                          ("role", pa.string()), ("kind", pa.string()), ("rule", pa.string()),
                          ("antecedent", pa.string())]),
    )
    fp = coding_fingerprint()
    coding = pa.Table.from_pylist([{"article_id": c.article.id, "fingerprint": fp, "coded_at": now} for c in todo],
                                  schema=pa.schema([("article_id", pa.string()), ("fingerprint", pa.string()),
                                                    ("coded_at", pa.timestamp("us"))]))
    return [("sentences", sents), ("mentions", ments), ("events", _table(event_rows(todo), EVENT_COLUMNS)),
            ("ties", _table(tie_rows(todo), TIE_COLUMNS)), ("coding", coding)]
class StoreWriter:
    """The ingest's write access: the store stays open across batches while nobody else asks for it.

    ``session()`` yields the open Store (opening it, and taking the write turn, when needed). Between
    sessions a watcher thread checks every ``poll`` seconds whether readers wait; if so it closes the
    connection and lets them in, and the next session reopens. Each session's writes are committed
    before it ends, so readers only ever see whole batches.
    """

    def __init__(self, path: str | Path, *, wait: float = WRITE_WAIT, poll: float = 0.02) -> None:
        self.path = Path(path)
        self.wait = wait
        self.opened = 0  # how many times the connection was (re)opened: 1 when no reader came by
        self._store: Store | None = None
        self._mutex = threading.Lock()
        self._stop = threading.Event()
        self._watcher = threading.Thread(target=self._watch, args=(poll,), name="store-writer", daemon=True)
        with self.session():  # fail now (busy, not a store) rather than after the first batch is coded
            pass
        self._watcher.start()

    @contextmanager
    def session(self) -> Iterator[Store]:
        """The open store, held for the duration of the ``with`` block (waiting for readers to finish)."""
        with self._mutex:
            if self._store is None:
                self._store = Store(self.path, wait=self.wait)
                self.opened += 1
            yield self._store

    @contextmanager
    def try_session(self) -> Iterator[Store | None]:
        """Like ``session`` but never waits: None while readers hold the store (the caller does something else)."""
        with self._mutex:
            if self._store is None:
                try:
                    self._store = Store(self.path, wait=0.0)
                except StoreBusyError:
                    yield None
                    return
                self.opened += 1
            yield self._store

    def _watch(self, poll: float) -> None:
        while not self._stop.wait(poll):
            with self._mutex:
                st = self._store
                if st is None or st._lock is None or not st._lock.readers_waiting():
                    continue
                self._store = None
                st.con.close()
                lock = st._lock
                lock.release()  # readers may start now
                end = time.monotonic() + 1.0
                while lock.readers_waiting() and time.monotonic() < end:
                    time.sleep(0.005)
                lock.close()

    def close(self) -> None:
        """Stop watching and close the store."""
        self._stop.set()
        if self._watcher.is_alive():
            self._watcher.join()
        with self._mutex:
            if self._store is not None:
                self._store.close()
                self._store = None

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> pa.Table:
    if not rows:
        return pa.table({c: pa.array([], pa.string()) for c in columns}).slice(0, 0)
    return pa.Table.from_pylist(rows)
