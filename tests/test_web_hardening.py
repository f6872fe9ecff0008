"""Server hardening: a probe of every endpoint with hostile parameters, headers, Host check, links.

The store is the planted corpus of test_web_api plus hostile records loaded as data from elsewhere
could hold them: articles dated year 1 and 9999, `javascript:` and `data:` URLs, escape codes.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_web_api import build_store

from multivector.store import Store
from multivector.web import create_app
from multivector.web.app import warm

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from webprobe import HOSTILE_URLS, hostile_articles, probe_requests  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hard") / "hard.duckdb"
    build_store(path)
    with Store(path) as s:
        s.write(hostile_articles())
    return path


@pytest.fixture(scope="module")
def client(store: Path) -> TestClient:
    app = create_app(store, hosts=["127.0.0.1", "localhost"])
    warm(app)  # as `serve` does before it listens
    return TestClient(app, base_url="http://127.0.0.1:8765", raise_server_exceptions=False)


def test_probe_every_endpoint_no_500_json_errors_fast_no_paths(client: TestClient, store: Path) -> None:
    reqs = probe_requests()
    assert len(reqs) > 300
    statuses = []
    for path, params in reqs:
        t0 = time.perf_counter()
        r = client.get(path, params=params)
        took = time.perf_counter() - t0
        statuses.append(r.status_code)
        assert r.status_code != 500, (path, params, r.text[:300])
        # a hang guard, not a speed figure (bench/bench_load.py measures the probe's latencies); the first
        # question loads the embedding model
        assert took < 120, (path, params, took)
        if r.status_code >= 400:
            body = r.json()
            assert set(body) == {"error"} and body["error"] and "\n" not in body["error"], (path, params, body)
        text = r.text
        assert str(store.parent) not in text and "PID" not in text, (path, params, text[:300])
    assert statuses.count(200) > 50 and any(400 <= s < 500 for s in statuses)


def test_security_headers_and_csp(client: TestClient) -> None:
    for path in ("/", "/api/health", "/static/app.js", "/api/nope", "/api/events?limit=abc"):
        r = client.get(path)
        assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    brief = client.get("/api/brief", params={"country": "KAZ", "format": "html"})
    assert brief.status_code == 200 and "script-src" not in brief.headers["content-security-policy"]
    assert "default-src 'none'" in brief.headers["content-security-policy"]


def test_host_header_checked(store: Path) -> None:
    app = create_app(store, hosts=["127.0.0.1", "localhost", "::1"])
    ok = TestClient(app, base_url="http://127.0.0.1:8765")
    assert ok.get("/api/health").status_code == 200
    assert TestClient(app, base_url="http://localhost:8765").get("/api/health").status_code == 200
    for host in ("evil.example", "127.0.0.1.evil.example", "attacker.com:8765", ""):
        r = ok.get("/api/health", headers={"host": host})
        assert r.status_code == 400 and "Host header" in r.json()["error"], host
        assert r.headers["x-frame-options"] == "DENY"
    anyhost = TestClient(create_app(store, hosts=["*"]), base_url="http://whatever.example")
    assert anyhost.get("/api/health").status_code == 200


def test_health_names_the_store_without_its_path(client: TestClient, store: Path) -> None:
    h = client.get("/api/health").json()
    assert h["store"] == store.name


def test_dates_far_out_are_clamped_not_crashed(client: TestClient) -> None:
    """Articles dated year 1 and 9999 (loaded from elsewhere) neither crash nor stretch the periods."""
    bal = client.get("/api/balance", params={"country": "KAZ"}).json()
    assert bal["periods"][0] >= "1900" and bal["periods"][-1] <= f"{dt.date.today().year + 1}"
    assert len(bal["periods"]) < 60
    wide = client.get("/api/balance", params={"country": "KAZ", "since": "0001-01-01", "until": "9999-12-31"}).json()
    assert len(wide["periods"]) < 60
    assert client.get("/api/dyad", params={"a": "KAZ", "b": "RUS", "since": "9999-01-01"}).status_code == 200
    r = client.get("/api/balance", params={"country": "KAZ", "since": "2024-05-01", "until": "2024-01-01"})
    assert r.status_code == 400 and "swap" in r.json()["error"]


def _events_with_urls(client: TestClient) -> list[dict[str, Any]]:
    evs = client.get("/api/events", params={"country": "KAZ", "since": "2024-06-20", "until": "2024-06-30"}).json()
    return [e for e in evs["events"] if e["evidence"]["article_url"] in HOSTILE_URLS]


def test_hostile_urls_are_returned_as_data(client: TestClient) -> None:
    assert len(_events_with_urls(client)) == len(HOSTILE_URLS)
