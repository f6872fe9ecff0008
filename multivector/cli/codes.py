"""CLI command: codes (the CAMEO table with Goldstein scores, quad classes and PLOVER types)."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.table import Table

from ..events.cameo import QUAD_NAMES, find_codes
from . import app, call, out


@app.command("codes")
def codes(
    search: str | None = typer.Option(
        None, "--search", "-s", metavar="WORD", help="Keep codes whose number, name or PLOVER type/mode contains WORD."
    ),
    root: str | None = typer.Option(None, "--root", "-r", metavar="ROOT", help="Keep one CAMEO root, 01..20 (e.g. 04 consult)."),
) -> None:
    """List CAMEO 1.1b3 event codes with Goldstein score, quad class and PLOVER type/mode.

    Quad classes: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20).

    Examples:

      multivector codes --root 04            # every consult code (040 ... 046)

      multivector codes --search sanction    # codes about sanctions, any root

      multivector codes -s demand -r 10      # demands only
    """
    rows = call(find_codes, search, root)
    if not rows:
        out.print(f"no CAMEO code matches {search!r}" + (f" under root {root}" if root else "")
                  + "; try a shorter word or drop --root", highlight=False)
        raise typer.Exit(1)
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
