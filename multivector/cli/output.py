"""One scripting convention for every command that prints data: ``--format table|json|jsonl|csv``.

``table`` is for people (fits the terminal, 80 columns by default); ``json`` is one document,
``jsonl`` one object per line, ``csv`` a header and one row per record (lists and objects
inside a cell are JSON). Machine formats go to stdout untouched by Rich (no wrapping, no colour).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import enum
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box

from ..errors import UsageError

FORMATS = ("table", "json", "jsonl", "csv")
# Compact tables: a rule under the header, no borders, two spaces between columns (80 columns go far).
TABLE: dict[str, Any] = {"box": box.SIMPLE_HEAD, "pad_edge": False, "show_edge": False, "padding": (0, 1, 0, 0),
                         "title_justify": "left"}
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table | json | jsonl | csv")]
# Older spellings kept working (hidden): --json is --format json.
JsonOpt = Annotated[bool, typer.Option("--json", hidden=True, help="Same as --format json.")]


def check_format(fmt: str, *, as_json: bool = False, allowed: Sequence[str] = FORMATS) -> str:
    """The format asked for (``--json`` wins as ``json``), or a UsageError listing the choices."""
    f = "json" if as_json else fmt.strip().lower()
    if f not in allowed:
        raise UsageError(f"unknown --format {fmt!r}; use one of {', '.join(allowed)}")
    return f


def plain(obj: Any) -> Any:
    """Records (frozen dataclasses, dates, enums, tuples) as JSON-ready values, field for field."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [plain(v) for v in obj]
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, dt.date | dt.datetime):
        return obj.isoformat()
    if isinstance(obj, float) and obj != obj:  # NaN is not JSON
        return None
    return obj


def _cell(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else ("" if v is None else v)


def write_rows(rows: Iterable[Any], fmt: str, *, document: Any = None) -> None:
    """Write records as json (``document`` if given, else the list), jsonl or csv to stdout."""
    data = [plain(r) for r in rows]
    w = sys.stdout.write
    if fmt == "json":
        w(json.dumps(plain(document) if document is not None else data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for r in data:
            w(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        fields: dict[str, None] = {}
        for r in data:
            fields.update(dict.fromkeys(r if isinstance(r, dict) else ["value"]))
        writer = csv.DictWriter(sys.stdout, fieldnames=list(fields) or ["value"], lineterminator="\n")
        writer.writeheader()
        for r in data:
            writer.writerow({k: _cell(v) for k, v in (r.items() if isinstance(r, dict) else [("value", r)])})
    else:  # pragma: no cover - callers check the format first
        raise UsageError(f"unknown format {fmt!r}")


def emit(fmt: str, rows: Sequence[Any], table: Callable[[], None], *, document: Any = None) -> None:
    """Print ``rows`` in ``fmt``: ``table()`` draws the human view, the rest are machine formats."""
    if fmt == "table":
        table()
    else:
        write_rows(rows, fmt, document=document)


def excerpt(text: str, width: int, start: int | None = None, end: int | None = None) -> str:
    """One line of at most ``width`` characters cut with "…"; the window slides so text[start:end] shows."""
    one = " ".join(text.split())
    if len(one) <= width:
        return one
    lo = 0
    if start is not None and end is not None and 0 <= start < end <= len(text):
        before = len(" ".join(text[:start].split()))  # where the span starts on the folded line (±1)
        if before + 1 + (end - start) > width - 1:
            lo = max(0, min(before - width // 4, len(one) - width + 1))
    if lo:
        nxt = one.find(" ", lo - 1)  # start at a word
        lo = nxt + 1 if 0 <= nxt < lo + 12 else lo
    head = "…" if lo else ""
    body = one[lo:]
    room = width - len(head)
    if len(body) <= room:
        return head + body
    cut = body.rfind(" ", 0, room)  # end at a word when one ends near the edge
    return head + (body[:cut] if cut > room - 12 else body[: room - 1]) + "…"


def check_writable(path: Path) -> None:
    """UsageError unless ``path`` can be written: its folder exists (none is created) and is writable."""
    if str(path) == "-":
        return
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UsageError(f"{path} is a folder; pass a file name, e.g. {path / 'out.html'}")
    if not folder.is_dir():
        raise UsageError(f"{folder} does not exist; create it first or write somewhere else")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"cannot write {path} (permission denied); write somewhere else")


def write_text(path: Path, text: str) -> None:
    """Write a text file, turning an OS refusal into a one-line UsageError."""
    check_writable(path)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path} ({exc.strerror or exc}); write somewhere else") from exc


def note(text: str) -> None:
    """A dim footnote under a table, wrapped at the terminal width (the console itself never wraps)."""
    from rich.markup import escape

    from . import out

    out.print(f"[dim]{escape(text)}[/]", soft_wrap=False, highlight=False)
