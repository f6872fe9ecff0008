"""CLI commands: events, explain, evaluate, demo, actors."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from . import app, call, out, parse_date, user_errors
from .output import TABLE, FormatOpt, JsonOpt, check_format, emit, excerpt, note, plain

StoreOpt = Annotated[Path | None, typer.Option("--store", help="DuckDB store file [default: ./multivector.duckdb or $MULTIVECTOR_STORE]")]


@app.command()
def events(
    country: Annotated[str | None, typer.Option(help="Actor code, as source or target (e.g. KAZ)")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD")] = None,
    fmt: FormatOpt = "table",
    wide: Annotated[bool, typer.Option("--wide", "-w", help="Table: roles, Goldstein, pattern and the whole sentence")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many rows")] = None,
    store: StoreOpt = None,
) -> None:
    """List coded events with their evidence sentence, newest first.

    The table shows date, dyad (source->target), CAMEO code, the words that triggered the event and one line of
    the sentence; --wide adds roles, Goldstein score, pattern and the whole sentence. json, jsonl and csv give
    every field, including the event id, article id, title and URL to cite.

    Examples:
      multivector events --country KAZ --since 2023-01-01
      multivector events --country KAZ --wide
      multivector events --format jsonl > events.jsonl
      multivector events --format csv --limit 100 > events.csv
    """
    from ..queries import list_events

    with user_errors():
        f = check_format(fmt)
        s, u = parse_date(since, "--since"), parse_date(until, "--until")
        rows = list_events(store, country=country, since=s, until=u, limit=limit)
    emit(f, rows, lambda: _events_table(rows, wide, country))


def _events_table(rows: list[dict[str, Any]], wide: bool, country: str | None) -> None:
    title = f"{len(rows)} events" + (f" with {country.upper()}" if country else "") + ", newest first"
    t = Table(title=title, **TABLE)
    dyads = [f"{r['source']}->{r['target']}" for r in rows]
    if wide:
        for col in ("date", "source", "target", "code", "gold", "pattern", "sentence"):
            t.add_column(col, no_wrap=col != "sentence", justify="right" if col == "gold" else "left")
        for r in rows:
            t.add_row(str(r["date"]), r["source"] + (f"/{r['source_role']}" if r["source_role"] else ""),
                      r["target"] + (f"/{r['target_role']}" if r["target_role"] else ""), r["code"],
                      f"{r['goldstein']:+.1f}", r["pattern"], r["sentence"])
    else:
        verb_w = min(14, max([len(r["verb"] or r["pattern"]) for r in rows] + [4]))
        dyad_w = max([len(d) for d in dyads] + [4])
        room = max(20, out.width - (10 + dyad_w + 4 + verb_w) - 2 * 4)  # 4 gaps of 2 columns between 5 columns
        t.add_column("date", no_wrap=True, min_width=10)
        t.add_column("dyad", no_wrap=True, min_width=dyad_w)
        t.add_column("code", no_wrap=True, min_width=4)
        t.add_column("verb", no_wrap=True, width=verb_w, overflow="ellipsis")
        t.add_column("sentence", no_wrap=True, overflow="ellipsis", max_width=room)
        for r, d in zip(rows, dyads, strict=True):
            verb = r["verb"] or r["pattern"]
            pos = r["sentence"].find(r["verb"]) if r["verb"] else -1
            text = excerpt(r["sentence"], room, pos, pos + len(r["verb"])) if pos >= 0 else excerpt(r["sentence"], room)
            t.add_row(str(r["date"]), d, r["code"], verb, text)
    out.print(t, highlight=False)
    if rows:
        note("--wide: whole sentences; --format csv|json|jsonl: ids, titles, URLs")


@app.command()
def ties(
    country: Annotated[str | None, typer.Option(help="Actor code, on either side (e.g. KAZ)")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD")] = None,
    tie_type: Annotated[str | None, typer.Option("--type", help="trade | energy | security | aid | investment")] = None,
    fmt: FormatOpt = "table",
    wide: Annotated[bool, typer.Option("--wide", "-w", help="Table: pattern and the whole sentence")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many rows")] = None,
    store: StoreOpt = None,
) -> None:
    """List stative ties (A depends on B for trade, energy, security, aid, investment) with their evidence.

    Same filters and formats as `events`; json, jsonl and csv carry the tie id, article id, title and URL.

    Examples:
      multivector ties --country KAZ
      multivector ties --country KAZ --type energy --format csv > kaz-energy.csv
    """
    from ..queries import list_ties

    with user_errors():
        f = check_format(fmt)
        s, u = parse_date(since, "--since"), parse_date(until, "--until")
        rows = list_ties(store, country=country, since=s, until=u, type=tie_type, limit=limit)
    emit(f, rows, lambda: _ties_table(rows, wide, country))


def _ties_table(rows: list[dict[str, Any]], wide: bool, country: str | None) -> None:
    title = f"{len(rows)} ties" + (f" with {country.upper()}" if country else "") + ", newest first"
    t = Table(title=title, **TABLE)
    room = max(20, out.width - (10 + 10 + 10) - 2 * 3)
    for col in ("date", "depends", "for", *(["pattern"] if wide else []), "sentence"):
        t.add_column(col, no_wrap=not (wide and col == "sentence"), overflow="ellipsis",
                     min_width={"date": 10, "depends": 10, "for": 10}.get(col))
    for r in rows:
        text = r["sentence"] if wide else excerpt(r["sentence"], room)
        t.add_row(str(r["date"]), f"{r['a']} on {r['b']}", r["type"], *([r["pattern"]] if wide else []), text)
    out.print(t, highlight=False)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="An article file in any ingest format (seed format, .txt, .jsonl, .html ...)")],
    date: Annotated[str | None, typer.Option(help="Article date for plain text without a date line")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Show, sentence by sentence, who did what to whom and why the coder thinks so.

    No store is needed. Each event shows actor codes and roles, the CAMEO code with
    its Goldstein score and PLOVER type, the words and character span it rests on,
    the pattern that fired, and how pronouns or descriptions were resolved.
    --format json gives the coded articles (sentences, mentions, events, ties);
    jsonl and csv one event per row.

    Examples:
      multivector explain article.txt
      multivector explain article.txt --format json
    """
    from ..explain.article import code_file, render_markdown

    with user_errors():
        f = check_format(fmt)
        coded = code_file(file, date=parse_date(date, "--date"))
    rows = [{"article_id": c.article.id, "id": e.id, **plain(e)} for c in coded for e in c.events]
    emit(f, rows, lambda: out.print(render_markdown(coded), markup=False, highlight=False), document=coded)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file: events-dev.jsonl, articles-dev.jsonl or seed-gold.json")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
    as_json: JsonOpt = False,
    errors: Annotated[bool, typer.Option("--errors", help="List false positives and misses per gold unit")] = False,
    n_process: Annotated[int, typer.Option(help="spaCy worker processes")] = 1,
) -> None:
    """Score the coder against hand-annotated gold (micro P/R/F1 on source, target, CAMEO root).

    Example:  multivector evaluate ../shared/gold/events-dev.jsonl --format json
    """
    from ..evaluate import evaluate_file

    with user_errors():
        f = check_format(fmt, as_json=as_json, allowed=("table", "json"))
    report = call(evaluate_file, gold, errors=errors, n_process=n_process)
    if f == "json":
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

    Then try:
      multivector events --country KAZ
      multivector balance KAZ --poles RUS,WST,CHN
      multivector brief KAZ --format html -o brief.html
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
    fmt: FormatOpt = "table",
) -> None:
    """Look up actor codes in the lexicons (countries, leaders, capitals, IGOs, groups; user lexicons included).

    Examples:
      multivector actors --search kremlin
      multivector actors --format csv > actors.csv
    """
    from ..actors.lexicon import load

    with user_errors():
        f = check_format(fmt)
        lex = load()
        found = lex.search(search) if search else [(c, "code", n) for c, n in sorted(lex.names.items())]
    rows = [{"code": c, "kind": k, "surface": sfc} for c, k, sfc in found]

    def table() -> None:
        t = Table(title=f"{len(rows)} lexicon entries" + (" (first 500; --format csv for all)" if len(rows) > 500
                                                          else ""), **TABLE)
        for col in ("code", "kind", "surface"):
            t.add_column(col)
        for r in rows[:500]:
            t.add_row(r["code"], r["kind"], r["surface"])
        out.print(t, highlight=False)

    emit(f, rows, table)
