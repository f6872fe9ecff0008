"""Article -> CodedArticle: the one place where the stages are chained.

nlp (sentences, parse) -> actors (mentions, resolved across sentences)
-> events (CAMEO events, ties). Everything keeps article/sentence/span evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from . import nlp
from .records import Article, CodedArticle, Sentence


def sentences_of(article: Article, doc: Doc) -> tuple[Sentence, ...]:
    """Sentences with character offsets into the article text."""
    out = []
    for i, s in enumerate(doc.sents):
        text = s.text.rstrip()  # paragraph breaks stay between sentences, not inside them
        out.append(Sentence(article.id, i, s.start_char, s.start_char + len(text), text))
    return tuple(out)


def code_doc(article: Article, doc: Doc) -> CodedArticle:
    """Code one parsed article."""
    from .events.coder import code_document  # heavy lexicons load on first use

    sents = sentences_of(article, doc)
    mentions, events, ties = code_document(article, doc)
    return CodedArticle(article, sents, tuple(mentions), tuple(events), tuple(ties))


def code_articles(articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32) -> Iterator[CodedArticle]:
    """Code articles in order, parsing in batches with spaCy's nlp.pipe."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.load().pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield code_doc(article, doc)


def code_article(article: Article) -> CodedArticle:
    """Code a single article (convenience for explain and tests)."""
    return next(code_articles([article]))
