"""JSONL, JSON (a list of objects, or one object) and CSV: one article per record.

Fields: date (or published/datetime/pubdate), text (or body/content/description/summary),
title, url (or link), source. A bad record becomes its own BadRecord ("file.jsonl:17: ...")
and the rest of the file goes on. JSON is parsed under limits: integers of at most
``Limits.max_int_digits`` digits, nesting at most ``Limits.max_json_depth`` deep.
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
from .common import (
    DEFAULT_LIMITS,
    Item,
    Limits,
    bad,
    decode,
    make_article,
    parse_date,
    read_text,
    special_file,
    unreadable,
)
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


def _scalar(value: object) -> str:
    """A title/url/source field as text; lists and objects are not names."""
    if isinstance(value, bool):
        return ""
    return value if isinstance(value, str) else str(value) if isinstance(value, int | float) else ""


def article_from_record(rec: object, source: str, default_date: dt.date | None) -> Article | BadRecord:
    """One article from a mapping of fields; a BadRecord naming the missing or bad field otherwise."""
    if not isinstance(rec, Mapping):
        return BadRecord(source, f"record is a JSON {type(rec).__name__}, not an object; write one object per line")
    rec = {str(k).lower(): v for k, v in rec.items()}
    text = _first(rec, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        return BadRecord(source, f"no article text; give it in one of the fields {', '.join(TEXT_FIELDS)}")
    raw_date = _first(rec, DATE_FIELDS)
    if raw_date is not None and not isinstance(raw_date, str | dt.date):
        return BadRecord(source, f"date is a JSON {type(raw_date).__name__}, not text; write it as \"YYYY-MM-DD\"")
    try:
        date = parse_date(raw_date, source) if raw_date is not None or default_date is None else default_date
    except InputError as exc:
        return bad(exc)
    body, faq = split_faq(text)
    name = _scalar(rec.get("source"))
    return make_article(body, date, name or source, title=_scalar(rec.get("title")),
                        url=_scalar(_first(rec, URL_FIELDS)), faq=faq)


def _depth(doc: object, limit: int) -> bool:
    """True when ``doc`` nests lists/objects at most ``limit`` deep (iterative: no recursion to exhaust)."""
    stack: list[tuple[object, int]] = [(doc, 1)]
    while stack:
        node, d = stack.pop()
        if isinstance(node, dict):
            node = list(node.values())
        if isinstance(node, list):
            if d > limit:
                return False
            stack.extend((v, d + 1) for v in node if isinstance(v, dict | list))
    return True


def load_json(text: str, source: str, limits: Limits, where: str) -> object | BadRecord:
    """Parsed JSON, or a BadRecord for invalid JSON, a too-long integer or too-deep nesting."""

    def bounded_int(digits: str) -> int:
        if len(digits.lstrip("-")) > limits.max_int_digits:
            raise ValueError(f"an integer of {len(digits)} digits, over the {limits.max_int_digits}-digit limit")
        return int(digits)

    too_deep = BadRecord(source, f"JSON nested deeper than {limits.max_json_depth} levels; write flat article objects")
    try:
        doc = json.loads(text, parse_int=bounded_int)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno}" if where == "line" else f"column {exc.colno}"
        return BadRecord(source, f"invalid JSON ({exc.msg} at {at}); fix {'the file' if where == 'line' else 'or delete the line'}")
    except RecursionError:
        return too_deep
    except ValueError as exc:
        return BadRecord(source, f"JSON holds {exc}; remove that number")
    return doc if _depth(doc, limits.max_json_depth) else too_deep


def read_jsonl(path: Path, *, default_date: dt.date | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """One article per line, streamed (``max_bytes`` applies to each line, not the file)."""
    refused = special_file(path)
    if refused is not None:
        yield refused
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield unreadable(path, exc)
        return
    with fh:
        n = 0
        while True:
            raw = fh.readline(limits.max_bytes + 1)
            if not raw:
                break
            n += 1
            src = f"{path}:{n}"
            if len(raw) > limits.max_bytes and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the over-long line
                    raw = fh.readline(1 << 20)
                yield BadRecord(src, f"line is over the {limits.max_bytes / 1e6:g} MB limit; split it or raise --max-bytes")
                continue
            if not raw.strip():
                continue
            line = decode(raw, src)
            if isinstance(line, BadRecord):
                yield line
                continue
            rec = load_json(line, src, limits, "column")
            yield rec if isinstance(rec, BadRecord) else article_from_record(rec, src, default_date)


def read_json(path: Path, *, default_date: dt.date | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """A .json file: a list of article objects, one object, or JSON lines under a .json name."""
    text = read_text(path, limits.max_bytes)
    if isinstance(text, BadRecord):
        yield text
        return
    doc = load_json(text, str(path), limits, "line")
    if isinstance(doc, BadRecord):
        if doc.reason.startswith("invalid JSON") and text.lstrip().startswith("{") and "\n" in text.strip():
            yield from read_jsonl(path, default_date=default_date, limits=limits)
        else:
            yield doc
        return
    if isinstance(doc, list):
        if not doc:
            yield BadRecord(str(path), "empty JSON list; put article objects in it")
        for i, rec in enumerate(doc):
            yield article_from_record(rec, f"{path}[{i}]", default_date)
    else:
        yield article_from_record(doc, str(path), default_date)


def read_csv(path: Path, *, default_date: dt.date | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """A CSV file with a header row naming a text column; line numbers in reasons count the header as line 1."""
    text = read_text(path, limits.max_bytes)
    if isinstance(text, BadRecord):
        yield text
        return
    # The header decides the delimiter: csv.Sniffer misreads article bodies full of commas and semicolons.
    header = text.split("\n", 1)[0]
    delim = max(",;\t", key=header.count)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        names = [str(f).strip().lower() for f in reader.fieldnames or []]
    except csv.Error as exc:
        yield BadRecord(f"{path}:1", f"malformed CSV header ({exc}); fix the quoting of the first line")
        return
    if not any(n in TEXT_FIELDS for n in names):
        shown = ", ".join(repr(n[:20]) for n in names[:5]) or "nothing"
        yield BadRecord(str(path), f"the first line ({shown}) names no text column; start the file with a header "
                                   "row such as 'date,title,text,url'")
        return
    rows, stuck = 0, -1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield BadRecord(f"{path}:{reader.line_num}", f"malformed CSV ({exc}); fix the quoting on that line")
            if reader.line_num == stuck:  # the reader did not move past the bad line: stop here
                break
            stuck = reader.line_num
            continue
        rows += 1
        yield article_from_record({k: v for k, v in row.items() if k is not None}, f"{path}:{reader.line_num}", default_date)
    if not rows:
        yield BadRecord(str(path), "CSV has a header but no rows; add one article per line")
