"""Shows of force and answers to force as news tells them: a border named by its "with" phrase wherever the
parser hangs it, a state phrase ("on alert") hung on the object, a sending whose purpose is force, conditional
answers to an attack, exemptions from sanctions. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from multivector.pipeline import code_article
from multivector.records import Article

DATE = dt.date(2024, 5, 1)


def coded(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in code_article(Article.make(text, DATE)).events}


def roots(text: str) -> set[tuple[str, str, str]]:
    return {(s, t, c[:2]) for s, t, c in coded(text)}


def test_a_border_is_named_by_the_with_phrase_after_it() -> None:
    # the parser hangs "with Armenia" on the object or the verb; it is the border's
    assert roots("Azerbaijan masses troops along the border with Armenia.") == {("AZE", "ARM", "15")}
    assert roots("India puts its troops on alert along the border with Pakistan.") == {("IND", "PAK", "15")}
    # a border's own "with" names no partner of joint drills; the drills are near it, a show of force
    assert roots("Belarus holds snap military exercises on its western border with Poland.") == {
        ("BLR", "POL", "15")}
    assert roots("Russia holds drills on the Ukrainian border.") == {("RUS", "UKR", "15")}
    # a partner named apart from the border is still the partner
    assert ("BLR", "RUS", "06") in roots("Belarus holds joint military exercises with Russia on its border with Poland.")


def test_closer_to_a_border_is_close_to_it() -> None:
    assert roots("Russia moved two battalions closer to the Ukrainian border.") == {("RUS", "UKR", "15")}
    assert roots("Turkey moved its embassy closer to the city centre.") == set()


def test_a_state_phrase_hung_on_the_object_is_the_verbs() -> None:
    assert coded("North Korea places its artillery units on combat alert after South Korean drills.") == {
        ("PRK", "KOR", "152")}
    assert roots("Iran took the British sailors into custody.") == {("IRN", "GBR", "17")}
    # an inquiry into drones is no launch of drones
    assert ("POL", "RUS", "19") not in roots(
        "Poland's military prosecutors launch an investigation into the Russian drones that crossed into Polish airspace.")


def test_a_sending_whose_purpose_is_force_helps_no_one() -> None:
    # jets sent to intercept are a show of force against the intercepted, never military aid to them
    assert coded("Japan sent fighter jets to intercept Chinese bombers.") == {("JPN", "CHN", "150")}
    assert roots("Britain sends a destroyer to shadow a Russian warship in the Channel.") == {("GBR", "RUS", "15")}
    assert not any(r == "07" for _s, _t, r in roots("Iran sent drones to attack Israeli ships."))
    # a purpose of help is still help
    assert roots("Russia sent troops to protect Armenia.") == {("RUS", "ARM", "07")}
    assert roots("Russia has granted asylum to ousted Syrian President Bashar al-Assad.") == {("RUS", "SYR", "07")}


def test_escorted_away_is_an_interception() -> None:
    assert roots("American fighter jets escorted the Russian bombers out of the zone.") == {("USA", "RUS", "15")}
    assert roots("Russian warships escort Syrian cargo ships.") == {("RUS", "SYR", "07")}


def test_an_answer_to_an_attack_that_may_come_is_a_threat() -> None:
    assert roots("South Korea is prepared to respond if North Korea launches an attack.") == {("KOR", "PRK", "13")}
    assert roots("Israel says it will respond if Hezbollah fires rockets.") == {("ISR", "LBN", "13")}
    assert roots("Japan says it is ready to retaliate if China attacks its ships.") == {("JPN", "CHN", "13")}
    # no threat of force when the condition is no act of force
    assert roots("India will respond if Pakistan asks for talks.") == set()
    assert roots("Germany will respond if Russia cuts gas supplies.") == set()


def test_a_measure_answers_the_agent_of_the_act_it_answers() -> None:
    assert roots("Russia issues a warning in response to threats by the United States.") == {("RUS", "USA", "13")}
    assert roots("Russia issues a warning in response to threats from Washington.") == {("RUS", "USA", "13")}


def test_an_exemption_from_sanctions_eases_them() -> None:
    assert coded("China exempts U.S. soybeans from retaliatory tariffs.") == {("CHN", "USA", "085")}
    assert coded("Trump exempts Canada and Mexico from steel tariffs.") == {("USA", "CAN", "085"), ("USA", "MEX", "085")}
    assert coded("The U.S. grants India an exemption from sanctions on Iranian oil.") == {("USA", "IND", "085")}


def test_an_office_of_a_province_or_city_acts_for_its_state() -> None:
    # gold README: officials map to their country
    assert roots("The governor of Texas criticizes Mexico over migrants.") == {("USA", "MEX", "11")}
    assert roots("Texas Governor Greg Abbott criticizes Mexico over migrants.") == {("USA", "MEX", "11")}
    assert roots("The Chief Minister of Andhra Pradesh Y. S. Rajasekhara Reddy blames Pakistani terrorists for the "
                 "bombings.") == {("IND", "PAK", "11")}
    # an office of no place names no state
    assert roots("The governor of the central bank criticizes Russia.") == set()


def test_a_manner_phrase_names_no_partner_of_a_tie() -> None:
    def ties(text: str) -> set[tuple[str, str, str]]:
        return {(t.a, t.b, t.type) for t in code_article(Article.make(text, DATE)).ties}

    # "in defiance of EU sanctions" tells why: the gas is Russia's, not the EU's
    assert ties("Hungary buys Russian gas in defiance of EU sanctions.") == {("HUN", "RUS", "energy")}
    assert ("TUR", "USA", "energy") not in ties("Turkey buys Iranian oil in defiance of U.S. sanctions.")
    assert ties("Armenia buys most of its gas from Russia.") == {("ARM", "RUS", "energy")}


def test_an_opposition_in_a_country_is_that_countrys() -> None:
    assert roots("The opposition in Belarus asks Lithuania for help.") == {("BLR", "LTU", "02")}
    assert roots("Opposition parties in Georgia accuse Russia of meddling.") == {("GEO", "RUS", "11")}
    # unplaced, it is no one's
    assert roots("The opposition accuses Russia of meddling.") == set()


def test_support_after_a_subject_of_its_own_is_a_time_not_a_purpose() -> None:
    # "two days after Venezuelan voters backed ..." tells when, so the alert is still aimed at Venezuela
    assert ("GUY", "VEN", "152") in coded(
        "Guyana puts its defence forces on alert, two days after Venezuelan voters backed their government's claim "
        "to the territory.")
    assert coded("Russia sent troops to help Kazakhstan restore order.") == {("RUS", "KAZ", "074")}


def test_a_by_phrase_after_an_attack_noun_is_the_nouns() -> None:
    # the parser makes the coalition the killing's agent and hangs the market on it: both are the airstrikes'
    assert roots("At least 20 people are killed in airstrikes by the Saudi-led coalition on a market in northern "
                 "Yemen.") == {("SAU", "YEM", "19")}
    assert roots("Five Afghan soldiers were killed in an attack by Pakistani forces on a border post.") == {
        ("PAK", "AFG", "19")}
    # a by-phrase after a place is the verb's own agent
    assert roots("Two Ukrainian journalists were detained in Moscow by Russian police.") == {("RUS", "UKR", "17")}


def test_it_in_the_cause_of_a_reaction_is_the_one_answered() -> None:
    # "after it ..." under a condemnation or protest is the act of the state condemned, not of the condemner
    assert ("IRN", "DEU", "18") in roots("Germany condemns Iran after it executes a German citizen.")
    assert ("RUS", "EST", "15") in roots("Estonia protests to Russia after its jet violates Estonian airspace.")
    # outside a reaction, a subject "it" still continues the subject: no request from Kazakhstan is read
    assert roots("Russia sent troops to Kazakhstan after it received a request for help.") == {("RUS", "KAZ", "07")}


def test_no_one_enters_its_own_zone() -> None:
    # "its air defence zone" after two foreign subjects is the zone of the state named before them
    assert roots("South Korea scrambles jets after Russian and Chinese military aircraft enter its air defence "
                 "zone.") >= {("RUS", "KOR", "15"), ("CHN", "KOR", "15")}
    assert ("RUS", "KOR", "19") not in roots("South Korea scrambles jets after Russian military aircraft enter its "
                                             "air defence zone.")


def test_a_states_vessel_acts_for_it_at_sea() -> None:
    assert roots("A Chinese vessel rammed a Philippine supply boat.") == {("CHN", "PHL", "17")}


def test_jamming_a_states_navigation_is_an_electronic_attack_on_it() -> None:
    assert coded("Russia jammed GPS signals in Finland.") == {("RUS", "FIN", "176")}
    assert coded("Russia jammed Estonia's GPS signals.") == {("RUS", "EST", "176")}
    # weather is no actor
    assert coded("The storm disrupted GPS signals across Texas.") == set()
