"""Reactions and force in place: disapproval an act defies, aircraft scrambled in answer, force against armed
groups where they are. One class of structure per test, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from multivector.pipeline import code_article
from multivector.records import Article

DATE = dt.date(2024, 5, 1)


def coded(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in code_article(Article.make(text, DATE)).events}


def roots(text: str) -> set[tuple[str, str, str]]:
    return {(s, t, c[:2]) for s, t, c in coded(text)}


def test_disapproval_an_act_defies_is_aimed_at_whoever_acts() -> None:
    # the parser hangs "despite" on the act's object noun: the act is the verb above it
    assert roots("Japan pressed ahead with the release of treated water despite criticism from China.") == {
        ("CHN", "JPN", "11")}
    # "in the face of", "in spite of" read as "despite" (the by-phrase the parser hangs on "face" is the noun's)
    assert roots("Israel expanded the settlement in the face of condemnation by the European Union.") == {
        ("EU", "ISR", "11")}
    assert roots("Turkey bought the S-400 system in spite of objections by the United States.") == {
        ("USA", "TUR", "11")}
    assert roots("Japan went ahead with the plan despite an outcry from South Korea.") == {("KOR", "JPN", "11")}
    # a face that is no preposition names no disapproval
    assert coded("The minister saved face after criticism from China.") == set()


def test_aircraft_scrambled_in_answer_are_a_raised_alert_against_the_provoker() -> None:
    # the infinitive's subject is the object that "prompting" controls, not the main clause's subject
    assert roots("Russian bombers flew near Norwegian airspace, prompting Norwegian fighter jets to scramble.") == {
        ("RUS", "NOR", "15"), ("NOR", "RUS", "15")}
    assert coded("South Korean jets scrambled after Chinese warplanes entered its air defence zone.") == {
        ("KOR", "CHN", "152"), ("CHN", "KOR", "150")}
    assert coded("Japanese officials scrambled to respond.") == set()  # people scrambling raise no alert


def test_a_singular_its_in_a_clause_is_not_that_clauses_plural_subject() -> None:
    assert ("CHN", "KOR", "150") in coded("South Korea said Chinese warplanes entered its air defence zone.")
    # a singular subject keeps its own: "its" is the subject's
    assert coded("China closed its airspace.") == set()


def test_force_against_armed_groups_is_against_the_state_they_are_in() -> None:
    assert roots("Turkey attacked PKK hideouts in northern Iraq.") == {("TUR", "IRQ", "19")}
    assert roots("Iran attacked Kurdish militants in Iraq with missiles and drones.") == {("IRN", "IRQ", "19")}
    # an assault is done to people; a state named only as where is no victim of one
    assert ("IRN", "IRQ", "18") not in roots("Iranian drones attacked Kurdish groups in northern Iraq.")
    assert roots("A mob attacked two Chinese workers in Kyrgyzstan.") == {("KGZ", "CHN", "18")}


def test_killing_near_a_city_is_in_its_state_not_beyond_a_border() -> None:
    assert roots("U.S. airstrikes killed dozens of Islamic State fighters near Mosul, Iraq.") == {("USA", "IRQ", "19")}
    assert roots("Russian troops killed three civilians near Kharkiv.") == {("RUS", "UKR", "19")}
    assert coded("Pakistani troops killed two militants near the Afghan border.") == set()


def test_joined_nationality_names_before_a_plural_noun_modify_it() -> None:
    # the tagger reads "Kyrgyz" as a name heading the subject and "forces" as a verb; both are one subject
    assert coded("Kyrgyz and Tajik forces exchanged fire.") == {("KGZ", "TJK", "190"), ("TJK", "KGZ", "190")}
    assert coded("Kyrgyz and Tajik forces exchanged fire at the border.") == {
        ("KGZ", "TJK", "190"), ("TJK", "KGZ", "190")}


def test_a_measure_rejected_answers_the_state_its_modifier_names() -> None:
    assert roots("The Czech Republic and Slovakia reject EU quotas for refugees.") == {
        ("CZE", "EU", "12"), ("SVK", "EU", "12")}
    assert roots("Iran dismissed American demands.") == {("IRN", "USA", "12")}
    assert coded("Hungary rejects the quotas.") == set()  # no one's


def test_a_state_joining_force_under_way_uses_it_where_it_falls() -> None:
    assert coded("Jordan joined the air campaign over Syria.") == {("JOR", "SYR", "195")}
    assert coded("France joins airstrikes against ISIL in Iraq.") == {("FRA", "IRQ", "195")}
    assert coded("Kazakhstan joined the Eurasian Economic Union.") == set()  # a union joined is no force


def test_what_a_modifier_says_is_anothers_is_answered_in_kind() -> None:
    assert coded("Iran ignores American warnings.") == {("IRN", "USA", "120")}
    assert coded("China opposes Japanese remilitarisation.") == {("CHN", "JPN", "110")}
    # demands a preposition brings are still the modifier's
    assert coded("Uzbekistan agrees to Russian demands.") == {("UZB", "RUS", "083")}
    assert ("UZB", "RUS", "083") not in coded("Uzbekistan agrees to Russian gas prices.")


def test_a_bid_held_up_is_refused_for_now() -> None:
    assert coded("Hungary delays the Swedish bid to join NATO.") == {("HUN", "SWE", "120")}
    assert coded("Bulgaria holds up North Macedonia's accession.") == {("BGR", "MKD", "120")}
    assert coded("Russia delayed gas deliveries to Moldova.") == set()  # no bid: a delivery late is no refusal


def test_the_people_of_states_who_gather_meet() -> None:
    assert coded("The leaders of France and Ukraine gather in Paris for a summit.") == {
        ("FRA", "UKR", "040"), ("UKR", "FRA", "040")}
    assert coded("Envoys of the two Koreas gathered at Panmunjom.") == {("PRK", "KOR", "040"), ("KOR", "PRK", "040")}
    # one side gathering meets no one; a crowd gathering at an embassy protests (14), no meeting
    assert coded("Kazakh officials gathered in Astana.") == set()
    assert {c[:2] for _s, _t, c in coded("Protesters gathered outside the Russian embassy in Kyiv.")} == {"14"}


def test_force_threatened_or_answered_in_force() -> None:
    assert coded("Saudi Arabia threatens military action against Qatar.") == {("SAU", "QAT", "138")}
    assert coded("The EU threatens retaliatory steps against the United States.") == {("EU", "USA", "130")}
    # an answer in force is aimed at whose act it answers; vowed, it is a threat of force
    assert coded("Israel vows to respond forcefully to any attack from Lebanon.") == {("ISR", "LBN", "1384")}
    assert coded("Turkey responded militarily to the Syrian shelling.") == {("TUR", "SYR", "190")}
    assert coded("Japan responded to the Chinese protest.") == set()  # an answer in words is no force


def test_a_killing_by_an_attack_noun_is_that_attack() -> None:
    # the passive's agent names the act that killed: fighting, not a killing beside it
    assert coded("Three militants were killed by a U.S. drone strike in Pakistan.") == {("USA", "PAK", "1952")}
    assert coded("Two Iraqi soldiers were killed by a Turkish drone attack.") == {("TUR", "IRQ", "1952")}
    assert roots("Two Lebanese soldiers were killed by Israeli shelling.") == {("ISR", "LBN", "19")}
    assert roots("A Pakistani soldier was killed by Indian gunfire.") == {("IND", "PAK", "19")}
    assert roots("Two Chinese engineers were killed by Pakistani gunmen.") == {("PAK", "CHN", "18")}


def test_a_noun_of_force_beside_its_verb_is_one_act() -> None:
    # two nouns are two acts, and a visit and the talks held on it are two as well
    assert roots("Israeli airstrikes and artillery shelling hit Hezbollah positions in Lebanon.") == {
        ("ISR", "LBN", "19")}
    assert coded("Obama holds talks with the Vietnamese president during his first visit to Hanoi.") == {
        ("USA", "VNM", "046"), ("USA", "VNM", "042")}


def test_people_held_are_named_past_a_group_the_scheme_does_not_code() -> None:
    assert coded("Turkish police arrest dozens of suspected ISIL members, including two German citizens.") == {
        ("TUR", "DEU", "173")}
    # a person held for serving a state: the arrest is aimed at the state served
    assert coded("Russia detains a man suspected of spying for Ukraine.") == {("RUS", "UKR", "173")}
    assert coded("Iran arrested two people accused of working for Israel.") == {("IRN", "ISR", "173")}
    assert coded("Russia detained a man suspected of theft.") == set()


def test_verbs_joined_before_one_object_each_act_on_it() -> None:
    assert coded("The United States criticised and sanctioned Russia.") == {("USA", "RUS", "111"), ("USA", "RUS", "163")}
    assert coded("Russia condemns and rejects the Ukrainian proposal.") == {("RUS", "UKR", "111"), ("RUS", "UKR", "121")}
    # two verbs of one root tell one act, by its last verb
    assert coded("Turkey arrested and deported two German journalists.") == {("TUR", "DEU", "174")}
    # a verb with its own object keeps it
    assert coded("Bahrain recalled its ambassador and expelled Iranian diplomats.") == {("BHR", "IRN", "161")}


def test_a_crowd_that_sets_fire_to_an_embassy_is_where_the_embassy_is() -> None:
    # the object of a verb's needed preposition is what it acts on, and where the crowd stands
    assert coded("Protesters set fire to the Danish embassy in Damascus.") == {("SYR", "DNK", "145")}
    assert coded("Protesters set fire to tyres in Damascus.") == set()


def test_outlets_ordered_shut_and_what_state_hackers_steal() -> None:
    assert coded("Azerbaijan ordered the BBC to suspend its operations in Baku.") == {("AZE", "GBR", "1721")}
    assert coded("Azerbaijan ordered the BBC to report more fairly.") == set()  # not told to stop
    assert coded("North Korean hackers stole $81 million from Bangladesh's central bank.") == {("PRK", "BGD", "176")}
    assert coded("North Korean smugglers stole cars from Bangladesh.") == set()  # not hackers


def test_air_defences_and_armour_are_the_military() -> None:
    assert coded("Ukrainian air defences shot down 40 Russian drones.") == {("UKR", "RUS", "195")}
    assert coded("Ukrainian air defences shot down 40 of the 50 Russian drones.") == {("UKR", "RUS", "195")}
    # armour named by its state is its army
    assert coded("Turkish tanks rolled into Afrin, Syria.") == {("TUR", "SYR", "192")}


def test_a_visit_during_which_an_object_is_announced_is_to_the_announcing_state() -> None:
    # the parser hangs "during" on the announced noun: the clause's subjects still host the visit
    assert coded("Britain and China announce a golden era of relations during Xi's state visit.") == {
        ("CHN", "GBR", "042")}


def test_shelling_is_artillery_told_by_its_own_verb() -> None:
    assert coded("Kyiv says Russian forces shelled a school in Donetsk.") == {("RUS", "UKR", "194")}


def test_an_amount_given_is_refined_by_the_kind_named_after_it() -> None:
    assert coded("China provides $2 billion in loans to Venezuela.") == {("CHN", "VEN", "071")}
    assert coded("China provides $2 billion to Venezuela.") == {("CHN", "VEN", "070")}


def test_a_mediator_named_by_a_with_phrase_mediates_between_the_clause_subjects() -> None:
    # gold rule 5: the mediator's 045 toward each party, and no meeting or talks between the parties
    assert coded("The presidents of Colombia and Venezuela meet in Quito to discuss the border dispute, "
                 "with mediation by Ecuador.") == {("ECU", "COL", "045"), ("ECU", "VEN", "045")}
    # a mediation only discussed is no act
    assert coded("Colombia and Venezuela discussed mediation by Ecuador.") == {
        ("COL", "VEN", "046"), ("VEN", "COL", "046")}


def test_an_own_plan_told_to_someone_is_an_intention_toward_them() -> None:
    # gold rule 6: "will" is intent; told to the addressee, it is aimed at the addressee (030, not a plain 010)
    assert coded("Kazakhstan's foreign minister tells the UN Human Rights Council that Astana will set up a "
                 "truth commission.") == {("KAZ", "UN", "030")}
    assert coded("Kazakhstan's foreign minister told the UN Human Rights Council that Astana had set up a "
                 "truth commission.") == {("KAZ", "UN", "010")}


def test_a_reaction_with_no_addressee_answers_the_act_that_prompted_it() -> None:
    # an ambassador recalled, a move condemned: aimed at whoever did what prompted it
    assert coded("Lithuania allowed Taiwan to open an office, prompting China to recall its ambassador.") == {
        ("CHN", "LTU", "161")}
    assert coded("China recalled its ambassador after Lithuania allowed Taiwan to open an office.") == {
        ("CHN", "LTU", "161")}
    assert coded("Lithuania allowed Taiwan to open an office, prompting China to condemn the move.") == {
        ("CHN", "LTU", "111")}
    # an ambassador recalled from a named capital is recalled from it, whatever came before
    assert coded("After the vote, Turkey recalled its ambassador from Vienna.") == {("TUR", "AUT", "161")}


def test_rejecting_a_claim_about_oneself_denies_an_accusation() -> None:
    # gold rule 7: a rejected accusation is 016 toward the accuser
    assert coded("Kazakhstan rejected Moscow's claims that it was helping Ukraine.") == {("KAZ", "RUS", "016")}
    assert coded("Kazakhstan rejected the Russian claims that Kazakh firms were supplying Ukraine.") == {
        ("KAZ", "RUS", "016")}
    # a claim about someone else, or a suggestion of what to do, is rejected (12)
    assert coded("Kazakhstan rejected Moscow's claims that Ukraine was losing the war.") == {("KAZ", "RUS", "120")}
    assert roots("Uzbekistan rejected Moscow's suggestion that it rejoin the CSTO.") == {("UZB", "RUS", "12")}


def test_a_feeling_about_another_states_act_said_with_be_judges_it() -> None:
    assert coded("Washington was disappointed by India's decision.") == {("USA", "IND", "111")}
    assert coded("Japan is alarmed by China's military buildup.") == {("JPN", "CHN", "111")}
    assert coded("The Kremlin said it was concerned about Astana's decision.") == {("RUS", "KAZ", "111")}
    assert coded("Kyiv is grateful to Berlin for its support.") == {("UKR", "DEU", "051")}
    # a feeling denied, or one only foreseen, judges nothing; nor does a feeling about no one
    assert coded("Russia is not concerned about NATO expansion.") == set()
    assert coded("China would be unhappy with a Japanese visit.") == set()
    assert coded("Kazakhstan is worried about inflation.") == set()


def test_jets_scrambled_in_the_passive_answer_who_provoked_it() -> None:
    # the state of the jets scrambles them; "when" read as the clause's adverb still opens it
    assert coded("Polish fighter jets were scrambled when Russian bombers approached Polish airspace.") == {
        ("POL", "RUS", "152")}
    assert coded("NATO fighter jets were scrambled when Russian bombers approached Latvian airspace.") == {
        ("NATO", "RUS", "152")}


def test_a_cooperative_act_stopped_reduces_relations() -> None:
    assert coded("Slovakia stopped supplying diesel to Ukraine.") == {("SVK", "UKR", "163")}
    assert coded("Turkey stopped sharing intelligence with Israel.") == {("TUR", "ISR", "160")}
    # in the stopping verb's modality: threatened, it is a threat of sanctions
    assert coded("Hungary threatened to stop supplying electricity to Ukraine.") == {("HUN", "UKR", "1312")}
    # fighting stopped did not happen; a stop said impossible is none
    assert coded("Russia stopped shelling Kharkiv.") == set()
    assert coded("Erdogan says that it is impossible for his country to stop buying oil from Iran.") == set()


def test_only_an_act_is_admitted_not_a_standing_state() -> None:
    assert coded("Iran admitted that its forces had shot down a Ukrainian airliner.") == {
        ("IRN", "UKR", "015"), ("IRN", "UKR", "195")}
    assert coded("Tokayev acknowledged that Kazakhstan relied on Russia for oil transit.") == set()


def test_a_retaliation_against_a_measure_is_no_force() -> None:
    # answering tariffs or sanctions reduces relations (16), and a vow to do so threatens it (13), never force
    assert coded("China retaliates against U.S. tariffs.") == {("CHN", "USA", "160")}
    assert {c[:2] for _s, _t, c in coded("China vows to retaliate against U.S. sanctions.")} == {"13"}
    # answering an attack stays force
    assert coded("Russia retaliates against Ukraine's drone attack.") == {("RUS", "UKR", "190")}


def test_a_blocs_presence_or_policy_is_the_bloc_acting() -> None:
    # "Western" before a stance or a presence names the West; before a region it names no one
    assert roots("The Kremlin said it was concerned about the growing Western presence in Central Asia.") == {
        ("RUS", "WST", "11")}
    assert roots("China criticised Western policy in the region.") == {("CHN", "WST", "11")}
    assert roots("Tokayev visited Western Kazakhstan.") == set()


def test_words_that_blame_make_a_judgement_criticism() -> None:
    assert roots("Aliyev called France's policy destructive.") == {("AZE", "FRA", "11")}
    assert roots("Beijing called the U.S. report a smear.") == {("CHN", "USA", "11")}
    # a word of praise is no criticism
    assert roots("Aliyev called France's policy constructive.") <= {("AZE", "FRA", "05")}


def test_a_response_to_come_is_a_threat_and_one_told_as_done_is_its_means() -> None:
    assert coded("Russia will respond to NATO's expansion, Lavrov said.") == {("RUS", "NATO", "130")}
    assert coded("Iran vowed to hit back at Israel.") == {("IRN", "ISR", "130")}
    # done: the response is what it did, and an angry reply threatens nothing
    assert roots("Russia responded angrily to the decision of Poland.") <= {("RUS", "POL", "11")}
    assert not any(r == "13" for _s, _t, r in roots("Russia responded to the sanctions by expelling Polish diplomats."))
