"""Keep the store's event time and event identity up to date (called by ``Store`` inside its transactions).

* ``time_columns``: event_date, date_precision, timing, time_text of one mention (identity.timing);
* ``fill_time``: the same for stored mentions that lack them (stores written before schema 2, Parquet
  partitions loaded from older runs);
* ``cluster``: cluster ids (table ``clusters``: kind, mention_id, cluster_id) for new mentions and for the
  stored mentions whose clusters they can change (identity.clusters.assign), so a rerun changes nothing and
  the result never depends on the order articles arrived in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

from .clusters import KINDS, MentionKey, assign, families, key
from .timing import read_time

TIME_COLUMNS = ("event_date", "date_precision", "timing", "time_text")


def time_columns(sentence: str | None, sentence_start: int, start: int, end: int, article_date: dt.date,
                 pattern: str, source: str, target: str, root: str) -> dict[str, Any]:
    """The time columns of one mention whose trigger spans article characters [start, end)."""
    if not sentence:
        return {"event_date": article_date, "date_precision": "article", "timing": "new", "time_text": ""}
    try:
        t = read_time(sentence, start - sentence_start, end - sentence_start, article_date,
                      nominal=str(pattern or "").endswith(".n"), source=source, target=target, root=str(root or ""))
    except OverflowError:  # "last week" of an article dated 0001-01-03 (loaded from elsewhere): the article date
        return {"event_date": article_date, "date_precision": "article", "timing": "new", "time_text": ""}
    return {"event_date": t.date, "date_precision": t.precision, "timing": t.timing, "time_text": t.text}


def fill_time(con: duckdb.DuckDBPyConnection) -> int:
    """Compute the time columns of stored mentions that have none; returns how many were filled."""
    rows = con.execute(
        "SELECT e.id, s.text, coalesce(s.start_char, 0), e.start_char, e.end_char, a.date, e.pattern, e.source,"
        " e.target, e.root FROM events e JOIN articles a ON a.id = e.article_id"
        " LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx WHERE e.timing IS NULL"
    ).fetchall()
    if not rows:
        return 0
    filled = [{"id": r[0], **time_columns(r[1], int(r[2]), int(r[3] or 0), int(r[4] or 0), r[5], r[6], r[7], r[8], r[9])}
              for r in rows]
    tbl = pa.Table.from_pylist(filled, schema=pa.schema([
        ("id", pa.string()), ("event_date", pa.date32()), ("date_precision", pa.string()), ("timing", pa.string()),
        ("time_text", pa.string())]))
    con.register("_mv_time", tbl)
    con.execute("UPDATE events SET event_date = t.event_date, date_precision = t.date_precision, timing = t.timing,"
                " time_text = t.time_text FROM _mv_time t WHERE events.id = t.id")
    con.unregister("_mv_time")
    return len(filled)


def cluster(con: duckdb.DuckDBPyConnection, new_ids: Sequence[str] | None = None) -> int:
    """(Re)assign cluster ids affected by the mentions ``new_ids`` (None: every mention without one).

    Returns how many (kind, mention) rows were written.
    """
    if new_ids is None:
        new = _mentions(con, "WHERE e.id NOT IN (SELECT mention_id FROM clusters WHERE kind = 'event')")
    else:
        if not new_ids:
            return 0
        con.register("_mv_ids", pa.table({"id": pa.array(list(new_ids), pa.string())}))
        new = _mentions(con, "JOIN _mv_ids i ON i.id = e.id")
        con.unregister("_mv_ids")
    if not new:
        return 0
    w = families().window_days
    # Stored mentions of the same actor pairs (either direction) that a new mention could join.
    pairs: dict[tuple[str, str], dt.date] = {}
    for m in new:
        p = (min(m.source, m.target), max(m.source, m.target))
        pairs[p] = min(pairs.get(p, m.date), m.date)
    con.register("_mv_pairs", pa.table({
        "a": [p[0] for p in pairs], "b": [p[1] for p in pairs],
        "since": pa.array([_minus_days(d, 2 * w) for d in pairs.values()], pa.date32())}))
    near = _mentions(con, "JOIN _mv_pairs p ON least(e.source, e.target) = p.a AND greatest(e.source, e.target) = p.b"
                          " AND coalesce(e.event_date, e.date) >= p.since")
    current_rows = con.execute(
        "SELECT c.kind, c.mention_id, c.cluster_id FROM clusters c JOIN events e ON e.id = c.mention_id"
        " JOIN _mv_pairs p ON least(e.source, e.target) = p.a AND greatest(e.source, e.target) = p.b"
        " AND coalesce(e.event_date, e.date) >= p.since").fetchall()
    con.unregister("_mv_pairs")
    rows = list({m.id: m for m in [*near, *new]}.values())
    new_set = {m.id for m in new}
    written = []
    for kind in KINDS:
        since: dict[tuple[str, str, str], dt.date] = {}
        for m in rows:
            if m.id in new_set:
                k = key(kind, m.source, m.target, m.code)
                since[k] = min(since.get(k, m.date), m.date)
        current = {mid: cid for knd, mid, cid in current_rows if knd == kind}
        ids = assign(kind, rows, since, current)
        written += [{"kind": kind, "mention_id": mid, "cluster_id": cid} for mid, cid in ids.items()
                    if current.get(mid) != cid]
    if written:
        con.register("_mv_clusters", pa.Table.from_pylist(written))
        con.execute("INSERT OR REPLACE INTO clusters SELECT kind, mention_id, cluster_id FROM _mv_clusters")
        con.unregister("_mv_clusters")
    return len(written)


def _mentions(con: duckdb.DuckDBPyConnection, where: str) -> list[MentionKey]:
    rows = con.execute(f"SELECT e.id, e.source, e.target, e.code, coalesce(e.event_date, e.date) FROM events e {where}")
    return [MentionKey(r[0], r[1], r[2], r[3], r[4]) for r in rows.fetchall()]


def _minus_days(d: dt.date, days: int) -> dt.date:
    """``d`` minus ``days``, floored at year 1 (stores loaded from elsewhere may hold 0001-01-01)."""
    try:
        return d - dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min
