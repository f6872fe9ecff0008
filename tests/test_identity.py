"""Event identity and event time on real DuckDB stores written by the real ingest (spaCy, coder, story index).

Calibration checks (c) and (d) of issue 9: four differently worded reports of one visit from four outlets
are one interaction with num_articles 4; a background event is not counted in its article's month.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from multivector.analysis import balance, dyad_series
from multivector.errors import StoreError
from multivector.explain import brief
from multivector.export import GDELT_COLUMNS, GDELT_MENTION_COLUMNS, export
from multivector.identity.clusters import MentionKey, assign, families, key, outlet, sweep
from multivector.ingest.run import ingest_paths
from multivector.store import SCHEMA_VERSION, Store

COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}

# One visit (Monday 2 October 2023), four outlets, four wordings: "visited", "hosted", "arrived", "his visit".
VISIT = [
    {"date": "2023-10-03", "title": "Macron starts Central Asia tour in Astana", "url": "https://wire.example.com/a/1",
     "text": "French President Emmanuel Macron visited Astana on Monday, the first stop of a tour of Central Asia. "
             "He was expected to discuss uranium supplies and direct flights. Kazakh officials said several "
             "contracts were ready to be signed."},
    {"date": "2023-10-03", "title": "Tokayev receives Macron at the Akorda", "url": "https://astanatimes.example.kz/b",
     "text": "Kazakh President Kassym-Jomart Tokayev hosted French President Emmanuel Macron at the Akorda palace on "
             "Monday. The two leaders held talks on energy, transport and education. A French business delegation "
             "accompanied the president."},
    {"date": "2023-10-04", "title": "Macron in Kazakhstan", "url": "https://lemonde.example.fr/c",
     "text": "Emmanuel Macron arrived in Astana on Monday for a two-day visit to Kazakhstan. It is the French "
             "president's second trip to the country. Traffic in the city centre was closed for several hours."},
    {"date": "2023-10-05", "title": "Minerals top Macron's agenda", "url": "https://eurasianet.example.org/d",
     "text": "Macron's visit to Kazakhstan this week focused on critical minerals and rare earths, officials in "
             "Paris said. France wants to reduce its reliance on a handful of suppliers. Analysts expect more "
             "European visits to the region."},
]
# Other pole interactions that month (three more stories, so the month has enough evidence for shares).
OTHERS = [
    {"date": "2023-10-10", "title": "Lavrov in Astana", "url": "https://wire.example.com/a/2",
     "text": "Russian Foreign Minister Sergei Lavrov visited Astana on Tuesday for talks on transit. "
             "The talks covered grain and fuel."},
    {"date": "2023-10-18", "title": "Kazakhstan criticises Moscow", "url": "https://wire.example.com/a/3",
     "text": "Kazakhstan criticised Russia on Wednesday over new rules for trucks at the border."},
    {"date": "2023-10-25", "title": "Putin praises Tokayev", "url": "https://wire.example.com/a/4",
     "text": "Russian President Vladimir Putin praised Kazakhstan on Wednesday as a reliable partner."},
]
# A 2022 article mentioning a 2019 visit (background) and reporting new talks.
BACKGROUND = {"date": "2022-03-15", "title": "Kazakh and Chinese ministers meet", "url": "https://wire.example.com/a/5",
              "text": "In 2019, Chinese President Xi Jinping visited Astana. Kazakh Foreign Minister Mukhtar Tileuberdi "
                      "held talks with Chinese Foreign Minister Wang Yi in Beijing on Monday. The ministers "
                      "discussed rail freight and border crossings."}


def _jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def visit_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("visit")
    path = d / "store.duckdb"
    rep = ingest_paths([_jsonl(d / "a.jsonl", VISIT + OTHERS + [BACKGROUND])], path, progress=False)
    assert rep.articles_new == 8 and not rep.quarantined
    return path


def _visit(st: Store):  # type: ignore[no-untyped-def]
    rep = balance(st, "KAZ", "RUS,WST", freq="month", since=dt.date(2023, 10, 1), until=dt.date(2023, 10, 31))
    return rep, [i for i in rep.interactions if {i.source, i.target} == {"FRA", "KAZ"}]


def test_four_reports_of_one_visit_are_one_interaction(visit_store: Path) -> None:
    with Store(visit_store, read_only=True) as st:
        mentions = st.query("SELECT e.source, e.target, e.code FROM events e JOIN articles a ON a.id = e.article_id"
                            " WHERE 'FRA' IN (e.source, e.target)")
        rep, visit = _visit(st)
    assert len(mentions) >= 4  # at least one coded mention per report, in two directions
    assert {(m["source"], m["target"]) for m in mentions} == {("FRA", "KAZ"), ("KAZ", "FRA")}
    assert len(visit) == 1
    (one,) = visit
    assert one.articles == 4 and len(one.stories) == 4 and len(one.mentions) == len(mentions)
    assert one.outlets == ("astanatimes.example.kz", "eurasianet.example.org", "lemonde.example.fr", "wire.example.com")
    assert one.date == dt.date(2023, 10, 2) and one.timing == "new"  # "on Monday", read against each article
    row = rep.row("WST", "2023-10")
    assert row.n == 1 and row.mentions == len(mentions) and row.stories == 4 and row.outlets == 4
    assert rep.row("RUS", "2023-10").n == 3
    assert row.share == pytest.approx(0.25) and row.share_low is not None and row.share_low < 0.25


def test_gdelt_export_fills_num_mentions_sources_articles(visit_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "ev.tsv"
    export(visit_store, "gdelt", out, country="FRA")
    df = pd.read_csv(out, sep="\t", header=None, dtype=str, keep_default_na=False)
    assert df.shape[1] == 61
    by_dir = {(r[COL["Actor1CountryCode"]], r[COL["Actor2CountryCode"]]): r for _, r in df.iterrows()}
    # "visited", "arrived in", "his visit", and the talks "the two leaders held" in the host's report: one
    # consultation, mentioned in four articles from four outlets
    fra_kaz = by_dir[("FRA", "KAZ")]
    assert (fra_kaz[COL["NumMentions"]], fra_kaz[COL["NumArticles"]], fra_kaz[COL["NumSources"]]) == ("4", "4", "4")
    assert fra_kaz[COL["SQLDATE"]] == "20231002" and fra_kaz[COL["SOURCEURL"]] == "https://wire.example.com/a/1"
    # "hosted" and "the two leaders held talks": GDELT keeps direction, so the host's event is its own row,
    # mentioned twice in one article
    kaz_fra = by_dir[("KAZ", "FRA")]
    assert (kaz_fra[COL["NumMentions"]], kaz_fra[COL["NumArticles"]], kaz_fra[COL["NumSources"]]) == ("2", "1", "1")
    assert kaz_fra[COL["EventRootCode"]] == "04"
    assert len(df) == 2
    # the Mentions table: one row per coded mention, joined to the events by GLOBALEVENTID
    mentions = tmp_path / "m.tsv"
    export(visit_store, "gdelt-mentions", mentions, country="FRA", header=True)
    m = pd.read_csv(mentions, sep="\t", dtype=str, keep_default_na=False)
    assert list(m.columns) == list(GDELT_MENTION_COLUMNS) and len(m) == 6
    assert set(m["GLOBALEVENTID"]) == set(df[COL["GLOBALEVENTID"]])
    assert (m["GLOBALEVENTID"] == fra_kaz[COL["GLOBALEVENTID"]]).sum() == 4
    assert set(m["MentionSourceName"]) == {"wire.example.com", "astanatimes.example.kz", "lemonde.example.fr",
                                           "eurasianet.example.org"}


def test_background_event_is_not_counted_in_its_articles_month(visit_store: Path) -> None:
    with Store(visit_store, read_only=True) as st:
        rows = st.query("SELECT source, target, code, event_date, timing, time_text FROM events"
                        " WHERE 'CHN' IN (source, target) ORDER BY event_date")
        rep = balance(st, "KAZ", "CHN", freq="month", since=dt.date(2022, 3, 1), until=dt.date(2022, 3, 31))
        with_bg = balance(st, "KAZ", "CHN", freq="year", include_background=True)
        dyad = dyad_series(st, "KAZ", "CHN", freq="year")
        dyad_bg = dyad_series(st, "KAZ", "CHN", freq="year", include_background=True)
    visit, talks = rows[0], rows[1:]  # talks: "held talks with" (Monday) and "the ministers discussed" (both ways)
    assert (visit["code"], visit["event_date"], visit["timing"], visit["time_text"]) == \
        ("042", dt.date(2019, 1, 1), "background", "In 2019")
    assert talks and all(t["timing"] == "new" and t["event_date"] >= dt.date(2022, 3, 14) for t in talks)
    assert rep.row("CHN", "2022-03").n == 1  # the talks; not the 2019 visit the same article mentions
    assert [(r.period, r.n) for r in with_bg.rows if r.n] == [("2019", 1), ("2022", 1)]  # kept with its own date
    assert {d.period for d in dyad if d.n} == {"2022"}
    assert {d.period for d in dyad_bg if d.n} == {"2019", "2022"}
    assert sum(d.n for d in dyad_bg if d.period == "2019") == 1


def test_brief_quotes_each_report_once_with_its_source(visit_store: Path) -> None:
    with Store(visit_store, read_only=True) as st:
        data = json.loads(brief(st, "KAZ", "RUS,WST", fmt="json", since=dt.date(2023, 10, 1)))
        md = brief(st, "KAZ", "RUS,WST", fmt="md", since=dt.date(2023, 10, 1))
    cites = [c for f in data["findings"] if f["pole"] == "WST" for c in f["citations"]]
    assert cites
    first = VISIT[0]
    for c in cites:  # the visit is quoted from its earliest report, with the three others counted
        assert c["title"] == first["title"] and c["outlet"] == "wire.example.com" and c["url"] == first["url"]
        assert c["date"] == "2023-10-03" and c["other_reports"] == 3
    assert "Macron starts Central Asia tour in Astana, wire.example.com, 2023-10-03, https://wire.example.com/a/1" in md
    assert "and 3 other reports" in md
    assert md.count("“French President Emmanuel Macron visited Astana on Monday") == len(
        [f for f in data["findings"] if f["pole"] == "WST" and f["citations"]])
    assert "Evidence: 7 articles in 7 stories" in md  # October's 7 articles (the 2022 one is outside the window)


def test_rerun_and_ingest_order_change_no_count_or_cluster(visit_store: Path, tmp_path: Path) -> None:
    with Store(visit_store, read_only=True) as st:
        before = st.counts()
        clusters = st.query("SELECT kind, mention_id, cluster_id FROM clusters ORDER BY ALL")
    assert before["event_clusters"] >= 1 and before["interactions"] < before["event_clusters"]
    rows = VISIT + OTHERS + [BACKGROUND]
    src = _jsonl(tmp_path / "all.jsonl", rows)
    rep = ingest_paths([src], visit_store, progress=False)  # a rerun: nothing new
    assert rep.articles_new == 0
    # the same articles in another order, over three ingests, into a fresh store
    other = tmp_path / "other.duckdb"
    shuffled = rows[:]
    random.Random(3).shuffle(shuffled)
    for k, part in enumerate((shuffled[:3], shuffled[3:5], shuffled[5:])):
        ingest_paths([_jsonl(tmp_path / f"p{k}.jsonl", part)], other, progress=False)
    with Store(visit_store, read_only=True) as st, Store(other, read_only=True) as st2:
        assert st.counts() == before
        assert st.query("SELECT kind, mention_id, cluster_id FROM clusters ORDER BY ALL") == clusters
        assert st2.counts() == before
        assert st2.query("SELECT kind, mention_id, cluster_id FROM clusters ORDER BY ALL") == clusters


def test_store_of_schema_1_is_upgraded_on_first_writable_open(visit_store: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    old.write_bytes(visit_store.read_bytes())
    with Store(visit_store, read_only=True) as st:
        want = st.counts()
        want_time = st.query("SELECT id, event_date, timing FROM events ORDER BY id")
    con = duckdb.connect(str(old))  # what a multivector of schema 1 left behind
    con.execute("DROP TABLE clusters")
    for col in ("event_date", "date_precision", "timing", "time_text"):
        con.execute(f"ALTER TABLE events DROP COLUMN {col}")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="older multivector.*multivector ingest PATH --store FILE"):
        Store(old, read_only=True)
    with Store(old) as st:
        assert st.counts() == want
        assert st.query("SELECT id, event_date, timing FROM events ORDER BY id") == want_time
        assert st.query("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(SCHEMA_VERSION)


def test_incremental_clusters_equal_a_full_sweep() -> None:
    rng = random.Random(5)
    codes = ("042", "043", "046", "051", "111", "190")
    rows = [MentionKey(f"m{i:03d}", rng.choice(["FRA", "KAZ"]), "", rng.choice(codes),
                       dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(40))) for i in range(120)]
    rows = [MentionKey(r.id, r.source, "KAZ" if r.source == "FRA" else "FRA", r.code, r.date) for r in rows]
    for kind in ("event", "interaction"):
        full = assign(kind, rows)
        current: dict[str, str] = {}
        order = rows[:]
        rng.shuffle(order)
        for k in range(0, len(order), 17):  # arrive in batches, in no date order
            batch = order[k:k + 17]
            known = [r for r in rows if r.id in current] + batch
            since: dict[tuple[str, str, str], dt.date] = {}
            for r in batch:
                kk = key(kind, r.source, r.target, r.code)
                since[kk] = min(since.get(kk, r.date), r.date)
            current.update(assign(kind, known, since, current))
        assert current == full, kind
    # symmetric families merge both directions for interactions only
    fam = families()
    assert fam.of("043").symmetric and not fam.of("111").symmetric and fam.window_days == 3
    assert key("interaction", "KAZ", "FRA", "043") == key("interaction", "FRA", "KAZ", "042")
    assert key("event", "KAZ", "FRA", "043") != key("event", "FRA", "KAZ", "042")
    assert key("interaction", "KAZ", "RUS", "111") != key("interaction", "RUS", "KAZ", "111")
    assert sweep([(dt.date(2024, 1, 1), "a"), (dt.date(2024, 1, 4), "b"), (dt.date(2024, 1, 5), "c")]) == \
        [["a", "b"], ["c"]]


def test_outlet_from_url_or_source_name() -> None:
    assert outlet("https://www.reuters.com/world/x", "") == "reuters.com"
    assert outlet("", "Reuters") == "Reuters"
    assert outlet("", "feeds/kaz.xml#3") == "" and outlet("", "/data/a.jsonl:12") == "" and outlet("", "") == ""


def test_identity_data_is_valid() -> None:
    """families.yaml and situations.yaml name real CAMEO codes and actors (knowledge is data, checked here)."""
    from importlib import resources

    import yaml

    from multivector.actors import lexicon
    from multivector.events import cameo
    from multivector.identity.timing import situations

    data = resources.files("multivector.identity") / "data"
    doc = yaml.safe_load((data / "families.yaml").read_text("utf-8"))
    rows = doc["families"]
    assert len({r["prefix"] for r in rows}) == len(rows) and len({r["name"] for r in rows}) == len(rows)
    codes = [c.code for c in cameo.all_codes()]
    for r in rows:
        assert r["prefix"].isdigit() and 2 <= len(r["prefix"]) <= 4
        assert any(c.startswith(r["prefix"]) for c in codes), r  # the prefix names real CAMEO codes
        assert isinstance(r.get("symmetric", False), bool)
    assert 1 <= doc["window_days"] <= 7
    names = lexicon.load().names
    for s in situations():
        assert s.source in names and s.target in names and s.source != s.target
        assert all(len(r) == 2 and r.isdigit() for r in s.roots) and s.nouns
