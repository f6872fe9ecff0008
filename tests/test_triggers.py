"""The trigger lexicon: valid, unambiguous, broad (every CAMEO leaf reachable), and each example coded as written.

Examples live in tests/data/triggers/NN.tsv (one file per CAMEO root, written with the triggers, never taken
from gold): ``expected<TAB>sentence``, expected being ``SRC>TGT:CODE`` items separated by commas, or ``-`` for a
sentence that must code nothing (the trigger word used in a sense that is not the event).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from multivector.errors import LexiconError
from multivector.events import cameo, patterns
from multivector.pipeline import code_articles
from multivector.records import Article

EXAMPLES = Path(__file__).with_name("data") / "triggers"
DATE = dt.date(2024, 5, 20)
# Codes CAMEO defines without a dyadic target (or as pure categories) that need no trigger of their own.
EXEMPT: dict[str, str] = {}


def leaf_codes() -> list[str]:
    codes = [c.code for c in cameo.all_codes()]
    return [c for c in codes if len(c) >= 3 and not any(o != c and o.startswith(c) for o in codes)]


def reachable(p: patterns.Patterns) -> set[str]:
    """Codes a trigger gives directly, or through the clause (intent, refusal, threat always; appeal and
    demand where some trigger refines by the act asked for) and the code families."""
    direct: set[str] = set()
    kinds = {"intent", "refuse", "threat"}
    for pats in p.verbs.values():
        for v in pats:
            direct.add(v.code)
            direct.update(v.objects.values())
            if v.complement:
                kinds.add(v.complement)
    for nps in p.nouns.values():
        direct.update(n.code for n in nps)
    out = set(direct)
    for code in direct:
        for k in kinds:
            out.add(p.family(code, k))
    return out


def test_every_trigger_file_loads_and_has_a_root_of_its_own() -> None:
    files = patterns.trigger_files("en")
    assert [f.stem for f in files] == [f"{r:02d}" for r in range(1, 21)]
    p = patterns.load("en")
    for f in files:
        data = patterns._read(f)
        for v in data.get("verbs") or []:
            assert str(v["code"]).startswith(f.stem), f"{f.name}: {v['id']} has code {v['code']}"
        for n in data.get("nouns") or []:
            assert str(n["code"]).startswith(f.stem), f"{f.name}: {n['id']} has code {n['code']}"
    assert p.count() > 0


def test_every_deverbal_noun_borrows_a_verb_that_has_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nouns = patterns.deverbals()
    assert len(nouns) >= 40 and all(v in patterns.load().verbs for v in nouns.values())
    # a noun paired with a word that is no trigger verb is refused with the line to fix
    (tmp_path / "deverbal.tsv").write_text("suspension\tsuspendify\n", encoding="utf-8")
    monkeypatch.setattr(patterns, "data_dir", lambda lang="en": tmp_path)
    patterns.deverbals.cache_clear()
    try:
        with pytest.raises(LexiconError, match="deverbal.tsv:1"):
            patterns.deverbals()
    finally:
        patterns.deverbals.cache_clear()


def test_no_lemma_has_two_codes_under_the_same_conditions() -> None:
    """Two plain patterns for one lemma, with the same needed words, target slots and no object or role
    to tell them apart, would make the code depend on file order."""
    seen: dict[tuple[object, ...], str] = {}
    clashes = []
    for lemma, pats in patterns.load("en").verbs.items():
        for v in pats:
            if v.only_objects or v.source_roles or v.only_negated or v.needs_phone or v.xcomp_only or v.needs_ccomp \
                    or v.needs_xcomp or v.inverted or v.complement:
                continue
            key = (lemma, v.needs, v.target, v.stative_present, v.objectless)
            if key in seen and seen[key][:2] != v.code[:2]:
                clashes.append(f"{' '.join((lemma, *v.needs))}: {seen[key]} vs {v.code} ({v.id})")
            seen.setdefault(key, v.code)
    assert not clashes, "ambiguous triggers (give one an object, role or rank, or drop it): " + "; ".join(clashes)


def test_breadth_every_leaf_reachable_1500_triggers_30_per_root() -> None:
    p = patterns.load("en")
    missing = [c for c in leaf_codes() if c not in reachable(p) and c not in EXEMPT]
    assert not missing, f"CAMEO leaf codes no trigger reaches: {missing}"
    per_root: Counter[str] = Counter()
    for code, n in p.per_code().items():
        per_root[code[:2]] += n
    assert p.count() >= 1500
    thin = {r: per_root[r] for r in (f"{i:02d}" for i in range(1, 21)) if per_root[r] < 30}
    assert not thin, f"roots with fewer than 30 triggers: {thin}"


def _examples() -> list[tuple[str, int, str, str]]:
    out = []
    for f in sorted(EXAMPLES.glob("*.tsv")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            expected, sentence = line.split("\t", 1)
            out.append((f.stem, n, expected.strip(), sentence.strip()))
    return out


EXAMPLE_ROWS = _examples()


@pytest.fixture(scope="module")
def coded_examples() -> dict[str, set[tuple[str, str, str]]]:
    sents = sorted({s for _r, _n, _e, s in EXAMPLE_ROWS})
    out = {}
    for s, c in zip(sents, code_articles([Article.make(s, DATE) for s in sents]), strict=True):
        out[s] = {(e.source, e.target, e.code[:3]) for e in c.events}
    return out


@pytest.mark.parametrize("root", sorted({r for r, *_ in EXAMPLE_ROWS}))
def test_trigger_examples_code_as_written(root: str, coded_examples: dict[str, set[tuple[str, str, str]]]) -> None:
    wrong = []
    for r, n, expected, sentence in EXAMPLE_ROWS:
        if r != root:
            continue
        got = coded_examples[sentence]
        if expected == "-":
            if got:
                wrong.append(f"{r}.tsv:{n} expected nothing, got {sorted(got)}: {sentence}")
            continue
        for item in expected.split(","):
            pair, code = item.strip().rsplit(":", 1)
            src, tgt = pair.split(">")
            if (src, tgt, code[:3]) not in got:
                wrong.append(f"{r}.tsv:{n} expected {item.strip()}, got {sorted(got)}: {sentence}")
    assert not wrong, "\n".join(wrong)


def test_every_root_has_examples_of_both_kinds() -> None:
    kinds: dict[str, set[bool]] = {}
    for r, _n, expected, _s in EXAMPLE_ROWS:
        kinds.setdefault(r, set()).add(expected == "-")
    assert sorted(kinds) == [f"{i:02d}" for i in range(1, 21)]
    assert all(v == {True, False} for v in kinds.values()), {r: v for r, v in kinds.items() if v != {True, False}}


def test_coverage_report_adds_up_and_measures_yield(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from multivector.cli import app

    src = tmp_path / "news.jsonl"
    src.write_text(json.dumps({"date": "2024-05-20", "text": "Poland expelled two Russian diplomats on Monday. "
                                                           "Kenya won the marathon."}) + "\n")
    res = CliRunner().invoke(app, ["codes", "--coverage", "--json", "--corpus", str(src)])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.output)
    p = patterns.load("en")
    assert rep["triggers"] == p.count() == sum(r["triggers"] for r in rep["roots"])
    assert len(rep["roots"]) == 20 and set(rep["unreached"]) <= set(leaf_codes())
    assert rep["yield"]["sentences_two_actors"] == 1 and rep["yield"]["events"] == 1


def test_object_classes_in_triggers_are_ones_the_coder_knows() -> None:
    """An object key starting with "@" names a class the coder computes; a misspelt one would never match."""
    from multivector.events.circumstance import OBJECT_CLASSES

    used = {k for pats in patterns.load("en").verbs.values() for p in pats for k in p.objects if k.startswith("@")}
    assert used and used <= set(OBJECT_CLASSES), used - set(OBJECT_CLASSES)
    assert {"@place", "@name", "@people"} <= used


def test_a_leaving_condition_is_needed_or_excluded_and_nothing_else() -> None:
    entry = {"id": "x", "lemmas": ["order"], "code": "161", "leaving": "needed"}
    assert patterns.verb_patterns(entry, "t.yaml")[0].leaving == "needed"
    with pytest.raises(LexiconError, match="leaving must be needed or excluded"):
        patterns.verb_patterns({**entry, "leaving": "sometimes"}, "t.yaml")
    # the lexicon uses both: an order expels only with a leaving complement, an ultimatum is never to leave
    pats = patterns.load().verbs
    assert any(p.leaving == "needed" for p in pats["order"]) and any(p.leaving == "excluded" for p in pats["give"])


def test_a_word_set_in_an_entrys_objects_stands_for_each_of_its_words() -> None:
    sets = patterns.object_sets("en")
    assert {"yuan", "yen", "dollar"} <= set(sets["@currency"])
    entry = {"id": "x", "lemmas": ["pledge"], "code": "030", "objects": {"@currency": "033", "yen": "0331"}}
    objects = patterns.verb_patterns(entry, "t.yaml", sets)[0].objects
    # each currency with the entry's code, the key itself gone, a word listed by the entry keeping its own code
    assert objects["yuan"] == objects["dollar"] == "033" and objects["yen"] == "0331" and "@currency" not in objects
    # the shipped lexicon: money pledged in any currency is aid pledged
    assert all(p.objects.get(w) == "033" for p in patterns.load().verbs["pledge"] if p.id == "pledge"
               for w in sets["@currency"])
