"""CLI command: codes (the CAMEO table with Goldstein scores, quad classes and PLOVER types)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from ..events.cameo import QUAD_NAMES, find_codes
from ..events.coverage import Coverage, coverage
from . import app, call, out
from .output import check_format, write_rows


def _print_coverage(cov: Coverage, as_json: bool) -> None:
    if as_json:
        out.print_json(json.dumps(cov.as_dict()))
        return
    table = Table(title=f"Trigger lexicon ({cov.lang}): {cov.triggers} triggers", title_justify="left")
    for col, just in (("root", "left"), ("name", "left"), ("triggers", "right"), ("verbs", "right"),
                      ("nouns", "right"), ("leaves", "right")):
        table.add_column(col, justify=just, no_wrap=col != "name")  # type: ignore[arg-type]
    for r in cov.roots:
        table.add_row(r.root, escape(r.name), str(r.triggers), str(r.verbs), str(r.nouns), f"{r.reached}/{r.leaves}")
    out.print(table)
    out.print(f"leaf codes reached only through intent/refusal/threat/appeal/demand: {len(cov.via_family)}",
              highlight=False)
    out.print("leaf codes no trigger reaches: " + (", ".join(cov.unreached) or "none"), highlight=False)
    if cov.yield_ is not None:
        y = cov.yield_
        out.print(f"yield on {y.articles} articles: {y.events} events in {y.sentences_two_actors} sentences naming "
                  f"two or more actors ({y.events_per_sentence:.2f} per sentence; {y.sentences_with_event} with "
                  "an event)", highlight=False)


@app.command("codes")
def codes(
    search: str | None = typer.Option(
        None, "--search", "-s", metavar="WORD", help="Keep codes whose number, name or PLOVER type/mode contains WORD."
    ),
    root: str | None = typer.Option(None, "--root", "-r", metavar="ROOT", help="Keep one CAMEO root, 01..20 (e.g. 04 consult)."),
    show_coverage: bool = typer.Option(False, "--coverage", help="Show the trigger lexicon's breadth instead: "
                                       "triggers per root, leaf codes reached, codes no trigger reaches."),
    corpus: Annotated[list[Path] | None, typer.Option(
        "--corpus", metavar="PATH", help="With --coverage: also code these articles and report events per "
        "sentence naming two or more actors.")] = None,
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | jsonl | csv"),
    as_json: bool = typer.Option(False, "--json", hidden=True, help="Same as --format json."),
) -> None:
    """List CAMEO 1.1b3 event codes with Goldstein score, quad class and PLOVER type/mode.

    Quad classes: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20).

    Examples:

      multivector codes --root 04            # every consult code (040 ... 046)

      multivector codes --search sanction    # codes about sanctions, any root

      multivector codes -s demand -r 10      # demands only

      multivector codes --coverage     # triggers per root, leaves not reached

      multivector codes --coverage --corpus corpus.json

      multivector codes --format csv > cameo.csv
    """
    f = call(check_format, fmt, as_json=as_json)
    if show_coverage:
        cov = call(coverage, "en", corpus or ())
        if f == "table":
            _print_coverage(cov, False)
        else:
            data = cov.as_dict()
            write_rows([], "json", document=data) if f == "json" else write_rows(data["roots"], f)  # type: ignore[arg-type]
        return
    rows = call(find_codes, search, root)
    if not rows:  # an empty answer, not a mistake: exit 1 as grep does
        out.print(f"no CAMEO code matches {search!r}" + (f" under root {root}" if root else "")
                  + "; try a shorter word or drop --root", highlight=False)
        raise typer.Exit(1)
    if f != "table":
        write_rows([{"code": c.code, "name": c.name, "root": c.code[:2], "quad_class": c.quad_class,
                     "goldstein": c.goldstein, "plover_type": c.plover_type, "plover_mode": c.plover_mode}
                    for c in rows], f)
        return
    table = Table(title=f"CAMEO codes ({len(rows)})", title_justify="left")
    table.add_column("code", no_wrap=True)
    table.add_column("name")
    table.add_column("quad", justify="right", no_wrap=True)
    table.add_column("goldstein", justify="right", no_wrap=True)
    table.add_column("plover", no_wrap=True)
    table.add_column("mode", no_wrap=True)
    for c in rows:
        name = f"[bold]{escape(c.name)}[/]" if c.is_root else escape(c.name)
        table.add_row(c.code, name, str(c.quad_class), f"{c.goldstein:+.1f}", c.plover_type, c.plover_mode)
    out.print(table)
    out.print(" · ".join(f"{k} {v}" for k, v in QUAD_NAMES.items()), style="dim", highlight=False)
