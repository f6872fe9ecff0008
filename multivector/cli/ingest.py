"""CLI commands: ingest (files, folders, feeds, WARC into the store) and quarantine (what was refused)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..ingest.common import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, FIRST_DATE, display, last_date
from ..store import default_store_path
from . import app, call, fail, out
from .output import FormatOpt, check_format, write_rows

StoreOpt = Annotated[
    Path | None, typer.Option("--store", help="DuckDB store (default ./multivector.duckdb or $MULTIVECTOR_STORE).")
]


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (searched recursively) or glob patterns.")],
    date: Annotated[
        dt.datetime | None,
        typer.Option("--date", formats=["%Y-%m-%d"], help="Date for articles that carry none (YYYY-MM-DD)."),
    ] = None,
    store: StoreOpt = None,
    n_process: Annotated[int | None, typer.Option("--n-process", min=1, show_default="by input size", help="Processes that code (default: 1 below 1 MB of input, every core above). Measured on 2 free cores, news-length articles: 2 processes give 1.38x the articles/s at 1,000 articles and 1.67x at 5,000, with the same rows; on a small input starting them costs more than it saves.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per parse batch and per store transaction.")] = 64,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1, help="Largest file read whole (text, HTML, JSON, feed); per record for JSONL and WARC.")] = DEFAULT_MAX_BYTES,
    max_chars: Annotated[int, typer.Option("--max-chars", min=1000, max=900_000, help="Longest article; a longer one is coded in parts cut at paragraph or sentence ends.")] = DEFAULT_MAX_CHARS,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No progress bar (it shows only on a terminal anyway).")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (this process, into the store) or dask (cluster, Parquet out).")] = "local",
    scheduler: Annotated[str, typer.Option("--scheduler", help="With --engine dask: tcp://HOST:PORT of a running scheduler, or 'local' for a LocalCluster.")] = "local",
    workers: Annotated[int, typer.Option("--workers", min=1, help="With --scheduler local: worker processes.")] = 2,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="With --engine dask: articles per task.")] = 64,  # scale.PARTITION_SIZE
    out_dir: Annotated[Path | None, typer.Option("--out", "-o", help="With --engine dask: folder for Parquet partitions (articles/, events/, ties/, ...).")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Read news articles into the store: code their events and ties, link
    syndicated copies into stories.

    Formats, by extension or sniffed content: .txt (seed format: 'date
    YYYY-MM-DD' then the text, an optional 'Frequently Asked Questions:'
    section of Q:/A: lines kept apart), .jsonl/.json/.csv (fields date,
    title, text, url), .html pages, RSS/Atom feeds (.xml/.rss/.atom),
    .warc/.warc.gz. Articles already in the store are skipped, so rerunning
    (or resuming after a crash) is safe.

    A file or record that cannot be read is quarantined with its reason
    (see `multivector quarantine`) and the rest goes on; non-English
    articles are skipped and counted. Limits: --max-bytes per file,
    --max-chars per article (longer ones are coded in parts), JSON nesting
    64 deep, integers of 100 digits, dates from 1900 to the end of next
    year (impossible dates are refused, never rolled over); FIFOs and
    devices are refused.

    While ingest runs, `events`, `balance` and `serve` keep answering: the
    store is handed to readers between batch commits.

    Exit codes: 0 all ingested; 1 some input quarantined (the rest was
    ingested); 2 usage error (bad option, store busy or not a store);
    3 internal error, with the file it happened on.

    Examples:

      multivector ingest ../shared/seed/

      multivector ingest feeds/ pages/ archive.warc.gz --n-process 2

      (a terminal shows total, percent, rate and ETA; logs get a line
      every 30 s)

      multivector ingest 'notes/*.txt' --date 2024-03-01 --store kaz.duckdb

      multivector ingest notes/ --format json

      multivector ingest crawl/ --engine dask --scheduler tcp://HOST:8786 -o out/

      (then `multivector load out/`, or query out/events/*.parquet in place)
    """
    from ..api import check_inputs
    from ..errors import UsageError
    from ..ingest.common import Limits
    from ..ingest.run import ingest_paths

    f = call(check_format, fmt)
    call(check_inputs, paths)  # a mistyped path is a usage error (exit 2), before any store is created
    if engine not in ("local", "dask"):
        raise typer.BadParameter("use local or dask", param_hint="--engine")
    if date is not None and not FIRST_DATE <= date.date() <= last_date():
        fail(UsageError(f"--date {date.date()} is outside {FIRST_DATE}..{last_date()}; pass a real article date"))
    if engine == "dask":
        from ..scale import run_dask

        if out_dir is None:
            fail(UsageError("--engine dask writes Parquet partitions; pass --out DIR"))
        srep = call(run_dask, paths, out_dir, scheduler=scheduler, n_workers=workers, partition_size=partition_size,
                    default_date=date.date() if date else None)
        out.print(f"{srep.articles} articles, {srep.events} events, {srep.ties} ties in {srep.partitions} partitions "
                  f"-> {srep.out_dir} (scheduler {srep.scheduler}); {srep.bad} inputs quarantined. "
                  f"Next: multivector load {srep.out_dir}", highlight=False, markup=False)
        if srep.bad:
            raise typer.Exit(1)
        return

    rep = call(
        ingest_paths, paths, store if store is not None else default_store_path(),
        default_date=date.date() if date else None, n_process=n_process, batch_size=batch_size,
        progress=not no_progress, limits=Limits(max_bytes=max_bytes, max_chars=max_chars),
    )
    rate = rep.articles_new / rep.elapsed if rep.elapsed > 0 else 0.0
    if f != "table":
        write_rows([rep], f, document=rep)
        if rep.quarantined:
            raise typer.Exit(1)
        return
    out.print(
        f"{rep.files} files: {rep.articles_new} new articles, {rep.articles_skipped_known} already known, "
        f"{rep.duplicates_linked} linked to earlier stories, {rep.events} events, {rep.ties} ties, "
        f"{rep.non_english} not English, {len(rep.quarantined)} quarantined "
        f"({rep.elapsed:.1f} s, {rate:.1f} articles/s) -> {display(rep.store)}",
        highlight=False, markup=False,
    )
    if rep.skipped_files:
        out.print(f"{rep.skipped_files} files in the folders given were not read: their suffix is not a "
                  "format ingest knows (name them explicitly to have their content sniffed)", highlight=False)
    for b in rep.quarantined:
        out.print(f"[bold red]QUARANTINED[/] {escape(display(b.source))}: {escape(display(b.reason))}", highlight=False)
    if rep.quarantined:
        raise typer.Exit(1)


@app.command("quarantine")
def quarantine_cmd(store: StoreOpt = None, fmt: FormatOpt = "table") -> None:
    """List the inputs ingest refused, with the reason and the fix for each.

    Examples:

      multivector quarantine

      multivector quarantine --store kaz.duckdb

      multivector quarantine --format csv > refused.csv
    """
    from ..ingest.run import read_quarantine

    f = call(check_format, fmt)
    rows = call(read_quarantine, store if store is not None else default_store_path())
    if f != "table":
        write_rows(rows, f)
        return
    for b in rows:
        out.print(f"{display(b.source)}: {display(b.reason)}", highlight=False, markup=False)
    if not rows:
        out.print("quarantine is empty", highlight=False)
