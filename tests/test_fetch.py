"""`multivector fetch` against a local HTTP server on 127.0.0.1 (no other network): feeds and pages ingested,
robots.txt obeyed, conditional GET, known pages not fetched again, a polite pace per host, what was skipped."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multivector.cli import app
from multivector.fetch import Client, fetch, parse_duration
from multivector.queries import list_events
from multivector.store import Store

runner = CliRunner()

PAGES = {
    "/news/1.html": ("Tokayev hosts Xi", "2024-07-05",
                     "Kazakh President Kassym-Jomart Tokayev received Chinese President Xi Jinping in Astana on "
                     "Tuesday. The two leaders signed an agreement on a new railway line across the border. "
                     "Officials said the talks covered trade, energy and transport for the coming decade."),
    "/news/2.html": ("Lavrov in Astana", "2024-07-09",
                     "Russian Foreign Minister Sergei Lavrov arrived in Astana on Monday for talks with his Kazakh "
                     "counterpart. The ministers discussed gas supplies and the Caspian pipeline consortium at length."),
    "/private/3.html": ("Closed", "2024-07-10", "Kazakhstan criticised Russia over the pipeline closure in July."),
}
ETAG = '"feed-v1"'


def _rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><pubDate>{formatdate(0)}</pubDate>"
        f"<description>{text}</description></item>"
        for path, (title, _date, text) in PAGES.items())
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>{items}</channel></rss>'.encode()


def _html(title: str, date: str, text: str) -> bytes:
    return (f'<html><head><title>{title}</title><meta property="article:published_time" content="{date}"></head>'
            f"<body><article><h1>{title}</h1><p>{text}</p></article></body></html>").encode()


class Site:
    """A tiny news site: records every request (path, If-None-Match, time)."""

    def __init__(self) -> None:
        self.log: list[tuple[str, str | None, float]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.log.append((self.path, self.headers.get("If-None-Match"), time.monotonic()))
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                if self.path == "/robots.txt":
                    return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                if self.path == "/feed.xml":
                    if self.headers.get("If-None-Match") == ETAG:
                        return self._send(304, b"", "application/rss+xml")
                    return self._send(200, _rss(base), "application/rss+xml", {"ETag": ETAG})
                if self.path in PAGES:
                    return self._send(200, _html(*PAGES[self.path]), "text/html")
                return self._send(404, b"not found", "text/plain")

            def _send(self, status: int, body: bytes, kind: str, extra: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def paths(self) -> list[str]:
        return [p for p, _e, _t in self.log]


@pytest.fixture()
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.server.shutdown()


def test_fetch_ingests_new_pages_obeys_robots_and_asks_only_for_changes(site: Site, tmp_path: Path) -> None:
    store = tmp_path / "news.duckdb"
    rep = fetch([site.base + "/feed.xml"], store, interval=0.0)
    assert rep.feeds == 1 and rep.entries == 3 and rep.pages_fetched == 2 and rep.failed == 0
    assert rep.articles_new == 3  # two pages, plus the feed's own text for the page robots.txt disallows
    assert "/private/3.html" not in site.paths()  # never requested
    reasons = {s.url.removeprefix(site.base): s.reason for s in rep.skipped}
    assert "robots.txt disallows" in reasons["/private/3.html"]
    with Store(store, read_only=True) as st:
        rows = st.query("SELECT url, title, date FROM articles ORDER BY url")
    assert [r["url"].removeprefix(site.base) for r in rows] == sorted(PAGES)
    assert {str(r["date"]) for r in rows if "/news/" in r["url"]} == {"2024-07-05", "2024-07-09"}  # the pages' dates
    assert {(e["source"], e["target"]) for e in list_events(store)} >= {("KAZ", "CHN")}

    site.log.clear()
    again = fetch([site.base + "/feed.xml"], store, interval=0.0)
    assert again.feeds_not_modified == 1 and again.articles_new == 0 and again.pages_fetched == 0
    feed_requests = [etag for p, etag, _t in site.log if p == "/feed.xml"]
    assert feed_requests == [ETAG]  # the conditional GET sent the stored ETag and got a 304


def test_known_pages_are_not_fetched_again_and_hosts_get_a_polite_pace(site: Site, tmp_path: Path) -> None:
    store = tmp_path / "news.duckdb"
    fetch([site.base + "/feed.xml"], store, interval=0.0)
    with Store(store) as st:
        st.con.execute("DELETE FROM feeds")  # forget the ETag: the feed comes back whole, its pages are known
    site.log.clear()
    rep = fetch([site.base + "/feed.xml"], store, interval=0.3)
    assert rep.pages_fetched == 0 and rep.articles_new == 0
    assert sum("already in the store" in s.reason for s in rep.skipped) == 3
    times = [t for _p, _e, t in site.log]
    assert len(times) == 2 and times[1] - times[0] >= 0.28  # robots.txt, then the feed, 0.3 s apart


def test_failures_are_reported_and_exit_1(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/feed.xml"
    res = runner.invoke(app, ["fetch", dead, "--store", str(tmp_path / "s.duckdb"), "--format", "json"])
    assert res.exit_code == 1, res.output
    rep = json.loads(res.stdout)
    assert rep["failed"] == 1 and "host unreachable" in rep["skipped"][0]["reason"]


def test_usage_errors() -> None:
    for argv, word in ((["fetch", "ftp://example.org/feed"], "http(s) URL"), (["fetch", "not a url"], "http(s) URL"),
                       (["fetch", "http://127.0.0.1:9/feed", "--every", "soon"], "duration"),
                       (["fetch", "http://127.0.0.1:9/feed", "--every", "10s"], "minute"),
                       (["fetch", "http://127.0.0.1:9/f", "--store", "/nonexistent-mv/s.duckdb"], "does not exist")):
        res = runner.invoke(app, argv)
        assert res.exit_code == 2 and word in res.stderr and len(res.stderr.strip().splitlines()) == 1, (argv, res.output)
    assert parse_duration("1h30m") == 5400 and parse_duration("15m") == 900


def test_client_caps_response_size(site: Site) -> None:
    client = Client(interval=0.0, max_bytes=100)
    try:
        with pytest.raises(Exception, match="larger than 100 bytes"):
            client.get(site.base + "/feed.xml")
    finally:
        client.close()
