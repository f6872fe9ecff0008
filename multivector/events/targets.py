"""Where a verb pattern's target is: each slot a trigger entry names (``target: [dobj, to, in, ...]``) read on
the clause, first slot that names an actor wins; a place only when no slot names one."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..actors.matcher import Actor
from . import modality, patterns
from .clauses import AFTER_MARKS, PROVOKED_MARKS, summed_up_by_speech, to_come, told_as_past
from .judgements import Judgements
from .references import through_quantity
from .tree import (
    BORDER_NOUNS,
    CIRCUMSTANCE_PREPS,
    NEARNESS,
    child,
    flat_preps,
    is_passive,
    near_a_border,
    passive_subject,
    pobj_of,
    prep_objects,
    reciprocal,
)
from .words import CARRIERS, forms

# Participles whose agent pursues a person: the state an extradition is to ("a man wanted by Germany").
PURSUIT_VERBS = frozenset({"want", "seek", "accuse", "charge", "convict", "sentence", "indict", "request", "pursue"})
# Verbs whose subject receives a guest as its own act (043): a "visiting" guest of theirs is told by them.
HOSTING_VERBS = frozenset({"host", "receive", "welcome", "greet", "entertain"})
# Prepositions of place: their target must be a place named as such.
PLACE_PREPS = frozenset({"in", "inside"})
# Acts whose place is their target when nothing else is: force used in a country, aid handed out there
PLACE_TARGET_ROOTS = frozenset({"07", "14", "15", "18", "19", "20"})
# Reactions whose target a summarising noun names by its act ("a charge Moscow denied"): comments, denials,
# approval, disapproval, rejection.
SUMMARY_ROOTS = frozenset({"01", "05", "11", "12"})


def aside_of_place(head: Token, slot: str, x: Actor) -> bool:
    """``x`` is named in a phrase hung on the place phrase rather than in it: "sends bombers over South Korea in
    a show of force against North Korea" (no place is North Korea); "in the Syrian city of Homs", "in Bucha near
    Kyiv" name places."""
    for c in flat_preps(head):
        if c.lower_ != slot:
            continue
        for p in (o for o in c.children if o.dep_ == "pobj"):
            for q in p.subtree:
                if q.dep_ == "prep" and q.lower_ in ("against", "toward", "towards", "for") and any(
                        t.idx <= x.start < t.idx + len(t.text) for t in q.subtree):
                    return True
    return False


# Participles whose agent owns the thing they modify: "a drone deployed by the U.S. Navy", "a ship operated by",
# "a ceasefire deal proposed by Kerry", "a resolution drafted by France".
OPERATING = frozenset({"deploy", "operate", "own", "fly", "use", "charter", "run", "crew", "man", "launch", "propose",
                       "offer", "draft", "submit", "table", "present", "put", "issue", "broker", "sponsor"})


# Codes of help asked for or given (CAMEO 023 humanitarian aid asked, 070/073 aid given): a with-phrase on such an
# object says what the help is with ("help with Syrian refugees"), never a partner
HELP_CODES = frozenset({"023", "070", "073"})


# Roots of force: a show of it, coercion, assault, fighting, mass violence (not reducing relations, 16)
FORCE = frozenset({"15", "17", "18", "19", "20"})
HOSTILE = frozenset({"13", "14"}) | FORCE | {"16"}  # threats and force, roots 13-20


class Targets(Judgements):
    """The target slots of verb patterns; the article coder subclasses this."""

    adversaries: dict[str, Actor]  # the coder's: target code -> latest actor in conflict with it
    accusers: dict[str, Actor]  # the coder's: accused code -> latest accuser

    def requester(self, person: Token, exclude: frozenset[str]) -> list[Actor]:
        """The state that wants a person handed over: the agent of a participle of pursuit on the person ("a man
        wanted by Germany", "soldiers accused by Turkey of ...")."""
        people = [person, *prep_objects(person, ("of",))]  # ("the extradition of eight soldiers accused by ...")
        pursuits = [c for p in people for c in p.children if c.dep_ == "acl" and c.lemma_.lower() in PURSUIT_VERBS]
        by = [a for c in pursuits for g in c.children if g.dep_ == "agent" for a in self.actors_for(pobj_of(g), exclude)
              if a.codable][:1]
        # or where it sends the person, hung by the parser in the participle's phrase: "a Russian citizen wanted for
        # fraud to Moscow"
        return by or [a for c in pursuits for x in c.subtree if x.dep_ == "prep" and x.lower_ == "to"
                      for a in self.actors_for(pobj_of(x), exclude) if a.codable][:1]

    def hostile_verb(self, c: Token, roots: frozenset[str] = HOSTILE) -> bool:
        """Most of the verb's readings are of these roots (threats or force, 13-20: "attack", "intercept")."""
        pats = self.pats.verbs.get(c.lemma_.lower(), ())
        return 2 * sum(p.code[:2] in roots for p in pats) > len(pats) > 0

    def if_attacker(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """Who would attack in an if-clause on the verb or on what it is the complement of ("will respond if China
        attacks", "says it is ready to retaliate if Iran launches an attack"): the subject of a hostile verb, or
        of a verb whose object is an act of force (roots 15, 17-20; not a cut in ties, 16)."""
        W = modality.words()
        h = v
        for _ in range(3):
            for c in h.children:
                if c.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in W.conditional_marks
                                                 for m in c.children):
                    continue
                obj = child(c, "dobj")
                np = self.noun_pattern(obj) if obj is not None else None
                if (np is not None and np.code[:2] in FORCE) or (np is None and self.hostile_verb(c, FORCE)):
                    got = [a for a in self.actors_for(child(c, "nsubj")) if a.codable and a.code not in exclude]
                    if got:
                        return got
            if h.dep_ not in ("xcomp", "acomp", "ccomp") or h.head.i == h.i:
                break
            h = h.head
        return []

    def hostile_before(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """Who did the hostile act (roots 13-20) an act comes after: "rushed troops to Ladakh after Chinese troops
        attacked a post", "after a clash with Chinese troops"; not a friendly or neutral one ("after Sweden joined
        NATO", "after talks with Latvia")."""
        got = self.clause_subjects(v, AFTER_MARKS, exclude, climb=False, keep=self.hostile_verb)
        if got:
            return got
        for o in prep_objects(v, tuple(AFTER_MARKS)):
            np = self.noun_pattern(o)
            if np is not None and "13" <= np.code[:2] <= "20":
                got = [a for a in self.phrase_actors(o) if a.code not in exclude]
                if got:
                    return got
        return []

    @staticmethod
    def _each_conjunct(theme: Token, read: Callable[[Token], list[Actor]]) -> list[Actor]:
        """A slot read on the object and on each conjoined object: "arrested a French citizen and a Swiss
        national" is against both states. Only when the object itself names one (a list of "three Americans,
        two Spaniards and a Czech citizen" is read whole by the object slot) and never a negated conjunct."""
        got = read(through_quantity(theme))
        if not got and theme.pos_ == "PROPN":  # "expels Kang Chol, North Korea's ambassador": what the name is
            got = next((x for c in theme.children if c.dep_ == "appos" and (x := read(c))), [])
        if not got and theme.pos_ == "NOUN":  # "hijack a tanker and its Sri Lankan crew": a later conjunct names it
            got = next((x for c in theme.conjuncts if not any(n.dep_ == "neg" for n in c.children)
                        and (x := read(through_quantity(c)))), [])
        for t in theme.conjuncts if got else ():
            if not any(c.dep_ == "neg" for c in t.children):
                got += [a for a in read(through_quantity(t)) if all(a.code != g.code for g in got)]
        return got

    def _targets(self, v: Token, pat: patterns.VerbPattern, theme: Token | None,
                 exclude: frozenset[str]) -> list[Actor]:
        anchors = [v] + [c for c in v.children if c.dep_ == "xcomp" and c.lemma_ in pat.xcomp_only]
        places: list[Actor] = []  # a place is the target only when no slot names an actor ("denied UN access to Gaza")
        # "accused each other", "filed cases against the other": the subjects themselves, paired off by the caller
        each_other = reciprocal(theme) or any(reciprocal(p) for c in v.children if c.dep_ == "prep"
                                              for p in c.children if p.dep_ == "pobj")
        for slot in pat.target:
            got: list[Actor] = []
            if slot == "dobj" and theme is not None and not pat.objectless:
                got = self.phrase_actors(theme, possessor=pat.possessor_target, exclude=exclude,
                                         loose="adjective" in pat.target)
                if got and "adjective" in pat.target:
                    # "buys US company Eon Labs and German Hexal AG": a conjunct naming no actor of its own is
                    # read by its own national modifier
                    for c in theme.conjuncts:
                        if not any(c.left_edge.idx <= x.start < c.idx + len(c) for x in self.actors_for(c)):
                            got += [a for a in self.modifier_entity(c, exclude) if all(a.code != g.code for g in got)]
            elif slot == "prior_act" and theme is not None:
                got = self.prior_act(theme, exclude)
            elif slot == "dative":
                got = self.actors_for(child(v, "dative"), exclude)
                if not got and is_passive(v) and child(v, "dobj") is not None:
                    # "Martinelli was granted asylum by Nicaragua": the passive of a two-object verb makes the
                    # recipient its subject and keeps the thing given as object
                    got = self.actors_for(passive_subject(v), exclude)
                second = theme if theme is not None else child(v, "oprd")  # "called Xi a dictator"
                if not got and second is not None:
                    # "offers Turkey 3 billion euros": the parser hangs the recipient on the amount as a modifier;
                    # a state or a leader right after the verb, before the object, is the indirect object
                    first = next((c for c in second.lefts if c.dep_ in ("nmod", "compound") and c.i == v.i + 1), None)
                    # ("sent UN peacekeepers": an organisation before people named by role is theirs, not the receiver)
                    kinds = ("country", "capital", "leader") if self.actors.role_of(second) is not None else (
                        "country", "capital", "leader", "igo")
                    got = [a for a in self.actors_for(first, exclude) if a.kind in kinds] \
                        if first is not None and first.pos_ == "PROPN" else []
            elif slot == "ccomp":  # "demanded that Russia withdraw", "called for Russia to withdraw"
                for cc in (c for c in v.children if c.dep_ == "ccomp" or (c.dep_ in ("advcl", "xcomp") and any(
                        x.dep_ == "aux" and x.lower_ == "to" for x in c.children))):
                    if pat.code[:2] == "13" and cc.dep_ == "ccomp" and not to_come(cc):
                        continue  # "warns that Iraq is close to civil war" threatens no one; "... would be targets"
                    if pat.code[:2] == "10" and cc.dep_ == "ccomp" and told_as_past(cc):
                        continue  # "insisting the plane had stayed over Syria" states a fact; a demand wants a deed
                    # (a threat's patient in the passive is its target: "vowed that Israel will be punished")
                    subj = child(cc, "nsubj")
                    if pat.code[:2] == "13" and subj is not None and subj.pos_ == "NOUN" and \
                            self.noun_pattern(subj) is not None:
                        # "warned that any deployment of Western troops to Ukraine would make them targets": a
                        # threat over an act is aimed at whoever would do it
                        got = [a for a in self.act_owner(subj) if a.codable and a.code not in exclude]
                        if got:
                            break
                    got = self.actors_for(subj) or (
                        self.actors_for(child(cc, "nsubjpass")) if pat.code[:2] == "13" else []
                    ) or self.passive_addressee(cc)
                    if got:
                        break
            elif slot == "xcomp_obj":  # "pledged 50 million euros to help Ukraine (repair its grid)"
                for c in v.children:
                    if c.dep_ in ("xcomp", "advcl") and not (
                            pat.code[:2] < "10" and c.tag_ == "VB" and self.hostile_verb(c)):
                        # (help's purpose is no act of force: "sent fighter jets to intercept Chinese bombers" helps
                        # no one; "scrambled jets to intercept Chinese drones" is aimed at them)
                        inner = next((x for x in c.children if x.dep_ in ("ccomp", "xcomp")), None)
                        obj = child(c, "dobj")  # "to disperse hundreds of Ukrainians": through the amount
                        got = self.actors_for(through_quantity(obj) if obj is not None else None) or \
                            self.actors_for(child(inner, "nsubj")) or (  # "to help rebuild Lebanon"
                                self.actors_for(child(inner, "dobj")) if obj is None and inner is not None
                                and c.lemma_.lower() in modality.words().aided_purposes else [])
                        if not got and obj is not None and pat.code[:2] in ("03", "07") and \
                                c.lemma_.lower() in modality.words().aided_purposes:
                            # "pledged $25 million to support reconstruction in Ukraine", "sends troops to support
                            # Russia's war": the one whose cause or place the aid serves
                            got = [a for a in self.phrase_actors(obj, exclude=exclude) if a.codable]
                        if not got and c.lemma_.lower() == "help" and inner is not None and inner.pos_ == "NOUN":
                            # "to help Greece battle wildfires": the parser reads the helped state and the bare
                            # verb after it as modifiers of the verb's object; the first name among them is helped
                            first = inner.left_edge
                            got = [a for a in self.actors_for(first) if a.kind in ("country", "capital")] \
                                if first.pos_ == "PROPN" and first.head.i != c.i else []
                        if got:
                            break
            elif slot == "host" and v.dep_ == "amod" and v.head.head.pos_ in ("VERB", "AUX"):
                # "Putin met visiting Chinese Foreign Minister Wang Yi": whoever receives the guest is visited (not
                # a host's own act told twice: "Putin hosted visiting ..." is the host's 043, gold rule 4)
                host = v.head.head
                got = [] if host.lemma_.lower() in HOSTING_VERBS else [
                    a for a in self.subjects(host) if a.code not in exclude]
            elif slot == "relation_subject":
                got = self.relation_subject(v, exclude)
            elif slot == "clause_actors":  # "threatened to behead a Japanese hostage", "to pull American whiskey"
                got = self.clause_actors(v, exclude)
            elif slot == "complement":  # "said he was optimistic that talks with Greece could resume"
                for c in v.children:
                    if c.dep_ in ("acomp", "ccomp", "xcomp", "attr"):
                        got = [a for a in self._entities_in(c) if a.code not in exclude]
                        if got:
                            break
            elif slot == "pair_partner" and theme is not None:
                # "ratifies an agreement to create an Armenia–Russia air defence system": the other of a pair named
                # with a dash inside what was signed
                got = self.pair_partner(theme, exclude)
            elif slot == "conflict_parties":  # "mediate in the conflict in Myanmar", "between Israel and Hamas"
                got = self.conflict_parties(v, exclude)
            elif slot == "projectile_end":  # "fired a missile that was intercepted near Riyadh"
                got = self.projectile_end(theme, exclude)
            elif slot == "signs":  # "marched through Belgrade chanting anti-NATO slogans"
                got = self.protest_signs(v, exclude)
            elif slot == "vicinity":  # "held drills in waters surrounding Taiwan"
                got = self.vicinity_of(v, exclude)
            elif slot == "tension":  # "mobilised reservists amid tensions with Armenia"
                got = self.tension_with(v, exclude)
            elif slot == "deterred":  # "sends a carrier to the Gulf as a warning to Iran", "drills to deter China"
                got = self.deterred(v, theme, exclude)
            elif slot == "provoker":  # "put its forces on alert after China sent warships": who provoked it
                got = self.clause_subjects(v, PROVOKED_MARKS, exclude, climb=False)
                prompt = v.head
                if not got and v.dep_ == "xcomp" and prompt.lemma_.lower() in modality.words().object_control_verbs \
                        and prompt.dep_ == "advcl" and prompt.tag_ == "VBG":
                    # "a Chinese plane violated Japanese airspace, prompting Tokyo to scramble jets": the act that
                    # prompted the reaction is its provocation
                    got = [a for a in self.subjects(prompt.head) if a.code not in exclude]
            elif slot == "provoker_after":  # "rushed troops to the border after Chinese troops attacked" (not "as")
                got = self.hostile_before(v, exclude)
            elif slot == "participants":  # "a ceremony hosted by Trump", "a swap mediated by the UAE"
                got = self._participants(v)
            elif slot == "theme_acl" and theme is not None:  # "signed a memorandum granting the United States ..."
                for c in theme.children:
                    if c.dep_ in ("acl", "relcl"):
                        # (or its partner in a phrase: "signed a deal to supply gas to Azerbaijan")
                        # (the object through its amount and owner: "a pipeline that carries most of Kazakhstan's
                        # exports")
                        o = child(c, "dobj")
                        o = through_quantity(o) if o is not None else None
                        got = self.actors_for(child(c, "dative")) or self.actors_for(o) or (
                            self.possessor(o, exclude) if o is not None else []) or (
                            self.prep_targets(c, ("to", "from", "with"), possessor=False, exclude=exclude)
                            if any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) else [])
                        if got:
                            break
            elif slot == "answered_act":  # "respond forcefully to any attack from Lebanon": whose act it answers
                got = next((g for p in prep_objects(v, ("to", "for")) if (g := self.answered_owner(p, exclude))), [])
            elif slot == "adversary":  # "vowed to retaliate": against whoever last acted against the subject
                # (in the same sentence only for a vow: "Tehran vows harsh revenge", "and Kabul vows to retaliate")
                vowed = v.dep_ == "xcomp" and v.head.lemma_.lower() in modality.words().threat_heads
                # (and a protest, a demand for redress or a cut in ties: "seized a British tanker, and London lodged
                # a formal protest")
                got = (self.adversary_before(v, exclude) if pat.code[:2] in ("10", "11", "13", "16") or vowed else []) or [
                    self.adversaries[c] for c in exclude if c in self.adversaries]
            elif slot == "if_attacker":  # "is prepared to respond if North Korea launches an attack": a conditional
                got = self.if_attacker(v, exclude)  # answer to whoever the if-clause says would attack
            elif slot == "harmed_when":  # "two soldiers are wounded when a gunman opens fire": whom it hurt
                h = v.head
                if v.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as") for c in v.children) \
                        and h.lemma_.lower() in modality.words().casualty_verbs and is_passive(h):
                    got = [a for a in self.actors_for(passive_subject(h), exclude) if a.codable]
            elif slot == "accuser":  # a denial answers the latest accusation against the denier
                # (earlier in this sentence first: "Nepal accuses India of ..., but India denies the charge")
                got = [src for i, code, src, tgt in reversed(self.current)
                       if i < v.i and code.startswith("112") and tgt.code in exclude][:1] or [
                    self.accusers[c] for c in exclude if c in self.accusers]
            elif slot == "theme_between" and theme is not None:
                # "suspended its role as a mediator between Israel and Hamas": the sides its object names
                # (or its as-phrase, which the parser may hang on the verb: "their role as guarantors of talks
                # between Colombia's government and the ELN")
                where = [*theme.subtree, *(x for c in v.children if c.dep_ == "prep" and c.lower_ == "as"
                                           for x in c.subtree)]
                # ("the summit between Kim and Trump": on the object itself too)
                got = next((g for x in where
                            if (g := self.prep_targets(x, ("between",), possessor=True, exclude=exclude))), [])
            elif slot == "asked":  # "declined to comment when asked about Kazakhstan's remarks": what it was asked about
                got = [a for h in (v, *(c for c in v.children if c.dep_ == "xcomp")) for c in h.children
                       if c.dep_ == "advcl" and c.lemma_.lower() in ("ask", "question", "press")
                       for a in self.prep_targets(c, ("about", "on", "over", "regarding"), possessor=True,
                                                  exclude=exclude)][:1]
            elif slot == "denied":  # "denied that its jets had violated Estonian airspace": whom the act was done to
                got = self.denied_act(v, theme, exclude)
            elif slot == "admitted":  # "admitted that its forces had shot down a Ukrainian jet"
                got = self.admitted_act(v, theme, exclude)
            elif slot == "reporter":  # "Poland says soldiers were arrested, while Russia denies this"
                got = self.reporter_before(v, theme, exclude)
            elif slot in ("speaker", "speaker_party"):  # "Merkel said Russia might face further sanctions"
                if v.dep_ == "ccomp" and v.head.lemma_.lower() in modality.words().report_verbs:
                    got = [a for a in self.subjects(v.head) if a.codable and a.code not in exclude]
                if slot == "speaker_party":
                    # a state reporting a breach is taken for the other side (as in news it nearly always is; a
                    # third state saying so is misread); an organisation only monitors it
                    got = [a for a in got if a.kind not in ("igo", "bloc")]
            elif slot == "possessor" and theme is not None:
                got = self._each_conjunct(theme, self.possessor) or self.operated_by(theme) or (
                    # "its bomber strayed ... before it was shot down": the owner of the thing "it" goes on telling of
                    self.actors_for(theme, exclude) if self.ctx.thing_noun(theme) is not None else [])
            elif slot == "possessor_other" and theme is not None:
                # "after Russian aircraft violated its airspace": no state violates its own; the pronoun is another's
                got = self._each_conjunct(theme, lambda t: self.possessor(t, exclude))
            elif slot == "theme_place" and theme is not None:
                # "condemned the killings in the Philippines": what is judged happened in a state, under it (or told
                # one phrase lower, on its people or its participle: "the killings of opposition figures in Rwanda",
                # "the death sentence handed to a German citizen in Iran")
                lower = [*prep_objects(theme, ("of",)), *(c for c in theme.children if c.dep_ == "acl")]
                lower += [p for c in lower if c.dep_ == "acl" for p in prep_objects(c, ("to", "against", "on"))]
                got = next((g for h in (theme, *lower) if (g := [
                    x for x in self.prep_targets(h, tuple(PLACE_PREPS), possessor=False, exclude=exclude)
                    if x.kind in ("country", "capital", "adjective", "place") and not self.only_near(h, x)])), [])
            elif slot == "requester" and theme is not None:
                # "refused to extradite a Ukrainian man wanted by Germany": whoever wants the person handed over
                got = self.requester(theme, exclude)
            elif slot == "judged_patient" and theme is not None:
                # "criticised the life sentence passed against the former Madagascan president": a measure with no
                # doer named, done to a state's people, is that state's
                # (the parser may hang the participle on the verb: "criticised the sentence passed against ...")
                parts = [c for c in theme.children if c.dep_ == "acl"] + [
                    c for c in v.children if c.dep_ == "advcl" and c.i == theme.right_edge.i + 1]
                # (a state's own measures on its people: sentences and bans, not sanctions from abroad; and none
                # whose doer is named: "imposed on a French company by Chinese regulators")
                if theme.lemma_.lower() in modality.words().judged_measures:
                    got = [a for c in parts if c.tag_ in ("VBN", "VBD") and not any(
                           x.dep_.startswith("nsubj") or x.dep_ == "agent" for x in c.children)
                           for p in prep_objects(c, ("against", "on", "to"))
                           for a in self.phrase_actors(p, exclude=exclude) if a.codable][:1]
            elif slot == "border_partner" and theme is not None:
                # "reintroduces checks on its border with Hungary": the state beyond the border the object is on
                borders = [b for b in (theme, *prep_objects(theme, ("on", "at", "along")),
                                       *prep_objects(v, ("on", "at", "along"))) if b.lemma_.lower() in BORDER_NOUNS]
                got = [a for b in borders for a in (self.prep_targets(b, ("with",), possessor=False, exclude=exclude)
                                                    or self.border_with_elsewhere(b, exclude))][:2] or [
                    a for b in borders if b is not theme for a in self.modifier_entity(b, exclude)][:2]
                # (or the state a border on which the object is is named by: "drills on the Polish border")
            elif slot == "examined":
                # "demanded an inquiry into the killing of its citizens by Egyptian forces", "called for an
                # investigation into Israeli strikes": whoever did the act examined (never its victims)
                for inquiry in ([theme] if theme is not None else []) + [p for p in prep_objects(v)
                                                                         if p.lemma_.lower() in pat.objects]:
                    for act in prep_objects(inquiry, ("into", "of", "to")):  # (an end to Israeli strikes)
                        got = got or [a for a in self.act_owner(act) or self._agent_of(act) if a.code not in exclude]
            elif slot == "examined_place":
                # "called for an investigation into the killings in Rwanda": with no doer named, the state where
                # what it examines happened is asked to look into it
                for inquiry in ([theme] if theme is not None else []) + [p for p in prep_objects(v)
                                                                         if p.lemma_.lower() in pat.objects]:
                    # (or on its people: "into the killings of opposition figures in Rwanda")
                    for act in [a for x in prep_objects(inquiry, ("into", "of")) for a in (x, *prep_objects(x, ("of",)))]:
                        got = got or [x for x in self.prep_targets(act, tuple(PLACE_PREPS), possessor=False,
                                                                   exclude=exclude)
                                      if x.kind in ("country", "capital", "place") and x.codable]
            elif slot == "opposed" and theme is not None:  # "held anti-China protests"
                got = self.opposed_to(theme)
            elif slot == "adjective" and theme is not None:
                got = self._each_conjunct(theme, lambda t: self.modifier_entity(t, exclude))
                if not got:  # "sank 41 foreign boats, including Vietnamese and Philippine vessels": the ones named
                    got = [a for c in theme.children if c.dep_ == "prep" and c.lower_ == "including"
                           for x in c.children if x.dep_ == "pobj"
                           for a in self._each_conjunct(x, lambda t: self.modifier_entity(t, exclude))]
                if not got and theme.lemma_.lower() in modality.words().people_holders:
                    # "handed over the bodies of dozens of Armenian soldiers", "broke up a protest by Turkish
                    # migrants": whose people they are is said on the people the holder noun is of (or by)
                    got = [a for p in prep_objects(theme, ("of", "by"))
                           for a in self._each_conjunct(through_quantity(p), lambda t: self.modifier_entity(t, exclude))]
            elif (slot in PLACE_PREPS or slot == "near_place") and pat.code[:2] in PLACE_TARGET_ROOTS:
                prep = "near" if slot == "near_place" else slot  # "killed fighters near Mosul": in Iraq, not beyond
                # "launched airstrikes in Syria": force used in a place is used against it (the annotators'
                # rule), but only a place named as such, not whatever the phrase mentions ("in defiance of the UN")
                bases = [*anchors, *([theme] if theme is not None else [])]  # "began airstrikes in Syria"
                # and one phrase lower, where the parser hangs the place: "airstrikes against ISIL in Syria"
                # (not the circumstance: "kill 20 Palestinians in Gaza amid ceasefire talks in Egypt")
                bases += [p for b in list(bases) for p in prep_objects(b) if p.head.lower_ not in CIRCUMSTANCE_PREPS]
                for a in bases:
                    got = [x for x in self.prep_targets(a, (prep,), possessor=False, exclude=exclude)
                           if x.kind in ("country", "capital", "adjective", "place") and not self.only_near(a, x)
                           and not aside_of_place(a, prep, x) and not (prep == "near" and near_a_border(a))]
                    if got:
                        break
                if got and self._names_own_side(anchors, pat, exclude):
                    got = []  # "Syrians protested in Istanbul against Assad": against their own side, not Turkey
                if got and theme is not None and not set(forms(theme)) & self.place_nouns() and any(
                        a.code in exclude for a in self.phrase_actors(theme)):
                    # "the Ugandan army kills an LRA commander in the CAR": its own rebels, named, are hit; but
                    # "Turkish jets bomb PKK bases in Iraq" strike sites in Iraq, and force there is against it
                    got = []
            elif slot not in patterns.TARGET_SLOTS:
                for a in anchors:
                    got = self.prep_targets(a, (slot,), possessor=pat.possessor_target, exclude=exclude)
                    if got:
                        break
                if not got and theme is not None:
                    # on the object or a conjunct of it: "pledges 500,000 euros and a shipment of supplies to Haiti"
                    for x in (theme, *theme.conjuncts):
                        got = got or self.prep_targets(x, (slot,), possessor=pat.possessor_target, exclude=exclude)
                    # "launched missiles aimed at the air base in Homs": the object's participle says where
                    for acl in (c for c in theme.children if c.dep_ == "acl" and c.tag_ == "VBN"):
                        got = got or self.prep_targets(acl, (slot,), possessor=pat.possessor_target, exclude=exclude)
                if not got and slot in NEARNESS:
                    # "moved troops to areas near Ukraine's border": nearness one phrase under the destination
                    for p in prep_objects(v, ("to", "into", "in")):
                        got = got or self.prep_targets(p, (slot,), possessor=pat.possessor_target, exclude=exclude)
                if not got and pat.needs:
                    # "went on strike against Russian shipments": the target hangs on the phrase's own noun
                    for c in flat_preps(v):
                        if c.dep_ == "prep" and c.lower_ in pat.needs:
                            for pobj in c.children:
                                if pobj.dep_ == "pobj" and not got:
                                    got = self.prep_targets(pobj, (slot,), possessor=pat.possessor_target,
                                                            exclude=exclude)
                if not got and theme is None and pat.only_objects:
                    # "agreed to a ceasefire with India": the object reached through a preposition holds the slot
                    for p in prep_objects(v):
                        if slot == "with" and pat.objects.get(p.lemma_.lower(), "")[:3] in HELP_CODES:
                            continue  # "appeals for help with Syrian refugees": what the help is with, not a partner
                        if p.lemma_.lower() in pat.objects and not got:
                            got = self.prep_targets(p, (slot,), possessor=pat.possessor_target, exclude=exclude)
                if not got and theme is not None:
                    # "a package of sanctions against Russia", "its bid to open talks with the EU"
                    # (or on a conjunct: "pledged 500,000 euros and a shipment of supplies to Haiti")
                    for inner in (c for x in (theme, *theme.conjuncts) for c in x.children):
                        # "intelligence on Russian troop movements with Ukraine": the parser hangs the phrase low
                        # or in an infinitive ("its bid to open talks with the EU") or a carrier ("planes carrying
                        # aid to Syria"); not in another participle, which describes the object ("migrants trying
                        # to cross from Serbia", "migrants stranded in Hungary")
                        if (inner.dep_ == "prep" and inner.lower_ in ("of", "in", "on", "about")) or (
                                inner.dep_ == "acl" and (inner.lemma_.lower() in CARRIERS or any(
                                    x.dep_ == "aux" and x.lower_ == "to" for x in inner.children))):
                            for x in (y for y in inner.subtree if y.dep_ == "prep" and y.lower_ == slot and not (
                                    slot == "with" and y.head.lemma_.lower() in BORDER_NOUNS)):
                                # (a border's own "with" names no partner: "drills on its border with Poland")
                                got = [a for p in x.children if p.dep_ == "pobj"
                                       for a in self.phrase_actors(p, exclude=exclude)]
                                if got:
                                    break
                        if got:
                            break
            if not each_other:
                got = [a for a in got if a.code not in exclude]
            if got and all(a.kind == "place" or not a.codable for a in got):
                # a place, or a group the scheme does not code ("against Islamic State targets"): the target
                # only when no later slot names a state ("... in Syria")
                places = places or [a for a in got if a.codable]
            elif got:
                return got
        if not places and theme is not None and pat.code[:2] in SUMMARY_ROOTS and (
                (theme.i == v.head.i and v.dep_ in ("relcl", "acl")) or summed_up_by_speech(v, theme)) and \
                self.actors.role_of(theme) is None:  # an act summed up; not people ("the militia backed by")
            return self.summarized(theme, exclude)
        # "called for a ceasefire in Gaza" asks no one in Gaza; "recognised the breakaway regions of Abkhazia
        # and South Ossetia" is no cooperation with Georgia
        return places if pat.code[:2] not in ("02", "05") else []

    def _names_others(self, v: Token, sources: list[Actor]) -> bool:
        """The clause names a state besides its subjects ("agreed to hold talks with Iran"): an act agreed on
        is then aimed at it, and another reading finds it."""
        own = {a.code for a in sources}
        subj = {t.i for c in v.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        return any(a.codable and a.code not in own for c in v.children if c.i not in subj
                   for a in self._entities_in(c))

    def _names_own_side(self, anchors: list[Token], pat: patterns.VerbPattern, exclude: frozenset[str]) -> bool:
        """A target phrase of the verb names the source's own state."""
        for a in anchors:
            for c in a.children:
                if c.dep_ == "prep" and c.lower_ in pat.target and c.lower_ not in PLACE_PREPS:
                    if any(x.code in exclude for p in c.children if p.dep_ == "pobj" for x in self.actors_for(p)):
                        return True
        return False

    def _participants(self, v: Token) -> list[Actor]:
        """Subjects of the clause an event noun belongs to, for a noun modified by a participle
        ("X and Y exchanged prisoners in a swap mediated by Z", "X and Y held talks brokered by Z" -> Z's targets
        are X and Y), or of the clause a participle follows ("X and Y agreed on a truce, brokered by Z")."""
        if v.dep_ == "advcl" and v.tag_ == "VBN" and v.head.pos_ in ("VERB", "AUX") and child(v, "agent") is not None:
            # "Ukraine and Russia agree on a ceasefire, brokered by Germany": a participle after the clause
            # tells how its act came about
            return self.subjects(v.head)
        if v.dep_ != "acl" or v.head.pos_ not in ("NOUN", "PROPN"):
            return []
        n = v.head
        if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(n.head.head)
        if n.dep_ == "dobj" and n.head.pos_ in ("VERB", "AUX"):  # "held talks brokered by Germany"
            return self.subjects(n.head)
        return []

    def adversary_before(self, v: Token, exclude: frozenset[str]) -> list[Actor]:
        """Who acted against the subject earlier in the same sentence ("A U.S. drone strike kills an Iranian
        commander, and Tehran vows harsh revenge"): force or coercion (roots 15-20) told before the verb, by a
        verb or by a noun."""
        for i, code, src, tgt in reversed(self.current):
            if i < v.i and tgt.code in exclude and code[:2] >= "15" and src.code not in exclude:
                return [src]
        for t in reversed(v.doc[v.sent.start:v.i]):
            if t.pos_ == "NOUN" and (np := self.noun_pattern(t)) is not None and np.code[:2] >= "15":
                for f in self.code_noun(t):
                    if f.target.code in exclude and f.source.code not in exclude:
                        return [f.source]
        return []

    def passive_addressee(self, cc: Token) -> list[Actor]:
        """Whom an appeal or demand in the passive is made to: its agent ("demanded that the journalist be released
        by Iran"). Without one nobody is named: "asks that the British aid worker be released" is not asked of
        Britain."""
        agent = next((c for c in cc.children if c.dep_ == "agent"), None) if is_passive(cc) else None
        return self.actors_for(pobj_of(agent)) if agent is not None else []

    def operated_by(self, thing: Token) -> list[Actor]:
        """Whose a thing is when a participle names who deployed, operated or proposed it: "seizes an underwater
        drone deployed by USNS Bowditch" (the U.S. Navy's drone), "a deal proposed by Kerry is rejected"."""
        return self.participle_agents(thing, OPERATING)

    def answered_owner(self, act: Token, exclude: frozenset[str]) -> list[Actor]:
        """Who did the act a response answers: the source the act's noun codes, its owner ("the Syrian shelling"),
        or, for an act not coded as happening ("any attack from Lebanon"), its from/by-phrase."""
        got = [f.source for f in self.code_noun(act)] or self.act_owner(act)
        if not got and self.noun_pattern(act) is not None:
            got = [a for o in prep_objects(act, ("from", "by")) for a in self.actors_for(o, exclude) if a.codable]
        return [a for a in got if a.code not in exclude]
