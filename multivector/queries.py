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
    """Events with their evidence sentence, newest first; ``country`` matches source or target."""
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
            "e.goldstein, e.plover_type, e.pattern, e.confidence, e.article_id, e.sentence_idx, s.text AS sentence "
            "FROM events e LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx "
            f"WHERE {' AND '.join(where)} ORDER BY e.date DESC, e.article_id, e.sentence_idx"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return st.query(sql, params)


# A period range beyond the data only adds empty periods; a year on either side keeps every
# reasonable request unchanged and bounds absurd ones (year 1 to 9999 is 120,000 months).
SPAN_MARGIN = dt.timedelta(days=366)


def clamp_span(store: Store, since: dt.date | None, until: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """``since``/``until`` bounded to the store's dates (plus a year either side) within 1900..next year.

    The store's span counts only articles dated in that range; when it also holds dates outside it
    (data loaded from elsewhere: year 1, 9999) and no date was asked for, the span itself is used, so
    those articles are left out rather than stretching the periods to 120,000 months or past year 9999.
    UsageError when ``since`` is after ``until``.
    """
    from .errors import UsageError
    from .ingest.common import FIRST_DATE, last_date

    if since is not None and until is not None and since > until:
        raise UsageError(f"since {since} is after until {until}; swap them")
    lo, hi = FIRST_DATE, last_date()
    row = store.con.execute(
        "SELECT min(date) FILTER (WHERE date BETWEEN ? AND ?), max(date) FILTER (WHERE date BETWEEN ? AND ?),"
        " min(date), max(date) FROM articles", [lo, hi, lo, hi]).fetchone()
    first, last, first_any, last_any = row or (None, None, None, None)
    if first is not None and last is not None:
        lo, hi = max(lo, first - SPAN_MARGIN), min(hi, last + SPAN_MARGIN)
    if since is not None:
        since = min(max(since, lo), hi)
    elif first_any is not None and first_any < FIRST_DATE:
        since = first or FIRST_DATE
    if until is not None:
        until = max(min(until, hi), lo)
    elif last_any is not None and last_any > last_date():
        until = last or last_date()
    return since, until
