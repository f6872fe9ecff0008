"""Find actor mentions in a parsed article and say which actor a noun phrase denotes.

A case-sensitive PhraseMatcher over every lexicon surface string finds names,
adjectives, capitals, seats, IGOs, leaders and groups; ``actors_of(token)``
then reads a noun phrase's head, modifiers, apposition and ``of``-phrase to
give code and role ("Russian troops" -> RUS MIL, "the Kremlin" -> RUS GOV).
Pronouns and descriptions ("the country", "he") go to :mod:`.context`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .lexicon import Entry, Lexicon, in_office, load

# Dependency labels through which a head noun takes its nationality.
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})
PERSON_ROLES_HINT = frozenset(
    {"president", "minister", "premier", "chancellor", "spokesman", "spokeswoman", "spokesperson", "leader",
     "king", "queen", "emir", "ambassador", "envoy", "official", "diplomat", "commissioner", "secretary",
     "secretary-general", "general", "commander", "prosecutor", "lawmaker", "senator", "governor", "mayor",
     "prince", "counterpart", "head", "chief", "representative"}
)

# X-<word> modifiers that make X the actor behind the noun ("a Chinese-run mine", "Russian-installed officials",
# "a Marshall Islands-flagged tanker") or the state it belongs to ("a U.S.-based charity"). Not "backed" (a proxy
# is not its patron) nor "controlled" (a territory, not an actor).
LED_WORDS = frozenset({"led", "installed", "appointed", "run", "owned", "operated", "flagged", "based"})
# X-<word> modifiers that only compare with X: "a Russian-style foreign agents law", "Soviet-type planning".
LIKENESS_WORDS = frozenset({"style", "type", "like", "inspired", "esque"})
# X-<word> modifiers that name where a thing was made: "Iranian-made drones", "Chinese-built jets" are no actor of
# the act they are used in (the maker is not the one who fires them). Not "supplied" or "donated": the giver of
# "U.S.-supplied Patriots" is a party to their delivery.
MAKER_WORDS = frozenset({"made", "built", "designed", "manufactured", "produced", "developed", "origin"})
# X-<word> modifiers that only say where a thing is headed: "a Gaza-bound aid flotilla" is not Gaza's.
DESTINATION_WORDS = frozenset({"bound"})
SKIPPED_AFTER_HYPHEN = LIKENESS_WORDS | DESTINATION_WORDS | MAKER_WORDS
# Modifiers that leave an armed group unnamed ("suspected militants", "local gunmen"), unlike "Houthi" or "Kurdish".
UNNAMING_MODIFIERS = frozenset({"armed", "islamist", "suspected", "local", "unidentified", "unknown", "masked"})
# Capitalised words after a name that are not a second name ("Putin Tuesday said").
CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                      "february", "march", "april", "may", "june", "july", "august", "september", "october",
                      "november", "december"})
# Honorifics before a surname that are no titles (titles and ranks come from roles.yaml): "Mr Sanchez" is still
# the leader the article is about.
NAME_PREFIXES = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "madame", "monsieur", "herr", "frau",
                           "señor", "senor", "sheikh", "sheik", "comrade", "taoiseach", "shah", "tsar", "czar",
                           "kaiser", "mullah", "imam", "dictator", "strongman"})
# Prefixes of naval ship names: the name after one is a ship's, never a person's or a place's.
SHIP_PREFIXES = frozenset({"USS", "USNS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "ROKS", "JS", "TCG", "FS", "RFS",
                           "HNLMS", "HDMS", "HNoMS", "KRI", "BRP", "PNS", "ARA", "NRP", "ESPS", "ORP", "FGS", "ITS",
                           "RSS", "KD", "CNS", "MV", "SS"})
# A military craft designator: letters, a hyphen, digits ("F-16s", "Su-24", "MiG-31", "MQ-9").
_DESIGNATOR = re.compile(r"(?:([A-Za-z]{2,3})-\d{1,3}|([A-Za-z])-\d{2,3})[A-Z]?s?")  # not "F-1" or "H-1B" (visas)


GROUP_NOUNS = frozenset({"ally", "partner", "member", "colleague", "counterpart"})
# Plural heads through which an organisation or bloc named before them acts ("EU countries").
MEMBER_HEADS = frozenset({"country", "nation", "state", "government"})
# "forces loyal to X", "militias allied with X": the role noun belongs to X.
ALLEGIANCE = frozenset({"loyal", "allied", "affiliated", "aligned"})
# Heads before which a regional adjective names the group ("G7 nations", "Nordic counterparts").
GROUP_HEADS = GROUP_NOUNS | {"state", "country", "nation", "republic", "government", "neighbour", "neighbor",
                             "democracy", "monarchy", "economy"}


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor for one argument of a predicate, with the words that named it."""

    code: str
    role: str | None
    start: int  # char offsets of the naming words in the article text
    end: int
    text: str
    kind: str
    codable: bool = True
    person: bool = False
    resolved_from: str | None = None  # "Kazakhstan (sentence 1)" when found through context


# Words that take a part of a group: "some of the EU countries", "two NATO members", "several EU states".
PARTITIVE_WORDS = frozenset({"some", "several", "many", "few", "most", "certain", "various", "other", "both",
                             "one", "two", "three", "four", "five", "a", "handful", "number", "majority", "minority"})


def _number(t: Token) -> float | None:
    try:
        return float(t.text.replace(",", ""))
    except ValueError:
        return None


def _some_of(token: Token) -> bool:
    """A part of an organisation's members, not the organisation: "two EU countries", "some of the EU states",
    "three of the 15 members"; a majority of a counted body speaks for it ("14 of the 15 members")."""
    part = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    total = next((c for c in token.lefts if c.dep_ == "nummod"), None)
    if part is not None:
        if part.lower_ in PARTITIVE_WORDS:
            return True
        n, m = _number(part), _number(total) if total is not None else None
        return n is not None and (m is None or 2 * n <= m)
    return any(c.dep_ in ("nummod", "det", "amod") and (c.lower_ in PARTITIVE_WORDS or c.pos_ == "NUM")
               for c in token.lefts)


# "the West" as a bloc, however the sentence begins
WEST_SURFACES = frozenset({"the West", "The West", "West"})


def named_after(t: Token) -> bool:
    """A capitalised word after "West" makes it part of a name: "the West Bank", "West African", "West Papua"."""
    return t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN")


@functools.cache
def phrase_matcher(nlp: Language) -> PhraseMatcher:
    """One PhraseMatcher over every lexicon surface string (built once per pipeline)."""
    lex = load()
    m = PhraseMatcher(nlp.vocab, attr="ORTH")
    for surface in lex.phrases:
        m.add(surface, [nlp.make_doc(surface)])
    # "the West" only as a bloc: matched by text, filtered in find_spans (not "West Bank").
    m.add("the West", [nlp.make_doc("the West"), nlp.make_doc("The West")])
    return m


class DocActors:
    """Actor spans of one document and the noun-phrase -> actor reading."""

    def __init__(self, doc: Doc, nlp: Language, date: dt.date | None,
                 matches: Sequence[tuple[int, int]] | None = None) -> None:
        """``matches``: character ranges of lexicon matches found earlier (the pipeline's fast pass),
        so the matcher need not run twice; any range that does not align with the doc's tokens
        falls back to matching here."""
        self.doc = doc
        self.date = date
        self.lex: Lexicon = load()
        self.by_token: dict[int, tuple[Span, Entry]] = {}
        found = [doc.char_span(b, e) for b, e in matches] if matches is not None else [None]
        spans = [s for s in found if s is not None]
        if len(spans) < len(found):
            spans = [Span(doc, start, end) for _id, start, end in phrase_matcher(nlp)(doc)]
        # "the West" before a name is no bloc ("the West Bank"): dropped before the longest spans are kept, so that
        # the name it overlaps survives
        spans = [s for s in spans if not (s.text in WEST_SURFACES and s.end < len(doc) and named_after(doc[s.end]))]
        kept = filter_spans(spans)
        starts = {s.start for s in kept}
        for span in kept:
            surface = span.text
            nxt = doc[span.end] if span.end < len(doc) else None
            if span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in ("pro", "anti"):
                continue  # "pro-Serbian opposition" is not Serbian
            if nxt is not None and nxt.text == "-" and span.end + 1 < len(doc) and \
                    doc[span.end + 1].lower_ in SKIPPED_AFTER_HYPHEN:
                continue  # "a Russian-style law" is a law like Russia's, not Russia's; "Gaza-bound" goes there;
                # "Iranian-made drones" were made there
            if span.start >= 1 and doc[span.start - 1].text in SHIP_PREFIXES:
                continue  # "the destroyer USS Carney" is a ship, not Canada's prime minister
            if surface in WEST_SURFACES:  # ("the West Bank" was dropped before filter_spans)
                entry = Entry("WST", "bloc", None, "the West")
            else:
                entries = self.lex.lookup(surface)
                if not entries:
                    continue
                entry = in_office(entries, self.date)
                if entry.kind == "feature":
                    continue  # "the Sea of Japan": a place named after a state, not the state
                if entry.kind == "leader" and len(span) == 1 and nxt is not None and nxt.pos_ == "PROPN" and \
                        nxt.text[:1].isupper() and span.end not in starts and nxt.lower_ not in CALENDAR:
                    continue  # "Qassem Soleimani" is not Naim Qassem: a one-word alias before another name
                if entry.kind == "leader" and len(span) == 1 and nxt is not None and \
                        nxt.lower_ in self.lex.place_kinds:
                    continue  # "the Masisi district", "Nazarbayev University": a place, not the person
                if entry.kind == "leader" and len(span) == 1 and span.start >= 1 and _another_given_name(
                        doc[span.start - 1], self.lex.titles, entry.name) and (span.start - 1) not in self.by_token:
                    continue  # "former congressman Odin Sanchez" is not Pedro Sanchez: another name before the alias
                if entry.kind == "leader" and self._named_for_another_state(doc, span, entry):
                    continue  # "Saudi King Abdullah" is not Jordan's King Abdullah: the adjective names the state
                if entry.kind == "igo" and span[-2:].text.lower() in self.lex.roles and self._state_before(doc, span):
                    continue  # "the Russian Security Council", "Iran's National Security Council": a body an
                    # organisation has and a state has too (roles.yaml), named after a state, is the state's own
            for t in span:
                self.by_token[t.i] = (span, entry)

    def _named_for_another_state(self, doc: Doc, span: Span, entry: Entry) -> bool:
        """A leader's alias right after a state's name or adjective ("Saudi Arabian", "Saudi Arabia's") that is
        not the leader's state. Spans come in document order, so the state before is already matched."""
        before = self._state_before(doc, span)
        return before is not None and before.at(self.date, self.lex.titles)[0] != entry.at(self.date, self.lex.titles)[0]

    def _state_before(self, doc: Doc, span: Span) -> Entry | None:
        """The state named (by name, possessive or adjective) right before a span, matched already."""
        i = span.start - 1
        if i >= 1 and doc[i].lower_ in ("'s", "’s"):
            i -= 1
        before = self.by_token.get(i)
        return before[1] if before is not None and before[1].kind in ("adjective", "country") else None

    # -- spans -----------------------------------------------------------------
    def spans(self) -> Iterator[tuple[Span, Entry]]:
        """Each matched span once, in document order."""
        seen: set[int] = set()
        for i in sorted(self.by_token):
            span, entry = self.by_token[i]
            if span.start not in seen:
                seen.add(span.start)
                yield span, entry

    def _actor(self, span: Span, entry: Entry, role: str | None = None, person: bool | None = None) -> Actor:
        code, default_role = entry.at(self.date, self.lex.titles)
        kind = entry.kind
        is_person = entry.kind == "leader" if person is None else person
        return Actor(code, role or default_role, span.start_char, span.end_char, span.text, kind,
                     entry.codable, is_person)

    def role_of(self, token: Token) -> str | None:
        """Role implied by a head noun ("troops" -> MIL), including two-word heads ("armed forces")."""
        low = token.lower_
        lemma = token.lemma_.lower()
        for left in (t for t in token.lefts if t.dep_ in ("compound", "amod")):
            two = f"{left.lower_} {low}"
            if two in self.lex.roles:
                return self.lex.roles[two]
            two = f"{left.lower_} {lemma}"
            if two in self.lex.roles:
                return self.lex.roles[two]
        got = self.lex.roles.get(low) or self.lex.roles.get(lemma) or self.lex.titles.get(low)
        if got is None and (m := _DESIGNATOR.fullmatch(token.text)) and (m.group(1) or m.group(2)) in self.lex.craft:
            got = "MIL"  # "Turkish F-16s", "a Russian Su-24": a military craft's designator
        if got is None:
            # A role named by a compound modifier holds for the head: "coast guard personnel", "army officers"
            for left in (t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"):
                got = self.role_of(left)
                if got is not None:
                    break
        return got

    def bloc_named(self, left: Token, head: Token, *, any_head: bool = False) -> tuple[str, str] | None:
        """The code and kind of the bloc an adjective before ``head`` names: "Western" before a plural or one of
        the bloc's acts ("Western governments", "Western criticism"; with ``any_head``, before any event noun),
        "European" before one of the EU's acts only ("European sanctions", never "European leaders")."""
        if _pro_anti(left):
            return None
        act = head.lemma_.lower() in self.lex.bloc_acts
        if left.text in self.lex.bloc_adjectives and (any_head or act or head.tag_ in ("NNS", "NNPS")):
            return self.lex.bloc_adjectives[left.text], "bloc"
        if left.text in self.lex.act_adjectives and act:
            return self.lex.act_adjectives[left.text], "igo"
        return None

    def entity_at(self, token: Token) -> Actor | None:
        """The lexicon actor whose span contains ``token``, if any."""
        hit = self.by_token.get(token.i)
        if hit is None:
            return None
        span, entry = hit
        if entry.kind == "region_adj" and not _names_group(self, span):
            return None  # "Central Asian leaders" is the group; "the Baltic Sea", "the Central Asian country" are not
        if entry.kind == "adjective":
            # A bare adjective/demonym as the head ("the Russians") names the country's people.
            return self._actor(span, entry, role="CVL" if token.tag_ in ("NNPS", "NNS") else None)
        return self._actor(span, entry)

    def actor_of(self, token: Token) -> Actor | None:
        """The actor a noun phrase headed by ``token`` denotes, without context resolution."""
        direct = self.entity_at(token)
        if direct is not None and direct.kind != "adjective":
            # A leader/country named at the head; a title among its modifiers may refine the role.
            if direct.role is None:
                span = self.by_token[token.i][0]
                for left in token.lefts:
                    if span.start <= left.i < span.end or left.i in self.by_token:
                        # "General" in "U.N. General Assembly" is part of the name, and in "UN Secretary-General
                        # Ban Ki-moon" part of another name: not a title
                        continue
                    r = self.role_of(left)
                    if r:
                        return _with_role(direct, r, person=True)
            return direct
        role = self.role_of(token)
        if direct is None and token.pos_ == "PROPN":
            # a warship's name after its navy's prefix: "USNS Bowditch", "the destroyer USS Carney" (groups.yaml)
            ship = next((a for c in token.lefts if c.dep_ == "compound" and c.text in SHIP_PREFIXES
                         and (a := self.entity_at(c)) is not None), None)
            if ship is not None:
                return ship
        if role is None and direct is None and token.pos_ == "PROPN":
            # A name the lexicon lacks, under a title: "Kenyan President William Ruto", "Iran's Foreign
            # Minister Abbas Araghchi" -> the title's nationality and role, as a person.
            titles = [self.role_of(c) for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
            title_role = next((r for r in titles if r), None)
            office = next((o for c in token.lefts if c.dep_ == "compound" and (o := self._office_state(c))), None)
            if office is not None:  # "Texas Governor Greg Abbott": the office's state
                return replace(office, person=True)
            if title_role is not None:
                found = self._modifier_actor(token)
                if found is not None:
                    return _with_role(found, title_role, person=True)
            # A named person under a nationality and an occupation the lexicon lacks: "French cyclist Lennart
            # Monterlos", "American journalist Evan Gershkovich" -> a civilian of that state.
            for c in token.lefts:
                if c.dep_ == "compound" and c.pos_ == "NOUN" and c.tag_ == "NN":
                    nat = next((a for x in c.lefts if x.dep_ == "amod" and (a := self._first_of_pair(x)) is not None
                                and a.kind == "adjective"), None)
                    if nat is not None:
                        return _with_role(nat, "CVL", person=True)
        if role is None and direct is None and token.lemma_.lower() in GROUP_NOUNS and not _some_of(token):
            # "its NATO allies", "EU partners", "fellow NATO members": the organisation or country named.
            found = self._modifier_actor(token)
            if found is not None and found.kind in ("igo", "bloc", "country", "adjective"):
                return found
        if role is None and direct is None and token.lemma_.lower() in MEMBER_HEADS and token.tag_ in ("NNS", "NNPS") \
                and not any(x.lower_.startswith("non") for x in token.subtree if x.i < token.i) and not _some_of(token):
            # "EU countries", "NATO nations", "European Union governments": the organisation acting through its
            # members (not "non-EU countries")
            found = self._modifier_actor(token)
            if found is not None and found.kind in ("igo", "bloc"):
                return found
        if role is None and direct is None:
            # Bloc adjectives with a plural head: "Western leaders/governments/donors", or a singular act or
            # stance of the bloc's: "Western criticism", "Western pressure" (not "Western Europe")
            for left in token.lefts:
                if (named := self.bloc_named(left, token)) is not None:
                    code, kind = named
                    return Actor(code, None, left.idx, token.idx + len(token.text), f"{left.text} {token.text}", kind)
            return direct
        # (a name after its occupation is a person: "American student Otto Warmbier")
        is_person = token.lower_ in PERSON_ROLES_HINT or token.lemma_.lower() in PERSON_ROLES_HINT or (
            token.pos_ == "PROPN" and direct is None and any(c.dep_ == "compound" and c.pos_ == "NOUN"
                                                             for c in token.lefts))
        # Apposition names the person: "the country's president, Kassym-Jomart Tokayev".
        for child in token.rights:
            if child.dep_ == "appos":
                a = self.entity_at(child)
                if a is not None and a.kind != "adjective":
                    return _with_role(a, role or a.role, person=True)
        if direct is None and role == "GOV" and (office := self._office_state(token)) is not None:
            return office
        found = self._modifier_actor(token)
        if found is not None and not (found.kind == "place" and direct is not None):
            return _with_role(found, role, person=is_person)  # but "Karabakh Armenians" are Armenians
        if direct is None and role in ("GOV", "MIL") and (token.lower_ in self.lex.organs or token.lemma_.lower() in
                                                          self.lex.organs) and not self._named(token):
            # "a court in Yekaterinburg", "police in Moscow": the organ of the state of its own place
            found = next((a for p in token.rights if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                          if o.dep_ == "pobj" and (a := self.entity_at(o)) is not None
                          and a.kind in ("country", "place", "capital") and a.codable
                          and o.doc[o.left_edge.i:o.i + 1].text.removeprefix("the ") not in self.lex.seats), None)
            if found is not None:
                return Actor(found.code, role, found.start, found.end, found.text, "country", found.codable)
        if direct is None and role == "OPP" and self._placed(token):
            found = self.located_in(token)
            if found is not None:
                return Actor(found.code, role, found.start, found.end, found.text, "country", found.codable)
        if direct is not None:
            return _with_role(direct, role, person=is_person)
        return None

    def _office_state(self, token: Token) -> Actor | None:
        """The state whose province or city an office title names ("the governor of Texas", "Texas Governor Greg
        Abbott", "Punjab's chief minister", "the Chief Minister of Andhra Pradesh"), as its government."""
        two = next((f"{c.lower_} {token.lower_}" for c in token.lefts if c.dep_ in ("amod", "compound")), "")
        if not ({token.lower_, token.lemma_.lower(), two} & self.lex.offices):
            return None
        named = [o for p in token.rights if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj"] + [c for c in token.lefts if c.dep_ in ("compound", "poss", "nmod")]
        for o in named:  # (or a compound of its object: "the Chief Minister of Andhra Pradesh Y. S. Reddy")
            for x in (o, *(c for c in o.lefts if c.dep_ == "compound")):
                a = self.entity_at(x)
                if a is not None and a.kind == "place" and a.codable:
                    return Actor(a.code, "GOV", a.start, a.end, a.text, "country", a.codable)
        return None

    @staticmethod
    def _named(token: Token) -> bool:
        """Said whose it is by a word before it ("Russian police", "the city's court", "U.N. officials")."""
        return any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.lower_ not in UNNAMING_MODIFIERS
                   and c.pos_ in ("PROPN", "ADJ", "NOUN", "PRON") for c in token.lefts)

    def _placed(self, token: Token) -> bool:
        """An armed group named by kind alone ("insurgents", "the rebel groups"), not by whose or which it is."""
        two = next((f"{c.lower_} {token.lower_}" for c in token.lefts if c.dep_ in ("amod", "compound")), "")
        words = {token.lower_, token.lemma_.lower(), two}
        return bool(words & self.lex.located) and not any(
            c.dep_ in ("amod", "compound", "poss", "nmod") and c.lower_ not in self.lex.located
            and c.lower_ not in UNNAMING_MODIFIERS for c in token.lefts)

    def located_in(self, token: Token) -> Actor | None:
        """The state of the place an armed group is in: its own "in" phrase ("rebels in eastern Congo") or, as
        the agent or subject of a clause, where what it hit was ("opened fire on a U.N. convoy in Mali"). Not the
        clause's own "in" phrase: measured, it placed more groups wrongly than rightly."""
        preps = [c for c in token.rights if c.dep_ == "prep" and c.lower_ == "in"]
        near: list[Token] = []
        if token.dep_ in ("amod", "compound") and token.head.pos_ == "NOUN":
            # "an insurgent attack on a base in Kandahar": the act the group's word modifies places it
            act = token.head
            hit = [p for c in act.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
                   for p in c.children if p.dep_ == "pobj"]
            preps += [c for h in (act, *hit) for c in h.children if c.dep_ == "prep" and c.lower_ == "in"]
        verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else \
            token.head if token.dep_ in ("nsubj", "nsubjpass") else None
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            # where what they hit was: "opened fire on a U.N. convoy in Mali", "attacked a base in Kunduz"
            hit = [c for c in verb.children if c.dep_ == "dobj"] + \
                [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "at") for p in c.children
                 if p.dep_ == "pobj"]
            near = [p for h in hit for c in h.children if c.dep_ == "prep" and c.lower_ in ("near", "outside")
                    for p in c.children if p.dep_ == "pobj"]  # "a mine near Bambari in the Central African ..."
            preps += [c for h in hit + near for c in h.children if c.dep_ == "prep" and c.lower_ == "in"]
        for pobj in [*near, *(p for prep in preps for p in prep.children)]:
            if pobj.dep_ == "pobj":
                # ("in Tillaberi, Niger": a town the lexicon lacks, with its state in apposition)
                for t in (pobj, *(c for c in pobj.children if c.dep_ in ("poss", "compound", "appos"))):
                    a = self.entity_at(t)
                    if a is not None and a.kind in ("country", "place") and a.codable:
                        return a
        return None

    def hyphen_pair(self, x: Token) -> list[Actor]:
        """The states before ``x`` in a hyphenated pair of nationalities ("Canadian" in "Canadian-Iranian")."""
        dash = next((p for p in x.lefts if p.tag_ == "HYPH"), None)
        own = self.entity_at(x) if dash is not None else None
        if dash is None or own is None or own.start != dash.idx + len(dash.text):
            return []  # the state word itself right after the dash, not "United States-supported Somali forces"
        # ("US-South Korean drills": the parser makes a name before the dash a compound)
        return [a for h in x.lefts if h.i < dash.i and h.dep_ in ("amod", "compound", "nmod", "npadvmod")
                if (a := self.entity_at(h)) is not None]

    def _first_of_pair(self, x: Token) -> Actor | None:
        """The first of a hyphenated pair of nationalities ("Canadian-Iranian anthropologist"): the citizenship
        news names first; else the word's own actor."""
        return next(iter(self.hyphen_pair(x)), None) or self.entity_at(x)

    def led_by(self, t: Token) -> Actor | None:
        """"a U.S.-led coalition", "the Saudi-led coalition", "Russian-installed authorities", "a Chinese-run
        mine", "a British-owned ship": the state named in an X-led (installed, run, owned ...) modifier."""
        low = t.lower_
        if low in LED_WORDS and t.i > 0 and t.doc[t.i - 1].text == "-":  # tokenised "Saudi - led"
            for c in t.lefts:
                if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and c.i == t.i - 2:
                    a = self.entity_at(c)
                    if a is not None and a.kind in ("country", "adjective", "capital", "igo"):
                        return Actor(a.code, None, a.start, a.end, a.text, a.kind, a.codable)
            return None
        prefix, _, word = t.text.rpartition("-")
        if not prefix or word.lower() not in LED_WORDS:
            return None
        return self.state_word(prefix, t.idx, kinds=("country", "adjective", "capital", "igo"))

    def state_word(self, text: str, start: int,
                   kinds: tuple[str, ...] = ("country", "adjective", "igo", "capital", "bloc")) -> Actor | None:
        """The state (or body) a word names on the article's date, when the matcher could not see the word on its
        own: the "U.S." of "U.S.-led", the "China" of "anti-China"."""
        entries = self.lex.lookup(text)
        if not entries or entries[0].kind not in kinds:
            return None
        code, _role = entries[0].at(self.date, self.lex.titles)
        return Actor(code, None, start, start + len(text), text, entries[0].kind, entries[0].codable)

    def _modifier_actor(self, token: Token, depth: int = 0) -> Actor | None:
        """Nationality of a role noun from its modifiers or an of-phrase ("minister of Kazakhstan")."""
        stack = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS]
        while stack:
            t = stack.pop(0)
            a = self._first_of_pair(t) or self.led_by(t)
            if a is not None and t.lower_.endswith("-based") and "CVL" in (self.role_of(token), self.role_of(t.head)):
                a = None  # "the U.S.-based cleric" lives there; "a U.S.-based charity" is American
            if a is not None:
                return a
            if t.text in self.lex.bloc_adjectives and not _pro_anti(t):
                return Actor(self.lex.bloc_adjectives[t.text], None, t.idx, t.idx + len(t.text), t.text, "bloc")
            stack.extend(c for c in t.lefts if c.dep_ in MODIFIER_DEPS)
        for adj in token.rights:  # "forces loyal to the government", "militias allied with Iran"
            if adj.dep_ in ("amod", "acl") and adj.lemma_.lower() in ALLEGIANCE:
                for prep in adj.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                        for pobj in prep.children:
                            a = (self.entity_at(pobj) or self.actor_of(pobj)) if pobj.dep_ == "pobj" else None
                            if a is not None:
                                return a
        for prep in token.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        a = self.entity_at(pobj)
                        if a is None and depth < 2:  # "the head of an IMF mission"
                            a = self._modifier_actor(pobj, depth + 1)
                        if a is not None:
                            return a
        return None


def _another_given_name(prev: Token, titles: dict[str, str], name: str) -> bool:
    """A capitalised proper noun before a one-word leader alias that is not one of the leader's own names
    ("Bashar Assad"), a title ("President", "Chancellor") or a rank ("Colonel Gaddafi"): the alias is someone
    else's surname ("former congressman Odin Sanchez")."""
    if not (prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.text.isalpha()) or \
            prev.lower_ in NAME_PREFIXES or prev.lower_ in CALENDAR:
        return False
    return _fold(prev.text) not in {_fold(w) for w in re.split(r"[\s\-]+", name) if w} and \
        prev.lower_ not in _title_heads(tuple(titles))


def _fold(word: str) -> str:
    """Lower case without accents: "Nicolás" and "Nicolas" are one given name."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


@functools.cache
def _title_heads(titles: tuple[str, ...]) -> frozenset[str]:
    """The last words of the titles ("Foreign Minister" -> minister, "Secretary of State" -> secretary)."""
    return frozenset(w for t in titles for w in (t.split()[-1].strip("."), t.split()[0].strip(".")))


def _pro_anti(t: Token) -> bool:
    """"pro-Western", "anti-Western": an attitude, not the actor."""
    doc = t.doc
    return t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in ("pro", "anti")


def _names_group(actors: DocActors, span: Span) -> bool:
    """A regional adjective names its group before a plural role or state noun ("Central Asian leaders",
    "G7 nations"); "the Central Asian country" is one member, left to context."""
    head = span.root.head
    if span.root.dep_ not in MODIFIER_DEPS or head is span.root or head.tag_ not in ("NNS", "NNPS"):
        return False
    return actors.role_of(head) is not None or head.lemma_.lower() in GROUP_HEADS


def _with_role(a: Actor, role: str | None, *, person: bool) -> Actor:
    return Actor(a.code, role if role is not None else a.role, a.start, a.end, a.text, a.kind, a.codable,
                 person or a.person, a.resolved_from)
