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
  GLOBALEVENTID = int(first 15 hex digits of our event id) (stable, < 2**63).
  IsRootEvent = 1 for events in the article's first sentence (GDELT's convention).
  NumArticles = NumMentions = articles sharing the event article's story_id; NumSources =
  distinct article sources among them (at least 1). DATEADDED = ingest time, YYYYMMDDHHMMSS.
  SOURCEURL = article url, else ``multivector:article/<id>``.
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
from .store import EVENT_COLUMNS, SCHEMA_VERSION, Store

FORMATS = ("gdelt", "plover", "plover-jsonl", "parquet", "jsonl")
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
    with Store(store_path, read_only=True) as store:
        if not store.con.execute("SELECT count(*) FROM articles").fetchone()[0]:  # type: ignore[index]
            raise EmptyStoreError(str(store.path))
        where = _where(country, since, until)
        if fmt == "parquet":
            filt = {"country": country, "since": since.isoformat() if since else None,
                    "until": until.isoformat() if until else None}
            return _parquet(store, out, where, _where(country, since, until, ("a", "b")), filt)
        rows = _event_rows(store, where)
        with _open_text(out) as fh:
            if fmt == "gdelt":
                n = _write_gdelt(rows, fh, header=header)
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
    if since:
        parts.append(f"e.date >= DATE '{since.isoformat()}'")
    if until:
        parts.append(f"e.date <= DATE '{until.isoformat()}'")
    return " AND ".join(parts)


def _event_rows(store: Store, where: str) -> list[dict[str, Any]]:
    """Events joined with their article and story counts, in date/article/position order."""
    cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    sql = f"""
        WITH story AS (
            SELECT story_id, count(*) AS n_articles, count(DISTINCT nullif(source, '')) AS n_sources
            FROM articles GROUP BY story_id
        )
        SELECT {cols}, a.url AS url, a.title AS title, a.lang AS lang, a.source AS publication,
               a.ingested_at AS ingested_at, coalesce(st.n_articles, 1) AS n_articles,
               greatest(coalesce(st.n_sources, 1), 1) AS n_sources, s.text AS sentence_text,
               substr(a.text, e.start_char + 1, e.end_char - e.start_char) AS span_text
        FROM events e
        LEFT JOIN articles a ON a.id = e.article_id
        LEFT JOIN story st ON st.story_id = a.story_id
        LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
        WHERE {where}
        ORDER BY e.date, e.article_id, e.sentence_idx, e.start_char, e.id
    """
    return store.query(sql)


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
    """One event row (from the export query) as the 61 GDELT 2.0 fields, blanks where unknown."""
    d: dt.date = r["date"]
    code = str(r["code"] or "")
    root = str(r["root"] or code[:2])
    v: dict[str, str] = dict.fromkeys(GDELT_COLUMNS, "")
    v.update(
        GLOBALEVENTID=str(int(str(r["id"])[:15], 16)),
        SQLDATE=d.strftime("%Y%m%d"), MonthYear=d.strftime("%Y%m"), Year=str(d.year), FractionDate=_fraction_date(d),
        IsRootEvent="1" if r["sentence_idx"] == 0 else "0",
        EventCode=code, EventBaseCode=code[:3], EventRootCode=root.zfill(2)[:2],
        QuadClass="" if r["quad_class"] is None else str(r["quad_class"]),
        GoldsteinScale="" if r["goldstein"] is None else f"{r['goldstein']:g}",
        NumMentions=str(r["n_articles"]), NumSources=str(r["n_sources"]), NumArticles=str(r["n_articles"]),
        DATEADDED=r["ingested_at"].strftime("%Y%m%d%H%M%S") if r.get("ingested_at") else "",
        SOURCEURL=r.get("url") or f"multivector:article/{r['article_id']}",
    )
    for n, side in ((1, "source"), (2, "target")):
        for k, val in _actor(r[side], r[f"{side}_role"]).items():
            v[f"Actor{n}{k}"] = val
        v[f"Actor{n}Name"] = str(r[f"{side}_text"] or "").upper()  # GDELT names are upper case
    return [v[c].translate(_CLEAN) for c in GDELT_COLUMNS]


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
