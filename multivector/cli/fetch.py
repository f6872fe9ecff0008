"""CLI command: fetch (RSS/Atom feeds and their pages over HTTP, into the store)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from . import app, call, out
from .output import TABLE, FormatOpt, check_format, note, write_rows


@app.command()
def fetch(
    urls: Annotated[list[str], typer.Argument(help="Feed URLs (RSS or Atom), http or https.")],
    store: Annotated[Path | None, typer.Option("--store", help="DuckDB store (default ./multivector.duckdb or $MULTIVECTOR_STORE)")] = None,
    every: Annotated[str | None, typer.Option("--every", help="Fetch again at this interval until Ctrl+C, e.g. 15m, 1h")] = None,
    interval: Annotated[float, typer.Option("--interval", min=0.0, help="Seconds between two requests to one host")] = 1.0,
    timeout: Annotated[float, typer.Option("--timeout", min=1.0, help="Seconds to wait for a server")] = 20.0,
    pages: Annotated[bool, typer.Option("--pages/--no-pages", help="Fetch the linked pages (else the feed's text only)")] = True,
    fmt: FormatOpt = "table",
) -> None:
    """Read RSS/Atom feeds and the pages they link to, and ingest what is new; say what was skipped and why.

    Polite by default: robots.txt is obeyed, one request per second per host, feeds are fetched only when
    changed (ETag, Last-Modified kept in the store), pages already stored are not fetched again.
    Exit code: 0 done, 1 some feed or page could not be fetched (the rest was ingested), 2 usage error.

    Examples:
      multivector fetch https://example.org/rss.xml
      multivector fetch https://a.example/rss https://b.example/atom --every 15m
      multivector fetch https://example.org/rss.xml --no-pages -f json
    """
    from ..fetch import fetch as fetch_fn
    from ..fetch import parse_duration

    f = call(check_format, fmt)
    wait = call(parse_duration, every) if every else None
    while True:
        rep = call(fetch_fn, urls, store, interval=interval, timeout=timeout, pages=pages)
        if f != "table":
            write_rows([rep], f, document=rep)
        else:
            out.print(f"{rep.feeds} feeds ({rep.feeds_not_modified} not modified), {rep.entries} entries, "
                      f"{rep.pages_fetched} pages fetched: {rep.articles_new} new articles, {rep.events} events, "
                      f"{rep.ties} ties ({rep.elapsed:.1f} s) -> {rep.store}", highlight=False, markup=False,
                      soft_wrap=False)
            if rep.skipped:
                from rich.table import Table

                t = Table(title=f"{len(rep.skipped)} skipped", **TABLE)
                t.add_column("url", overflow="fold")
                t.add_column("why", overflow="fold")
                for s in rep.skipped:
                    t.add_row(s.url, s.reason)
                out.print(t, highlight=False)
        if wait is None:
            if rep.failed:
                raise typer.Exit(1)
            return
        note(f"next fetch in {every}; Ctrl+C stops")
        try:
            time.sleep(wait)
        except KeyboardInterrupt:
            return
