"""What a pronoun, a passive subject or a modifier stands for: the noun behind "he", the visitor expected
somewhere, the organisation a force belongs to, who uses a flow supplied. On sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from multivector.pipeline import code_article
from multivector.records import Article

DATE = dt.date(2024, 5, 1)


def coded(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in code_article(Article.make(text, DATE)).events}


def ties(text: str) -> set[tuple[str, str, str]]:
    return {(t.a, t.b, t.type) for t in code_article(Article.make(text, DATE)).ties}


def test_a_pronoun_object_refines_the_verb_by_the_noun_it_stands_for() -> None:
    # "he" is the envoy just named: summoning an envoy is a protest (114), not a bare summons
    assert ("KOR", "JPN", "114") in coded(
        "Japan recalled its ambassador to Seoul after he was summoned by the South Korean foreign ministry.")
    assert coded("China's ambassador made remarks about Taiwan; he was later summoned by the Philippine "
                 "foreign ministry.") == {("PHL", "CHN", "114")}
    # a "he" standing for a leader refines nothing: summoning a president names no protest
    assert coded("Putin met Erdogan, and he was later summoned.") == {("RUS", "TUR", "040")}


def test_an_official_expected_somewhere_is_a_visit_announced() -> None:
    assert coded("Blinken is expected in Kyiv on Thursday.") == {("USA", "UKR", "036")}
    assert coded("Tokayev is due in Beijing next week for a summit with Xi Jinping.") == {("KAZ", "CHN", "036")}
    # things expected or due somewhere visit no one
    assert coded("Growth is expected in Russia next year.") == set()
    assert coded("The report is due in Brussels next week.") == set()


def test_forces_withdrawn_in_the_passive_are_their_state_s() -> None:
    assert coded("Russian troops were withdrawn from Syria.") == {("RUS", "SYR", "087")}


def test_an_organisation_before_a_force_is_its_own_not_the_receiver() -> None:
    # the parser may read "CSTO" as the indirect object of "sent"; a force named by role belongs to it
    assert coded("Russia sent CSTO peacekeepers during the unrest in Kazakhstan.") == {("RUS", "KAZ", "074")}
    assert coded("Russia sent NATO troops.") == set()
    # a state before an amount is still the receiver
    assert ("EU", "TUR", "0331") in coded("The EU offered Turkey 3 billion euros.")


def test_a_flow_supplied_goes_to_whoever_uses_it() -> None:
    assert ties("Kazakhstan supplies about 40 percent of the uranium used by French reactors.") == {
        ("FRA", "KAZ", "energy")}
    assert ties("Russia supplies most of the gas consumed in Armenia.") == {("ARM", "RUS", "energy")}
    # a participle of no use names no user
    assert ties("Russia supplies most of the gas stored in Armenia.") == set()


def test_a_dashed_pair_of_states_before_an_act_names_both() -> None:
    # the parser makes the name before the dash a compound of the adjective after it
    assert coded("North Korea condemned the US-South Korean drills.") == {("PRK", "USA", "111"), ("PRK", "KOR", "111")}
    assert coded("Iran condemned the US-Israeli strikes.") == {("IRN", "USA", "111"), ("IRN", "ISR", "111")}
    assert coded("US-Israeli strikes killed 20 people in Iran.") == {("USA", "IRN", "195"), ("ISR", "IRN", "195")}
    # a state before a dashed participle backs the force; it is no party to its act
    assert coded("United States-supported Somali forces killed 10 Somalis.") == set()
    # a dual national is still the first state's (gold: the citizenship news names first)
    assert coded("Iran arrested a British-Iranian aid worker.") == {("IRN", "GBR", "173")}


def test_a_leader_before_the_name_he_is_called_is_its_target() -> None:
    # the parser hangs "Xi" on "dictator" as a modifier: the one named right after the verb is the one called it
    assert coded("Biden called Xi a dictator.") == {("USA", "CHN", "111")}
    assert coded("Washington offered Zelensky more help.") == {("USA", "UKR", "033")}
    assert coded("Baerbock called China a threat.") == {("DEU", "CHN", "111")}


def test_a_definite_act_noun_refers_back_to_the_one_actor_of_the_sentence_before() -> None:
    # the first sentence names one actor, so it is never parsed: its act is known only by its doer
    assert coded("China announced new export controls on gallium. The European Union criticised the decision.") == {
        ("EU", "CHN", "111")}
    # a sentence before that names two actors says nothing of whose act it was
    assert coded("Gallium is mined in China and Japan. The European Union criticised the decision.") == set()
    # nor does a decision with nothing told before it
    assert coded("The European Union criticised the decision.") == set()


def test_an_envoy_summoned_with_no_agent_is_summoned_by_the_state_he_is_sent_to() -> None:
    assert coded("The Russian ambassador to Poland was summoned to the foreign ministry.") == {("POL", "RUS", "114")}
    # with no host named, no one is known to have summoned him
    assert coded("The Chinese ambassador was summoned.") == set()


def test_it_after_a_reaction_is_the_act_reacted_to() -> None:
    assert ("USA", "PRK", "111") in coded("North Korea launches a satellite. Japan and South Korea condemn the launch, "
                                          "and the United States calls it a violation of UN resolutions.")
    # with no reaction before it, "it" is the act just told
    assert ("RUS", "TUR", "111") in coded("Turkey shot down a Russian bomber, and Putin called it a stab in the back.")


def test_a_city_state_named_as_the_venue_is_not_one_of_the_two_sides() -> None:
    got = coded("The Chinese defence minister meets his American counterpart in Singapore. "
                "The two sides agree to keep military channels open.")
    assert not any("SGP" in (s, t) for s, t, _c in got)


def test_the_host_of_talks_an_act_is_agreed_in_is_no_party_to_it() -> None:
    assert coded("Colombia and the ELN rebels agree to a six-month ceasefire in talks hosted by Cuba.") == set()
    # the talks' partner is
    assert coded("Russia agreed to a ceasefire in talks with Ukraine.") == {("RUS", "UKR", "087")}


def test_a_flow_of_people_stemmed_is_no_embargo() -> None:
    assert coded("Russia cut the flow of gas to Ukraine.") == {("RUS", "UKR", "163")}
    assert coded("Hungary moved to halt the flow of migrants from Serbia.") == set()
    assert coded("Turkey stopped the flow of refugees to Greece.") == set()


def test_a_trader_named_by_what_he_trades_is_a_person_handed_over() -> None:
    # "arms dealer": the compound is his trade, not arms delivered (072)
    assert coded("Washington handed over a Russian arms dealer to Moscow.") == {("USA", "RUS", "0841")}
    assert coded("Washington handed over Russian arms to Kyiv.") == {("USA", "UKR", "072")}


def test_a_guarantee_offered_is_no_standing_tie() -> None:
    assert ties("Turkey is ready to act as a guarantor of any deal between Russia and Ukraine.") == set()
    assert ties("Turkey acts as a guarantor of the deal between Russia and Ukraine.") == {
        ("RUS", "TUR", "security"), ("UKR", "TUR", "security")}
    # a status a participle underscores stands
    assert ties("Russian and Belarusian troops began joint drills on Thursday, underscoring Minsk's status as "
                "Moscow's closest military ally.") == {
        ("BLR", "RUS", "security")}


def test_a_breakaway_or_plural_republic_is_no_state_named_before() -> None:
    # "the breakaway republics" are not Moscow, the nearest state: recognising them is not refusing Russia
    assert coded("A Kremlin spokesman said Moscow respected Kazakhstan's decision not to recognise the breakaway "
                 "republics.") == set()
    # a singular one still takes up the state named before
    assert coded("Erdogan arrived in Bishkek on Monday. Later, the former Soviet republic signed a defence deal "
                 "with Turkey.") == {("TUR", "KGZ", "042"), ("KGZ", "TUR", "057")}


def test_a_leaders_kin_or_aide_in_apposition_acts_for_the_leaders_government() -> None:
    assert coded("Jang Song-thaek, Kim Jong-un's uncle, met Hu Jintao.") == {("PRK", "CHN", "040")}
    assert coded("Jang Song-thaek, an adviser to North Korean leader Kim Jong-un, meets Chinese leader "
                 "Hu Jintao.") == {("PRK", "CHN", "040")}
    # a private person's kin is no government
    assert coded("John Smith, the son of a British businessman, met Wang Yi.") == set()


def test_the_city_a_visitor_arrives_in_is_a_party_to_what_the_two_leaders_do() -> None:
    # "arrived in Beijing" names the host; "met in Sochi" only where the two met
    assert ("CHN", "KAZ", "057") in coded("Kazakh President Kassym-Jomart Tokayev arrived in Beijing on Tuesday for a "
                                          "state visit. During the talks, the two leaders signed 15 agreements.")
    assert coded("Tokayev and Putin met in Sochi. The two leaders discussed gas supplies.") == {
        ("KAZ", "RUS", "040"), ("RUS", "KAZ", "040"), ("KAZ", "RUS", "046"), ("RUS", "KAZ", "046")}


def test_a_flow_routed_through_another_state_depends_on_it() -> None:
    assert ties("Around 80% of Kazakhstan's oil exports pass through Russia via the CPC pipeline.") == {
        ("KAZ", "RUS", "energy")}
    assert ties("Most of Kazakhstan's oil exports go through Russia.") == {("KAZ", "RUS", "energy")}
    # a shipment once made, or a flow foreseen, is no standing tie
    assert ties("Kazakhstan shipped oil through Russia last year.") == set()
    assert ties("Kazakh oil will flow through Azerbaijan.") == set()


def test_a_debt_is_an_aid_tie_whatever_its_creditor_is_called() -> None:
    assert ties("Kyrgyzstan owes China's Export-Import Bank about $1.7 billion.") == {("KGZ", "CHN", "aid")}


def test_an_agentless_passive_expulsion_or_summons_is_the_host_states() -> None:
    assert coded("Three Russian diplomats were ordered to leave Moldova.") == {("MDA", "RUS", "161")}
    assert coded("The Russian ambassador was summoned to the foreign ministry in Astana.") == {
        ("KAZ", "RUS", "114")}


def test_a_subject_it_is_no_plural_subject_s_state() -> None:
    # "Russian officials" are "they": the singular state named after them did what the clause says
    assert ("KAZ", "UKR", "073") in coded(
        "Russian officials accused Kazakhstan of ingratitude after it sent humanitarian aid to Ukraine.")
    assert ("RUS", "UKR", "073") not in coded(
        "Russian officials accused Kazakhstan of ingratitude after it sent humanitarian aid to Ukraine.")
    # with no other state in the sentence, the plural's state is still "it"
    assert ("RUS", "UKR", "073") in coded("Russian officials said it sent humanitarian aid to Ukraine.")


def test_coercion_named_by_a_noun_with_no_doer_is_the_host_state_s() -> None:
    # as for the agentless passive ("were arrested in Kuwait"): the state where it happened did it
    assert ("RUS", "USA", "173") in coded("The arrest in Moscow of an American journalist strained relations.")
    assert ("IRN", "USA", "173") in coded("Washington condemned the detention of two U.S. citizens in Iran.")
    assert ("DEU", "RUS", "161") in coded("The expulsion of 40 Russian diplomats from Germany was announced.")
    # a named doer comes first; a place of the target's own state is no doer
    assert coded("The arrest of Russian activists in Russia drew criticism.") == set()


def test_an_act_named_by_a_noun_belongs_to_its_by_phrase() -> None:
    got = coded("The downing of a Russian jet by Turkey angered Moscow.")
    assert ("TUR", "RUS", "195") in got  # the downing is shooting down (a deverbal noun)
    assert ("RUS", "TUR", "111") in got  # and the state it angered disapproves of its doer


def test_the_capital_with_its_name_beside_it_is_that_capital() -> None:
    # not the last state named before: Pakistan only abstained
    got = coded("Pakistan abstained, as Russian forces launch drones at the region around the capital Kyiv.")
    assert {t for _s, t, _c in got} == {"UKR"}
    assert coded("China's envoy visited the capital, Tashkent.") == {("CHN", "UZB", "042")}


def test_eurozone_ministers_are_the_eu() -> None:
    assert ("EU", "GRC", "122") in coded("Eurozone finance ministers reject Greece's request for an extension of "
                                         "its bailout.")


def test_the_former_and_the_latter_are_the_two_states_named_before() -> None:
    # across a sentence: "the former", once resolved, is no third state for "the latter"
    assert ("ARM", "AZE", "112") in coded(
        "Armenia and Azerbaijan met in Brussels. The former accused the latter of violating the truce.")
    assert ("CHN", "JPN", "111") in coded("Japan and China held talks; the latter criticised the former's defence spending.")


def test_an_unknown_name_with_an_office_in_apposition_is_the_he_that_follows() -> None:
    # "he" is the envoy of the apposition, a person of his state
    assert ("PRK", "MYS", "111") in coded(
        "Malaysia expelled Kang Chol, North Korea's ambassador, after he criticised Malaysia.")


def test_its_never_stands_for_a_person_named_by_a_nationality() -> None:
    # "a Jordanian fisherman ... its navy": the fisherman is no "it"; the navy is Israel's
    got = coded("Israel returns a Jordanian fisherman arrested by its navy.")
    assert ("JOR", "ISR", "173") not in got and ("ISR", "JOR", "0841") in got
    # a company or an army named by its nation is an "it"
    assert coded("The Turkish army said its jets struck Syria.") == {("TUR", "SYR", "195")}


def test_a_later_it_goes_on_telling_of_a_craft_its_owner_sent() -> None:
    # the craft that was the main clause's subject, and through its "its" the state that owns it
    got = coded("A Russian drone entered Polish airspace before it was shot down by NATO jets.")
    assert ("NATO", "RUS", "195") in got
    got = coded("Moscow denied that its Su-24 bomber had strayed into Turkish airspace before it was shot down by "
                "Turkish F-16 fighters.")
    assert ("TUR", "RUS", "195") in got
    # a craft of no named state: no target
    assert coded("A drone entered Polish airspace before it was shot down by NATO jets.") == set()
    # a craft that was the object stays first
    assert ("TUR", "RUS", "195") in coded("Turkey shot down a Russian jet after it violated its airspace.")


def test_them_is_a_nations_people_last_named_as_subject() -> None:
    # "one of them": the Russian lawmakers of the sentence before
    assert ("RUS", "KAZ", "112") in coded(
        "Russian lawmakers criticised Kazakhstan. One of them accused Astana of ingratitude.")
    # officials who say what "they" will do speak for their state
    assert coded("Chinese officials said they would impose sanctions on Lithuania.") == {("CHN", "LTU", "1312")}
    # a nearer plural is what "them" counts: missiles, not the forces that fired them
    assert coded("Houthi forces fired missiles at Saudi Arabia. Saudi air defences intercepted seven missiles, "
                 "three of them near Riyadh.") <= {("YEM", "SAU", "190"), ("YEM", "SAU", "195")}


def test_we_in_what_a_speaker_says_is_the_speakers_state() -> None:
    # a quotation attributed after it, a that-clause, a description of the speaker by nationality
    assert coded("“We condemn Russia’s attack on Ukraine,” Macron said.") >= {("FRA", "RUS", "111")}
    assert coded("Lavrov said we would respond to NATO's expansion.") == {("RUS", "NATO", "130")}
    assert ("DEU", "UKR", "0332") in coded("\"We will send more weapons to Ukraine,\" the German chancellor said.")
    # across the sentence end inside one quotation, attributed after it closes
    assert coded("“We will respond to NATO’s expansion. Our answer will be tough,” Lavrov said.") == {
        ("RUS", "NATO", "130")}
    # a quotation no one is said to have said has no speaker
    assert coded("“We will respond to NATO’s expansion.” Lavrov left the room.") == set()


def test_a_joint_intent_referred_back_to_is_both_sides() -> None:
    # the agreement the two leaders reached: welcoming it welcomes both
    got = coded("Kyrgyzstan and Tajikistan agreed to reopen their border crossings. Russia welcomed the decision.")
    assert {("RUS", "KGZ"), ("RUS", "TJK")} <= {(s, t) for s, t, _c in got}
