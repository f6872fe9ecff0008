"""Briefings: why a country matters to each pole, why each pole is interested, how the country balances,
what changed lately; every statement quotes its evidence so it can be cited.

Each quote gives the sentence once (the earliest report; identical sentences from copies are merged),
the article's title, outlet (URL host or source name), date, URL and id, and "and N other reports" when
other articles reported the same interaction. A briefing states its window, the articles and stories
behind it, the counting unit, and the date it was made. Shares carry their 90% interval and the stories
and outlets behind them; periods with too little evidence say so.

Formats: md, html (self-contained, inline SVG charts, no network), json, text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from ..analysis import balance, detect_shifts, pole_interactions, pole_ties
from ..analysis.records import BalanceReport, EventRef, Interaction, Pole, PolePeriod, Shift, TieRef
from ..analysis.stats import MIN_STORIES
from ..errors import UsageError
from ..identity.clusters import outlet
from ..store import Store
from .charts import dyads_chart, shares_chart
from .names import name_of

FORMATS = ("md", "html", "json", "text")
SECTIONS = {
    "matters": "Why {country} matters to each pole",
    "interest": "Why each pole is interested in {country}",
    "balancing": "How {country} balances",
    "changes": "What changed lately",
}
MAX_CITES = 4  # per statement: enough to check it, short enough to read


@dataclass(frozen=True, slots=True)
class Citation:
    """The evidence of a statement: a stored sentence, from the earliest article that reported it."""

    article_id: str
    date: dt.date  # the article's date
    sentence_idx: int
    sentence: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    other_reports: int = 0  # other articles reporting the same interaction or the same sentence

    def source_line(self) -> str:
        """'Title, outlet, 2023-11-14, https://... (article 4bdf41e0...) and 2 other reports' (what is known)."""
        parts = [p for p in (self.title.strip(), self.outlet, self.date.isoformat(), self.url) if p]
        more = f" and {self.other_reports} other report{'s' if self.other_reports != 1 else ''}" \
            if self.other_reports else ""
        return f"{', '.join(parts)} (article {self.article_id}){more}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One statement of a briefing with its citations."""

    section: str
    pole: str
    statement: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything a briefing says, before rendering."""

    country: str
    country_name: str
    report: BalanceReport
    findings: tuple[Finding, ...]
    shifts: tuple[Shift, ...]
    generated: dt.date | None = None  # the day the briefing was made
    window: str = ""  # "2023-01-09 to 2024-02-27" (the dates of the counted evidence, or --since/--until)
    articles: int = 0  # articles behind the counted interactions and ties, copies included
    stories: int = 0
    colours: tuple[tuple[str, str], ...] = ()  # pole -> chart colour (multivector.palette), as the dashboard's


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


class _Citer:
    """Citations for a report: one per interaction (its earliest report), each sentence quoted once."""

    def __init__(self, rep: BalanceReport, meta: dict[str, dict[str, Any]]) -> None:
        self.by_interaction = {i.id: i for i in rep.interactions}
        self.meta = meta  # article id -> title, url, outlet

    def _one(self, r: EventRef | TieRef) -> tuple[Citation, int]:
        others = 0
        if isinstance(r, EventRef):
            inter = self.by_interaction.get(r.interaction_id)
            if inter is not None:
                r = inter.mentions[0]
                others = inter.articles - 1
        m = self.meta.get(r.article_id, {})
        return Citation(r.article_id, r.date, r.sentence_idx, r.sentence, m.get("title", ""), m.get("outlet", ""),
                        m.get("url", "")), others

    def cite(self, refs: Sequence[EventRef | TieRef | Interaction]) -> tuple[Citation, ...]:
        out: dict[str, Citation] = {}
        extra: dict[str, int] = {}
        seen_inter: set[str] = set()
        flat = [x.mentions[0] if isinstance(x, Interaction) else x for x in refs]
        for r in sorted(flat, key=lambda r: (r.date, r.article_id, r.sentence_idx)):
            if isinstance(r, EventRef) and r.interaction_id:
                if r.interaction_id in seen_inter:
                    continue
                seen_inter.add(r.interaction_id)
            c, others = self._one(r)
            key = _norm(c.sentence)
            if key in out:  # the same sentence from another copy or event: quoted once, counted as a report
                if c.article_id != out[key].article_id:
                    extra[key] = extra.get(key, 0) + 1 + others
                continue
            out[key] = c
            extra[key] = extra.get(key, 0) + others
        cites = [dataclasses.replace(c, other_reports=extra[k]) for k, c in out.items()]
        return tuple(cites[:MAX_CITES])


def _action_name(code: str) -> str:
    try:
        from ..events import cameo

        return cameo.lookup(code).name.lower()
    except Exception:  # noqa: BLE001 - unknown code in an old store: show the code
        return f"CAMEO {code}"


def _actions(inters: Sequence[Interaction], who: str, country: str) -> str:
    """'make a visit ×1 (FRA), praise or endorse ×1 (FRA)': interactions by CAMEO name with the other party."""
    by: dict[str, list[str]] = {}
    counts: Counter[str] = Counter()
    for i in inters:
        name = _action_name(i.code)
        counts[name] += 1
        actor = i.source if who == "source" else i.target
        if actor == country:  # a symmetric interaction whose earliest report names the country first
            actor = i.target if who == "source" else i.source
        if actor not in by.setdefault(name, []):
            by[name].append(actor)
    return ", ".join(f"{n} ×{counts[n]} ({', '.join(by[n])})" for n in counts)


def _types(ties: Sequence[TieRef]) -> str:
    types = list(dict.fromkeys(t.type for t in ties))
    return types[0] if len(types) == 1 else ", ".join(types[:-1]) + " and " + types[-1]


def _pole_name(p: Pole, country: str) -> str:
    """'the West' for a pole; a one-member pole named by its code shows the actor's name instead."""
    return name_of(p.name) if p.label == p.name else p.label


def pc(x: float) -> int:
    """A share in whole percent, rounded half up (the dashboard's app.js rounds the same way)."""
    return math.floor(x * 100 + 0.5)


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{pc(x)}%"


def _interval(lo: float | None, hi: float | None) -> str:
    return "" if lo is None or hi is None else f" [{pc(lo)}–{pc(hi)}%]"


def _toward(i: Interaction, src: str, dst: set[str]) -> bool:
    return any(m.source == src and m.target in dst for m in i.mentions)


def _findings(rep: BalanceReport, shifts: Sequence[Shift], poles: dict[str, Pole], citer: _Citer) -> list[Finding]:
    c = rep.country
    cn = name_of(c)
    cite = citer.cite
    out: list[Finding] = []
    for p in rep.poles:
        pn = _pole_name(p, c)
        mem = {m for m in p.members if m != c}
        inters = pole_interactions(rep, p.name)
        inbound = [i for i in inters if any(m.target == c and m.source in mem for m in i.mentions)]
        outbound = [i for i in inters if _toward(i, c, mem)]
        ties = pole_ties(rep, p.name)
        dep_c = [t for t in ties if t.a == c]  # country depends on the pole
        dep_p = [t for t in ties if t.a != c]  # a pole member depends on the country
        # -- why the country matters to the pole
        if dep_p:
            out.append(Finding("matters", p.name, f"{pn} ({', '.join(sorted({t.a for t in dep_p}))}) depends on {cn} "
                               f"for {_types(dep_p)}.", cite(dep_p)))
        if dep_c:
            out.append(Finding("matters", p.name, f"{cn} depends on {pn} for {_types(dep_c)}: a stake {pn} keeps "
                               f"in {cn} and leverage over it.", cite(dep_c)))
        coop_in = [i for i in inbound if i.quad_class in (1, 2)]
        if coop_in:
            n_st = len({s for i in coop_in for s in i.stories})
            out.append(Finding("matters", p.name, f"{pn} invests diplomatic effort in {cn}: {len(coop_in)} cooperative "
                               f"interaction(s) toward it, in {n_st} stor{'y' if n_st == 1 else 'ies'}.",
                               cite(coop_in)))
        if not (dep_p or dep_c or coop_in):
            out.append(Finding("matters", p.name, f"No tie or cooperative event links {pn} to {cn} in this window.", ()))
        # -- why the pole is interested: its actions toward the country
        conf_in = [i for i in inbound if i.quad_class in (3, 4)]
        if coop_in:
            out.append(Finding("interest", p.name, f"{pn} courts {cn}: {_actions(coop_in, 'source', c)}.",
                               cite(coop_in)))
        if conf_in:
            out.append(Finding("interest", p.name, f"{pn} pressures {cn}: {_actions(conf_in, 'source', c)}.",
                               cite(conf_in)))
        if not inbound:
            out.append(Finding("interest", p.name, f"No recorded action by {pn} toward {cn} in this window.", ()))
        # -- how the country balances: its own actions toward the pole, plus its dependence
        coop_out = [i for i in outbound if i.quad_class in (1, 2)]
        conf_out = [i for i in outbound if i.quad_class in (3, 4)]
        if coop_out:
            out.append(Finding("balancing", p.name, f"{cn} cooperates with {pn}: {_actions(coop_out, 'target', c)}.",
                               cite(coop_out)))
        if conf_out:
            out.append(Finding("balancing", p.name, f"{cn} rejects or opposes {pn}: {_actions(conf_out, 'target', c)}.",
                               cite(conf_out)))
        if dep_c:
            out.append(Finding("balancing", p.name, f"{cn} depends on {pn} for {_types(dep_c)}, which limits how far "
                               f"it can move away.", cite(dep_c)))
        if not (coop_out or conf_out):
            out.append(Finding("balancing", p.name, f"No recorded action by {cn} toward {pn} in this window.", ()))
    # -- what changed
    for s in shifts:
        pn = _pole_name(poles[s.pole], c)
        if s.measure == "share":
            what = (f"{pn}'s share of {cn}'s engagement went {s.direction} from {_pct(s.value_before)}"
                    f"{_interval(s.low_before, s.high_before)} ({s.span_before or s.before}, {s.stories_before} "
                    f"stories) to {_pct(s.value_after)}{_interval(s.low_after, s.high_after)} "
                    f"({s.span_after or s.after}, {s.stories_after} stories)")
        else:
            what = (f"the tone of {cn}–{pn} interactions went {s.direction} from mean Goldstein {s.value_before:+.1f} "
                    f"({s.span_before or s.before}) to {s.value_after:+.1f} ({s.span_after or s.after})")
        by_id = {m.interaction_id for m in s.drivers}
        drivers = [i for i in rep.interactions if i.id in by_id]
        out.append(Finding("changes", s.pole, f"{what[0].upper()}{what[1:]} (z = {s.z:+.2f}, adjusted p = "
                           f"{s.p_value:.3g}, tested on stories); driven by: {_actions(drivers, 'source', c)}.",
                           cite(list(s.drivers))))
    if not shifts:
        last = next((b for b in reversed(rep.balance) if b.shares), None)
        split = ", ".join(f"{_pole_name(poles[n], c)} {_pct(s)}" for n, s in last.shares) if last else "no share"
        out.append(Finding("changes", "", f"No shift beyond noise (each pole's change point is tested on stories, "
                           f"at least {MIN_STORIES} stories a side). Latest split "
                           f"({last.period if last else '-'}): {split}.", ()))
    # statements may open with a pole label such as "the West": capitalise the first letter only
    return [Finding(f.section, f.pole, f.statement[:1].upper() + f.statement[1:], f.citations) for f in out]


def _article_meta(store: Store, rep: BalanceReport) -> dict[str, dict[str, Any]]:
    ids = sorted({e.article_id for e in rep.events} | {t.article_id for t in rep.ties})
    if not ids:
        return {}
    rows = store.query("SELECT id, coalesce(title, '') AS title, coalesce(url, '') AS url, coalesce(source, '') AS"
                       " source FROM articles WHERE list_contains(?, id)", [ids])
    return {r["id"]: {"title": r["title"], "url": r["url"], "outlet": outlet(r["url"], r["source"])} for r in rows}


def _coverage(store: Store, rep: BalanceReport) -> tuple[int, int]:
    """(articles, stories) behind the counted interactions and the ties, near-duplicate copies included."""
    stories = {s for i in rep.interactions for s in i.stories}
    tie_articles = sorted({t.article_id for t in rep.ties})
    if tie_articles:
        stories |= {r["s"] for r in store.query(
            "SELECT coalesce(story_id, id) AS s FROM articles WHERE list_contains(?, id)", [tie_articles])}
    if not stories:
        return 0, 0
    row = store.query("SELECT count(*) AS n FROM articles WHERE list_contains(?, coalesce(story_id, id))",
                      [sorted(stories)])
    return int(row[0]["n"]), len(stories)


def _window(rep: BalanceReport) -> str:
    dates = [i.date for i in rep.interactions] + [t.date for t in rep.ties]
    first = rep.since or (min(dates) if dates else None)
    last = rep.until or (max(dates) if dates else None)
    return f"{first} to {last}" if first and last else "no evidence"


def build_briefing(
    store: Store, country: str, poles: str | Sequence[str], *, since: dt.date | None = None,
    until: dt.date | None = None, freq: str = "month", poles_file: str | Path | None = None,
    include_background: bool = False, today: dt.date | None = None,
) -> Briefing:
    """Compute the balance report, shifts and cited findings of a briefing (``today``: the date it states)."""
    rep = balance(store, country, poles, freq=freq, since=since, until=until, poles_file=poles_file,
                  include_background=include_background)
    shifts = detect_shifts(rep)
    poles_by = {p.name: p for p in rep.poles}
    citer = _Citer(rep, _article_meta(store, rep))
    articles, stories = _coverage(store, rep)
    from ..analysis.poles import load_poles
    from ..palette import pole_colours

    colours = pole_colours([p.name for p in rep.poles], load_poles(poles_file))
    return Briefing(rep.country, name_of(rep.country), rep, tuple(_findings(rep, shifts, poles_by, citer)),
                    tuple(shifts), today or dt.date.today(), _window(rep), articles, stories, tuple(colours.items()))


UNITS_NOTE = ("Counting unit: interactions (every report of one happening counts once; a meeting coded both "
              "ways counts once). Shares carry a 90% interval over stories (an article and its copies).")


def share_cell(r: PolePeriod) -> str:
    """'38% [22–55%] n 5' for a share with its interval, '– (n 2)' when the period has too little evidence."""
    if r.share is None:
        return f"– (n {r.n})" if r.n else "–"
    return f"{pc(r.share)}%{_interval(r.share_low, r.share_high)} n {r.n}"


def share_rows(rep: BalanceReport) -> list[dict[str, Any]]:
    """One row per period: counts, a cell per pole (share_cell), the balance index and the evidence note."""
    return [{"period": bal.period, "interactions": bal.total, "stories": bal.stories, "outlets": bal.outlets,
             "cells": [share_cell(rep.row(p.name, bal.period)) for p in rep.poles],
             "index": "–" if bal.index is None else f"{bal.index:.2f}", "note": bal.note}
            for bal in rep.balance]


def busy_rows(rep: BalanceReport) -> tuple[list[dict[str, Any]], int]:
    """share_rows of the periods with interactions, and how many empty periods were left out."""
    rows = share_rows(rep)
    busy = [r for r in rows if r["interactions"]]
    return busy, len(rows) - len(busy)


def _hidden(n: int) -> str:
    return f" {n} periods without interactions are not listed." if n else ""


def _count(n: int, word: str) -> str:
    """'1 article', '7 articles', '1 story', '2 stories'."""
    return f"{n} {word}" if n == 1 else f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"


def _about(b: Briefing) -> list[str]:
    bg = "included" if b.report.include_background else "left out (a month or more before their reports)"
    return [f"Window: {b.window}, per {b.report.freq}. Evidence: {_count(b.articles, 'article')} in "
            f"{_count(b.stories, 'story')}.",
            f"{UNITS_NOTE} Background events: {bg}.",
            f"Made on {b.generated.isoformat() if b.generated else '-'} by multivector."]


def _json(b: Briefing) -> str:
    rep = b.report
    data: dict[str, Any] = {
        "country": b.country, "country_name": b.country_name,
        "poles": [{"name": p.name, "label": p.label, "members": list(p.members)} for p in rep.poles],
        "freq": rep.freq, "periods": list(rep.periods),
        "generated": b.generated, "window": b.window, "articles": b.articles, "stories": b.stories,
        "counting_unit": "interaction", "interval": 0.9, "include_background": rep.include_background,
        "balance": [asdict(x) for x in rep.balance],
        "rows": [asdict(r) for r in rep.rows],
        "findings": [asdict(f) for f in b.findings],
        "shifts": [asdict(s) for s in b.shifts],
    }
    return json.dumps(data, default=str, ensure_ascii=False, indent=2)


def _title(b: Briefing) -> str:
    return f"Briefing: {b.country_name} between {', '.join(p.label for p in b.report.poles)}"


def _md(b: Briefing) -> str:
    lines = [f"# {_title(b)}", "", *(f"{x}  " for x in _about(b)), ""]
    rep = b.report
    if rep.periods:
        head = "| period | interactions | stories | outlets | " + " | ".join(p.label for p in rep.poles) + \
            " | balance index | note |"
        lines += [head, "|" + "---|" * (len(rep.poles) + 6)]
        rows, hidden = busy_rows(rep)
        for row in rows:
            lines.append(f"| {row['period']} | {row['interactions']} | {row['stories']} | {row['outlets']} | "
                         + " | ".join(row["cells"]) + f" | {row['index']} | {row['note']} |")
        lines += ["", "Share [90% interval] n interactions. Balance index: normalised entropy of the pole shares "
                  "(1 = even split, 0 = one pole only)." + _hidden(hidden), ""]
    for key, title in SECTIONS.items():
        lines += [f"## {title.format(country=b.country_name)}", ""]
        for f in (f for f in b.findings if f.section == key):
            lines.append(f"- {f.statement}")
            for c in f.citations:
                lines.append(f"  > “{c.sentence.strip()}” — {c.source_line()}")
        lines.append("")
    return "\n".join(lines)


def _text(b: Briefing) -> str:
    lines = [_title(b), "=" * len(_title(b)), "", *_about(b), ""]
    rep = b.report
    rows, hidden = busy_rows(rep)
    for row in rows:
        cells = ", ".join(f"{p.label} {c}" for p, c in zip(rep.poles, row["cells"], strict=True))
        lines.append(f"{row['period']}: {row['interactions']} interactions, {row['stories']} stories, "
                     f"{row['outlets']} outlets; {cells}"
                     + (f" ({row['note']})" if row["note"] else ""))
    if hidden:
        lines.append(_hidden(hidden).strip())
    lines.append("")
    for key, title in SECTIONS.items():
        lines += [title.format(country=b.country_name).upper(), ""]
        for f in (f for f in b.findings if f.section == key):
            lines.append(f"* {f.statement}")
            for c in f.citations:
                lines.append(f'    "{c.sentence.strip()}" [{c.source_line()}]')
        lines.append("")
    return "\n".join(lines)


def _html(b: Briefing) -> str:
    tpl = resources.files("multivector.explain") / "templates" / "brief.html"
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(tpl.read_text(encoding="utf-8"))
    sections = [
        (title.format(country=b.country_name), [f for f in b.findings if f.section == key])
        for key, title in SECTIONS.items()
    ]
    colours = dict(b.colours) or None
    rows, hidden = busy_rows(b.report)
    return template.render(
        title=_title(b), b=b, rep=b.report, sections=sections, rows=rows, hidden=_hidden(hidden), about=_about(b),
        shares_svg=jinja2.utils.markupsafe.Markup(shares_chart(b.report, colours)),
        dyads_svg=jinja2.utils.markupsafe.Markup(dyads_chart(b.report, colours)),
    )


def render(b: Briefing, fmt: str = "md") -> str:
    """Render a briefing as md, html, json or text."""
    f = fmt.lower()
    if f not in FORMATS:
        raise UsageError(f"unknown briefing format {fmt!r}; use one of {', '.join(FORMATS)}")
    return {"md": _md, "html": _html, "json": _json, "text": _text}[f](b)


def brief(
    store: Store, country: str, poles: str | Sequence[str] = ("RUS", "WST", "CHN"), *, fmt: str = "md",
    since: dt.date | None = None, until: dt.date | None = None, freq: str = "month",
    poles_file: str | Path | None = None, include_background: bool = False, today: dt.date | None = None,
) -> str:
    """A cited briefing on a country between poles, rendered as md, html, json or text."""
    if fmt.lower() not in FORMATS:
        raise UsageError(f"unknown briefing format {fmt!r}; use one of {', '.join(FORMATS)}")
    return render(build_briefing(store, country, poles, since=since, until=until, freq=freq, poles_file=poles_file,
                                 include_background=include_background, today=today), fmt)
