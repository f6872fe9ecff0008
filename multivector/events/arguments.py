"""Who a predicate's arguments are: actors of noun phrases, subjects, prepositional targets.

The mechanism under the coder: a noun phrase is read through its head, modifiers, apposition and
of-phrase (matcher), or resolved from context (context); coordination multiplies actors; a subject
is inherited along complements and conjuncts; a target phrase falls back to its possessor, its
by-agent and, where the pattern allows, a national modifier ("two Chinese engineers").
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from ..actors.matcher import Actor
from . import modality
from .references import References, through_quantity
from .tree import (
    BORDER_NOUNS,
    CO_AGENT,
    HOLDING_VERBS,
    MEDIATION_NOUNS,
    NEARNESS,
    absolute_clause,
    child,
    flat_preps,
    fronted_list,
    is_passive,
    misparsed_main,
    name_head,
    near_a_border,
    passive_subject,
    phrase_tokens,
    pobj_of,
    prep_name,
    prep_objects,
    reciprocal,
    route_ends,
    third_party,
)

LAUNCH_VERBS = frozenset({"fire", "launch"})


def participle(t: Token) -> bool:
    """A past participle, or the tagger's past tense for a firing one ("a rocket fired[VBD] from Gaza")."""
    return t.tag_ == "VBN" or (t.tag_ == "VBD" and t.lemma_ in LAUNCH_VERBS)


# Copulas whose attribute is their subject ("X becomes the first country to ...").
COPULAS = frozenset({"be", "become", "remain"})
# A body that adopts or issues a text speaks through it ("adopted a resolution condemning ...").
ADOPT_VERBS = frozenset({"adopt", "pass", "approve", "issue", "release", "publish", "unveil", "enact"})
# People held for serving a state: "a man suspected of spying for Ukraine", "accused of working for Iranian
# intelligence" (the state served is whom the arrest is aimed at).
SUSPECTED_WORDS = frozenset({"suspect", "accuse", "charge", "convict", "arrest", "detain", "jail", "sentence"})
SERVING_VERBS = frozenset({"spy", "work", "collaborate", "act", "gather", "pass", "operate"})
# Who wrote or owns what is acted on: "a U.S.-drafted resolution" is the United States', "a tanker operated by ..."
AUTHOR_WORDS = frozenset({"draft", "sponsor", "propose", "author", "table", "submit", "present", "put", "own",
                          "operate"})
AUTHOR_FORMS = frozenset({"drafted", "sponsored", "proposed", "authored", "tabled", "submitted"})
# Forums an act is agreed in: their partners may be parties to it, their hosts and mediators are not
FORUM_NOUNS = frozenset({"talk", "negotiation", "meeting", "summit", "conference", "consultation"})


class Arguments(References):
    """Argument readers over one parsed article; the coder subclasses this."""

    def thanked_for(self, v: Token) -> list[Actor] | None:
        """Who did the act a state is thanked or praised for ("thanks Germany for supplying air defence"): the one
        thanked; None when ``v`` is no such act."""
        if v.dep_ != "pcomp" or v.head.lower_ != "for" or v.tag_ != "VBG":
            return None
        praise = v.head.head
        if praise.lemma_.lower() not in modality.words().gratitude_verbs:
            return None
        return self.actors_for(child(praise, "dobj"))

    def act_owner(self, noun: Token) -> list[Actor]:
        """Whose act a subject noun is: "Japan's decision drew protests", "Israel's raid sparked condemnation"
        (an act's owner answers for what the act drew). Nominals knows the event nouns."""
        return []

    def launched_from(self, noun: Token) -> list[Actor]:
        """Who acted through a thing that did the act: "rockets fired from Lebanon", "drones launched by
        Iran", "a missile fired by Houthi rebels" (the by-agent, else the place it came from, as MIL), "fired a
        missile that hit" (the firer)."""
        rel = noun.head
        if noun.tag_ in ("WDT", "WP") and noun.dep_ == "nsubj" and rel.dep_ == "relcl" and rel.head.dep_ == "dobj" \
                and rel.head.lemma_.lower() in modality.words().fired_weapons and rel.head.head.pos_ == "VERB":
            # "Houthi rebels fire a missile that hits a Saudi base": the relative's act is the firer's
            return [x if x.role is not None else dataclasses.replace(x, role="MIL")
                    for x in self.subjects(rel.head.head)]
        launchers = [c for c in noun.children if c.dep_ == "acl" and participle(c)]
        if noun.dep_ == "nsubj" and noun.head.lemma_ in LAUNCH_VERBS:
            launchers.append(noun.head)  # the small parser reads "Rockets fired from Lebanon struck" as a clause
        for c in launchers:
            for a in c.children:
                if a.dep_ == "agent":  # a state that fires weapons acts militarily
                    return [x if x.role is not None else Actor(x.code, "MIL", x.start, x.end, x.text, x.kind,
                                                                x.codable, x.person, x.resolved_from)
                            for x in self.actors_for(pobj_of(a))]
            for a in c.children:
                if a.dep_ == "prep" and a.lower_ == "from":
                    place = [x for x in self.actors_for(pobj_of(a)) if x.kind in ("country", "capital", "adjective", "place")
                             or x.role is None]
                    # fired from a place: by the forces there (a place as such never acts)
                    return [Actor(x.code, "MIL", x.start, x.end, x.text, "country" if x.kind == "place" else x.kind,
                                  x.codable, False, x.resolved_from) for x in place]
        return []

    def issued_by(self, noun: Token) -> list[Actor]:
        """The authors of a statement that is the subject: "a joint statement by France and Germany condemned",
        "the EU's statement welcomed", "a communique issued by the G7"."""
        from .modality import words

        if noun.lemma_.lower() not in words().statement_nouns:
            return []
        for c in noun.children:
            if c.dep_ == "poss":
                return self.actors_for(c)
            if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
                return self.actors_for(pobj_of(c))
            if c.dep_ == "acl":
                for a in c.children:
                    if a.dep_ == "agent":
                        return self.actors_for(pobj_of(a))
        return []

    def subjects(self, v: Token) -> list[Actor]:
        """Source actors: subject, passive agent, or the subject a complement or conjunct inherits."""
        t = v
        via_xcomp = False
        from_conj = False  # the last step climbed from a conjunct to its head
        from_participle = False  # the last step climbed from the act's own participle to its head
        for _ in range(6):
            if is_passive(t) and t is v:
                for x in (t, *t.conjuncts):
                    for c in x.children:
                        if c.lower_ == "by" and (c.dep_ == "agent" or (c.dep_ == "prep" and child(x, "dobj"))):
                            # (the parser's plain "by" after a two-object passive: "Ukraine is promised $500
                            # million by Japan")
                            return self.actors_for(pobj_of(c))
                # "supplies donated by China were handed over to ...": the agent of the thing's participle
                theme = passive_subject(t)
                theme = through_quantity(theme) if theme is not None else None  # "tonnes of supplies donated by"
                for acl in (theme.children if theme is not None else ()):
                    if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lower_ in modality.words().giving_participles:
                        for c in acl.children:
                            if c.dep_ == "agent":
                                return self.actors_for(pobj_of(c))
                return []
            if misparsed_main(t):
                return self.actors_for(t.head)  # "Filipino fishermen and activists protested outside ..."
            if (thanked := self.thanked_for(t)) is not None:
                return thanked  # "thanks Trump for sharing intelligence": Trump shared it
            if t.dep_ == "acl" and participle(t):
                for c in t.children:
                    if c.dep_ == "agent":
                        return self.actors_for(pobj_of(c))
                if t is v and t.lemma_ in LAUNCH_VERBS and \
                        t.head.lemma_.lower() in modality.words().fired_weapons:
                    return self.launched_from(t.head)  # "a missile fired from Yemen at Riyadh": forces in Yemen
                return []
            if t is v and t.dep_ == "amod" and t.tag_ == "VBG" and t.head.pos_ == "PROPN":
                return self.actors_for(t.head)  # "met visiting Chinese Foreign Minister Wang Yi": the guest visits
            if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                if t.tag_ == "VBG":  # "resolutions banning its weapons": the noun acts
                    return self._acting_noun(t.head)
                poss = self.possessor(t.head)  # "Armenia's decision to freeze"
                if poss:
                    return poss
            # never a subject outside the clause's subordinator: a re-read headline can leave two ("Messages ...
            # from Fiji after gunmen kill": gunmen kill, not the messages)
            marks = [m.i for m in t.children if m.dep_ == "mark"]
            subj = next((c for c in t.children
                         if (c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and (via_xcomp or t is not v)))
                         and not any(c.i < m < t.i for m in marks)), None)
            if subj is not None:
                got = self.actors_for(subj) or self.launched_from(subj) or self.issued_by(subj) or (
                    self.act_owner(subj) if t is v else []) or (
                    # "a resolution that lifts the arms embargo on Somalia": the relative's noun acts
                    # (only a text adopted or signed into force: not "a statement which ...")
                    self._acting_noun(t.head, document=True) if t.dep_ == "relcl" and subj.tag_ in ("WDT", "WP")
                    else [])
                if got and t is v:
                    got += [a for a in self._headline_partners(t, subj) if a.code not in {g.code for g in got}]
                if got or (t.dep_ != "conj" and not from_conj and not from_participle) or \
                        through_quantity(subj).lemma_.lower() in modality.words().crowd_nouns:
                    return got  # "..., and protesters storm the embassy": a crowd acts for itself (crowd_place)
                # "Rouhani tells reporters that time is short, and calls on France": the conjunct hung on the
                # that-clause, whose subject is no actor; the teller is the subject
                # "Islamabad said the strikes had killed civilians and vowed to retaliate": a conjunct
                # misattached under the wrong clause; keep climbing to an actor subject.
            for c in t.lefts:  # "Washington, meanwhile, has accused ...", "Turkey summons ...": a parser slip
                # leaves the subject as npadvmod or a compound of a headline verb
                if c.dep_ in ("npadvmod", "compound") and self.actors.entity_at(c) is not None:
                    return self.actors_for(c)
                if t.pos_ in ("VERB", "AUX") and c.dep_ in ("amod", "compound") and (
                        led := self.actors.led_by(c)) is not None:
                    return [led]  # "The Saudi-led coalition bombs ...": the coalition's leader
            if t.dep_ == "ROOT" and (fronted := self._fronted_subjects(t)):
                return fronted
            if t.dep_ == "relcl" and t is not v:
                return self.actors_for(t.head)
            if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ in ("for", "over"):
                # "rebuked Sudan for recalling its ambassador", "praised Turkey for hosting refugees": the
                # judged one did the act ("blacklisted Kyrgyz banks for helping Russia", "two men were arrested
                # for spying": never the judge, even when the judged one is no actor); a measure's, the one it
                # falls on ("imposed sanctions on two Chinese firms for selling missiles to Pakistan")
                judge = t.head.head
                measure = child(judge, "dobj")
                if measure is not None and measure.lemma_.lower() in modality.words().measure_nouns:
                    hit = prep_objects(measure, ("on", "against")) or prep_objects(judge, ("on", "against"))
                    return self.actors_for(hit[0]) if hit else []
                judged_tok = measure or (passive_subject(judge) if is_passive(judge) else None)
                if judged_tok is not None and judge.lemma_.lower() in modality.words().judging_verbs:
                    return self.actors_for(judged_tok)
            if t.dep_ == "ccomp" and t.head.dep_ == "relcl" and t.head.lemma_.lower() in \
                    modality.words().report_verbs and not any(c.dep_ in ("dobj", "nsubj") and c.tag_ in (
                        "WDT", "WP") for c in t.head.children):
                # "a Russian warplane it said had violated its airspace": the gap the said clause leaves for its
                # subject is the noun the relative clause describes, not the sayer
                return self.actors_for(t.head.head)
            if t.dep_ == "xcomp" and t.head.lemma_.lower() in modality.words().object_control_verbs and (
                    obj := child(t.head, "dobj")) is not None:
                # "the move prompted China to threaten sanctions", "NATO forced Serbia to withdraw": the one made to
                # act is the object, never the subject
                return self.actors_for(obj)
            if t.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "acl", "dobj", "ccomp", "acomp",
                          "attr", "relcl") and t.head.i != t.i:
                via_xcomp = t.dep_ in ("xcomp", "acomp") or via_xcomp
                from_conj = t.dep_ == "conj"
                # "broke the truce hours after it took effect, shelling a hospital": a participle hung on a
                # clause whose subject is a thing ("it", the moratorium) is done by the subject above it
                from_participle = t.dep_ == "advcl" and t.tag_ == "VBG" and t is v
                if t.dep_ == "relcl":
                    return self._copula_subject(t.head) or self.actors_for(t.head)
                t = t.head
                continue
            break
        return []

    def _copula_subject(self, attr: Token) -> list[Actor]:
        """The subject a copula's attribute stands for: "Sweden becomes the first EU member state to recognise
        Palestine" (Sweden recognises it; the group in the attribute only ranks it)."""
        cop = attr.head
        if attr.dep_ != "attr" or cop.lemma_.lower() not in COPULAS:
            return []
        return [a for c in cop.children if c.dep_ == "nsubj" for a in self.actors_for(c)]

    def _acting_noun(self, n: Token, *, document: bool = False) -> list[Actor]:
        """Who acts through a noun that does something: itself ("the Kremlin, which ..."), a statement's authors,
        or whoever adopted or signed it ("the Council adopted a resolution condemning ...", "Trump signs an order
        sending the National Guard")."""
        got = [] if document else (self.actors_for(n) or self.issued_by(n))
        verb, noun = n.head.lemma_.lower(), n.lemma_.lower()
        # signed into force: an order or a law, not "signed a memorandum" (both sides' agreement, 057)
        adopted = verb in ADOPT_VERBS or (verb == "sign" and noun in modality.words().signed_acts)
        if not got and n.dep_ == "dobj" and adopted and (
                noun in modality.words().statement_nouns or noun in modality.words().signed_acts):
            got = self.subjects(n.head)
        return got

    def _fronted_subjects(self, v: Token) -> list[Actor]:
        """Subjects the parser swallowed into a fronted phrase (tree.fronted_list), when two or more are actors."""
        got = [a for x in fronted_list(v) if (a := self.actors.actor_of(x)) is not None and a.codable]
        return got if len(got) >= 2 else []

    def _headline_partners(self, v: Token, subj: Token) -> list[Actor]:
        """"Iran, Oman sign security pact": a headline joins its subjects with a comma; the first is left as a
        modifier of the plural verb. Only at the start of the sentence, before a plural present verb."""
        if v.tag_ not in ("VB", "VBP"):
            return []
        out: list[Actor] = []
        for c in v.lefts:
            if c.i == subj.i or c.dep_ not in ("npadvmod", "nsubj", "dep", "appos"):
                continue
            first, second = (c, subj) if c.i < subj.i else (subj, c)
            if second.dep_ != "nsubj" and second.i == c.i:
                continue  # "Japan, South Korea hold ...": a second subject after the comma is one too
            nxt = first.doc[first.right_edge.i + 1] if first.right_edge.i + 1 < len(first.doc) else None
            if first.left_edge.i == first.sent.start and nxt is not None and nxt.text == "," and \
                    nxt.i + 1 == second.left_edge.i and self.actors.entity_at(c) is not None:
                out += self.actors_for(c)
        return out

    def prep_targets(self, tok: Token, names: tuple[str, ...], *, possessor: bool,
                     exclude: frozenset[str] = frozenset()) -> list[Actor]:
        """Actors in a prepositional phrase of ``tok`` (or nested one level: "by telephone with Putin")."""
        preps = flat_preps(tok)
        # Only a means-of-contact phrase nests its partner: "by telephone with Putin", "via video link with".
        nested = [pp for c in preps if c.lower_ in ("by", "via", "over") for p in c.children if p.dep_ == "pobj"
                  for pp in p.children if pp.dep_ == "prep"]
        for c in preps + nested:
            if prep_name(c) not in names or any(x.dep_ == "advmod" and x.lower_ in CO_AGENT for x in c.children):
                continue  # "its artillery fire together with U.S. air strikes": a partner, not a target
            for p in c.children:
                if p.dep_ == "pobj" and c.lower_ == "with" and (
                        p.lemma_.lower() in modality.words().backing_nouns or p.lemma_.lower() in MEDIATION_NOUNS):
                    continue  # "fought IS with assistance from U.S. airstrikes": a helper, not a partner or foe
                    # (nor a mediator: "meet to discuss the dispute, with mediation by Ecuador")
                if p.dep_ == "pobj" and c.lower_ == "with" and third_party(p):
                    continue  # "sign a peace agreement, with Cuba and Norway as guarantors": no party to it
                if absolute_clause(c, p):
                    continue  # "held talks with Ukraine, with Turkey acting as mediator": no partner
                if p.dep_ == "pobj" and c.lower_ == "in" and p.lemma_.lower() in FORUM_NOUNS:
                    # "agreed to a ceasefire in talks hosted by Cuba": the talks' partners, never their host
                    found = self.prep_targets(p, ("with", "between"), possessor=False, exclude=exclude)
                elif p.dep_ in ("pobj", "pcomp"):
                    found = self.phrase_actors(p, possessor=possessor, exclude=exclude)
                else:
                    continue
                if found:
                    # and the same preposition joined to it: "appealed to the United Nations and to South Africa"
                    more = [a for x in c.conjuncts if x.pos_ == "ADP" and x.lower_ == c.lower_ for q in x.children
                            if q.dep_ in ("pobj", "pcomp")
                            for a in self.phrase_actors(q, possessor=possessor, exclude=exclude)]
                    named = {f.code for f in found}
                    return found + [a for a in more if a.code not in named]
        return []

    def border_with_elsewhere(self, p: Token, exclude: frozenset[str]) -> list[Actor]:
        """Whose border a border phrase names when the parser hangs its "with" phrase elsewhere (on the verb, the
        object or the noun before: "massing troops along the border with X", "put on alert along the border
        with X"): the "with" right after the border phrase is the border's."""
        if p.lemma_.lower() not in BORDER_NOUNS or p.dep_ != "pobj":
            return []
        nxt = p.doc[p.right_edge.i + 1] if p.right_edge.i + 1 < len(p.doc) else None
        if nxt is None or nxt.lower_ != "with" or nxt.dep_ != "prep" or nxt.head.i == p.i:
            return []
        return [a for o in nxt.children if o.dep_ == "pobj" for a in self.phrase_actors(o, possessor=False)
                if a.code not in exclude]

    def phrase_actors(self, p: Token, *, possessor: bool = True, exclude: frozenset[str] = frozenset(),
                      loose: bool = True) -> list[Actor]:
        """The actor a target phrase names: itself, its possessor, its by-agent; if ``loose``, a national
        modifier or any entity inside ("near its border with Ukraine", "two Chinese engineers")."""
        W = modality.words()
        counted = through_quantity(p)

        def including(codable: bool = False) -> list[Actor]:
            # "detained its crew, including a Swedish activist and a French lawmaker": the people named (or a
            # phrase the parser hangs on the verb after the object: "detain the crew, including ...", or on the
            # counted noun: "dozens of suspected ISIL members, including two Germans")
            return [a for c in [*p.children, *(counted.children if counted is not p else []),
                                *(p.head.children if p.dep_ == "dobj" else [])]
                    if c.dep_ == "prep" and c.lower_ == "including" and c.i > p.i
                    for x in c.children if x.dep_ == "pobj" for y in (x, *x.conjuncts)
                    for a in self.actors_for(y, exclude) if a.codable or not codable]

        def named() -> list[Actor]:
            got = self.actors_for(p, exclude)  # a group the scheme does not code gives way to the people listed
            return got if any(a.codable for a in got) else including(codable=True) or got

        chain = [
            lambda: self.author_of(p),
            named,
            including,
            lambda: self.possessor(p, exclude) if possessor else [],
            lambda: self.served_state(p, exclude),
            lambda: self.holder(p, exclude),
            lambda: self._agent_of(p),
            lambda: self.event_source(p) if possessor else [],
            lambda: self.prep_targets(p, ("with",), possessor=False) if p.lemma_.lower() in BORDER_NOUNS else [],
            lambda: self.border_with_elsewhere(p, exclude),
            lambda: self.prep_targets(p, ("in", "inside", "near"), possessor=False) if p.lemma_.lower() in self.place_nouns() else [],
            lambda: [a for e in route_ends(p, W.route_nouns, W.route_verbs)
                     for a in self.phrase_actors(e, possessor=False)],  # "roads leading to the Ukrainian border"
        ]
        if loose:
            chain += [lambda: self.nearby_owner(p, exclude) or self.modifier_entity(
                p, exclude if self.past_doer else frozenset()), lambda: self._entity_in(p)]
        if reciprocal(p):
            exclude = frozenset()  # "each side accused the other": the pair; the caller drops self-pairs
        for step in chain:
            found = [a for a in step() if a.code not in exclude]
            if found:
                return found
        return []

    def nearby_owner(self, p: Token, exclude: frozenset[str]) -> list[Actor]:
        """Whose border or coast an act is near, told by a pronoun ("NATO's exercises near its borders"): no one
        is the target of its own drills, so a pronoun whose nearest reading is the doer is the other state's."""
        if not (exclude and p.dep_ == "pobj" and (prep_name(p.head) in NEARNESS or (
                p.lemma_.lower() in BORDER_NOUNS and p.head.lower_ in ("on", "at", "across")))):
            return []
        poss = next((c for c in p.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        return [a for a in self.actors_for(poss, exclude) if a.code not in exclude] if poss is not None else []

    def served_state(self, p: Token, exclude: frozenset[str]) -> list[Actor]:
        """The state a person is held for serving: "a man suspected of spying for Ukraine" -> UKR."""
        for c in p.children:
            if c.dep_ == "acl" and c.lemma_.lower() in SUSPECTED_WORDS:
                for g in (g for x in c.children if x.dep_ == "prep" and x.lower_ in ("of", "for")
                          for g in x.children if g.dep_ in ("pobj", "pcomp")):
                    if g.lemma_.lower() in SERVING_VERBS:
                        return [a for o in prep_objects(g, ("for",)) for a in self.phrase_actors(o, exclude=exclude)
                                if a.codable]
        return []

    def holder(self, p: Token, exclude: frozenset[str]) -> list[Actor]:
        """The state that holds people, when the people are not one's own to name: "demanded the release of its
        nationals held in the United States" -> USA (by its agent, else the state they are held in)."""
        for c in through_quantity(p).children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in HOLDING_VERBS:
                by = [a for g in c.children if g.dep_ == "agent" for a in self.actors_for(pobj_of(g), exclude)]
                held_in = [a for q in prep_objects(c, ("in",)) for a in self.actors_for(q, exclude)
                           if a.kind in ("country", "capital", "place")]
                return [a for a in by or held_in if a.codable and a.code not in exclude]
        return []

    def author_of(self, p: Token) -> list[Actor]:
        """The author or owner of a thing acted on: "vetoed a U.S.-drafted resolution", "rejected a resolution
        drafted by France", "a Russian-sponsored text", "seized a plane belonging to Venezuela's airline"."""
        for c in p.children:
            if c.dep_ == "acl" and c.lemma_.lower() == "belong":  # "a plane belonging to Venezuela's airline"
                return [a for o in prep_objects(c, ("to",)) for a in self.phrase_actors(o)]
            if c.dep_ in ("amod", "acl") and c.lemma_.lower() in AUTHOR_WORDS:
                for a in c.children:
                    if a.dep_ == "agent":
                        return self.actors_for(pobj_of(a))
                got = [x for m in c.children if m.dep_ in ("npadvmod", "amod", "compound", "nmod")
                       if (x := self.actors.entity_at(m)) is not None]
                if got:
                    return got
            low = c.lower_
            if c.dep_ in ("amod", "compound") and "-" in low and low.rsplit("-", 1)[1] in AUTHOR_FORMS:
                author = self.actors.state_word(c.text.rsplit("-", 1)[0], c.idx)
                if author is not None:
                    return [author]
        return []

    def only_near(self, base: Token, actor: Actor) -> bool:
        """The state is named only by the border the place is near ("in an operation near the Libyan border"):
        the act was not in it ("near Kyiv" is still in Ukraine)."""
        tok = name_head(base.doc, actor.start, actor.end)
        while tok is not None and tok.i != base.i and tok.head.i != tok.i:  # spaCy makes a new Token per access
            if tok.dep_ == "prep" and prep_name(tok) in NEARNESS:
                return near_a_border(tok.head)
            tok = tok.head
        return False

    def opposed_to(self, tok: Token) -> list[Actor]:
        """The state an "anti-X" modifier names ("anti-China protests", "anti-American rallies"): the matcher
        leaves it out as an attitude, but for a protest it is what the protest is against."""
        doc = tok.doc
        for c in tok.lefts:
            if c.i + 2 <= tok.i and c.lower_ == "anti" and doc[c.i + 1].text == "-":
                x = doc[c.i + 2]
                a = self.actors.state_word(x.text, x.idx)
                if a is not None:
                    return [a]
        return []

    @staticmethod
    def place_nouns() -> frozenset[str]:
        return modality.words().place_nouns

    def event_source(self, p: Token) -> list[Actor]:
        """Who does the event a noun names ("condemned the visit of the Japanese premier"); the coder knows
        which nouns are events."""
        return []

    def _agent_of(self, p: Token) -> list[Actor]:
        """"an offer by Trump", "a resolution drafted by the United States", "violations by Armenian forces";
        "the demands of Saudi Arabia and Egypt" (a proposal's of-phrase naming a state is its author)."""
        for c in p.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                return self.actors_for(pobj_of(c))
            if c.dep_ == "prep" and c.lower_ == "of" and p.lemma_.lower() in modality.words().proposal_nouns:
                got = self.actors_for(pobj_of(c))
                if got:
                    return got
            if c.dep_ == "acl":
                for a in c.children:
                    if a.dep_ == "agent":
                        return self.actors_for(pobj_of(a))
            if c.dep_ == "relcl" and any(x.dep_ == "dobj" and x.tag_ in ("WDT", "WP") for x in c.children):
                # "the release of a tanker that British Royal Marines had seized": who did it to the noun
                got = self.actors_for(child(c, "nsubj"))
                if got:
                    return got
        return self.agent_under_of(p)

    def agent_under_of(self, n: Token) -> list[Actor]:
        """A noun's by-agent that the parser hung on its of-object: "the expulsion of 20 Russian diplomats by
        Germany" (not when the of-object is an event noun with an agent of its own: "condemnation of the attack
        by Russia")."""
        return [a for o in prep_objects(n, ("of",)) if o.lemma_.lower() not in self.pats.nouns
                for b in prep_objects(o, ("by",)) for a in self.actors_for(b)]

    def participle_agents(self, n: Token, lemmas: frozenset[str]) -> list[Actor]:
        """The by-agents of the participles of ``lemmas`` that modify a noun: "an airstrike launched by NATO",
        "a drone deployed by the U.S. Navy"."""
        return [a for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lemmas
                for g in c.children if g.dep_ == "agent" for a in self.actors_for(pobj_of(g))]

    def _entity_in(self, tok: Token) -> list[Actor]:
        """The first named actor inside a phrase ("the Uzbek city of Samarkand" -> UZB), not inside a clause
        that describes it ("migrants trying to cross the border from Serbia" names no Serbs)."""
        words = phrase_tokens(tok)
        aside = {x.i for w in words if w.dep_ == "pobj" and w.head.lower_ == "with" and third_party(w)
                 for x in w.subtree}  # ("a peace deal, with the United States as mediator": beside the deal)
        for t in words:
            a = self.actors.entity_at(t) if t.i not in aside else None
            if a is not None and a.kind != "leader":
                # with those conjoined to it: "companies in Russia and China" (from the name's last word:
                # "imports from the European Union, Canada and Mexico")
                h = t
                while h.dep_ in ("compound", "amod") and h.head.i > h.i and (
                        (b := self.actors.entity_at(h.head)) is not None and b.code == a.code):
                    h = h.head
                more = [b for c in h.conjuncts if (b := self.actors.entity_at(c)) is not None and b.kind != "leader"]
                return [a, *(b for b in more if b.code != a.code)]
        return []

    # -- verbs --------------------------------------------------------------------
