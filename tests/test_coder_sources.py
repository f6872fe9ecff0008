"""Where an event's source and target come from when they are not the clause's subject and object: the place a
weapon was fired from, and phrases that name who reports an act rather than whom it touches. Sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

from multivector.pipeline import code_article
from multivector.records import Article

DATE = dt.date(2019, 3, 14)


def roots(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code[:2]) for e in code_article(Article.make(text, DATE)).events}


def test_a_weapon_fired_from_a_place_is_fired_by_the_forces_there() -> None:
    # the reduced relative on the weapon names where it came from and what it was aimed at
    assert ("YEM", "SAU", "19") in roots("Saudi forces intercept a ballistic missile fired from Yemen at Riyadh.")
    assert ("LBN", "ISR", "19") in roots("Israel shoots down a drone launched from Lebanon toward Haifa.")
    # the tagger's past tense for the participle changes nothing
    assert ("PSE", "ISR", "19") in roots("A rocket fired from Gaza at the Israeli city of Ashkelon is intercepted.")
    # a participle of another verb on the weapon names no firer
    assert roots("Saudi forces intercept a missile made in Iran.") == set()


def test_who_reports_an_act_is_not_whom_it_touches() -> None:
    # "according to" names the source of the report, never the destination of a deployment
    assert roots("Russia masses tanks and artillery near its border with Ukraine, according to NATO.") == {
        ("RUS", "UKR", "15")}
    assert roots("China moved troops to the border, according to India.") == set()
    # a cause is no destination either
    assert roots("Greece sent warships to the Aegean due to Turkey's drilling.") == set()


def test_the_subject_of_a_copula_does_what_its_attribute_does() -> None:
    # "the first EU member state to recognise": Sweden recognises; the group only ranks it among others
    assert roots("Sweden becomes the first EU member state in Western Europe to recognise the State of "
                 "Palestine.") == {("SWE", "PSE", "05")}
    assert roots("Iceland becomes the first NATO member to recognise Palestine.") == {("ISL", "PSE", "05")}
    # without a copula the group does act through its members
    assert roots("NATO countries condemn Russia.") == {("NATO", "RUS", "11")}


