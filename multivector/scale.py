"""Scale-out with Dask distributed: the same pipeline on many workers, Parquet partitions out.

The client reads the inputs' articles, assigns each to a story (near-duplicate copies, the
MinHash index ``ingest`` uses, in input order: the same stories as a local run) and sends partitions
of ``partition_size`` articles to workers (a bounded window, so memory does not grow with the
corpus); it does nothing else but write what comes back. A worker plugin (``scale_plugin.Warm``) loads spaCy,
the lexicons and the client's user lexicon files once per worker when it starts. Each worker codes
its partition as a local worker process does (:func:`multivector.parallel.code_chunk`: an article
whose coding fails is quarantined, the rest of the partition goes on), writes it into an in-memory
DuckDB :class:`~multivector.store.Store`
(the store's own schema and write path, so the columns are exactly the store's) and returns
one Arrow table per store table. The client writes them as
``out_dir/<table>/part-<hash>.parquet`` where the hash is of the partition's article ids, so a
rerun overwrites instead of duplicating; each part is written atomically (temporary name, rename)
and, once all of a partition's tables are there, ``out_dir/_manifest/part-<hash>.json`` records their
row counts. :func:`load_parquet` brings such a directory (or a ``multivector export --format parquet``
directory) into a store in one transaction, after :func:`verify_set` has checked it is whole: every
partition has its manifest and the rows it lists, an export has its manifest and no foreign file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import ExportSetError, InputError, StoreError, UsageError
from .records import Article, BadRecord
from .store import Store

# Store tables written per partition; minhash holds the story signatures ingest dedupes with.
TABLES = ("articles", "sentences", "mentions", "events", "ties", "minhash")
ALL_TABLES = (*TABLES, "quarantine")
# Partitions in flight per worker: enough to keep workers busy while the client writes.
_IN_FLIGHT_PER_WORKER = 2
# Articles per partition (--partition-size): 64 news-length articles are ~3 s of a worker's time, so
# the per-partition cost (an in-memory store, Arrow out, six Parquet parts written by the client)
# stays small, and the last partitions leave no worker idle for long (200 before: ~10 s a partition).
PARTITION_SIZE = 64
MANIFEST_DIR = "_manifest"


@dataclass(frozen=True, slots=True)
class ScaleReport:
    """What a Dask run produced: articles coded, events found, partitions written, inputs quarantined."""

    articles: int
    events: int
    ties: int
    partitions: int
    bad: int
    out_dir: Path
    scheduler: str


# -- inputs ----------------------------------------------------------------------
def read_inputs(paths: Sequence[str | Path], *, default_date: dt.date | None = None) -> Iterator[Article | BadRecord]:
    """Articles (or quarantine records) from input paths: the ingest reader when present, else JSONL only."""
    try:
        from .ingest import iter_inputs
    except ImportError:
        yield from _read_jsonl(paths, default_date)
        return
    yield from iter_inputs([Path(p) for p in paths], default_date=default_date)


def _read_jsonl(paths: Sequence[str | Path], default_date: dt.date | None) -> Iterator[Article | BadRecord]:
    """Minimal fallback reader: JSONL files (or directories of them) with text and date per line."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.rglob("*.jsonl")))
        elif p.exists():
            files.append(p)
        else:
            raise InputError(str(p), "no such file or directory", "check the path")
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{f}:{n}"
                try:
                    rec = json.loads(line)
                    text = str(rec.get("text") or "").strip()
                    raw_date = rec.get("date")
                    date = dt.date.fromisoformat(raw_date) if raw_date else default_date
                except (ValueError, AttributeError) as exc:
                    yield BadRecord(where, f"not a JSON object with text and date ({exc})")
                    continue
                if not text:
                    yield BadRecord(where, "empty text")
                elif date is None:
                    yield BadRecord(where, "no article date; add a date field or pass --date")
                else:
                    yield Article.make(text, date, title=str(rec.get("title") or ""), url=str(rec.get("url") or ""),
                                       source=str(rec.get("source") or ""))


@dataclass(frozen=True, slots=True)
class Job:
    """One article sent to a worker, with the story the client assigned it and its MinHash signature."""

    article: Article
    story_id: str
    signature: bytes


def _partitions(items: Iterable[Job], size: int) -> Iterator[list[Job]]:
    batch: list[Job] = []
    for a in items:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def partition_key(articles: Sequence[Article]) -> str:
    """Content hash of a partition (its sorted article ids): the same input gives the same part name."""
    h = hashlib.sha1("\n".join(sorted(a.id for a in articles)).encode())
    return h.hexdigest()[:16]


# -- worker side -----------------------------------------------------------------
def code_partition(jobs: list[Job]) -> tuple[dict[str, pa.Table], list[tuple[str, str, str]]]:
    """Code one partition; the store tables it fills and the articles that failed (runs on a worker).

    As in ``ingest``: a later copy of a story keeps its article and sentences but not its
    events and ties (the canonical copy's count once). Failures are (article id, error type, message).
    """
    from .parallel import code_chunk

    by_id = {j.article.id: j for j in jobs}
    coded = []
    done, failed, _rss = code_chunk([j.article for j in jobs])
    for c in done:
        story = by_id[c.article.id].story_id
        if story != c.article.id:
            c = dataclasses.replace(c, story_id=story, events=(), ties=())
        coded.append(c)
    ok = {c.article.id for c in coded}
    mem = _memory_store()  # the store's own schema and write path, one per worker thread, emptied after use
    try:
        mem.write(coded, signatures={k: j.signature for k, j in by_id.items() if k in ok})
        return {t: mem.con.sql(f"SELECT * FROM {t}").to_arrow_table() for t in TABLES}, failed
    finally:
        for (table,) in mem.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                " AND table_name <> 'meta'").fetchall():
            mem.con.execute(f'DELETE FROM "{table}"')


_LOCAL = threading.local()


def _memory_store() -> Store:
    """This thread's in-memory store (creating one and its schema costs ~50-100 ms, once per partition before)."""
    mem: Store | None = getattr(_LOCAL, "store", None)
    if mem is None:
        mem = _LOCAL.store = Store(":memory:")
    return mem


# -- client side -----------------------------------------------------------------
def _write_part(out_dir: Path, table: str, key: str, tbl: pa.Table) -> None:
    """Write one Parquet part atomically (tmp + rename), replacing an older part of the same name."""
    d = out_dir / table
    d.mkdir(parents=True, exist_ok=True)
    final = d / f"part-{key}.parquet"
    tmp = d / f".part-{key}.parquet.tmp"
    pq.write_table(tbl, tmp)
    os.replace(tmp, final)


def _write_manifest(out_dir: Path, key: str, tables: dict[str, pa.Table]) -> None:
    """Mark a partition complete: its tables' row counts, written after the parts, atomically."""
    d = out_dir / MANIFEST_DIR
    d.mkdir(parents=True, exist_ok=True)
    tmp = d / f".part-{key}.json.tmp"
    tmp.write_text(json.dumps({"key": key, "tables": {t: tbl.num_rows for t, tbl in tables.items()}}), encoding="utf-8")
    os.replace(tmp, d / f"part-{key}.json")


def _client(scheduler: str, n_workers: int) -> tuple[Any, Callable[[], None]]:
    """A Dask client on a local process cluster or at a scheduler address, and how to close it."""
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()

        return client, close
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise UsageError(f"cannot reach Dask scheduler {scheduler!r} ({exc}); start one with `dask scheduler` "
                         "and workers with `dask worker ADDRESS`, or use --scheduler local") from exc
    return client, client.close


def run_dask(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    scheduler: str = "local",
    n_workers: int = 2,
    partition_size: int = PARTITION_SIZE,
    default_date: dt.date | None = None,
) -> ScaleReport:
    """Code the inputs on a Dask cluster and write Parquet partitions of every store table to ``out_dir``."""
    if partition_size < 1 or n_workers < 1:
        raise UsageError("--partition-size and --workers must be at least 1")
    from distributed import as_completed

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    bad: list[BadRecord] = []

    def good() -> Iterator[Job]:
        """Fresh articles with their stories, assigned in input order on the client (as ingest does)."""
        from .ingest.dedupe import StoryIndex

        index = StoryIndex()
        for item in read_inputs(paths, default_date=default_date):
            if isinstance(item, BadRecord):
                bad.append(item)
            elif item.id not in index.story:  # an exact copy of an earlier input
                story, sig = index.assign(item.id, item.text)
                yield Job(item, story, sig)

    from .user_lexicon import extra_lexicon_files

    client, close = _client(scheduler, n_workers)
    n_art = n_ev = n_tie = n_parts = 0
    try:
        from .scale_plugin import Warm  # distributed only where a cluster runs

        client.register_plugin(Warm(tuple(str(p) for p in extra_lexicon_files())))
        workers = max(1, len(client.scheduler_info().get("workers", {})) or n_workers)
        window = workers * _IN_FLIGHT_PER_WORKER
        parts = _partitions(good(), partition_size)
        pending = as_completed()
        keys: dict[str, tuple[str, list[Job]]] = {}
        seq = iter(range(1 << 62))

        def submit_next() -> bool:
            batch = next(parts, None)
            if batch is None:
                return False
            key = partition_key([j.article for j in batch])
            # the sequence number keeps two identical partitions (a file given twice) distinct tasks
            fut = client.submit(code_partition, batch, key=f"mv-code-{key}-{next(seq)}", pure=False)
            keys[fut.key] = key, batch
            pending.add(fut)
            return True

        for _ in range(window):
            if not submit_next():
                break
        for fut in pending:
            tables, failed = fut.result()
            key, batch = keys.pop(fut.key)
            source = {j.article.id: j.article.source for j in batch}
            bad.extend(BadRecord(source[aid], f"article {aid} could not be coded ({name}: "
                                 f"{(msg.splitlines() or [''])[0][:160]}); the rest of the partition went on; "
                                 "report it with the file") for aid, name, msg in failed)
            for t, tbl in tables.items():
                _write_part(out, t, key, tbl)
            _write_manifest(out, key, tables)
            n_art += tables["articles"].num_rows
            n_ev += tables["events"].num_rows
            n_tie += tables["ties"].num_rows
            n_parts += 1
            fut.release()
            submit_next()
    finally:
        close()
    if bad:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        qt = pa.Table.from_pylist([{"source": b.source, "reason": b.reason, "at": now} for b in bad])
        _write_part(out, "quarantine", hashlib.sha1("\n".join(b.source for b in bad).encode()).hexdigest()[:16], qt)
    return ScaleReport(n_art, n_ev, n_tie, n_parts, len(bad), out, scheduler)


# -- loading ---------------------------------------------------------------------
def _layout(root: Path, table: str) -> tuple[str, str] | None:
    """(glob, SQL template of the part name over column ``{col}``) for a table in either layout, or None."""
    d = root / table
    if d.is_dir() and any(d.glob("*.parquet")):
        return str(d / "*.parquet"), "parse_filename({col})"
    single = root / f"{table}.parquet"
    if single.is_file():
        return str(single), "''"
    return None


def _rows(path: Path) -> tuple[int, dict[bytes, bytes]]:
    """Row count and key-value metadata of a Parquet file; ExportSetError when it is not readable Parquet."""
    try:
        md = pq.read_metadata(path)
    except (OSError, pa.ArrowException) as exc:
        raise ExportSetError(str(path), f"not readable Parquet ({str(exc).splitlines()[0][:120]})",
                             "the file is damaged or was cut short; export or run the partition again") from exc
    return md.num_rows, dict(md.metadata or {})


def verify_set(root: Path) -> str:
    """'export' or 'partitions' when ``root`` is one whole set; ExportSetError naming what is missing or mixed."""
    from .export import MANIFEST, SET_FORMAT

    refuse = "export again to a new folder (or rerun `ingest --engine dask --out` to complete it)"
    has_dirs = any((root / t).is_dir() for t in TABLES)
    loose = sorted(p.name for p in root.glob("*.parquet"))
    if (root / MANIFEST).is_file():
        if has_dirs:
            raise ExportSetError(str(root), "holds both an export and Dask partitions", "load them from separate folders")
        try:
            man = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
            tables = {str(t): (str(v["file"]), int(v["rows"])) for t, v in man["tables"].items()}
            set_id = str(man["set_id"]).encode()
            ok = man.get("format") == "multivector-parquet" and "articles" in tables
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ExportSetError(str(root / MANIFEST), f"unreadable manifest ({exc})", refuse) from exc
        if not ok:
            raise ExportSetError(str(root / MANIFEST), f"not a {SET_FORMAT} manifest", refuse)
        for name, rows in tables.values():
            f = root / name
            if not f.is_file():
                raise ExportSetError(str(root), f"{name} is missing from the set", refuse)
            n, meta = _rows(f)
            if meta.get(b"multivector_set") != set_id:
                raise ExportSetError(str(root), f"{name} belongs to another export (mixed set)", refuse)
            if n != rows:
                raise ExportSetError(str(root), f"{name} has {n} rows, the manifest says {rows}", refuse)
        foreign = [n for n in loose if n not in {v[0] for v in tables.values()}]
        if foreign:
            raise ExportSetError(str(root), f"{', '.join(foreign[:3])} not in the manifest (mixed set)", refuse)
        return "export"
    if loose:
        raise ExportSetError(str(root), "Parquet files without manifest.json: an export that did not finish, or one "
                                        "from an older version", refuse)
    if not has_dirs:
        raise StoreError(str(root), "no articles Parquet here",
                         "pass the --out directory of `ingest --engine dask` or of `export --format parquet`")
    keys = {f.name[len("part-"):-len(".parquet")] for t in TABLES for f in (root / t).glob("part-*.parquet")}
    incomplete = []
    for key in sorted(keys):
        man_path = root / MANIFEST_DIR / f"part-{key}.json"
        if not man_path.is_file():
            incomplete.append(key)
            continue
        try:
            counts = {str(t): int(n) for t, n in json.loads(man_path.read_text(encoding="utf-8"))["tables"].items()}
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ExportSetError(str(man_path), f"unreadable partition manifest ({exc})", refuse) from exc
        for t, rows in counts.items():
            f = root / t / f"part-{key}.parquet"
            if not f.is_file() or _rows(f)[0] != rows:
                incomplete.append(key)
                break
    if incomplete:
        raise ExportSetError(str(root), f"{len(incomplete)} of {len(keys)} partitions are incomplete (a run killed "
                                        f"mid-write?), e.g. part-{incomplete[0]}", refuse)
    return "partitions"


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _counts(con: Any) -> dict[str, int]:
    """Rows per table this module loads (Store.counts has no minhash)."""
    return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in ALL_TABLES}


def load_parquet(out_dir: str | Path, store_path: str | Path) -> dict[str, int]:
    """Insert a Parquet directory into the store in one transaction, skipping known article ids; new rows per table."""
    root = Path(out_dir)
    if not root.is_dir():
        raise StoreError(str(root), "no such folder", "pass the --out directory of `ingest --engine dask` or of "
                                                      "`export --format parquet`")
    verify_set(root)
    arts = _layout(root, "articles")
    if arts is None:
        raise StoreError(str(root), "no articles Parquet here",
                         "pass the --out directory of `ingest --engine dask` or of `export --format parquet`")
    added = dict.fromkeys(ALL_TABLES, 0)
    with Store(store_path) as store:
        con = store.con
        table_cols = {t: [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall()] for t in ALL_TABLES}
        before = _counts(con)
        con.execute("BEGIN TRANSACTION")
        try:
            glob, part_t = arts
            part = part_t.format(col="filename")
            # One copy per article id (the first part holding it), minus those already stored.
            con.execute(f"""
                CREATE OR REPLACE TEMP TABLE _mv_new AS
                SELECT * EXCLUDE (rn) FROM (
                    SELECT *, {part} AS _part,
                           row_number() OVER (PARTITION BY id ORDER BY {part}) AS rn
                    FROM read_parquet({_sql_str(glob)}, filename = true)
                ) WHERE rn = 1 AND id NOT IN (SELECT id FROM articles)
            """)
            cols = ", ".join(table_cols["articles"])
            con.execute(f"INSERT INTO articles ({cols}) SELECT {cols} FROM _mv_new")
            for t in TABLES[1:]:
                lay = _layout(root, t)
                if lay is None:
                    continue
                glob, part_t = lay
                avail = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet({_sql_str(glob)})").fetchall()}
                cols_t = [c for c in table_cols[t] if c in avail]
                sel = ", ".join(f"p.{c}" for c in cols_t)
                verb = "INSERT OR IGNORE" if t in ("sentences", "events", "ties", "minhash") else "INSERT"
                con.execute(f"""
                    {verb} INTO {t} ({", ".join(cols_t)})
                    SELECT {sel} FROM read_parquet({_sql_str(glob)}, filename = true) p
                    JOIN _mv_new n ON p.article_id = n.id AND {part_t.format(col="p.filename")} = n._part
                """)
            lay = _layout(root, "quarantine")
            if lay is not None:
                con.execute(f"""
                    INSERT INTO quarantine SELECT DISTINCT q.source, q.reason, q."at"
                    FROM read_parquet({_sql_str(lay[0])}) q
                    WHERE NOT EXISTS (SELECT 1 FROM quarantine k WHERE k.source = q.source AND k.reason = q.reason)
                """)
            con.execute("DROP TABLE _mv_new")
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(str(root), f"cannot load ({str(exc).splitlines()[0][:160]})",
                             "nothing was loaded; check the folder is a whole export and the store is not damaged") from exc
        except BaseException:
            con.execute("ROLLBACK")
            raise
        store.refresh_identity()  # event time and clusters of the loaded mentions (identity.update)
        after = _counts(con)
    for t in ALL_TABLES:
        added[t] = after[t] - before[t]
    return added
