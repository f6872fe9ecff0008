"""The CAMEO code table: structure, Goldstein range and signs, quad classes, PLOVER crosswalk, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from typer.testing import CliRunner

import multivector.cli.codes  # noqa: F401 - registers `codes` on the shared app
from multivector.cli import app
from multivector.errors import UnknownCodeError
from multivector.events import cameo

GOLD = Path("/work/shared/gold")
ROOTS = [f"{n:02d}" for n in range(1, 21)]
PLOVER16 = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


def _expected_quad(root: str) -> int:
    """The standard rule, written out independently of the module."""
    n = int(root)
    return 1 if n in range(1, 6) else 2 if n in range(6, 9) else 3 if n in range(9, 14) else 4


# -- table structure ------------------------------------------------------------

def test_table_parses_into_unique_codes_of_two_to_four_digits() -> None:
    codes = cameo.all_codes()
    assert len(codes) > 290  # 20 roots + ~150 3-digit + ~145 4-digit codes in CAMEO 1.1b3
    keys = [c.code for c in codes]
    assert len(keys) == len(set(keys))
    for c in codes:
        assert c.code.isdigit() and 2 <= len(c.code) <= 4, c
        assert c.name and c.name == c.name.strip() and "not specified below" not in c.name, c
        assert c.root == c.code[:2]


def test_every_root_present() -> None:
    roots = {c.code for c in cameo.all_codes() if c.is_root}
    assert roots == set(ROOTS)
    assert cameo.lookup("04").name.lower() == "consult"
    assert cameo.lookup("19").name.lower() == "fight"


def test_every_code_has_its_parents() -> None:
    known = {c.code for c in cameo.all_codes()}
    threes = [k for k in known if len(k) == 3]
    assert len(threes) > 140
    for k in threes:
        assert k[:2] in known, k
    for k in (k for k in known if len(k) == 4):
        assert k[:3] in known, k
    # Each root has its "not specified" 3-digit code x0.
    for r in ROOTS:
        assert f"{r}0" in known, r


def test_root_of() -> None:
    assert cameo.root_of("042") == "04"
    assert cameo.root_of("195") == "19"
    assert cameo.root_of("1056") == "10"
    assert cameo.root_of("20") == "20"
    assert cameo.root_of("0874") == "08"
    for bad in ("", "4", "abc", "21", "00", "12345", "2x1"):
        with pytest.raises(UnknownCodeError):
            cameo.root_of(bad)


def test_quad_class_follows_standard_rule() -> None:
    for r in ROOTS:
        assert cameo.quad_class(r) == _expected_quad(r), r
    for c in cameo.all_codes():
        assert c.quad_class == _expected_quad(c.root), c
    assert cameo.quad_class("057") == 1 and cameo.quad_class("0874") == 2
    with pytest.raises(UnknownCodeError):
        cameo.quad_class("21")


# -- Goldstein ------------------------------------------------------------------

def test_goldstein_in_range_and_signs_by_root() -> None:
    for c in cameo.all_codes():
        assert -10.0 <= c.goldstein <= 10.0, c
        if 3 <= int(c.root) <= 8:  # cooperative roots: never negative
            assert c.goldstein >= 0, c
        if int(c.root) >= 14:  # material conflict: always negative in the published table
            assert c.goldstein < 0, c
        if 9 <= int(c.root) <= 13:  # verbal conflict: negative too
            assert c.goldstein < 0, c


@pytest.mark.parametrize(
    ("code", "score"),
    [("010", 0.0), ("011", -0.1), ("012", -0.4), ("013", 0.4), ("020", 3.0), ("030", 4.0), ("036", 4.0),
     ("040", 1.0), ("042", 1.9), ("043", 2.8), ("046", 7.0), ("050", 3.5), ("051", 3.4), ("057", 8.0),
     ("060", 6.0), ("070", 7.0), ("080", 5.0), ("090", -2.0), ("100", -5.0), ("111", -2.0), ("112", -2.0),
     ("120", -4.0), ("130", -4.4), ("140", -6.5), ("150", -7.2), ("160", -4.0), ("163", -8.0),
     ("170", -7.0), ("173", -5.0), ("180", -9.0), ("190", -10.0), ("193", -10.0), ("195", -10.0),
     ("200", -10.0)],
)
def test_published_goldstein_values(code: str, score: float) -> None:
    assert cameo.lookup(code).goldstein == pytest.approx(score)


def test_leaf_codes_missing_from_goldstein_table_inherit_parent() -> None:
    assert cameo.lookup("1951").goldstein == cameo.lookup("195").goldstein
    assert cameo.lookup("1834").goldstein == cameo.lookup("183").goldstein


# -- names follow the manual -----------------------------------------------------

def test_demand_names_follow_manual_not_gdelt() -> None:
    assert "meeting" in cameo.lookup("106").name.lower()
    assert "settl" in cameo.lookup("107").name.lower()
    assert "mediation" in cameo.lookup("108").name.lower()
    assert "material cooperation" in cameo.lookup("101").name.lower()
    assert "yield" in cameo.lookup("105").name.lower()
    assert "mediation" not in cameo.lookup("105").name.lower()


# -- PLOVER -----------------------------------------------------------------------

def test_plover_types_are_the_sixteen() -> None:
    used = {c.plover_type for c in cameo.all_codes()} - {""}
    assert used <= PLOVER16
    assert set(cameo.PLOVER_TYPES) == PLOVER16
    # Only CAMEO 01 (public statements) has no PLOVER type: PLOVER does not code comments.
    for c in cameo.all_codes():
        assert (c.plover_type == "") == (c.root == "01"), c
        assert c.plover_mode == c.plover_mode.lower() and " " not in c.plover_mode, c


@pytest.mark.parametrize(
    ("code", "expected"),
    [("041", ("CONSULT", "phone")), ("042", ("CONSULT", "visit")), ("043", ("CONSULT", "host")),
     ("044", ("CONSULT", "third-party")), ("0841", ("RETREAT", "release")), ("0871", ("RETREAT", "ceasefire")),
     ("173", ("COERCE", "arrest")), ("193", ("ASSAULT", "firearms")), ("166", ("SANCTION", "expel"))],
)
def test_plover_crosswalk_examples(code: str, expected: tuple[str, str]) -> None:
    assert cameo.plover(code) == expected


def test_plover_type_by_root() -> None:
    by_root = {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID", "10": "REQUEST",
               "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
               "16": "SANCTION", "18": "ASSAULT", "20": "ASSAULT"}
    for c in cameo.all_codes():
        if c.root in by_root:
            assert c.plover_type == by_root[c.root], c
    assert {cameo.plover(k)[0] for k in ("081", "082", "083")} == {"CONCEDE"}
    assert {cameo.plover(k)[0] for k in ("084", "085", "086", "087")} == {"RETREAT"}
    assert {cameo.plover(k)[0] for k in ("190", "193", "194", "195", "196")} == {"ASSAULT"}


# -- errors -----------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["999", "42", "", "abc", "0", "21", "0430", "047"])
def test_unknown_code_error_names_the_fix(bad: str) -> None:
    with pytest.raises(UnknownCodeError) as info:
        cameo.lookup(bad)
    assert "multivector codes" in str(info.value)
    with pytest.raises(UnknownCodeError):
        cameo.plover(bad)


def test_find_codes_filters() -> None:
    consult = cameo.find_codes(root="04")
    assert [c.code for c in consult] == ["04", "040", "041", "042", "043", "044", "045", "046"]
    assert [c.code for c in cameo.find_codes(root="4")] == [c.code for c in consult]
    hits = {c.code for c in cameo.find_codes(search="MEDIAT")}
    assert {"045", "108", "126", "165"} <= hits
    assert all(c.root == "10" for c in cameo.find_codes(search="demand", root="10"))
    assert cameo.find_codes(search="no such words here") == []


@pytest.mark.skipif(not (GOLD / "events-dev.jsonl").exists(), reason="shared gold data not present")
def test_every_gold_code_is_in_the_table() -> None:
    seen = 0
    for name in ("events-dev.jsonl", "articles-dev.jsonl"):
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            for ev in json.loads(line)["events"]:
                entry = cameo.lookup(ev["code"])
                assert entry.quad_class == _expected_quad(ev["code"][:2])
                seen += 1
    assert seen > 100


# -- CLI ----------------------------------------------------------------------------

def _run(*args: str) -> click.testing.Result:
    """Invoke `multivector codes ...`."""
    return CliRunner().invoke(app, ["codes", *args])


def _rows(output: str) -> dict[str, str]:
    """Table rows keyed by their code cell."""
    rows = {}
    for line in output.splitlines():
        cells = [c.strip() for c in line.split("│")]
        if len(cells) > 2 and cells[1].isdigit():
            rows[cells[1]] = line
    return rows


def test_cli_lists_one_root() -> None:
    res = _run("--root", "04")
    assert res.exit_code == 0, res.output
    rows = _rows(res.stdout)
    assert set(rows) == {"04", "040", "041", "042", "043", "044", "045", "046"}
    assert "visit" in rows["042"] and "CONSULT" in rows["042"] and "+1.9" in rows["042"]


def test_cli_search() -> None:
    res = _run("--search", "mediation")
    assert res.exit_code == 0, res.output
    rows = _rows(res.stdout)
    assert "108" in rows and "Demand mediation" in rows["108"] and "REQUEST" in rows["108"]
    assert "042" not in rows


def test_cli_bad_root_is_one_line_error() -> None:
    res = _run("--root", "99")
    assert res.exit_code == 2
    assert "multivector codes" in res.stderr
    assert "Traceback" not in res.output


def test_cli_no_match_exits_1() -> None:
    res = _run("--search", "zzzz")
    assert res.exit_code == 1
    assert "no CAMEO code matches" in res.stdout


def test_cli_help_teaches() -> None:
    res = _run("--help")
    assert res.exit_code == 0
    assert "--root" in res.stdout and "Examples" in res.stdout
