"""Near-duplicate stories: MinHash over word shingles, MinHashLSH to find earlier copies.

Syndicated copies differ in headers, bylines and footers; their shingle sets still overlap by
far more than two different articles on the same topic. Exact duplicates never get here (their
content id is already known). Measured (3-word shingles, 128 permutations) on the 12 articles
of ../shared/gold/articles-dev.jsonl (76-187 words, all about Kazakhstan and its neighbours), each
copied 5 times with different bylines/datelines/footers (5-30 words added), plus the 428 Wikipedia
current-events summaries as unrelated texts:

- Jaccard of a copy to another copy or the original: 0.67-0.86 (the shortest article lowest);
- Jaccard of two different gold articles: at most 0.03, even on the same story;
- copies missed / false links: threshold 0.8 -> 19 of 60 / 0; 0.7 -> 2 / 0; 0.6 -> 1 / 0.

So THRESHOLD = 0.6 rather than the usual 0.8: news articles are short and boilerplate weighs a lot
in them, while unrelated articles stay far below (an LSH of 0.6 rarely returns a 0.15 pair and the
estimate check drops it). Signatures are persisted in the store (table ``minhash``, 512 bytes each)
so a copy ingested next week joins last week's story; for 10,000 articles loading them (LSH
inserts included) takes ~1.3 s, recomputing them from text ~2.5 s plus reading all text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
THRESHOLD = 0.6
SHINGLE = 3  # words per shingle
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable within one
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Lower-cased k-word shingles (the whole text as one shingle when shorter than k words)."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """datasketch's permutations for NUM_PERM and its default seed, drawn once (they were half the
    signature's cost when every MinHash drew them again)."""
    perms: tuple[np.ndarray, np.ndarray] = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations
    return perms


def signature(text: str) -> MinHash:
    """The MinHash of a text's shingles."""
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    m.update_batch(list(shingles(text)))
    return m


def to_bytes(m: MinHash) -> bytes:
    """A signature as bytes for the store (uint32 per permutation)."""
    return np.asarray(m.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """A stored signature back as a MinHash."""
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint32), scheme=SCHEME)


class StoryIndex:
    """Every article seen so far, by signature; assigns each new article to an earlier story or its own."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}
        self.story: dict[str, str] = {}

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, bytes]], threshold: float = THRESHOLD) -> StoryIndex:
        """An index over stored (article_id, story_id, signature bytes) rows (see Store.signatures)."""
        idx = cls(threshold)
        for aid, story, data in rows:
            idx._add(aid, story, from_bytes(data))
        return idx

    def _add(self, article_id: str, story_id: str, m: MinHash) -> None:
        if article_id in self.sigs:
            return
        self.lsh.insert(article_id, m)
        self.sigs[article_id] = m
        self.story[article_id] = story_id

    def assign(self, article_id: str, text: str) -> tuple[str, bytes]:
        """The story id for a new article (an earlier copy's story, else its own id) and its signature bytes."""
        if article_id in self.story:
            return self.story[article_id], to_bytes(self.sigs[article_id])
        m = signature(text)
        best, best_j = article_id, self.threshold
        for cand in self.lsh.query(m):
            j = m.jaccard(self.sigs[cand])
            # LSH candidates are probable matches; the estimate confirms. Ties go to the older story.
            if j >= best_j and (best == article_id or j > best_j):
                best, best_j = cand, j
        story = self.story[best] if best != article_id else article_id
        self._add(article_id, story, m)
        return story, to_bytes(m)
