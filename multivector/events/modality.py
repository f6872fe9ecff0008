"""What the clause around a predicate does to its event: intent, refusal, threat, negation, hedges.

Mechanisms over dependency structure, not lexicon entries: "plans to visit" ->
036, "refused to support" -> 12x, "threatened to impose sanctions" -> 13x,
"did not meet" -> nothing, "reportedly", "may" -> lower confidence,
"X said Y did Z" -> Y's event with X as speaker, "accused Y of Z" -> Z not coded.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from .. import yamlfast
from ..errors import LexiconError
from . import cameo, patterns


@dataclass(frozen=True, slots=True)
class Words:
    """A language's modality words (data/<lang>/modality.yaml)."""

    intent_heads: frozenset[str]
    consider_heads: frozenset[str]
    accord_heads: frozenset[str]
    intent_noun_heads: frozenset[str]
    response_nouns: frozenset[str]
    signed_acts: frozenset[str]
    act_nouns: frozenset[str]
    refuse_heads: frozenset[str]
    affirming_negations: frozenset[str]
    open_negations: frozenset[str]
    telling_verbs: frozenset[str]
    comment_participles: frozenset[str]
    threat_heads: frozenset[str]
    report_verbs: frozenset[str]
    accuse_verbs: frozenset[str]
    alleging_verbs: frozenset[str]
    alleging_nouns: frozenset[str]
    tension_nouns: frozenset[str]
    warning_nouns: frozenset[str]
    deter_verbs: frozenset[str]
    defence_verbs: frozenset[str]
    casualty_verbs: frozenset[str]
    backing_nouns: frozenset[str]
    backing_participles: frozenset[str]
    force_nouns: frozenset[str]
    gratitude_verbs: frozenset[str]
    blame_adjectives: frozenset[str]
    harm_nouns: frozenset[str]
    unreal_predicates: frozenset[str]
    unreal_nouns: frozenset[str]
    tension_preps: frozenset[str]
    hedge_words: frozenset[str]
    hedge_aux: frozenset[str]
    future_aux: frozenset[str]
    deontic_aux: frozenset[str]
    force_agents: frozenset[str]
    official_victims: frozenset[str]
    force_adverbs: frozenset[str]
    conditional_marks: frozenset[str]
    request_heads: frozenset[str]
    request_ccomp: frozenset[str]
    avoid_heads: frozenset[str]
    opposed_preps: frozenset[str]
    proposal_nouns: frozenset[str]
    announced_nouns: frozenset[str]
    origin_participles: frozenset[str]
    giving_participles: frozenset[str]
    summary_nouns: frozenset[str]
    onset_verbs: frozenset[str]
    main_participles: frozenset[str]
    relation_nouns: frozenset[str]
    mutual_objects: frozenset[str]
    partnered_objects: frozenset[str]
    judged_measures: frozenset[str]
    reaction_verbs: frozenset[str]
    judging_verbs: frozenset[str]
    arrival_verbs: frozenset[str]
    outbreak_verbs: frozenset[str]
    figurative_foes: frozenset[str]
    bomb_nouns: frozenset[str]
    bomb_makers: frozenset[str]
    verbless_heads: frozenset[str]
    regard_verbs: frozenset[str]
    people_holders: frozenset[str]
    remains_nouns: frozenset[str]
    civilian_envoys: frozenset[str]
    conflict_nouns: frozenset[str]
    own_act_heads: frozenset[str]
    boundary_nouns: frozenset[str]
    resulting_states: frozenset[str]
    completion_verbs: frozenset[str]
    deverbal_governors: frozenset[str]
    response_verbs: frozenset[str]
    topic_preps: frozenset[str]
    speech_nouns: frozenset[str]
    trial_heads: frozenset[str]
    restriction_heads: frozenset[str]
    flow_heads: frozenset[str]
    entourage_nouns: frozenset[str]
    displeased_words: frozenset[str]
    pleased_words: frozenset[str]
    feeling_preps: frozenset[str]
    cessation_heads: frozenset[str]
    authorship_verbs: frozenset[str]
    origin_verbs: frozenset[str]
    wrongdoing_verbs: frozenset[str]
    truce_nouns: frozenset[str]
    finding_verbs: frozenset[str]
    penalty_words: frozenset[str]
    advocacy_verbs: frozenset[str]
    kind_heads: frozenset[str]
    link_adjectives: frozenset[str]
    crowd_nouns: frozenset[str]
    reducing_verbs: frozenset[str]
    future_times: frozenset[str]
    future_time_modifiers: frozenset[str]
    future_time_nouns: frozenset[str]
    announce_verbs: frozenset[str]
    background_adverbs: frozenset[str]
    perfect_background_adverbs: frozenset[str]
    negative_determiners: frozenset[str]
    support_purposes: frozenset[str]
    aided_purposes: frozenset[str]
    measure_nouns: frozenset[str]
    motion_verbs: frozenset[str]
    sending_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    unreal_verbs: frozenset[str]
    mass_words: frozenset[str]
    place_nouns: frozenset[str]
    route_nouns: frozenset[str]
    route_verbs: frozenset[str]
    vicinity_nouns: frozenset[str]
    vicinity_verbs: frozenset[str]
    impact_verbs: frozenset[str]
    fired_weapons: frozenset[str]
    dative_verbs: frozenset[str]
    verdict_verbs: frozenset[str]
    joining_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    background_modifiers: frozenset[str]
    history_nouns: frozenset[str]
    alleged_modifiers: frozenset[str]
    planned_modifiers: frozenset[str]
    background_preps: frozenset[str]
    standing_preps: frozenset[str]
    aspect_heads: frozenset[str]
    barring_heads: frozenset[str]
    span_nouns: frozenset[str]
    span_preps: frozenset[str]
    span_modifiers: frozenset[str]
    recent_time_words: frozenset[str]
    unrealised_heads: frozenset[str]
    alleged_adverbs: frozenset[str]
    near_miss_adverbs: frozenset[str]
    list_heads: frozenset[str]
    object_control_verbs: frozenset[str]
    governing_verbs: frozenset[str]
    report_nouns: frozenset[str]
    denial_verbs: frozenset[str]
    accusation_nouns: frozenset[str]
    sanctioned_verbs: frozenset[str]
    civilian_sites: frozenset[str]
    sign_nouns: frozenset[str]
    burnt_signs: frozenset[str]
    burning_verbs: frozenset[str]
    crowd_place_nouns: frozenset[str]
    weekdays: frozenset[str]
    landing_verbs: frozenset[str]
    day_times: frozenset[str]
    ing_nouns: frozenset[str]


@functools.cache
def words(lang: str = "en") -> Words:
    path = patterns.data_dir(lang) / "modality.yaml"
    data = _data(lang)
    try:
        return Words(**{f: frozenset(str(w) for w in data[f]) for f in Words.__dataclass_fields__})
    except KeyError as exc:
        raise LexiconError(str(path), f"missing list {exc}; every field of modality.Words is required") from exc


@dataclass(frozen=True, slots=True)
class Modality:
    """How the clause context changes an event: transform, drop, confidence, speaker token."""

    drop: str | None = None  # reason not to code ("negated", "conditional", "question", "alleged")
    transform: str | None = None  # "intent" | "refuse" | "threat" | "demand" | "consider" | "open" (not ruled out)
    confidence: float = 1.0
    speaker: Token | None = None
    governor: Token | None = None  # the word that caused the transform
    conditional: bool = False  # the clause has an if-clause: a conditional threat or offer, not an act


@functools.cache
def _data(lang: str = "en") -> dict[str, Any]:
    """data/<lang>/modality.yaml, read and parsed once per process."""
    return yamlfast.safe_load((patterns.data_dir(lang) / "modality.yaml").read_text(encoding="utf-8")) or {}


def _codes(key: str, lang: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in (_data(lang).get(key) or {}).items()}


@functools.cache
def ceased_codes(lang: str = "en") -> dict[str, str]:
    """Cooperative acts (by code prefix) -> what stopping them is (data/<lang>/modality.yaml ceased_codes)."""
    return _codes("ceased_codes", lang)


def ceased_code(code: str, governor: Token) -> str | None:
    """The reduction of relations that stopping a cooperative act is ("stopped supplying diesel to Ukraine":
    163; "halted military aid deliveries": 1622), or None for an act stopping it is not (fighting stopped)."""
    if governor.lemma_.lower() not in words().cessation_heads:
        return None
    return patterns.by_prefix(ceased_codes(), code)


@functools.cache
def bombing_codes(lang: str = "en") -> dict[str, str]:
    """Means that make a killing a bombing (183): "a suicide bomber killed ..." (data/<lang>/modality.yaml)."""
    return _codes("bombing_codes", lang)


@functools.cache
def weapon_codes(lang: str = "en") -> dict[str, str]:
    """Weapon nouns -> the CAMEO 19x code fighting with them is (data/<lang>/modality.yaml, gold rule 10)."""
    return _codes("weapon_codes", lang)


@functools.cache
def withdrawn_codes(lang: str = "en") -> dict[str, str]:
    """Forces whose withdrawal from a whole state ends a presence (166 family), by head noun."""
    return _codes("withdrawn_codes", lang)


@functools.cache
def mass_codes(lang: str = "en") -> dict[str, str]:
    """Acts that become mass violence (20x) when done to hundreds or more (data/<lang>/modality.yaml)."""
    return _codes("mass_codes", lang)


def transformed(code: str, kind: str) -> str:
    """The code of an intention, refusal or threat (or appeal, demand) to do ``code`` (data/families.tsv)."""
    # An intention to threaten is the threat; "would consider" is still considering (01x); a refusal stays a
    # refusal, a threat a threat.
    own = {"intent": ("03", "13", "01"), "refuse": ("12",), "threat": ("13",), "appeal": ("02",), "demand": ("10",)}[kind]
    if code.startswith(own):
        return code
    return patterns.load().family(code, kind)


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children)


def _keeps_open(t: Token, W: Words) -> bool:
    """A refusal verb of ``open_negations`` ("rule out", "exclude"): negated, it keeps an option open."""
    low = t.lemma_.lower()
    return low in W.open_negations and (low != "rule" or any(c.dep_ == "prt" and c.lower_ == "out"
                                                             for c in t.children))


def _no_longer(t: Token) -> bool:
    """"No longer" on the verb: a stance withdrawn ("no longer recognizes Yanukovych")."""
    return any(c.dep_ == "advmod" and c.lower_ == "longer" and c.i > 0 and t.doc[c.i - 1].lower_ == "no"
               for c in t.children)


def _aux(t: Token) -> set[str]:
    return {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}


def _inverted_conditional(t: Token) -> bool:
    """"Had X signed ...", "Were Y to attack ...", "Should Z refuse ...": an auxiliary before the subject."""
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "were", "should")
                                    and c.i < subj.i for c in t.children)


def analyse(verb: Token, *, negation_refuses: bool = False, question: bool | None = None,
            year: int | None = None) -> Modality:
    """Walk from a predicate up its clause chain and say what the context does to its event.

    ``question``: whether the sentence is a question, when the caller knows (saves rebuilding it)."""
    W = words()
    if question is None:
        question = verb.sent.text.rstrip().endswith("?")
    if question:
        return Modality(drop="question")
    transform: str | None = None
    governor: Token | None = None
    confidence = 1.0
    speaker: Token | None = None
    conditional = False
    via_of = False  # the last step came up through "of"/"for"/"over"
    in_chain = False  # reached from the act only through complements ("begin easing", "plans to send")
    t = verb
    first = True
    depth = 0
    while depth < 8:
        depth += 1
        aux = _aux(t)
        if any(c.dep_ == "advmod" and c.lower_ in W.alleged_adverbs for c in t.children):
            # "two Palestinians allegedly killed by Israeli soldiers", "arrested for allegedly spying": only
            # alleged, so not coded (gold rule 8), as an act named by an accusing verb is not
            return Modality(drop="alleged")
        if first and any(c.dep_ == "advmod" and c.lower_ in W.near_miss_adverbs for c in t.children):
            return Modality(drop="unrealised")  # "Russian bombers almost entered Latvian airspace": they did not
        if any(c.lower_ in W.hedge_words for c in t.children) or aux & W.hedge_aux:
            confidence = min(confidence, 0.6)
        if any(c.dep_ == "mark" and c.lower_ in W.conditional_marks for c in t.children) and not (
                t.dep_ in ("xcomp", "ccomp") and t.head.lemma_.lower() in W.consider_heads):
            return Modality(drop="conditional")  # (but "weighs whether to demand" weighs the demand: 014)
        if first and any(c.dep_ == "advmod" and (c.lower_ in W.background_adverbs or (
                c.lower_ in W.perfect_background_adverbs and aux & {"had", "has", "have"})) for c in t.children):
            return Modality(drop="background")  # "Russia, which had long mediated", "the UN previously accused"
        if first and t.tag_ == "VBG" and t.dep_ == "pcomp" and t.head.lower_ in W.topic_preps and \
                t.head.head.lemma_.lower() in W.speech_nouns:
            return Modality(drop="topic")  # "remarks about killing Russians", "talks on lifting sanctions": a topic
        if first and t.dep_ == "advcl" and t.tag_ in ("VBD", "VBN") and t.head.dep_ in ("relcl", "acl") and \
                t.head.tag_ in ("VBD", "VBN") and any(c.dep_ == "mark" and c.lower_ in ("after", "since", "when", "before")
                                                     for c in t.children):
            # "the trade restrictions Moscow imposed after Turkey shot down a Russian warplane": what a noun's
            # past relative clause dates itself by is its history (gold rule 9)
            return Modality(drop="background")
        if first and _over_a_span(t, W):
            return Modality(drop="background")  # "killed 64 civilians in air strikes over the past year": a tally
        if first and t.dep_ == "advcl" and t.tag_ == "VBD" and any(c.dep_ == "mark" and c.lower_ == "since"
                                                                  for c in t.children) and not _dated(t, W):
            # "the first visit since Russia invaded Ukraine": the point a span is counted from is history (gold
            # rule 9); "since talks collapsed on Monday" is dated and stays
            return Modality(drop="background")
        if first and transform is None and _no_longer(t):
            # "no longer recognizes Yanukovych as president", "will no longer accept": a stance withdrawn is
            # refused (12x), not held
            transform, governor = "refuse", t
        elif not first and transform is None and _negated(t) and t.lemma_.lower() in W.affirming_negations:
            # "would not hesitate to launch an operation": the negation of a doubt affirms the act, intended
            # when said of the future ("did not hesitate to criticise" criticised)
            if aux & W.future_aux:
                transform, governor = "intent", t
        elif first and transform is None and _negated(t) and _keeps_open(t, W):
            # "has not ruled out military action against Iran": the option named by the object kept open (the
            # coder codes the act the object names, readings.open_option)
            transform, governor = "open", t
        elif _negated(t):
            # "would never recognise", "would not negotiate": a refusal, not a plain negation (gold rule 7).
            never_future = bool(aux & W.future_aux)
            # A negated stance refuses ("does not recognise"); a negated record does not ("has never
            # recognised", "did not accept": gold rule 7's plain negation)
            record = bool(aux & {"has", "have", "had", "did"})
            # a reason given is a prediction, not a refusal: "criticised the verdict, as it would not help ..."
            reason = any(c.dep_ == "mark" and c.lower_ in ("as", "because", "since") for c in t.children)
            if transform == "refuse" and governor is not None and governor.i == t.i:
                return Modality(drop="negated")  # "did not refuse to meet Kyiv": a refusal negated is none
            if transform is None and not reason and (never_future or (first and negation_refuses and not record)
                                      or (not first and t.lemma_ in W.refuse_heads)):
                transform, governor = "refuse", t
            elif transform not in ("refuse", "open"):
                return Modality(drop="negated")
        if first and aux & W.future_aux and transform is None:
            transform, governor = "intent", t
        if first and transform is None and t.tag_ in ("VBZ", "VBP") and not aux and _future_time(t, W):
            transform, governor = "intent", t  # "Putin visits China next month": planned, not done
        if first and transform is None and t.dep_ == "ROOT" and t.tag_ == "VB" and any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in t.children) and any(c.dep_ == "nsubj" for c in t.children):
            transform, governor = "intent", t  # the headline future: "Russia to supply gas to China", "Biden to visit"
        if first and aux & W.deontic_aux and transform is None:
            transform, governor = "demand", t  # the coder turns it into the speaker's demand, or drops it
        if first and _inverted_conditional(t):
            return Modality(drop="conditional")  # "Had Baku and Yerevan signed a treaty, ..."
        if (first or in_chain) and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in W.conditional_marks
                                                                  for m in c.children) for c in t.children):
            # "Israel would strike Iran if ...": a threat (conflict) or an offer, never the act; through the verbs
            # an act is the complement of ("could begin easing sanctions if Minsk frees ...") as well
            conditional = True
        dep = t.dep_
        head = t.head
        in_chain = (first or in_chain) and dep == "xcomp"  # the next step is still the act's own verb chain
        if head is t:
            break
        lemma = head.lemma_.lower()
        if dep == "pcomp" and t.tag_ == "VBG" and head.lower_ in ("for", "over") and (
                head.head.lemma_.lower() in W.judging_verbs | W.penalty_words):
            break  # "will punish Russia for invading", "will pay a heavy price for leading a delegation": the reason
            # judged was done
        if dep == "pcomp" and head.lower_ in ("for", "on") and head.head.lemma_.lower() in W.request_heads | W.advocacy_verbs:
            return Modality(drop="requested")  # "called for lifting sanctions on Iran", "insisted on imposing":
            # asked for, not done
        infinitive = dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        if infinitive and head.pos_ == "VERB" and lemma in W.motion_verbs:
            # "sent troops to help", "travelled to Moscow to sign", "crossed the line to dismantle": the purpose
            # of a movement is not yet done (gold rule 4: the movement is coded, linked events are not added)
            return Modality(drop="purpose", governor=head)
        if infinitive:
            dep = "xcomp"  # "offered on Thursday to mediate": an infinitive complement parsed as advcl
        elif dep == "advcl" and t.tag_ == "VBG" and lemma in W.refuse_heads and head.i < t.i and all(
                x.dep_ in ("prt", "advmod") for x in t.doc[head.i + 1:t.i]):
            dep = "xcomp"  # "ruled out ceding any territory": the refused act parsed as an adverbial participle (right
            # after it: not "rejected the plan, accusing Kyiv of lying")
        if head.pos_ == "VERB" and (
            (dep == "xcomp" and lemma in W.request_heads
             and (lemma not in W.own_act_heads or any(c.dep_ == "dobj" for c in head.children)))
            or (dep == "ccomp" and lemma in W.request_ccomp)
        ):
            return Modality(drop="requested")
        if dep == "acl" and head.pos_ == "NOUN" and lemma in W.request_heads and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return Modality(drop="requested")  # "defied EU pressure to back sanctions": asked for, not done
        if (dep in ("xcomp", "pcomp") and lemma in W.avoid_heads) or (
                dep == "prep" and t.lower_ == "from" and lemma in W.avoid_heads | W.barring_heads):
            # "refrained from attacking", "were banned from travelling to" (the governor: "stopped supplying gas"
            # is a reduction of relations, coder._apply)
            return Modality(drop="avoided", governor=head)
        if dep in ("xcomp", "acl") and lemma in W.unrealised_heads:
            return Modality(drop="unrealised")  # "waiting for the EU to approve", "Iran's ability to sell oil"
        if dep == "pcomp" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
                head.head.lemma_.lower() in W.unrealised_heads:
            return Modality(drop="unrealised")  # "the possibility of imposing sanctions", "the option of striking"
        if dep == "xcomp" and transform is None and (
                (lemma in W.aspect_heads and _aux(head) & W.future_aux)
                or (lemma == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children))):
            # "will continue to fund": the future reaches through the aspect verb; "are to hold drills next
            # month": the planned future of "be to"
            transform, governor = "intent", head
        if dep == "pcomp" and head.lower_ in W.opposed_preps:
            return Modality(drop="opposed")  # "warned Russia against sending troops", "voted against imposing"
        if dep == "xcomp" and head.pos_ == "ADJ" and lemma in W.unreal_predicates:
            return Modality(drop="forecast")  # "Japan is (un)likely to impose sanctions": a guess, not an act
        if dep == "acl" and head.pos_ == "NOUN" and lemma in W.announced_nouns and head.dep_ == "dobj" \
                and head.head.lemma_.lower() in W.announce_verbs and transform is None \
                and not any(c.lower_ in W.negative_determiners for c in head.lefts):
            # "announced plans to buy", "made an offer to mediate": the owner's own intention
            transform, governor = "intent", head
            t = head.head
            first = False
            continue
        if dep == "acl" and head.pos_ == "NOUN" and lemma in W.proposal_nouns:
            return Modality(drop="proposed")
        if dep == "relcl" and _alleged_relative(t, W):
            return Modality(drop="alleged")
        if dep in ("acl", "ccomp") and (head.pos_ == "NOUN" or head.dep_ in ("dobj", "pobj")) and \
                lemma in W.report_nouns and W.denial_verbs & {
                    head.head.lemma_.lower(), head.head.head.lemma_.lower() if head.head.dep_ == "prep" else ""}:
            # (also "dismissed as speculation reports that ...": the tagger may call the noun a verb)
            return Modality(drop="denied")  # "dismissed media reports that Putin was preparing to meet Zelensky"
        if head.pos_ == "NOUN" and lemma in W.intent_heads and any(
                c.lower_ in W.negative_determiners for c in head.lefts):
            return Modality(drop="negated")  # "saw little hope of concluding a treaty"
        if dep in ("xcomp", "ccomp", "pcomp", "acl", "advcl", "prep", "pobj", "dobj", "conj", "relcl", "acomp",
                   "oprd", "attr"):
            if (dep in ("xcomp", "pcomp", "acl") or (dep == "ccomp" and lemma in W.intent_heads | W.threat_heads |
                                                      W.consider_heads)
                    or (dep == "prep" and head.pos_ in ("NOUN", "ADJ") and lemma in W.intent_heads)):
                if lemma in W.threat_heads and transform is None:
                    transform, governor = "threat", head
                elif transform is None and _negated(head) and _keeps_open(head, W):
                    # "did not rule out joining the talks", "has not ruled out military action": an option kept
                    # open, weighed (014) or, for conflict, threatened (13x); never a refusal
                    transform, governor = "open", head
                elif lemma in W.refuse_heads and transform is None and t.i == verb.i and _keeps_open(t, W):
                    transform, governor = "open", t  # "refuses to rule out a strike on Iran": kept open
                elif lemma in W.refuse_heads and transform is None and lemma != "fail":
                    transform, governor = "refuse", head
                elif lemma == "fail" and dep == "xcomp":
                    return Modality(drop="negated")
                elif lemma in W.consider_heads and transform is None:
                    transform, governor = "consider", head
                elif lemma in W.intent_heads and transform is None:
                    if not (lemma == "expect" and "auxpass" not in {c.dep_ for c in head.children}
                            and head.pos_ == "VERB" and dep == "ccomp"):
                        transform, governor = "intent", head
            if lemma in W.accuse_verbs and (dep in ("pcomp", "ccomp", "xcomp", "pobj", "prep") or (
                    dep == "dobj" and via_of)):
                # "accused Myanmar's military of committing ...": the parser hangs "of" on the accused
                return Modality(drop="alleged", governor=head, speaker=head if dep == "ccomp" else None)
            if lemma in W.report_verbs and dep in ("ccomp", "parataxis") and speaker is None:
                speaker = head
            if dep == "conj":
                # A coordinated predicate shares its first conjunct's clause, not its complement-hood.
                # (a base form only: "will ... and accuses" is a clause of its own, misparsed)
                shares = first and t.tag_ == "VB" and not _aux(t) and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                t = head
                while t.dep_ == "conj" and t.head.i != t.i:
                    t = t.head
                if shares and transform is None:
                    # "will set aside the claim and forge closer ties": a conjunct with no auxiliary or subject of
                    # its own shares the first one's ("will", "must", the headline's "to")
                    if _aux(t) & W.future_aux or (t.dep_ == "ROOT" and t.tag_ == "VB" and any(
                            c.dep_ == "aux" and c.tag_ == "TO" for c in t.children)):
                        transform, governor = "intent", t
                    elif _aux(t) & W.deontic_aux:
                        transform, governor = "demand", t
                first = False
                continue
            if dep in ("relcl", "advcl") and t.pos_ in ("VERB", "AUX"):
                break
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and transform is not None:
                break  # "Armenia's decision to freeze ...": the noun's clause is its own predication
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and lemma not in W.intent_heads:
                break
        elif dep == "parataxis" and lemma in W.report_verbs:
            speaker = head
            break
        else:
            break
        via_of = dep == "prep" and t.lower_ in ("of", "for", "over")
        t = head
        first = False
    return Modality(None, transform, confidence, speaker, governor, conditional)


def _alleged_relative(v: Token, W: Words) -> bool:
    """"an accusation by Dutch intelligence that Chinese hackers had broken into a Dutch network": the parser makes
    the that-clause a relative clause of the agent ("intelligence") with "that" its object, though the verb has
    a subject and an object of its own; an alleging noun a phrase above says the clause is what is alleged."""
    if not (any(c.lower_ == "that" and c.dep_ == "dobj" for c in v.children) and any(
            c.dep_ == "nsubj" for c in v.children) and any(
            c.dep_ == "prep" and c.i > v.i and any(x.dep_ == "pobj" for x in c.children) for c in v.children)):
        return False
    n = v.head
    for _ in range(3):
        if n.lemma_.lower() in W.alleging_nouns:
            return True
        n = n.head
    return False


def _future_time(t: Token, W: Words) -> bool:
    """A time ahead on the verb (or on its object, where the parser may hang it): "next month", "later this
    month", "in the coming weeks", "tomorrow"."""
    heads: list[Token] = []
    for h in (t, *(c for c in t.children if c.dep_ == "dobj")):
        for c in h.children:
            if c.dep_ in ("npadvmod", "advmod", "tmod") and c.lower_ in W.future_times:
                return True
            if c.dep_ in ("npadvmod", "tmod"):
                heads.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("in", "during", "over"):
                heads += [p for p in c.children if p.dep_ == "pobj"]
    for h in heads:
        if h.lower_ not in W.future_time_nouns and h.lemma_.lower() not in W.future_time_nouns:
            continue
        mods = {m.lower_ for m in h.children if m.dep_ in ("amod", "det", "advmod")}
        if mods & W.future_time_modifiers or {"later", "this"} <= mods:
            return True
    return False


def _dated(t: Token, W: Words) -> bool:
    """A clause that names a recent time of its own ("on Monday", "last week", "two days ago")."""
    return any(x.lower_ in W.recent_time_words or x.lemma_.lower() in W.recent_time_words for x in t.subtree)


def _over_a_span(t: Token, W: Words) -> bool:
    """The act is a tally over a span of time ("over the past year", "in the last two years"), not an event."""
    return any(c.dep_ == "prep" and c.lower_ in W.span_preps
               and any(p.lemma_.lower() in W.span_nouns and any(a.lower_ in W.span_modifiers for a in p.children)
                       for p in c.children)
               for c in t.children)


# Threat heads that are promises when what they announce is cooperation ("vowed to deepen ties"); "threatened
# to withdraw troops" stays a threat.
W_PROMISE = frozenset({"vow"})


def code_under(code: str, mod: Modality) -> str:
    """The code an act takes in its clause: intended, refused, threatened, or conditional (gold rule 6: a
    conditional conflict is a threat, a conditional benefit an offer)."""
    if mod.transform == "threat" and mod.governor is not None and mod.governor.lemma_.lower() in W_PROMISE \
            and cameo.lookup(code).quad_class <= 2:
        return transformed(code, "intent")  # "vowed to share intelligence": a cooperative act vowed is a promise
    if mod.transform == "consider":
        return code if code.startswith("01") else "014"  # "is considering freezing assets": an option weighed
    if mod.transform == "open":  # "did not rule out": conflict kept open threatens it, anything else is weighed
        return transformed(code, "threat") if cameo.lookup(code).quad_class >= 3 else (
            code if code.startswith("01") else "014")
    if mod.transform in ("intent", "refuse", "threat", "demand"):
        return transformed(code, mod.transform)
    if mod.conditional:
        return transformed(code, "threat" if cameo.lookup(code).quad_class >= 3 else "intent")
    return code
