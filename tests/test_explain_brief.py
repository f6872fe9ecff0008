"""Briefings on the hand-coded seed store: the three seed-gold balance findings, each with its sentence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_explain_seedstore import build_seed_store, needs_seed, seed_gold

from multivector.analysis import load_poles
from multivector.errors import EmptyStoreError, UnknownActorError, UsageError
from multivector.explain import brief, build_briefing
from multivector.store import Store

pytestmark = needs_seed


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed_store(tmp_path_factory.mktemp("seed") / "seed.duckdb")


def _gold_sentence(source: str, target: str, root: str) -> str:
    return next(g["sentence"] for g in seed_gold()["events"]
                if g["source"] == source and g["target"] == target and g["code"].startswith(root))


def _findings(store_path: Path) -> list[dict]:  # type: ignore[type-arg]
    with Store(store_path, read_only=True) as st:
        return json.loads(brief(st, "KAZ", "RUS,WST", fmt="json"))["findings"]


def _cited(f: dict, needle: str) -> bool:  # type: ignore[type-arg]
    return any(needle in c["sentence"] for c in f["citations"])


def test_json_states_the_three_seed_findings_with_evidence(seed_store: Path) -> None:
    findings = _findings(seed_store)
    west = set(load_poles()["WST"].members)
    # 1. the West courts Kazakhstan with visits, praise and intent, citing each gold sentence
    west_courting = [f for f in findings if f["pole"] == "WST" and f["section"] == "interest"]
    text = " ".join(f["statement"].lower() for f in west_courting)
    assert all(w in text for w in ("visit", "prais", "intent")), text
    western_sources = {g["source"] for g in seed_gold()["events"] if g["target"] == "KAZ" and g["source"] in west}
    assert western_sources == {"FRA", "GBR", "USA"} and all(s in text.upper() for s in western_sources)
    for src, root in (("FRA", "04"), ("FRA", "05"), ("GBR", "03")):
        assert any(_cited(f, _gold_sentence(src, "KAZ", root)) for f in west_courting)
    # 2. Kazakhstan rejects Russia, citing the refusal sentence
    rejects = [f for f in findings if f["pole"] == "RUS" and f["section"] == "balancing" and "reject" in f["statement"]]
    assert rejects and _cited(rejects[0], _gold_sentence("KAZ", "RUS", "12"))
    # 3. Kazakhstan depends on Russia for trade and energy, citing both tie sentences
    deps = [f for f in findings if f["pole"] == "RUS" and re.search(r"Kazakhstan depends on Russia", f["statement"])]
    assert deps and all("trade" in f["statement"] and "energy" in f["statement"] for f in deps)
    for tie in seed_gold()["ties"]:
        assert all(_cited(f, tie["sentence"]) for f in deps)


def test_every_statement_with_evidence_quotes_a_stored_sentence(seed_store: Path) -> None:
    with Store(seed_store, read_only=True) as st:
        stored = {r["text"] for r in st.query("SELECT text FROM sentences")}
        faq = st.query("SELECT faq FROM articles")[0]["faq"]
        b = build_briefing(st, "KAZ", "RUS,WST")
    cites = [c for f in b.findings for c in f.citations]
    assert cites and all(c.sentence in stored and c.article_id and c.date for c in cites)
    answers = [x["answer"] for x in json.loads(faq)]
    assert not any(c.sentence in a or a[:40] in c.sentence for c in cites for a in answers)


@pytest.mark.parametrize("fmt", ["md", "html", "text"])
def test_rendered_formats_quote_the_evidence(seed_store: Path, fmt: str) -> None:
    with Store(seed_store, read_only=True) as st:
        out = brief(st, "KAZ", "RUS,WST", fmt=fmt)
    flat = out.replace("&#39;", "'").replace("&amp;", "&")
    for needle in ("refusing to support Russia", "Importing more goods from Russia", "during his visit to Astana",
                   "have also shown a keen interest", "4bdf41e04664a436" if fmt != "html" else "<code>", "2023-11-14"):
        assert needle in flat, (fmt, needle)
    assert "reject" in out and "trade and energy" in out


def test_html_is_self_contained_with_two_charts(seed_store: Path) -> None:
    with Store(seed_store, read_only=True) as st:
        html = brief(st, "KAZ", "RUS,WST", fmt="html")
    assert 'id="chart-shares"' in html and 'id="chart-dyads"' in html
    assert not re.search(r"""src\s*=\s*["']https?:|<link""", html)  # nothing fetched from the network
    assert "<script" not in html
    # The seed is one article: one story is too little evidence for a share, and the brief says so
    # instead of drawing 33% / 67% bars (RUS 2, WST 4 interactions in 2023-11).
    assert len(re.findall(r'class="mark share"', html)) == 0
    assert "too little evidence: 1 story (3 needed)" in html
    assert len(re.findall(r'class="mark (coop|conflict)"', html)) >= 2  # the dyad chart still shows the counts


def test_brief_errors(tmp_path: Path, seed_store: Path) -> None:
    with Store(seed_store, read_only=True) as st:
        with pytest.raises(UsageError):
            brief(st, "KAZ", "RUS,WST", fmt="pdf")
        with pytest.raises(UnknownActorError):
            brief(st, "KAZ", "RUS,NOPE")
    with Store(tmp_path / "empty.duckdb") as empty, pytest.raises(EmptyStoreError):
        brief(empty, "KAZ", "RUS,WST")


def test_brief_states_window_evidence_units_and_date(seed_store: Path) -> None:
    import datetime as dt

    with Store(seed_store, read_only=True) as st:
        data = json.loads(brief(st, "KAZ", "RUS,WST", fmt="json", today=dt.date(2026, 1, 2)))
        md = brief(st, "KAZ", "RUS,WST", fmt="md", today=dt.date(2026, 1, 2))
    assert data["generated"] == "2026-01-02" and data["window"] == "2023-11-14 to 2023-11-14"
    assert (data["articles"], data["stories"]) == (1, 1) and data["counting_unit"] == "interaction"
    assert "Made on 2026-01-02" in md and "Evidence: 1 article in 1 story" in md and "90% interval" in md


def test_a_sentence_in_three_articles_is_quoted_once(tmp_path: Path) -> None:
    """A wire sentence reprinted in three different articles (not near-duplicates) is one quote: the earliest."""
    import datetime as dt

    from multivector.events import cameo
    from multivector.records import Article, CodedArticle, Event, Sentence

    wire = "French President Emmanuel Macron praised Kazakhstan for its reforms."
    coded = []
    for k, (day, host, extra) in enumerate([(2, "wire.example.com", "Markets were calm."),
                                            (9, "daily.example.kz", "Snow fell in the north."),
                                            (20, "weekly.example.fr", "The tenge rose slightly.")]):
        text = f"{wire} {extra}"
        art = Article.make(text, dt.date(2024, 5, day), title=f"Report {k}", url=f"https://{host}/{k}")
        c = cameo.lookup("051")
        ev = Event(art.id, art.date, 0, 16, 30, "FRA", "GOV", "KAZ", None, c.code, c.root, c.quad_class, c.goldstein,
                   c.plover_type, c.plover_mode, "test")
        coded.append(CodedArticle(art, (Sentence(art.id, 0, 0, len(wire), wire),
                                        Sentence(art.id, 1, len(wire) + 1, len(text), extra)), events=(ev,)))
    for k, code in enumerate(("042", "111", "057")):  # two more stories so the month has evidence
        text = f"Russia and Kazakhstan item {k}."
        art = Article.make(text, dt.date(2024, 5, 10 + k))
        c = cameo.lookup(code)
        coded.append(CodedArticle(art, (Sentence(art.id, 0, 0, len(text), text),), events=(
            Event(art.id, art.date, 0, 0, 6, "RUS", None, "KAZ", None, c.code, c.root, c.quad_class, c.goldstein,
                  c.plover_type, c.plover_mode, "test"),)))
    path = tmp_path / "wire.duckdb"
    with Store(path) as st:
        st.write(coded)
    with Store(path, read_only=True) as st:
        md = brief(st, "KAZ", "RUS,WST", fmt="md")
        data = json.loads(brief(st, "KAZ", "RUS,WST", fmt="json"))
    quotes = [c for f in data["findings"] if f["pole"] == "WST" for c in f["citations"]]
    assert quotes and all(c["sentence"] == wire for c in quotes)
    assert all(len([c for c in f["citations"] if c["sentence"] == wire]) <= 1 for f in data["findings"])
    first = quotes[0]
    assert (first["url"], first["outlet"], first["title"], first["date"]) == \
        ("https://wire.example.com/0", "wire.example.com", "Report 0", "2024-05-02")
    assert first["other_reports"] == 2 and "and 2 other reports" in md
    assert md.count(f"“{wire}”") == len([f for f in data["findings"] if f["pole"] == "WST" and f["citations"]])
