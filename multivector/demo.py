"""The demo job: ingest the bundled example articles into a store and summarise what was found."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .examples import demo_dir
from .ingest.run import IngestReport, ingest_paths
from .queries import list_events


@dataclass(frozen=True, slots=True)
class DemoReport:
    ingest: IngestReport
    events: list[dict[str, Any]]
    examples: Path


def run_demo(store_path: str | Path | None = None, *, progress: bool = True) -> DemoReport:
    """Ingest the bundled demo articles (idempotent) and list the events found."""
    folder = demo_dir()
    report = ingest_paths([folder], store_path, progress=progress)
    return DemoReport(report, list_events(store_path), folder)
