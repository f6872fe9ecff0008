"""`ask` answers the question asked: the direction of "why does X matter to Y", thin evidence said so, no
actor named is no crash (CLI and HTTP), and a second question in one process reuses the loaded model."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from multivector.analysis.poles import load_poles
from multivector.explain.ask import ask, focus_of, intent_of
from multivector.explain.names import mentions_in
from multivector.store import Store
from multivector.web import create_app


@pytest.mark.parametrize("question, intent, subject, party", [
    ("Why is Kazakhstan important to Russia?", "importance", "KAZ", "RUS"),
    ("Why does Russia matter to Kazakhstan?", "importance", "RUS", "KAZ"),
    ("Why does Russia need Kazakhstan?", "importance", "KAZ", "RUS"),
    ("Is Kyrgyzstan dependent on Russia?", "importance", "RUS", "KGZ"),
    ("Why is the West interested in Kazakhstan?", "interest", "KAZ", "WST"),
    ("What does China want from Kazakhstan?", "interest", "KAZ", "CHN"),
    ("Why is Kazakhstan of interest to China?", "interest", "KAZ", "CHN"),
    ("How is Kazakhstan balancing Russia and China?", "balancing", "KAZ", None),
    ("What happened between Tajikistan and Kyrgyzstan?", "relations", "TJK", "KGZ"),
    ("Why does Uzbekistan matter?", "importance", "UZB", None),
])
def test_direction_of_the_question(question: str, intent: str, subject: str, party: str | None) -> None:
    mentions = mentions_in(question, load_poles())
    got_intent = intent_of(question, len({c for _s, _e, c in mentions}))
    focus = focus_of(question, mentions, got_intent)
    assert (got_intent, focus.subject, focus.party) == (intent, subject, party)


def test_summary_follows_the_direction_and_says_when_evidence_is_thin(demo_store: Path) -> None:
    with Store(demo_store, read_only=True) as st:
        a = ask(st, "Why is Kazakhstan important to Russia?")
        b = ask(st, "Why does Russia matter to Kazakhstan?")
        thin = ask(st, "What happened between Uzbekistan and Russia?")
        none = ask(st, "What is the weather like?")
    assert a.summary.startswith("Why Kazakhstan matters to Russia") and (a.subject, a.party) == ("KAZ", "RUS")
    assert b.summary.startswith("Why Russia matters to Kazakhstan")
    # Kazakhstan's dependence on Russia is Russia's stake in Kazakhstan: said so in the first answer only.
    assert "leverage for Russia" in a.summary and "leverage" not in b.summary
    assert 0 < thin.evidence < 3 and "evidence is thin" in thin.summary
    assert none.actors == () and "names no country" in none.summary and len(none.citations) == 3


def test_no_actor_and_a_second_question_over_http(demo_store: Path) -> None:
    client = TestClient(create_app(demo_store))
    r = client.get("/api/ask", params={"q": "What is the weather like?"})
    assert r.status_code == 200 and "names no country" in r.json()["summary"]
    r = client.get("/api/ask", params={"q": "What does China want from Kazakhstan?"})
    assert r.status_code == 200 and r.json()["party"] == "CHN" and r.json()["subject"] == "KAZ"
