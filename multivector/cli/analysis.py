"""CLI commands: dyad, balance, brief, ask, faq-check (registered on the shared Typer app)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..errors import UsageError
from ..queries import clamp_span
from ..store import Store, default_store_path
from . import app, call, out, parse_date, user_errors

STORE_HELP = "DuckDB store file (default ./multivector.duckdb or $MULTIVECTOR_STORE)."


def _open(store: Path | None, *, read_only: bool = True) -> Store:
    with user_errors():
        return Store(store or default_store_path(), read_only=read_only)
    raise AssertionError("unreachable")


def _jsonable(obj: Any) -> Any:
    data = dataclasses.asdict(obj) if dataclasses.is_dataclass(obj) and not isinstance(obj, type) else obj
    return json.loads(json.dumps(data, default=str))


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor code, e.g. KAZ.")],
    b: Annotated[str, typer.Argument(help="Second actor code, e.g. RUS.")],
    freq: Annotated[str, typer.Option("--freq", help="month | quarter | year")] = "month",
    since: Annotated[str | None, typer.Option("--since", help="First day YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON rows instead of a table.")] = False,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """Events between two actors per period, both directions, by quad class.

    Example: multivector dyad KAZ RUS --freq quarter --since 2023-01-01
    """
    from ..analysis import dyad_series

    with user_errors():
        s, u = parse_date(since, "--since"), parse_date(until, "--until")
    with _open(store) as st:
        s, u = call(clamp_span, st, s, u)
        rows = call(dyad_series, st, a, b, freq=freq, since=s, until=u)
    if as_json:
        out.print_json(data=[_jsonable(r) for r in rows])
        return
    t = Table(title=f"{a.upper()} ↔ {b.upper()} per {freq}")
    for col in ("period", "direction", "events", "verbal coop", "material coop", "verbal conflict",
                "material conflict", "Goldstein sum"):
        t.add_column(col, justify="right" if col not in ("period", "direction") else "left")
    for r in rows:
        t.add_row(r.period, f"{r.source}→{r.target}", str(r.n), *map(str, r.counts), f"{r.net_cooperation:+.1f}")
    out.print(t)


@app.command("balance")
def balance_cmd(
    country: Annotated[str, typer.Argument(help="Country code, e.g. KAZ.")],
    poles: Annotated[str, typer.Option("--poles", help="Comma-separated pole names or actor codes.")] = "RUS,WST,CHN",
    freq: Annotated[str, typer.Option("--freq", help="month | quarter | year")] = "month",
    since: Annotated[str | None, typer.Option("--since", help="First day YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    poles_file: Annotated[Path | None, typer.Option("--poles-file", help="YAML with extra poles (schema of poles.yaml).")] = None,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """How a country's engagement is split between poles per period, with shifts and their events.

    Share = a pole's events with the country / events with all poles; balance index = normalised
    entropy of the shares (1 even, 0 one pole); shifts are tested (z / permutation, Holm-adjusted).

    Examples:
      multivector balance KAZ --poles RUS,WST,CHN --freq month
      multivector balance KAZ --poles RUS,WST --format json --since 2023-01-01
    """
    from ..analysis import balance, detect_shifts

    with user_errors():
        s, u = parse_date(since, "--since"), parse_date(until, "--until")
        if fmt not in ("table", "json"):
            raise UsageError(f"unknown --format {fmt!r}; use table or json")
    with _open(store) as st:
        s, u = call(clamp_span, st, s, u)
        rep = call(balance, st, country, poles, freq=freq, since=s, until=u, poles_file=poles_file)
    shifts = call(detect_shifts, rep)
    if fmt == "json":
        data = _jsonable(rep)
        data["shifts"] = [_jsonable(x) for x in shifts]
        out.print_json(data=data)
        return
    t = Table(title=f"{rep.country} between {', '.join(p.label for p in rep.poles)} per {rep.freq}")
    t.add_column("period")
    t.add_column("events", justify="right")
    for p in rep.poles:
        t.add_column(f"{p.label} share (n, net coop)", justify="right")
    t.add_column("balance index", justify="right")
    for bal in rep.balance:
        cells = []
        for p in rep.poles:
            r = rep.row(p.name, bal.period)
            cells.append("–" if r.share is None else f"{r.share:.0%} ({r.n}, {r.net_cooperation:+.1f})")
        t.add_row(bal.period, str(bal.total), *cells, "–" if bal.index is None else f"{bal.index:.2f}")
    out.print(t)
    if not shifts:
        out.print("No shift beyond noise (at least 5 events per period are needed to test one).")
    for sh in shifts:
        out.print(f"[bold]Shift[/]: {sh.pole} {sh.measure} {sh.direction} {sh.value_before:.2f} ({sh.before}) → "
                  f"{sh.value_after:.2f} ({sh.after}), z={sh.z:+.2f}, adjusted p={sh.p_value:.3g}")
        for e in sh.drivers:
            out.print(f"  {e.date} {e.source}→{e.target} {e.code} [{e.article_id}] “{e.sentence.strip()}”",
                      highlight=False, markup=False)


@app.command("brief")
def brief_cmd(
    country: Annotated[str, typer.Argument(help="Country code, e.g. KAZ.")],
    poles: Annotated[str, typer.Option("--poles", help="Comma-separated pole names or actor codes.")] = "RUS,WST,CHN",
    fmt: Annotated[str, typer.Option("--format", help="md | html | json | text")] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    freq: Annotated[str, typer.Option("--freq", help="month | quarter | year")] = "month",
    since: Annotated[str | None, typer.Option("--since", help="First day YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day YYYY-MM-DD.")] = None,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """A cited briefing: why the country matters to each pole, why each pole is interested,
    how the country balances, what changed. HTML is self-contained with offline SVG charts.

    Examples:
      multivector brief KAZ --poles RUS,WST
      multivector brief KAZ --format html --output kaz.html
    """
    from ..explain import brief

    with user_errors():
        s, u = parse_date(since, "--since"), parse_date(until, "--until")
    with _open(store) as st:
        s, u = call(clamp_span, st, s, u)
        text = call(brief, st, country, poles, fmt=fmt, since=s, until=u, freq=freq)
    if output is not None:
        from ..atomic import write_text

        call(write_text, output, text)  # whole or not at all; a bad path is one line, exit 2
        out.print(f"wrote {output}")
    else:
        out.print(text, markup=False, highlight=False)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question naming countries, e.g. \"Why is Kazakhstan important to Russia?\"")],
    k: Annotated[int, typer.Option("--k", help="How many ranked citations.")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """Answer a question from the store with ranked, cited sentences (events, ties, BM25, embeddings).

    Examples:
      multivector ask "Why is Kazakhstan important to Russia?"
      multivector ask "How is Kazakhstan balancing Russia and the West?" --k 5
    """
    from ..explain import ask as ask_fn

    with _open(store, read_only=False) as st:  # writable: sentence embeddings are cached in the store
        ans = call(ask_fn, st, question, k=k)
    if as_json:
        out.print_json(data=_jsonable(ans))
        return
    out.print(f"[bold]{ans.intent}[/] · actors: {', '.join(ans.actors) or '–'}")
    out.print(ans.summary, markup=False, highlight=False)
    for c in ans.citations:
        out.print(f"[{c.rank}] “{c.sentence.strip()}” — article {c.article_id}, {c.date} (via {', '.join(c.via)})",
                  markup=False, highlight=False)


@app.command("faq-check")
def faq_check_cmd(
    file: Annotated[Path, typer.Argument(help="An article file with a FAQ section (Q:/A: lines).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print verdicts as JSON.")] = False,
) -> None:
    """Which FAQ answers the article body supports, claim by claim, with the supporting sentence. No store needed.

    Example: multivector faq-check article.txt --json
    """
    from ..explain import faq_check_file

    verdicts = call(faq_check_file, file)
    if as_json:
        out.print_json(data=[_jsonable(v) for v in verdicts])
        return
    for v in verdicts:
        mark = "[green]supported[/]" if v.supported else "[red]not supported[/]"
        out.print(f"{mark}  {v.claim}")
        if v.supported and v.sentence:
            out.print(f"    by: “{v.sentence.strip()}”", markup=False, highlight=False)
        else:
            out.print(f"    {v.reason}", markup=False, highlight=False)
