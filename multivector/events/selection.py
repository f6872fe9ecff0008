"""Which acts found in a sentence become events: one event per act along a clause chain, a mediator's act over
the talks it mediates, a reported act over the saying of it, a joint act read once, and the tests of pairing that
decide whom joint subjects act toward (agreed together, mutual objects, reciprocal owners, one group's members).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.matcher import Actor
from . import modality, patterns
from .clauses import FORCE_ROOTS, PHYSICAL_COERCION
from .modality import Modality
from .nouns import Found
from .tree import name_head, reciprocal, shared_object, verb_like


def mediated_over_talks(found: list[Found]) -> list[Found]:
    """Gold rule 5: with a mediator named, its 045 toward each party and no 046 between the parties ("Ukraine and
    Russia hold talks brokered by Germany")."""
    mediated = {f.target.code for f in found if f.code.startswith("045")}
    if len(mediated) < 2:
        return found
    # (a meeting of the parties is those talks too: "meet in Quito to discuss ..., with mediation by Ecuador")
    return [f for f in found if not (f.code[:3] in ("046", "040", "044") and f.source.code in mediated
                                     and f.target.code in mediated)]


def reported_over_saying(found: list[Found]) -> list[Found]:
    """A plain statement gives way to a coded event it reports or belongs to: "X told Y that Z would
    visit" codes the visit, not the telling (gold rule 8); "declined to comment on" is 011 alone."""
    def covered(f: Found) -> bool:
        return any(not g.saying and g.predicate.i != f.predicate.i and (
            f.predicate.is_ancestor(g.predicate) or g.predicate.is_ancestor(f.predicate)) for g in found)

    return [f for f in found if not f.saying or not covered(f)]


# Verbs of helping another do an act: the help is coded (07x/03x), the helped act is the other's own.
HELPING_VERBS = frozenset({"help", "assist", "enable"})


# Adverbial clauses that tell an act of their own, before or after the main one ("days after officers took ...");
# an "as" or "when" clause often tells the same act again ("bombed Aleppo as Russian jets struck ...").
SEQUENCE_MARKS = frozenset({"after", "before", "since", "until", "once"})
PERSONAL_OBJECTS = frozenset({"them", "him", "her", "it"})


def act_head(t: Token) -> int | None:
    """The clause that tells the act at verb ``t``: the nearest verb on its way up that is a clause of its own, a
    conjunct with its own object or subject (not a pronoun for what the first verb took: "arrested two Canadians
    and detained them"; not a verb of saying, whose clause restates), or an adverbial clause with its own subject
    set before or after the main one ("severed ties and expelled the envoy", "detained a Canadian days after
    officers took another into custody": two acts each). Relatives, infinitives, reported clauses, participles and
    verbs sharing their arguments ("beaten and tortured") tell the same act. None for a noun: an event noun
    restates a verb's act (gold rule 2: one event per predicate)."""
    if not verb_like(t):
        return None
    while t.head.i != t.i:
        if verb_like(t) and (
                (t.dep_ == "conj" and t.lemma_.lower() not in modality.words().report_verbs and any(
                    c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in t.children) and not any(
                    c.lower_ in PERSONAL_OBJECTS for c in t.subtree if c.dep_ in ("dobj", "pobj")))
                or (t.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                    and any(c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in t.children))
                # "imposed tariffs on China, while also limiting its investment": "also" tells a further act
                or (t.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "also" for c in t.children)
                    and any(c.dep_ == "dobj" for c in t.children))):
            return t.i
        t = t.head
    return t.i


def new_act(heads: set[int | None], predicate: Token) -> bool:
    """Whether an event at ``predicate`` is an act not yet told among the events of the same source, target and
    code, whose act heads are ``heads`` (gold rule 2: one event per predicate); the head is added when it is."""
    head = act_head(predicate)
    if heads and (head is None or None in heads or head in heads):
        return False
    heads.add(head)
    return True


def xcomp_under(p: Token, g: Token) -> bool:
    """Whether ``p`` is an infinitive or gerund complement of ``g``, directly or through others."""
    while p.dep_ == "xcomp" and p.head.i != p.i:
        p = p.head
        if p.i == g.i:
            return True
    return False


def one_act_per_chain(found: list[Found]) -> list[Found]:
    """One act told twice along a clause chain is one event: "carried out airstrikes in Syria, targeting
    rebels" (the participle elaborates its head: the head stays), "pledged to deepen cooperation" (the head
    announces the act: the act stays), for the same source, target and root; and people freed are not
    arrested again by the participle that says they were held ("two Frenchmen jailed in Iran were released")."""
    def key(f: Found) -> tuple[str, str, str]:
        return f.source.code, f.target.code, f.code[:2]

    drop: set[int] = set()
    for i, f in enumerate(found):
        for j, g in enumerate(found):
            p = f.predicate
            if i != j and p.dep_ == "acl" and p.tag_ == "VBN" and p.head.head.i == g.predicate.i and \
                    g.code.startswith("08") and (f.source.code, f.target.code) == (g.source.code, g.target.code):
                drop.add(i)  # "two Frenchmen jailed in Iran were released": the jailing describes who was freed
                continue
            if i != j and p.dep_ in ("xcomp", "ccomp") and p.head.i == g.predicate.i and \
                    g.predicate.lemma_.lower() in HELPING_VERBS and f.source.code == g.target.code:
                drop.add(i)  # "promised to help Kyrgyzstan build a railway": the help is the event, not the railway
                continue
            gp = g.predicate  # (its verb chain's head: "began turning back ..., shutting")
            if i != j and p.dep_ == "advcl" and p.tag_ == "VBG" and f.code[:2] in FORCE_ROOTS and (
                    p.head.i == gp.i or (gp.dep_ == "xcomp" and p.head.i == gp.head.i)) and \
                    g.code[:2] in ("16", "17") and (f.source.code, f.target.code) == (g.source.code, g.target.code) \
                    and not (g.code[:3] in PHYSICAL_COERCION and f.code[:2] == "18"):
                # a coercive act's effect told by a participle is that act: "turned back Russian citizens, shutting
                # one of the last routes" (not a second use of force against the same state); but people hurt in a
                # seizure were assaulted too ("boarded Philippine boats, injuring several Filipino sailors")
                drop.add(i)
                continue
            if i != j and gp.dep_ == "conj" and gp.head.i == p.i and shared_object(p) is not None and \
                    key(f) == key(g):
                drop.add(i)  # "stabs and kills", "rams and sinks": one act, told by its last verb
                continue
            if i == j or key(f) != key(g) or f.predicate.i == g.predicate.i:
                continue
            if p.dep_ == "advcl" and p.tag_ == "VBG" and p.head.i == g.predicate.i and (
                    f.code[:2] in FORCE_ROOTS or f.code[:2] == "12"):
                # f elaborates g (a use of force, a refusal: "refused to release him, turning down an appeal";
                # but "sued X, accusing it of ..." are two acts)
                drop.add(i)
            elif p.dep_ == "xcomp" and xcomp_under(p, g.predicate):
                drop.add(j)  # g announces f (through "keep", "continue": "promised to keep supplying gas")
            elif p.dep_ in ("relcl", "acl") and f.code[:2] in FORCE_ROOTS and p.head.head.i == g.predicate.i:
                drop.add(i)  # "fired a missile which struck a warship": what the projectile did is the firing
    return [f for i, f in enumerate(found) if i not in drop]


def agreed_together(mod: Modality, code: str) -> bool:
    """A cooperative act its subjects agreed on (data/<lang>/modality.yaml accord_heads): "A and B agree to
    release prisoners" (not "agreed to veto the resolution", aimed at a third party)."""
    return code[:2] < "10" and mod.transform == "intent" and mod.governor is not None and \
        mod.governor.lemma_.lower() in modality.words().accord_heads


def mutual(obj_lemma: str | None, code: str) -> bool:
    """A relation its subjects change together: cut, restored or eased (roots 05, 08, 16), not asked for (02)."""
    return code[:2] in ("05", "08", "16") and obj_lemma in modality.words().mutual_objects


def reciprocal_owner(theme: Token | None) -> bool:
    """An object owned by "each other" or "the other": "Russia and the United States expel each other's
    diplomats" (each subject acts on the other)."""
    return theme is not None and any(c.dep_ == "poss" and reciprocal(c) for c in theme.children)


def aimed_elsewhere(v: Token, theme: Token | None, pat: patterns.VerbPattern) -> bool:
    """A target phrase that names someone else: "Austria and Germany opened their borders to migrants" is
    not an act of each toward the other; "Armenia and Turkey reopened their border" is."""
    for head in (v, theme):
        for c in head.children if head is not None else ():
            if c.dep_ == "prep" and c.lower_ in pat.target and c.lower_ in ("to", "for"):  # a recipient
                obj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if obj is not None and not reciprocal(obj) and not (
                        pat.only_objects and obj.lemma_.lower() in pat.objects) and not (  # "to each other" is
                        obj.like_num or obj.lower_ in ("%", "percent") or any(  # their own; "agreed to a swap"
                            x.dep_ == "nummod" for x in obj.children)):  # names the act; "to $40 billion" an amount
                    return True
    return False


def only_where(v: Token, targets: list[Actor]) -> bool:
    """Every target is only where the act happens: "the United States and Russia reach a ceasefire deal in
    Syria", "agree to create a buffer zone in Syria" (the first preposition above its name is "in")."""
    for a in targets:
        t = name_head(v.doc, a.start, a.end)
        while t is not None and t.dep_ in ("compound", "poss", "amod", "nmod", "appos", "conj") and t.head.i != t.i:
            t = t.head
        if t is None or t.dep_ != "pobj" or t.head.lower_ not in ("in", "inside", "across", "within"):
            return False
    return bool(targets)
