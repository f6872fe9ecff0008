"""JSON API on a real DuckDB store built from hand-made CodedArticle records with known counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from multivector.records import Article, CodedArticle, Event, Mention, Sentence, Tie
from multivector.store import Store
from multivector.web import create_app

# code -> (root, quad class, Goldstein): written here, independent of the CAMEO table.
CODES = {"042": ("04", 1, 1.9), "057": ("05", 1, 8.0), "061": ("06", 2, 6.4), "111": ("11", 3, -2.0),
         "172": ("17", 4, -5.0)}
VERBS = {"042": "sent envoys to", "057": "signed an agreement with", "061": "expanded trade with",
         "111": "criticized", "172": "imposed sanctions on"}
WORDS = {"KAZ": ("Kazakhstan", "Astana"), "RUS": ("Russia", "Moscow"), "FRA": ("France", "Paris"),
         "USA": ("Washington", "Washington"), "CHN": ("China", "Beijing")}
# Per month of 2024: events between KAZ and RUS / the West (FRA, USA) / CHN. Russia dominates the
# first quarter, the West the second: a planted shift at 2024-03 -> 2024-04.
PLAN = {1: (20, 3, 2), 2: (20, 3, 2), 3: (20, 3, 2), 4: (3, 20, 2), 5: (3, 20, 2), 6: (3, 20, 2)}
COOP = ("057", "042", "061")
CONFLICT = ("111", "172")
OTHER = [(dt.date(2024, 2, 14), "RUS", "CHN", "057"), (dt.date(2024, 5, 9), "FRA", "USA", "042")]
# Ties share articles with events (planted days are 1, 6, 11, 16, 21).
TIES = [(dt.date(2024, 1, 6), "KAZ", "RUS", "energy"), (dt.date(2024, 2, 6), "KAZ", "RUS", "trade"),
        (dt.date(2024, 5, 6), "KAZ", "CHN", "investment")]
PER_ARTICLE = 5  # sentences per article
# Event identity as the tests expect it (multivector/identity/data/families.yaml, written out here): facts of
# one article share its date and articles are 5 days apart, so a happening is (date, parties, family);
# symmetric families are one interaction whichever direction was coded.
FAMILY = {"042": ("consult", True), "057": ("sign", True), "061": ("cooperate", True), "111": ("root11", False),
          "172": ("root17", False)}


@dataclass(frozen=True)
class Fact:
    """One planted event as the test knows it (independent of what the store returns)."""

    date: dt.date
    source: str
    target: str
    code: str
    sentence: str
    source_text: str
    target_text: str


def plan_facts() -> list[Fact]:
    """Every planted event with its sentence text."""
    facts: list[Fact] = []
    for month, (n_rus, n_wst, n_chn) in PLAN.items():
        partners = ["RUS"] * n_rus + [("FRA", "USA")[i % 2] for i in range(n_wst)] + ["CHN"] * n_chn
        for i, other in enumerate(partners):
            # Russia turns hostile in the second quarter; everyone else cooperates.
            codes = CONFLICT if other == "RUS" and month >= 4 else COOP
            code = codes[i % len(codes)]
            src, tgt = ("KAZ", other) if i % 2 == 0 else (other, "KAZ")
            day = 1 + (i // PER_ARTICLE) * 5
            facts.append(_fact(dt.date(2024, month, day), src, tgt, code, i))
    facts += [_fact(d, s, t, c, 0) for d, s, t, c in OTHER]
    return facts


def event_key(f: Fact) -> tuple[object, ...]:
    """One event: same day, same direction, same family."""
    return f.date, f.source, f.target, FAMILY[f.code][0]


def interaction_key(f: Fact) -> tuple[object, ...]:
    """One interaction: as an event, with the parties unordered for symmetric families."""
    fam, symmetric = FAMILY[f.code]
    parties = tuple(sorted((f.source, f.target))) if symmetric else (f.source, f.target)
    return f.date, parties, fam


def interactions(facts: list[Fact], month: str, members: set[str]) -> int:
    """Interactions between KAZ and ``members`` in a month (YYYY-MM)."""
    return len({interaction_key(f) for f in facts if f"{f.date.year}-{f.date.month:02d}" == month
                and "KAZ" in (f.source, f.target) and ({f.source, f.target} - {"KAZ"}) & members})


def _fact(date: dt.date, src: str, tgt: str, code: str, i: int) -> Fact:
    sw, tw = WORDS[src][i % 2], WORDS[tgt][(i // 2) % 2]
    # The date and item number make every sentence, hence every article id (a content hash), unique.
    return Fact(date, src, tgt, code, f"{sw} {VERBS[code]} {tw} on {date:%d %B %Y} (item {i}).", sw, tw)


def _coded(date: dt.date, facts: list[Fact], ties: list[tuple[dt.date, str, str, str]], n: int) -> CodedArticle:
    """One article whose sentences are the facts (then one sentence per tie), offsets computed exactly."""
    texts = [f.sentence for f in facts] + [f"{WORDS[a][0]} depends on {WORDS[b][0]} for {ty}." for _, a, b, ty in ties]
    body = " ".join(texts)
    art = Article.make(body, date, title=f"Central Asia desk {date.isoformat()} #{n}",
                       url=f"https://example.org/{date.isoformat()}/{n}", source="test")
    sents, mentions, events, tie_recs = [], [], [], []
    pos = 0
    for idx, text in enumerate(texts):
        sents.append(Sentence(art.id, idx, pos, pos + len(text), text))
        if idx < len(facts):
            f = facts[idx]
            s0, t0 = pos, pos + text.index(" " + f.target_text + " on ") + 1
            v0 = pos + len(f.source_text) + 1
            mentions += [Mention(idx, s0, s0 + len(f.source_text), f.source_text, f.source, "GOV", "country", "lex"),
                         Mention(idx, t0, t0 + len(f.target_text), f.target_text, f.target, "GOV", "country", "lex")]
            root, quad, gold = CODES[f.code]
            events.append(Event(art.id, date, idx, v0, v0 + len(VERBS[f.code]), f.source, "GOV", f.target, "GOV",
                                f.code, root, quad, gold, "AGREE", "", f"verb.{f.code}.{VERBS[f.code].split()[0]}",
                                source_text=f.source_text, target_text=f.target_text))
        else:
            _, a, b, ty = ties[idx - len(facts)]
            tie_recs.append(Tie(art.id, date, idx, pos, pos + len(text), a, b, ty, f"tie.{ty}"))
        pos += len(text) + 1
    return CodedArticle(art, tuple(sents), tuple(mentions), tuple(events), tuple(tie_recs))


def build_store(path: Path) -> list[Fact]:
    """Write the planted corpus to a DuckDB store at ``path``; return the facts it holds."""
    facts = plan_facts()
    groups: dict[dt.date, list[Fact]] = {}
    for f in facts:
        groups.setdefault(f.date, []).append(f)
    coded = []
    for n, (date, fs) in enumerate(sorted(groups.items())):
        coded.append(_coded(date, fs, [t for t in TIES if t[0] == date], n))
    for n, t in enumerate(t for t in TIES if t[0] not in groups):
        coded.append(_coded(t[0], [], [t], 100 + n))
    with Store(path) as s:
        s.write(coded)
    return facts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Fact]]:
    path = tmp_path_factory.mktemp("web") / "store.duckdb"
    return path, build_store(path)


@pytest.fixture(scope="module")
def client(corpus: tuple[Path, list[Fact]]) -> TestClient:
    return TestClient(create_app(corpus[0]))


def _month(d: dt.date) -> str:
    return f"{d.year}-{d.month:02d}"


def _is_error(r: object, status: int) -> str:
    """Assert a one-line JSON error with the given status; return the message."""
    assert r.status_code == status, r.text  # type: ignore[attr-defined]
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"}
    assert body["error"] and "\n" not in body["error"]
    return str(body["error"])


# -- records -----------------------------------------------------------------------------------
def test_health_counts(client: TestClient, corpus: tuple[Path, list[Fact]]) -> None:
    facts = corpus[1]
    h = client.get("/api/health").json()
    n_articles = len({f.date for f in facts} | {t[0] for t in TIES})
    assert (h["status"], h["articles"], h["events"], h["ties"]) == ("ok", n_articles, len(facts), len(TIES))
    assert h["first_date"] == "2024-01-01" and h["last_date"] == max(f.date for f in facts).isoformat()


def test_events_filter_and_evidence(client: TestClient, corpus: tuple[Path, list[Fact]]) -> None:
    facts = corpus[1]
    kaz = [f for f in facts if "KAZ" in (f.source, f.target)]
    r = client.get("/api/events", params={"country": "kaz", "limit": 1000}).json()
    assert r["total"] == len(kaz) == len(r["events"])
    assert Counter((e["source"], e["target"], e["code"], e["date"]) for e in r["events"]) == Counter(
        (f.source, f.target, f.code, f.date.isoformat()) for f in kaz)
    dates = [e["date"] for e in r["events"]]
    assert dates == sorted(dates, reverse=True)
    by_sentence = {f.sentence: f for f in facts}
    for e in r["events"]:
        ev = e["evidence"]
        f = by_sentence[ev["sentence"]]  # the evidence is the planted sentence itself
        assert (e["source_text"], e["target_text"]) == (f.source_text, f.target_text)
        assert ev["article_title"].startswith("Central Asia desk") and ev["article_url"].startswith("https://")
        marks = {h["role"]: h for h in ev["highlights"]}
        assert marks["source"]["text"] == f.source_text and marks["source"]["start"] == 0
        assert marks["target"]["text"] == f.target_text
        assert ev["sentence"][marks["target"]["start"]:marks["target"]["end"]] == f.target_text
        assert marks["event"]["text"] == VERBS[f.code]
        assert e["pattern"].startswith(f"verb.{f.code}")


def test_events_other_filters_and_paging(client: TestClient, corpus: tuple[Path, list[Fact]]) -> None:
    facts = corpus[1]
    q = {"source": "KAZ", "target": "RUS", "since": "2024-04-01", "until": "2024-06-30", "root": "11"}
    want = [f for f in facts if f.source == "KAZ" and f.target == "RUS" and f.date >= dt.date(2024, 4, 1)
            and f.code.startswith("11")]
    r = client.get("/api/events", params=q).json()
    assert r["total"] == len(want) > 0
    assert {e["code"] for e in r["events"]} == {"111"}
    chn = [f for f in facts if "CHN" in (f.source, f.target)]
    page1 = client.get("/api/events", params={"country": "CHN", "limit": 5}).json()
    page2 = client.get("/api/events", params={"country": "CHN", "limit": 5, "offset": 5}).json()
    assert page1["total"] == page2["total"] == len(chn)
    assert len(page1["events"]) == 5 and not {e["id"] for e in page1["events"]} & {e["id"] for e in page2["events"]}


def test_article_explain_view(client: TestClient, corpus: tuple[Path, list[Fact]]) -> None:
    first = client.get("/api/events", params={"country": "RUS", "limit": 1}).json()["events"][0]
    a = client.get(f"/api/articles/{first['article_id']}").json()
    assert a["id"] == first["article_id"] and a["title"].startswith("Central Asia desk")
    for s in a["sentences"]:
        assert a["text"][s["start"]:s["end"]] == s["text"]
    same_day = [f for f in corpus[1] if f.date.isoformat() == a["date"]]
    assert len(a["events"]) == len(same_day)
    assert len(a["mentions"]) == 2 * len(same_day)
    assert {m["text"] for m in a["mentions"]} == {f.source_text for f in same_day} | {f.target_text for f in same_day}
    assert any(e["id"] == first["id"] for e in a["events"])
    jan6 = client.get("/api/events", params={"country": "KAZ", "since": "2024-01-06", "until": "2024-01-06"}).json()
    tied = client.get(f"/api/articles/{jan6['events'][0]['article_id']}").json()
    assert [(t["a"], t["b"], t["type"]) for t in tied["ties"]] == [("KAZ", "RUS", "energy")]


def test_countries_picker(client: TestClient, corpus: tuple[Path, list[Fact]]) -> None:
    facts = corpus[1]
    want = Counter([f.source for f in facts] + [f.target for f in facts])
    got = {c["code"]: c["events"] for c in client.get("/api/countries").json()["countries"]}
    assert got == dict(want)
    partners = client.get("/api/countries", params={"partner_of": "CHN"}).json()["countries"]
    assert {c["code"] for c in partners} == {"KAZ", "RUS"}


def test_actors_search(client: TestClient) -> None:
    from multivector.web import queries

    if not queries.lexicon():
        pytest.skip("actor lexicon (multivector/actors/data/countries.yaml) not shipped yet")
    hits = client.get("/api/actors", params={"search": "kaz"}).json()["actors"]
    assert hits[0]["code"] == "KAZ" and hits[0]["name"] == "Kazakhstan"
    assert any("Astana" in h["capitals"] for h in hits)
    assert all("kaz" in " ".join([h["code"], h["name"], *h["aliases"], *h["adjectives"], *h["capitals"]]).lower()
               for h in hits)


# -- analysis ----------------------------------------------------------------------------------
def test_dyad_counts_match_plan(client: TestClient, corpus: tuple[Path, list[Fact]]) -> None:
    facts = corpus[1]
    r = client.get("/api/dyad", params={"a": "KAZ", "b": "RUS", "freq": "month"}).json()
    assert (r["a"], r["b"]) == ("KAZ", "RUS")
    for p in r["periods"]:
        mentions = [f for f in facts if (f.source, f.target) == (p["source"], p["target"])
                    and _month(f.date) == p["period"]]
        want = list({event_key(f): f for f in reversed(mentions)}.values())  # one per event, its first mention
        assert p["n"] == len(want) and p["mentions"] == len(mentions)
        assert p["counts"] == [sum(1 for f in want if CODES[f.code][1] == q) for q in (1, 2, 3, 4)]
        assert p["net_cooperation"] == pytest.approx(sum(CODES[f.code][2] for f in want))
    # two reports of "Kazakhstan criticized Russia" on the same day in one article are one event
    april = next(p for p in r["periods"] if p["period"] == "2024-04" and p["source"] == "KAZ")
    assert (april["n"], april["mentions"]) == (1, 2)
    assert {p["period"] for p in r["periods"]} == {f"2024-{m:02d}" for m in PLAN}


def test_balance_shares_and_shift(client: TestClient, corpus: tuple[Path, list[Fact]]) -> None:
    facts = corpus[1]
    r = client.get("/api/balance", params={"country": "KAZ", "poles": "RUS,WST,CHN"}).json()
    assert [p["name"] for p in r["poles"]] == ["RUS", "WST", "CHN"]
    members = {"RUS": {"RUS"}, "WST": {"FRA", "USA"}, "CHN": {"CHN"}}
    for row in r["rows"]:
        n = interactions(facts, row["period"], members[row["pole"]])
        assert row["n"] == n
        total = interactions(facts, row["period"], set().union(*members.values()))
        assert row["share"] == pytest.approx(n / total, abs=1e-6)
        assert row["share_low"] < row["share"] < row["share_high"]
        assert row["stories"] == len({f.date for f in facts if _month(f.date) == row["period"]
                                      and "KAZ" in (f.source, f.target)
                                      and ({f.source, f.target} - {"KAZ"}) & members[row["pole"]]})
    assert all(b["stories"] >= 3 and b["note"] == "" for b in r["balance"])
    shifts = {(s["pole"], s["measure"], s["before"], s["after"]) for s in r["shifts"]}
    assert ("RUS", "share", "2024-03", "2024-04") in shifts and ("WST", "share", "2024-03", "2024-04") in shifts
    rus = next(s for s in r["shifts"] if s["pole"] == "RUS" and s["measure"] == "share")
    assert rus["direction"] == "down" and rus["drivers"] and rus["drivers"][0]["sentence"]
    assert r["events"] == []  # evidence lists only on request
    full = client.get("/api/balance", params={"country": "KAZ", "poles": "RUS,WST,CHN", "evidence": "true"}).json()
    assert len(full["events"]) == sum(sum(v) for v in PLAN.values())


# -- errors ------------------------------------------------------------------------------------
def test_errors_are_one_line_json(client: TestClient) -> None:
    assert "ZZZ" in _is_error(client.get("/api/events", params={"country": "ZZZ"}), 404)
    assert "YYYY-MM-DD" in _is_error(client.get("/api/events", params={"since": "last week"}), 422)
    assert "limit" in _is_error(client.get("/api/events", params={"limit": 0}), 422)
    assert "/docs" in _is_error(client.get("/api/nothing-here"), 404)
    assert "article" in _is_error(client.get("/api/articles/doesnotexist"), 404)
    assert "freq" in _is_error(client.get("/api/dyad", params={"a": "KAZ", "b": "RUS", "freq": "fortnight"}), 400)
    assert "QQQ" in _is_error(client.get("/api/balance", params={"country": "KAZ", "poles": "RUS,QQQ"}), 404)
    _is_error(client.get("/api/dyad", params={"a": "KAZ"}), 422)


def test_missing_store_fails_at_start(tmp_path: Path) -> None:
    from multivector.errors import StoreError

    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "absent.duckdb")


def test_openapi_and_dashboard_page(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/health", "/api/events", "/api/articles/{article_id}", "/api/dyad", "/api/balance",
                 "/api/ask", "/api/brief", "/api/actors"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and "<svg" not in page.text.split("<body", 1)[0]
    assert "http://" not in page.text and "https://" not in page.text  # self-contained: no CDN
    for name in ("app.js", "style.css"):
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200 and "https://" not in asset.text
    assert client.get("/static/../app.py").status_code == 404


# -- explanations ------------------------------------------------------------------------------
def test_ask_cites_stored_sentences(client: TestClient, corpus: tuple[Path, list[Fact]]) -> None:
    tie_sentences = {f"{WORDS[a][0]} depends on {WORDS[b][0]} for {ty}." for _, a, b, ty in TIES}
    r = client.get("/api/ask", params={"q": "Why does Kazakhstan matter to Russia?", "k": 2})
    assert r.status_code == 200, r.text
    a = r.json()
    assert a["question"].startswith("Why does Kazakhstan") and a["text"]
    assert 1 <= len(a["citations"]) <= 2
    assert [c["rank"] for c in a["citations"]] == list(range(1, len(a["citations"]) + 1))
    stored = {f.sentence for f in corpus[1]} | tie_sentences
    for c in a["citations"]:
        assert c["sentence"] in stored
        assert c["title"].startswith("Central Asia desk")
    # The question is about Kazakhstan's importance to Russia: its dependence ties are the best evidence.
    assert any(c["sentence"] in {s for s in tie_sentences if "Russia" in s} for c in a["citations"])
    assert "q" in _is_error(client.get("/api/ask", params={"q": ""}), 422)


def test_brief_formats(client: TestClient) -> None:
    import json

    params = {"country": "KAZ", "poles": "RUS,WST"}
    j = client.get("/api/brief", params=params)
    assert j.status_code == 200 and j.headers["content-type"].startswith("application/json")
    assert "KAZ" in json.dumps(j.json())
    h = client.get("/api/brief", params={**params, "format": "html"})
    assert h.headers["content-type"].startswith("text/html") and "<svg" in h.text
    assert "https://cdn" not in h.text
    md = client.get("/api/brief", params={**params, "format": "md"})
    assert md.headers["content-type"].startswith("text/markdown") and "depends on Russia" in md.text
    assert "format" in _is_error(client.get("/api/brief", params={**params, "format": "pdf"}), 400)
    assert "XXX" in _is_error(client.get("/api/brief", params={"country": "XXX"}), 404)


def test_store_held_by_a_foreign_process_gives_503_then_recovers(tmp_path: Path) -> None:
    """A DuckDB process outside multivector's turn-taking (the duckdb CLI) holds the file: requests wait
    their ``wait`` out, then get a 503 that names no path or PID; afterwards they work."""
    import subprocess
    import sys

    path = tmp_path / "locked.duckdb"
    build_store(path)
    app = TestClient(create_app(path, wait=1.0))
    writer = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "sys.stdin.readline()", str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        msg = _is_error(app.get("/api/health"), 503)
        assert "busy" in msg and str(tmp_path) not in msg and "PID" not in msg
    finally:
        writer.communicate("\n", timeout=20)
    assert app.get("/api/health").json()["events"] == len(plan_facts())
