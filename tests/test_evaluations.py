"""Judging statements (events/evaluations.py): what a speaker calls another state's act, on sentences written
for these tests (not gold), and the judging words' data file."""

from __future__ import annotations

import datetime as dt

import yaml

from multivector.events import patterns
from multivector.events.evaluations import judging
from multivector.pipeline import code_article
from multivector.records import Article

DATE = dt.date(2024, 3, 14)


def coded(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in code_article(Article.make(text, DATE)).events}


def test_a_judged_act_is_criticism_of_its_owner() -> None:
    # the owner as possessor, as national modifier, as a by-agent the parser hangs on another noun
    assert coded("Germany says Turkey's decision is unacceptable.") == {("DEU", "TUR", "111")}
    assert coded("Iran says the new US sanctions are illegal.") == {("IRN", "USA", "111")}
    assert coded("Lavrov says that the recognition of Jerusalem by the United States runs counter to "
                 "common sense.") == {("RUS", "USA", "111")}
    # naming verbs: "describes X as Y"
    assert coded("Japan describes China's naval drills as provocative.") == {("JPN", "CHN", "111")}


def test_praise_when_the_words_approve() -> None:
    assert coded("Kazakhstan describes Uzbekistan's water proposal as constructive.") == {("KAZ", "UZB", "051")}


def test_no_judgement_without_an_owner_a_word_of_blame_or_an_assertion() -> None:
    assert coded("Germany says the decision is unacceptable.") == set()  # whose decision: nobody named
    assert coded("Germany says Turkey's decision is important.") == set()  # no word of blame or praise
    assert coded("Germany says Turkey's decision is not a mistake.") == set()  # reversed
    assert coded("Germany does not say Turkey's decision is a mistake.") == set()  # negated statement
    assert coded("Will Germany say that Turkey's decision is illegal?") == set()  # a question


def test_what_an_actor_does_is_its_act_not_a_judgement_of_it() -> None:
    # an actor's own act reported with a verb of breach is an accusation, never 111 by this reading
    assert ("PAK", "IND", "111") not in coded("Pakistan says Indian forces breached the ceasefire.")
    # a purpose is no judgement; a pronoun for an act just told is not an owner
    assert coded("France says Britain's troops are in Mali to counter terrorism.") == set()
    assert ("NATO", "PRK", "111") not in coded("NATO confirmed the move, calling it a dangerous escalation.")


def test_judging_words_are_well_formed_data() -> None:
    path = patterns.data_dir("en") / "evaluations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    J = judging("en")
    assert J.negative_code == "111" and J.positive_code == "051"
    assert not J.negative & J.positive, "a word cannot both blame and praise"
    for key in ("naming_verbs", "saying_verbs", "negative", "positive", "reversers"):
        words = [str(w) for w in data[key]]
        assert len(words) == len(set(words)), f"{key} lists a word twice"
        assert all(w == w.lower().strip() and w for w in words), f"{key}: words are lower case, unpadded"
    # verbs with triggers of their own (condemn, dismiss) must not be read twice
    assert not J.naming_verbs & {"condemn", "denounce", "dismiss", "slam", "decry"}
