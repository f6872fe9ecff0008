"""Cheap language check: script of the letters, then stopword ratios (no model, no dependency).

English news runs 35-50 % function words (measured on ../shared/gold/articles-dev.jsonl and the
Wikipedia current-events corpus); French, German, Spanish... text shares almost none of the English
list below. Texts under ``MIN_WORDS`` lowercase words (headlines, one-liners) are accepted as English: too
little evidence to reject them. Only lowercase words count: names ("El Salvador", "La Paz") are
not evidence of a language.
"""

from __future__ import annotations

import re
from collections import Counter

MIN_WORDS = 12
# A text is foreign when another list covers at least this share of its words and beats English.
MIN_FOREIGN_RATIO = 0.08
SAMPLE_CHARS = 5000  # the first 5,000 characters decide; enough for ~800 words

_EN = frozenset(
    """the of and to a in is that for on with as was by at from it be this are an or has have had
    were which but not their its they he she his her will would been also more said after who
    than into over about there when can all one two new other could up out them these we our
    if should may did does so what while under between because during against those such""".split()
)
_OTHER: dict[str, frozenset[str]] = {
    "fr": frozenset("le la les des du est et une dans pour pas qui que sur au aux avec par sont ce cette il elle "
                    "ils nous vous leur mais ou été être ont plus".split()),
    "de": frozenset("der die das und ist nicht ein eine einen dem den des mit sich auf für von zu im auch "
                    "werden wird sind hat nach wie bei aus oder über dass".split()),
    "es": frozenset("el la los las de del y que en un una es por con para se su sus al lo como más pero "
                    "fue ha sido este esta entre sobre también".split()),
    "it": frozenset("il lo la gli le di del della che è un una per non con sono da nel nella alla ha dei "
                    "delle anche come più questo stato".split()),
    "pt": frozenset("o os as de do da dos das que em um uma é para com não por mais se foi ao seu sua "
                    "como mas também pelo pela".split()),
    "nl": frozenset("de het een en van is dat op te zijn met voor niet aan er ook als bij door maar om "
                    "heeft wordt naar worden deze".split()),
}
# Words shared with English ("a", "in", "an", "die"...) say nothing about the language.
_OTHER = {k: v - _EN for k, v in _OTHER.items()}

# Letter ranges of scripts that are never English text (first matching range wins).
_SCRIPTS = (
    ("ru", 0x0400, 0x04FF), ("el", 0x0370, 0x03FF), ("he", 0x0590, 0x05FF), ("ar", 0x0600, 0x06FF),
    ("hi", 0x0900, 0x097F), ("ja", 0x3040, 0x30FF), ("zh", 0x4E00, 0x9FFF), ("ko", 0xAC00, 0xD7AF),
)
_WORD = re.compile(r"[^\W\d_]+")


def _script(text: str) -> str | None:
    """The non-Latin script most letters belong to, if most letters are non-Latin."""
    counts: Counter[str] = Counter()
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        o = ord(ch)
        if o < 0x0250:  # Basic Latin through Latin Extended-B
            continue
        for name, lo, hi in _SCRIPTS:
            if lo <= o <= hi:
                counts[name] += 1
                break
    if not counts or not letters:
        return None
    name, n = counts.most_common(1)[0]
    return name if n * 2 > letters else None


def detect(text: str) -> str:
    """'en', or the code of the language the text looks like ('fr', 'ru', ...)."""
    sample = text[:SAMPLE_CHARS]
    script = _script(sample)
    if script:
        return script
    # Capitalised words are names or sentence starts: "El Salvador", "La Paz", "Le Monde" in English
    # copy are not Spanish or French, and running text of any language is mostly lowercase.
    words = [w for w in _WORD.findall(sample) if w.islower()]
    if len(words) < MIN_WORDS:
        return "en"
    en = sum(w in _EN for w in words) / len(words)
    best, ratio = max(((k, sum(w in v for w in words) / len(words)) for k, v in _OTHER.items()), key=lambda kv: kv[1])
    return best if ratio >= MIN_FOREIGN_RATIO and ratio > en else "en"


NOT_ENGLISH = "not English"


def not_english_reason(lang: str) -> str:
    """The quarantine reason of a skipped non-English article (starts with NOT_ENGLISH)."""
    return f"{NOT_ENGLISH} (detected {lang}); multivector codes English news only, translate it first"
