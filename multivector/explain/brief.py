"""Briefings: why a country matters to each pole, why each pole is interested, how the country balances,
what changed lately; every statement cites article id, date and the quoted sentence.

Formats: md, html (self-contained, inline SVG charts, no network), json, text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from ..analysis import balance, detect_shifts, pole_events, pole_ties
from ..analysis.records import BalanceReport, EventRef, Pole, Shift, TieRef
from ..errors import UsageError
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
    """The evidence of a statement: a stored sentence."""

    article_id: str
    date: dt.date
    sentence_idx: int
    sentence: str


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
    colours: tuple[tuple[str, str], ...] = ()  # pole -> chart colour (multivector.palette), as the dashboard's


def _cite(refs: Sequence[EventRef | TieRef]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, int], Citation] = {}
    for r in refs:
        seen.setdefault((r.article_id, r.sentence_idx), Citation(r.article_id, r.date, r.sentence_idx, r.sentence))
    return tuple(list(seen.values())[:MAX_CITES])


def _action_name(code: str) -> str:
    try:
        from ..events import cameo

        return cameo.lookup(code).name.lower()
    except Exception:  # noqa: BLE001 - unknown code in an old store: show the code
        return f"CAMEO {code}"


def _actions(events: Sequence[EventRef], who: str) -> str:
    """'make a visit ×1 (FRA), praise or endorse ×1 (FRA)': actions by CAMEO name with their actors."""
    by: dict[str, list[str]] = {}
    counts: Counter[str] = Counter()
    for e in events:
        name = _action_name(e.code)
        counts[name] += 1
        actor = e.source if who == "source" else e.target
        if actor not in by.setdefault(name, []):
            by[name].append(actor)
    return ", ".join(f"{n} ×{counts[n]} ({', '.join(by[n])})" for n in counts)


def _types(ties: Sequence[TieRef]) -> str:
    types = list(dict.fromkeys(t.type for t in ties))
    return types[0] if len(types) == 1 else ", ".join(types[:-1]) + " and " + types[-1]


def _pole_name(p: Pole, country: str) -> str:
    """'the West' for a pole; a one-member pole named by its code shows the actor's name instead."""
    return name_of(p.name) if p.label == p.name else p.label


def _findings(rep: BalanceReport, shifts: Sequence[Shift], poles: dict[str, Pole]) -> list[Finding]:
    c = rep.country
    cn = name_of(c)
    out: list[Finding] = []
    for p in rep.poles:
        pn = _pole_name(p, c)
        evs = pole_events(rep, p.name)
        inbound = [e for e in evs if e.target == c]
        outbound = [e for e in evs if e.source == c]
        ties = pole_ties(rep, p.name)
        dep_c = [t for t in ties if t.a == c]  # country depends on the pole
        dep_p = [t for t in ties if t.a != c]  # a pole member depends on the country
        # -- why the country matters to the pole
        if dep_p:
            out.append(Finding("matters", p.name, f"{pn} ({', '.join(sorted({t.a for t in dep_p}))}) depends on {cn} "
                               f"for {_types(dep_p)}.", _cite(dep_p)))
        if dep_c:
            out.append(Finding("matters", p.name, f"{cn} depends on {pn} for {_types(dep_c)}: a stake {pn} keeps "
                               f"in {cn} and leverage over it.", _cite(dep_c)))
        coop_in = [e for e in inbound if e.quad_class in (1, 2)]
        if coop_in:
            out.append(Finding("matters", p.name, f"{pn} invests diplomatic effort in {cn}: {len(coop_in)} cooperative "
                               f"event(s) toward it.", _cite(coop_in)))
        if not (dep_p or dep_c or coop_in):
            out.append(Finding("matters", p.name, f"No tie or cooperative event links {pn} to {cn} in this window.", ()))
        # -- why the pole is interested: its actions toward the country
        conf_in = [e for e in inbound if e.quad_class in (3, 4)]
        if coop_in:
            out.append(Finding("interest", p.name, f"{pn} courts {cn}: {_actions(coop_in, 'source')}.", _cite(coop_in)))
        if conf_in:
            out.append(Finding("interest", p.name, f"{pn} pressures {cn}: {_actions(conf_in, 'source')}.",
                               _cite(conf_in)))
        if not inbound:
            out.append(Finding("interest", p.name, f"No recorded action by {pn} toward {cn} in this window.", ()))
        # -- how the country balances: its own actions toward the pole, plus its dependence
        coop_out = [e for e in outbound if e.quad_class in (1, 2)]
        conf_out = [e for e in outbound if e.quad_class in (3, 4)]
        if coop_out:
            out.append(Finding("balancing", p.name, f"{cn} cooperates with {pn}: {_actions(coop_out, 'target')}.",
                               _cite(coop_out)))
        if conf_out:
            out.append(Finding("balancing", p.name, f"{cn} rejects or opposes {pn}: {_actions(conf_out, 'target')}.",
                               _cite(conf_out)))
        if dep_c:
            out.append(Finding("balancing", p.name, f"{cn} depends on {pn} for {_types(dep_c)}, which limits how far "
                               f"it can move away.", _cite(dep_c)))
        if not (coop_out or conf_out):
            out.append(Finding("balancing", p.name, f"No recorded action by {cn} toward {pn} in this window.", ()))
    # -- what changed
    for s in shifts:
        pn = _pole_name(poles[s.pole], c)
        if s.measure == "share":
            what = f"{pn}'s share of {cn}'s engagement went {s.direction} from {s.value_before:.0%} ({s.before}) " \
                   f"to {s.value_after:.0%} ({s.after})"
        else:
            what = f"the tone of {cn}–{pn} events went {s.direction} from mean Goldstein {s.value_before:+.1f} " \
                   f"({s.before}) to {s.value_after:+.1f} ({s.after})"
        out.append(Finding("changes", s.pole, f"{what[0].upper()}{what[1:]} (z = {s.z:+.2f}, adjusted p = "
                           f"{s.p_value:.3g}); driven by: {_actions(s.drivers, 'source')}.", _cite(s.drivers)))
    if not shifts:
        last = next((b for b in reversed(rep.balance) if b.total), None)
        split = ", ".join(f"{_pole_name(poles[n], c)} {s:.0%}" for n, s in last.shares) if last else "no events"
        out.append(Finding("changes", "", f"No change beyond noise between consecutive periods (tests need at least "
                           f"5 events per period). Latest split ({last.period if last else '-'}): {split}.", ()))
    # statements may open with a pole label such as "the West": capitalise the first letter only
    return [Finding(f.section, f.pole, f.statement[:1].upper() + f.statement[1:], f.citations) for f in out]


def build_briefing(
    store: Store, country: str, poles: str | Sequence[str], *, since: dt.date | None = None,
    until: dt.date | None = None, freq: str = "month", poles_file: str | Path | None = None,
) -> Briefing:
    """Compute the balance report, shifts and cited findings of a briefing."""
    from ..analysis.poles import load_poles
    from ..palette import pole_colours

    rep = balance(store, country, poles, freq=freq, since=since, until=until, poles_file=poles_file)
    shifts = detect_shifts(rep)
    poles_by = {p.name: p for p in rep.poles}
    colours = pole_colours([p.name for p in rep.poles], load_poles(poles_file))
    return Briefing(rep.country, name_of(rep.country), rep, tuple(_findings(rep, shifts, poles_by)), tuple(shifts),
                    tuple(colours.items()))


def _json(b: Briefing) -> str:
    rep = b.report
    data: dict[str, Any] = {
        "country": b.country, "country_name": b.country_name,
        "poles": [{"name": p.name, "label": p.label, "members": list(p.members)} for p in rep.poles],
        "freq": rep.freq, "periods": list(rep.periods),
        "balance": [asdict(x) for x in rep.balance],
        "rows": [asdict(r) for r in rep.rows],
        "findings": [asdict(f) for f in b.findings],
        "shifts": [asdict(s) for s in b.shifts],
    }
    return json.dumps(data, default=str, ensure_ascii=False, indent=2)


def _title(b: Briefing) -> str:
    return f"Briefing: {b.country_name} between {', '.join(p.label for p in b.report.poles)}"


def _md(b: Briefing) -> str:
    lines = [f"# {_title(b)}", ""]
    rep = b.report
    if rep.periods:
        head = "| period | events | " + " | ".join(p.label for p in rep.poles) + " | balance index |"
        lines += [head, "|" + "---|" * (len(rep.poles) + 3)]
        shown = [bal for bal in rep.balance if bal.total]
        for bal in shown:
            shares = dict(bal.shares)
            cells = [f"{shares[p.name]:.0%}" if p.name in shares else "–" for p in rep.poles]
            idx = "–" if bal.index is None else f"{bal.index:.2f}"
            lines.append(f"| {bal.period} | {bal.total} | " + " | ".join(cells) + f" | {idx} |")
        hidden = len(rep.balance) - len(shown)
        lines += ["", "Balance index: normalised entropy of the pole shares (1 = even split, 0 = one pole only)."
                  + (f" {hidden} periods without events are not listed." if hidden else ""), ""]
    for key, title in SECTIONS.items():
        lines += [f"## {title.format(country=b.country_name)}", ""]
        for f in (f for f in b.findings if f.section == key):
            lines.append(f"- {f.statement}")
            for c in f.citations:
                lines.append(f"  > “{c.sentence.strip()}” — article `{c.article_id}`, {c.date.isoformat()}")
        lines.append("")
    return "\n".join(lines)


def _text(b: Briefing) -> str:
    lines = [_title(b), "=" * len(_title(b)), ""]
    for key, title in SECTIONS.items():
        lines += [title.format(country=b.country_name).upper(), ""]
        for f in (f for f in b.findings if f.section == key):
            lines.append(f"* {f.statement}")
            for c in f.citations:
                lines.append(f'    "{c.sentence.strip()}" [{c.article_id}, {c.date.isoformat()}]')
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
    shown = [bal for bal in b.report.balance if bal.total]
    return template.render(
        title=_title(b), b=b, rep=b.report, sections=sections, shown=shown,
        hidden=len(b.report.balance) - len(shown),
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
    poles_file: str | Path | None = None,
) -> str:
    """A cited briefing on a country between poles, rendered as md, html, json or text."""
    if fmt.lower() not in FORMATS:
        raise UsageError(f"unknown briefing format {fmt!r}; use one of {', '.join(FORMATS)}")
    return render(build_briefing(store, country, poles, since=since, until=until, freq=freq, poles_file=poles_file), fmt)
