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
    assert coded("Germany calls Turkey's decision unacceptable.") == {("DEU", "TUR", "111")}
    assert coded("Iran called the new US sanctions illegal.") == {("IRN", "USA", "111")}
    assert coded("Japan describes China's naval drills as provocative.") == {("JPN", "CHN", "111")}


def test_praise_when_the_words_approve() -> None:
    assert coded("Kazakhstan describes Uzbekistan's water proposal as constructive.") == {("KAZ", "UZB", "051")}


def test_no_judgement_without_an_owner_a_word_of_blame_or_a_statement() -> None:
    assert coded("Germany calls the decision unacceptable.") == set()  # whose decision: nobody named
    assert coded("Germany calls Turkey's decision important.") == set()  # no word of blame or praise
    assert coded("Germany did not call Turkey's decision a mistake.") == set()  # negated statement
    assert coded("Will Germany call Turkey's decision illegal?") == set()  # a question
    # what a that-clause says of an act is not read (it was tried and found more false events than true)
    assert coded("Germany says Turkey's decision is unacceptable.") == set()


def test_what_an_actor_does_is_its_act_not_a_judgement_of_it() -> None:
    # a purpose is no judgement; a pronoun for an act just told is not an owner
    assert ("NATO", "PRK", "111") not in coded("NATO confirmed the move, calling it a dangerous escalation.")
    assert coded("Turkey, which regards the group as terrorists, closed the crossing.") == set()


def test_judging_words_are_well_formed_data() -> None:
    path = patterns.data_dir("en") / "evaluations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    J = judging("en")
    assert J.negative_code == "111" and J.positive_code == "051"
    assert not J.negative & J.positive, "a word cannot both blame and praise"
    for key in ("naming_verbs", "negative", "positive", "reversers"):
        words = [str(w) for w in data[key]]
        assert len(words) == len(set(words)), f"{key} lists a word twice"
        assert all(w == w.lower().strip() and w for w in words), f"{key}: words are lower case, unpadded"
    # verbs with triggers of their own (condemn, dismiss) must not be read twice
    assert not J.naming_verbs & {"condemn", "denounce", "dismiss", "slam", "decry"}


def test_a_stance_held_toward_a_state_or_its_act() -> None:
    assert coded("Canada's prime minister is critical of the United States's stance.") == {("CAN", "USA", "111")}
    assert coded("Germany remains supportive of Ukraine's bid.") == {("DEU", "UKR", "051")}
    assert coded("France is not critical of Russia.") == set()
    assert coded("The report is critical of the policy.") == set()  # no actor on either side


def test_asylum_sought_in_a_state_is_an_appeal_to_it() -> None:
    assert coded("A Saudi diplomat seeks asylum in Germany.") == {("SAU", "DEU", "020")}
    assert coded("Russia seeks investment in Kazakhstan.") == set()  # investment there is no plea to Astana
