"""Shared helpers of the analysis layer: periods, actor-code validation, evidence queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from ..errors import EmptyStoreError, UnknownActorError, UsageError
from ..identity.clusters import outlet
from ..store import Store
from .records import EventRef, TieRef

FREQS = ("week", "month", "quarter", "year")


def check_freq(freq: str) -> str:
    """Validate a period frequency."""
    f = freq.strip().lower()
    if f not in FREQS:
        raise UsageError(f"unknown frequency {freq!r}; use one of {', '.join(FREQS)}")
    return f


def period_start(d: dt.date, freq: str) -> dt.date:
    """First day of the period holding ``d`` (weeks start on Monday, as ISO weeks)."""
    if freq == "week":
        return d - dt.timedelta(days=d.weekday())
    if freq == "month":
        return d.replace(day=1)
    if freq == "quarter":
        return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return dt.date(d.year, 1, 1)


def next_start(start: dt.date, freq: str) -> dt.date:
    """First day of the following period."""
    if freq == "week":
        return start + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[freq]
    m = start.month - 1 + months
    return dt.date(start.year + m // 12, m % 12 + 1, 1)


def period_label(start: dt.date, freq: str) -> str:
    """'2023-W46' (ISO week), '2023-11' (month), '2023-Q4' (quarter), '2023' (year)."""
    if freq == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if freq == "month":
        return f"{start.year}-{start.month:02d}"
    if freq == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def period_range(first: dt.date, last: dt.date, freq: str) -> list[tuple[str, dt.date, dt.date]]:
    """Every period (label, start, exclusive end) from ``first`` to ``last``, empty ones included."""
    out = []
    s = period_start(first, freq)
    while s <= last:
        e = next_start(s, freq)
        out.append((period_label(s, freq), s, e))
        s = e
    return out


def check_dates(since: dt.date | None, until: dt.date | None) -> None:
    """UsageError when the window is reversed (an empty answer would hide the typo)."""
    if since is not None and until is not None and since > until:
        raise UsageError(f"--since {since} is after --until {until}; swap them")


def require_articles(store: Store) -> None:
    """Raise EmptyStoreError when the store holds no articles (nothing to analyse)."""
    row = store.con.execute("SELECT count(*) FROM articles").fetchone()
    if not row or not row[0]:
        raise EmptyStoreError(str(store.path))


def known_codes(store: Store) -> set[str]:
    """Valid actor codes: the actor lexicon's (when available) plus every code seen in the store."""
    codes: set[str] = set()
    try:
        from ..actors import lexicon

        codes.update(lexicon.load().names)
    except Exception:  # noqa: BLE001 - lexicon still being written or broken: fall back to the store
        pass
    for sql in (
        "SELECT DISTINCT source FROM events UNION SELECT DISTINCT target FROM events",
        "SELECT DISTINCT a FROM ties UNION SELECT DISTINCT b FROM ties",
    ):
        codes.update(r[0] for r in store.con.execute(sql).fetchall() if r[0])
    return codes


def check_codes(store: Store, codes: Iterable[str]) -> list[str]:
    """Upper-cased codes, each checked against :func:`known_codes` (UnknownActorError otherwise)."""
    known = known_codes(store)
    out = []
    for c in codes:
        u = c.strip().upper()
        if u not in known:
            raise UnknownActorError(c)
        out.append(u)
    return out


def _dates(since: dt.date | None, until: dt.date | None, col: str = "e.date") -> tuple[str, list[object]]:
    sql = ""
    params: list[object] = []
    if since is not None:
        sql += f" AND {col} >= ?"
        params.append(since)
    if until is not None:
        sql += f" AND {col} <= ?"
        params.append(until)
    return sql, params


def fetch_events(
    store: Store, sources: Sequence[str], targets: Sequence[str], *,
    since: dt.date | None = None, until: dt.date | None = None, include_background: bool = True,
) -> list[EventRef]:
    """Mentions from any of ``sources`` to any of ``targets`` with their sentence, article, event date,
    timing and cluster ids, oldest first. ``since``/``until`` select by event date; background mentions
    (a month or more before their article) only with ``include_background``."""
    if not sources or not targets:
        return []
    ds, dp = _dates(since, until, "coalesce(e.event_date, e.date)")
    bg = "" if include_background else " AND coalesce(e.timing, 'new') <> 'background'"
    rows = store.query(
        "SELECT e.id, e.article_id, e.date, e.sentence_idx, coalesce(s.text, '') AS sentence, e.source, e.target,"
        " e.code, e.root, e.quad_class, e.goldstein, coalesce(e.confidence, 1.0) AS confidence,"
        " coalesce(e.source_text, '') AS source_text, coalesce(e.target_text, '') AS target_text,"
        " coalesce(e.event_date, e.date) AS event_date, coalesce(e.timing, 'new') AS timing,"
        " coalesce(ce.cluster_id, e.id) AS event_id, coalesce(ci.cluster_id, ce.cluster_id, e.id) AS interaction_id,"
        " coalesce(a.story_id, a.id, e.article_id) AS story_id, coalesce(a.title, '') AS title,"
        " coalesce(a.url, '') AS url, coalesce(a.source, '') AS article_source"
        " FROM events e LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx"
        " LEFT JOIN articles a ON a.id = e.article_id"
        " LEFT JOIN clusters ce ON ce.kind = 'event' AND ce.mention_id = e.id"
        " LEFT JOIN clusters ci ON ci.kind = 'interaction' AND ci.mention_id = e.id"
        f" WHERE list_contains(?, e.source) AND list_contains(?, e.target){ds}{bg}"
        " ORDER BY event_date, e.date, e.article_id, e.sentence_idx, e.id",
        [list(sources), list(targets), *dp],
    )
    return [
        EventRef(r["id"], r["article_id"], r["date"], int(r["sentence_idx"]), r["sentence"], r["source"], r["target"],
                 r["code"], r["root"] or r["code"][:2], int(r["quad_class"]), float(r["goldstein"] or 0.0),
                 float(r["confidence"]), r["source_text"], r["target_text"], r["event_date"], r["timing"],
                 r["event_id"], r["interaction_id"], r["story_id"], r["title"], r["url"],
                 outlet(r["url"], r["article_source"]))
        for r in rows
    ]


def story_members(store: Store, story_ids: Iterable[str]) -> dict[str, list[dict[str, object]]]:
    """Story id -> its articles (id, date, title, url, outlet), earliest first: a story's copies are reports too."""
    ids = sorted(set(story_ids))
    if not ids:
        return {}
    rows = store.query(
        "SELECT coalesce(story_id, id) AS story_id, id, date, coalesce(title, '') AS title, coalesce(url, '') AS url,"
        " coalesce(source, '') AS source FROM articles WHERE list_contains(?, coalesce(story_id, id))"
        " ORDER BY date, id", [ids])
    out: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        out.setdefault(str(r["story_id"]), []).append(
            {"id": r["id"], "date": r["date"], "title": r["title"], "url": r["url"],
             "outlet": outlet(r["url"], r["source"])})
    return out


def fetch_ties(
    store: Store, a: Sequence[str], b: Sequence[str], *,
    since: dt.date | None = None, until: dt.date | None = None,
) -> list[TieRef]:
    """Ties where any of ``a`` depends on any of ``b``, with their sentences, oldest first."""
    if not a or not b:
        return []
    ds, dp = _dates(since, until)
    rows = store.query(
        "SELECT e.id, e.article_id, e.date, e.sentence_idx, coalesce(s.text, '') AS sentence, e.a, e.b, e.type,"
        " coalesce(e.confidence, 1.0) AS confidence"
        " FROM ties e LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx"
        f" WHERE list_contains(?, e.a) AND list_contains(?, e.b){ds}"
        " ORDER BY e.date, e.article_id, e.sentence_idx, e.id",
        [list(a), list(b), *dp],
    )
    return [
        TieRef(r["id"], r["article_id"], r["date"], int(r["sentence_idx"]), r["sentence"], r["a"], r["b"], r["type"],
               float(r["confidence"]))
        for r in rows
    ]
