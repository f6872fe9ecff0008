"""Resolve references across an article's sentences to the actor meant.

Pronouns (he, its, they), descriptions ("the country", "the Gulf state"),
relational phrases ("its neighbour") and pairs ("the two leaders", "both sides")
are resolved against the actors named so far, nearest first; every resolved
actor records where it came from ("Kazakhstan (sentence 0)").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Token

from .matcher import PERSON_ROLES_HINT, Actor, DocActors
from .pairs import Extra, Pairs, Seen
from .speakers import FIRST_PLURAL, speakers_side

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
# Craft and weapons a later "it" goes on telling of ("the drone crossed the border before it was shot down").
CRAFT_WORDS = frozenset({"jet", "plane", "aircraft", "bomber", "fighter", "warplane", "helicopter", "drone", "ship",
                         "vessel", "warship", "submarine", "tanker", "boat", "missile", "rocket", "balloon"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
COUNTRY_NOUNS = frozenset({"country", "nation", "republic", "state", "kingdom", "government", "neighbour",
                           "neighbor", "capital", "emirate", "sultanate", "principality", "ally", "partner",
                           "territory", "enclave"})
# "the three countries", "the five leaders": a group of protagonists named by its size
GROUP_SIZES = {"three": 3, "four": 4, "five": 5, "six": 6, "3": 3, "4": 4, "5": 5, "6": 6}
PAIR_NOUNS_PERSON = frozenset({"leader", "president", "minister", "premier", "counterpart", "head"})
PAIR_NOUNS_THING = frozenset({"country", "nation", "side", "government", "neighbour", "neighbor", "state", "party",
                              "army", "military", "navy",
                              "capital"})
# Plural-only pair descriptions: "the delegations", "the negotiators".
PAIR_NOUNS_PLURAL = frozenset({"delegation", "negotiator", "envoy", "team", "minister", "official"})
# Prepositions of a setting: "in Sochi", "at the International Court of Justice", "before the UN".
VENUE_PREPS = frozenset({"in", "at", "before", "inside", "near"})
# Subordinators of a clause about what the main clause acted on: "shot down a jet as it flew over"
ADVERBIAL_MARKS = frozenset({"as", "when", "while", "after", "before", "because", "since", "once"})
# Modifiers of a state noun that make it an entity no state recognises ("the breakaway republic", "the
# self-proclaimed state"): never the state named before.
UNRECOGNISED = frozenset({"breakaway", "separatist", "self-proclaimed", "self-declared", "unrecognised",
                          "unrecognized", "rebel", "puppet", "renegade", "secessionist"})
# Verbs whose object is one who acts, never a thing done: "severed relations with Israel, accusing it of
# genocide" ("calling it a grave error" takes up the thing the main verb took).
AGENT_VERBS = frozenset({"accuse", "blame", "urge", "warn", "ask", "thank", "congratulate", "invite", "charge",
                         "suspect", "press", "pressure"})
# Verbs of answering another's act, whose "it" in a clause of cause or time is the one answered: "condemns Iran
# after it executes a German citizen", "protests to Russia after its jet violates Estonian airspace".
REACTION_VERBS = frozenset({"condemn", "criticise", "criticize", "denounce", "protest", "summon", "sanction",
                            "expel", "reprimand", "rebuke", "punish", "censure", "thank", "praise", "congratulate",
                            "commend", "penalise", "penalize", "fine"})
REASON_MARKS = frozenset({"after", "because", "since", "as", "when"})
ORG_NOUNS = frozenset({"bloc", "alliance", "organisation", "organization", "union", "group", "body", "fund"})




class DocContext(Pairs):
    """Actors named so far in a document, for resolving later references."""

    def __init__(self, actors: DocActors, *, label_of: Callable[[int], int] | None = None,
                 extra: Sequence[Extra] = ()) -> None:
        self.actors = actors
        self.seen: list[Seen] = []
        doc = actors.doc
        sent_of = {}
        for si, s in enumerate(doc.sents):
            for t in s:
                sent_of[t.i] = si
        self.sent_of = sent_of
        self.label_of = label_of or (lambda i: sent_of[i])
        self._earlier: dict[tuple[int, int], list[Seen]] = {}  # (sentence, len(seen)) -> sorted candidates
        for order, pos, label, actor in extra:
            self.seen.append(Seen(order, pos, actor, False, label))
        done: set[int] = set()
        for span, _entry in actors.spans():
            head = span.root
            # Climb to the noun phrase the name belongs to: "Niger's military ruler, General Tiani",
            # "U.S. President Donald Trump", "The Ukrainian leader" are one actor each.
            np = head
            office = None  # a person's office passed on the way up ("Kang Chol, North Korea's ambassador")
            while np.dep_ in ("compound", "amod", "poss", "appos", "nmod") and np.head.i != np.i and (
                    np.head.i in actors.by_token or actors.role_of(np.head) is not None or np.dep_ == "appos"
                    # "American student Otto Warmbier": an occupation before a name is that person's
                    or (np.dep_ == "compound" and np.head.pos_ == "PROPN" and actors.role_of(np) is not None)):
                np = np.head
                if office is None and np.lemma_.lower() in PERSON_ROLES_HINT and np.i not in actors.by_token:
                    office = np
            if np.i in done:
                # "Prime Minister of Australia John Howard": the parser may hang the name on the country's
                # phrase; the person is an antecedent of "the two leaders" as well as the country
                raw = actors.entity_at(head)
                if raw is not None and raw.person and not any(x.actor.person and x.actor.code == raw.code
                                                              for x in self.seen):
                    self.seen.append(Seen(sent_of[head.i], head.i, raw, False, self.label_of(head.i)))
                continue
            done.add(np.i)
            a = actors.actor_of(np) if np is not head else None
            if a is None:
                a = actors.actor_of(head) or actors.entity_at(head)
                if a is not None and office is not None and np.dep_ != "poss" and not a.person and \
                        a.kind in ("country", "capital", "adjective"):
                    # the office holder named in apposition is a person of that state, an antecedent of "he"
                    a = replace(a, role=actors.role_of(office) or a.role, person=True)
            if a is None:
                continue
            subj = np.dep_ in ("nsubj", "nsubjpass") or (np.dep_ == "conj" and np.head.dep_ in ("nsubj", "nsubjpass"))
            self.seen.append(Seen(sent_of[np.i], np.i, a, subj, self.label_of(np.i)))
            raw = actors.entity_at(head)
            if a.person and raw is not None and not raw.person and raw.kind not in ("leader",) and np is not head:
                # "Niger's military ruler", "Solomon Islands Prime Minister Manasseh Sogavare": the country is
                # named too, as a non-person antecedent of "the country".
                self.seen.append(Seen(sent_of[head.i], head.i, raw, False, self.label_of(head.i)))
        self.seen.sort(key=lambda s: s.token)

    def _before(self, token: Token, *, every: bool = False) -> list[Seen]:
        """Antecedent candidates, nearest first: same sentence before the token, then earlier sentences (with
        ``every``, the codes the caller excludes too)."""
        si = self.sent_of[token.i]
        same = [s for s in self.seen if s.sentence == si and s.token < token.i]
        key = (si, len(self.seen))
        earlier = self._earlier.get(key)
        if earlier is None:
            # Earlier sentences: later sentence first; within a sentence, subjects first, then nearest.
            earlier = sorted((s for s in self.seen if s.sentence < si),
                             key=lambda s: (-s.sentence, not s.subject, -s.token))
            self._earlier = {key: earlier}
        return [s for s in list(reversed(same)) + earlier if every or s.actor.code not in self.exclude]

    def _note(self, a: Actor, s: Seen, token: Token, words: str) -> Actor:
        # A chain ("it" resolved from "India") cites the name it started from, not the pronoun.
        origin = s.actor.resolved_from or f"{s.actor.text} (sentence {s.label})"
        return replace(a, start=token.idx, end=token.idx + len(words), text=words, resolved_from=origin)

    def resolve(self, token: Token, exclude: frozenset[str] = frozenset(), *,
                subject_first: bool = False) -> list[Actor]:
        """Actors a pronoun or description headed by ``token`` refers to (empty if none).

        ``exclude`` holds codes that cannot be meant (the clause's own subject for "greeted him");
        ``subject_first``: an "its" read again past the doer of an act means the sentence's subject first ("Iran
        says the U.S. seizure of its tanker ...")."""
        self.exclude, self.subject_first = exclude, subject_first
        try:
            return self._resolve(token)
        finally:
            self.exclude, self.subject_first = frozenset(), False

    exclude: frozenset[str] = frozenset()
    subject_first = False

    def _resolve(self, token: Token) -> list[Actor]:
        low = token.lower_
        if token.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
            return self._pronoun(token)
        lemma = token.lemma_.lower()
        det = {c.lower_ for c in token.lefts if c.dep_ in ("det", "nummod", "predet", "poss")}
        words = token.doc[token.left_edge.i: token.i + 1].text
        if (det & {"two", "both"}) or low in ("both",):
            if lemma in PAIR_NOUNS_PERSON:
                return self._pair(token, person=True, words=words)
            if lemma in PAIR_NOUNS_THING:
                return self._pair(token, person=False, words=words)
        many = next((GROUP_SIZES[d] for d in det if d in GROUP_SIZES), 0)
        if many and "the" in det and (lemma in PAIR_NOUNS_PERSON or lemma in PAIR_NOUNS_THING):
            # "the three countries", "the four leaders": the protagonists named before, when that many were
            return self._pair(token, person=lemma in PAIR_NOUNS_PERSON, words=words, size=many)
        if "the" in det and token.tag_ in ("NNS", "NNPS") and (
                lemma in PAIR_NOUNS_PERSON or lemma in PAIR_NOUNS_THING or lemma in PAIR_NOUNS_PLURAL) and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            # (not "the heads of the two churches": a phrase that says whose they are refers to no one before)
            # "the leaders", "the delegations", "the presidents": the pair named before
            return self._pair(token, person=lemma in PAIR_NOUNS_PERSON, words=words)
        if token.text in ("North", "South") and det == {"the"} and not any(
                c.dep_ in ("compound", "amod", "prep") for c in token.children):
            # "calls on the North to avoid provocations": the state named before whose name begins so
            for s in self._before(token):
                if s.actor.kind in ("country", "adjective", "capital") and s.actor.text.startswith(token.text + " "):
                    return [self._note(replace(s.actor, kind="country", role=None, person=False), s, token, words)]
            # "North Korea threatened to cut off contact with the South": the other half of a state named before
            other = {"North": "South", "South": "North"}[token.text]
            for s in self.seen:  # (the other half may be the clause's own subject: "Seoul called on the North")
                if s.sentence > self.sent_of[token.i] or (s.sentence == self.sent_of[token.i] and s.token > token.i):
                    continue
                if s.actor.kind in ("country", "adjective") and s.actor.text.startswith(other + " "):
                    half = self.actors.state_word(f"{token.text} {s.actor.text.split()[1]}", token.idx,
                                                  kinds=("country", "adjective"))
                    if half is not None and half.code != s.actor.code:
                        return [self._note(replace(half, kind="country"), s, token, words)]
            return []
        if low in ("latter", "former") and det == {"the"} and token.dep_ != "amod":
            return self._latter_former(token, words)
        if low in ("other", "another") or (low == "one" and any(c.lower_ == "another" for c in token.children)):
            # "each side accused the other", "blame one another": the pair, paired off by the caller
            return self._pair(token, person=False, words=words)
        if "each" in det and (lemma in PAIR_NOUNS_THING or lemma in PAIR_NOUNS_PERSON):
            return self._pair(token, person=lemma in PAIR_NOUNS_PERSON, words=words)
        poss_tok = next((c for c in token.lefts if c.dep_ == "poss"), None)
        if lemma in COUNTRY_NOUNS and poss_tok is not None and poss_tok.lower_ in PERSON_PRONOUNS:
            got = self._pronoun(poss_tok)  # "his country", "her government": the person's state
            return [replace(a, person=False, kind="country", start=token.idx, end=token.idx + len(token.text),
                            text=words) for a in got]
        if lemma in ("neighbour", "neighbor") and poss_tok is not None:
            owner = self._possessor(token)
            if owner is None:
                a = self.actors.entity_at(poss_tok)
                owner = a.code if a is not None else None
            cands = [s for s in self._before(token) if not s.actor.person
                     and s.actor.kind not in ("igo", "bloc", "group") and s.actor.code != owner]
            si = self.sent_of[token.i]
            # The owner's neighbour is another protagonist: same sentence first, else the most mentioned.
            top = next((s for s in cands if s.sentence == si), None) or self._topic(token, cands)
            return [self._note(top.actor, top, token, words)] if top is not None else []
        if "the" in det or "this" in det or "that" in det:
            if lemma in ORG_NOUNS:
                if lemma == "group" and any(c.dep_ in ("amod", "compound") for c in token.lefts):
                    return []  # "the paramilitary group", "the rebel group": a kind of group, not a bloc named before
                for s in self._before(token):
                    # ("Hezbollah fired rockets ... The group said": an armed group named before)
                    if s.actor.kind in ("igo", "bloc") or (lemma == "group" and s.actor.kind == "group"
                                                           and s.actor.role == "OPP"):
                        return [self._note(s.actor, s, token, words)]
                return []
            if lemma in COUNTRY_NOUNS:
                if token.tag_ in ("NNS", "NNPS") or any(c.lower_ in UNRECOGNISED for c in token.lefts):
                    return []  # "the breakaway republics", "the self-proclaimed state": no one state named before
                named = [a for c in token.rights if c.dep_ == "appos" and c.i <= token.i + 2
                         if (a := self.actors.entity_at(c)) is not None]
                if named:
                    return named  # "the capital Kyiv", "the kingdom Bahrain": the name it stands beside
                cands = [s for s in self._before(token)
                         if not s.actor.person and s.actor.kind not in ("igo", "bloc", "group")]
                if (styled := self.actors.lex.styles.get(lemma)) is not None:
                    # "the kingdom" is a state styled so: never the nearest republic ("... in Yemen, the kingdom")
                    cands = [s for s in cands if s.actor.code in styled]
                elif lemma == "republic":  # any state but a monarchy ("the former Soviet republic")
                    crowned = set().union(*self.actors.lex.styles.values())
                    cands = [s for s in cands if s.actor.code not in crowned]
                regions = self.actors.lex.regions
                region = next((hit[1].code for c in token.lefts if c.dep_ in ("amod", "compound")
                               for x in c.subtree if (hit := self.actors.by_token.get(x.i)) is not None
                               and hit[1].code in regions), None)
                if region is not None:
                    # "the Central Asian nation", "the Gulf state": one of the region's members, never the nearest
                    # state of another ("Blinken's visit to the Central Asian nation" is not to the United States)
                    cands = [s for s in cands if s.actor.code in regions[region]]
                top = self._salient(token, cands)
                if top is not None:
                    return [self._note(_gov(top.actor, lemma), top, token, words)]
                return []
            role = self.actors.role_of(token)
            if role == "OPP" and not self._has_modifier(token):
                # "the militants", "the rebels": the armed group named before
                top = next((s for s in self._before(token) if s.actor.kind == "group" and s.actor.role == "OPP"), None)
                return [self._note(top.actor, top, token, words)] if top is not None else []
            if role in ("GOV", "MIL") and lemma not in PAIR_NOUNS_PERSON and not self._has_modifier(token):
                cands = [s for s in self._before(token)
                         if not s.actor.person and s.actor.kind not in ("igo", "bloc", "group")]
                top = self._salient(token, cands)
                if top is not None:
                    return [self._note(replace(top.actor, role=role, kind="country"), top, token, words)]
                return []
            if lemma in PAIR_NOUNS_PERSON or role is not None and lemma in (
                "president", "premier", "minister", "leader", "chancellor", "king", "emir"
            ):
                for s in self._before(token):
                    if s.actor.person:
                        return [self._note(s.actor, s, token, words)]
        return []

    def _latter_former(self, token: Token, words: str) -> list[Actor]:
        """"Ukraine sued Russia, accusing the latter of ...": the last of the two actors named before ("the
        latter"), or the one named before it ("the former")."""
        last: list[Seen] = []  # the latest mention of each of the last two actors, latest first
        for s in sorted((s for s in self.seen if (s.sentence, s.token) < (self.sent_of[token.i], token.i)),
                        key=lambda s: (s.sentence, s.token), reverse=True):
            # (named mentions only: "the former" resolved just before is no third party for "the latter")
            if not self._venue(s) and s.actor.resolved_from is None and all(
                    s.actor.code != x.actor.code for x in last):
                last.append(s)
            if len(last) == 2:
                break
        if len(last) < 2:
            return []
        s = last[0] if token.lower_ == "latter" else last[1]
        return [self._note(s.actor, s, token, words)] if s.actor.code not in self.exclude else []

    def _venue(self, s: Seen) -> bool:
        """A place or the body an act was brought before ("met in Sochi", "sued Russia at the ICJ"): a setting,
        not one of the two parties "the former" and "the latter" tell apart."""
        if s.actor.kind == "place":
            return True
        t = self.actors.doc[int(s.token)] if s.token == int(s.token) and s.token < len(self.actors.doc) else None
        return t is not None and t.dep_ == "pobj" and t.head.lower_ in VENUE_PREPS

    def note(self, token: Token, actor: Actor) -> None:
        """Record a resolved reference as an antecedent for later ones ("his country" -> KGZ, then "its")."""
        if not any(s.token == token.i for s in self.seen):
            self.seen.append(Seen(self.sent_of[token.i], token.i, actor, token.dep_ in ("nsubj", "nsubjpass"),
                                  self.label_of(token.i)))
            self.seen.sort(key=lambda s: s.token)

    def _topic(self, token: Token, cands: list[Seen]) -> Seen | None:
        """The most mentioned country so far (ties: the first named), for descriptions such as "the junta"."""
        counts: dict[str, int] = {}
        first: dict[str, float] = {}
        for s in self.seen:
            # Only named mentions count: a resolved "it" would echo whatever was resolved before.
            if s.token < token.i and not s.actor.person and s.actor.kind not in ("igo", "bloc", "group") \
                    and s.actor.resolved_from is None:
                counts[s.actor.code] = counts.get(s.actor.code, 0) + 1
                first.setdefault(s.actor.code, s.token)
        allowed = {s.actor.code for s in cands}  # candidates already exclude the clause's own actors
        counts = {c: n for c, n in counts.items() if c in allowed}
        if not counts:
            return None
        best = max(counts, key=lambda c: (counts[c], -first[c]))
        return next((s for s in cands if s.actor.code == best), None)

    def _salient(self, token: Token, cands: list[Seen]) -> Seen | None:
        """For "the country", "the junta": a country named earlier in the same sentence, else the
        article's topic country, else the nearest."""
        si = self.sent_of[token.i]
        same = [s for s in cands if s.sentence == si]
        if same:
            return same[0]
        return self._topic(token, cands) or (cands[0] if cands else None)

    def thing_noun(self, token: Token) -> Token | None:
        """The noun a subject "it" stands for when it goes on telling of the thing a main clause named ("a Russian
        drone entered Polish airspace before it was shot down": the drone), so that a verb refined by its object
        reads the noun through the pronoun."""
        if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        return self._object_before(token)

    def _object_before(self, token: Token) -> Token | None:
        """The singular thing a main clause acted on, when "it" is the subject of its adverbial clause ("shot down a
        jet as it ..."): a common noun, never a state's name ("sanctioned Iran after it ...")."""
        clause = token.head
        if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in clause.children):
            return None
        # (or the object of a particle the parser read as a preposition: "shoots down[IN] a drone")
        obj = next((c for c in clause.head.children if c.dep_ == "dobj" and c.i < token.i), None) or next(
            (p for c in clause.head.children if c.dep_ == "prep" and c.lower_ in ("down", "off", "up", "out")
             for p in c.children if p.dep_ == "pobj" and p.i < token.i), None)
        # or a craft that was the main clause's subject, unless a craft was its object: "its bomber had strayed
        # into Turkish airspace before it was shot down"
        craft = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.lemma_.lower() in CRAFT_WORDS), None)
        if craft is not None and (obj is None or obj.lemma_.lower() not in CRAFT_WORDS):
            obj = craft
        if obj is None or obj.pos_ != "NOUN" or obj.tag_ != "NN" or obj.lemma_.lower() in PERSON_ROLES_HINT:
            return None  # (a person there is "he" or "she"; a collective "it" is the body named: its own actor)
        a = self.actors.entity_at(obj)
        return obj if a is None or a.kind not in ("country", "capital", "igo") else None

    def _answered(self, token: Token, cands: list[Seen]) -> Seen | None:
        """The state a reaction answers, when "it"/"its" is the subject of the reaction's clause of cause or time:
        the reaction verb's object or to/against-phrase ("summons Russia's envoy after its jets ...")."""
        clause = token.head if token.dep_ in ("nsubj", "nsubjpass") else token.head.head
        main = clause.head
        if clause.dep_ != "advcl" or main.lemma_.lower() not in REACTION_VERBS or not any(
                c.dep_ == "mark" and c.lower_ in REASON_MARKS for c in clause.children):
            return None
        objs = [c for c in main.children if c.dep_ == "dobj" and c.i < token.i] + [
            p for c in main.children if c.dep_ == "prep" and c.lower_ in ("to", "against", "with") and c.i < token.i
            for p in c.children if p.dep_ == "pobj"]
        for o in objs:
            found = [s for s in cands if o.left_edge.i <= s.token <= o.i and not s.actor.person]
            if found:
                return found[0]
        return None

    def _has_modifier(self, token: Token) -> bool:
        return any(c.dep_ in ("amod", "compound", "poss") and c.pos_ in ("PROPN", "ADJ", "PRON") for c in token.lefts)

    def _possessor(self, token: Token) -> str | None:
        for c in token.lefts:
            if c.dep_ == "poss" and c.lower_ in THING_PRONOUNS:
                r = self._pronoun(c)
                return r[0].code if r else None
        return None

    def sole_actor_before(self, token: Token, exclude: frozenset[str]) -> list[Actor]:
        """The one actor the sentence right before ``token``'s names (none if it names two or none): the doer
        of whatever that sentence told."""
        si = self.sent_of[token.i]
        prev = [s for s in self.seen if s.sentence < si]
        if not prev:
            return []
        last = max(s.sentence for s in prev)
        there = [s for s in prev if s.sentence == last]
        if len({s.actor.code for s in there}) != 1 or there[0].actor.code in exclude or not there[0].actor.codable:
            return []
        return [self._note(there[0].actor, there[0], token, token.text)]

    def _person(self, token: Token, cands: list[Seen]) -> Seen | None:
        """The person "he" or "she" refers to, of ``cands``."""
        persons = [s for s in cands if s.actor.person]
        si = self.sent_of[token.i]
        # Centering: within the sentence the subject is the likelier antecedent ("Japarov flew to meet
        # Putin, days after his government ...").
        subj = [s for s in persons if s.sentence == si and s.subject]
        return (subj or persons)[0] if subj or persons else None

    def person_noun(self, token: Token) -> Token | None:
        """The noun a "he" or "she" stands for ("its ambassador ... after he was summoned": the ambassador),
        so that a verb refined by its object reads the noun through the pronoun."""
        if token.lower_ not in PERSON_PRONOUNS:
            return None
        s = self._person(token, self._before(token))
        if s is None or s.token != int(s.token) or s.token >= len(self.actors.doc):
            return None  # an antecedent from a sentence that was not parsed has no token here
        return self.actors.doc[int(s.token)]

    def _pronoun(self, token: Token) -> list[Actor]:
        low = token.lower_
        if low in FIRST_PLURAL:
            return speakers_side(self.actors, token)
        cands = self._before(token)
        if low in PERSON_PRONOUNS:
            s = self._person(token, cands)
            return [self._note(s.actor, s, token, token.text)] if s is not None else []
        if low in ("itself",):
            # Reflexive: the subject of its clause.
            head = token.head
            while head.dep_ not in ("ROOT",) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                if head.head.i == head.i:
                    break
                head = head.head
            for c in head.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    a = self.actors.actor_of(c)
                    if a is not None:
                        return [replace(a, start=token.idx, end=token.idx + len(token.text), text=token.text,
                                        resolved_from=f"{a.text} (clause subject)")]
        if low == "it" and token.dep_ in ("dobj", "pobj"):
            # "condemned Moscow's annexation ... and would never recognise it": the act is its author's.
            sent_start = token.sent.start
            for t in reversed(token.doc[sent_start:token.i]):
                if t.pos_ == "NOUN" and t.dep_ in ("dobj", "pobj") and t.i not in self.actors.by_token:
                    while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
                        t = t.head.head  # "annexation of four Ukrainian regions": the head of the phrase
                    poss = next((c for c in t.children if c.dep_ == "poss"), None)
                    a = self.actors.entity_at(poss) if poss is not None else None
                    if poss is not None and a is not None and a.code not in self.exclude:
                        return [replace(a, start=token.idx, end=token.idx + 2, text=token.text,
                                        resolved_from=f"{poss.text} {t.text} (sentence {self.label_of(t.i)})")]
                    break
            part = token.head
            if part.dep_ == "advcl" and part.tag_ == "VBG" and part.head.pos_ == "VERB" and \
                    part.lemma_.lower() not in AGENT_VERBS:
                # "apologises for the timing of the announcement ..., calling it a grave error": "it" is what the
                # main verb took (its object, else its first prepositional object); a thing there is no actor
                main = part.head
                obj = next((c for c in main.children if c.dep_ == "dobj"), None) or next(
                    (p for c in main.children if c.dep_ == "prep" and c.i < part.i
                     for p in c.children if p.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "NOUN" and obj.i not in self.actors.by_token and not any(
                        c.dep_ == "poss" for c in obj.children):
                    return []
        if low == "it" and token.dep_ in ("nsubj", "nsubjpass") and (thing := self._object_before(token)) is not None:
            # "shot down a Russian jet after it violated its airspace", "downs a drone as it flew over": "it" is
            # the thing the main clause acted on (its actor if it names one: the jet is Russia's; a drone, no one)
            a = self.actors.actor_of(thing) or next(iter(self._resolve(thing)), None)  # or "the country"
            poss = next((c for c in thing.children if c.dep_ == "poss" and c.lower_ == "its"), None)
            if a is None and poss is not None:  # "its bomber had strayed ... before it was shot down": its owner's
                a = next(iter(self._pronoun(poss)), None)
            return [replace(a, start=token.idx, end=token.idx + 2, text=token.text,
                            resolved_from=f"{thing.text} (sentence {self.label_of(thing.i)})")] if a is not None else []
        if low in THING_PRONOUNS:
            si = self.sent_of[token.i]
            things = [s for s in cands if not s.actor.person and not self._adjective_of_person(s)]
            # A person subject of the same sentence speaks for a state: "Japarov ... cannot cut ties with
            # Russia and China, its two largest trading partners" -> Kyrgyzstan, before earlier sentences.
            leaders = [replace(s, actor=replace(s.actor, person=False, kind="country"))
                       for s in cands if s.actor.person and s.sentence == si and s.subject]
            same = [s for s in things if s.sentence == si and not self._plural_subject_of_clause(token, s)]
            things = same + leaders + [s for s in things if s.sentence != si]
            subj_pos = token.dep_ in ("nsubj", "nsubjpass") or (
                token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass"))
            answered = self._answered(token, cands) if subj_pos else None
            if answered is not None:
                return [self._note(answered.actor, answered, token, token.text)]
            if subj_pos or self.subject_first:
                # A subject "it"/"its" continues the previous subject ("China is ..., and its companies ..."),
                # but not a plural one: "Russian officials accused Kazakhstan of ingratitude after it sent aid"
                # is Kazakhstan's act (the officials are "they"; their adjective's state is no "it" here)
                plural = [s for s in things if s.sentence == si and self._adjective_of_plural(s)]
                if not any(s.sentence == si and s not in plural for s in things):
                    plural = []  # ("Russian officials said it would respond": no other state to be "it")
                things = [s for s in things if s.sentence == si and s.subject and s not in plural] + [
                    s for s in things if s not in plural] + plural
            for s in things:
                return [self._note(s.actor, s, token, token.text)]
            return []
        if low == "them" and token.dep_ in ("dobj", "pobj", "dative"):
            # "expels three French diplomats, accusing them of ...": the people just named as an object, not the
            # subject that acts on them
            si = self.sent_of[token.i]
            doc = self.actors.doc
            for s in cands:
                if s.sentence == si and not s.subject and s.token == int(s.token) and \
                        doc[int(s.token)].tag_ in ("NNS", "NNPS") and doc[int(s.token)].dep_ in ("dobj", "nsubjpass"):
                    return self._conjoined(s, cands, token)  # with the people listed beside them
        if low in PLURAL_PRONOUNS:
            # "France and Germany condemned ... and said they would ...": the coordinated subject group.
            si = self.sent_of[token.i]
            # (the group is found among all actors, the clause's own subject too: "Putin and Obama meet at the U.N.,
            # their first talks" means the two, and an excluded group means none of the others, not the U.N.)
            every = self._before(token, every=True)
            teller = token.head.head if token.dep_ == "nsubj" and token.head.dep_ == "ccomp" else None
            told = next((c for c in teller.children if c.dep_ == "nsubj"), None) if teller is not None else None
            if told is not None and told.i < token.i and any(c.dep_ == "conj" for c in told.children):
                # "a move the United States and the EU said they would never recognise": the pair that says it
                listed = {told.i, *(c.i for c in told.conjuncts)}
                pair = {s.actor.code: s for s in every if s.sentence == si and int(s.token) in listed}
                if len(pair) >= 2:
                    return [self._note(s.actor, s, token, token.text) for s in pair.values()]
            gov = token.head.head if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ccomp" else None
            obj = next((c for c in gov.children if c.dep_ in ("dobj", "dative") and c.tag_ in ("NNS", "NNPS")
                        and c.i < token.i), None) if gov is not None else None
            if obj is not None:
                # "warned Kyrgyz banks that they risk penalties": the plural told is who "they" are
                named = {s.actor.code: s for s in every if s.sentence == si and s.token == int(s.token)
                         and obj.left_edge.i <= s.token <= obj.i}
                if named:
                    return [self._note(s.actor, s, token, token.text) for s in named.values()]
            for group_sentence in (si, si - 1):
                # Leaders named together stand for their states: "Japarov and Rahmon spoke ... after their
                # border guards clashed".
                group = [s if not s.actor.person else replace(s, actor=replace(s.actor, person=False, kind="country"))
                         for s in every if s.sentence == group_sentence and s.subject]
                if len({s.actor.code for s in group}) == 1:
                    group += self._met_with(group[0], cands)
                codes = {s.actor.code for s in group}
                if len(codes) >= 2:
                    out, seen_codes = [], set(self.exclude)
                    for s in group:
                        if s.actor.code not in seen_codes:
                            seen_codes.add(s.actor.code)
                            out.append(self._note(s.actor, s, token, token.text))
                    return out
            nearest = next((s for s in cands if s.actor.kind in ("bloc", "igo")
                            or s.actor.role in ("MIL", "CVL", "OPP", "BUS")), None)
            if nearest is not None and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ccomp" and (
                    said := next((c for c in token.head.head.children if c.dep_ == "nsubj"), None)) is not None \
                    and said.left_edge.i <= nearest.token < token.head.head.i:
                # "Yemeni forces, backed by Saudi troops, say they have captured Mokha": the subject of a reported
                # clause is who reports it, not a plural named between the reporter and its verb
                span = range(said.left_edge.i, said.i + 1)  # its head and what precedes it ("Saudi and Emirati")
                named = {s.actor.code: s for s in reversed(cands) if s.sentence == si and s.token == int(s.token)
                         and int(s.token) in span and not s.actor.person}
                if named:
                    return [self._note(s.actor, s, token, token.text) for s in named.values()]
            doc = self.actors.doc
            people = next((s for s in cands if s.sentence in (si - 1, si) and s.subject and s.token == int(s.token)
                           and doc[int(s.token)].tag_ == "NNS" and s.actor.role is not None), None)
            if people is not None and any(t.tag_ in ("NNS", "NNPS") for t in doc[int(people.token) + 1:token.i]):
                people = None  # ("fired missiles ... it intercepted seven missiles, three of them": the nearer plural)
            if people is not None:
                # a nation's people last named as a subject: "Russian lawmakers criticised Kazakhstan. One of them
                # accused Astana of ingratitude"
                return self._conjoined(people, cands, token)  # (with those named beside them)
            if nearest is not None:
                return self._conjoined(nearest, cands, token)
            return []
        return []

    def _plural_subject_of_clause(self, token: Token, s: Seen) -> bool:
        """"Chinese warplanes entered its air defence zone": a singular "its" inside a clause is not that
        clause's plural subject (nor the state its adjective names); the zone is another's."""
        if s.token != int(s.token):
            return False
        cand = self.actors.doc[int(s.token)]
        return token.dep_ == "poss" and cand.tag_ in ("NNS", "NNPS") and cand.dep_ in ("nsubj", "nsubjpass") \
            and token.head.dep_ in ("dobj", "pobj") and cand.head in (token.head.head, token.head.head.head)

    def _adjective_of_person(self, s: Seen) -> bool:
        """"returns a Jordanian fisherman arrested by its navy": a national adjective of one civilian or reporter
        names a person, whom "it"/"its" never stands for."""
        if s.token != int(s.token) or s.token >= len(self.actors.doc):
            return False
        cand = self.actors.doc[int(s.token)]  # (the noun the adjective is read with)
        return s.actor.kind == "adjective" and cand.tag_ == "NN" and self.actors.role_of(cand) in ("CVL", "MED")

    def _adjective_of_plural(self, s: Seen) -> bool:
        """"Russian officials", "Chinese troops": a state named by a plural common noun or its adjective."""
        if s.token != int(s.token):
            return False
        cand = self.actors.doc[int(s.token)]
        return cand.tag_ == "NNS" or (cand.dep_ == "amod" and cand.head.tag_ == "NNS")

def _gov(a: Actor, lemma: str) -> Actor:
    """'the country' as a government actor when it acts ("the government", "the country" as agent)."""
    return replace(a, role=a.role if a.role else ("GOV" if lemma in ("government",) else None), person=False,
                   kind="country" if a.kind in ("capital", "seat", "adjective", "leader") else a.kind)
