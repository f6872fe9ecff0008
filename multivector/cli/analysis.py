"""CLI commands: dyad, balance, brief, ask, faq-check (registered on the shared Typer app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..store import Store, default_store_path
from . import app, call, out, parse_date, user_errors
from .output import (
    TABLE,
    FormatOpt,
    JsonOpt,
    check_format,
    check_writable,
    emit,
    excerpt,
    note,
    plain,
    write_rows,
    write_text,
)

STORE_HELP = "DuckDB store file (default ./multivector.duckdb or $MULTIVECTOR_STORE)."


def _open(store: Path | None, *, read_only: bool = True) -> Store:
    with user_errors():
        return Store(store or default_store_path(), read_only=read_only)
    raise AssertionError("unreachable")


def _jsonable(obj: Any) -> Any:
    return plain(obj)


FreqOpt = Annotated[str, typer.Option("--freq", help="week | month | quarter | year")]
AllPeriodsOpt = Annotated[bool, typer.Option("--all-periods", help="Table: also list periods without events")]


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor code, e.g. KAZ.")],
    b: Annotated[str, typer.Argument(help="Second actor code, e.g. RUS.")],
    freq: FreqOpt = "month",
    since: Annotated[str | None, typer.Option("--since", help="First day YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day YYYY-MM-DD.")] = None,
    fmt: FormatOpt = "table",
    all_periods: AllPeriodsOpt = False,
    as_json: JsonOpt = False,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """Events between two actors per period, both directions, by quad class.

    Quad classes: verbal cooperation, material cooperation, verbal conflict, material conflict (CAMEO roots 01-05,
    06-08, 09-13, 14-20); Goldstein is the sum of the events' scores (-10 conflict .. +10 cooperation).

    Examples:
      multivector dyad KAZ RUS --freq quarter --since 2023-01-01
      multivector dyad KAZ CHN --format csv > kaz-chn.csv
    """
    from ..analysis import dyad_series

    with user_errors():
        f = check_format(fmt, as_json=as_json)
        s, u = parse_date(since, "--since"), parse_date(until, "--until")
    with _open(store) as st:
        rows = call(dyad_series, st, a, b, freq=freq, since=s, until=u)
    busy = {r.period for r in rows if r.n}
    shown = rows if all_periods else [r for r in rows if r.period in busy]

    def table() -> None:
        t = Table(title=f"{a.upper()} <-> {b.upper()} per {freq}: events by quad class", **TABLE)
        for col in ("period", "direction", "events", "v.coop", "m.coop", "v.conf", "m.conf", "Goldstein"):
            t.add_column(col, justify="left" if col in ("period", "direction") else "right", no_wrap=True)
        for r in shown:
            t.add_row(r.period, f"{r.source}->{r.target}", str(r.n), *map(str, r.counts), f"{r.net_cooperation:+.1f}")
        out.print(t, highlight=False)
        note("v/m = verbal/material, coop/conf = cooperation/conflict" + (
            "" if len(shown) == len(rows) else f"; {(len(rows) - len(shown)) // 2} periods without events hidden "
                                               "(--all-periods)"))

    emit(f, rows if all_periods or f != "table" else shown, table)


@app.command("balance")
def balance_cmd(
    country: Annotated[str, typer.Argument(help="Country code, e.g. KAZ.")],
    poles: Annotated[str, typer.Option("--poles", help="Comma-separated pole names or actor codes.")] = "RUS,WST,CHN",
    freq: FreqOpt = "month",
    since: Annotated[str | None, typer.Option("--since", help="First day YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day YYYY-MM-DD.")] = None,
    fmt: FormatOpt = "table",
    all_periods: AllPeriodsOpt = False,
    poles_file: Annotated[Path | None, typer.Option("--poles-file", help="YAML with extra poles (schema of poles.yaml).")] = None,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """How a country's engagement is split between poles per period, with shifts and their events.

    Share = a pole's events with the country / events with all poles; balance index = normalised entropy of the
    shares (1 even, 0 one pole); shifts are tested (z / permutation, Holm-adjusted). json holds every period
    and the evidence; jsonl and csv one row per pole and period.

    Examples:
      multivector balance KAZ --poles RUS,WST,CHN --freq month
      multivector balance KAZ --poles RUS,WST --format json --since 2023-01-01
      multivector balance UKR --freq week --all-periods
    """
    from ..analysis import balance, detect_shifts

    with user_errors():
        f = check_format(fmt)
        s, u = parse_date(since, "--since"), parse_date(until, "--until")
    with _open(store) as st:
        rep = call(balance, st, country, poles, freq=freq, since=s, until=u, poles_file=poles_file)
    shifts = call(detect_shifts, rep)
    if f != "table":
        data = _jsonable(rep)
        data["shifts"] = [_jsonable(x) for x in shifts]
        emit(f, rep.rows, lambda: None, document=data)
        return
    shown = [b for b in rep.balance if all_periods or b.total]
    names = " ".join(f"{p.name}={p.label}" for p in rep.poles if p.label != p.name)
    t = Table(title=f"{rep.country} between poles per {rep.freq}: share of events (count)", **TABLE)
    t.add_column("period", no_wrap=True)
    t.add_column("events", justify="right")
    for p in rep.poles:
        t.add_column(p.name, justify="right", no_wrap=True)
    t.add_column("index", justify="right")
    for bal in shown:
        cells = []
        for p in rep.poles:
            r = rep.row(p.name, bal.period)
            cells.append("–" if r.share is None else f"{r.share:.0%} ({r.n})")
        t.add_row(bal.period, str(bal.total), *cells, "–" if bal.index is None else f"{bal.index:.2f}")
    out.print(t, highlight=False)
    hidden = len(rep.balance) - len(shown)
    note(f"{names + '; ' if names else ''}index: 1 = even split, 0 = one pole"
         + (f"; {hidden} periods without events hidden (--all-periods)" if hidden else ""))
    if not shifts:
        out.print("No shift beyond noise (at least 5 events per period are needed to test one).")
    for sh in shifts:
        out.print(f"[bold]Shift[/]: {sh.pole} {sh.measure} {sh.direction} {sh.value_before:.2f} ({sh.before}) -> "
                  f"{sh.value_after:.2f} ({sh.after}), z={sh.z:+.2f}, adjusted p={sh.p_value:.3g}", highlight=False)
        for e in sh.drivers[:5]:
            out.print(f"  {e.date} {e.source}->{e.target} {e.code} [{e.article_id}] "
                      f"{excerpt(e.sentence, max(20, out.width - 45))}", highlight=False, markup=False)
        if len(sh.drivers) > 5:
            out.print(f"  ... {len(sh.drivers) - 5} more (--format json lists them all)", highlight=False)


@app.command("brief")
def brief_cmd(
    country: Annotated[str, typer.Argument(help="Country code, e.g. KAZ.")],
    poles: Annotated[str, typer.Option("--poles", help="Comma-separated pole names or actor codes.")] = "RUS,WST,CHN",
    fmt: Annotated[str, typer.Option("--format", "-f", help="md | html | json | text")] = "md",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    freq: FreqOpt = "month",
    since: Annotated[str | None, typer.Option("--since", help="First day YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day YYYY-MM-DD.")] = None,
    poles_file: Annotated[Path | None, typer.Option("--poles-file", help="YAML with extra poles (schema of poles.yaml).")] = None,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """A cited briefing: why the country matters to each pole, why each pole is interested, how the country
    balances, what changed. HTML is self-contained with offline SVG charts.

    Examples:
      multivector brief KAZ --poles RUS,WST
      multivector brief KAZ --format html --output kaz.html
      multivector --lexicon gulf.yaml brief KAZ --poles RUS,WST,GULF -f html
    """
    from ..explain import brief

    with user_errors():
        s, u = parse_date(since, "--since"), parse_date(until, "--until")
        if output is not None:
            check_writable(output)
    with _open(store) as st:
        text = call(brief, st, country, poles, fmt=fmt, since=s, until=u, freq=freq, poles_file=poles_file)
    if output is not None:
        with user_errors():
            write_text(output, text)
        out.print(f"wrote {output}", highlight=False)
    else:
        out.print(text, markup=False, highlight=False)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question naming countries, e.g. \"Why is Kazakhstan important to Russia?\"")],
    k: Annotated[int, typer.Option("--k", help="How many ranked citations.")] = 3,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
    as_json: JsonOpt = False,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """Answer a question from the store with ranked, cited sentences (events, ties, BM25, embeddings).

    The first call in a process loads the embedding model (seconds); `multivector serve` keeps it loaded,
    so questions asked in the dashboard or at /api/ask answer in well under a second.

    Examples:
      multivector ask "Why is Kazakhstan important to Russia?"
      multivector ask "How is Kazakhstan balancing Russia and the West?" --k 5
      multivector ask "What does China want from Kazakhstan?" --format json
    """
    from ..explain import ask as ask_fn

    with user_errors():
        f = check_format(fmt, as_json=as_json, allowed=("table", "json"))
    path = store or default_store_path()
    # Writable when it exists: sentence embeddings are cached in the store (read-only never creates one).
    with _open(path, read_only=not path.exists()) as st:
        ans = call(ask_fn, st, question, k=k)
    if f == "json":
        write_rows([], "json", document=ans)
        return
    out.print(f"[bold]{ans.intent}[/] · actors: {', '.join(ans.actors) or '–'}", highlight=False)
    out.print(ans.summary, markup=False, highlight=False)
    for c in ans.citations:
        out.print(f"[{c.rank}] “{c.sentence.strip()}” — article {c.article_id}, {c.date} (via {', '.join(c.via)})",
                  markup=False, highlight=False)


@app.command("faq-check")
def faq_check_cmd(
    file: Annotated[Path, typer.Argument(help="An article file with a FAQ section (Q:/A: lines).")],
    fmt: FormatOpt = "table",
    as_json: JsonOpt = False,
) -> None:
    """Which FAQ answers the article body supports, claim by claim, with the supporting sentence. No store needed.

    Examples:
      multivector faq-check article.txt
      multivector faq-check article.txt --format json
    """
    from ..explain import faq_check_file

    with user_errors():
        f = check_format(fmt, as_json=as_json)
    verdicts = call(faq_check_file, file)

    def table() -> None:
        for v in verdicts:
            mark = "[green]supported[/]" if v.supported else "[red]not supported[/]"
            out.print(f"{mark}  {v.claim}", highlight=False)
            if v.supported and v.sentence:
                out.print(f"    by: “{v.sentence.strip()}”", markup=False, highlight=False)
            else:
                out.print(f"    {v.reason}", markup=False, highlight=False)

    emit(f, verdicts, table)
