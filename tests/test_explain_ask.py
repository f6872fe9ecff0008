"""`ask` and `faq-check` acceptance on the seed (seed-gold.json "faq" and "faq_claims")."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_explain_seedstore import SEED_DIR, build_seed_store, needs_seed, seed_article, seed_gold

from multivector.errors import EmptyStoreError, UsageError
from multivector.explain import ask, faq_check, faq_check_file, split_claims
from multivector.store import Store

pytestmark = needs_seed


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed_store(tmp_path_factory.mktemp("ask") / "seed.duckdb")


@pytest.mark.parametrize("item", seed_gold()["faq"] if SEED_DIR.is_dir() else [], ids=lambda i: i["question"][:30])
def test_each_faq_question_gets_gold_evidence_in_top3(seed_store: Path, item: dict) -> None:  # type: ignore[type-arg]
    with Store(seed_store) as st:
        ans = ask(st, item["question"], k=3)
        faq_answers = [f.answer for f in seed_article().faq]
    assert len(ans.citations) == 3 and [c.rank for c in ans.citations] == [1, 2, 3]
    assert any(any(e in c.sentence for e in item["evidence_any"]) for c in ans.citations), ans.citations
    # FAQ answers are claims, never evidence
    assert not any(c.sentence.strip()[:30] in a for c in ans.citations for a in faq_answers)
    assert ans.text and ans.citations[0].sentence.strip() in ans.text


def test_ask_reads_actors_and_intent_and_caches_embeddings(seed_store: Path) -> None:
    with Store(seed_store) as st:
        a = ask(st, "Why are Western countries interested in Kazakhstan?")
        b = ask(st, "How is Kazakhstan balancing its relationships with Russia and the West?", k=5)
        cached = st.query("SELECT count(*) AS n FROM sentence_embeddings")[0]["n"]
        sentences = st.query("SELECT count(*) AS n FROM sentences")[0]["n"]
    assert a.actors == ("WST", "KAZ") and a.intent == "interest"
    assert set(b.actors) == {"KAZ", "RUS", "WST"} and b.intent == "balancing" and len(b.citations) == 5
    assert 0 < cached <= sentences


def test_ask_errors(tmp_path: Path, seed_store: Path) -> None:
    with Store(seed_store) as st, pytest.raises(UsageError):
        ask(st, "   ")
    with Store(tmp_path / "empty.duckdb") as empty, pytest.raises(EmptyStoreError):
        ask(empty, "Why is Kazakhstan important to Russia?")


def test_claims_split_at_clause_and_not_at_noun_and() -> None:
    claims = split_claims("Kazakhstan is a partner for Russia and the two countries share a long border. "
                          "Russia and China met and agreed on a deal.")
    assert claims == ["Kazakhstan is a partner for Russia", "the two countries share a long border",
                      "Russia and China met", "agreed on a deal"]


def test_faq_claims_match_gold() -> None:
    verdicts = faq_check_file(next(SEED_DIR.glob("*.txt")))
    for g in seed_gold()["faq_claims"]:
        hits = [v for v in verdicts if g["claim"] in v.claim]
        assert len(hits) == 1, (g["claim"], [v.claim for v in verdicts])
        v = hits[0]
        assert v.supported is g["supported"], (v.claim, v.reason)
        if g["supported"]:
            assert v.sentence and g["by"] in v.sentence
    assert all(v.reason for v in verdicts)


def test_faq_check_judges_other_articles_on_their_own_body() -> None:
    art = seed_article()
    body = [s for s in art.text.split("\n") if s.strip()]
    # the same FAQ against an unrelated body: nothing is supported
    unrelated = ["Heavy rain flooded farms in southern Brazil on Monday.", "Coffee prices rose on the news."]
    assert not any(v.supported for v in faq_check(art, unrelated))
    assert any(v.supported for v in faq_check(art, body))
