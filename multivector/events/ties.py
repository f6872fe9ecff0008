"""Stative ties (trade, energy, security, aid, investment) from verb and noun patterns (data/<lang>/ties.yaml).

``a`` is the dependent side: "Kazakhstan imports gas from Russia" -> (KAZ, RUS, energy);
"China is Kazakhstan's largest trading partner" -> (KAZ, CHN, trade).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Span, Token

from .. import yamlfast
from ..errors import LexiconError
from ..records import TIE_TYPES, Tie
from . import modality, patterns
from .tree import verb_like

if TYPE_CHECKING:
    from ..actors.matcher import Actor
    from .coder import ArticleCoder

COPULAS = frozenset({"be", "remain", "become", "stay"})
VIEW_VERBS = frozenset({"count", "consider", "see", "regard", "view", "treat", "make", "call", "describe"})
# Measures whose object is a flow stopped or restored, not a standing dependence.
BAN_NOUNS = frozenset({"ban", "embargo", "restriction", "moratorium", "curb", "halt", "suspension", "limit"})
# a flow named as what one is warned against, kept from or goes without is not there ("instead of" is "of" under
# "instead")
UNREALISING_PREPS = frozenset({"against", "from", "without"})


@dataclass(frozen=True, slots=True)
class TieLexicon:
    type_words: dict[str, str]  # lemma -> type
    dependent: dict[str, dict[str, Any]]
    market: dict[str, dict[str, Any]]
    provider: dict[str, dict[str, Any]]
    nouns: dict[str, dict[str, Any]]
    stationed: dict[str, dict[str, Any]]
    adjectives: dict[str, str]  # "dependent" -> "depend": an adjective read as its dependent verb
    manner: frozenset[str] = frozenset()  # "defiance", "response": "in defiance of" tells why, names no partner


@functools.cache
def load() -> TieLexicon:
    """Load and check the tie lexicon."""
    path = patterns.data_dir("en") / "ties.yaml"
    data = yamlfast.safe_load(path.read_text(encoding="utf-8"))
    words: dict[str, str] = {}
    for typ, ws in data["type_words"].items():
        if typ not in TIE_TYPES:
            raise LexiconError(str(path), f"unknown tie type {typ!r} (use one of {', '.join(TIE_TYPES)})")
        for w in ws:
            words.setdefault(w, typ)

    def index(key: str) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for entry in data.get(key, []):
            for t in ("default", "type"):
                if t in entry and entry[t] not in TIE_TYPES:
                    raise LexiconError(str(path), f"{entry['id']}: unknown tie type {entry[t]!r}")
            if not all(isinstance(x, str) for x in entry.get("preps", [])):
                raise LexiconError(str(path), f"{entry['id']}: quote prepositions such as \"on\" (YAML reads on as true)")
            for lemma in entry["lemmas"]:
                out[lemma] = entry
        return out

    adjectives = {a: e["lemmas"][0] for e in data.get("dependent_verbs", []) for a in e.get("adjectives", [])}
    return TieLexicon(words, index("dependent_verbs"), index("market_verbs"), index("provider_verbs"), index("nouns"),
                      index("stationed_verbs"), adjectives, frozenset(str(w) for w in data.get("manner_nouns", [])))


def _type_of(tokens: list[Token], lex: TieLexicon, default: str) -> str:
    return _types_of(tokens, lex, default)[0]


def _types_of(tokens: list[Token], lex: TieLexicon, default: str) -> list[str]:
    """Every dependence the words name ("for cheap oil and gas and for state loans": energy and aid); trade
    only when nothing more specific is named."""
    found = {lex.type_words[t.lemma_.lower()] for t in tokens if t.lemma_.lower() in lex.type_words}
    specific: list[str] = [typ for typ in ("energy", "aid", "security", "investment") if typ in found]
    return specific or (["trade"] if "trade" in found else [default])


def _np_tokens(tok: Token | None) -> list[Token]:
    """A noun phrase's words without embedded clauses ("goods ... and depending on gas" stops at the verb)."""
    if tok is None:
        return []
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.pos_ not in ("VERB", "AUX"))
    return out


ASPECT_HEADS = frozenset({"begin", "start", "resume", "stop", "agree", "decide", "plan", "promise", "pledge", "vow",
                          "offer", "want", "seek", "hope", "continue", "try"})


def _negated(t: Token) -> bool:
    """A negated or past ("until last year") predicate states no tie."""
    return any(c.dep_ == "neg" or (c.dep_ == "prep" and c.lower_ == "until") for c in t.children)


def _undone(n: Token) -> bool:
    """A relation a verb ends or reduces states no standing tie: "cutting their reliance on the dollar", "suspend
    their role as guarantors" (up through the phrases it sits in, to the first verb)."""
    t = n
    for _ in range(4):
        if t.dep_ not in ("dobj", "pobj", "prep", "nsubjpass") or t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t.lemma_.lower() in modality.words().reducing_verbs
    return False


def _stative(v: Token) -> bool:
    """A tie is a standing state: present ("imports", "relies"), present perfect ("has invested") or a
    participle ("depending on Russian gas"); not a past act ("received a grant"), a future, or the
    complement of an aspect or intent verb ("began shipping", "agreed to buy")."""
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    if _unrealised(v):
        return False  # a future, or an infinitive: "plans to buy jets from France" is no trading tie
    if v.tag_ == "VBD" or (v.tag_ == "VBN" and (not aux & {"has", "have", "'s", "'ve"}
                                                 or any(c.dep_ == "auxpass" for c in v.children))):
        return False
    if v.dep_ in ("xcomp", "advcl", "acl") and v.head.lemma_.lower() in ASPECT_HEADS | modality.words().intent_heads | \
            modality.words().consider_heads:
        return False  # (and "considers importing Russian crude": an option, not a standing flow)
    return not (v.dep_ == "xcomp" and v.tag_ == "VB")


def _standing_passive(v: Token) -> bool:
    """A present passive ("are stationed", "remain deployed", "has been based since"): a standing state."""
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    return v.tag_ == "VBN" and bool(aux & {"are", "is", "remain", "remains", "been"}) and not _negated(v) \
        and not aux & {"will", "would", "could", "might", "may", "was", "were"}


def _stationed_ties(coder: ArticleCoder, v: Token, e: dict[str, Any]) -> list[tuple[Any, Any, str, str, Token]]:
    """"Russian troops are stationed in Tajikistan": the host (a) depends on the forces' state (b)."""
    subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if subj is None or _noun_lemma(subj) not in e["objects"]:
        return []
    forces = coder.actors_for(subj) or coder.modifier_entity(subj)
    hosts = [a for p in _prep_objects(v, e["preps"]) for a in _subtree_actors(coder, p)]
    return [(a, b, "security", e["id"], v) for a in hosts for b in forces]


def code_ties(coder: ArticleCoder, sent: Span, si: int) -> list[Tie]:
    """Ties stated in one sentence."""
    lex = load()
    found: list[tuple[Actor, Actor, str, str, Token]] = []
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ in ("VERB", "AUX") and lemma in lex.stationed and _standing_passive(t):
            found.extend(_stationed_ties(coder, t, lex.stationed[lemma]))
        if verb_like(t):
            if (lemma in lex.dependent or lemma in lex.market or lemma in lex.provider) and not _negated(t) \
                    and _stative(t):
                found.extend(_verb_ties(coder, t, lemma, lex))
        elif t.pos_ == "ADJ" and t.dep_ == "acomp" and lemma in lex.adjectives and not _negated(t.head) \
                and _stative(t.head):
            found.extend(_verb_ties(coder, t, lex.adjectives[lemma], lex))  # "is heavily dependent on Russia"
        elif t.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns and not _negated(t.head) and not _undone(t):
            found.extend(_noun_ties(coder, t, lex.nouns[lemma], lex))
    out: list[Tie] = []
    seen: set[tuple[str, str, str]] = set()
    art = coder.article
    for a, b, typ, pid, tok in found:
        if a.code == b.code or not (a.codable and b.codable) or (a.code, b.code, typ) in seen:
            continue
        seen.add((a.code, b.code, typ))
        notes = [f"{x.text!r} -> {x.code} from {x.resolved_from}" for x in (a, b) if x.resolved_from]
        out.append(Tie(art.id, art.date, si, tok.idx, tok.idx + len(tok.text), a.code, b.code, typ, pid,
                       note="; ".join(notes)))
    return out


def _subtree_actors(coder: ArticleCoder, tok: Token | None, *, skip: Token | None = None,
                    exclude: frozenset[str] = frozenset()) -> list[Actor]:
    """Actors named anywhere in a phrase, in order (first the head's own reading); ``exclude`` holds the
    other party's codes, which a reference inside the phrase cannot mean."""
    if tok is None:
        return []
    direct = coder.actors_for(tok, exclude)
    if direct:
        return direct
    for t in tok.subtree:
        if t is tok or (skip is not None and t.i == skip.i):
            continue
        if t.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "DET"):
            got = coder.actors_for(t, exclude) if t.pos_ != "ADJ" else []
            if not got:
                a = coder.actors.entity_at(t)
                got = [a] if a is not None else []
            if not got and t.text in coder.actors.lex.bloc_adjectives:
                from ..actors.matcher import Actor as _A

                got = [_A(coder.actors.lex.bloc_adjectives[t.text], None, t.idx, t.idx + len(t.text), t.text, "bloc")]
            if got:
                return got
    return []


def _prep_objects(v: Token, names: list[str], *, on_object: bool = False) -> list[Token]:
    """Noun objects of the named prepositions (a clause, "on how long the war lasts", is no party); also
    inside a share phrase: "imports almost all of its petrol from Russia", "buys 90% of its oil from"."""
    manner = load().manner  # ("buys Russian gas in defiance of EU sanctions": no partner in a manner phrase)
    out = [p for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ in names
           for x in (c, *c.conjuncts) for p in x.children if p.dep_ == "pobj" and p.lemma_.lower() not in manner]
    if "dative" in names:  # the indirect object itself: "owes China $4 billion"
        out += [c for c in v.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
    if out:
        return out
    # or, for a thing placed, on the object, where the parser may hang it: "has a military base in Armenia" (not a
    # flow: "has delivered a battery to Ukraine" is an act)
    out = [p for obj in v.children if obj.dep_ == "dobj" for c in obj.children
           if c.dep_ == "prep" and c.lower_ in names for p in c.children if p.dep_ == "pobj"] if on_object else []
    if out:
        return out
    for obj in (c for c in v.children if c.dep_ == "dobj"):
        for of in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for commodity in (p for p in of.children if p.dep_ == "pobj"):
                for x in (commodity, *commodity.conjuncts):
                    out.extend(p for c in x.children if c.dep_ == "prep" and c.lower_ in names
                               for p in c.children if p.dep_ == "pobj")
    return out


def _named_flow(e: dict[str, Any], tokens: list[Token], lex: TieLexicon) -> bool:
    """A light verb ("get", "receive", "deliver") makes a tie only for a flow the words name ("gets most of its
    gas from Russia"), not for "taking refuge in its embassy" or "deliver water after an earthquake"."""
    return not e.get("needs_type") or any(t.lemma_.lower() in lex.type_words for t in tokens)


def _barred(v: Token) -> bool:
    """A flow named only as what a ban or its lifting is about ("lift their bans on importing meat from Brazil"),
    or only as what someone is accused of or denies ("denies providing troops to M23 rebels", "accusing Berlin of
    supplying arms to Israel"), or warned against or kept from."""
    if v.dep_ in ("pcomp", "pobj") and v.head.dep_ == "prep":
        if v.head.lower_ in UNREALISING_PREPS:
            return True  # "warned Astana against hosting Western bases", "kept Minsk from buying", "without"
        h = v.head.head  # "bans on importing"; the parser may hang "on importing" on the verb: "lift bans on ..."
        if h.lemma_.lower() in BAN_NOUNS or any(c.dep_ == "dobj" and c.lemma_.lower() in BAN_NOUNS for c in h.children):
            return True
    t = v
    for _ in range(3):  # up through "of", "that" and infinitive clauses to the verb that governs them
        if t.dep_ not in ("pcomp", "xcomp", "ccomp") or t.head.i == t.i:
            return False
        t = t.head.head if t.head.dep_ == "prep" else t.head
        if t.lemma_.lower() in modality.words().accuse_verbs:
            return True
    return False


def _verb_ties(coder: ArticleCoder, v: Token, lemma: str, lex: TieLexicon) -> list[tuple[Any, Any, str, str, Token]]:
    out: list[tuple[Any, Any, str, str, Token]] = []
    if _barred(v):
        return out
    obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is not None and (obj.lower_ in ("nothing", "none") or any(
            c.dep_ == "det" and c.lower_ in ("no", "zero") for c in obj.children)):
        return out  # "owes nothing to the West", "buys no gas from Russia": no flow, no tie
    obj_tokens = _np_tokens(obj)
    if lemma in lex.dependent:
        e = lex.dependent[lemma]
        subj = coder.subjects(v)
        if not subj:
            # (an adjective's subject is its copula's: "Tajikistan's economy is heavily dependent on ...")
            clause = v.head if v.dep_ == "acomp" else v
            subj = _subtree_actors(coder, next((c for c in clause.children if c.dep_ == "nsubj"), None))
        if not subj:
            return out
        if e.get("objects") and not any(_noun_lemma(t) in e["objects"] for t in obj_tokens):
            return out
        others: list[Actor] = []
        typ_tokens = obj_tokens
        for p in _prep_objects(v, e["preps"]):
            others = _subtree_actors(coder, p)
            typ_tokens = typ_tokens + _np_tokens(p)
            if others:
                break
        if not others and obj is not None and any(_noun_lemma(t) in lex.type_words for t in obj_tokens):
            # whose the thing is: "hosts a U.S. base", or every owner listed: "hosts bases of the United States,
            # France and China"
            owners = [a for o in (p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                                  for p in c.children if p.dep_ == "pobj")
                      for x in (o, *o.conjuncts) for a in _subtree_actors(coder, x)]
            others = coder.modifier_entity(obj) or owners or _subtree_actors(coder, obj)
        # "relies on Russia for cheap oil and gas and for state loans": the for-phrases say what for
        typ_tokens = typ_tokens + [t for p in _prep_objects(v, ["for"]) for t in _np_tokens(p)]
        if not _named_flow(e, typ_tokens, lex):
            return out
        # (a fixed type first: a debt is aid whatever its creditor is called, "owes China's Export-Import Bank")
        types = [e["type"]] if e.get("type") else _types_of(typ_tokens, lex, e["default"])
        out.extend((a, b, typ, e["id"], v) for typ in types for a in subj for b in others)
    elif lemma in lex.market:
        e = lex.market[lemma]
        subj = coder.subjects(v)
        for p in _prep_objects(v, e["preps"]):
            out.extend((a, b, e["default"], e["id"], v) for a in subj for b in _subtree_actors(coder, p))
    elif lemma in lex.provider:
        e = lex.provider[lemma]
        if e.get("objects") and not any(_noun_lemma(t) in e["objects"] for t in obj_tokens):
            return out  # "has a military base in Armenia", not "has troops in Ukraine"
        if v.tag_ == "VBN" and e.get("needs_type") and not _standing_flow(v, obj_tokens):
            return out  # "has delivered another air defence system to Poland": one delivery, an act (but "has
            # invested $25 billion in" is a stake held)
        provider = coder.subjects(v)
        if e.get("roles"):  # "Gazprom controls Armenia's gas network"; a state "controlling" a plant may occupy it
            provider = [a for a in provider if a.role in e["roles"]]
        if e.get("subject_owner"):
            subj_tok = next((c for c in v.children if c.dep_ == "nsubj"), None)
            owners = _subtree_actors(coder, subj_tok)
            typ_tokens = list(subj_tok.subtree) if subj_tok is not None else []
            for p in _prep_objects(v, e["preps"]):
                out.extend((a, b, _type_of(typ_tokens, lex, e["default"]), e["id"], v)
                           for a in owners for b in _subtree_actors(coder, p))
            return out
        receivers: list[Actor] = []
        if e.get("owner_in_object"):  # the share's phrase names whose flow it is: "(for) a third of Kazakhstan's"
            share = obj if obj is not None else next(iter(_prep_objects(v, e["preps"])), None)
            if share is None:
                return out
            obj_tokens = _np_tokens(share)
            receivers = [a for t in share.subtree if t.dep_ == "poss" for a in coder.actors_for(t)]
            if not _named_flow(e, obj_tokens, lex):
                return out
            out.extend((a, b, e.get("type") or _type_of(obj_tokens, lex, e["default"]), e["id"], v) for a in receivers
                       for b in provider if a.code != b.code)
            return out
        for p in _prep_objects(v, e["preps"], on_object=bool(e.get("objects"))):
            receivers = _subtree_actors(coder, p, exclude=frozenset(a.code for a in provider))
            if receivers:
                obj_tokens = obj_tokens + _np_tokens(p)
                break
        if not receivers and obj is not None:
            receivers = [a for t in obj.subtree if t.dep_ == "poss" for a in coder.actors_for(t)] or _users(
                coder, obj, frozenset(a.code for a in provider))
        if not _named_flow(e, obj_tokens, lex):
            return out
        typ = e.get("type") or _type_of(obj_tokens, lex, e["default"])
        out.extend((a, b, typ, e["id"], v) for a in receivers for b in provider)
    return out


# Participles saying who takes up a flow: "40 percent of the uranium used by French reactors", "the gas burned in
# Turkey's power plants"
USING_PARTICIPLES = frozenset({"use", "consume", "burn", "need", "import", "buy", "purchase"})


def _users(coder: ArticleCoder, obj: Token, exclude: frozenset[str]) -> list[Actor]:
    """Who uses the thing supplied, by a participle on it: its agent, or the place it is used in."""
    for t in obj.subtree:
        if t.dep_ == "acl" and t.tag_ == "VBN" and t.lemma_.lower() in USING_PARTICIPLES:
            for c in t.children:
                if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "in"):
                    got = [a for p in c.children if p.dep_ == "pobj"
                           for a in _subtree_actors(coder, p, exclude=exclude) if a.code not in exclude]
                    if got:
                        return got
    return []


def _noun_lemma(t: Token) -> str:
    """The lemma, mending the small model's "bases" -> "basis" (a base hosted or kept is a military one)."""
    return "base" if t.lower_ == "bases" else t.lemma_.lower()


SHARE_WORDS = frozenset({"most", "bulk", "majority", "half", "third", "quarter", "percent", "%", "all", "much",
                         "share", "lion", "fifth", "tenth"})


def _standing_flow(v: Token, obj_tokens: list[Token]) -> bool:
    """A perfect of supply that states a standing flow: a share of another's flows ("has supplied most of
    Armenia's gas") or a span ("has supplied gas since 2006", "for decades")."""
    return any(t.lower_ in SHARE_WORDS for t in obj_tokens) or any(
        c.dep_ == "prep" and c.lower_ in ("since", "for") for c in v.children)


def _holder(coder: ArticleCoder, n: Token) -> list[Actor]:
    """What a dependence noun is said of: copula subject, apposition head, as-phrase subject."""
    t = n
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "appos":
        return coder.actors_for(t.head)
    if t.dep_ in ("attr", "oprd", "acomp"):
        v = t.head
        if v.pos_ in ("VERB", "AUX") and not _stative(v):
            return []  # "will become its main supplier", "was its ally until 2014": no standing tie now
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "dobj") and c is not t), None)
        return coder.actors_for(subj) if subj is not None else coder.subjects(v)
    if t.dep_ == "nsubj":
        attr = next((c for c in t.head.children if c.dep_ in ("attr", "acomp") and c is not t), None)
        return coder.actors_for(attr) if attr is not None else []
    if t.dep_ == "pobj" and (t.head.lower_ == "under" or (t.head.dep_ == "agent" and t.head.head.lemma_.lower() in
                                                             ("protect", "shield", "cover", "guarantee"))):
        # "shelters under the U.S. nuclear umbrella", "is protected by America's umbrella"
        v = t.head.head
        return coder.subjects(v) if v.pos_ in ("VERB", "AUX") else []
    if t.dep_ == "dobj" and t.head.lemma_.lower() == "have":
        return coder.subjects(t.head)  # "Turkey and Azerbaijan have a mutual defence pact"
    if t.dep_ == "pobj" and t.head.lower_ == "as":
        v = t.head.head
        if v.lemma_.lower() in VIEW_VERBS:
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            return coder.actors_for(obj)
        # (not one offered or hoped for: "is ready to act as a guarantor of any deal")
        return coder.subjects(v) if v.pos_ in ("VERB", "AUX") and not _unrealised(v) else []
    return []


def _unrealised(v: Token) -> bool:
    """A verb of a future or an infinitive, a state offered or hoped for ("will act as", "ready to act as")."""
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & {"will", "would", "shall", "could", "might", "may", "'ll", "to"})


def _owner(coder: ArticleCoder, n: Token, orgs: list[str] | None, holder: list[Actor]) -> list[Actor]:
    """The side a dependence noun belongs to: possessor, of/in/for/to-phrase, a viewer ("Moscow counts
    Kazakhstan as an ally"), or a national modifier. "its" never means the holder itself."""
    exclude = frozenset(a.code for a in holder)
    for c in n.children:
        if c.dep_ == "poss":
            got = coder.actors_for(c, exclude)
            if got:
                return got
    if n.dep_ == "pobj" and n.head.lower_ == "as" and n.head.head.lemma_.lower() in VIEW_VERBS:
        got = [a for a in coder.subjects(n.head.head) if a.code not in exclude]
        if got:
            return got
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "for", "to"):
            for p in c.children:
                got = _subtree_actors(coder, p)
                if got:
                    return got
    mods = [a for c in n.lefts if c.dep_ in ("amod", "compound", "nmod")
            for t in c.subtree if (a := coder.actors.entity_at(t)) is not None]
    if orgs:
        mods = [a for a in mods if a.code in orgs] or mods
    return mods[:1]


def _modifier(coder: ArticleCoder, t: Token) -> Actor | None:
    a = coder.actors.entity_at(t)
    if a is None and t.text in coder.actors.lex.bloc_adjectives:
        from ..actors.matcher import Actor as _A

        return _A(coder.actors.lex.bloc_adjectives[t.text], None, t.idx, t.idx + len(t.text), t.text, "bloc")
    return a


def _noun_ties(coder: ArticleCoder, n: Token, e: dict[str, Any], lex: TieLexicon) -> list[tuple[Any, Any, str, str, Token]]:
    if e.get("needs") and not any(c.lower_ in e["needs"] for c in n.lefts):
        return []
    if e.get("on"):  # "Moldova's heavy reliance on Western financial aid": the possessor relies on the on-phrase
        owners = [a for c in n.children if c.dep_ == "poss" for a in coder.actors_for(c)]
        tops = [p for c in n.children if c.dep_ == "prep" and c.lower_ in e["on"] for p in c.children
                if p.dep_ == "pobj"]
        others = [a for p in tops for a in _subtree_actors(coder, p)]
        toks = list(n.subtree)
        return [(a, b, typ, e["id"], n) for typ in _types_of(toks, lex, e.get("default", "trade"))
                for a in owners for b in others]
    holder = _holder(coder, n)
    if not holder and e.get("possessive"):
        # "the country's Western allies": the possessor depends on the side its modifier names.
        poss = [a for c in n.children if c.dep_ == "poss" for a in coder.actors_for(c)]
        mods = [a for c in n.lefts if c.dep_ in ("amod", "compound") if (a := _modifier(coder, c)) is not None]
        typ = e.get("type") or "security"
        return [(a, b, typ, e["id"], n) for a in poss for b in mods]
    owner = _owner(coder, n, e.get("owners"), holder)
    if e.get("owners"):
        owner = [o for o in owner if o.code in e["owners"]]
    if e.get("mutual") and not owner:
        # "Turkey and Azerbaijan are close allies", "have a mutual defence pact": each protects the other (the
        # README: a mutual relation is annotated in both directions)
        if n.dep_ in ("attr", "acomp"):
            holder = coder.subjects(n.head)
        pair = list({a.code: a for a in holder}.values())
        typ = e.get("type") or "security"
        return [(a, b, typ, e["id"], n) for a in pair for b in pair if a.code != b.code] if len(pair) == 2 else []
    if not holder or not owner:
        return []
    typ = e.get("type") or _type_of(list(n.subtree), lex, e.get("default", "trade"))
    side = {"holder": holder, "owner": owner}
    out = [(a, b, typ, e["id"], n) for a in side[e["a"]] for b in side[e["b"]]]
    if e.get("possessive"):
        # "counts Kazakhstan as a close ally in the CSTO": the alliance named is a protector too.
        orgs = [a for c in n.children if c.dep_ == "prep" and c.lower_ == "in"
                for p in c.children if p.dep_ == "pobj" for a in _subtree_actors(coder, p) if a.kind == "igo"]
        out += [(a, o, typ, e["id"], n) for a in side[e["a"]] for o in orgs]
    return out
