"""Acts as news summaries tell them: a headline verb the parser takes for a noun, an event noun done to "its"
people, force kept open by "has not ruled out", names that begin with "the West". Sentences written for these
tests."""

from __future__ import annotations

import datetime as dt

from multivector.pipeline import code_article
from multivector.records import Article

DATE = dt.date(2024, 5, 1)


def coded(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in code_article(Article.make(text, DATE)).events}


def roots(text: str) -> set[tuple[str, str, str]]:
    return {(s, t, c[:2]) for s, t, c in coded(text)}


def test_an_event_noun_done_to_its_people_is_done_to_another_than_its_doer() -> None:
    # "its" inside what was seized, expelled or sanctioned is the speaker's, never the doer's own
    assert roots("Iran says the U.S. seizure of its tanker violated international law.") == {("USA", "IRN", "17")}
    assert roots("Russia says the British expulsion of its diplomats was unjustified.") == {("GBR", "RUS", "16")}
    assert roots("China says the U.S. sanctions on its officials are illegal.") == {("USA", "CHN", "16")}
    # the doer's own things stay its own: a withdrawal of its troops is aimed at no one here
    assert roots("Moscow says the Russian withdrawal of its troops is complete.") == set()


def test_the_west_bank_and_the_west_at_the_start_of_a_sentence() -> None:
    assert roots("Israel raided a refugee camp in the West Bank.") == {("ISR", "PSE", "19")}
    assert roots("The West condemned Russia.") == {("WST", "RUS", "11")}
    # "the West" before a name is part of the name
    assert not any("WST" in (s, t) for s, t, _r in roots("The West African bloc condemned the coup in Niger."))


def test_a_headline_verb_read_as_a_noun_is_the_verb() -> None:
    # the verb in -s read as a plural noun modifying the object, which heads a sentence with no verb
    assert roots("The Saudi-led coalition bombs Sanaa.") == {("SAU", "YEM", "19")}
    # a base form after a singular noun disagrees with it: "bombs" is the verb, not "force"
    assert roots("The Russian air force bombs rebel positions in Idlib.") == {("RUS", "SYR", "19")}
    # the subject hung on the verb as a compound, the object read as an adverbial noun
    assert roots("The Ukrainian army shells Belgorod.") == {("UKR", "RUS", "19")}
    # an event noun in -ing with its of-phrase, read as a participle of the adjective before it
    assert roots("Azerbaijani shelling of Armenian villages wounds two civilians.") == {("AZE", "ARM", "19")}


def test_force_not_ruled_out_is_threatened() -> None:
    assert roots("The United States has not ruled out military action against Iran.") == {("USA", "IRN", "13")}
    assert roots("Washington refuses to rule out a military strike on Iran.") == {("USA", "IRN", "13")}
    assert roots("Ankara did not rule out sanctions on Greece.") == {("TUR", "GRC", "13")}
    # ruled out, it is refused; a court that did not rule on a case keeps nothing open
    assert roots("Russia ruled out military action against Moldova.") == {("RUS", "MDA", "12")}
    assert roots("The court did not rule on Kazakhstan's appeal against Russia.") == set()
    # talks not ruled out are an option weighed (014), not a threat
    assert roots("Baku did not rule out talks with Yerevan.") == {("AZE", "ARM", "01")}


def test_force_named_as_an_option_is_not_an_act_by_itself() -> None:
    # "military action" and "the use of force" are coded only through what governs them
    assert roots("Israel threatened the use of force against Iran.") == {("ISR", "IRN", "13")}
    assert roots("The debate on military action against Iran continued in Washington.") == set()
    # "a multinational force" names no act an offer could be of
    assert ("KEN", "HTI", "03") in roots("Kenya offers to lead a multinational force in Haiti.")


def test_its_read_past_the_doer_is_the_speaker() -> None:
    # "its villages" are not the attackers' own, nor the body complained to: the complaining state's
    assert roots("Tajikistan complains to the United Nations about Kyrgyz attacks on its villages.") == {
        ("TJK", "KGZ", "11"), ("KGZ", "TJK", "19")}


def test_a_third_party_named_with_as_is_no_party() -> None:
    assert roots("Armenia and Azerbaijan signed a peace deal in Washington, with the United States as "
                 "mediator.") == {("ARM", "AZE", "05"), ("AZE", "ARM", "05")}
    assert not any("NOR" in (s, t) for s, t, _r in roots(
        "Colombia and the rebels sign a peace agreement in Havana, with Cuba and Norway as guarantors."))
    # a partner named with "with" is still one
    assert roots("Armenia signed a peace deal with Azerbaijan in Washington.") == {("ARM", "AZE", "05")}


def test_people_named_in_a_list_refine_the_act_done_to_them() -> None:
    assert roots("Indonesia executes seven foreigners, including two Australians, for drug trafficking.") == {
        ("IDN", "AUS", "18")}


def test_a_complaint_to_a_court_is_against_whom_it_names() -> None:
    assert roots("Iran files a complaint with the International Court of Justice against the United States.") == {
        ("IRN", "USA", "11")}


def test_more_headline_verbs_read_as_nouns() -> None:
    # a body's verb with a to-infinitive read as the verb's clause
    assert roots("The U.S. Senate votes to impose sanctions on Russian officials.") == {("USA", "RUS", "16")}
    # a verb read as a noun before a bare gerund the parser took for the verb
    assert roots("Greek coast guard vessels fire warning shots at a Turkish fishing boat.") == {("GRC", "TUR", "15")}


def test_who_holds_people_and_who_wants_them() -> None:
    # a release demanded of the state the people are held in, not of the people's own state
    assert roots("Iran demands the release of its nationals held in the United States.") == {("IRN", "USA", "10")}
    # an extradition goes where the parser hangs its destination, inside the phrase of the person wanted
    assert roots("Uzbekistan extradites a Russian citizen wanted for fraud to Moscow.") == {("UZB", "RUS", "06")}


def test_military_help_named_by_trade_and_by_craft() -> None:
    assert roots("British instructors train Ukrainian soldiers.") == {("GBR", "UKR", "07")}
    assert roots("China provides Pakistan with eight submarines.") == {("CHN", "PAK", "07")}
    # warships sent somewhere are no aid
    assert not any(r == "07" for _s, _t, r in roots("Britain sends two warships to the Black Sea."))


def test_an_assurance_told_to_someone() -> None:
    # the teller's own act to come, told to the addressee, is an intent toward it (the parser hangs the
    # that-clause on the addressee)
    assert roots("Lavrov promises his Turkish counterpart that Russia will keep the grain corridor open.") == {
        ("RUS", "TUR", "03")}
    assert roots("Putin assures Tokayev that Russia respects Kazakhstan's territorial integrity.") == {
        ("RUS", "KAZ", "01")}
    # "guarantee" with no that-clause names no statement an appeal asks for
    assert ("UN", "VEN", "02") in roots("The U.N. urges Venezuela's government to guarantee free elections.")


def test_goods_supplied_under_a_deal_are_trade_and_in_the_present_a_tie() -> None:
    assert roots("As part of the deal, Russia will supply Uzbekistan with gas.") == {("RUS", "UZB", "03")}
    assert roots("Russia supplied Armenia with gas last week.") == {("RUS", "ARM", "06")}
    assert roots("Russia supplies Armenia with gas.") == set()


def test_passives_whose_doer_the_phrase_gives() -> None:
    # an envoy recalled with no agent is recalled by the state it serves
    assert roots("Kyrgyzstan's ambassador to Russia is recalled for consultations.") == {("KGZ", "RUS", "16")}
    # the agent hung on the predicate noun
    assert roots("Three Iranian diplomats are declared persona non grata by Albania.") == {("ALB", "IRN", "16")}
    # aid delivered with no agent comes from where its phrase says
    assert roots("Humanitarian aid from Kazakhstan is delivered to Gaza.") == {("KAZ", "PSE", "07")}


def test_a_states_own_bodies_and_aides() -> None:
    assert roots("The Russian Security Council condemned Ukraine.") == {("RUS", "UKR", "11")}
    assert roots("The secretary of the Russian Security Council visits Tajikistan.") == {("RUS", "TJK", "04")}
    assert roots("The UN Security Council condemned North Korea.") == {("UN", "PRK", "11")}
    assert roots("The Azerbaijani president's aide meets the U.S. envoy for the South Caucasus.") == {
        ("AZE", "USA", "04")}


def test_embassies_reopened_together_and_a_status_granted() -> None:
    assert roots("Saudi Arabia and Iran reopen their embassies.") == {("SAU", "IRN", "05"), ("IRN", "SAU", "05")}
    assert roots("The UN General Assembly grants Palestine observer status.") == {("UN", "PSE", "05")}
    # a status held is no grant
    assert roots("Ukraine has held candidate status since 2022.") == set()


def test_a_base_form_after_two_joined_names_is_their_verb() -> None:
    assert roots("Turkey and Syria exchange artillery fire after a Syrian shell kills five Turkish civilians in "
                 "the border town of Akcakale.") >= {("TUR", "SYR", "19"), ("SYR", "TUR", "19")}
    assert roots("Azerbaijan and Armenia exchange prisoners, and Yerevan supports Baku's bid to host the COP29 "
                 "climate conference.") >= {("AZE", "ARM", "08"), ("ARM", "AZE", "08")}


def test_a_package_is_no_sanction_unless_named_so() -> None:
    assert ("USA", "CHN", "16") not in roots(
        "China sanctions Lockheed Martin over arms sales to Taiwan, a day after Washington approved a $1.1 billion "
        "package.")
    assert roots("The EU adopts a new sanctions package against Russia.") == {("EU", "RUS", "16")}


def test_an_act_one_is_convicted_of_is_not_the_courts() -> None:
    assert roots("A German court convicts a Russian man of murdering a Georgian dissident in Berlin.") == {
        ("DEU", "RUS", "11")}
    assert roots("The European Commission opens an infringement procedure against Hungary.") == {("EU", "HUN", "11")}


def test_a_reaction_to_a_joint_act_is_to_every_side() -> None:
    assert roots("Kyrgyzstan and Tajikistan sign a border agreement. Russia welcomes the deal.") >= {
        ("RUS", "KGZ", "01"), ("RUS", "TJK", "01")}


def test_an_act_named_by_the_crime_it_would_be() -> None:
    assert ("ARM", "AZE", "11") in roots(
        "Azerbaijan closes the Lachin corridor. Armenia calls the move an act of ethnic cleansing.")
    assert roots("Erdogan calls Israel's offensive in Gaza a genocide.") >= {("TUR", "ISR", "11")}


def test_a_closing_comment_is_the_tellers() -> None:
    assert ("IRN", "ISR", "11") in roots(
        "Iran says Israel attacked its consulate in Damascus with missiles, calling it a terrorist act.")
    assert ("ISR", "IRN", "11") not in roots(
        "Iran says Israel attacked its consulate in Damascus with missiles, calling it a terrorist act.")
