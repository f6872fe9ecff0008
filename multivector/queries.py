"""Read-only queries over the store that several front ends share (CLI listing, demo summary)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .errors import EmptyStoreError
from .store import Store


def list_events(
    store_path: str | Path | None = None,
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Event mentions with their evidence sentence, event date, timing and event id, newest first;
    ``country`` matches source or target."""
    with Store(store_path, read_only=True) as st:
        n = st.query("SELECT count(*) AS n FROM articles")[0]["n"]
        if not n:
            raise EmptyStoreError(str(st.path))
        where: list[str] = ["1=1"]
        params: list[object] = []
        if country:
            from .actors.lexicon import load

            code = load().check_code(country)
            where.append("(e.source = ? OR e.target = ?)")
            params += [code, code]
        if since:
            where.append("e.date >= ?")
            params.append(since)
        if until:
            where.append("e.date <= ?")
            params.append(until)
        sql = (
            "SELECT e.date, e.source, e.source_role, e.target, e.target_role, e.code, e.root, e.quad_class, "
            "e.goldstein, e.plover_type, e.pattern, e.confidence, e.article_id, e.sentence_idx, s.text AS sentence, "
            "e.event_date, e.timing, c.cluster_id AS event_id "
            "FROM events e LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx "
            "LEFT JOIN clusters c ON c.kind = 'event' AND c.mention_id = e.id "
            f"WHERE {' AND '.join(where)} ORDER BY e.date DESC, e.article_id, e.sentence_idx"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return st.query(sql, params)
