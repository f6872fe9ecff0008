"""Validation of the actor lexicon data files (multivector/actors/data/*.yaml).

The files are read with plain ``yaml.safe_load`` (not through the matcher), so these tests
check the data itself: schemas, code formats, unique surfaces, leader terms, UN membership
against an independent hard-coded list, and the mappings the gold scheme prescribes.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "multivector" / "actors" / "data"
GOLD = Path("/work/shared/gold")

ROLES = {"GOV", "MIL", "BUS", "OPP", "MED", "CVL"}
GOLD_ORGS = {"EU", "NATO", "UN", "CSTO", "EAEU", "SCO", "OSCE", "IMF", "WST"}
# named in the gold README as actors that cannot be coded
GOLD_UNCODABLE_ORGS = {"WTO", "BRICS", "AU", "ICC"}
GOLD_UNCODABLE_GROUPS = {"Hamas", "Somaliland"}
# Actors outside the UN that news treats as parties: Palestine, Taiwan, Kosovo, the Holy See, and the two
# Chinese special administrative regions, which have ISO 3166-1 codes of their own (HKG, MAC).
NON_UN_ACTORS = {"PSE", "TWN", "XKX", "VAT", "HKG", "MAC"}

# The 193 UN member states (ISO 3166-1 alpha-3), typed independently of countries.yaml.
UN_MEMBERS = set(
    """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
    BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
    CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
    FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
    IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
    LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
    NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
    MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
    ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
    UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
    """.split()
)

# Surfaces deliberately claimed by two actors, with the reason. Empty today: every shared
# surname is listed only as a full name. Add entries here instead of weakening the test.
SHARED_SURFACES: dict[str, str] = {}

COUNTRY_KEYS = {"code", "name", "aliases", "adjectives", "capitals", "seats", "mil_seats", "styles"}
ORG_KEYS = {"code", "name", "aliases", "descriptions", "adjectives", "codable", "seats", "act_adjectives"}
LEADER_KEYS = {"name", "aliases", "country", "terms"}
TERM_KEYS = {"title", "start", "end", "country"}
GROUP_KEYS = {"name", "aliases", "country", "role", "codable", "gov_since"}
HEAD_TITLES = {"president", "prime minister", "premier", "chancellor", "king", "queen", "emir",
               "supreme leader", "acting president", "de facto leader"}
FM_TITLES = {"foreign minister", "acting foreign minister", "secretary of state", "foreign secretary",
             "external affairs minister"}


def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{name}: top level must be a mapping"
    assert data.get("version") == 1, f"{name}: version must be 1"
    return data


@pytest.fixture(scope="module")
def countries() -> list[dict[str, Any]]:
    return list(_load("countries.yaml")["countries"])


@pytest.fixture(scope="module")
def orgs() -> list[dict[str, Any]]:
    return list(_load("organizations.yaml")["organizations"])


@pytest.fixture(scope="module")
def leaders() -> list[dict[str, Any]]:
    return list(_load("leaders.yaml")["leaders"])


@pytest.fixture(scope="module")
def groups() -> list[dict[str, Any]]:
    return list(_load("groups.yaml")["groups"])


@pytest.fixture(scope="module")
def roles() -> dict[str, Any]:
    return _load("roles.yaml")


@pytest.fixture(scope="module")
def known_codes(countries: list[dict[str, Any]], orgs: list[dict[str, Any]]) -> set[str]:
    return {c["code"] for c in countries} | {o["code"] for o in orgs}


def _strs(entry: dict[str, Any], key: str) -> list[str]:
    """A list-valued field as a list of strings (missing -> [])."""
    value = entry.get(key)
    if value is None:
        return []
    assert isinstance(value, list), f"{entry.get('code') or entry.get('name')}: {key} must be a list"
    for s in value:
        assert isinstance(s, str) and s.strip() == s and s, f"{key}: bad string {s!r}"
    return value


def _date(value: Any) -> dt.date | None:
    """A YAML date (parsed by PyYAML) or an ISO string; None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _surfaces(countries: list[dict[str, Any]], orgs: list[dict[str, Any]],
              leaders: list[dict[str, Any]], groups: list[dict[str, Any]]) -> Iterator[tuple[str, str, str]]:
    """(surface, actor id, field) for every name-like string in the lexicons."""
    for c in countries:
        yield c["name"], c["code"], "name"
        for key in ("aliases", "adjectives", "capitals", "seats", "mil_seats"):
            for s in _strs(c, key):
                yield s, c["code"], key
    for o in orgs:
        yield o.get("name") or o["code"], o["code"], "name"
        for key in ("aliases", "adjectives", "seats"):
            for s in _strs(o, key):
                yield s, o["code"], key
    for p in leaders:
        for s in [p["name"], *_strs(p, "aliases")]:
            yield s, f"leader:{p['name']}", "leader"
    for g in groups:
        for s in [g["name"], *_strs(g, "aliases")]:
            yield s, f"group:{g['name']}", "group"


def _index(countries: list[dict[str, Any]], orgs: list[dict[str, Any]]) -> dict[str, str]:
    """Surface -> actor code for countries and organisations (what a lookup would return)."""
    out: dict[str, str] = {}
    for surface, code, _ in _surfaces(countries, orgs, [], []):
        out[surface] = code
    return out


# --- countries ---------------------------------------------------------------------------


def test_countries_schema_and_codes(countries: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    for c in countries:
        assert set(c) <= COUNTRY_KEYS, f"{c.get('code')}: unknown keys {set(c) - COUNTRY_KEYS}"
        assert re.fullmatch(r"[A-Z]{3}", c["code"]), c["code"]
        assert isinstance(c["name"], str) and c["name"], c["code"]
        for key in COUNTRY_KEYS - {"code", "name"}:
            _strs(c, key)
        assert c["code"] not in seen, f"duplicate country code {c['code']}"
        seen.add(c["code"])


def test_all_un_members_and_extra_actors_present(countries: list[dict[str, Any]]) -> None:
    assert len(UN_MEMBERS) == 193
    codes = {c["code"] for c in countries}
    assert sorted(UN_MEMBERS - codes) == []
    assert sorted(NON_UN_ACTORS - codes) == []
    assert sorted(codes - UN_MEMBERS - NON_UN_ACTORS) == [], "country codes outside UN + PSE/TWN/XKX/VAT/HKG/MAC"


def test_ambiguous_adjectives_resolved(countries: list[dict[str, Any]]) -> None:
    adjectives = {s: c["code"] for c in countries for s in _strs(c, "adjectives")}
    assert "Korean" not in adjectives, "'Korean' is ambiguous between PRK and KOR"
    assert adjectives.get("North Korean") == "PRK" and adjectives.get("South Korean") == "KOR"
    assert adjectives.get("Congolese") == "COD"
    assert adjectives.get("Nigerien") == "NER" and adjectives.get("Nigerian") == "NGA"
    assert adjectives.get("Sudanese") == "SDN" and adjectives.get("South Sudanese") == "SSD"


# --- organisations -----------------------------------------------------------------------


def test_organizations_schema(orgs: list[dict[str, Any]], countries: list[dict[str, Any]]) -> None:
    country_codes = {c["code"] for c in countries}
    seen: set[str] = set()
    for o in orgs:
        assert set(o) <= ORG_KEYS, f"{o.get('code')}: unknown keys {set(o) - ORG_KEYS}"
        assert re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", o["code"]), o["code"]
        assert o["code"] not in country_codes, f"org code {o['code']} collides with a country code"
        assert o["code"] not in seen, f"duplicate org code {o['code']}"
        seen.add(o["code"])
        assert isinstance(o.get("codable", True), bool), o["code"]
        for key in ("aliases", "descriptions", "adjectives", "seats", "act_adjectives"):
            _strs(o, key)


def test_codable_orgs_follow_gold_scheme(orgs: list[dict[str, Any]]) -> None:
    codable = {o["code"] for o in orgs if o.get("codable", True)}
    present = {o["code"] for o in orgs}
    assert codable == GOLD_ORGS, "exactly the gold organisation codes are codable"
    assert GOLD_UNCODABLE_ORGS <= present - codable


# --- roles -------------------------------------------------------------------------------


def test_roles_schema(roles: dict[str, Any]) -> None:
    assert set(roles) == {"version", "roles", "titles", "craft_designators", "located_by_place", "organs_by_place",
                          "international_seats", "bloc_acts", "offices_of_place"}
    # offices of a place are government titles ("governor of Texas" -> USA GOV): each is a GOV role word
    gov = {w.lower() for w in roles["roles"]["GOV"]}
    assert all(isinstance(w, str) and w == w.lower() for w in roles["offices_of_place"])
    assert all(set(w.replace("-", " ").split()) & (gov | {x + "s" for x in gov}) for w in roles["offices_of_place"])
    # bloc acts are lower-case singular nouns, never a role word ("Western diplomats" is plural and a role already)
    assert all(isinstance(w, str) and w == w.lower() and " " not in w for w in roles["bloc_acts"])
    assert not set(roles["bloc_acts"]) & {w for ws in roles["roles"].values() for w in ws}
    # craft designators are short letter prefixes ("F" of "F-16s"); a group name like "G" or "P" would turn
    # "G-7" or "P-5" into a military craft
    assert all(isinstance(d, str) and d.isalpha() and len(d) <= 3 for d in roles["craft_designators"])
    assert not {"G", "P", "E", "COP"} & set(roles["craft_designators"])
    assert set(roles["roles"]) == ROLES
    owner: dict[str, str] = {}
    for role, words in roles["roles"].items():
        assert isinstance(words, list) and words, role
        for w in words:
            assert isinstance(w, str) and w == w.lower().strip() and w, f"{role}: {w!r} must be lower-case"
            assert w not in owner, f"{w!r} listed under {owner.get(w)} and {role}"
            owner[w] = role
    for title, role in roles["titles"].items():
        assert isinstance(title, str) and title == title.lower(), title
        assert role in ROLES, f"title {title!r}: role {role!r}"
    # only armed opposition is placed by where it is: troops in Syria are not Syrian
    assert all(owner.get(w) == "OPP" for w in roles["located_by_place"]), roles["located_by_place"]
    # and only organs of a state by the city they sit in, never envoys, whom a capital hosts
    assert all(owner.get(w) in ("GOV", "MIL") for w in roles["organs_by_place"]), roles["organs_by_place"]
    assert not {"diplomat", "diplomats", "ambassador", "envoy", "troops"} & set(roles["organs_by_place"])


def test_role_nouns_follow_gold_scheme(roles: dict[str, Any]) -> None:
    role_of = {w: r for r, ws in roles["roles"].items() for w in ws}
    for word, role in {"ministry": "GOV", "embassy": "GOV", "court": "GOV", "prosecutors": "GOV",
                       "central bank": "GOV", "defence ministry": "GOV", "troops": "MIL",
                       "coast guard": "MIL", "border guards": "MIL", "navy": "MIL",
                       "state company": "BUS", "rebels": "OPP", "militants": "OPP",
                       "journalists": "MED", "protesters": "CVL", "migrants": "CVL",
                       "workers": "CVL", "consumers": "CVL"}.items():
        assert role_of.get(word) == role, f"{word!r} should be {role}"


# --- leaders -----------------------------------------------------------------------------


def test_leaders_schema_and_terms(leaders: list[dict[str, Any]], known_codes: set[str],
                                  roles: dict[str, Any]) -> None:
    names: set[str] = set()
    for p in leaders:
        who = p.get("name")
        assert isinstance(who, str) and who, p
        assert set(p) <= LEADER_KEYS and {"name", "country", "terms"} <= set(p), who
        assert who not in names, f"duplicate leader {who}"
        names.add(who)
        _strs(p, "aliases")
        assert p["country"] in known_codes, f"{who}: unknown country {p['country']}"
        assert isinstance(p["terms"], list) and p["terms"], f"{who}: needs at least one term"
        for t in p["terms"]:
            assert set(t) <= TERM_KEYS and {"title", "start", "end"} <= set(t), (who, t)
            start, end = _date(t["start"]), _date(t["end"])
            assert start is not None, (who, t)
            assert end is None or start < end, f"{who}: term {t} ends before it starts"
            assert dt.date(1940, 1, 1) < start < dt.date(2027, 1, 1), (who, t)
            assert t.get("country", p["country"]) in known_codes, (who, t)
            assert t["title"].lower() in roles["titles"], f"{who}: title {t['title']!r} not in roles.yaml titles"


def _span(term: dict[str, Any]) -> tuple[dt.date, dt.date]:
    """A term's [start, end) with an open end as date.max."""
    start = _date(term["start"])
    assert start is not None, term
    return start, _date(term["end"]) or dt.date.max


def test_leaders_same_title_terms_do_not_overlap(leaders: list[dict[str, Any]]) -> None:
    for p in leaders:
        by_title: dict[str, list[tuple[dt.date, dt.date]]] = collections.defaultdict(list)
        for t in p["terms"]:
            by_title[t["title"]].append(_span(t))
        for title, spans in by_title.items():
            spans.sort()
            for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False):
                assert end <= next_start, f"{p['name']}: overlapping {title} terms"


def _in_office(leaders: list[dict[str, Any]], code: str, day: dt.date, titles: set[str]) -> list[str]:
    found = []
    for p in leaders:
        for t in p["terms"]:
            start, end = _span(t)
            if t.get("country", p["country"]) == code and t["title"].lower() in titles and start <= day < end:
                found.append(p["name"])
    return found


# (country, date) -> why no office holder is listed on that date
KNOWN_VACANCIES: dict[tuple[str, dt.date], str] = {
    ("ARM", dt.date(2021, 7, 1)): "foreign ministry led by deputies between Aivazian (resigned "
                                  "31 May 2021) and Mirzoyan (appointed 19 Aug 2021)",
}

COVERED = ("ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA "
           "KAZ KGZ TJK TKM UZB UKR BLR ARM AZE GEO POL ESP NLD IRN ISR PAK PRK HUN MDA").split()


@pytest.mark.parametrize("code", COVERED)
def test_head_and_foreign_minister_in_office_2015_to_2025(leaders: list[dict[str, Any]], code: str) -> None:
    # one check date per half-year; a gap means a missing or mis-dated term. A vacancy shorter
    # than a month between two holders is real (appointment delays), so d + 31 days also counts.
    days = [dt.date(y, m, 1) for y in range(2015, 2026) for m in (1, 7)]

    def gaps(titles: set[str]) -> list[dt.date]:
        return [d for d in days if (code, d) not in KNOWN_VACANCIES
                and not _in_office(leaders, code, d, titles)
                and not _in_office(leaders, code, d + dt.timedelta(days=31), titles)]

    assert gaps(HEAD_TITLES) == [], f"{code}: no head of state or government on these dates"
    assert gaps(FM_TITLES) == [], f"{code}: no foreign minister on these dates"


# Countries whose heads (not foreign ministers) are listed 2015-2025, added by region (the Americas,
# Asia and Oceania, Africa, Europe); left out: San Marino (its Captains Regent have no title in roles.yaml)
# and Monaco (its Minister of State from mid-2025 is not listed yet).
HEADS_COVERED = ("AFG AGO ALB AND ARE ATG AUT BDI BEL BEN BFA BGD BGR BHR BHS BIH BLZ BOL BRB BRN BTN BWA CAF CHE CHL "
                 "CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DJI DMA DNK DOM DZA ECU EGY ERI EST ETH FIN FJI FSM GAB "
                 "GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI IRL IRQ ISL JAM JOR KEN KHM KIR KNA KWT LAO LBN LBR "
                 "LBY LCA LIE LKA LSO LTU LUX LVA MAR MDG MDV MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM NER "
                 "NGA NIC NOR NPL NRU NZL PAN PER PHL PLW PNG PRT PRY PSE QAT ROU RWA SDN SEN SGP SLB SLE SLV SOM SRB "
                 "SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD TGO THA TLS TON TTO TUN TUV TZA UGA URY VCT VEN VNM VUT WSM "
                 "XKX YEM ZMB ZWE").split()


@pytest.mark.parametrize("code", HEADS_COVERED)
def test_head_in_office_2015_to_2025(leaders: list[dict[str, Any]], code: str) -> None:
    days = [dt.date(y, m, 1) for y in range(2015, 2026) for m in (1, 7)]
    gaps = [d for d in days if not _in_office(leaders, code, d, HEAD_TITLES)
            and not _in_office(leaders, code, d + dt.timedelta(days=31), HEAD_TITLES)]
    assert gaps == [], f"{code}: no head of state or government on these dates"


def test_igo_heads_in_office(leaders: list[dict[str, Any]]) -> None:
    for code, title in [("UN", "secretary-general"), ("NATO", "secretary-general"),
                        ("EU", "commission president"), ("EU", "european council president"),
                        ("EU", "high representative")]:
        for year in range(2015, 2026):
            assert _in_office(leaders, code, dt.date(year, 6, 1), {title}), (code, title, year)


def test_spokespeople_listed(leaders: list[dict[str, Any]]) -> None:
    by_name = {p["name"]: p for p in leaders}
    for name in ("Dmitry Peskov", "Maria Zakharova"):
        assert by_name[name]["country"] == "RUS"
        assert _in_office(leaders, "RUS", dt.date(2024, 1, 1), {"spokesman", "spokeswoman"})


# --- groups ------------------------------------------------------------------------------


def test_groups_schema(groups: list[dict[str, Any]], known_codes: set[str]) -> None:
    seen: set[str] = set()
    for g in groups:
        who = g.get("name")
        assert set(g) <= GROUP_KEYS and isinstance(who, str) and who, who
        assert who not in seen, f"duplicate group {who}"
        seen.add(who)
        _strs(g, "aliases")
        codable = g.get("codable", True)
        assert isinstance(codable, bool), who
        if codable:
            assert g.get("country") in known_codes, f"{who}: codable group needs a known country"
            assert g.get("role") is None or g["role"] in ROLES, f"{who}: role {g.get('role')}"
        if "gov_since" in g:
            assert isinstance(_date(g["gov_since"]), dt.date), who


def test_groups_follow_gold_scheme(groups: list[dict[str, Any]]) -> None:
    by_name = {g["name"]: g for g in groups}
    for name in GOLD_UNCODABLE_GROUPS | {"Islamic State"}:
        assert by_name[name].get("codable", True) is False, name
    assert (by_name["al-Shabaab"]["country"], by_name["al-Shabaab"]["role"]) == ("SOM", "OPP")
    assert _date(by_name["Taliban"]["gov_since"]) == dt.date(2021, 8, 15)
    for name, code, role in [("Houthis", "YEM", "OPP"), ("Hezbollah", "LBN", "OPP"),
                             ("Kurdistan Workers' Party", "TUR", "OPP"), ("M23", "COD", "OPP"),
                             ("Wagner Group", "RUS", "MIL"), ("Gazprom", "RUS", "BUS")]:
        assert (by_name[name]["country"], by_name[name]["role"]) == (code, role), name


# --- surfaces across all files -----------------------------------------------------------


def test_no_surface_claimed_by_two_actors(countries: list[dict[str, Any]], orgs: list[dict[str, Any]],
                                          leaders: list[dict[str, Any]], groups: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for surface, actor, _ in _surfaces(countries, orgs, leaders, groups):
        owners[surface].add(actor)
    # people of one state may share a surname (father and son): it means the one in office on the date
    state_of = {f"leader:{p['name']}": p["country"] for p in leaders}
    clashes = {s: sorted(a) for s, a in owners.items() if len(a) > 1 and s not in SHARED_SURFACES
               and not (all(x in state_of for x in a) and len({state_of[x] for x in a}) == 1)}
    assert clashes == {}


def test_surfaces_are_proper_nouns(countries: list[dict[str, Any]], orgs: list[dict[str, Any]],
                                   leaders: list[dict[str, Any]], groups: list[dict[str, Any]]) -> None:
    # a surface without a capital letter or digit would match common words ("the alliance");
    # generic phrases belong in `descriptions`, resolved from context
    plain = sorted({s for s, _, _ in _surfaces(countries, orgs, leaders, groups)
                    if not any(ch.isupper() or ch.isdigit() for ch in s)})
    assert plain == []


def test_gold_mappings(countries: list[dict[str, Any]], orgs: list[dict[str, Any]]) -> None:
    index = _index(countries, orgs)
    expected = {"Moscow": "RUS", "Kremlin": "RUS", "Washington": "USA", "White House": "USA",
                "Pentagon": "USA", "Astana": "KAZ", "Kyiv": "UKR", "Beijing": "CHN",
                "Brussels": "EU", "27-nation bloc": "EU", "European Commission": "EU",
                "Security Council": "UN", "General Assembly": "UN", "Human Rights Council": "UN",
                "WFP": "UN", "UNHCR": "UN", "ICAO": "UN", "U.S.-led military alliance": "NATO",
                "the West": "WST", "Western": "WST", "Collective Security Treaty Organization": "CSTO",
                "Eurasian Economic Union": "EAEU", "Shanghai Cooperation Organisation": "SCO",
                "OSCE": "OSCE", "International Monetary Fund": "IMF", "Palestinian": "PSE",
                "Taipei": "TWN", "Kosovo": "XKX"}
    got = {s: index.get(s) for s in expected}
    assert got == expected


def test_seats_and_capitals_map_to_government(countries: list[dict[str, Any]]) -> None:
    by_code = {c["code"]: c for c in countries}
    assert "Kremlin" in by_code["RUS"]["seats"] and "Moscow" in by_code["RUS"]["capitals"]
    assert "Pentagon" in by_code["USA"]["mil_seats"] and "Pentagon" not in by_code["USA"].get("seats", [])
    assert "Brussels" not in by_code["BEL"].get("capitals", []), "Brussels stands for the EU"


# --- against the shared gold data, when present ------------------------------------------


def _gold_codes() -> set[str]:
    codes: set[str] = set()
    for name in ("events-dev.jsonl", "articles-dev.jsonl"):
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            for ev in rec.get("events", []):
                codes |= {ev["source"], ev["target"]}
            for tie in rec.get("ties", []):
                codes |= {tie["a"], tie["b"]}
    return codes


@pytest.mark.skipif(not (GOLD / "events-dev.jsonl").exists(), reason="shared gold data not present")
def test_every_gold_actor_code_is_codable(countries: list[dict[str, Any]], orgs: list[dict[str, Any]]) -> None:
    codable = {c["code"] for c in countries} | {o["code"] for o in orgs if o.get("codable", True)}
    assert sorted(_gold_codes() - codable) == []


def test_places_name_one_country_each_and_shadow_no_actor(countries: list[dict[str, Any]],
                                                          orgs: list[dict[str, Any]], leaders: list[dict[str, Any]],
                                                          groups: list[dict[str, Any]]) -> None:
    places = _load("places.yaml")["places"]
    codes = {c["code"] for c in countries}
    actor_surfaces = {s for s, _, _ in _surfaces(countries, orgs, leaders, groups)}
    seen: dict[str, str] = {}
    for p in places:
        assert p["code"] in codes, f"places.yaml: unknown code {p['code']}"
        for name in p["names"]:
            assert name[:1].isupper(), f"places.yaml: {name!r} is not a proper noun"
            assert name not in actor_surfaces, f"places.yaml: {name!r} is already an actor's name"
            assert seen.setdefault(name, p["code"]) == p["code"], f"places.yaml: {name!r} under two countries"


def test_a_place_is_a_target_and_never_a_source() -> None:
    import datetime as dt

    from multivector.pipeline import code_article
    from multivector.records import Article

    def coded(text: str) -> set[tuple[str, str, str]]:
        c = code_article(Article.make(text, dt.date(2024, 3, 14)))
        return {(e.source, e.target, e.code[:2]) for e in c.events}

    assert coded("Russia shelled Kharkiv on Monday.") == {("RUS", "UKR", "19")}
    assert coded("Macron visited Samarkand on Tuesday.") == {("FRA", "UZB", "04")}
    assert coded("Kharkiv condemned Russia on Monday.") == set()


def test_state_styles_come_from_formal_names_and_the_styles_field() -> None:
    from multivector.actors import lexicon

    lex = lexicon.load()
    assert {"SAU", "JOR", "GBR", "THA"} <= lex.styles["kingdom"] and "IRN" not in lex.styles["kingdom"]
    assert {"QAT", "ARE", "KWT"} <= lex.styles["emirate"] and "OMN" in lex.styles["sultanate"]
    # "republic" is no style: most states are one, whatever their formal name ("the Kyrgyz Republic")
    assert "republic" not in lex.styles


def test_fast_yaml_reads_every_shipped_file_as_safe_load_does() -> None:
    """The package's data files load through libyaml (when PyYAML has it) into the same documents."""
    from pathlib import Path

    import yaml

    import multivector
    from multivector import yamlfast

    files = sorted(Path(multivector.__file__).parent.rglob("*.yaml"))
    assert len(files) >= 20
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert yamlfast.safe_load(text) == yaml.safe_load(text), f
    if getattr(yaml, "__with_libyaml__", False):
        assert yamlfast._LOADER is yaml.CSafeLoader
    with pytest.raises(yaml.YAMLError):
        yamlfast.safe_load("a: [1, 2\nb: 3")
