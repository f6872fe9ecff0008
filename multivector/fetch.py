"""News from the web: read RSS/Atom feeds and the pages they link to over HTTP, ingest what is new.

Politeness and thrift, per run:
* robots.txt of every host is read once and obeyed for feeds and pages (RFC 9309: a 4xx robots.txt
  allows everything, a 5xx disallows everything; a host that does not answer at all is reported as such);
* at most one request per ``interval`` seconds to a host (default 1 s), with timeouts (10 s to connect,
  20 s to read) and a size cap per response;
* feeds are fetched conditionally: the ETag and Last-Modified of the last answer are kept in the store
  (table ``feeds``) and sent back, so an unchanged feed costs a 304 and nothing else;
* a page whose URL is already stored is not fetched again.

Pages become articles through the same HTML reader as ``ingest`` (trafilatura), dated by the feed entry
when the page names no date; when a page yields no text, the entry's own text is used. The articles then
go through :func:`multivector.ingest.run.ingest_paths` (a JSONL spool in a temporary folder), so language
checks, duplicate stories, quarantine and crash safety are the ingest's own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import tempfile
import time
import urllib.robotparser
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from . import __version__
from .errors import UsageError
from .store import Store, default_store_path

USER_AGENT = f"multivector/{__version__} (news analysis; respects robots.txt)"
DEFAULT_INTERVAL = 1.0  # seconds between two requests to one host
MAX_BYTES = 5_000_000  # per response: a feed or an article page, never a dump
_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$", re.I)
_FEEDS_SQL = ("CREATE TABLE IF NOT EXISTS feeds (url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, "
              "checked_at TIMESTAMP, status INTEGER)")


@dataclasses.dataclass(frozen=True, slots=True)
class Skipped:
    """Something fetch did not ingest, and why."""

    url: str
    reason: str


@dataclasses.dataclass(frozen=True, slots=True)
class FetchReport:
    """One round of fetching: feeds read, pages fetched, articles ingested, what was skipped."""

    feeds: int
    feeds_not_modified: int
    entries: int
    pages_fetched: int
    articles_new: int
    events: int
    ties: int
    skipped: tuple[Skipped, ...]
    failed: int  # feeds or pages that could not be fetched (HTTP errors, timeouts)
    elapsed: float
    store: str


def parse_duration(text: str) -> float:
    """'15m', '1h', '90s', '1h30m' -> seconds (UsageError otherwise)."""
    m = _DURATION.match(text or "")
    if not m or not any(m.groups()):
        raise UsageError(f"--every {text!r} is not a duration; write e.g. 15m, 1h or 90s")
    h, mi, s = (int(g or 0) for g in m.groups())
    seconds = h * 3600 + mi * 60 + s
    if seconds < 60:
        raise UsageError(f"--every {text!r} is shorter than a minute; feeds are polite at 15m or more")
    return float(seconds)


def check_urls(urls: Sequence[str]) -> list[str]:
    """http(s) URLs with a host, or a UsageError naming the first bad one."""
    if not urls:
        raise UsageError("no feed given; pass one or more feed URLs (RSS or Atom)")
    out = []
    for u in urls:
        parts = urlsplit(u.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"{u!r} is not an http(s) URL; pass a feed address such as https://example.org/rss.xml")
        out.append(u.strip())
    return out


class Client:
    """An HTTP client that waits its turn per host, reads robots.txt once per host and caps sizes."""

    def __init__(self, *, interval: float = DEFAULT_INTERVAL, timeout: float = 20.0, max_bytes: int = MAX_BYTES,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        import httpx

        self.interval, self.max_bytes, self.sleep = interval, max_bytes, sleep
        self.http = httpx.Client(headers={"User-Agent": USER_AGENT}, follow_redirects=True, max_redirects=5,
                                 timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)))
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | bool] = {}

    def close(self) -> None:
        self.http.close()

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = last + self.interval - time.monotonic()
            if pause > 0:
                self.sleep(pause)
        self._last[host] = time.monotonic()

    def get(self, url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """(status, headers, body) of a GET, at most ``max_bytes`` read; raises OSError-like httpx errors."""
        host = urlsplit(url).netloc
        self._wait(host)
        with self.http.stream("GET", url, headers=headers or {}) as r:
            body = bytearray()
            for chunk in r.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise _TooBig(f"larger than {self.max_bytes:,} bytes")
            return r.status_code, {k.lower(): v for k, v in r.headers.items()}, bytes(body)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets us fetch it (read once per host, RFC 9309)."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(key)
        if rules is None:
            try:
                status, _h, body = self.get(urljoin(key, "/robots.txt"))
            except Exception as exc:  # noqa: BLE001 - the host cannot be reached: neither can the feed
                raise Unreachable(_why(exc)) from exc
            else:
                if 400 <= status < 500:
                    rules = True
                elif status >= 500:
                    rules = False
                else:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.parse(body.decode("utf-8", "replace").splitlines())
                    rules = parser
            self._robots[key] = rules
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(USER_AGENT, url)


class _TooBig(Exception):
    pass


class Unreachable(Exception):
    """The host did not answer (connection refused, timed out, name unknown)."""


def _why(exc: Exception) -> str:
    if isinstance(exc, _TooBig):
        return str(exc)
    name = type(exc).__name__
    return "timed out" if "Timeout" in name else f"{name}: {str(exc)[:120] or 'connection failed'}"


def _feed_state(store_path: Path) -> dict[str, tuple[str | None, str | None]]:
    if not store_path.exists():
        return {}
    with Store(store_path) as st:
        st.con.execute(_FEEDS_SQL)
        return {r[0]: (r[1], r[2]) for r in st.con.execute("SELECT url, etag, last_modified FROM feeds").fetchall()}


def _known_urls(store_path: Path, urls: list[str]) -> set[str]:
    if not store_path.exists() or not urls:
        return set()
    with Store(store_path, read_only=True) as st:
        return {r[0] for r in st.con.execute("SELECT url FROM articles WHERE list_contains(?, url)", [urls]).fetchall()}


def _save_state(store_path: Path, rows: list[tuple[str, str | None, str | None, int]]) -> None:
    if not rows:
        return
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with Store(store_path) as st:
        st.con.execute(_FEEDS_SQL)
        st.con.executemany("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?, ?)",
                           [[u, e, lm, now, s] for u, e, lm, s in rows])


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if isinstance(st, time.struct_time):
            return dt.date(st.tm_year, st.tm_mon, st.tm_mday)
    return None


def _entry_text(entry: Any) -> str:
    from .ingest.common import strip_html

    blocks = [c.get("value", "") for c in entry.get("content", []) or []]
    blocks.append(entry.get("summary", "") or "")
    return strip_html(max(blocks, key=len))


def fetch(urls: Sequence[str], store_path: str | Path | None = None, *, interval: float = DEFAULT_INTERVAL,
          timeout: float = 20.0, max_bytes: int = MAX_BYTES, pages: bool = True,
          client: Client | None = None) -> FetchReport:
    """Fetch feeds and their new pages, ingest the articles; see the module docstring."""
    import feedparser

    from .ingest.html import article_from_html
    from .ingest.run import ingest_paths
    from .records import Article, BadRecord

    t0 = time.perf_counter()
    feeds = check_urls(urls)
    path = Path(store_path) if store_path is not None else default_store_path()
    if not path.parent.is_dir():
        raise UsageError(f"folder {path.parent} does not exist; create it first or pass another --store")
    http = client or Client(interval=interval, timeout=timeout, max_bytes=max_bytes)
    skipped: list[Skipped] = []
    state = _feed_state(path)
    new_state: list[tuple[str, str | None, str | None, int]] = []
    articles: list[dict[str, Any]] = []
    n_entries = n_pages = not_modified = failed = 0
    today = dt.date.today()
    try:
        for feed_url in feeds:
            try:
                allowed = http.allowed(feed_url)
            except Unreachable as exc:
                failed += 1
                skipped.append(Skipped(feed_url, f"feed not fetched: host unreachable ({exc})"))
                continue
            if not allowed:
                skipped.append(Skipped(feed_url, "robots.txt disallows this feed"))
                continue
            etag, modified = state.get(feed_url, (None, None))
            headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", modified)) if v}
            try:
                status, h, body = http.get(feed_url, headers)
            except Exception as exc:  # noqa: BLE001 - one failed feed must not stop the others
                failed += 1
                skipped.append(Skipped(feed_url, f"feed not fetched ({_why(exc)})"))
                continue
            if status == 304:
                not_modified += 1
                skipped.append(Skipped(feed_url, "feed not modified since the last fetch"))
                continue
            if status != 200:
                failed += 1
                skipped.append(Skipped(feed_url, f"feed not fetched (HTTP {status})"))
                continue
            parsed = feedparser.parse(body)
            if not parsed.entries:
                failed += 1
                skipped.append(Skipped(feed_url, "not an RSS or Atom feed with entries"))
                continue
            new_state.append((feed_url, h.get("etag"), h.get("last-modified"), status))
            entries = [(e, urljoin(feed_url, e.get("link", "") or "")) for e in parsed.entries]
            n_entries += len(entries)
            known = _known_urls(path, [u for _e, u in entries if u])
            for entry, link in entries:
                title = (entry.get("title") or "").strip()
                date = _entry_date(entry)
                if link in known:
                    skipped.append(Skipped(link, "already in the store"))
                    continue
                art: Article | BadRecord | None = None
                if pages and link.startswith(("http://", "https://")):
                    page_ok: bool | None
                    try:
                        page_ok = http.allowed(link)
                    except Unreachable as exc:
                        failed += 1
                        skipped.append(Skipped(link, f"page not fetched: host unreachable ({exc}); the feed's text "
                                                     "is used"))
                        page_ok = None
                    if page_ok is None:
                        pass
                    elif not page_ok:
                        skipped.append(Skipped(link, "robots.txt disallows this page; the feed's text is used"))
                    else:
                        try:
                            pstatus, _ph, page = http.get(link)
                        except Exception as exc:  # noqa: BLE001
                            failed += 1
                            skipped.append(Skipped(link, f"page not fetched ({_why(exc)}); the feed's text is used"))
                        else:
                            n_pages += 1
                            if pstatus == 200:
                                art = article_from_html(page, link, default_date=date or today, url=link)
                            else:
                                failed += 1
                                skipped.append(Skipped(link, f"page not fetched (HTTP {pstatus}); the feed's text "
                                                             "is used"))
                text = art.text if isinstance(art, Article) else _entry_text(entry)
                if not text.strip():
                    skipped.append(Skipped(link or feed_url, "no article text in the page or the feed entry"))
                    continue
                articles.append({"date": ((art.date if isinstance(art, Article) else None) or date or today)
                                 .isoformat(), "title": title or (art.title if isinstance(art, Article) else ""),
                                 "text": text, "url": link, "source": link or feed_url})
    finally:
        if client is None:
            http.close()
    events = ties = new = 0
    if articles:
        with tempfile.TemporaryDirectory(prefix="multivector-fetch-") as tmp:
            spool = Path(tmp) / "fetched.jsonl"
            spool.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
            rep = ingest_paths([spool], path, progress=False)
            new, events, ties = rep.articles_new, rep.events, rep.ties
            skipped += [Skipped(b.source, b.reason) for b in rep.quarantined]
    _save_state(path, new_state)
    return FetchReport(len(feeds), not_modified, n_entries, n_pages, new, events, ties, tuple(skipped), failed,
                       time.perf_counter() - t0, str(path))
