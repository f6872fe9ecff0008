"""CLI commands: dyad, balance, brief, ask, faq-check (registered on the shared Typer app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..queries import clamp_span
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
)

STORE_HELP = "DuckDB store file (default ./multivector.duckdb or $MULTIVECTOR_STORE)."
BACKGROUND_HELP = "Also count background events (a month or more before every article reporting them)."


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
    include_background: Annotated[bool, typer.Option("--include-background", help=BACKGROUND_HELP)] = False,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """Events between two actors per period, both directions, by quad class.

    An event is one happening: its reports in several sentences, articles and outlets count once. Quad classes:
    verbal cooperation, material cooperation, verbal conflict, material conflict (CAMEO roots 01-05, 06-08, 09-13,
    14-20); Goldstein is the sum of the events' scores (-10 conflict .. +10 cooperation).

    Examples:
      multivector dyad KAZ RUS --freq quarter --since 2023-01-01
      multivector dyad KAZ CHN --format csv > kaz-chn.csv
    """
    from ..analysis import dyad_series

    with user_errors():
        f = check_format(fmt, as_json=as_json)
        s, u = parse_date(since, "--since"), parse_date(until, "--until")
    with _open(store) as st:
        s, u = call(clamp_span, st, s, u)
        rows = call(dyad_series, st, a, b, freq=freq, since=s, until=u, include_background=include_background)
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
    include_background: Annotated[bool, typer.Option("--include-background", help=BACKGROUND_HELP)] = False,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """How a country's engagement is split between poles per period, with shifts and their events.

    Counts interactions: every report of one happening counts once, a meeting coded both ways once. Share = a
    pole's interactions with the country / interactions with all poles, with its 90% interval over stories and
    the number of interactions (n), and the stories and outlets behind each period; periods with fewer than 3
    stories show none. Balance index = normalised entropy of the shares (1 even, 0 one pole). Shifts: each
    pole's change point, tested by permuting stories, adjusted for every pole and measure tested. json holds
    every period and the evidence; jsonl and csv one row per pole and period.

    Examples:
      multivector balance KAZ --poles RUS,WST,CHN --freq month
      multivector balance KAZ --poles RUS,WST --format json --since 2023-01-01
      multivector balance UKR --freq week --all-periods
    """
    from ..analysis import balance, detect_shifts
    from ..analysis.stats import MIN_STORIES
    from ..explain.brief import pc

    with user_errors():
        f = check_format(fmt)
        s, u = parse_date(since, "--since"), parse_date(until, "--until")
    with _open(store) as st:
        s, u = call(clamp_span, st, s, u)
        rep = call(balance, st, country, poles, freq=freq, since=s, until=u, poles_file=poles_file,
                   include_background=include_background)
    shifts = call(detect_shifts, rep)
    if f != "table":
        data = _jsonable(rep)
        data.pop("interactions", None)  # their mentions are in "events"
        data["shifts"] = [_jsonable(x) for x in shifts]
        emit(f, rep.rows, lambda: None, document=data)
        return
    shown = [b for b in rep.balance if all_periods or b.total]
    names = " ".join(f"{p.name}={p.label}" for p in rep.poles if p.label != p.name)
    t = Table(title=f"{rep.country} between poles per {rep.freq}: share % [90% interval] n", **TABLE)
    t.add_column("period", no_wrap=True)
    t.add_column("n", justify="right")
    t.add_column("st/out", justify="right", no_wrap=True)
    for p in rep.poles:
        t.add_column(p.name, justify="right", no_wrap=True)
    t.add_column("index", justify="right")
    for bal in shown:
        cells = []
        for p in rep.poles:
            r = rep.row(p.name, bal.period)
            if r.share is None or r.share_low is None or r.share_high is None:
                cells.append(f"– ({r.n})" if r.n else "–")  # too little evidence for a share: the count only
            else:
                cells.append(f"{pc(r.share)} [{pc(r.share_low)}–{pc(r.share_high)}] {r.n}")
        t.add_row(bal.period, str(bal.total), f"{bal.stories}/{bal.outlets}", *cells,
                  "–" if bal.index is None else f"{bal.index:.2f}")
    out.print(t, highlight=False)
    hidden = len(rep.balance) - len(shown)
    note(f"{names + '; ' if names else ''}n = interactions, st/out = stories/outlets; index: 1 = even split, "
         "0 = one pole" + (f"; {hidden} periods without events hidden (--all-periods)" if hidden else ""))
    thin = [b.period for b in shown if b.note]
    if thin:
        out.print(f"Too little evidence for a share (fewer than {MIN_STORIES} stories): {', '.join(thin)}.",
                  soft_wrap=False, highlight=False)
    if not shifts:
        out.print("No shift beyond noise (change points tested on stories; see --help).")
    for sh in shifts:
        if sh.measure == "share":
            before = f"{pc(sh.value_before)}%" + ("" if sh.low_before is None or sh.high_before is None
                                                 else f" [{pc(sh.low_before)}–{pc(sh.high_before)}%]")
            after = f"{pc(sh.value_after)}%" + ("" if sh.low_after is None or sh.high_after is None
                                               else f" [{pc(sh.low_after)}–{pc(sh.high_after)}%]")
        else:
            before, after = f"{sh.value_before:+.2f}", f"{sh.value_after:+.2f}"
        out.print(f"[bold]Shift[/]: {sh.pole} {sh.measure} {sh.direction}, z={sh.z:+.2f}, adjusted p={sh.p_value:.3g}")
        out.print(f"  from {before} in {sh.span_before or sh.before} ({sh.stories_before} stories)", highlight=False)
        out.print(f"  to {after} in {sh.span_after or sh.after} ({sh.stories_after} stories)", highlight=False)
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
    include_background: Annotated[bool, typer.Option("--include-background", help=BACKGROUND_HELP)] = False,
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
) -> None:
    """A cited briefing: why the country matters to each pole, why each pole is interested, how the country
    balances, what changed. HTML is self-contained with offline SVG charts. Quotes give title, outlet, date and
    URL; shares their 90% interval and stories.

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
        s, u = call(clamp_span, st, s, u)
        text = call(brief, st, country, poles, fmt=fmt, since=s, until=u, freq=freq, poles_file=poles_file,
                    include_background=include_background)
    if output is not None:
        from ..atomic import write_text

        call(write_text, output, text)  # whole or not at all; a bad path is one line, exit 2
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
