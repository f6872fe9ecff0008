"""Actor lexicons (data/*.yaml) loaded into one lookup table.

Surface strings (names, adjectives, capitals, seats, leaders, groups) map to
entries; a leader's entry carries terms of office so the article date picks the
country and role (Putin -> RUS GOV in 2023).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from .. import yamlfast
from ..errors import LexiconError, UnknownActorError

ORG_KINDS = ("igo", "bloc")
# Organisations take no role in the gold scheme (roles are for state actors).
ORG_CODES = frozenset({"EU", "NATO", "UN", "CSTO", "EAEU", "SCO", "OSCE", "IMF", "WST"})


@dataclass(frozen=True, slots=True)
class Term:
    title: str
    start: dt.date
    end: dt.date | None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface string denotes: an actor code with kind and default role."""

    code: str
    kind: str  # country | adjective | capital | seat | igo | bloc | leader | group | region | region_adj | place | feature
    role: str | None
    name: str
    codable: bool = True
    terms: tuple[Term, ...] = ()
    gov_since: dt.date | None = None  # a group that became the government (Taliban 2021-08-15)

    def at(self, date: dt.date | None, titles: dict[str, str] | None = None) -> tuple[str, str | None]:
        """Code and role on a date (leaders: the term in force, role from its title; out of office -> no role)."""
        if self.gov_since is not None and date is not None and date >= self.gov_since:
            return self.code, "GOV"
        if not self.terms or date is None:
            return self.code, self.role
        for t in self.terms:
            if t.start <= date and (t.end is None or date < t.end):
                code = t.country or self.code
                role = (titles or {}).get(t.title.lower(), "GOV")
                return code, None if code in ORG_CODES else role
        return self.code, None


def in_office(entries: tuple[Entry, ...], date: dt.date | None) -> Entry:
    """The entry a surface means on a date: of people of one state who share a surname ("Berdimuhamedov", father
    and son), the one holding office then; otherwise the first."""
    if len(entries) > 1 and date is not None:
        for e in entries:
            if e.kind == "leader" and e.at(date)[1] is not None:
                return e
    return entries[0]


@dataclass(frozen=True, slots=True)
class Lexicon:
    phrases: dict[str, tuple[Entry, ...]]
    roles: dict[str, str]  # lower-case noun (phrase) -> role
    titles: dict[str, str]  # lower-case title -> role
    names: dict[str, str]  # code -> canonical name
    bloc_adjectives: dict[str, str]  # "Western" -> WST
    descriptions: dict[str, str]  # "the alliance" -> NATO (resolved only with context)
    regions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # group id -> member codes
    region_names: dict[str, str] = field(default_factory=dict)  # group id -> its name
    craft: frozenset[str] = frozenset()  # designator prefixes of military craft ("F" in "F-16s", "Su")
    place_kinds: frozenset[str] = frozenset()  # "district", "airport": after a one-word name, a place
    located: frozenset[str] = frozenset()  # "insurgents", "rebels": armed groups placed by where they are
    styles: dict[str, frozenset[str]] = field(default_factory=dict)  # "kingdom" -> states a kingdom
    sides: frozenset[str] = frozenset()  # groups whose members are two sides, not one ("the two Koreas")
    organs: frozenset[str] = frozenset()  # "court", "police": organs of the state of the city they are in
    seats: frozenset[str] = frozenset()  # "The Hague": cities whose courts and officials may be international
    bloc_acts: frozenset[str] = frozenset()  # "criticism", "pressure": singular heads a bloc adjective acts through
    act_adjectives: dict[str, str] = field(default_factory=dict)  # "European" -> EU, before a bloc act only
    offices: frozenset[str] = frozenset()  # "governor", "chief minister": offices of a province or city's state

    def lookup(self, surface: str) -> tuple[Entry, ...]:
        return self.phrases.get(surface, ())

    def name_of(self, code: str) -> str:
        if code not in self.names:
            raise UnknownActorError(code)
        return self.names[code]

    def check_code(self, code: str) -> str:
        """Return the code upper-cased if known, else raise UnknownActorError."""
        c = code.strip().upper()
        if c not in self.names:
            raise UnknownActorError(code)
        return c

    def search(self, term: str) -> list[tuple[str, str, str]]:
        """(code, kind, surface) rows whose surface or code contains ``term`` (case-insensitive)."""
        t = term.lower()
        rows = {
            (e.code, e.kind, s)
            for s, es in self.phrases.items()
            for e in es
            if t in s.lower() or t == e.code.lower()
        }
        return sorted(rows)


def _fold(s: str) -> str:
    """ASCII-fold a name: strip combining marks and curly apostrophes."""
    s = s.replace("\u2019", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _load_yaml(name: str) -> dict[str, Any]:
    path = resources.files("multivector.actors") / "data" / name
    if not path.is_file():
        return {}
    try:
        data = yamlfast.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(str(path), f"not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise LexiconError(str(path), "top level must be a mapping")
    return data


def _section(name: str, key: str) -> list[Any]:
    """A shipped file's entries, then the same section of the user lexicons in force (user_lexicon.py)."""
    from ..user_lexicon import entries

    return list(_load_yaml(name).get(key, [])) + [e for _where, e in entries(key)]


def _date(v: Any, where: str) -> dt.date | None:
    if v is None:
        return None
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError as exc:
        raise LexiconError(where, f"bad date {v!r}") from exc


def _strings(v: Any) -> Iterator[str]:
    for s in v or ():
        if isinstance(s, str) and s.strip():
            yield s.strip()


# The style a formal name gives its state: "Kingdom of Saudi Arabia", "Hashemite Kingdom of Jordan"
STYLE_RE = re.compile(r"(?:[A-Z][\w-]* )*?(Kingdom|Republic|Emirate|Sultanate|Principality|Grand Duchy) of ")


@functools.cache
def load() -> Lexicon:
    """Load and index every actor lexicon shipped with the package, plus the user lexicons in force (once per process)."""
    phrases: dict[str, list[Entry]] = {}
    names: dict[str, str] = {}
    bloc_adj: dict[str, str] = {}
    act_adj: dict[str, str] = {}
    descriptions: dict[str, str] = {}

    def add(surface: str, e: Entry) -> None:
        # News spells names with and without diacritics ("Inacio"/"Inácio"): index both.
        for s in {surface, _fold(surface)}:
            lst = phrases.setdefault(s, [])
            if e not in lst:
                lst.append(e)

    styles: dict[str, set[str]] = {}
    for c in _section("countries.yaml", "countries"):
        code, name = c["code"], c["name"]
        names[code] = name
        # "the kingdom", "the emirate": the state's style, from its formal name ("Kingdom of Saudi Arabia")
        # and the styles news gives it beyond that (countries.yaml `styles`: Qatar "the emirate")
        for s in [*_strings(c.get("aliases")), name]:
            if (m := STYLE_RE.match(s)) is not None and m.group(1).lower() != "republic":
                # (not "republic": most states are one, whatever their formal name says, "the Kyrgyz Republic"
                # or "Kazakhstan"; "the former Soviet republic" may be any of them)
                styles.setdefault(m.group(1).lower(), set()).add(code)
        for s in _strings(c.get("styles")):
            styles.setdefault(s.lower(), set()).add(code)
        add(name, Entry(code, "country", None, name))
        for s in _strings(c.get("aliases")):
            add(s, Entry(code, "country", None, name))
        for s in _strings(c.get("adjectives")):
            add(s, Entry(code, "adjective", None, name))
        for s in _strings(c.get("capitals")):
            add(s, Entry(code, "capital", "GOV", name))
        for s in _strings(c.get("seats")):
            add(s, Entry(code, "seat", "GOV", name))
        for s in _strings(c.get("mil_seats")):
            add(s, Entry(code, "seat", "MIL", name))

    for o in _section("organizations.yaml", "organizations"):
        code = o["code"]
        name = o.get("name") or code
        codable = bool(o.get("codable", True))
        kind = "bloc" if code == "WST" else "igo"
        names[code] = name
        if code in ORG_CODES and code != "WST":
            add(code, Entry(code, kind, None, name, codable))
        for s in _strings(o.get("aliases")):
            add(s, Entry(code, kind, None, name, codable))
        for s in _strings(o.get("adjectives")):
            if code == "WST":
                bloc_adj[s] = code
            else:
                add(s, Entry(code, kind, None, name, codable))
        for s in _strings(o.get("descriptions")):
            descriptions[s] = code
        for s in _strings(o.get("seats")):
            add(s, Entry(code, "seat", None, name, codable))
        for s in _strings(o.get("act_adjectives")):
            act_adj[s] = code

    for p in _section("leaders.yaml", "leaders"):
        where = f"leaders.yaml:{p.get('name')}"
        terms = tuple(
            Term(str(t.get("title", "")), _date(t.get("start"), where) or dt.date.min, _date(t.get("end"), where),
                 t.get("country"))
            for t in p.get("terms", [])
        )
        e = Entry(p["country"], "leader", "GOV", p["name"], True, terms)
        add(p["name"], e)
        for s in _strings(p.get("aliases")):
            add(s, e)

    for g in _section("groups.yaml", "groups"):
        codable = bool(g.get("codable", True)) and bool(g.get("country"))
        code = g.get("country") or "---"
        e = Entry(code, "group", g.get("role"), g["name"], codable,
                  gov_since=_date(g.get("gov_since"), f"groups.yaml:{g['name']}"))
        add(g["name"], e)
        for s in _strings(g.get("aliases")):
            add(s, e)

    regions: dict[str, tuple[str, ...]] = {}
    region_names: dict[str, str] = {}
    sides: set[str] = set()
    for r in _section("regions.yaml", "regions"):
        rid, members = str(r["id"]), tuple(r["members"])
        unknown = [m for m in members if m not in names]
        if unknown or rid in names:
            raise LexiconError("regions.yaml", f"{rid}: unknown members {unknown} or id clashes with an actor code")
        regions[rid] = members
        region_names[rid] = str(r["name"])
        if r.get("sides"):
            sides.add(rid)
        for s in _strings(r.get("names")):
            add(s, Entry(rid, "region", None, r["name"]))
        for s in _strings(r.get("adjectives")):
            add(s, Entry(rid, "region_adj", None, r["name"]))

    for p in _section("places.yaml", "places"):
        if p.get("code") not in names:
            raise LexiconError("places.yaml", f"unknown country code {p.get('code')!r}; use a code of countries.yaml")
        for s in _strings(p.get("names")):
            if s not in phrases:  # a place never shadows an actor's own name (a capital, a leader, a group)
                add(s, Entry(p["code"], "place", None, names[p["code"]]))

    for s in _strings(_load_yaml("places.yaml").get("features")):
        # A sea, gulf or region named after a state is not that state ("the South China Sea", "the Gulf of
        # Aden"): matched as the longer name, it hides the state's name inside it and denotes no actor.
        add(s, Entry("---", "feature", None, s, False))

    roles: dict[str, str] = {}
    titles: dict[str, str] = {}
    rdata = _load_yaml("roles.yaml")
    for role, words in (rdata.get("roles") or {}).items():
        for w in _strings(words):
            roles.setdefault(w.lower(), role)
    for w, role in (rdata.get("titles") or {}).items():
        titles[str(w).lower()] = role

    craft = frozenset(str(w) for w in _strings(rdata.get("craft_designators")))
    place_kinds = frozenset(str(w).lower() for w in _strings(_load_yaml("places.yaml").get("place_kinds")))
    located = frozenset(str(w).lower() for w in _strings(rdata.get("located_by_place")))
    organs = frozenset(str(w).lower() for w in _strings(rdata.get("organs_by_place")))
    seats = frozenset(str(w) for w in _strings(rdata.get("international_seats")))
    bloc_acts = frozenset(str(w).lower() for w in _strings(rdata.get("bloc_acts")))
    offices = frozenset(str(w).lower() for w in _strings(rdata.get("offices_of_place")))
    return Lexicon(
        {k: tuple(v) for k, v in phrases.items()}, roles, titles, names, bloc_adj, descriptions, regions,
        region_names, craft, place_kinds, located, {k: frozenset(v) for k, v in styles.items()}, frozenset(sides),
        organs, seats, bloc_acts, act_adj, offices,
    )
