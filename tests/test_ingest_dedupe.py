"""Stories: syndicated copies link to the first-seen article, across runs; copies add no events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

import multivector.events.document as coder
from multivector.ingest.run import ingest_paths
from multivector.records import Article, Event
from multivector.store import Store

BODY = (
    "Kazakhstan and Uzbekistan signed an agreement on Thursday to build a joint industrial zone on their shared "
    "border, the two governments said. The zone will host textile and food processing plants and is expected to "
    "create several thousand jobs on both sides. Uzbek officials said customs checks would be simplified for "
    "goods moving through the zone, while Kazakh ministers promised new road links to the regional capital. "
    "Trade between the neighbours has doubled in the past five years, and both leaders said they wanted to "
    "double it again by the end of the decade. Russia and China, the two largest trading partners of both "
    "countries, were not mentioned in the statement."
)
COPIES = [
    ("By Aliya Nurlanova, Astana Times", "Copyright 2024 Astana Times. All rights reserved."),
    ("TASHKENT (Reuters) -", "(Reporting by Olzhas Auyezov; Editing by Mark Heinrich)"),
    ("Home > Region > Economy | 3 min read", "Follow us on Telegram for more news from Central Asia."),
    ("EURASIANET staff report", "This story was first published by Eurasianet and is republished with permission."),
    ("From our correspondent in Almaty, updated 10:42", "Read more: Central Asia trade, border news, subscribe."),
]
OTHER = (
    "The European Union announced new funding for water management projects in Central Asia on Monday. "
    "The programme will support irrigation upgrades in Tajikistan and Kyrgyzstan and training for engineers "
    "from Turkmenistan, the bloc's envoy said at a conference in Dushanbe attended by ministers of five states."
)


def write_copies(folder: Path, which: range) -> None:
    folder.mkdir(exist_ok=True)
    for i in which:
        head, foot = COPIES[i]
        (folder / f"copy{i}.txt").write_text(f"date 2024-05-0{i + 1}\n{head}\n{BODY}\n{foot}\n")


def fake_events(article: Article, doc: Doc, **_: object) -> tuple[list, list[Event], list]:
    """Stand-in coder output: one event per sentence, so dropping a copy's events is observable."""
    evs = [
        Event(article.id, article.date, i, s.start_char, s.end_char, "KAZ", None, "UZB", None, "057", "05", 1, 8.0,
              "AGREE", "", "test")
        for i, s in enumerate(doc.sents)
    ]
    return [], evs, []


def test_five_syndicated_copies_one_story_five_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coder, "code_document", fake_events)
    db = tmp_path / "s.duckdb"
    write_copies(tmp_path / "week1", range(3))
    (tmp_path / "week1" / "other.txt").write_text("date 2024-05-01\n" + OTHER)
    r1 = ingest_paths([tmp_path / "week1"], db, progress=False, batch_size=2)
    assert (r1.articles_new, r1.duplicates_linked) == (4, 2)
    write_copies(tmp_path / "week2", range(3, 5))
    r2 = ingest_paths([tmp_path / "week2"], db, progress=False)
    assert (r2.articles_new, r2.duplicates_linked) == (2, 2)  # next week's copies join last week's story
    with Store(db) as s:
        canon = s.query("SELECT id FROM articles WHERE source LIKE '%copy0.txt'")[0]["id"]
        stories = s.query("SELECT story_id, count(*) AS n FROM articles GROUP BY story_id ORDER BY n DESC")
        assert stories == [{"story_id": canon, "n": 5}, {"story_id": stories[1]["story_id"], "n": 1}]
        sources = s.story_sources(canon)
        assert sorted(Path(r["source"]).name for r in sources) == [f"copy{i}.txt" for i in range(5)]
        assert sources[0]["id"] == canon
        per_article = {r["article_id"]: r["n"] for r in s.query("SELECT article_id, count(*) AS n FROM events GROUP BY 1")}
        assert set(per_article) == {canon, stories[1]["story_id"]}  # only canonical articles carry events
        assert s.counts()["sentences"] > s.counts()["events"]  # copies keep their sentences
    assert r1.events == per_article[canon] + per_article[stories[1]["story_id"]] and r2.events == 0


def test_exact_duplicate_stored_once(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("date 2024-05-01\n" + BODY)
    (tmp_path / "c.jsonl").write_text(json.dumps({"date": "2024-05-01", "text": BODY}) + "\n")
    r = ingest_paths([tmp_path], tmp_path / "s.duckdb", progress=False, default_date=dt.date(2024, 1, 1))
    assert (r.files, r.articles_new, r.articles_skipped_known, r.duplicates_linked) == (3, 1, 2, 0)


def test_signatures_match_datasketchs_own_permutations() -> None:
    """Signatures drawn with the cached permutations equal datasketch's defaults: stores written before
    the cache (and their stories) stay comparable."""
    from datasketch import MinHash

    from multivector.ingest import dedupe

    text = "Kazakhstan and Russia signed a treaty on the Caspian Sea in Aktau on Sunday, officials said."
    fresh = MinHash(num_perm=dedupe.NUM_PERM, scheme=dedupe.SCHEME)
    fresh.update_batch(list(dedupe.shingles(text)))
    assert (dedupe.signature(text).hashvalues == fresh.hashvalues).all()
    assert dedupe.signature(text).jaccard(dedupe.signature(text + " More text follows here.")) < 1.0
