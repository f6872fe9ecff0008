"""Headline present: re-read a sentence whose verb the tagger took for a noun.

News summaries write in the present with plural or coordinated subjects ("South Korea and North
Korea exchange fire", "coalition aircraft strike Houthi positions"); the small English model then
often reads the base-form verb as a noun and the sentence has no verbal root at all. For such a
sentence only, each trigger verb form after a noun is tried in the past tense (unambiguous to the
tagger) and the sentence is parsed again; the first reading that makes that word a verbal root with
a subject is kept, with the original words and the present tense. A sentence that has a verbal root is
re-read only for a third-person trigger verb inside that root's subject right after a name ("The IMF halts
lending to ...", "The Navy fires warning shots at ...": ``hidden_verb``). Other sentences are not touched.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from . import modality, patterns

DATA = Path(__file__).with_name("data")
MAX_TRIES = 2  # candidates re-parsed per sentence: each try is one more parse of one sentence
VOWELS = frozenset("aeiou")
# Words a subject cannot end on ("the", "of", "and", "very"); a noun the tagger took for a verb still can.
NOT_SUBJECT_END = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PUNCT", "AUX", "PART", "ADV", "NUM", "PRON", "ADJ"})
# Relations of a noun's modifier: a word tagged as a verb that the parser hangs so is no verb in its reading.
NOMINAL_DEPS = frozenset({"compound", "amod", "nmod"})
# Uninflected plurals that end a subject ("coalition aircraft strike", "Pakistani police arrest").
PLURAL_HEADS = frozenset({"aircraft", "police", "personnel", "people", "military", "army", "navy", "government",
                          "coalition", "militia", "media"})
# Heads of a body that a third-person verb follows ("India's health ministry orders", "Myanmar's junta rejects").
BODY_HEADS = PLURAL_HEADS | frozenset({"ministry", "junta", "court", "parliament", "council", "cabinet", "regime",
                                       "administration", "presidency", "legislature", "senate", "assembly"})


@functools.cache
def irregular(lang: str = "en") -> dict[str, str]:
    """Irregular past tenses (data/<lang>/past.tsv)."""
    out: dict[str, str] = {}
    for line in (DATA / lang / "past.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, past = line.split("\t")
            out[lemma.strip()] = past.strip()
    return out


def past(lemma: str, lang: str = "en") -> str:
    """The past tense of an English verb lemma: the table, else the regular rules."""
    table = irregular(lang)
    if lemma in table:
        return table[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS:
        return lemma[:-1] + "ied"
    groups = sum(1 for i, ch in enumerate(lemma) if ch in VOWELS and (i == 0 or lemma[i - 1] not in VOWELS))
    if (groups == 1 and len(lemma) >= 3 and lemma[-1] not in VOWELS | set("wxy") and lemma[-2] in VOWELS
            and lemma[-3] not in VOWELS):
        return lemma + lemma[-1] + "ed"  # one syllable, consonant-vowel-consonant: "ban" -> "banned"
    return lemma + "ed"


@functools.cache
def verb_forms(lang: str = "en") -> dict[str, str]:
    """Present forms of every trigger verb (base and third person) -> lemma."""
    out: dict[str, str] = {}
    w = modality.words(lang)
    # and the verbs that govern an act ("The U.S. Senate votes to impose sanctions", "Turkey vows to ..."): a
    # headline verb the tagger took for a noun hides the act under it as well
    governing = (w.intent_heads | w.consider_heads | w.threat_heads | w.refuse_heads | w.request_heads | w.aspect_heads
                 | w.governing_verbs)
    for lemma in [*patterns.load(lang).verbs, *sorted(governing)]:
        if " " in lemma or not lemma.isalpha():
            continue
        out.setdefault(lemma, lemma)
        if lemma.endswith(("s", "sh", "ch", "x", "z")) or (lemma.endswith("o") and lemma[-2:-1] not in VOWELS):
            out.setdefault(lemma + "es", lemma)  # "vetoes", "echoes"
        elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
            out.setdefault(lemma[:-1] + "ies", lemma)
        else:
            out.setdefault(lemma + "s", lemma)
    return out


@functools.cache
def known_words(lang: str = "en") -> frozenset[str]:
    """Every one-word lemma the trigger lexicon and the clause reading look for."""
    w = modality.words(lang)
    listed = {x for f in w.__dataclass_fields__ for x in getattr(w, f)}
    return frozenset(x for x in (*patterns.load(lang).verbs, *listed) if x.isalpha())


def fix_lemmas(doc: Doc, lang: str = "en") -> Doc:
    """Undo the small model's lemmatizer cutting a verb's final e ("hopes", "hoped" -> "hop"; "fined" -> "fin";
    "waged" -> "wag"): a verb lemma the lexicons do not know whose e-form they do know is that e-form; and a high
    commissioner is read as the ambassador he is."""
    known = known_words(lang)
    for t in doc:
        if t.tag_.startswith("VB") and (low := t.lemma_.lower()) not in known and low + "e" in known:
            t.lemma_ = low + "e"
        elif t.lemma_.lower() == "commissioner" and t.i > 0 and doc[t.i - 1].lower_ == "high" and not (
                t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "for"):
            # a Commonwealth state's envoy to another ("recalled its high commissioner from New Delhi") is its
            # ambassador to every lexicon that names one (not the UN's "High Commissioner for Refugees")
            t.lemma_ = "ambassador"
    return doc


def _verbless(sent: Span) -> bool:
    """No finite verb heads the sentence: a noun, or a bare gerund ("Greek vessels fire[NN] warning[VBG] shots")."""
    root = sent.root
    return root.pos_ not in ("VERB", "AUX") or (root.tag_ == "VBG" and not any(
        c.dep_ in ("aux", "auxpass") for c in root.children))


def object_of(lemma: str, t: Token, lang: str = "en") -> bool:
    """Whether ``t`` (a present-tense root) is a noun the trigger verb ``lemma`` refines on as its object."""
    return any(t.lower_ in p.objects or t.lemma_.lower() in p.objects for p in patterns.load(lang).verbs.get(lemma, ()))


def hidden_verb(sent: Span, lang: str = "en") -> Token | None:
    """A third-person trigger verb the tagger took for a noun in a sentence that has another verbal root: right
    after a proper noun or a body's head ("Latvia scrambles interceptor jets after bombers approached ...", "The
    Polish Government rejects calls for ...") and inside the root's subject, so the root is a word the subject's noun
    phrase swallowed. Only such a word is re-read: a plural after a common noun ("air strikes kill") stays."""
    forms = verb_forms(lang)
    root = sent.root
    subj: set[int] | None = None  # the root's subject words, read only for a candidate (a hot path)
    for t in sent[1:6]:
        prev = t.doc[t.i - 1]
        lemma = forms.get(t.lower_)
        # a base form only after two names joined ("Turkey and Syria exchange artillery fire after ..."): after one
        # name it is a noun too often
        paired = t.i >= 3 and prev.pos_ == "PROPN" and t.doc[t.i - 2].lower_ == "and" and \
            t.doc[t.i - 3].pos_ == "PROPN"
        if lemma is None or (t.lower_ == lemma and not paired) or t.i == root.i or (
                t.tag_.startswith("VB") and t.dep_ not in NOMINAL_DEPS):
            continue  # the third person only ("scrambles"); a verb tag the parser overrode ("Taiwan scrambles
            # jets to ...": VBZ, yet a compound) is re-read
        if not (prev.pos_ == "PROPN" or prev.lower_ in BODY_HEADS):
            continue
        if subj is None:
            subj = {x.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for x in c.subtree}
        if t.i not in subj:
            continue
        if t.dep_ in ("nsubj", "nsubjpass") and root.tag_ in ("VBP", "VBD") and not object_of(lemma, root, lang):
            continue  # "Houthi forces fire a missile": a plural subject its verb agrees with is read right
            # (but "Kazakhstan voices regret over ...": the "verb" is a noun the word's own patterns take)
        if t.dep_ == "conj" and root.tag_ in ("VBP", "VBD") and root.i == t.i + 1:
            continue  # "Kyrgyz and Tajik forces exchanged fire": the subject's last conjunct, its verb right after
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if nxt is not None and (nxt.lower_ == "of" or nxt.is_punct):
            continue
        return t
    return None


def _ends_subject(t: Token) -> bool:
    """A word a subject can end on: a proper noun, a plural or an uninflected plural."""
    return t.pos_ == "PROPN" or t.tag_ in ("NNS", "NNPS") or t.lower_ in PLURAL_HEADS or (
        t.pos_ == "NOUN" and t.lower_.endswith("s"))


def candidates(sent: Span, lang: str = "en") -> list[Token]:
    """Words of a verbless sentence that may be its verb: a trigger verb form right after a noun,
    those after a proper noun or plural first, a base form after a singular noun last."""
    forms = verb_forms(lang)
    out: list[tuple[int, int, Token]] = []
    for t in sent[1:]:
        prev = t.doc[t.i - 1]
        if t.lower_ not in forms or t.tag_.startswith("VB") and t.dep_ == "ROOT":
            continue
        hyphen_name = prev.is_title and prev.i > 0 and t.doc[prev.i - 1].tag_ == "HYPH"  # "Amir-Abdollahian"
        if _closes_aside(prev):
            # "More than 20 countries, including the United States and Canada, expel Russian diplomats": the
            # verb comes after the comma that closes an aside on the subject, and is tried first
            out.append((-1, t.i, t))
            continue
        if not prev.is_alpha or (prev.pos_ in NOT_SUBJECT_END and not hyphen_name):
            continue
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if nxt is not None and nxt.lower_ == "of":  # "a strike of", "the exchange of": a noun
            continue
        # a base form after a singular common noun disagrees with it ("the air force bombs ...": "bombs", not
        # "force"), so it is tried last
        # (not after a phrase that may end a plural subject: "Supporters of Niger's junta attack ...")
        base_after_singular = forms[t.lower_] == t.lower_ and prev.tag_ == "NN" and prev.lower_ not in PLURAL_HEADS \
            and not any(x.pos_ == "ADP" for x in t.doc[sent.start:t.i])
        out.append((0 if _ends_subject(prev) else 2 if base_after_singular else 1, t.i, t))
    return [t for _p, _i, t in sorted(out, key=lambda x: (x[0], x[1]))]


def _closes_aside(comma: Token) -> bool:
    """A comma after a word that closes a phrase opened by an earlier comma after a noun: "countries, including
    Canada," (the subject's aside, with no verb before it)."""
    doc = comma.doc
    if comma.text != "," or comma.i < 2 or not doc[comma.i - 1].is_alpha:
        return False
    opened = [x for x in doc[comma.sent.start:comma.i - 1] if x.text == ","]
    return len(opened) == 1 and opened[0].i > 0 and doc[opened[0].i - 1].pos_ in ("NOUN", "PROPN") and not any(
        x.pos_ in ("VERB", "AUX") and x.tag_ not in ("VBG", "VBN") for x in doc[comma.sent.start:comma.i])


def _rebuilt(doc: Doc, fixed: Doc, i: int, lemma: str) -> Doc:
    """The original words with the parse of ``fixed``; word ``i`` a present-tense verb."""
    third = doc[i].lower_ != lemma
    tags = [t.tag_ for t in fixed]
    morphs = [str(t.morph) for t in fixed]
    tags[i] = "VBZ" if third else "VBP"
    morphs[i] = "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin" if third else "Tense=Pres|VerbForm=Fin"
    lemmas = [t.lemma_ for t in fixed]
    lemmas[i] = lemma
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=tags,
              pos=[t.pos_ for t in fixed], morphs=morphs, lemmas=lemmas, heads=[t.head.i for t in fixed],
              deps=[t.dep_ for t in fixed])
    out.tensor = fixed.tensor  # Doc.from_docs joins the sentences' tensors: they must all have one
    return out


def repair(doc: Doc, parse: Callable[[str], Doc], lang: str = "en") -> Doc:
    """``doc`` itself, or, when a sentence of it has no verbal root, the first re-reading of a candidate
    verb that gives it one with a subject (see the module docstring)."""
    sents = list(doc.sents)
    if len(sents) != 1:
        return doc
    if _verbless(sents[0]):
        tries = candidates(sents[0], lang)[:MAX_TRIES]
    else:
        tries = [t] if (t := hidden_verb(sents[0], lang)) is not None else []
    forms = verb_forms(lang)
    for t in tries:
        lemma = forms[t.lower_]
        words = [x.text for x in doc]
        word = past(lemma, lang)
        words[t.i] = word[:1].upper() + word[1:] if t.text[:1].isupper() else word
        text = "".join(w + x.whitespace_ for w, x in zip(words, doc, strict=True))
        fixed = parse(text)
        if len(fixed) != len(doc):
            continue
        v = fixed[t.i]
        if v.dep_ == "ROOT" and v.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in v.children):
            return _rebuilt(doc, fixed, t.i, lemma)
    return doc
