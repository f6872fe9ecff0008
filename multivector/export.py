"""Export the store: GDELT 2.0 event TSV, PLOVER JSON/JSONL, Parquet tables, JSONL events.

Formats and their mappings (read before comparing with other datasets):

* ``gdelt`` - the 61 tab-separated columns of the GDELT 2.0 Event table, no header
  (GDELT's files have none; ``header=True`` adds one). Blank where we have no value
  (ethnic/religion codes, AvgTone, all geography); Actor*Name = the actor's words, upper-cased.
  Actor code = country + role (``RUSGOV``); Actor*CountryCode = country; Type1Code = role.
  IGOs follow CAMEO 1.1b3 Table 3.4: ActorCode ``IGO`` + org code (``IGOUNO``), blank
  CountryCode, KnownGroupCode = org code (UN->UNO, EU->EEC, NATO->NAT, OSCE->SCE, IMF->IMF;
  CSTO, EAEU and SCO have no CAMEO code and keep ours), Type1Code ``IGO``, Type2Code = role.
  ``WST`` (the West) is a CAMEO region code: ActorCode only.
  One row per *event* (multivector.identity: the mentions of one happening across sentences, articles
  and outlets), its fields from the earliest report. GLOBALEVENTID = int(first 15 hex digits of the
  event's cluster id) (stable, < 2**63). SQLDATE = the event date (identity.timing: "on Tuesday", "in
  2019" read against the article date). IsRootEvent = 1 when any mention is an article's first sentence
  (GDELT's lead-paragraph convention). NumMentions = mentions, each counted once per article of its
  story (near-duplicate copies repeat it); NumArticles = articles reporting the event, copies included;
  NumSources = distinct outlets among them (URL host, else the article's source name; at least 1).
  DATEADDED = first ingest time, YYYYMMDDHHMMSS. SOURCEURL = the earliest report's url, else
  ``multivector:article/<id>``.
* ``gdelt-mentions`` - GDELT 2.0's Mentions table (16 columns, no header): one row per coded mention
  with the GLOBALEVENTID of its event, so GDELT scripts can join mentions to events. MentionType 1 (web),
  MentionSourceName = outlet, MentionIdentifier = url (or ``multivector:article/<id>``), SentenceID =
  1-based sentence, Actor1/Actor2/ActionCharOffset = article offsets of the actor words and the trigger
  (-1 when unknown), InRawText 1, Confidence = 100 x our confidence, MentionDocLen = article characters.
* ``plover`` / ``plover-jsonl`` - field names of the PLOVER manual's "PLOVER JSON" table
  (openeventdata/PLOVER, PLOVER_MANUAL.tex): id, date, source/recipient (lists of actor
  objects {code, sector, actor_text}), event (list of PLOVER types), mode (list), context
  (empty list: we do not code contexts), quad_code, event_text (the span), text (the sentence),
  text_info {sequence = sentence index, start, end = article character offsets}, cite_info
  {url, title, language, publication}, coder, comment (our note). Extension fields, as the
  manual allows: cameo_code, goldstein, article_id, pattern, confidence.
* ``parquet`` - articles, sentences, mentions, events, ties, minhash (story signatures) as ``<table>.parquet`` in a directory,
  written by DuckDB ``COPY``, plus ``manifest.json`` (set id, row count per table); each file carries the
  set id in its Parquet key-value metadata. ``multivector load DIR`` reads them back and refuses a set that is
  incomplete or mixed.
* ``jsonl`` - one event row (store columns) per line.

Every file output is atomic (``atomic.py``): written under a hidden temporary name beside the target and
renamed at the end; a Parquet set is built in a hidden folder and swapped in whole. A killed export leaves
the previous output (or nothing) under the final name, never a partial one.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import sys
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .atomic import atomic_text, replace_dir, temp_dir
from .errors import EmptyStoreError, UsageError
from .identity.clusters import outlet
from .store import EVENT_COLUMNS, SCHEMA_VERSION, Store

FORMATS = ("gdelt", "gdelt-mentions", "plover", "plover-jsonl", "parquet", "jsonl")
PARQUET_TABLES = ("articles", "sentences", "mentions", "events", "ties", "minhash")
MANIFEST = "manifest.json"
SET_FORMAT = "multivector-parquet"
CODER = "multivector"

# GDELT 2.0 Event table, in file order: GDELT-Event_Codebook-V2.0.pdf
# (data.gdeltproject.org/documentation), checked against public GDELT 2.0 loaders listing
# the same 61 names; 2.0 added the *_ADM2Code geography columns to 1.0's 58.
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)
GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
assert len(GDELT_COLUMNS) == 61
# GDELT 2.0 Mentions table, in file order (GDELT-Event_Codebook-V2.0.pdf, "Mentions Table").
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)

# Our organisation codes -> CAMEO organisation codes (CAMEO 1.1b3 actor codebook, Table 3.4).
CAMEO_IGO = {"UN": "UNO", "EU": "EEC", "NATO": "NAT", "OSCE": "SCE", "IMF": "IMF",
             "CSTO": "CSTO", "EAEU": "EAEU", "SCO": "SCO"}
CAMEO_REGIONS = frozenset({"WST"})

_COUNTRY_RE = re.compile(r"^[A-Z]{2,5}$")
_CLEAN = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What an export wrote: row count (events, or all tables for parquet) and where."""

    rows: int
    path: Path
    tables: tuple[tuple[str, int], ...] = ()


def export(
    store_path: str | Path,
    fmt: str,
    output: str | Path,
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    header: bool = False,
) -> ExportReport:
    """Write the store's events (filtered by country and date) in ``fmt`` to ``output`` ('-' = stdout)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if country is not None:
        country = country.strip().upper()
        if not _COUNTRY_RE.match(country):
            raise UsageError(f"bad country code {country!r}; pass a code such as KAZ, RUS, EU (see `multivector actors`)")
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}; swap them")
    out = Path(output)
    if fmt == "parquet" and str(output) == "-":
        raise UsageError("parquet needs a directory; pass --output DIR")
    if str(output) != "-" and not (out.parent if str(out.parent) else Path(".")).is_dir():
        # Never create folders the user did not ask for (a typo would scatter them, even at the root).
        raise UsageError(f"folder {out.parent} does not exist; create it first or pass another --output")
    with Store(store_path, read_only=True) as store:
        if not store.con.execute("SELECT count(*) FROM articles").fetchone()[0]:  # type: ignore[index]
            raise EmptyStoreError(str(store.path))
        where = _where(country, since, until)
        if fmt == "parquet":
            filt = {"country": country, "since": since.isoformat() if since else None,
                    "until": until.isoformat() if until else None}
            return _parquet(store, out, where, _where(country, since, until, ("a", "b")), filt)
        rows = _event_rows(store, where)
        if fmt.startswith("gdelt"):
            rows = _with_event_counts(store, rows)
        with _open_text(out) as fh:
            if fmt == "gdelt":
                n = _write_gdelt(gdelt_events(rows), fh, header=header)
            elif fmt == "gdelt-mentions":
                n = _write_tsv((gdelt_mention_row(r) for r in rows), fh, GDELT_MENTION_COLUMNS if header else None)
            elif fmt == "plover":
                n = _write_json_array((plover_record(r) for r in rows), fh)
            elif fmt == "plover-jsonl":
                n = _write_jsonl((plover_record(r) for r in rows), fh)
            else:
                n = _write_jsonl(({k: _jsonable(r[k]) for k in EVENT_COLUMNS} for r in rows), fh)
    return ExportReport(n, out)


# -- selection -------------------------------------------------------------------
def _where(country: str | None, since: dt.date | None, until: dt.date | None, sides: tuple[str, str] = ("source", "target")) -> str:
    """SQL filter on events (or ties) ``e``; literals are validated above (code regex, real dates), so inlining is safe."""
    parts = ["TRUE"]
    if country:
        parts.append(f"(e.{sides[0]} = '{country}' OR e.{sides[1]} = '{country}')")
    day = "coalesce(e.event_date, e.date)" if sides == ("source", "target") else "e.date"  # events: the event date
    if since:
        parts.append(f"{day} >= DATE '{since.isoformat()}'")
    if until:
        parts.append(f"{day} <= DATE '{until.isoformat()}'")
    return " AND ".join(parts)


def _event_rows(store: Store, where: str) -> list[dict[str, Any]]:
    """Mentions joined with their article and event id, in date/article/position order."""
    cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    sql = f"""
        SELECT {cols}, a.url AS url, a.title AS title, a.lang AS lang, a.source AS publication,
               a.ingested_at AS ingested_at, length(a.text) AS doc_len, s.text AS sentence_text,
               s.start_char AS sentence_start,
               coalesce(a.story_id, a.id, e.article_id) AS story_id, coalesce(c.cluster_id, e.id) AS event_id,
               substr(a.text, e.start_char + 1, e.end_char - e.start_char) AS span_text
        FROM events e
        LEFT JOIN articles a ON a.id = e.article_id
        LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
        LEFT JOIN clusters c ON c.kind = 'event' AND c.mention_id = e.id
        WHERE {where}
        ORDER BY e.date, e.article_id, e.sentence_idx, e.start_char, e.id
    """
    return store.query(sql)


def _with_event_counts(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each mention's outlet and its event's NumMentions, NumArticles, NumSources (GDELT semantics; all of the
    event's mentions count, also those outside the export's filter)."""
    events = sorted({r["event_id"] for r in rows})
    if not events:
        return rows
    mentions = store.query(
        "SELECT c.cluster_id AS event_id, coalesce(a.story_id, a.id, e.article_id) AS story_id FROM clusters c"
        " JOIN events e ON e.id = c.mention_id LEFT JOIN articles a ON a.id = e.article_id"
        " WHERE c.kind = 'event' AND list_contains(?, c.cluster_id)", [events])
    stories: dict[str, list[str]] = {}
    for m in mentions:
        stories.setdefault(m["event_id"], []).append(m["story_id"])
    for r in rows:  # mentions without a cluster row (should not happen): their own event
        stories.setdefault(r["event_id"], [r["story_id"]])
    wanted = sorted({s for ss in stories.values() for s in ss})
    members: dict[str, list[tuple[str, str]]] = {}
    for a in store.query("SELECT coalesce(story_id, id) AS story_id, id, url, source FROM articles"
                         " WHERE list_contains(?, coalesce(story_id, id))", [wanted]):
        members.setdefault(a["story_id"], []).append((a["id"], outlet(a["url"], a["source"])))
    counts: dict[str, tuple[int, int, int]] = {}
    for ev, ss in stories.items():
        arts = {aid: o for s in set(ss) for aid, o in members.get(s, [])}
        n_mentions = sum(max(len(members.get(s, [])), 1) for s in ss)
        n_sources = len({o for o in arts.values() if o}) or 1
        counts[ev] = (n_mentions, max(len(arts), 1), n_sources)
    for r in rows:
        r["num_mentions"], r["num_articles"], r["num_sources"] = counts[r["event_id"]]
        r["outlet"] = outlet(r.get("url"), r.get("publication"))
    return rows


def gdelt_events(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per event: its earliest mention's fields, the event's first date, IsRootEvent over all mentions."""
    by: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by.setdefault(r["event_id"], []).append(r)
    out = []
    for ms in by.values():
        first = dict(ms[0])  # rows come in article date / position order: the earliest report
        first["event_day"] = min(m["event_date"] or m["date"] for m in ms)
        first["is_root"] = any(m["sentence_idx"] == 0 for m in ms)
        first["ingested_at"] = min((m["ingested_at"] for m in ms if m.get("ingested_at")), default=None)
        out.append(first)
    out.sort(key=lambda r: (r["event_day"], r["date"], r["article_id"], r["sentence_idx"], r["event_id"]))
    return out


# -- GDELT -----------------------------------------------------------------------
def _actor(code: str | None, role: str | None) -> dict[str, str]:
    """GDELT actor fields (Code, CountryCode, KnownGroupCode, Type1/2Code) for one of our actors."""
    code = (code or "").upper()
    role = (role or "").upper()
    if code in CAMEO_IGO:
        org = CAMEO_IGO[code]
        return {"Code": f"IGO{org}", "CountryCode": "", "KnownGroupCode": org, "Type1Code": "IGO", "Type2Code": role}
    if code in CAMEO_REGIONS:
        return {"Code": code + role, "CountryCode": "", "KnownGroupCode": "", "Type1Code": role, "Type2Code": ""}
    return {"Code": code + role, "CountryCode": code, "KnownGroupCode": "", "Type1Code": role, "Type2Code": ""}


def _fraction_date(d: dt.date) -> str:
    """YYYY.FFFF: the year plus the share of it completed before this day (GDELT's FractionDate)."""
    days = 366 if (d.year % 4 == 0 and (d.year % 100 != 0 or d.year % 400 == 0)) else 365
    return f"{d.year + (d.timetuple().tm_yday - 1) / days:.4f}"


def gdelt_row(r: dict[str, Any]) -> list[str]:
    """One event (from ``gdelt_events``) as the 61 GDELT 2.0 fields, blanks where unknown."""
    d: dt.date = r.get("event_day") or r.get("event_date") or r["date"]
    code = str(r["code"] or "")
    root = str(r["root"] or code[:2])
    v: dict[str, str] = dict.fromkeys(GDELT_COLUMNS, "")
    v.update(
        GLOBALEVENTID=_global_id(r),
        SQLDATE=d.strftime("%Y%m%d"), MonthYear=d.strftime("%Y%m"), Year=str(d.year), FractionDate=_fraction_date(d),
        IsRootEvent="1" if r.get("is_root", r["sentence_idx"] == 0) else "0",
        EventCode=code, EventBaseCode=code[:3], EventRootCode=root.zfill(2)[:2],
        QuadClass="" if r["quad_class"] is None else str(r["quad_class"]),
        GoldsteinScale="" if r["goldstein"] is None else f"{r['goldstein']:g}",
        NumMentions=str(r["num_mentions"]), NumSources=str(r["num_sources"]), NumArticles=str(r["num_articles"]),
        DATEADDED=r["ingested_at"].strftime("%Y%m%d%H%M%S") if r.get("ingested_at") else "",
        SOURCEURL=r.get("url") or f"multivector:article/{r['article_id']}",
    )
    for n, side in ((1, "source"), (2, "target")):
        for k, val in _actor(r[side], r[f"{side}_role"]).items():
            v[f"Actor{n}{k}"] = val
        v[f"Actor{n}Name"] = str(r[f"{side}_text"] or "").upper()  # GDELT names are upper case
    return [v[c].translate(_CLEAN) for c in GDELT_COLUMNS]


def _global_id(r: dict[str, Any]) -> str:
    """GLOBALEVENTID: the event's cluster id as a stable integer below 2**63."""
    return str(int(str(r.get("event_id") or r["id"])[:15], 16))


def gdelt_mention_row(r: dict[str, Any]) -> list[str]:
    """One mention (an export row with event counts) as the 16 GDELT 2.0 Mentions fields."""
    added = r["ingested_at"].strftime("%Y%m%d%H%M%S") if r.get("ingested_at") else ""
    event_day: dt.date = r.get("event_date") or r["date"]
    text = str(r.get("sentence_text") or "")

    def offset(words: str | None) -> str:
        i = text.find(words) if words and text else -1
        return "-1" if i < 0 else str(int(r.get("sentence_start") or 0) + i)

    v = {
        "GLOBALEVENTID": _global_id(r), "EventTimeDate": event_day.strftime("%Y%m%d") + "000000",
        "MentionTimeDate": added or r["date"].strftime("%Y%m%d") + "000000", "MentionType": "1",
        "MentionSourceName": r.get("outlet") or "", "MentionIdentifier": r.get("url") or f"multivector:article/{r['article_id']}",
        "SentenceID": str(int(r["sentence_idx"]) + 1), "Actor1CharOffset": offset(r.get("source_text")),
        "Actor2CharOffset": offset(r.get("target_text")), "ActionCharOffset": str(r["start_char"]), "InRawText": "1",
        "Confidence": str(round(100 * float(r["confidence"] if r["confidence"] is not None else 1.0))),
        "MentionDocLen": str(r.get("doc_len") or ""), "MentionDocTone": "", "MentionDocTranslationInfo": "", "Extras": "",
    }
    return [v[c].translate(_CLEAN) for c in GDELT_MENTION_COLUMNS]


def _write_tsv(rows: Iterator[list[str]], fh: IO[str], header: Sequence[str] | None) -> int:
    w = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n", escapechar=None, quotechar=None)
    if header:
        w.writerow(header)
    n = 0
    for row in rows:
        w.writerow(row)
        n += 1
    return n


def _write_gdelt(rows: Sequence[dict[str, Any]], fh: IO[str], *, header: bool) -> int:
    w = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n", escapechar=None, quotechar=None)
    if header:
        w.writerow(GDELT_COLUMNS)
    for r in rows:
        w.writerow(gdelt_row(r))
    return len(rows)


# -- PLOVER ----------------------------------------------------------------------
def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """One event row as a PLOVER JSON record (field names from the PLOVER manual; see module doc)."""

    def actor(code: str | None, role: str | None, text: str | None) -> list[dict[str, Any]]:
        return [{"code": code, "sector": role, "actor_text": text or None}] if code else []

    return {
        "id": r["id"],
        "date": r["date"].isoformat(),
        "source": actor(r["source"], r["source_role"], r["source_text"]),
        "recipient": actor(r["target"], r["target_role"], r["target_text"]),
        "event": [r["plover_type"]] if r["plover_type"] else [],
        "mode": [r["plover_mode"]] if r["plover_mode"] else [],
        "context": [],
        "quad_code": r["quad_class"],
        "event_text": [r["span_text"]] if r.get("span_text") else [],
        "text": r.get("sentence_text"),
        "text_info": {"sequence": r["sentence_idx"], "start": r["start_char"], "end": r["end_char"]},
        "cite_info": {"url": r.get("url") or None, "title": r.get("title") or None,
                      "language": r.get("lang") or None, "publication": r.get("publication") or None},
        "coder": CODER,
        "comment": r["note"] or None,
        "cameo_code": r["code"],
        "goldstein": r["goldstein"],
        "article_id": r["article_id"],
        "pattern": r["pattern"],
        "confidence": r["confidence"],
    }


# -- JSON helpers ----------------------------------------------------------------
def _jsonable(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date | dt.datetime) else v


def _write_jsonl(records: Iterator[dict[str, Any]], fh: IO[str]) -> int:
    n = 0
    for rec in records:
        fh.write(json.dumps(rec, ensure_ascii=False, default=_jsonable) + "\n")
        n += 1
    return n


def _write_json_array(records: Iterator[dict[str, Any]], fh: IO[str]) -> int:
    """A JSON array written one record at a time (no whole-list copy in memory)."""
    n = 0
    fh.write("[")
    for rec in records:
        fh.write(("\n" if n == 0 else ",\n") + json.dumps(rec, ensure_ascii=False, default=_jsonable))
        n += 1
    fh.write("\n]\n" if n else "]\n")
    return n


@contextmanager
def _open_text(path: Path) -> Iterator[IO[str]]:
    """The output file, written atomically (parents created), or stdout for '-'."""
    if str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_text(path) as fh:
        yield fh


# -- Parquet ---------------------------------------------------------------------
def _check_parquet_target(out: Path) -> None:
    """A Parquet set may replace nothing, an empty folder or an earlier set (it has a manifest), never other files."""
    if out.is_file():
        raise UsageError(f"{out} is a file; parquet needs a folder, pass --output DIR")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise UsageError(f"{out} holds files that are not a multivector Parquet export; pass a new or empty folder")


def _parquet(store: Store, out: Path, where: str, tie_where: str, filt: dict[str, str | None]) -> ExportReport:
    """One Parquet file per table plus a manifest, built in a hidden folder and swapped in whole.

    A filter selects events, ties and the articles they come from.
    """
    _check_parquet_target(out)
    selects = {
        "events": f"SELECT * FROM events e WHERE {where}",
        "ties": f"SELECT * FROM ties e WHERE {tie_where}",
    }
    if any(filt.values()):
        keep = (f"(SELECT article_id FROM events e WHERE {where} UNION SELECT article_id FROM ties e WHERE {tie_where})")
        selects["articles"] = f"SELECT * FROM articles WHERE id IN {keep}"
        selects["sentences"] = f"SELECT * FROM sentences WHERE article_id IN {keep}"
        selects["mentions"] = f"SELECT * FROM mentions WHERE article_id IN {keep}"
        selects["minhash"] = f"SELECT * FROM minhash WHERE article_id IN {keep}"
    else:
        selects.update({t: f"SELECT * FROM {t}" for t in ("articles", "sentences", "mentions", "minhash")})
    set_id = uuid.uuid4().hex
    tmp = temp_dir(out)
    try:
        tables: dict[str, dict[str, object]] = {}
        for table in PARQUET_TABLES:
            target = str(tmp / f"{table}.parquet").replace("'", "''")
            store.con.execute(f"COPY ({selects[table]}) TO '{target}' "
                              f"(FORMAT PARQUET, KV_METADATA {{multivector_set: '{set_id}', multivector_table: '{table}'}})")
            row = store.con.execute(f"SELECT sum(num_rows) FROM parquet_file_metadata('{target}')").fetchone()
            tables[table] = {"file": f"{table}.parquet", "rows": int(row[0] or 0) if row else 0}
        manifest = {"format": SET_FORMAT, "version": 1, "set_id": set_id, "schema_version": SCHEMA_VERSION,
                    "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "filter": filt, "tables": tables}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        replace_dir(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    counts = tuple((t, int(str(tables[t]["rows"]))) for t in PARQUET_TABLES)
    return ExportReport(sum(n for _, n in counts), out, counts)
