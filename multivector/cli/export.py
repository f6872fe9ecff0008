"""CLI commands: export (GDELT, PLOVER, Parquet, JSONL) and load (Parquet into the store)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from ..store import default_store_path
from . import app, call, err, out

_DEFAULT_OUTPUT = {
    "gdelt": "events.gdelt.tsv",
    "plover": "events.plover.json",
    "plover-jsonl": "events.plover.jsonl",
    "gdelt-mentions": "mentions.gdelt.tsv",
    "parquet": "multivector-parquet",
    "jsonl": "events.jsonl",
}

StoreOpt = Annotated[
    Path | None, typer.Option("--store", help="DuckDB store (default ./multivector.duckdb or $MULTIVECTOR_STORE).")
]


@app.command("export")
def export_cmd(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="gdelt | gdelt-mentions | plover | plover-jsonl | parquet | jsonl.")
    ] = "gdelt",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write ('-' = stdout); a directory for parquet. "
                     "Default: events.gdelt.tsv, events.plover.json, events.jsonl or multivector-parquet/."),
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="Only events with this actor as source or target (e.g. KAZ, EU).")] = None,
    since: Annotated[dt.datetime | None, typer.Option("--since", formats=["%Y-%m-%d"], help="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[dt.datetime | None, typer.Option("--until", formats=["%Y-%m-%d"], help="Last event date, YYYY-MM-DD.")] = None,
    header: Annotated[bool, typer.Option("--header", help="gdelt: write the 61 column names first (GDELT's files have none).")] = False,
    store: StoreOpt = None,
) -> None:
    """Export coded events for other tools: GDELT 2.0 event TSV, PLOVER JSON, Parquet tables, JSONL.

    GDELT rows have GDELT 2.0's 61 columns, blank where multivector has no value (tone, geography):
    one row per event (every report of one happening), with NumMentions, NumSources, NumArticles;
    gdelt-mentions writes GDELT's Mentions table (one row per coded mention, joined by GLOBALEVENTID).
    PLOVER records (one per mention) use the PLOVER manual's JSON field names plus cameo_code,
    goldstein, pattern.

    Examples:

      multivector export --format gdelt --country KAZ --since 2024-01-01

      multivector export --format gdelt --header -o - | head

      multivector export --format gdelt-mentions -o mentions.tsv

      multivector export --format plover -o events.json

      multivector export --format parquet -o lake/

      (then query it in place: duckdb -c "SELECT * FROM 'lake/events.parquet'")
    """
    from ..export import export

    target = output if output is not None else Path(_DEFAULT_OUTPUT.get(fmt, "events.out"))
    rep = call(
        export, store if store is not None else default_store_path(), fmt, target,
        country=country, since=since.date() if since else None, until=until.date() if until else None, header=header,
    )
    console = err if str(target) == "-" else out  # keep stdout clean when the data goes there
    if rep.tables:
        detail = ", ".join(f"{n} {t}" for t, n in rep.tables)
        console.print(f"wrote {detail} to {rep.path}/", highlight=False)
    else:
        unit = "mentions" if fmt == "gdelt-mentions" else "events"
        console.print(f"wrote {rep.rows} {unit} ({fmt}) to {'stdout' if str(target) == '-' else rep.path}", highlight=False)


@app.command("load")
def load_cmd(
    parquet_dir: Annotated[Path, typer.Argument(help="Directory from `ingest --engine dask --out DIR` or `export --format parquet`.")],
    store: StoreOpt = None,
) -> None:
    """Load Parquet tables into the store in one transaction, skipping articles it already has.

    Examples:

      multivector load parts/      # after ingest --engine dask --out parts/

      multivector load lake/ --store merged.duckdb  # another store's export
    """
    from ..scale import load_parquet

    added = call(load_parquet, parquet_dir, store if store is not None else default_store_path())
    detail = ", ".join(f"{n} {t}" for t, n in added.items() if n)
    out.print(f"loaded {detail or 'nothing new'} from {parquet_dir}", highlight=False)
