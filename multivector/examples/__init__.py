"""Bundled example articles: a small demo set and a 14-month Kazakhstan corpus with one planted shift.

All articles are hand-written and fictional (see README.md here); PLANTED.md states what the
balance corpus contains so analysis tests and docs can check that a shift detector finds it.
"""

from __future__ import annotations

import atexit
import csv
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

# A zipped install extracts resources to temporary files; keep them until the process exits.
_stack = ExitStack()
atexit.register(_stack.close)


def _resource(*parts: str) -> Path:
    """Filesystem path of a bundled file (ingest needs real paths, not Traversables)."""
    return _stack.enter_context(as_file(files(__name__).joinpath(*parts)))


def examples_dir() -> Path:
    """Folder holding README.md, demo/ and balance/."""
    return _resource()


def demo_dir() -> Path:
    """Folder of the demo articles: seed-format .txt files and articles.jsonl (what `multivector demo` ingests)."""
    return _resource("demo")


def demo_files() -> list[Path]:
    """Every demo input file, sorted: the six seed-format .txt files, then articles.jsonl."""
    folder = demo_dir()
    return sorted(folder.glob("*.txt")) + sorted(folder.glob("*.jsonl"))


def balance_path(name: str = "kazakhstan") -> Path:
    """JSONL corpus (date, title, text, url per line) for the balance/shift demo."""
    return _resource("balance", f"{name}.jsonl")


def intended_events_path(name: str = "kazakhstan") -> Path:
    """TSV of the events the author meant each balance article to contain (date, url, source, target, code)."""
    return _resource("balance", f"{name}.intended.tsv")


def planted_path() -> Path:
    """PLANTED.md: the planted shift, the noise-only months and the intended count table."""
    return _resource("balance", "PLANTED.md")


@dataclass(frozen=True, slots=True)
class PlantedShift:
    """What the balance corpus was written to contain; PLANTED.md says the same in prose."""

    country: str
    first_month: str  # YYYY-MM, first month of the corpus
    last_month: str  # YYYY-MM, last month of the corpus
    shift_month: str  # first month of the new regime
    rising_pole: str
    falling_pole: str
    steady_poles: tuple[str, ...]
    noise_months: tuple[str, ...]  # counts wobble by +-1 event here, the mix does not change
    poles: tuple[tuple[str, tuple[str, ...]], ...]  # pole -> actor codes counted for it


PLANTED = PlantedShift(
    country="KAZ",
    first_month="2023-01",
    last_month="2024-02",
    shift_month="2023-09",
    rising_pole="WST",
    falling_pole="RUS",  # its share falls; its monthly volume stays at ~4 events
    steady_poles=("RUS", "CHN"),
    noise_months=("2023-04", "2023-05", "2023-06"),
    poles=(
        ("RUS", ("RUS",)),
        ("WST", ("USA", "GBR", "FRA", "DEU", "ITA", "EU", "NATO", "WST")),
        ("CHN", ("CHN",)),
    ),
)


def pole_of(code: str, planted: PlantedShift = PLANTED) -> str | None:
    """The pole an actor code counts for in the planted corpus, or None if it is in no pole."""
    for pole, members in planted.poles:
        if code in members:
            return pole
    return None


def intended_counts(name: str = "kazakhstan", planted: PlantedShift = PLANTED) -> dict[str, Counter[str]]:
    """Month -> pole -> number of intended events between the country and that pole (either direction)."""
    counts: dict[str, Counter[str]] = {}
    with intended_events_path(name).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            month = row["date"][:7]
            other = row["target"] if row["source"] == planted.country else row["source"]
            pole = pole_of(other, planted)
            bucket = counts.setdefault(month, Counter())
            if pole is not None:
                bucket[pole] += 1
    return counts
