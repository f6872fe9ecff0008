"""CLI commands: recode (re-code stored articles), lexicon (check user lexicons), poles (list poles)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from . import app, out, user_errors
from .output import TABLE, FormatOpt, check_format, emit, note

StoreOpt = Annotated[Path | None, typer.Option("--store", help="DuckDB store (default ./multivector.duckdb or $MULTIVECTOR_STORE)")]


@app.command()
def recode(
    store: StoreOpt = None,
    everything: Annotated[bool, typer.Option("--all", help="Re-code every article, not only those coded otherwise")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report what would change; write nothing")] = False,
    show: Annotated[int, typer.Option("--show", min=0, help="How many changed events to list")] = 15,
    fmt: FormatOpt = "table",
) -> None:
    """Re-code stored articles after a lexicon or coder change, and report what changed.

    Each article remembers how it was coded (the coder's code and data and the user lexicons' actors and
    triggers). recode re-codes those coded otherwise through the same pipeline as ingest, one batch per
    transaction; run again, it finds nothing to do. Cached answers to `ask` are refreshed where sentences moved.

    Examples:
      multivector --lexicon gulf.yaml recode
      multivector recode --dry-run --show 50
      multivector recode --all --store kaz.duckdb
    """
    from ..recode import recode as recode_fn

    with user_errors():
        f = check_format(fmt)
        rep = recode_fn(store, everything=everything, dry_run=dry_run, show=show)
    emit(f, [rep], lambda: _recode_table(rep), document=rep)


def _recode_table(rep: Any) -> None:
    verb = "would re-code" if rep.dry_run else "re-coded"
    out.print(f"{rep.store}: {verb} {rep.recoded} of {rep.articles} articles ({rep.up_to_date} up to date) "
              f"in {rep.elapsed:.1f} s", highlight=False)
    if not rep.recoded:
        out.print("nothing to do: every article is coded with the current coder and lexicons", highlight=False)
        return
    out.print(f"events +{rep.events_added} -{rep.events_removed}, ties +{rep.ties_added} -{rep.ties_removed}, "
              f"in {rep.changed_articles} articles", highlight=False)
    if rep.by_code:
        out.print("net change by CAMEO code: " + ", ".join(f"{c} {n:+d}" for c, n in rep.by_code[:10]),
                  highlight=False)
    for ch in rep.changes:
        out.print(f"  {ch.sign} {ch.date} {ch.what} [{ch.article_id}]", highlight=False, markup=False)


@app.command("lexicon")
def lexicon_cmd(
    files: Annotated[list[Path] | None, typer.Argument(help="User lexicon files (default: those in force)")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Check user lexicon files and show what they add: actors, groups, poles, trigger patterns.

    A user lexicon is YAML in the shipped format with any of the sections countries, organizations, leaders,
    groups, regions, poles, verbs, nouns. Put it in force with --lexicon FILE, $MULTIVECTOR_LEXICON or
    multivector.toml (lexicon = ["FILE"]); then `multivector recode` codes stored articles with it.

    Examples:
      multivector lexicon gulf.yaml
      multivector --lexicon gulf.yaml lexicon --format json
    """
    from ..actors import lexicon as actor_lexicon
    from ..analysis.poles import load_poles
    from ..events import patterns
    from ..user_lexicon import ACTOR_SECTIONS, SECTIONS, TRIGGER_SECTIONS, in_force, lexicons

    with user_errors():
        f = check_format(fmt)
        with in_force(files or ()):
            checked = lexicons()
            # Loading everything also checks what one file cannot: unique pattern ids, known pole members.
            actor_lexicon.load()
            patterns.load()
            load_poles()
    rows: list[dict[str, Any]] = [{"file": str(u.path), **{s: len(u.section(s)) for s in SECTIONS}} for u in checked]

    def table() -> None:
        if not rows:
            out.print("no user lexicon in force (pass --lexicon FILE, set $MULTIVECTOR_LEXICON or write "
                      "multivector.toml)", highlight=False)
            return
        t = Table(title="user lexicons (checked): entries they add", **TABLE)
        for col in ("file", "actors", "poles", "triggers"):
            t.add_column(col, justify="left" if col == "file" else "right", overflow="fold")
        for r in rows:
            t.add_row(r["file"], str(sum(r[s] for s in ACTOR_SECTIONS)), str(r["poles"]),
                      str(sum(r[s] for s in TRIGGER_SECTIONS)))
        out.print(t, highlight=False)
        note("actors: countries, organizations, leaders, groups, regions; triggers: verbs and nouns "
             "(--format json shows each section)")

    emit(f, rows, table)


@app.command()
def poles(
    poles_file: Annotated[Path | None, typer.Option("--poles-file", help="YAML with extra poles (schema of poles.yaml)")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """List the poles (named groups of actor codes) with their members and chart colours.

    The shipped poles are RUS, WST (the West) and CHN; user lexicons and --poles-file add or override
    poles. Any actor code also works as a one-member pole in `balance`, `brief` and `serve`.

    Examples:
      multivector poles
      multivector --lexicon gulf.yaml poles --format json
    """
    from ..analysis.poles import load_poles
    from ..palette import pole_colours

    with user_errors():
        f = check_format(fmt)
        defined = load_poles(poles_file)
    colours = pole_colours(list(defined), defined)
    rows: list[dict[str, Any]] = [{"name": p.name, "label": p.label, "members": list(p.members), "names": list(p.names),
             "colour": colours[p.name]} for p in defined.values()]

    def table() -> None:
        t = Table(**TABLE)
        for col in ("pole", "label", "colour", "members"):
            t.add_column(col, overflow="fold")
        for r in rows:
            t.add_row(r["name"], r["label"], f"[{r['colour']}]■[/] {r['colour']}", " ".join(r["members"]))
        out.print(t, highlight=False)

    emit(f, rows, table)
