"""The dashboard in real headless Chromium against a live uvicorn server on a loopback port."""

from __future__ import annotations

import importlib.util
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from test_web_api import PLAN, Fact, build_store, event_key, interactions

from multivector.web import create_app

pytestmark = pytest.mark.slow

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1800")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[Fact]]]:
    """A store with the planted corpus served by uvicorn in a background thread; yields (base url, facts)."""
    path = tmp_path_factory.mktemp("dash") / "store.duckdb"
    facts = build_store(path)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}", facts
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium via selenium with a fresh profile (skips when Chromium is not installed)."""
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip("Chromium missing: apt-get install -y chromium chromium-driver (CI installs it)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for f in FLAGS:
        opts.add_argument(f)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _wait(driver: Any, cond: Any, timeout: float = 20) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(cond)


def _css(driver: Any, sel: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, sel))


def _loaded(driver: Any, country: str) -> None:
    """Wait until the table, both charts, the share table and the shifts list show ``country`` (a country
    whose periods have too little evidence draws no share bars: its share table still names it)."""
    _wait(driver, lambda d: d.execute_script(
        "const t = document.getElementById('events');"
        "return t.dataset.country === arguments[0]"
        " && document.getElementById('shares-table').dataset.country === arguments[0]"
        " && document.querySelector('#chart-shares rect.mark, #chart-shares text.empty') !== null"
        " && document.querySelectorAll('#chart-dyad rect.mark').length > 0"
        " && document.getElementById('dyad-a').textContent === arguments[0]"
        " && document.querySelectorAll('#shifts li').length > 0;", country))


@pytest.fixture(scope="module")
def page(served: tuple[str, list[Fact]], browser: Any) -> tuple[Any, str, list[Fact]]:
    base, facts = served
    browser.get(base + "/?country=KAZ")
    _loaded(browser, "KAZ")
    return browser, base, facts


def test_share_chart_marks_match_api(page: tuple[Any, str, list[Fact]]) -> None:
    driver, base, _ = page
    api = httpx.get(base + "/api/balance", params={"country": "KAZ", "poles": "RUS,WST,CHN"}).json()
    marks = _css(driver, "#chart-shares rect.mark")
    got = {(m.get_attribute("data-pole"), m.get_attribute("data-period")): int(m.get_attribute("data-count"))
           for m in marks}
    assert got == {(r["pole"], r["period"]): r["n"] for r in api["rows"] if r["n"]}
    # Independent of the API: the planted interactions per month (RUS, WST, CHN).
    _, _, facts = page
    members = {"RUS": {"RUS"}, "WST": {"FRA", "USA"}, "CHN": {"CHN"}}
    for month in PLAN:
        for pole in ("RUS", "WST", "CHN"):
            assert got[(pole, f"2024-{month:02d}")] == interactions(facts, f"2024-{month:02d}", members[pole])
    # Stacked shares fill the plot: every month's bars have the same total height, each in proportion to its count.
    heights: dict[str, float] = {}
    for m in marks:
        assert m.size["width"] > 0 and m.size["height"] > 0
        heights[m.get_attribute("data-period")] = heights.get(m.get_attribute("data-period"), 0) + float(
            m.get_attribute("height"))
    assert max(heights.values()) - min(heights.values()) < 1.5
    rus_jan = next(m for m in marks if (m.get_attribute("data-pole"), m.get_attribute("data-period")) == ("RUS", "2024-01"))
    jan = {p: got[(p, "2024-01")] for p in ("RUS", "WST", "CHN")}
    assert float(rus_jan.get_attribute("height")) == pytest.approx(heights["2024-01"] * jan["RUS"] / sum(jan.values()),
                                                                   abs=0.6)
    assert "Share of KAZ" in driver.find_element("id", "chart-shares").text


def test_dyad_chart_and_shifts(page: tuple[Any, str, list[Fact]]) -> None:
    driver, base, facts = page
    partner = driver.execute_script("return document.getElementById('partner').value")
    assert partner == "RUS"  # the partner with most events with KAZ comes first
    coop: dict[str, int] = {}
    conflict: dict[str, int] = {}
    for f in {event_key(f): f for f in facts if {f.source, f.target} == {"KAZ", "RUS"}}.values():  # events
        bucket = coop if f.code in ("042", "057", "061") else conflict
        key = f"{f.date.year}-{f.date.month:02d}"
        bucket[key] = bucket.get(key, 0) + 1
    for kind, want in (("coop", coop), ("conflict", conflict)):
        got = {m.get_attribute("data-period"): int(m.get_attribute("data-count"))
               for m in _css(driver, f"#chart-dyad rect.mark.{kind}")}
        assert got == want
    shifts = [li.text for li in _css(driver, "#shifts li.shift")]
    api = httpx.get(base + "/api/balance", params={"country": "KAZ", "poles": "RUS,WST,CHN"}).json()["shifts"]
    assert len(shifts) == len(api) > 0
    assert any("Russia" in s and "2024-03 → 2024-04" in s and "▼" in s and "2024-04..2024-06" in s for s in shifts)


def test_share_intervals_match_the_html_brief(page: tuple[Any, str, list[Fact]], tmp_path: Path) -> None:
    """The dashboard's share table and the HTML brief show the same shares, 90% intervals and story counts."""
    from selenium.webdriver.common.by import By

    driver, base, _ = page
    cells = driver.execute_script(
        "return [...document.querySelectorAll('#shares-table tbody tr')].map(tr => [...tr.cells].map(c => c.textContent))")
    api = httpx.get(base + "/api/balance", params={"country": "KAZ", "poles": "RUS,WST,CHN"}, timeout=60).json()
    assert [c[0] for c in cells] == api["periods"] and all(len(c) == 4 + 3 + 2 for c in cells)
    for row_cells in cells:  # independent check of the text against the API numbers
        rus = next(r for r in api["rows"] if r["pole"] == "RUS" and r["period"] == row_cells[0])
        lo, hi = rus["share_low"] * 100, rus["share_high"] * 100
        assert abs(int(row_cells[4].split("%")[0]) - rus["share"] * 100) <= 0.5 and row_cells[4].endswith(f"n {rus['n']}")
        assert abs(int(row_cells[4].split("[")[1].split("–")[0]) - lo) <= 0.5
        assert abs(int(row_cells[4].split("–")[1].split("%")[0]) - hi) <= 0.5
    page_html = tmp_path / "brief.html"
    page_html.write_text(httpx.get(base + "/api/brief", params={"country": "KAZ", "poles": "RUS,WST,CHN",
                                                               "format": "html"}, timeout=60).text,
                         encoding="utf-8")
    dashboard = driver.current_window_handle
    driver.switch_to.new_window("tab")  # the dashboard tab keeps its state for the other tests
    try:
        driver.get(page_html.as_uri())
        brief_cells = driver.execute_script(
            "return [...document.querySelectorAll('#shares-table tr[data-period]')]"
            ".map(tr => [...tr.cells].map(c => c.textContent))")
        assert brief_cells == cells
        assert driver.find_element(By.ID, "about").text.startswith("Window: 2024-01-01 to 2024-06-")
    finally:
        driver.close()
        driver.switch_to.window(dashboard)


def test_expand_event_shows_highlighted_evidence(page: tuple[Any, str, list[Fact]]) -> None:
    driver, _, facts = page
    row = _css(driver, "#events tr.event")[0]
    row.click()
    detail = _wait(driver, lambda d: next((e for e in _css(d, "#events tr.evidence") if e.is_displayed()), None))
    sentence = detail.find_element("css selector", "p.sentence").text
    fact = next(f for f in facts if f.sentence == sentence)
    assert detail.find_element("css selector", "mark.hl-source").text == fact.source_text
    assert detail.find_element("css selector", "mark.hl-target").text == fact.target_text
    assert f"verb.{fact.code}" in detail.find_element("css selector", ".pattern").text
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", detail)
    driver.save_screenshot("/tmp/dashboard-evidence.png")


def test_article_link_opens_explain_view(page: tuple[Any, str, list[Fact]]) -> None:
    driver, base, _ = page
    link = _css(driver, "#events tr.event a[data-article]")[0]
    article_id = link.get_attribute("data-article")
    link.click()
    drawer = _wait(driver, lambda d: d.find_element("id", "article") if d.find_element("id", "article").is_displayed()
                   and d.find_elements("css selector", "#article-body ol li") else None)
    want = httpx.get(f"{base}/api/articles/{article_id}").json()
    items = drawer.find_elements("css selector", "#article-body ol > li")
    assert [i.find_element("css selector", "p.sentence").text for i in items] == [s["text"] for s in want["sentences"]]
    assert len(drawer.find_elements("css selector", "mark")) == len(want["mentions"])
    assert len(drawer.find_elements("css selector", ".ev")) == len(want["events"]) + len(want["ties"])
    driver.find_element("id", "article-close").click()
    _wait(driver, lambda d: not d.find_element("id", "article").is_displayed())


def test_select_other_country_updates_table(page: tuple[Any, str, list[Fact]]) -> None:
    from selenium.webdriver.support.ui import Select

    driver, _, facts = page
    Select(driver.find_element("id", "country")).select_by_value("CHN")
    _loaded(driver, "CHN")
    # China's only pole interaction is one Russia-China signing: too little evidence for a share, said so
    notes = [n.text for n in _css(driver, "#shares-table td.note")]
    assert notes == ["too little evidence: 1 story (3 needed)"]
    assert not _css(driver, "#chart-shares rect.mark")
    rows = _css(driver, "#events tr.event")
    chn = [f for f in facts if "CHN" in (f.source, f.target)]
    assert len(rows) == len(chn)
    for r in rows:
        cells = r.find_elements("css selector", "td")
        assert "CHN" in (cells[1].text, cells[3].text)
    driver.save_screenshot("/tmp/dashboard-chn.png")
    Select(driver.find_element("id", "country")).select_by_value("KAZ")
    _loaded(driver, "KAZ")


def test_load_more_pages_events(page: tuple[Any, str, list[Fact]]) -> None:
    driver, _, facts = page
    n_kaz = sum(1 for f in facts if "KAZ" in (f.source, f.target))
    first = len(_css(driver, "#events tr.event"))
    assert first < n_kaz  # a page, not everything
    driver.find_element("id", "more").click()
    _wait(driver, lambda d: len(_css(d, "#events tr.event")) == min(2 * first, n_kaz))
    ids = [r.get_attribute("data-id") for r in _css(driver, "#events tr.event")]
    assert len(set(ids)) == len(ids)
    assert f"of {n_kaz}" in driver.find_element("id", "events-hint").text


def test_ask_shows_citations(page: tuple[Any, str, list[Fact]]) -> None:
    if importlib.util.find_spec("multivector.explain.ask") is None:
        pytest.skip("multivector.explain.ask not written yet")
    driver, _, facts = page
    box = driver.find_element("id", "ask-input")
    box.clear()
    box.send_keys("Why does Kazakhstan matter to Russia?")
    driver.find_element("id", "ask-button").click()
    # The first question loads the embedding model (~5-10 s on two cores).
    _wait(driver, lambda d: d.find_element("id", "answer").get_attribute("data-done") == "1"
          or "error" in (d.find_element("id", "answer").get_attribute("class") or ""), timeout=90)
    assert "error" not in (driver.find_element("id", "answer").get_attribute("class") or "")
    cites = _css(driver, "#citations li q")
    assert cites, "no citations shown"
    stored = {f.sentence for f in facts}
    assert all(c.text in stored or "depends on" in c.text for c in cites)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot("/tmp/dashboard.png")


def test_screenshot(page: tuple[Any, str, list[Fact]]) -> None:
    driver, _, _ = page
    driver.execute_script("window.scrollTo(0, 0)")
    assert driver.save_screenshot("/tmp/dashboard.png")
    assert Path("/tmp/dashboard.png").stat().st_size > 10_000


def test_charts_are_readable_and_fit_their_cards(page: tuple[Any, str, list[Fact]]) -> None:
    """Text of 12 px or more that never overlaps, period labels as YYYY-MM, the dyad chart inside its card,
    pole colours from the one palette (never the cooperation/conflict colours)."""
    from chromium import TEXT_BOXES_JS, overlaps

    driver, base, _ = page
    for chart_id in ("chart-shares", "chart-dyad"):
        svg = driver.find_element("id", chart_id)
        boxes = driver.execute_script(TEXT_BOXES_JS, svg)
        assert boxes and min(b["size"] for b in boxes) >= 12, chart_id
        assert not overlaps(boxes), (chart_id, overlaps(boxes)[:5])
        ticks = [b["text"] for b in boxes if "tick x" in b["cls"]]
        assert ticks and all(len(t) == 7 and t[4] == "-" for t in ticks), ticks
        card = driver.execute_script("return arguments[0].closest('.card').getBoundingClientRect()", svg)
        assert svg.rect["x"] + svg.rect["width"] <= card["x"] + card["width"] + 0.5, chart_id
    poles = httpx.get(base + "/api/poles").json()["poles"]
    colours = {p["name"]: p["colour"] for p in poles}
    for m in _css(driver, "#chart-shares rect.mark"):
        assert m.get_attribute("fill") == colours[m.get_attribute("data-pole")]
    assert not set(colours.values()) & {"#009E73", "#D55E00"}


def test_the_view_lives_in_the_url(served: tuple[str, list[Fact]], browser: Any) -> None:
    from selenium.webdriver.support.ui import Select

    base, _ = served
    browser.get(base + "/?country=KAZ&poles=RUS,CHN&freq=quarter&partner=CHN")
    _loaded(browser, "KAZ")
    assert [c.get_attribute("value") for c in _css(browser, "#poles input:checked")] == ["RUS", "CHN"]
    assert browser.execute_script("return document.getElementById('freq').value") == "quarter"
    assert browser.execute_script("return document.getElementById('partner').value") == "CHN"
    assert {m.get_attribute("data-pole") for m in _css(browser, "#chart-shares rect.mark")} <= {"RUS", "CHN"}
    assert all("-Q" in m.get_attribute("data-period") for m in _css(browser, "#chart-shares rect.mark"))
    Select(browser.find_element("id", "freq")).select_by_value("month")
    _wait(browser, lambda d: "freq=month" in d.current_url)
    url = browser.current_url
    assert "country=KAZ" in url and "poles=RUS%2CCHN" in url and "partner=CHN" in url
    browser.get(url)  # the shared link opens the same view
    _loaded(browser, "KAZ")
    assert browser.execute_script("return document.getElementById('freq').value") == "month"
    browser.get(base + "/?country=KAZ")  # leave the module's page as the other tests expect it
    _loaded(browser, "KAZ")
