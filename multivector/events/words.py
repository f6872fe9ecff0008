"""Words around a predicate that shape its event: the object nouns that refine a code, the words a
multi-word trigger needs, weapons, numbers of victims, purposes of support, tense (pure functions over a parse).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import lexicon
from ..actors.matcher import Actor
from . import modality, patterns
from .tree import child, flat_preps, fronted_list, name_head, prep_objects

# Words of phrasal verbs that are particles, not prepositions ("hand over", "pull out", "cut off").
PARTICLES = frozenset({"over", "out", "off", "up", "down", "back", "away", "around", "aside"})
# Prepositions of a time or occasion: their objects set the scene, they are not what the verb is about
TIME_PREPS = frozenset({"during", "after", "before", "following", "amid", "amidst", "since", "ahead"})
# Nouns of complex prepositions ("in exchange for", "in return for", "in line with"): no thing acted on.
COMPLEX_PREP_NOUNS = frozenset({"exchange", "return", "accordance", "addition", "lieu", "spite", "wake", "light",
                                "line", "keeping"})


def complex_preposition(p: Token) -> bool:
    """The noun of a complex preposition, a prepositional object with its own preposition after it ("in exchange
    for", "in return for", "in line with"): no thing a verb acts on."""
    return p.dep_ == "pobj" and p.head.lower_ == "in" and p.lemma_.lower() in COMPLEX_PREP_NOUNS and \
        child(p, "prep") is not None


def stative(v: Token) -> bool:
    """Simple present ("sells"), or present perfect in a relative clause ("which has invested")."""
    aux = {c.lower_ for c in v.children if c.dep_ == "aux"}
    if v.tag_ in ("VBZ", "VBP") and not aux:
        return True
    if v.pos_ == "NOUN" and v.tag_ == "NNS":  # a headline verb the parser read as a plural noun ("hosts")
        return True
    return v.tag_ == "VBN" and v.dep_ == "relcl" and bool(aux & {"has", "have"})



def consignment(theme: Token | None, refined: str) -> bool:
    """A present-tense sale or shipment reported as one act, not a standing flow: a counted lot ("sells two steel
    works", "ships 100 tanks to Ukraine") or arms and aid ("sells S-400 missiles to Turkey": ``refined`` is the
    07x code the object gives); never a share of a flow ("supplies most of Georgia's gas", read by ties.py through
    its of-phrase) or the seller's own goods ("sells its gas")."""
    if theme is None or any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in theme.children):
        return False
    return refined.startswith("07") or any(c.dep_ == "nummod" for c in theme.children)


def is_mass(np: Token, *, bare_people: bool = False) -> bool:
    """A victim phrase of hundreds or a thousand and more: "hundreds of migrants", "more than 10,000 Haitians";
    with ``bare_people``, also a people named as a whole, with no article or number ("a drive to expel Afghans")."""
    if bare_people and np.tag_ in ("NNS", "NNPS") and np.text[:1].isupper() and not any(
            c.dep_ in ("det", "nummod", "quantmod", "poss", "amod") for c in np.children):
        return True
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



def instruments(v: Token) -> list[Token]:
    """The nouns an act is done by: its subject and the objects of "with", "using", "by" ("Israeli jets struck
    ...", "shelled ... with artillery", "attacked with a car bomb")."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            out.append(c)
        elif c.dep_ in ("prep", "agent") and c.lower_ in ("with", "using", "by"):
            out.extend(x for x in c.children if x.dep_ == "pobj")
    return out


def weapon_code(v: Token, table: dict[str, str] | None = None) -> str | None:
    """"Israeli jets struck ...", "shelled ... with artillery": the weapon makes fighting 193/194/195 (or,
    with ``table`` = modality.bombing_codes(), a killing by a bomber a bombing, 183)."""
    table = modality.weapon_codes() if table is None else table
    for x in instruments(v):
        for w in (x, *(m for m in x.lefts if m.dep_ == "compound")):
            # ("Rockets fired from Lebanon": a capitalised plural the tagger leaves unlemmatised)
            code = next((k for f in forms(w) if (k := table.get(f)) is not None), None)
            if code is not None:
                return code
    return None


def improvised_bomb(v: Token) -> bool:
    """The act's subject or instrument is a bomb no army drops ("a roadside bomb hit a convoy", "attacked with
    a car bomb"): CAMEO 183, non-military bombing, not fighting with aerial weapons."""
    W = modality.words()
    # "a roadside bomb hit a convoy, wounding several": the participle's cause is its head's subject
    heads = [v, v.head] if v.dep_ in ("advcl", "conj") and v.tag_ == "VBG" else [v]
    # "were killed in an attack on a patrol base with a truck bomb": the attack noun's own instrument
    heads += [p for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
              for p in c.children if p.dep_ == "pobj"]
    return any(x.lemma_.lower() in W.bomb_nouns and any(
        m.dep_ in ("compound", "amod") and m.lemma_.lower() in W.bomb_makers for m in x.lefts)
        for h in heads for x in instruments(h))


OWN_POSSESSIVES = frozenset({"its", "their", "own"})


def in_support(v: Token) -> bool:
    """A purpose or circumstance of support: "sent troops to help Kazakhstan restore order", "deployed forces
    at the request of the government", "in support of the Syrian army"."""
    words = modality.words()
    for c in v.children:
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in words.support_purposes and not any(
                x.dep_ in ("nsubj", "nsubjpass", "mark") for x in c.children):
            # (a purpose has no subject of its own: "two days after Venezuelan voters backed ..." is a time)
            obj = next((o for o in c.children if o.dep_ == "dobj"), None)
            if obj is not None and any(p.dep_ == "poss" and p.lower_ in OWN_POSSESSIVES for p in obj.children):
                continue  # "put reservists on standby to reinforce its frontier": its own, no one supported
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in ("support", "request", "invitation", "aid", "defence",
                                                               "defense"):
                    return True
    return False



def has_agent(v: Token) -> bool:
    return any(c.dep_ == "agent" for x in (v, *v.conjuncts) for c in x.children)



def own_subject(v: Token) -> bool:
    """Joint subjects act on each other only in their own clause ("X and Y held talks"), not in a
    purpose clause they govern ("X and Y met officials of Z to discuss ...")."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children) or fronted_list(v):
        return True
    t = v
    while t.dep_ in ("xcomp", "conj", "acomp") and t.head.i != t.i:  # "agreed to sign", "met and signed",
        t = t.head  # "are due to sign" (through the adjective)
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) or fronted_list(t):
            return True
    return False



def near_words(v: Token) -> frozenset[str]:
    """Words a multi-word trigger may need on its verb: particles, prepositions and their objects, the
    direct object and its modifiers ("take into custody", "open fire", "lay siege to", "pull out"). A particle
    ("over", "out") counts only as a particle, not as a preposition with an object of its own ("handed a
    note to the envoy over his remarks" is no handing over)."""
    out: set[str] = set()
    for c in [*v.children, *(p for p in flat_preps(v) if p.head.i != v.i)]:
        # "declared two NGOs undesirable", "declared the Fund an undesirable organisation": the parser may read a
        # small clause's predicate as a clause of its own
        small = c.dep_ == "ccomp" and c.pos_ in ("NOUN", "ADJ") and any(g.dep_ == "nsubj" for g in c.children)
        if small or c.dep_ in ("prt", "prep", "dobj", "advmod", "acomp", "oprd", "attr", "npadvmod", "dative",
                               "agent", "compound"):
            if c.dep_ == "prep" and c.lower_ in PARTICLES and any(g.dep_ == "pobj" for g in c.children):
                pass
            else:
                out.update((c.lower_, *forms(c)))  # "bomb PKK bases": "bases" is lemmatised "basis"
            if small or c.dep_ in ("prep", "dobj", "agent", "dative", "oprd", "attr"):
                for g in c.children:  # ("labelled the ministry an undesirable organisation")
                    if g.dep_ in ("pobj", "compound", "amod"):
                        out.update((g.lower_, *forms(g)))
                        if g.dep_ == "pobj":  # "went on hunger strike"
                            out.update(x.lemma_.lower() for x in g.children if x.dep_ in ("compound", "amod"))
        if c.dep_ in ("advcl", "ccomp"):  # "called for Russia to withdraw": "for" marks the clause
            out.update(g.lower_ for g in c.children if g.dep_ == "mark")
    return frozenset(out)



def forms(t: Token) -> list[str]:
    """A noun's lemma, and its singular where the lemmatizer leaves an irregular plural ("servicemen")."""
    lemma = t.lemma_.lower()
    if lemma.endswith("men") and len(lemma) > 4:  # the tagger often calls "servicemen" singular
        return [lemma, lemma[:-3] + "man"]
    if t.tag_ in ("NNS", "NNPS") and lemma == t.lower_:
        if lemma.endswith("ies"):
            return [lemma, lemma[:-3] + "y"]
        if lemma.endswith("s"):
            return [lemma, lemma[:-1]]
    if t.tag_ in ("NNS", "NNPS") and t.lower_.endswith("s") and t.lower_[:-1] != lemma:
        return [lemma, t.lower_[:-1]]  # "bases" is lemmatised "basis"; the word also names a base
    return [lemma]



def object_tokens(v: Token, theme: Token | None) -> list[Token]:
    out = [theme] if theme is not None else []
    for c in [*v.children, *(p for p in flat_preps(v) if p.head.i != v.i)]:
        if c.dep_ in ("dobj", "attr", "oprd", "xcomp"):
            out.append(c)
        if c.dep_ == "prep":
            out.extend(x for x in c.children if x.dep_ == "pobj")
    return out



# Participles and adjectives of a vehicle that name its cargo ("planes carrying aid", "a ship laden with rice").
CARRIERS = frozenset({"carry", "load", "laden", "pack", "fill", "bear", "loaded", "packed", "filled"})


def carried(p: Token) -> list[str]:
    """The cargo nouns under a carrier word: its object or its with-phrase, with their conjuncts."""
    heads = [c for c in p.children if c.dep_ == "dobj"]
    heads += [x for c in p.children if c.dep_ == "prep" and c.lower_ == "with" for x in c.children if x.dep_ == "pobj"]
    out = []
    for h in heads:
        out += [c.lemma_.lower() for c in h.lefts if c.dep_ == "compound"] + [h.lemma_.lower()]
        out += [c.lemma_.lower() for c in h.conjuncts]
    return out


def _people_phrase(n: Token) -> bool:
    """Whether a noun with its compounds names a kind of people in the actor lexicon's roles ("asylum seekers")."""
    words = " ".join(t.lower_ for t in n.lefts if t.dep_ == "compound")
    return f"{words} {n.lower_}".strip() in lexicon.load().roles  # the whole phrase: a "mission" alone is no person


def undoing_noun(n: Token) -> bool:
    """A noun naming an act done to what its of-phrase names, which a light verb must not take for that thing:
    a noun of a trigger verb ("suspension", "tightening": data/<lang>/deverbal.tsv) or of an act of yielding
    (root 08: "lifting", "withdrawal")."""
    lemma = n.lemma_.lower()
    return lemma in patterns.deverbals() or any(p.code[:2] == "08" for p in patterns.load().nouns.get(lemma, ()))


def object_lemmas(v: Token, theme: Token | None) -> list[str]:
    """Nouns that refine a verb's code: its object, the object's of-phrase, prepositional objects."""
    out: list[str] = []
    if theme is not None:
        # A compound names the kind first: "arms deliveries" are about arms, "ceasefire proposal" a ceasefire;
        # but before a noun for people it says what they seek or do ("asylum seekers", "aid workers"), and
        # before a restriction what is restricted ("visa requirements"): the head comes first.
        kinds = [c.lemma_.lower() for c in theme.lefts if c.dep_ == "compound"]
        if theme.lemma_.lower() in modality.words().trial_heads:
            kinds = []  # "conducted missile tests": a test of missiles is no firing of them
        head_first = _people_phrase(theme) or theme.lemma_.lower() in modality.words().restriction_heads
        movers = prep_objects(theme, ("of",)) if theme.lemma_.lower() in modality.words().flow_heads else []
        if any(_people_phrase(x) for x in movers):
            return [x.lemma_.lower() for x in movers]  # "halt the flow of migrants from Serbia": no goods cut off
        # the noun with its modifier first, for the lexicon's two-word objects: "visa-free travel", "air base"
        out.extend(modified_forms(theme))
        out.extend([*forms(theme), *kinds] if kinds and head_first else [*kinds, *forms(theme)])
        # "freed French national Olivier Grondeau": a name's describing word
        out.extend(c.lemma_.lower() for c in theme.lefts if c.dep_ == "amod" and theme.pos_ == "PROPN")
        # "expels Kang Chol, North Korea's ambassador": a name's apposition says what the person is
        out.extend(c.lemma_.lower() for c in theme.children if c.dep_ == "appos" and theme.pos_ == "PROPN")
        out.extend(c.lemma_.lower() for c in theme.conjuncts)  # "traded drone, missile and artillery attacks"
        # "halted all firing and military action": the parser makes the first of two coordinated nouns a modifier
        out.extend(c.lemma_.lower() for c in theme.lefts if c.dep_ == "amod" and c.tag_ in ("NN", "NNS")
                   and any(x.dep_ == "cc" for x in c.children))
        # "called the decision unacceptable", "called the move a provocation": the parser may hang an object
        # complement on the object; an adjective after its noun is no attribute in English, it predicates
        out.extend(c.lemma_.lower() for c in theme.rights if c.dep_ in ("amod", "npadvmod") and theme.pos_ == "NOUN")
        for p in theme.children:
            # "a package of sanctions", "5 million euros in aid": what the amount or the package is of; not
            # what an act named by its noun acts on ("approved the lifting of sanctions" lifts them)
            if p.dep_ == "prep" and p.lower_ == "of" and undoing_noun(theme):
                continue
            if p.dep_ == "prep" and (p.lower_ == "of" or (p.lower_ == "in" and (theme.tag_ == "CD" or any(
                    c.dep_ == "nummod" for c in theme.children))) or (
                    p.lower_ == "as" and theme.lemma_.lower() in ("role", "position", "status"))):
                # ("suspended its role as a mediator": the role is what it was)
                out.extend(x.lemma_.lower() for x in p.children if x.dep_ == "pobj")
            elif p.dep_ == "prep" and p.lower_ == "as" and v.lemma_.lower() in modality.words().regard_verbs:
                # "sees the move as interference": the parser hangs the predicate on the object
                out.extend(x.lemma_.lower() for x in p.children if x.dep_ in ("pobj", "amod", "acomp"))
            elif p.dep_ in ("acl", "amod") and p.lemma_.lower() in CARRIERS:
                out.extend(carried(p))  # "sent a train loaded with flour": the cargo names what was sent
    for c in [*v.children, *(p for p in flat_preps(v) if p.head.i != v.i)]:
        if c.dep_ in ("dobj", "attr", "oprd") or (c.dep_ == "npadvmod" and any(d.dep_ == "dative" for d in v.children)):
            if c.dep_ == "oprd":
                out.extend(modified_forms(c))  # "called Kazakhstan a brotherly nation": the name with its modifier
            out.append(c.lemma_.lower())  # "gave Qatar ten days": the parser may call the second object adverbial
            if c.dep_ == "dobj" and theme is not None and c.i != theme.i:
                # a passive's retained object says what it was of: "was handed a note of protest"
                out.extend(x.lemma_.lower() for x in prep_objects(c, ("of",)))
            if c.dep_ in ("oprd", "attr") and c.lemma_.lower() in modality.words().kind_heads:
                # "called the seizures acts of piracy", "a form of blackmail": what kind of act it was named
                out.extend(x.lemma_.lower() for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                           for x in p.children if x.dep_ == "pobj")
        if c.dep_ == "ccomp" and (c.pos_ in ("NOUN", "PROPN") or c.lower_ in modality.words().verbless_heads):
            out.extend(x.lemma_.lower() for x in c.subtree if x.dep_ in ("dobj", "compound", "npadvmod"))
        if c.dep_ == "ccomp" and (c.pos_ in ("NOUN", "ADJ") or c.tag_ == "VBN") and child(c, "nsubj") is not None:
            out.append(c.lemma_.lower())  # "considers the raid a violation", "deems the sanctions unjustified"
        if c.dep_ == "xcomp" and c.lemma_ == "be":
            # "considers the raid to be a violation": what the object is said to be
            out.extend(x.lemma_.lower() for x in c.children if x.dep_ in ("attr", "acomp"))
        if c.dep_ == "prep" and c.lower_ not in TIME_PREPS and not any(complex_preposition(x) for x in c.children):
            # "asked for American air support": a prepositional object with its modifier first, as for the object
            # (not a time: "during talks with Putin, called for a ceasefire" calls for no talks; nor a complex
            # preposition: "froze its programme in exchange for fuel oil" froze no exchange)
            out.extend(f for x in c.children if x.dep_ == "pobj" for f in modified_forms(x))
            # and what kind of members a list is of: "removed it from its list of trusted trading partners"
            out.extend(f"{m.lemma_.lower()} list" for x in c.children if x.dep_ == "pobj" and x.lemma_.lower() == "list"
                       for o in prep_objects(x, ("of",)) for m in o.lefts if m.dep_ == "amod")
            # "described the drills as provocative": the parser may make the adjective a modifier of "as"
            out.extend(x.lemma_.lower() for x in c.children if x.dep_ == "pobj" or (
                c.lower_ == "as" and x.dep_ in ("amod", "acomp")))
        if c.dep_ == "xcomp":
            out.append(c.lemma_.lower())
            # "urged Israel to show restraint": the complement's object names what is asked
            out.extend(x.lemma_.lower() for x in c.children if x.dep_ == "dobj")
    return out


def modified_forms(h: Token) -> list[str]:
    """A noun with each modifier before it, as the lexicon's two-word keys name it: "visa-free travel", "rescue
    team", "air base" (the modifier's whole phrase, so a hyphenated one stays one word)."""
    heads = dict.fromkeys([*forms(h), h.lower_])
    out = [f"{h.doc[c.left_edge.i:c.i + 1].text.lower()} {w}" for c in h.lefts if c.dep_ in ("amod", "compound")
           for w in heads]
    # and the modifier word alone when its phrase is longer: "a military training mission" is a training mission
    out += [f"{c.lower_} {w}" for c in h.lefts if c.dep_ in ("amod", "compound") and c.left_edge.i < c.i
            and h.doc[c.i - 1].text != "-" for w in heads]
    # and each of joined modifiers: "search and rescue teams" are rescue teams (the parser may call the first an nmod)
    return out + [f"{x.lower_} {w}" for c in h.lefts if c.dep_ in ("amod", "compound", "nmod")
                  for x in c.conjuncts if x.i < h.i for w in heads]


def head_words(h: Token) -> set[str]:
    """A noun's head as a pattern's subject_heads may name it: its lemma and forms, and with a modifier before it
    ("rescue team", "aid convoy", "humanitarian convoy", "service member")."""
    return {h.lemma_.lower(), h.lower_, h.lower_.removesuffix("s"), *modified_forms(h)}


# Patterns of a force leaving a state (withdrawal_code): a presence ended or a military de-escalation
WITHDRAWALS = frozenset({"withdraw", "withdraw-out", "leave", "withdrawal.n"})


def withdrawal_code(code: str, at: Token, force: Token | None, targets: list[Actor]) -> str:
    """A withdrawal (087) of a mission, peacekeepers or observers from a state named as a whole ends a presence:
    CAMEO 166 "expel or withdraw" (1661, 1662). Pulling back from a checkpoint or positions in it stays
    de-escalation, and so do other forces leaving (a state's troops leaving a whole state were measured as 166
    and lost: annotators code those either way)."""
    head = force.lemma_.lower() if force is not None else ""
    if not head or head not in modality.withdrawn_codes():
        return code

    def whole(t: Actor) -> bool:  # the state itself is what is left ("from Mali"), not a place in it
        tok = name_head(at.doc, t.start, t.end)
        if tok is None or t.kind != "country" or not any(a.i == at.i for a in tok.ancestors):
            return False
        prep = tok.head
        return (tok.dep_ == "dobj" and prep.i == at.i) or (tok.dep_ == "pobj" and (prep.lower_ == "from" or (
            prep.lower_ == "of" and prep.i > 0 and at.doc[prep.i - 1].lower_ == "out")))

    return modality.withdrawn_codes()[head] if targets and all(whole(t) for t in targets) else code
