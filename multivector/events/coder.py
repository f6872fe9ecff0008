"""Code CAMEO events from a parsed article: predicates, their arguments, their clause context.

For each verb whose lemma has a pattern (data/en/triggers/) the coder finds the
source (subject, passive agent, or the subject a complement inherits), the
target (the slot the pattern names), refines the code by the object noun,
applies the clause's modality (intent, refusal, threat, negation, reported
speech) and emits one event per source-target pair, with its evidence.
Nominal events ("his visit to Astana") come from noun patterns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import nlp
from ..actors.context import DocContext, Extra
from ..actors.matcher import Actor, DocActors
from ..records import Article, Event, Mention, Tie
from . import cameo, modality, patterns
from .arguments import RECIPROCAL, Arguments, child, flat_preps, is_passive, passive_subject, pobj_of
from .modality import Modality

PHONE_WORDS = frozenset({"phone", "telephone", "call", "video"})
# An agentless passive of coercion or expulsion is the act of the state where it happens: "three Indian
# nationals were arrested in Kuwait" (KWT -> IND 173), "Uzbek workers were expelled from Russia".
LOCATION_SOURCE_ROOTS = frozenset({"16", "17"})
LOCATION_PREPS = frozenset({"in", "from", "inside"})
# "a Turkish-brokered deal", "a Russian-mediated truce": the modifier's actor is a mediator (045).
BROKER_WORDS = frozenset({"broker", "mediate", "facilitate"})
BROKER_FORMS = frozenset({"brokered", "mediated", "facilitated"})
# Words of phrasal verbs that are particles, not prepositions ("hand over", "pull out", "cut off").
PARTICLES = frozenset({"over", "out", "off", "up", "down", "back", "away", "around", "aside"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might"})
# Prepositions of circumstance: an event noun under them happened, whatever the main clause does.
ADJUNCT_PREPS = frozenset({"in", "during", "after", "before", "following", "at", "amid", "since", "ahead"})
# Codes a statement made to someone can carry toward its addressee.
STATEMENT_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
# Subject words worth resolving ahead of coding (their resolution feeds later pronouns).
REFERRING = frozenset({"country", "nation", "government", "president", "leader", "leaders", "junta", "state",
                       "neighbour", "neighbor", "kingdom", "republic", "ministry", "side", "sides"})


@dataclass(frozen=True, slots=True)
class Found:
    """An event before it becomes a record: who, whom, which code, by which rule, at which word."""

    source: Actor
    target: Actor
    code: str
    pattern: str
    predicate: Token
    mod: Modality


class ArticleCoder(Arguments):
    """Codes one parsed article; holds its actors and their cross-sentence context."""

    def __init__(self, article: Article, doc: Doc, *, label_of: Callable[[int], int] | None = None,
                 extra: Sequence[Extra] = (), matches: Sequence[tuple[int, int]] | None = None) -> None:
        self.article = article
        self.doc = doc
        self.actors = DocActors(doc, nlp.load(), article.date, matches)
        self.ctx = DocContext(self.actors, label_of=label_of, extra=extra)
        self.pats = patterns.load()
        self.resolved: dict[tuple[int, int, str], Actor] = {}
        self.consumed: set[int] = set()  # object nouns already coded through their verb
        self.in_question = False  # set per sentence by code_document
        self.accusers: dict[str, Actor] = {}  # accused code -> who accused it (for denials, CAMEO 016)
        self.adversaries: dict[str, Actor] = {}  # target code -> latest actor in conflict with it (quad 3-4)

    # -- arguments ---------------------------------------------------------------
    def code_verb(self, v: Token) -> list[Found]:
        cands = self.pats.verbs.get(v.lemma_.lower())
        if not cands:
            return []
        obj = child(v, "dobj")
        passive = is_passive(v) or (v.dep_ == "acl" and v.tag_ == "VBN")
        theme = passive_subject(v) if is_passive(v) else (v.head if v.dep_ == "acl" and v.tag_ == "VBN" else obj)
        if theme is not None and theme.lower_ in ("who", "which", "that", "whom") and v.dep_ == "relcl":
            theme = v.head  # "the captain ... who was detained by the Japanese coast guard": the captain
        for pat, matched, lemma in self._candidates(v, cands, theme):
            code = matched if matched is not None else pat.code
            if pat.xcomp_only and not any(c.dep_ == "xcomp" and c.lemma_ in pat.xcomp_only for c in v.children):
                continue
            if pat.needs_phone and not (pat.lemma in ("telephone", "phone") or any(
                    t.lemma_.lower() in PHONE_WORDS for c in v.children if c.dep_ in ("prep", "agent")
                    for t in c.subtree)):
                continue
            if pat.needs_ccomp and not any(c.dep_ == "ccomp" for c in v.children):
                continue
            if pat.needs_xcomp and not any(c.dep_ in ("xcomp", "advcl") for c in v.children):
                continue
            if pat.complement is not None:
                act = self.requested_act(v)
                if act is not None:
                    code = self.pats.family(act, pat.complement)
            if code.startswith("15") and _in_support(v):
                code = "074"  # troops sent to support or protect a government: protection, not a posture against it
            found = self._apply(v, pat, code, theme, passive, lemma)
            if found is not None:
                if matched is not None:  # "agreed to talks with Ukraine": the talks are this event, not another
                    self.consumed.update(t.i for t in _object_tokens(v, theme) if lemma in _forms(t))
                return found
        return []

    def _candidates(self, v: Token, cands: tuple[patterns.VerbPattern, ...],
                    theme: Token | None) -> list[tuple[patterns.VerbPattern, str | None, str | None]]:
        """A lemma's patterns whose needed words are present, with the object that refines each, best first:
        more needed words, then a light verb whose object comes earliest (the theme before a prepositional
        object: "launched an investigation into strikes" is an investigation)."""
        near = _near_words(v) if any(p.needs for p in cands) else frozenset()
        obj_lemmas = _object_lemmas(v, theme)
        out = []
        for p in cands:
            if p.needs and not all(w in near for w in p.needs):
                continue
            idx, matched, lemma = len(obj_lemmas), None, None
            if p.objects:
                for i, lm in enumerate(obj_lemmas):
                    if lm in p.objects:
                        idx, matched, lemma = i, p.objects[lm], lm
                        break
            if p.only_objects and matched is None:
                continue
            out.append(((p.rank, -len(p.needs), 0 if p.only_objects else 1, idx), p, matched, lemma))
        out.sort(key=lambda x: x[0])
        return [(p, m, lm) for _k, p, m, lm in out]

    def act_code(self, t: Token) -> str | None:
        """The code the lexicon gives a predicate word, arguments aside ("release" -> 0841): for refining
        what is asked, promised or refused."""
        if t.pos_ in ("VERB", "AUX") or t.tag_ == "VBG":
            cands = self.pats.verbs.get(t.lemma_.lower())
            if cands:
                theme = child(t, "dobj")
                for pat, matched, _lm in self._candidates(t, cands, theme):
                    return matched if matched is not None else pat.code
        for np in self.pats.nouns.get(t.lemma_.lower(), ()):
            return np.code
        return None

    def requested_act(self, v: Token) -> str | None:
        """What an appeal or demand asks for: "urged Iran to release", "demanded that Russia withdraw",
        "called for the release of", "pressed for talks"."""
        for c in v.children:
            if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX"):
                if any(x.dep_ == "neg" for x in c.children):
                    return None  # "urged Washington not to send troops": a plain appeal
                code = self.act_code(c)
                if code is None:  # "urged Israel to show restraint": the object names the act
                    obj = child(c, "dobj")
                    code = self.act_code(obj) if obj is not None else None
                if code is not None:
                    return code
        for c in v.children:
            if c.dep_ in ("prep", "dobj") :
                for x in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ in ("pobj", "pcomp")]):
                    code = self.act_code(x)
                    if code is not None:
                        return code
        return None

    def _targets(self, v: Token, pat: patterns.VerbPattern, theme: Token | None,
                 exclude: frozenset[str]) -> list[Actor]:
        anchors = [v] + [c for c in v.children if c.dep_ == "xcomp" and c.lemma_ in pat.xcomp_only]
        for slot in pat.target:
            got: list[Actor] = []
            if slot == "dobj" and theme is not None and not pat.objectless:
                got = self.phrase_actors(theme, possessor=pat.possessor_target, exclude=exclude,
                                         loose="adjective" in pat.target)
            elif slot == "dative":
                got = self.actors_for(child(v, "dative"), exclude)
            elif slot == "ccomp":  # "demanded that Russia withdraw", "called for Russia to withdraw"
                for cc in (c for c in v.children if c.dep_ == "ccomp" or (c.dep_ in ("advcl", "xcomp") and any(
                        x.dep_ == "aux" and x.lower_ == "to" for x in c.children))):
                    got = self.actors_for(child(cc, "nsubj"))
                    if got:
                        break
            elif slot == "xcomp_obj":  # "pledged 50 million euros to help Ukraine (repair its grid)"
                for c in v.children:
                    if c.dep_ in ("xcomp", "advcl"):
                        inner = next((x for x in c.children if x.dep_ in ("ccomp", "xcomp")), None)
                        got = self.actors_for(child(c, "dobj")) or self.actors_for(child(inner, "nsubj"))
                        if got:
                            break
            elif slot == "complement":  # "said he was optimistic that talks with Greece could resume"
                for c in v.children:
                    if c.dep_ in ("acomp", "ccomp", "xcomp", "attr"):
                        got = [a for a in self._entities_in(c) if a.code not in exclude]
                        if got:
                            break
            elif slot == "participants":  # "a ceremony hosted by Trump", "a swap mediated by the UAE"
                got = self._participants(v)
            elif slot == "theme_acl" and theme is not None:  # "signed a memorandum granting the United States ..."
                for c in theme.children:
                    if c.dep_ in ("acl", "relcl"):
                        got = self.actors_for(child(c, "dative")) or self.actors_for(child(c, "dobj"))
                        if got:
                            break
            elif slot == "adversary":  # "vowed to retaliate": against whoever last acted against the subject
                got = [self.adversaries[c] for c in exclude if c in self.adversaries]
            elif slot == "accuser":  # a denial answers the latest accusation against the denier
                got = [self.accusers[c] for c in exclude if c in self.accusers]
            elif slot == "possessor" and theme is not None:
                got = self.possessor(theme)
            elif slot == "adjective" and theme is not None:
                got = self.modifier_entity(theme)
            elif slot not in patterns.TARGET_SLOTS:
                for a in anchors:
                    got = self.prep_targets(a, (slot,), possessor=pat.possessor_target, exclude=exclude)
                    if got:
                        break
                if not got and theme is not None:
                    got = self.prep_targets(theme, (slot,), possessor=pat.possessor_target, exclude=exclude)
                if not got and pat.needs:
                    # "went on strike against Russian shipments": the target hangs on the phrase's own noun
                    for c in flat_preps(v):
                        if c.dep_ == "prep" and c.lower_ in pat.needs:
                            for pobj in c.children:
                                if pobj.dep_ == "pobj" and not got:
                                    got = self.prep_targets(pobj, (slot,), possessor=pat.possessor_target,
                                                            exclude=exclude)
                if not got and theme is not None:
                    # "a package of sanctions against Russia", "its bid to open talks with the EU"
                    for inner in theme.children:
                        if inner.dep_ in ("prep", "acl") and (inner.lower_ in ("of", "in") or inner.dep_ == "acl"):
                            for x in (y for y in inner.subtree if y.dep_ == "prep" and y.lower_ == slot):
                                got = [a for p in x.children if p.dep_ == "pobj"
                                       for a in self.phrase_actors(p, exclude=exclude)]
                                if got:
                                    break
                        if got:
                            break
            if theme is None or theme.lower_ not in RECIPROCAL:
                got = [a for a in got if a.code not in exclude]
            if got:
                return got
        return []

    def _apply(self, v: Token, pat: patterns.VerbPattern, code: str, theme: Token | None,
               passive: bool, obj_lemma: str | None = None) -> list[Found] | None:
        if pat.only_negated and not any(c.dep_ == "neg" for c in v.children):
            return None
        if pat.stative_present and _stative(v):
            return []  # "Turkmenistan sells its gas to China", "China, which has invested ...": a tie
        mod = modality.analyse(v, negation_refuses=pat.only_negated, question=self.in_question,
                               year=self.article.date.year if self.article.date else None)
        if mod.drop:
            return []
        sources = self.subjects(v)
        if not sources and passive and code[:2] in LOCATION_SOURCE_ROOTS and not _has_agent(v):
            sources = self.located_in(v, LOCATION_PREPS)
        if pat.source_roles:
            sources = [a for a in sources if a.role in pat.source_roles]
        if not sources:
            return None
        targets = self._targets(v, pat, theme, frozenset(a.code for a in sources))
        if pat.target_roles:
            targets = [a for a in targets if a.role in pat.target_roles]
        if pat.inverted:  # "Ukraine received a grant from the United States": the giver is the source
            if not targets:
                return None
            sources, targets = targets, sources
        if pat.id == "meet" and targets:
            code = self._meeting_code(v, sources, targets)
        pairs: list[tuple[Actor, Actor]] = []
        if targets:
            pairs = [(s, t) for s in sources for t in targets]
        elif pat.symmetric and len(sources) >= 2 and _own_subject(v):
            # Members of one group named together act as one side ("EU and Central Asian leaders held talks").
            pairs = [(s, t) for s in sources for t in sources if s.code != t.code and not _same_group(s, t)]
            if pat.id in ("meet", "hold-talks") and code == "040":
                code = self._meeting_code(v, sources, sources)
        if not pairs and not targets and not pat.inverted:
            # "Erdogan told Putin that Turkey would never recognise the annexation": a statement with no target
            # of its own is addressed to whom it was told (01x/02x/03x/05x/1xx statements only).
            addressee = self._addressee(mod.speaker)
            if addressee and _transform(code, mod)[:2] in STATEMENT_ROOTS:
                pairs = [(s, t) for s in sources for t in addressee if s.code != t.code]
        if not pairs:
            return None
        if code == "190":
            code = _weapon_code(v) or code
        if code in modality.mass_codes() and theme is not None and _mass(theme):
            code = modality.mass_codes()[code]  # "deported more than 10,000 Haitians": a mass expulsion
        code = _transform(code, mod)
        pid = f"{pat.id}+{obj_lemma}" if obj_lemma else pat.id
        return [Found(s, t, code, pid, v, mod) for s, t in pairs]

    def _addressee(self, speaker: Token | None) -> list[Actor]:
        if speaker is None or speaker.lemma_.lower() not in modality.words().addressee_verbs:
            return []
        for c in speaker.children:
            if c.dep_ in ("dobj", "dative"):
                return self.actors_for(c)
            if c.dep_ == "prep" and c.lower_ == "to":  # "said to Putin", "wrote to the EU"
                return self.actors_for(pobj_of(c))
        return []

    def _participants(self, v: Token) -> list[Actor]:
        """Subjects of the clause an event noun belongs to, for a noun modified by a participle
        ("X and Y exchanged prisoners in a swap mediated by Z" -> Z's targets are X and Y)."""
        if v.dep_ != "acl" or v.head.pos_ not in ("NOUN", "PROPN"):
            return []
        n = v.head
        if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(n.head.head)
        return []

    def _meeting_code(self, v: Token, a: list[Actor], b: list[Actor]) -> str:
        """CAMEO 044 for a meeting in neither party's country, else 040 (046 for talks stays)."""
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                loc = next((x for p in c.children if p.dep_ == "pobj" for x in self._entity_in(p)), None)
                if loc is not None and loc.code not in {x.code for x in a + b}:
                    return "044"
        talks = any(c.lemma_ in ("talk", "negotiation", "discuss", "negotiate") for c in v.children
                    if c.dep_ in ("dobj", "xcomp", "advcl"))
        return "046" if talks else "040"

    # -- nouns --------------------------------------------------------------------
    def _nominal_unreal(self, n: Token) -> bool:
        """An event noun inside what is alleged, feared, warned of, denied, asked for or negated is not an act:
        "accused Ukraine of drone attacks", "warned of Iranian attacks", "denied any strikes", "if the talks
        fail"."""
        t = n
        for _ in range(6):
            if t.head is t:
                return False
            if t.dep_ == "pobj" and t.head.lower_ in ADJUNCT_PREPS:
                return False  # "during his visit", "in a phone call with Erdogan": a circumstance that happened
            t = t.head
            if t.pos_ in ("VERB", "AUX"):
                words = modality.words()
                if t.lemma_.lower() in words.accuse_verbs | words.unreal_verbs:
                    return True
                mod = modality.analyse(t, question=self.in_question,
                                       year=self.article.date.year if self.article.date else None)
                if mod.conditional or any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in t.children):
                    return True  # "a Chinese blockade of Taiwan would cost ...": a hypothetical
                return mod.drop is not None and mod.drop != "purpose"
        return False

    def event_source(self, p: Token) -> list[Actor]:
        np = self.noun_pattern(p)
        if np is None:
            return []
        return self.prep_targets(p, tuple(x for x in np.source if x not in ("poss", "amod", "compound")),
                                 possessor=False)

    def noun_pattern(self, n: Token) -> patterns.NounPattern | None:
        """The first of a noun's patterns whose needed modifier is present ("air strike", "hunger strike")."""
        pats = self.pats.nouns.get(n.lemma_.lower())
        if not pats:
            return None
        mods: set[str] | None = None
        for p in pats:
            if p.needs:
                if mods is None:
                    mods = {c.lemma_.lower() for c in n.lefts if c.dep_ in ("amod", "compound", "nmod")}
                if not mods & set(p.needs):
                    continue
            return p
        return None

    def code_noun(self, n: Token) -> list[Found]:
        np = self.noun_pattern(n)
        if np is None or np.background or n.i in self.consumed:
            return []
        if n.dep_ == "pobj" and n.head.lower_ == "for":
            return []  # "flew to Moscow for talks": the purpose of the visit, coded as the visit (gold rule 4)
        currency = _nominal_currency(n, np.code, self.article.date.year if self.article.date else None)
        if currency == "background" or self._nominal_unreal(n):
            return []
        srcs: list[Actor] = []
        for slot in np.source:
            if slot == "poss":
                srcs = self.possessor(n)
            elif slot in ("amod", "compound"):
                srcs = [a for c in n.lefts if c.dep_ in ("amod", "compound", "nmod") if (a := self.actors.entity_at(c))]
            elif slot == "between" and np.symmetric:
                both = self.prep_targets(n, ("between", "among"), possessor=False)
                if len(both) >= 2 and not self.in_question:  # "clashes between A and B": both directions
                    return [Found(a, b, np.code, np.id, n, Modality()) for a in both for b in both if a.code != b.code]
            else:
                srcs = self.prep_targets(n, (slot,), possessor=False)
            if srcs:
                break
        if not srcs and n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.head.pos_ in ("VERB", "AUX"):
            srcs = self.subjects(n.head.head)  # "During his visit ..., Macron praised"; "After talks with X, Y freed"
        tgts = self.prep_targets(n, np.target, possessor=False)
        if not tgts:  # "the visit of the Japanese premier to Taiwan": the parser hangs the target on the source
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "by"):
                    for p in c.children:
                        if p.dep_ == "pobj" and not tgts:
                            tgts = self.prep_targets(p, np.target, possessor=False)
        if not srcs or not tgts:
            return []
        # A nominal event carries no clause of its own: only a question or a negated noun cancels it.
        if self.in_question or any(c.lower_ in ("no", "without") for c in n.lefts):
            return []
        mod = Modality(transform="intent", governor=n) if currency == "planned" else Modality()
        code = _transform(np.code, mod)
        return [Found(s, t, code, np.id, n, mod) for s in srcs for t in tgts]

    def code_brokered(self, m: Token) -> list[Found]:
        """"a Turkish-brokered deal", "a U.S.-mediated truce between A and B": the broker mediates (045)
        toward each party (the noun's between-phrase, else the subjects of the clause the noun is in)."""
        low = m.lower_
        broker: list[Actor] = []
        if m.lemma_.lower() in BROKER_WORDS:
            broker = [a for c in m.children if c.dep_ in ("amod", "npadvmod", "compound", "nmod")
                      if (a := self.actors.entity_at(c)) is not None]
        elif "-" in low and low.rsplit("-", 1)[1] in BROKER_FORMS:
            prefix = m.text.rsplit("-", 1)[0]
            entries = self.actors.lex.lookup(prefix)
            if entries and entries[0].kind in ("country", "adjective", "igo", "capital"):
                code, _role = entries[0].at(self.article.date, self.actors.lex.titles)
                broker = [Actor(code, None, m.idx, m.idx + len(prefix), prefix, entries[0].kind, entries[0].codable)]
        if not broker or self.in_question:
            return []
        n = m.head
        parties = self.prep_targets(n, ("between", "among"), possessor=False)
        if not parties and n.dep_ in ("dobj", "nsubjpass", "pobj"):
            v = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "prep" else n.head
            if v.pos_ in ("VERB", "AUX"):
                parties = self.subjects(v)
        return [Found(b, p, "045", "045-brokered", m, Modality()) for b in broker for p in parties
                if b.code != p.code]

    # -- records ------------------------------------------------------------------
    def expand_found(self, f: Found) -> list[Found]:
        """Regional groups that reached an event unexpanded (read straight off a modifier) become members."""
        regions = self.actors.lex.regions
        if f.source.code not in regions and f.target.code not in regions:
            return [f]
        return [Found(s, t, f.code, f.pattern, f.predicate, f.mod)
                for s in self.expand(f.source) for t in self.expand(f.target)]

    def to_event(self, f: Found, sentence_index: int) -> Event | None:
        s, t = f.source, f.target
        if not (s.codable and t.codable) or s.code == t.code:
            return None
        cc = cameo.lookup(f.code)
        speaker = None
        if f.mod.speaker is not None:
            sp = self.subjects(f.mod.speaker)
            speaker = sp[0].code if sp else None
        notes = [f"{a.text!r} -> {a.code} from {a.resolved_from}" for a in (s, t) if a.resolved_from]
        if f.mod.transform:
            notes.append(f"{f.mod.transform} ({f.mod.governor.text if f.mod.governor is not None else 'future'})")
        p = f.predicate
        return Event(
            self.article.id, self.article.date, sentence_index, p.idx, p.idx + len(p.text), s.code, s.role, t.code,
            t.role, cc.code, cc.root, cc.quad_class, cc.goldstein, cc.plover_type, cc.plover_mode, f.pattern,
            f.mod.confidence, speaker, s.text, t.text, "; ".join(notes),
        )

    def mentions(self) -> list[Mention]:
        sent_starts = [(s.start_char, i) for i, s in enumerate(self.doc.sents)]

        def sidx(ch: int) -> int:
            return max((i for st, i in sent_starts if st <= ch), default=0)

        out = []
        for span, entry in self.actors.spans():
            code, role = entry.at(self.article.date, self.actors.lex.titles)
            out.append(Mention(sidx(span.start_char), span.start_char, span.end_char, span.text, code, role,
                               entry.kind, f"lexicon:{entry.kind}"))
        for a in self.resolved.values():
            out.append(Mention(sidx(a.start), a.start, a.end, a.text, a.code, a.role, "anaphor", "context",
                               a.resolved_from))
        return sorted(out, key=lambda m: (m.start, m.end))


def code_document(
    article: Article, doc: Doc, *, label_of: Callable[[int], int] | None = None, extra: Sequence[Extra] = (),
    matches: Sequence[tuple[int, int]] | None = None,
) -> tuple[list[Mention], list[Event], list[Tie]]:
    """Mentions, events and ties of one parsed article (or of its parsed sentences, with ``extra``
    antecedents from the sentences that were not parsed; offsets are the doc's)."""
    from .ties import code_ties

    coder = ArticleCoder(article, doc, label_of=label_of, extra=extra, matches=matches)
    events: list[Event] = []
    ties: list[Tie] = []
    for si, sent in enumerate(doc.sents):
        found: list[Found] = []
        coder.in_question = sent.text.rstrip().endswith("?")
        for tok in sent:
            # Resolve every subject first: a resolved "his country" is the antecedent of a later "its".
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.i not in coder.actors.by_token and (
                    tok.pos_ == "PRON" or tok.lower_ in REFERRING or any(c.dep_ == "poss" for c in tok.children)):
                coder.actors_for(tok)
        for tok in sent:
            # Verbs, and gerunds the tagger calls nouns ("began sharing data").
            if tok.pos_ in ("VERB", "AUX") or tok.tag_ == "VBG":
                found.extend(coder.code_verb(tok))
        for tok in sent:
            if tok.pos_ == "NOUN":
                found.extend(coder.code_noun(tok))
            elif tok.dep_ == "amod":
                found.extend(coder.code_brokered(tok))
        seen: set[tuple[str, str, str]] = set()
        for f in (x for g in found for x in coder.expand_found(g)):
            e = coder.to_event(f, si)
            if e is not None and (e.source, e.target, e.code) not in seen:
                seen.add((e.source, e.target, e.code))
                events.append(e)
                if e.code.startswith("112"):
                    coder.accusers[e.target] = f.source
                if e.quad_class >= 3:
                    coder.adversaries[e.target] = f.source
        ties.extend(code_ties(coder, sent, si))
    return coder.mentions(), events, ties


def _stative(v: Token) -> bool:
    """Simple present ("sells"), or present perfect in a relative clause ("which has invested")."""
    aux = {c.lower_ for c in v.children if c.dep_ == "aux"}
    if v.tag_ in ("VBZ", "VBP") and not aux:
        return True
    return v.tag_ == "VBN" and v.dep_ == "relcl" and bool(aux & {"has", "have"})


def _nominal_currency(n: Token, code: str, year: int | None) -> str:
    """Whether an event noun reports something happening now (gold rule 9): "background" for history
    ("the 2014 annexation", "since the invasion", "under Western sanctions"), "planned" for an intention
    ("a planned visit"), else "current"."""
    words = modality.words()
    for c in n.lefts:
        low = c.lower_
        if c.like_num and len(low) == 4 and low.isdigit() and year is not None and 1900 <= int(low) < year:
            return "background"
        if low in words.background_modifiers:
            return "background"
        if c.dep_ == "poss" and any(x.lower_ in ("year", "decade", "month") and any(
                y.lower_ in ("last", "previous") for y in x.lefts) for x in c.subtree):
            return "background"  # "last year's invasion"
        if low in words.planned_modifiers:
            return "planned"
    if n.dep_ == "pobj":
        prep = n.head.lower_
        if prep in words.background_preps or (code.startswith("16") and prep in words.standing_preps):
            return "background"
    return "current"


def _mass(np: Token) -> bool:
    """A victim phrase of hundreds or a thousand and more: "hundreds of migrants", "more than 10,000 Haitians"."""
    words = modality.words().mass_words
    for t in (np, *np.lefts, *(x for c in np.lefts for x in c.subtree)):
        low = t.lower_
        if low in words:
            return True
        if t.like_num:
            try:
                if float(low.replace(",", "")) >= 1000:
                    return True
            except ValueError:
                continue
    return False


def _weapon_code(v: Token) -> str | None:
    """"Israeli jets struck ...", "shelled ... with artillery": the weapon makes fighting 193/194/195."""
    table = modality.weapon_codes()
    for c in v.children:
        cands = [c] if c.dep_ in ("nsubj", "nsubjpass") else []
        if c.dep_ in ("prep", "agent") and c.lower_ in ("with", "using", "by"):
            cands = [x for x in c.children if x.dep_ == "pobj"]
        for x in cands:
            for w in (x, *(m for m in x.lefts if m.dep_ == "compound")):
                code = table.get(w.lemma_.lower())
                if code is not None:
                    return code
    return None


def _in_support(v: Token) -> bool:
    """A purpose or circumstance of support: "sent troops to help Kazakhstan restore order", "deployed forces
    at the request of the government", "in support of the Syrian army"."""
    words = modality.words()
    for c in v.children:
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in words.support_purposes:
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in ("support", "request", "invitation", "aid", "defence",
                                                               "defense"):
                    return True
    return False


def _has_agent(v: Token) -> bool:
    return any(c.dep_ == "agent" for x in (v, *v.conjuncts) for c in x.children)


def _same_group(a: Actor, b: Actor) -> bool:
    return a.start == b.start and bool(a.resolved_from) and str(a.resolved_from).startswith("group ")


def _own_subject(v: Token) -> bool:
    """Joint subjects act on each other only in their own clause ("X and Y held talks"), not in a
    purpose clause they govern ("X and Y met officials of Z to discuss ...")."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return True
    t = v
    while t.dep_ in ("xcomp", "conj") and t.head is not t:  # "agreed to sign", "met and signed"
        t = t.head
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return True
    return False


def _transform(code: str, mod: Modality) -> str:
    if mod.transform in ("intent", "refuse", "threat"):
        return modality.transformed(code, mod.transform)
    if mod.conditional:  # gold rule 6: conditional conflict is a threat; a conditional benefit an offer
        return modality.transformed(code, "threat" if cameo.lookup(code).quad_class >= 3 else "intent")
    return code


def _near_words(v: Token) -> frozenset[str]:
    """Words a multi-word trigger may need on its verb: particles, prepositions and their objects, the
    direct object and its modifiers ("take into custody", "open fire", "lay siege to", "pull out"). A particle
    ("over", "out") counts only as a particle, not as a preposition with an object of its own ("handed a
    note to the envoy over his remarks" is no handing over)."""
    out: set[str] = set()
    for c in [*v.children, *(p for p in flat_preps(v) if p.head is not v)]:
        if c.dep_ in ("prt", "prep", "dobj", "advmod", "acomp", "oprd", "attr", "npadvmod", "dative", "agent",
                      "compound"):
            if c.dep_ == "prep" and c.lower_ in PARTICLES and any(g.dep_ == "pobj" for g in c.children):
                pass
            else:
                out.update((c.lower_, c.lemma_.lower()))
            if c.dep_ in ("prep", "dobj", "agent", "dative"):
                for g in c.children:
                    if g.dep_ in ("pobj", "compound", "amod"):
                        out.update((g.lower_, g.lemma_.lower()))
                        if g.dep_ == "pobj":  # "went on hunger strike"
                            out.update(x.lemma_.lower() for x in g.children if x.dep_ in ("compound", "amod"))
        if c.dep_ in ("advcl", "ccomp"):  # "called for Russia to withdraw": "for" marks the clause
            out.update(g.lower_ for g in c.children if g.dep_ == "mark")
    return frozenset(out)


def _forms(t: Token) -> list[str]:
    """A noun's lemma, and its singular where the lemmatizer leaves an irregular plural ("servicemen")."""
    lemma = t.lemma_.lower()
    if lemma.endswith("men") and len(lemma) > 4:  # the tagger often calls "servicemen" singular
        return [lemma, lemma[:-3] + "man"]
    if t.tag_ in ("NNS", "NNPS") and lemma == t.lower_:
        if lemma.endswith("ies"):
            return [lemma, lemma[:-3] + "y"]
        if lemma.endswith("s"):
            return [lemma, lemma[:-1]]
    return [lemma]


def _object_tokens(v: Token, theme: Token | None) -> list[Token]:
    out = [theme] if theme is not None else []
    for c in [*v.children, *(p for p in flat_preps(v) if p.head is not v)]:
        if c.dep_ in ("dobj", "attr", "oprd", "xcomp"):
            out.append(c)
        if c.dep_ == "prep":
            out.extend(x for x in c.children if x.dep_ == "pobj")
    return out


def _object_lemmas(v: Token, theme: Token | None) -> list[str]:
    """Nouns that refine a verb's code: its object, the object's of-phrase, prepositional objects."""
    out: list[str] = []
    if theme is not None:
        # A compound names the kind first: "arms deliveries" are about arms, "ceasefire proposal" a ceasefire.
        out.extend(c.lemma_.lower() for c in theme.lefts if c.dep_ == "compound")
        out.extend(_forms(theme))
        # "freed French national Olivier Grondeau": a name's describing word
        out.extend(c.lemma_.lower() for c in theme.lefts if c.dep_ == "amod" and theme.pos_ == "PROPN")
        out.extend(c.lemma_.lower() for c in theme.conjuncts)  # "traded drone, missile and artillery attacks"
        for p in theme.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                out.extend(x.lemma_.lower() for x in p.children if x.dep_ == "pobj")
    for c in [*v.children, *(p for p in flat_preps(v) if p.head is not v)]:
        if c.dep_ in ("dobj", "attr", "oprd"):
            out.append(c.lemma_.lower())
        if c.dep_ == "prep":
            out.extend(x.lemma_.lower() for x in c.children if x.dep_ == "pobj")
        if c.dep_ == "xcomp":
            out.append(c.lemma_.lower())
            # "urged Israel to show restraint": the complement's object names what is asked
            out.extend(x.lemma_.lower() for x in c.children if x.dep_ == "dobj")
    return out
