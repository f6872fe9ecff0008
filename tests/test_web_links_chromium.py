"""In real Chromium, under the server's CSP: stored `javascript:`/`data:` URLs never become links, http(s) ones do,
and the dashboard still draws (its styles go through the CSSOM, which the CSP allows)."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from chromium import browser  # noqa: F401 - the fixture
from test_web_api import build_store
from test_web_dashboard import _free_port, _loaded

from multivector.store import Store
from multivector.web import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from webprobe import HOSTILE_URLS, hostile_articles  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    path = tmp_path / "links.duckdb"
    build_store(path)
    hostile = hostile_articles()
    with Store(path) as s:
        s.write(hostile)
    port = _free_port()
    app = create_app(path, hosts=["127.0.0.1", "localhost"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}", {c.events[0].id: c.article.url for c in hostile if c.article.url in HOSTILE_URLS}
    server.should_exit = True
    thread.join(10)


def test_only_http_links_render_and_the_page_works_under_csp(served: tuple[str, dict[str, str]], browser: Any) -> None:  # noqa: F811
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    base, urls = served
    browser.get(base + "/?country=KAZ")
    _loaded(browser, "KAZ")
    swatch = browser.find_element(By.CSS_SELECTOR, ".swatch")
    assert swatch.value_of_css_property("background-color") not in ("", "rgba(0, 0, 0, 0)")  # inline colour applied
    opened = 0
    for row in browser.find_elements(By.CSS_SELECTOR, "#events tr.event"):
        if row.get_attribute("data-id") in urls:
            row.click()
            opened += 1
    assert opened == len(HOSTILE_URLS)  # the four hostile-URL events are on the first page (June 2024)
    time.sleep(0.5)
    hrefs = [a.get_attribute("href") or "" for a in browser.find_elements(By.CSS_SELECTOR, "a")]
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:", "vbscript:"))], hrefs
    shown = [s.text for s in browser.find_elements(By.CSS_SELECTOR, "#events span.url")]
    assert len(shown) == len(HOSTILE_URLS) and all(t.startswith("source: ") for t in shown)
    for span in browser.find_elements(By.CSS_SELECTOR, "#events span.url"):
        span.click()  # text, not a link: nothing runs
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    # an ordinary event's source is a real link
    first = browser.find_elements(By.CSS_SELECTOR, "#events tr.event")[-1]
    first.click()
    time.sleep(0.3)
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#events .meta a[target=_blank]")]
    assert links and all(h.startswith("https://") for h in links)
