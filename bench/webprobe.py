"""Hostile HTTP probes of every API endpoint, and hostile stored records, shared by the tests and bench/.

``probe_requests()`` lists (path, params): each endpoint with its good parameters, then each parameter
replaced by each value of ``BAD_VALUES`` (wrong types, huge numbers, years 1 and 9999, impossible
dates, SQL, path traversal, NUL, 3,000-character strings), the date extremes, brief formats, article
ids and static names. ``hostile_articles()`` are records data loaded from elsewhere could hold:
dates in year 1 and 9999, ``javascript:``/``data:`` URLs, escape codes and markup in titles.
"""

from __future__ import annotations

import datetime as dt

from multivector.records import Article, CodedArticle, Event, Mention, Sentence

HOSTILE_URLS = ("javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>",
                " JaVaScRiPt:alert(2)", "vbscript:msgbox(1)")
BAD_VALUES = ("", "abc", "-1", "0", "1e309", "9" * 40, "-" + "9" * 40, "0001-01-01", "9999-12-31", "99999-01-01",
              "2023-02-30", "' OR 1=1 --", "KAZ'; DROP TABLE events; --", "../../../etc/passwd", "..%2F..%2Fetc",
              "%00", "\x00", "é" * 3000, "KAZ,RUS,,,", ",,,", "*", "true", "null", "[1]", "{}")
# Each valid call of these runs permutation tests (~1 s): a third of the values is enough in CI.
HEAVY = ("/api/balance", "/api/brief")
ENDPOINTS: dict[str, dict[str, str]] = {
    "/api/health": {},
    "/api/events": {"country": "KAZ", "since": "2024-01-01", "until": "2024-12-31", "source": "KAZ", "target": "RUS",
                    "root": "05", "limit": "10", "offset": "0"},
    "/api/countries": {"partner_of": "KAZ"},
    "/api/actors": {"search": "kaz", "limit": "10"},
    "/api/poles": {},
    "/api/dyad": {"a": "KAZ", "b": "RUS", "freq": "month", "since": "2024-01-01", "until": "2024-12-31"},
    "/api/balance": {"country": "KAZ", "poles": "RUS,WST,CHN", "freq": "month", "since": "2024-01-01",
                     "until": "2024-12-31", "evidence": "false"},
    "/api/brief": {"country": "KAZ", "poles": "RUS,WST", "format": "json", "freq": "month", "since": "2024-01-01",
                   "until": "2024-12-31"},
    "/api/ask": {"q": "Why is Kazakhstan important to Russia?", "k": "3"},
}


def probe_requests(full: bool = False) -> list[tuple[str, dict[str, str]]]:
    """Every endpoint with each parameter replaced by each bad value, one at a time, and more (see module doc).

    ``full``: every value for every parameter (bench); else every other value, every third for the heavy
    endpoints, a few questions (CI).
    """
    reqs: list[tuple[str, dict[str, str]]] = []
    for path, good in ENDPOINTS.items():
        reqs.append((path, dict(good)))
        values = BAD_VALUES if full else BAD_VALUES[::3] if path in HEAVY else BAD_VALUES[::2]
        for name in good:
            for v in values:
                if path == "/api/ask" and name == "q" and not full and v not in ("", "' OR 1=1 --", "é" * 3000):
                    continue  # each question computes embeddings: a few hostile ones are enough in CI
                reqs.append((path, {**good, name: v}))
        if "since" in good:
            rest = {k: v for k, v in good.items() if k not in ("since", "until")}
            for extra in ({"since": "0001-01-01", "until": "9999-12-31"}, {"since": "0001-01-01"},
                          {"until": "9999-12-31"}, {"since": "9999-12-31"}, {"until": "0001-01-01"}):
                reqs.append((path, {**rest, **extra}))
    for fmt in ("html", "md", "text", "pdf"):
        reqs.append(("/api/brief", {"country": "KAZ", "format": fmt, "since": "0001-01-01"}))
    for aid in ("nope", "../../etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "' OR 1=1 --", "x" * 5000, "%00"):
        reqs.append((f"/api/articles/{aid}", {}))
    for name in ("app.js", "../app.py", "..%2Fapp.py", "style.css%00.js", "nope.js", "app.py"):
        reqs.append((f"/static/{name}", {}))
    return reqs


def hostile_article(date: dt.date, url: str, n: int) -> CodedArticle:
    """One article with a KAZ -> RUS event, a given date and URL, escape codes in its text and markup in its title."""
    text = f"Kazakhstan praised Russia on that day (item {n}) \x1b[31m."
    art = Article.make(text, date, title=f"hostile {n} <script>alert(1)</script>", url=url, source="elsewhere")
    sent = Sentence(art.id, 0, 0, len(text), text)
    ments = (Mention(0, 0, 10, "Kazakhstan", "KAZ", "GOV", "country", "lex"),
             Mention(0, 19, 25, "Russia", "RUS", "GOV", "country", "lex"))
    ev = Event(art.id, date, 0, 11, 18, "KAZ", "GOV", "RUS", "GOV", "051", "05", 1, 3.4, "AGREE", "",
               "verb.051.praise", source_text="Kazakhstan", target_text="Russia")
    return CodedArticle(art, (sent,), ments, (ev,), ())


def hostile_articles(near: dt.date = dt.date(2024, 6, 20)) -> list[CodedArticle]:
    """The hostile URLs (dated from ``near`` on) and the two date extremes."""
    out = [hostile_article(near + dt.timedelta(days=i), url, i) for i, url in enumerate(HOSTILE_URLS)]
    return out + [hostile_article(dt.date(1, 1, 1), "https://x/1", 10),
                  hostile_article(dt.date(9999, 12, 31), "https://x/2", 11)]
