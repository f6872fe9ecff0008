"""The CAMEO 1.1b3 code table: names, Goldstein scores, quad classes and the PLOVER crosswalk.

Loaded once from ``events/data/cameo.tsv`` (package data); every coded event takes its
root, quad class, Goldstein score and PLOVER type/mode from here, so the table is the
single source of those numbers.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import TypedDict

from ..errors import LexiconError, UnknownCodeError

TABLE = "cameo.tsv"
COLUMNS = ("code", "name", "goldstein", "plover_type", "plover_mode")

# The 16 PLOVER event types (POLECAT names: REQUEST replaced the draft's DEMAND).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Standard quad classes by root number (CAMEO/GDELT): 1 verbal cooperation 01-05,
# 2 material cooperation 06-08, 3 verbal conflict 09-13, 4 material conflict 14-20.
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


class EventFields(TypedDict):
    """What an event inherits from its code, under records.Event's field names."""

    code: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code with everything an event inherits from it."""

    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str

    def event_fields(self) -> EventFields:
        """The fields an Event takes from its code (records.Event's names)."""
        return {"code": self.code, "root": self.root, "quad_class": self.quad_class, "goldstein": self.goldstein,
                "plover_type": self.plover_type, "plover_mode": self.plover_mode}

    @property
    def is_root(self) -> bool:
        """True for the 20 two-digit cue categories."""
        return len(self.code) == 2


def root_of(code: str) -> str:
    """The 2-digit root of a 2-, 3- or 4-digit code: "042" -> "04", "1056" -> "10"."""
    if not isinstance(code, str) or not code.isdigit() or not 2 <= len(code) <= 4:
        raise UnknownCodeError(str(code))
    root = code[:2]
    if not 1 <= int(root) <= 20:
        raise UnknownCodeError(code)
    return root


def quad_class(root: str) -> int:
    """Quad class of a root (any code is cut to its root first): 1..4 as in GDELT."""
    n = int(root_of(root))
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    if n <= 13:
        return 3
    return 4


@functools.cache
def _table() -> dict[str, CameoCode]:
    """Parse the packaged TSV once; a malformed row is a packaging bug (LexiconError)."""
    path = resources.files("multivector.events").joinpath("data", TABLE)
    text = path.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    where = f"multivector/events/data/{TABLE}"
    if not rows or tuple(rows[0].split("\t")) != COLUMNS:
        raise LexiconError(where, f"header must be {' '.join(COLUMNS)} (tab-separated)")
    table: dict[str, CameoCode] = {}
    for lineno, line in enumerate(rows[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            raise LexiconError(where, f"row {lineno} has {len(fields)} fields, expected {len(COLUMNS)}")
        code, name, gold, ptype, pmode = (f.strip() for f in fields)
        try:
            root = root_of(code)
            score = float(gold)
        except (UnknownCodeError, ValueError) as exc:
            raise LexiconError(where, f"row {lineno} ({code!r}): bad code or Goldstein score") from exc
        if code in table:
            raise LexiconError(where, f"code {code} appears twice")
        if ptype and ptype not in PLOVER_TYPES:
            raise LexiconError(where, f"code {code}: {ptype!r} is not a PLOVER type")
        table[code] = CameoCode(code, name, root, quad_class(root), score, ptype, pmode.lower())
    return table


def lookup(code: str) -> CameoCode:
    """The table entry for a 2-, 3- or 4-digit code ("04", "042", "0421"); UnknownCodeError if absent."""
    entry = _table().get(code.strip()) if isinstance(code, str) else None
    if entry is None:
        raise UnknownCodeError(str(code))
    return entry


def all_codes() -> list[CameoCode]:
    """Every code in table order (roots followed by their 3- and 4-digit codes)."""
    return list(_table().values())


def plover(code: str) -> tuple[str, str]:
    """(PLOVER type, mode) of a code; type is "" for CAMEO 01 statements, which PLOVER does not code."""
    entry = lookup(code)
    return entry.plover_type, entry.plover_mode


def find_codes(search: str | None = None, root: str | None = None) -> list[CameoCode]:
    """Codes whose name, code or PLOVER type/mode contains ``search`` (case-insensitive), optionally under one root."""
    want_root = root_of(root.strip().zfill(2)) if root else None
    needle = search.strip().lower() if search else ""
    out = []
    for c in _table().values():
        if want_root and c.root != want_root:
            continue
        if needle and not any(needle in s.lower() for s in (c.code, c.name, c.plover_type, c.plover_mode)):
            continue
        out.append(c)
    return out
