"""Article -> CodedArticle: the one place where the stages are chained.

1. A fast pass (tokenizer, rule-based sentence splitter, lexicon PhraseMatcher) splits each article
   into sentences and counts actor references in each: lexicon mentions plus words that may refer
   to an actor (pronouns, role and description nouns).
2. Only sentences with at least two references can hold an event or a tie; only those are parsed
   (spaCy tagger + parser, in batches). Mentions in the others are kept, as mentions and as
   antecedents for pronouns later in the article.
3. The coder (actors in context, events, ties) runs on the parsed sentences; its offsets are mapped
   back to the article text, its sentence numbers to the article's sentences.

Bounds, so one hostile text costs bounded time: spaCy sees the text through ``nlp.bound_tokens``
(punctuation runs and 100-character words broken, same length, so offsets hold), and a "sentence"
longer than ``MAX_SENTENCE_TOKENS`` (a list or table with no full stop) is cut into pieces of that
size. Ordinary news meets neither bound (the longest gold sentence has 38 tokens), so its coding is
unchanged. ``code_articles(on_error=...)`` isolates articles: one that fails is reported, not raised.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from . import nlp
from .actors.context import GROUP_SIZES, Extra
from .actors.lexicon import load as load_lexicon
from .actors.matcher import Actor, phrase_matcher
from .events import headline
from .events.repair import repair_parse
from .records import Article, CodedArticle, Mention, Sentence

# Words that may stand for an actor without naming it; a sentence needs two references to hold an event.
REFERRING_WORDS = frozenset({
    "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "itself", "themselves", "who",
    "country", "nation", "state", "republic", "government", "neighbour", "neighbor", "leader", "leaders",
    "side", "sides", "bloc", "alliance", "kingdom", "emirate", "sultanate", "principality", "capital", "junta",
    "other", "both", "latter", "former",
    "we", "us", "our",  # the speaker's side in a quotation (actors/speakers.py)
})
# Words before a plural that make it refer back to states named before ("the two countries", "both parties"),
# with the group sizes the context resolver reads ("the three countries")
POINTING_BACK = frozenset({"the", "both", "two", "these", "those"}) | frozenset(GROUP_SIZES)
# Tokens per sentence at most: news sentences run 20-60 tokens; longer runs are lists and dumps
# whose parse and coding grow faster than linearly (a 0.9 MB "sentence" took 105 s and 2.8 GB).
MAX_SENTENCE_TOKENS = 250
# Sentences parsed per chunk at most: the parsed docs of a chunk live until it is coded. News batches
# parse ~4 sentences an article (256 for 64 articles); 64 parts of a 20 MB text would parse 32,000
# at once (~400 MB of docs). Chunk size changes no result: each article is coded from its own docs.
MAX_CHUNK_SENTENCES = 2048


# Predicates whose target is found in memory, not in the sentence ("Moscow denied the charges": the accuser;
# "Iran vowed to retaliate": the attacker): they make a one-actor sentence worth parsing.
MEMORY_TARGET_WORDS = frozenset({"deny", "denied", "denies", "denying", "refuted", "rebuffed", "dismissed",
                                 "retaliate", "retaliated", "retaliates", "retaliation"})
PLURAL_REFS = frozenset({"they", "them", "their", "themselves", "both", "sides", "leaders"})


@dataclass(frozen=True, slots=True)
class Plan:
    """An article split into sentences, with the sentences to parse and the antecedents of the rest."""

    article: Article
    sentences: tuple[Sentence, ...]
    parse: tuple[int, ...]  # indices of sentences to parse
    mentions: tuple[Mention, ...]  # lexicon mentions in sentences not parsed
    antecedents: tuple[tuple[int, Actor], ...]  # (sentence index, actor) from sentences not parsed
    matches: tuple[tuple[int, int, int], ...] = ()  # (sentence, start, end): lexicon matches in parsed sentences
    safe: str = ""  # the text spaCy sees (nlp.bound_tokens) when it differs from article.text

    def parse_text(self, i: int) -> str:
        """The text of sentence ``i`` as spaCy parses it."""
        s = self.sentences[i]
        return self.safe[s.start : s.end] if self.safe else s.text


@functools.cache
def _sentencizer() -> Sentencizer:
    return Sentencizer()


@functools.cache
def _back_references() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns (and their plurals) that refer back to an act of an earlier sentence, and the determiners that make
    them do so (events.clauses.prior_act); imported on first use, not with the module."""
    from .events import modality
    from .events.clauses import DEFINITE

    w = modality.words()
    base = w.act_nouns | w.summary_nouns
    return frozenset(base | {x + "s" for x in base} | {x[:-1] + "ies" for x in base if x.endswith("y")}), DEFINITE


@functools.cache
def _referring_words() -> frozenset[str]:
    roles = load_lexicon().roles
    return REFERRING_WORDS | {w for w in roles if " " not in w}


def split_sentences(article: Article, nlp_: Language, safe: str = "") -> tuple[Doc, tuple[Sentence, ...]]:
    """Tokenize and split into sentences by punctuation and paragraph breaks (no statistical model).

    ``safe`` is the same-length text spaCy sees instead of ``article.text`` (see nlp.bound_tokens);
    sentence texts are always the article's own.
    """
    doc = _sentencizer()(nlp_.make_doc(safe or article.text))
    since = 0
    for tok in doc[:-1]:
        since = 0 if tok.is_sent_start else since + 1
        if (tok.is_space and "\n" in tok.text) or since >= MAX_SENTENCE_TOKENS - 1:
            doc[tok.i + 1].is_sent_start = True
    out: list[Sentence] = []
    for s in doc.sents:
        text = s.text.strip()
        if not text:
            continue
        start = s.start_char + (len(s.text) - len(s.text.lstrip()))
        out.append(Sentence(article.id, len(out), start, start + len(text), article.text[start : start + len(text)]))
    return doc, tuple(out)


def plan(article: Article, *, min_refs: int = 2) -> Plan:
    """Decide which sentences to parse: those with ``min_refs`` or more actor references."""
    nlp_ = nlp.load()
    safe = nlp.bound_tokens(article.text)
    safe = "" if safe is article.text else safe
    doc, sents = split_sentences(article, nlp_, safe)
    starts = [s.start for s in sents]
    lex = load_lexicon()
    refs = [0] * len(sents)
    spans: list[tuple[int, int, int, str]] = []  # (sentence, start, end, surface)
    found = [(b, e) for _match_id, b, e in phrase_matcher(nlp_)(doc)]
    # Names inside a feature's name ("China" in "the South China Sea") are not references; nor is the feature.
    features = [(b, e) for b, e in found if e - b > 1 and (en := lex.lookup(doc[b:e].text)) and en[0].kind == "feature"]
    for b, e in found:
        if features and any(fb <= b and e <= fe for fb, fe in features):
            continue
        span = doc[b:e]
        si = max(bisect.bisect_right(starts, span.start_char) - 1, 0)
        spans.append((si, span.start_char, span.end_char, span.text))
        refs[si] += 1
    words = _referring_words()
    acts, definite = _back_references()
    for tok in doc:  # tokens only (no tagger yet): a plural is a word ending in -s whose stem refers
        low = tok.lower_
        # ("the two countries", "both parties": a -ies plural of a -y word, when it points back; "many
        # countries" in filler does not, and parsing it cost 4% of throughput)
        plural = low.endswith("s") and (low[:-1] in words or low[:-2] in words or (
            low.endswith("ies") and low[:-3] + "y" in words and tok.i > 0
            and doc[tok.i - 1].lower_ in POINTING_BACK))
        si = max(bisect.bisect_right(starts, tok.idx) - 1, 0)
        if low in MEMORY_TARGET_WORDS or (si > 0 and low in acts and doc[tok.i - 1].lower_ in definite):
            # and "Japan condemns the launch": an act of an earlier sentence referred back to
            refs[si] += 1
        if tok.text in ("North", "South") and tok.i > 0 and doc[tok.i - 1].lower_ == "the" and not (
                tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper()):
            refs[si] += 1  # "contact with the South": half of a state named before (not "the South China Sea")
        if tok.text in lex.bloc_adjectives or tok.text in lex.act_adjectives:
            refs[si] += 1  # "Western sanctions on Russia", "Western governments", "European sanctions": the bloc
        if low in words or plural:
            # A plural reference ("the two presidents", "they", "the delegations") may stand for a pair.
            refs[si] += 2 if (plural or low in PLURAL_REFS) else 1
    chosen = tuple(i for i, n in enumerate(refs) if n >= min_refs)
    keep = set(chosen)
    matches = tuple((si, b, e) for si, b, e, _s in spans if si in keep)
    mentions, antecedents = [], []
    for si, b, e, surface in _longest(spans):
        if si in keep:
            continue
        entries = lex.lookup(surface)
        if not entries:
            continue
        code, role = entries[0].at(article.date, lex.titles)
        mentions.append(Mention(si, b, e, surface, code, role, entries[0].kind, f"lexicon:{entries[0].kind}"))
        antecedents.append((si, Actor(code, role, b, e, surface, entries[0].kind, entries[0].codable,
                                      entries[0].kind == "leader")))
    return Plan(article, sents, chosen, tuple(mentions), tuple(antecedents), matches, safe)


def _longest(spans: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    out: list[tuple[int, int, int, str]] = []
    for sp in sorted(spans, key=lambda x: (x[1], -(x[2] - x[1]))):
        if out and sp[1] < out[-1][2]:
            continue
        out.append(sp)
    return out


def code_planned(p: Plan, docs: Sequence[Doc]) -> CodedArticle:
    """Code the parsed sentences of a plan and map everything back to the article."""
    from .events.document import code_document

    article = p.article
    if not docs:
        return CodedArticle(article, p.sentences, p.mentions)
    doc = Doc.from_docs(list(docs), ensure_whitespace=True)
    # piece j of the doc starts at doc char cstart[j]; it is article sentence p.parse[j]
    cstart: list[int] = []
    tok_start: list[int] = []
    pos = 0
    for d in docs:
        tok_start.append(pos)
        cstart.append(doc[pos].idx if len(d) else (cstart[-1] if cstart else 0))
        pos += len(d)
    art_starts = [s.start for s in p.sentences]

    def piece(c: int) -> int:
        return max(bisect.bisect_right(cstart, c) - 1, 0)

    def to_article(c: int) -> int:
        j = piece(c)
        return c - cstart[j] + p.sentences[p.parse[j]].start

    def sentence_of(c: int) -> int:
        return max(bisect.bisect_right(art_starts, c) - 1, 0)

    def label_of(i: int) -> int:
        return p.parse[max(bisect.bisect_right(tok_start, i) - 1, 0)]

    # Antecedents from unparsed sentences sit between the parsed pieces, in article order.
    extra: list[Extra] = []
    for si, actor in p.antecedents:
        j = bisect.bisect_left(p.parse, si)  # parsed pieces before this sentence
        order = j - 0.5
        tpos = (tok_start[j] - 0.5) if j < len(tok_start) else len(doc) + 0.5
        extra.append((order, tpos, si, actor))
    # The fast pass's matches, moved from article to doc characters: no second matcher run.
    piece_of = {si: j for j, si in enumerate(p.parse)}
    matches = [(b - p.sentences[si].start + cstart[piece_of[si]], e - p.sentences[si].start + cstart[piece_of[si]])
               for si, b, e in p.matches]
    mentions, events, ties = code_document(article, doc, label_of=label_of, extra=extra, matches=matches)

    def move(r, start: int, end: int):  # type: ignore[no-untyped-def]
        a, b = to_article(start), to_article(max(end - 1, start)) + (1 if end > start else 0)
        return dataclasses.replace(r, start=a, end=b, sentence_index=sentence_of(a))

    out_m = sorted([move(m, m.start, m.end) for m in mentions] + list(p.mentions), key=lambda m: (m.start, m.end))
    return CodedArticle(
        article, p.sentences, tuple(out_m), tuple(move(e, e.start, e.end) for e in events),
        tuple(move(t, t.start, t.end) for t in ties),
    )


def code_articles(
    articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32, prefilter: bool = True,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Iterator[CodedArticle]:
    """Code articles in order; parse (in batches of sentences) only what can hold an event.

    With ``on_error``, an article whose planning, parse or coding fails is passed to it and left out
    (its batch is retried article by article); without, the exception propagates.
    """
    nlp_ = nlp.load()
    min_refs = 2 if prefilter else 0
    chunk: list[Plan] = []

    def parse(plans: list[Plan], procs: int) -> list[list[Doc]]:
        texts = [(p.parse_text(i), k) for k, p in enumerate(plans) for i in p.parse]
        parsed: list[list[Doc]] = [[] for _ in plans]
        for d, k in nlp_.pipe(texts, as_tuples=True, n_process=procs, batch_size=max(batch_size * 4, 64)):
            parsed[k].append(repair_parse(headline.fix_lemmas(headline.repair(d, nlp_))))
        return parsed

    def one(p: Plan) -> Iterator[CodedArticle]:
        """A single article, alone: the fallback when its batch failed."""
        try:
            coded = code_planned(p, parse([p], 1)[0])
        except Exception as exc:  # noqa: BLE001 - isolated: reported to on_error, the batch goes on
            assert on_error is not None
            on_error(p.article, exc)
            return
        yield coded

    def flush() -> Iterator[CodedArticle]:
        plans = list(chunk)
        chunk.clear()
        if on_error is None:
            for p, docs in zip(plans, parse(plans, n_process), strict=True):
                yield code_planned(p, docs)
            return
        try:
            done = [code_planned(p, docs) for p, docs in zip(plans, parse(plans, n_process), strict=True)]
        except Exception:  # noqa: BLE001 - find the article that failed by coding each alone
            for p in plans:
                yield from one(p)
            return
        yield from done

    queued = 0
    for a in articles:
        if on_error is None:
            chunk.append(plan(a, min_refs=min_refs))
        else:
            try:
                chunk.append(plan(a, min_refs=min_refs))
            except Exception as exc:  # noqa: BLE001 - isolated, see the docstring
                on_error(a, exc)
                continue
        queued += len(chunk[-1].parse)
        if len(chunk) >= batch_size or queued >= MAX_CHUNK_SENTENCES:
            yield from flush()
            queued = 0
    if chunk:
        yield from flush()


def sentences_of(article: Article, doc: Doc) -> tuple[Sentence, ...]:
    """Sentences of a fully parsed article, with character offsets into its text."""
    out = []
    for i, s in enumerate(doc.sents):
        text = s.text.rstrip()
        out.append(Sentence(article.id, i, s.start_char, s.start_char + len(text), text))
    return tuple(out)


def code_doc(article: Article, doc: Doc) -> CodedArticle:
    """Code an article parsed whole by the caller (no prefilter): the coder's cost alone, for benchmarks."""
    from .events.document import code_document

    mentions, events, ties = code_document(article, doc)
    return CodedArticle(article, sentences_of(article, doc), tuple(mentions), tuple(events), tuple(ties))


def code_article(article: Article) -> CodedArticle:
    """Code a single article (convenience for explain and tests)."""
    return next(code_articles([article]))
