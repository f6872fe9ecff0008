"""Before a long ingest: the inputs counted and sized; during it: total, percent, rate and ETA.

``survey`` lists the files an ingest will read (the same expansion as ``iter_inputs``), their bytes,
and an estimate of their articles: JSONL/NDJSON lines, CSV/TSV lines less the header, one per other
file (a feed, WARC or JSON array may hold more: the total then grows as they are read). Counting the
lines of 100,000 news articles (~350 MB) takes about a second, once.

``Progress`` shows it: a live bar on a terminal, else one plain line on stderr every ``every`` seconds
(logs of a long batch job), nothing when disabled.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import expand_paths

_LINES = (".jsonl", ".ndjson")
_TABLES = (".csv", ".tsv")
# Seconds between plain progress lines when stderr is not a terminal.
PLAIN_EVERY = 30.0


@dataclasses.dataclass(frozen=True, slots=True)
class Survey:
    """What an ingest will read: files, bytes and an estimate of the articles in them."""

    files: int
    bytes: int
    articles: int


def _lines(path: Path) -> int:
    n, last = 0, b"\n"
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            n += block.count(b"\n")
            last = block[-1:]
    return n + (last != b"\n")


def survey(paths: Sequence[str | Path], *, count: bool = True) -> Survey:
    """Count and size the files of ``paths`` (folders and globs expanded as ingest does); never raises.

    ``count=False`` only sizes them (no line counts: articles is then the number of files)."""
    files = size = articles = 0
    for f in expand_paths(paths):
        if not isinstance(f, Path):
            continue
        try:
            if not f.is_file():
                continue
            files += 1
            size += f.stat().st_size
            suffix = f.suffix.lower()
            if not count:
                articles += 1
            elif suffix in _LINES:
                articles += _lines(f)
            elif suffix in _TABLES:
                articles += max(_lines(f) - 1, 0)
            else:
                articles += 1
        except OSError:  # the reader will quarantine it; the estimate just leaves it out
            continue
    return Survey(files, size, articles)


def _clock(seconds: float) -> str:
    s = int(max(seconds, 0))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Progress:
    """Articles done of an estimated total: a Rich bar on a terminal, else a plain line every ``every`` s."""

    def __init__(self, total: int, *, enabled: bool = True, every: float | None = None,
                 stream: TextIO | None = None) -> None:
        self.total, self.done, self.file = total, 0, ""
        self.stream = stream if stream is not None else sys.stderr
        every = PLAIN_EVERY if every is None else every
        self.t0 = self.last = time.perf_counter()
        self.bar = None
        self.task = None
        self.every = every
        self.plain = enabled and every > 0 and not self.stream.isatty()
        if enabled and self.stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self.bar = Bar(TextColumn("{task.completed:,.0f}/{task.total:,.0f} articles"), BarColumn(bar_width=20),
                           TaskProgressColumn(), TextColumn("{task.fields[rate]:,.1f}/s"), TimeElapsedColumn(),
                           TextColumn("ETA"), TimeRemainingColumn(), TextColumn("[dim]{task.fields[file]}"),
                           console=Console(file=self.stream), transient=False)
            self.task = self.bar.add_task("ingest", total=max(total, 1), rate=0.0, file="")

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.update(self.done)
            self.bar.stop()

    def rate(self) -> float:
        elapsed = time.perf_counter() - self.t0
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        """'1,234/5,000 articles (24.7%), 35.2/s, ETA 0:01:47' (the total grows if the estimate was short)."""
        rate = self.rate()
        eta = _clock((self.total - self.done) / rate) if rate > 0 else "?"
        pct = 100.0 * self.done / self.total if self.total else 100.0
        return f"ingest: {self.done:,}/{self.total:,} articles ({pct:.1f}%), {rate:,.1f}/s, ETA {eta}"

    def set_file(self, name: str) -> None:
        self.file = name[-50:]
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, file=self.file)

    def update(self, done: int) -> None:
        """Articles accounted for so far (stored, known, linked or refused)."""
        self.done = done
        self.total = max(self.total, done)
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, completed=done, total=max(self.total, 1), rate=self.rate())
        elif self.plain and time.perf_counter() - self.last >= self.every:
            self.last = time.perf_counter()
            print(self.line(), file=self.stream, flush=True)
