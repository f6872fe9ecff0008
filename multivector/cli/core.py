"""CLI commands: events, explain, evaluate, demo, actors."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from . import app, call, out, parse_date, user_errors

StoreOpt = Annotated[Path | None, typer.Option("--store", help="DuckDB store file [default: ./multivector.duckdb or $MULTIVECTOR_STORE]")]


@app.command()
def events(
    country: Annotated[str | None, typer.Option(help="Actor code, as source or target (e.g. KAZ)")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | jsonl | csv")] = "table",
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many rows")] = None,
    store: StoreOpt = None,
) -> None:
    """List coded events with their evidence sentence.

    Examples:
      multivector events --country KAZ --since 2023-01-01
      multivector events --format jsonl > events.jsonl
    """
    from ..queries import list_events

    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("use table, jsonl or csv", param_hint="--format")
    rows = call(list_events, store, country=country, since=parse_date(since, "--since"), until=parse_date(until, "--until"),
                limit=limit)
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, default=str, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["date"])
        w.writeheader()
        w.writerows(rows)
        return
    t = Table(title=f"{len(rows)} events", show_lines=False)
    for col in ("date", "source", "target", "code", "goldstein", "pattern", "sentence"):
        t.add_column(col, overflow="fold", max_width=70 if col == "sentence" else None)
    for r in rows:
        src = r["source"] + (f"/{r['source_role']}" if r["source_role"] else "")
        tgt = r["target"] + (f"/{r['target_role']}" if r["target_role"] else "")
        t.add_row(str(r["date"]), src, tgt, r["code"], f"{r['goldstein']:+.1f}", r["pattern"], r["sentence"] or "")
    out.print(t)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="An article file in any ingest format (seed format, .txt, .jsonl, .html ...)")],
    date: Annotated[str | None, typer.Option(help="Article date for plain text without a date line")] = None,
) -> None:
    """Show, sentence by sentence, who did what to whom and why the coder thinks so.

    No store is needed. Each event shows actor codes and roles, the CAMEO code with
    its Goldstein score and PLOVER type, the words and character span it rests on,
    the pattern that fired, and how pronouns or descriptions were resolved.

    Example:  multivector explain article.txt
    """
    from ..explain.article import code_file, render_markdown

    coded = call(code_file, file, date=parse_date(date, "--date"))
    out.print(render_markdown(coded), markup=False, highlight=False)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file: events-dev.jsonl, articles-dev.jsonl or seed-gold.json")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List false positives and misses per gold unit")] = False,
    n_process: Annotated[int, typer.Option(help="spaCy worker processes")] = 1,
) -> None:
    """Score the coder against hand-annotated gold (micro P/R/F1 on source, target, CAMEO root).

    Example:  multivector evaluate ../shared/gold/events-dev.jsonl --json
    """
    from ..evaluate import evaluate_file

    report = call(evaluate_file, gold, errors=errors, n_process=n_process)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        return
    t = Table(title=f"{gold} ({report['kind']})")
    for col in ("measure", "precision", "recall", "f1", "tp", "fp", "fn"):
        t.add_column(col)
    for k in ("events", "events_full_code", "events_plover", "ties"):
        if k in report:
            s = report[k]
            t.add_row(k, *(f"{s[c]:.3f}" for c in ("precision", "recall", "f1")), *(str(s[c]) for c in ("tp", "fp", "fn")))
    out.print(t)
    if report.get("by_tag"):
        tags = Table(title="events by tag (root level)")
        for col in ("tag", "precision", "recall", "f1", "tp", "fp", "fn"):
            tags.add_column(col)
        for tag, sc in report["by_tag"].items():
            tags.add_row(tag, *(f"{sc[c]:.3f}" for c in ("precision", "recall", "f1")),
                         *(str(sc[c]) for c in ("tp", "fp", "fn")))
        out.print(tags)
    if report["kind"] == "seed":
        out.print(f"required events found: {report['required_found']}/{report['required']}, "
                  f"false positives: {report['false_positives']}, events from FAQ lines: {report['faq_events']}")
    errs = report.get("errors")
    for e in errs if isinstance(errs, list) else ([errs] if errs else []):  # seed: one dict; gold files: a list
        out.print(json.dumps(e, ensure_ascii=False), markup=False, highlight=False)


@app.command()
def demo(
    store: StoreOpt = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
) -> None:
    """Ingest the bundled example articles and show what was found (safe to rerun).

    Then try:  multivector events --country KAZ ;  multivector explain <file> ;
    multivector balance KAZ --poles RUS,WST,CHN ;  multivector brief KAZ --format html -o brief.html
    """
    from ..demo import run_demo

    rep = call(run_demo, store, progress=progress)
    ing = rep.ingest
    out.print(f"[bold]multivector demo[/] — examples from {rep.examples}")
    out.print(f"store {ing.store}: {ing.articles_new} new articles ({ing.articles_skipped_known} already stored), "
              f"{ing.events} events and {ing.ties} ties added; quarantined {len(ing.quarantined)}")
    roots = Counter(r["root"] for r in rep.events)
    out.print(f"{len(rep.events)} events in the store by CAMEO root: "
              + ", ".join(f"{k}: {v}" for k, v in sorted(roots.items())))
    t = Table(title="Latest events (evidence sentence, pattern)")
    for col in ("date", "source", "target", "code", "pattern", "sentence"):
        t.add_column(col, overflow="fold", max_width=80 if col == "sentence" else None)
    for r in rep.events[:15]:
        t.add_row(str(r["date"]), r["source"], r["target"], r["code"], r["pattern"], r["sentence"] or "")
    out.print(t)


@app.command()
def actors(
    search: Annotated[str, typer.Option("--search", "-s", help="Part of a name or code, e.g. kaz")] = "",
) -> None:
    """Look up actor codes in the lexicons (countries, leaders, capitals, IGOs, groups).

    Example:  multivector actors --search kremlin
    """
    from ..actors.lexicon import load

    with user_errors():
        rows = load().search(search) if search else [(c, "code", n) for c, n in sorted(load().names.items())]
    t = Table(title=f"{len(rows)} lexicon entries")
    for col in ("code", "kind", "surface"):
        t.add_column(col)
    for r in rows[:500]:
        t.add_row(*r)
    out.print(t)
