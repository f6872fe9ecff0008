"""Re-code stored articles after a lexicon or coder change, through the same pipeline as ingest.

Each article records the fingerprint of the coding it got (``coding`` table: the coder's code and
data plus the user lexicons' actor and trigger sections, see ``user_lexicon.coding_fingerprint``).
``recode`` re-codes the articles whose fingerprint differs (or all, with ``everything=True``),
replaces their sentences, mentions, events and ties one batch per transaction, and reports what
changed. Run twice, the second run finds nothing to do. Later copies of a story keep no events
of their own, as at ingest.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import EmptyStoreError
from .records import Article, CodedArticle, FaqItem
from .store import Store
from .user_lexicon import coding_fingerprint

BATCH = 64  # articles per parse batch and per transaction, as ingest


@dataclasses.dataclass(frozen=True, slots=True)
class Change:
    """One event or tie that a re-coding added (+) or removed (-)."""

    sign: str  # "+" | "-"
    kind: str  # "event" | "tie"
    article_id: str
    date: str
    what: str  # "RUS->KAZ 042 (visit)" or "KAZ depends on RUS (energy)"


@dataclasses.dataclass(frozen=True, slots=True)
class RecodeReport:
    """What a recode did (or, with dry_run, would do)."""

    store: str
    fingerprint: str
    articles: int  # in the store
    up_to_date: int  # already coded with this fingerprint: skipped
    recoded: int
    changed_articles: int
    events_added: int
    events_removed: int
    ties_added: int
    ties_removed: int
    by_code: tuple[tuple[str, int], ...]  # CAMEO code -> net change in events
    changes: tuple[Change, ...]  # the first ``show`` changes, for people
    dry_run: bool
    elapsed: float


def _articles(store: Store, fingerprint: str, everything: bool) -> Iterator[Article | _Copy]:
    cond = "" if everything else "WHERE c.fingerprint IS DISTINCT FROM ?"
    cur = store.con.execute(
        "SELECT a.id, a.date, a.text, a.title, a.url, a.source, a.faq, a.lang, coalesce(a.story_id, a.id)"
        f" FROM articles a LEFT JOIN coding c ON c.article_id = a.id {cond} ORDER BY a.date, a.id",
        [] if everything else [fingerprint],
    )
    rows = cur.fetchall()  # materialised: the same connection writes between batches
    for aid, date, text, title, url, source, faq, lang, story in rows:
        items = tuple(FaqItem(f["question"], f["answer"]) for f in json.loads(faq or "[]"))
        art = Article(aid, date, text or "", title or "", url or "", source or "", items, lang or "en")
        yield art if story == aid else _Copy(art, story)


@dataclasses.dataclass(frozen=True, slots=True)
class _Copy:
    """A later copy of a story: re-coded for its sentences and mentions, its events stay the canonical's."""

    article: Article
    story: str


def _keys(store: Store, ids: list[str]) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    ev = {r["id"]: r for r in store.query(
        "SELECT id, article_id, date, source, target, code FROM events WHERE list_contains(?, article_id)", [ids])}
    ti = {r["id"]: r for r in store.query(
        "SELECT id, article_id, date, a, b, type FROM ties WHERE list_contains(?, article_id)", [ids])}
    return ev, ti


def _event_what(r: dict[str, Any]) -> str:
    from .events.cameo import lookup

    try:
        name = lookup(r["code"]).name.lower()
    except Exception:  # noqa: BLE001 - a code from an older table: show the code alone
        name = "?"
    return f"{r['source']}->{r['target']} {r['code']} ({name})"


def recode(store_path: str | Path | None = None, *, everything: bool = False, dry_run: bool = False,
           batch_size: int = BATCH, show: int = 20) -> RecodeReport:
    """Re-code the stored articles whose coding is out of date; see the module docstring."""
    from .pipeline import code_articles  # spaCy loads only when there is something to re-code

    t0 = time.perf_counter()
    fp = coding_fingerprint()
    with Store(store_path, read_only=True):  # recode never creates a store: a missing one is a mistyped path
        pass
    with Store(store_path) as store:
        total = int(store.con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
        if not total:
            raise EmptyStoreError(str(store.path))
        todo = list(_articles(store, fp, everything))
        stats: Counter[str] = Counter()
        by_code: Counter[str] = Counter()
        changes: list[Change] = []
        changed: set[str] = set()
        for i in range(0, len(todo), batch_size):
            chunk = todo[i:i + batch_size]
            copies = {x.article.id for x in chunk if isinstance(x, _Copy)}
            arts = [x.article if isinstance(x, _Copy) else x for x in chunk]
            coded: list[CodedArticle] = []
            for c in code_articles(arts, batch_size=batch_size):
                if c.article.id in copies:
                    c = dataclasses.replace(c, events=(), ties=())
                coded.append(c)
            ids = [a.id for a in arts]
            old_ev, old_ti = _keys(store, ids)
            new_ev: dict[str, dict[str, Any]] = {e.id: {"article_id": e.article_id, "date": e.date, "source": e.source, "target": e.target,
                             "code": e.code} for c in coded for e in c.events}
            new_ti: dict[str, dict[str, Any]] = {t.id: {"article_id": t.article_id, "date": t.date, "a": t.a, "b": t.b, "type": t.type}
                      for c in coded for t in c.ties}
            for sign, kind, keys, rows in (("+", "event", new_ev.keys() - old_ev.keys(), new_ev),
                                           ("-", "event", old_ev.keys() - new_ev.keys(), old_ev),
                                           ("+", "tie", new_ti.keys() - old_ti.keys(), new_ti),
                                           ("-", "tie", old_ti.keys() - new_ti.keys(), old_ti)):
                stats[f"{kind}{sign}"] += len(keys)
                for k in sorted(keys, key=lambda k: (str(rows[k]["date"]), k)):
                    r = rows[k]
                    changed.add(r["article_id"])
                    if kind == "event":
                        by_code[r["code"]] += 1 if sign == "+" else -1
                    what = _event_what(r) if kind == "event" else f"{r['a']} depends on {r['b']} ({r['type']})"
                    if len(changes) < show:
                        changes.append(Change(sign, kind, r["article_id"], str(r["date"]), what))
            if not dry_run:
                stale = _moved_sentences(store, ids, coded)
                store.replace_coding(coded)
                _drop_embeddings(store, stale)
    return RecodeReport(
        str(Path(store_path) if store_path is not None else store.path), fp, total, total - len(todo), len(todo),
        len(changed), stats["event+"], stats["event-"], stats["tie+"], stats["tie-"],
        tuple(sorted(((k, v) for k, v in by_code.items() if v), key=lambda kv: (-abs(kv[1]), kv[0]))),
        tuple(changes), dry_run, time.perf_counter() - t0,
    )


def _moved_sentences(store: Store, ids: list[str], coded: list[CodedArticle]) -> list[tuple[str, int]]:
    """(article, sentence index) whose text the new coding changes: their cached embeddings are stale."""
    old = {(r[0], int(r[1])): r[2] for r in store.con.execute(
        "SELECT article_id, idx, text FROM sentences WHERE list_contains(?, article_id)", [ids]).fetchall()}
    new = {(s.article_id, s.index): s.text for c in coded for s in c.sentences}
    return [k for k, text in old.items() if new.get(k) != text]


def _drop_embeddings(store: Store, keys: list[tuple[str, int]]) -> None:
    """Forget cached sentence embeddings (``ask`` recomputes them when needed)."""
    has = store.con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'sentence_embeddings'").fetchone()
    if keys and has and has[0]:
        store.con.executemany("DELETE FROM sentence_embeddings WHERE article_id = ? AND idx = ?",
                              [list(k) for k in keys])
