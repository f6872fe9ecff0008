"""Acts done to people and by crowds: people of a named nationality deported, sanctions defied by acting
"despite" them, crowds told by a bare number or in front of a building. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from multivector.pipeline import code_article
from multivector.records import Article

DATE = dt.date(2024, 5, 1)


def coded(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in code_article(Article.make(text, DATE)).events}


def roots(text: str) -> set[tuple[str, str, str]]:
    return {(s, t, c[:2]) for s, t, c in coded(text)}




def test_people_of_a_nation_deported_are_that_nations() -> None:
    assert coded("Sweden deports Eritrean migrants to Italy.") == {("SWE", "ERI", "174")}
    assert coded("Greece returns Syrian refugees to Turkey.") == {("GRC", "SYR", "174")}
    # people of no nation named are pushed into the state they are sent to
    assert roots("Algeria expelled more than 20,000 migrants to Niger.") == {("DZA", "NER", "20")}



def test_acting_despite_sanctions_defies_their_setter() -> None:
    assert ("IND", "USA", "128") in coded("India continues to import Iranian oil despite American sanctions.")
    assert coded("Despite U.S. sanctions, Turkey buys Russian missiles.") == {("TUR", "USA", "128")}
    # an act sanctions do not bar goes on under them; so does the economy of a sanctioned state
    assert coded("Russia holds the vote despite American sanctions.") == set()
    assert coded("Despite Western sanctions, Russia's economy grew by 3 percent.") == set()
    # what is not done defies nothing; sanctions of no one named have no setter
    assert coded("India did not buy Iranian oil despite American sanctions.") == set()
    assert coded("The company traded with Iran despite sanctions.") == set()
    # objections acted despite stay the objector's disapproval (the annotators' reading), no defiance
    assert roots("Japan's prime minister visits the Yasukuni shrine despite protests from China.") == {
        ("CHN", "JPN", "11")}


def test_a_crowd_told_by_a_bare_number_is_the_subject_of_its_verb() -> None:
    # the parser reads "Thousands" as the root and the finite verb as a clause on it (a repair)
    assert coded("Thousands protested outside the French embassy in Niamey.") == {("NER", "FRA", "140")}
    assert roots("Dozens marched to the Chinese embassy in Hanoi.") == {("VNM", "CHN", "14")}


def test_in_front_of_a_building_is_outside_it() -> None:
    assert coded("Protesters rallied in front of the U.S. embassy in Baghdad.") == {("IRQ", "USA", "140")}
    # the embassy is where the crowd stands, not the crowd's state
    assert coded("Protesters rallied in front of the Russian embassy.") == set()


def test_people_named_by_their_calling_belong_to_their_nation() -> None:
    # politicians, tycoons, singers ... of a named nation are its people, released, arrested or sanctioned
    assert roots("A Bosnian politician is released on bail by a British court.") == {("GBR", "BIH", "08")}
    assert roots("Russia detains a Ukrainian singer.") == {("RUS", "UKR", "17")}
    assert roots("The EU sanctions Russian oligarchs.") == {("EU", "RUS", "16")}
    # a politician of the state that acts is no second party
    assert roots("Britain releases a British politician.") == set()


def test_protests_an_act_sets_off_in_a_state_are_against_its_doer() -> None:
    assert roots("Saudi Arabia executes a Shia cleric, sparking protests in Iran.") == {("IRN", "SAU", "14")}
    # a state's own act protested at home is domestic
    assert roots("Kenya's new tax law sparks protests in Kenya.") == set()
    # the crowd of a "where" clause is of the place it stands for
    assert ("IRN", "SAU", "14") in roots("Saudi Arabia executes a cleric, sparking outrage in Iran, where "
                                         "demonstrators storm the Saudi embassy.")
    assert roots("Ministers met in Istanbul, where they criticised the plan.") == set()


def test_a_states_media_blocked_abroad_is_a_sanction_on_it() -> None:
    # websites and channels named by their nation are its media
    assert roots("Azerbaijan blocks access to Russian news websites.") == {("AZE", "RUS", "17")}
    assert roots("Azerbaijan blocks access to Azerbaijani news websites.") == set()


def test_a_crowd_that_is_the_agent_of_a_passive_acts_where_the_building_is() -> None:
    assert roots("The French embassy in Niamey was attacked by protesters.") == {("NER", "FRA", "14")}
    assert roots("The Swedish embassy in Baghdad was stormed by protesters.") == {("IRQ", "SWE", "14")}
    # a crowd at its own state's building is domestic
    assert roots("The French embassy in Paris was attacked by protesters.") == set()


def test_a_hunger_strike_where_one_is_held_is_against_the_holder() -> None:
    assert roots("A jailed Ukrainian filmmaker begins a hunger strike in a Russian prison.") == {("UKR", "RUS", "14")}
    # never an air strike, with or without a place
    assert roots("A jailed Ukrainian filmmaker begins a hunger strike.") == set()
