"""CLI commands: serve (the web dashboard and JSON API)."""

from __future__ import annotations

import threading
import webbrowser
from pathlib import Path
from typing import Annotated

import typer

from ..store import default_store_path
from . import app, call, out


@app.command()
def serve(
    store: Annotated[
        Path | None, typer.Option("--store", help="DuckDB store (default ./multivector.duckdb or $MULTIVECTOR_STORE).")
    ] = None,
    host: Annotated[
        str, typer.Option("--host", help="Interface to listen on; keep 127.0.0.1 unless you mean to share.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8765,
    open_browser: Annotated[bool, typer.Option("--open/--no-open", help="Open the dashboard in your web browser.")] = False,
    poles: Annotated[str | None, typer.Option("--poles", help="Default poles, e.g. RUS,WST,GULF (any pole or actor code).")] = None,
    poles_file: Annotated[Path | None, typer.Option("--poles-file", help="YAML with extra poles (schema of poles.yaml).")] = None,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Also answer requests whose Host header names this (repeatable; '*' any). "
        "By default only the bound address and, on loopback, localhost names.")] = None,
    query_timeout: Annotated[float, typer.Option("--query-timeout", min=0.1, max=600,
                                                 help="Seconds a request's queries may run before a 503.")] = 10.0,
) -> None:
    """Serve the dashboard and JSON API over a store (read-only; ingest may
    run alongside).

    While `multivector ingest` runs on the same store, every endpoint keeps
    answering: the server hands the store over for each batch commit and
    then sees the whole batch. Requests whose Host header is not the bound
    address (DNS rebinding) get a 400; pages carry a strict CSP; a bad
    parameter is a 4xx JSON error; a request's queries stop after
    --query-timeout seconds (503).

    Examples:

      multivector serve                      # http://127.0.0.1:8765/

      multivector serve --store kaz.duckdb --port 9000 --open

      multivector --lexicon gulf.yaml serve --poles RUS,WST,CHN,GULF

      curl 'http://127.0.0.1:8765/api/events?country=KAZ&limit=5'

    API reference with every parameter: http://127.0.0.1:8765/docs
    """
    from ..web import app as web_app

    def announce(url: str) -> None:
        out.print(f"multivector dashboard on [bold]{url}[/] (API docs {url}docs); Ctrl+C stops it", highlight=False)
        if open_browser:
            threading.Timer(1.0, webbrowser.open, [url]).start()  # after uvicorn has bound the port

    call(web_app.serve, store if store is not None else default_store_path(), host, port, announce=announce,
         poles=poles, poles_file=poles_file, allow_hosts=allow_host or (), budget=query_timeout)
