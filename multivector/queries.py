"""Read-only queries over the store that several front ends share (CLI listings, demo summary, Python API).

Every row carries what a reader needs to cite it: the record id, the article id, title and URL, the
sentence and the words that triggered it (``verb`` for events).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import EmptyStoreError, UsageError
from .store import Store

TIE_TYPES = ("trade", "energy", "security", "aid", "investment")
# id: the coded mention (one row of the events table); event_id: the happening it reports, shared by every
# report of it (issue 9's clusters); event_date and timing: when it happened and whether it was news.
EVENT_KEYS = ("id", "date", "source", "source_role", "target", "target_role", "code", "root", "quad_class", "goldstein",
              "plover_type", "pattern", "confidence", "verb", "article_id", "title", "url", "sentence_idx", "sentence",
              "event_id", "event_date", "timing")
TIE_KEYS = ("id", "date", "a", "b", "type", "pattern", "confidence", "article_id", "title", "url", "sentence_idx",
            "sentence")


@contextmanager
def opened(store: str | Path | Store | None) -> Iterator[Store]:
    """A Store given as such, or a path opened read-only for the duration."""
    if isinstance(store, Store):
        yield store
    else:
        with Store(store, read_only=True) as st:
            yield st


def _filters(st: Store, country: str | None, since: dt.date | None, until: dt.date | None,
             cols: tuple[str, str]) -> tuple[list[str], list[object]]:
    n = st.query("SELECT count(*) AS n FROM articles")[0]["n"]
    if not n:
        raise EmptyStoreError(str(st.path))
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}; swap them")
    where: list[str] = ["1=1"]
    params: list[object] = []
    if country:
        from .analysis.common import check_codes

        (code,) = check_codes(st, [country])
        where.append(f"(x.{cols[0]} = ? OR x.{cols[1]} = ?)")
        params += [code, code]
    if since:
        where.append("x.date >= ?")
        params.append(since)
    if until:
        where.append("x.date <= ?")
        params.append(until)
    return where, params


def _limit(limit: int | None) -> str:
    if limit is not None and limit < 1:
        raise UsageError(f"--limit {limit} must be at least 1")
    return f" LIMIT {int(limit)}" if limit else ""


def _span(sentence: str | None, s0: int | None, start: int, end: int) -> str:
    """The words of the record inside its sentence ('' when the span is the whole sentence or outside it)."""
    if not sentence or s0 is None:
        return ""
    a, b = start - s0, end - s0
    if 0 <= a < b <= len(sentence) and (a, b) != (0, len(sentence)):
        return sentence[a:b]
    return ""


def list_events(
    store: str | Path | Store | None = None,
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events with their evidence, newest first; ``country`` matches source or target.

    Keys: ``EVENT_KEYS`` (id, date, dyad and roles, CAMEO code and scores, pattern, verb, article id, title,
    URL, sentence, event id, event date, timing).
    """
    with opened(store) as st:
        where, params = _filters(st, country, since, until, ("source", "target"))
        rows = st.query(
            "SELECT x.id, x.date, x.source, x.source_role, x.target, x.target_role, x.code, x.root, x.quad_class,"
            " x.goldstein, x.plover_type, x.pattern, x.confidence, x.start_char, x.end_char, x.article_id,"
            " coalesce(a.title, '') AS title, coalesce(a.url, '') AS url, x.sentence_idx,"
            " s.start_char AS s0, s.text AS sentence, x.event_date, x.timing, c.cluster_id AS event_id"
            " FROM events x LEFT JOIN sentences s ON s.article_id = x.article_id AND s.idx = x.sentence_idx"
            " LEFT JOIN articles a ON a.id = x.article_id"
            " LEFT JOIN clusters c ON c.kind = 'event' AND c.mention_id = x.id"
            f" WHERE {' AND '.join(where)} ORDER BY x.date DESC, x.article_id, x.sentence_idx, x.start_char, x.id"
            + _limit(limit), params)
    return [{**{k: r[k] for k in EVENT_KEYS[:13]}, "verb": _span(r["sentence"], r["s0"], r["start_char"], r["end_char"]),
             **{k: r[k] for k in EVENT_KEYS[14:18]}, "sentence": r["sentence"] or "",
             **{k: r[k] for k in EVENT_KEYS[19:]}} for r in rows]


def list_ties(
    store: str | Path | Store | None = None,
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    type: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Ties (``a`` depends on ``b`` for ``type``) with their evidence, newest first; ``country`` is a or b.

    Keys: id, date, a, b, type, pattern, confidence, article_id, title, url, sentence_idx, sentence.
    """
    with opened(store) as st:
        where, params = _filters(st, country, since, until, ("a", "b"))
        if type is not None:
            t = type.strip().lower()
            if t not in TIE_TYPES:
                raise UsageError(f"unknown tie type {type!r}; use one of {', '.join(TIE_TYPES)}")
            where.append("x.type = ?")
            params.append(t)
        return st.query(
            "SELECT x.id, x.date, x.a, x.b, x.type, x.pattern, x.confidence, x.article_id,"
            " coalesce(a.title, '') AS title, coalesce(a.url, '') AS url, x.sentence_idx,"
            " coalesce(s.text, '') AS sentence"
            " FROM ties x LEFT JOIN sentences s ON s.article_id = x.article_id AND s.idx = x.sentence_idx"
            " LEFT JOIN articles a ON a.id = x.article_id"
            f" WHERE {' AND '.join(where)} ORDER BY x.date DESC, x.article_id, x.sentence_idx, x.start_char, x.id"
            + _limit(limit), params)


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
    since_asked, until_asked = since is not None, until is not None
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
    # One bound past the data and the other open: an empty span there, not one turned around
    if since is not None and until is not None and since > until:
        if not until_asked:
            until = since
        elif not since_asked:
            since = until
    return since, until
