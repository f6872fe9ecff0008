"""JSONL, JSON (a list of objects, or one object) and CSV: one article per record.

Fields: date (or published/datetime/pubdate), text (or body/content/description/summary),
title, url (or link), source. A bad record becomes its own BadRecord ("file.jsonl:17: ...")
and the rest of the file goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..errors import InputError
from ..records import Article, BadRecord
from .common import DEFAULT_MAX_BYTES, Item, bad, decode, parse_date, read_text, unreadable
from .seed import split_faq

DATE_FIELDS = ("date", "published", "datetime", "pubdate", "published_at")
TEXT_FIELDS = ("text", "body", "content", "description", "summary")
URL_FIELDS = ("url", "link")
# CSV fields hold whole articles; the csv module's default 128 KB cap would reject long ones.
csv.field_size_limit(50_000_000)


def _first(rec: Mapping[str, object], names: tuple[str, ...]) -> object:
    for n in names:
        v = rec.get(n)
        if v not in (None, ""):
            return v
    return None


def article_from_record(rec: object, source: str, default_date: dt.date | None) -> Article | BadRecord:
    """One article from a mapping of fields; a BadRecord naming the missing or bad field otherwise."""
    if not isinstance(rec, Mapping):
        return BadRecord(source, f"record is a JSON {type(rec).__name__}, not an object; write one object per line")
    rec = {str(k).lower(): v for k, v in rec.items()}
    text = _first(rec, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        return BadRecord(source, f"no article text; give it in one of the fields {', '.join(TEXT_FIELDS)}")
    raw_date = _first(rec, DATE_FIELDS)
    try:
        date = parse_date(raw_date, source) if raw_date is not None or default_date is None else default_date
    except InputError as exc:
        return bad(exc)
    body, faq = split_faq(text)
    name = rec.get("source")
    return Article.make(
        body.strip(), date, title=str(rec.get("title") or ""), url=str(_first(rec, URL_FIELDS) or ""),
        source=name if isinstance(name, str) and name else source, faq=faq,
    )


def read_jsonl(path: Path, *, default_date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One article per line, streamed (``max_bytes`` applies to each line, not the file)."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield unreadable(path, exc)
        return
    with fh:
        for n, raw in enumerate(fh, 1):
            src = f"{path}:{n}"
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield BadRecord(src, f"line is {len(raw) / 1e6:.1f} MB, over the limit; split it or raise --max-bytes")
                continue
            line = decode(raw, src)
            if isinstance(line, BadRecord):
                yield line
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BadRecord(src, f"invalid JSON ({exc.msg} at column {exc.colno}); fix or delete the line")
                continue
            yield article_from_record(rec, src, default_date)


def read_json(path: Path, *, default_date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """A .json file: a list of article objects, one object, or JSON lines under a .json name."""
    text = read_text(path, max_bytes)
    if isinstance(text, BadRecord):
        yield text
        return
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{") and "\n" in text.strip():
            yield from read_jsonl(path, default_date=default_date, max_bytes=max_bytes)
        else:
            yield BadRecord(str(path), f"invalid JSON ({exc.msg} at line {exc.lineno}); fix the file")
        return
    if isinstance(doc, list):
        for i, rec in enumerate(doc):
            yield article_from_record(rec, f"{path}[{i}]", default_date)
    else:
        yield article_from_record(doc, str(path), default_date)


def read_csv(path: Path, *, default_date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """A CSV file with a header row; line numbers in reasons count the header as line 1."""
    text = read_text(path, max_bytes)
    if isinstance(text, BadRecord):
        yield text
        return
    # The header decides the delimiter: csv.Sniffer misreads article bodies full of commas and semicolons.
    header = text.split("\n", 1)[0]
    delim = max(",;\t", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delim)
    if not reader.fieldnames:
        yield BadRecord(str(path), "CSV without a header row; add 'date,title,text,url' as the first line")
        return
    try:
        for row in reader:
            yield article_from_record({k: v for k, v in row.items() if k is not None}, f"{path}:{reader.line_num}", default_date)
    except csv.Error as exc:
        yield BadRecord(f"{path}:{reader.line_num}", f"malformed CSV ({exc}); fix the quoting on that line")
