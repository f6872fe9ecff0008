"""Store reads the API needs that are not analysis: event listings with evidence, one article, actor lookup.

Analysis (dyads, balance, shifts), briefs and questions come from the library; this module
only pages through stored records and attaches the evidence a reader needs to check them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .. import yamlfast
from ..errors import NotFoundError
from ..store import Store

MAX_LIMIT = 1000  # one page; the dashboard asks for 200, scripts page with offset


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list: every given condition must hold."""

    country: str | None = None  # source or target
    since: dt.date | None = None
    until: dt.date | None = None
    source: str | None = None
    target: str | None = None
    root: str | None = None


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL WHERE clause and parameters for a filter (column names are fixed, values are bound)."""
    conds: list[str] = []
    params: list[Any] = []
    if f.country:
        conds.append("(e.source = ? OR e.target = ?)")
        params += [f.country, f.country]
    if f.since:
        conds.append("e.date >= ?")
        params.append(f.since)
    if f.until:
        conds.append("e.date <= ?")
        params.append(f.until)
    if f.source:
        conds.append("e.source = ?")
        params.append(f.source)
    if f.target:
        conds.append("e.target = ?")
        params.append(f.target)
    if f.root:
        conds.append("e.root = ?")
        params.append(f.root.zfill(2))
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


_EVENT_SQL = """
SELECT e.*, s.text AS sentence, s.start_char AS sentence_start,
       a.title AS article_title, a.url AS article_url, a.date AS article_date
FROM events e
LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
LEFT JOIN articles a ON a.id = e.article_id
"""
_ORDER = " ORDER BY e.date DESC, e.article_id, e.sentence_idx, e.start_char, e.id"


def health(store: Store) -> dict[str, Any]:
    """Table sizes and the date range covered; the store by its file name only (no paths in responses)."""
    counts = store.counts()
    span = store.query("SELECT min(date) AS first_date, max(date) AS last_date FROM articles")[0]
    return {"status": "ok", "store": store.path.name, "articles": counts["articles"], "events": counts["events"],
            "ties": counts["ties"], **span}


def list_events(store: Store, f: EventFilter, *, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """A page of events (newest first) with evidence, plus the total number of matches."""
    where, params = _where(f)
    total_row = store.query(f"SELECT count(*) AS n FROM events e{where}", params)
    rows = store.query(_EVENT_SQL + where + _ORDER + " LIMIT ? OFFSET ?", [*params, limit, offset])
    return {"total": int(total_row[0]["n"]), "limit": limit, "offset": offset, "events": _with_evidence(store, rows)}


def _with_evidence(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attach sentence, article and highlight spans to event rows."""
    if not rows:
        return []
    ids = sorted({r["article_id"] for r in rows})
    marks = ",".join("?" * len(ids))
    mentions: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for m in store.query(f"SELECT * FROM mentions WHERE article_id IN ({marks}) ORDER BY start_char", ids):
        mentions.setdefault((m["article_id"], m["sentence_idx"]), []).append(m)
    return [_event_out(r, mentions.get((r["article_id"], r["sentence_idx"]), [])) for r in rows]


def _event_out(r: dict[str, Any], mentions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    sentence = r.get("sentence") or ""
    s0 = r.get("sentence_start") or 0
    return {
        "id": r["id"], "article_id": r["article_id"], "date": r["date"], "sentence_index": r["sentence_idx"],
        "start": r["start_char"], "end": r["end_char"], "source": r["source"], "source_role": r["source_role"],
        "target": r["target"], "target_role": r["target_role"], "code": r["code"], "code_name": code_name(r["code"]),
        "root": r["root"],
        "quad_class": r["quad_class"], "goldstein": r["goldstein"], "plover_type": r["plover_type"],
        "plover_mode": r["plover_mode"], "pattern": r["pattern"], "confidence": r["confidence"],
        "speaker": r["speaker"], "source_text": r["source_text"], "target_text": r["target_text"], "note": r["note"],
        "event_date": r.get("event_date"), "timing": r.get("timing") or "new",
        "evidence": {
            "sentence": sentence, "sentence_index": r["sentence_idx"], "sentence_start": s0,
            "article_id": r["article_id"], "article_title": r.get("article_title") or "",
            "article_date": r.get("article_date"), "article_url": r.get("article_url") or "",
            "highlights": highlights(r, sentence, s0, mentions),
        },
    }


@functools.cache
def code_name(code: str) -> str:
    """The CAMEO name of a code ("042" -> "Make a visit"); empty for a code the table lacks."""
    from ..errors import UnknownCodeError
    from ..events import cameo

    try:
        return cameo.lookup(code).name
    except UnknownCodeError:
        return ""


def highlights(event: dict[str, Any], sentence: str, sentence_start: int,
               mentions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Spans (relative to the sentence) of the event's source and target words and of the event itself.

    An actor is found as the mention in this sentence with the actor's code, preferring the one
    whose text is the event's ``source_text``/``target_text``; failing that, the first occurrence
    of that text. An actor resolved from another sentence with no word here gets no mark.
    """
    out: list[dict[str, Any]] = []
    n = len(sentence)
    for role in ("source", "target"):
        code, text = event.get(role), event.get(f"{role}_text") or ""
        cands = [m for m in mentions if m["code"] == code]
        best = next((m for m in cands if text and m["text"] == text), None) or (cands[0] if cands and not text else None)
        if best is not None:
            start, end = best["start_char"] - sentence_start, best["end_char"] - sentence_start
        elif text and (i := sentence.find(text)) >= 0:
            start, end = i, i + len(text)
        elif cands:
            start, end = cands[0]["start_char"] - sentence_start, cands[0]["end_char"] - sentence_start
        else:
            continue
        if 0 <= start < end <= n:
            out.append({"start": start, "end": end, "role": role, "code": code, "text": sentence[start:end]})
    es, ee = event["start_char"] - sentence_start, event["end_char"] - sentence_start
    # The event span is marked only when it is a part of the sentence (a trigger), not the whole of it.
    if 0 <= es < ee <= n and (es, ee) != (0, n):
        out.append({"start": es, "end": ee, "role": "event", "code": event.get("code"), "text": sentence[es:ee]})
    return sorted(out, key=lambda h: (h["start"], h["end"]))


def article(store: Store, article_id: str) -> dict[str, Any]:
    """One article with sentences, mentions, events (with evidence) and ties."""
    rows = store.query("SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        raise NotFoundError("article", article_id, "take ids from /api/events (article_id) or `multivector events`")
    a = rows[0]
    sents = store.query("SELECT idx, start_char, end_char, text FROM sentences WHERE article_id = ? ORDER BY idx",
                        [article_id])
    ments = store.query("SELECT * FROM mentions WHERE article_id = ? ORDER BY start_char", [article_id])
    evs = store.query(_EVENT_SQL + " WHERE e.article_id = ? ORDER BY e.sentence_idx, e.start_char, e.id", [article_id])
    ties = store.query("SELECT * FROM ties WHERE article_id = ? ORDER BY sentence_idx, start_char, id", [article_id])
    by_sent: dict[int, list[dict[str, Any]]] = {}
    for m in ments:
        by_sent.setdefault(m["sentence_idx"], []).append(m)
    return {
        "id": a["id"], "date": a["date"], "title": a["title"] or "", "url": a["url"] or "",
        "source": a["source"] or "", "story_id": a["story_id"], "text": a["text"] or "",
        "faq": json.loads(a["faq"]) if a["faq"] else [],
        "sentences": [{"index": s["idx"], "start": s["start_char"], "end": s["end_char"], "text": s["text"]}
                      for s in sents],
        "mentions": [{"sentence_index": m["sentence_idx"], "start": m["start_char"], "end": m["end_char"],
                      "text": m["text"], "code": m["code"], "role": m["role"], "kind": m["kind"], "rule": m["rule"],
                      "antecedent": m["antecedent"]} for m in ments],
        "events": [_event_out(e, by_sent.get(e["sentence_idx"], [])) for e in evs],
        "ties": [{"id": t["id"], "article_id": t["article_id"], "date": t["date"], "sentence_index": t["sentence_idx"],
                  "start": t["start_char"], "end": t["end_char"], "a": t["a"], "b": t["b"], "type": t["type"],
                  "pattern": t["pattern"], "confidence": t["confidence"], "note": t["note"]} for t in ties],
    }


def titles(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """Article id -> title, for labelling citations."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r["id"]: r["title"] or "" for r in store.query(f"SELECT id, title FROM articles WHERE id IN ({marks})", ids)}


def store_actors(store: Store, partner_of: str | None = None) -> list[dict[str, Any]]:
    """Actor codes with their event counts (optionally only those with events with ``partner_of``), most first."""
    if partner_of:
        sql = ("SELECT code, count(*) AS events FROM (SELECT CASE WHEN source = ? THEN target ELSE source END AS code "
               "FROM events WHERE (source = ? OR target = ?) AND source <> target) GROUP BY code")
        rows = store.query(sql + " ORDER BY events DESC, code", [partner_of, partner_of, partner_of])
    else:
        sql = "SELECT code, count(*) AS events FROM (SELECT source AS code FROM events UNION ALL SELECT target FROM events)"
        rows = store.query(sql + " GROUP BY code ORDER BY events DESC, code")
    names = actor_names()
    return [{"code": r["code"], "name": names.get(r["code"], r["code"]), "events": int(r["events"])} for r in rows]


def check_code(store: Store, code: str) -> str:
    """The upper-cased code if the actor lexicon or the store knows it; else UnknownActorError (library rule)."""
    from ..analysis.common import check_codes

    return check_codes(store, [code])[0]


# -- actor lexicon -------------------------------------------------------------
_LISTS = {"countries": "country", "organizations": "organization"}


@functools.cache
def lexicon() -> tuple[dict[str, Any], ...]:
    """Countries and organisations from multivector/actors/data/*.yaml (empty when not shipped yet)."""
    out: list[dict[str, Any]] = []
    data = resources.files("multivector.actors") / "data"
    for key, kind in _LISTS.items():
        f = data / f"{key}.yaml"
        if not f.is_file():
            continue
        doc = yamlfast.safe_load(f.read_text(encoding="utf-8")) or {}
        for e in doc.get(key) or []:
            if not isinstance(e, dict) or "code" not in e:
                continue
            out.append({
                "code": str(e["code"]), "name": str(e.get("name") or e["code"]), "kind": kind,
                "aliases": [str(x) for x in e.get("aliases") or []],
                "adjectives": [str(x) for x in e.get("adjectives") or []],
                "capitals": [str(x) for x in e.get("capitals") or []],
                "codable": bool(e.get("codable", True)),
            })
    return tuple(out)


@functools.cache
def actor_names() -> dict[str, str]:
    return {e["code"]: e["name"] for e in lexicon()}


def search_actors(query: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Lexicon entries whose code, name, alias, adjective or capital contains ``query`` (case-insensitive).

    Exact code matches come first, then name prefixes, then other matches, so 'kaz' finds KAZ first.
    """
    q = query.strip().lower()
    hits: list[tuple[int, str, dict[str, Any]]] = []
    for e in lexicon():
        words = [e["code"], e["name"], *e["aliases"], *e["adjectives"], *e["capitals"]]
        if q and not any(q in w.lower() for w in words):
            continue
        rank = 0 if e["code"].lower() == q else 1 if e["name"].lower().startswith(q) else 2
        hits.append((rank, e["name"], e))
    hits.sort(key=lambda h: (h[0], h[1]))
    return [h[2] for h in hits[:limit]]
