"""What the clause around a predicate does to its event: intent, refusal, threat, negation, hedges.

Mechanisms over dependency structure, not lexicon entries: "plans to visit" ->
036, "refused to support" -> 12x, "threatened to impose sanctions" -> 13x,
"did not meet" -> nothing, "reportedly", "may" -> lower confidence,
"X said Y did Z" -> Y's event with X as speaker, "accused Y of Z" -> Z not coded.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

# Governing words that turn a complement into an intention (03x).
INTENT_HEADS = frozenset({
    "plan", "intend", "expect", "want", "hope", "aim", "seek", "promise", "pledge", "vow", "agree", "offer",
    "prepare", "propose", "decide", "ready", "prepared", "willing", "keen", "eager", "set", "commit", "undertake",
    "interest", "intention", "readiness", "willingness", "desire", "commitment", "wish", "determination", "resolve",
})
REFUSE_HEADS = frozenset({"refuse", "decline", "reject", "rule", "fail"})
THREAT_HEADS = frozenset({"threaten", "warn", "vow"})
REPORT_VERBS = frozenset({"say", "tell", "announce", "report", "state", "claim", "add", "note", "confirm", "write",
                          "insist", "declare", "explain", "show", "indicate", "suggest"})
ACCUSE_VERBS = frozenset({"accuse", "allege", "blame", "suspect", "charge", "deny", "claim"})
HEDGE_WORDS = frozenset({"reportedly", "allegedly", "possibly", "perhaps", "apparently", "likely", "probably"})
HEDGE_AUX = frozenset({"may", "might", "could"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
COND_MARKS = frozenset({"if", "unless", "whether"})
# An action someone asks for has not happened: "urged Iran to return", "demanded that Russia withdraw".
REQUEST_HEADS = frozenset({"urge", "ask", "call", "appeal", "press", "demand", "request", "invite", "lobby", "tell",
                           "order", "encourage", "push", "implore", "plead", "exhort", "want", "wish", "advise",
                           "instruct", "persuade", "convince", "allow", "let", "permit", "help"})
# Complements of these did not happen: "avoid travelling", "refrain from attacking".
AVOID_HEADS = frozenset({"avoid", "refrain", "cease", "stop", "halt", "prevent", "deter", "forbid", "ban"})
REQUEST_CCOMP = frozenset({"demand", "insist", "urge", "ask", "request", "propose", "recommend"})
# Proposals and offers that appear only as what someone answers are not events (gold rule 9).
PROPOSAL_NOUNS = frozenset({"offer", "proposal", "request", "plan", "call", "demand", "bid", "appeal", "invitation",
                            "idea", "suggestion", "initiative", "attempt", "effort", "push"})

INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": "030", "02": "030",
                "01": "030", "09": "030", "10": "030"}
INTENT_SPECIAL = {"045": "039", "057": "031", "046": "036", "087": "037"}
REFUSE_CODES = {"04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "03": "120", "01": "120",
                "02": "120", "09": "120", "10": "120"}
REFUSE_SPECIAL = {"057": "127", "045": "126"}


@dataclass(frozen=True, slots=True)
class Modality:
    """How the clause context changes an event: transform, drop, confidence, speaker token."""

    drop: str | None = None  # reason not to code ("negated", "conditional", "question", "alleged")
    transform: str | None = None  # "intent" | "refuse" | "threat"
    confidence: float = 1.0
    speaker: Token | None = None
    governor: Token | None = None  # the word that caused the transform


def intent_code(code: str) -> str:
    """The 03x code for an intention to do ``code`` (conflict intentions are threats)."""
    if code in INTENT_SPECIAL:
        return INTENT_SPECIAL[code]
    root = code[:2]
    if root in INTENT_CODES:
        return INTENT_CODES[root]
    return threat_code(code)


def refuse_code(code: str) -> str:
    """The 12x code for refusing to do ``code``."""
    if code in REFUSE_SPECIAL:
        return REFUSE_SPECIAL[code]
    root = code[:2]
    if root == "12":
        return code
    return REFUSE_CODES.get(root, "120")


def threat_code(code: str) -> str:
    """The 13x code for threatening to do ``code``."""
    root = code[:2]
    if root == "13":
        return code
    if root == "16":
        return "134" if code == "164" else "131"
    if root == "17":
        return "137"
    if root in ("15", "18", "19", "20"):
        return "138"
    return "130"


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children)


def _aux(t: Token) -> set[str]:
    return {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}


def analyse(verb: Token, *, negation_refuses: bool = False, question: bool | None = None) -> Modality:
    """Walk from a predicate up its clause chain and say what the context does to its event.

    ``question``: whether the sentence is a question, when the caller knows (saves rebuilding it)."""
    if question is None:
        question = verb.sent.text.rstrip().endswith("?")
    if question:
        return Modality(drop="question")
    transform: str | None = None
    governor: Token | None = None
    confidence = 1.0
    speaker: Token | None = None
    t = verb
    first = True
    depth = 0
    while depth < 8:
        depth += 1
        aux = _aux(t)
        if any(c.lower_ in HEDGE_WORDS for c in t.children) or aux & HEDGE_AUX:
            confidence = min(confidence, 0.6)
        if any(c.dep_ == "mark" and c.lower_ in COND_MARKS for c in t.children):
            return Modality(drop="conditional")
        if first and "had" in aux and any(c.lower_ in ("long", "previously", "once", "formerly") for c in t.children):
            return Modality(drop="background")  # "Russia, which had long mediated between ..."
        if _negated(t):
            # "would never recognise", "would not negotiate": a refusal, not a plain negation (gold rule 7).
            never_future = bool(aux & FUTURE_AUX)
            if transform is None and (never_future or (first and negation_refuses)
                                      or (not first and t.lemma_ in REFUSE_HEADS)):
                transform, governor = "refuse", t
            elif transform != "refuse":
                return Modality(drop="negated")
        if first and aux & FUTURE_AUX and transform is None:
            transform, governor = "intent", t
        dep = t.dep_
        head = t.head
        if head is t:
            break
        lemma = head.lemma_.lower()
        infinitive = dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        if infinitive:
            dep = "xcomp"  # "offered on Thursday to mediate": an infinitive complement parsed as advcl
        if head.pos_ == "VERB" and (
            (dep == "xcomp" and lemma in REQUEST_HEADS
             and (lemma not in ("want", "wish") or any(c.dep_ == "dobj" for c in head.children)))
            or (dep == "ccomp" and lemma in REQUEST_CCOMP)
        ):
            return Modality(drop="requested")
        if dep in ("xcomp", "pcomp") and lemma in AVOID_HEADS:
            return Modality(drop="avoided")
        if dep == "acl" and head.pos_ == "NOUN" and lemma in PROPOSAL_NOUNS:
            return Modality(drop="proposed")
        if head.pos_ == "NOUN" and lemma in INTENT_HEADS and any(
                c.lower_ in ("little", "no", "without") for c in head.lefts):
            return Modality(drop="negated")  # "saw little hope of concluding a treaty"
        if dep in ("xcomp", "ccomp", "pcomp", "acl", "advcl", "prep", "pobj", "dobj", "conj", "relcl", "acomp",
                   "oprd", "attr"):
            if (dep in ("xcomp", "pcomp", "acl") or (dep == "ccomp" and lemma in INTENT_HEADS | THREAT_HEADS)
                    or (dep == "prep" and head.pos_ in ("NOUN", "ADJ") and lemma in INTENT_HEADS)):
                if lemma in THREAT_HEADS and transform is None:
                    transform, governor = "threat", head
                elif lemma in REFUSE_HEADS and transform is None and lemma != "fail":
                    transform, governor = "refuse", head
                elif lemma == "fail" and dep == "xcomp":
                    return Modality(drop="negated")
                elif lemma in INTENT_HEADS and transform is None:
                    if not (lemma == "expect" and "auxpass" not in {c.dep_ for c in head.children}
                            and head.pos_ == "VERB" and dep == "ccomp"):
                        transform, governor = "intent", head
            if lemma in ACCUSE_VERBS and dep in ("pcomp", "ccomp", "xcomp", "pobj", "prep"):
                return Modality(drop="alleged")
            if lemma in REPORT_VERBS and dep in ("ccomp", "parataxis") and speaker is None:
                speaker = head
            if dep == "conj":
                # A coordinated predicate shares its first conjunct's clause, not its complement-hood.
                t = head
                while t.dep_ == "conj" and t.head is not t:
                    t = t.head
                first = False
                continue
            if dep in ("relcl", "advcl") and t.pos_ in ("VERB", "AUX"):
                break
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and transform is not None:
                break  # "Armenia's decision to freeze ...": the noun's clause is its own predication
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and lemma not in INTENT_HEADS:
                break
        elif dep == "parataxis" and lemma in REPORT_VERBS:
            speaker = head
            break
        else:
            break
        t = head
        first = False
    return Modality(None, transform, confidence, speaker, governor)
