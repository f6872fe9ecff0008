"""The HTML briefing in headless Chromium: both offline charts render with the expected data marks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from chromium import browser  # noqa: F401 - pytest fixture
from test_analysis import make_store

from multivector.analysis import balance
from multivector.explain import brief
from multivector.store import Store

pytestmark = pytest.mark.slow

D = dt.date
# Two months, three poles: per (pole, month) counts of cooperative and conflictual events with KAZ.
PLAN = {  # (pole member, month): (cooperative 042 count, conflictual 112 count)
    ("RUS", 1): (3, 1), ("USA", 1): (2, 0), ("CHN", 1): (0, 0),
    ("RUS", 2): (1, 0), ("USA", 2): (0, 2), ("CHN", 2): (4, 0),
}


def _store(tmp_path: Path) -> Path:
    specs = []
    for (who, month), (coop, conf) in PLAN.items():
        specs += [(who, "KAZ", "042", D(2024, month, 3 + i)) for i in range(coop)]
        specs += [(who, "KAZ", "112", D(2024, month, 20 + i)) for i in range(conf)]
    return make_store(tmp_path / "b.duckdb", specs)


def test_html_brief_charts_render_in_chromium(tmp_path: Path, browser) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    with Store(_store(tmp_path), read_only=True) as st:
        html = brief(st, "KAZ", "RUS,WST,CHN", fmt="html")
    page = tmp_path / "brief.html"
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri())
    share_marks = sum(1 for coop, conf in PLAN.values() if coop + conf)  # one segment per pole-month with events
    dyad_marks = sum((coop > 0) + (conf > 0) for coop, conf in PLAN.values())
    for chart_id, expected in (("chart-shares", share_marks), ("chart-dyads", dyad_marks)):
        svg = browser.find_element(By.ID, chart_id)
        assert svg.size["width"] > 100 and svg.size["height"] > 100, chart_id
        marks = svg.find_elements(By.CSS_SELECTOR, "rect.mark")
        assert len(marks) == expected, chart_id
        assert all(m.size["width"] > 0 and m.size["height"] > 0 for m in marks), chart_id
    # stacked shares of a month fill the same bar height (shares sum to 1)
    heights = browser.execute_script(
        "const h = {}; document.querySelectorAll('#chart-shares rect.mark').forEach(r => {"
        "const p = r.dataset.period; h[p] = (h[p] || 0) + r.getBoundingClientRect().height; }); return h;")
    assert len(heights) == 2 and abs(heights["2024-01"] - heights["2024-02"]) < 1.5


def test_brief_charts_are_readable(tmp_path: Path, browser) -> None:  # noqa: F811
    """30 months and four poles: labels of 12 px or more that never overlap, axis titles, a count on every bar,
    a legend whose swatches have the marks' fill colours, y ticks every 25%, months as YYYY-MM."""
    from chromium import TEXT_BOXES_JS, overlaps
    from selenium.webdriver.common.by import By

    specs = []
    for m in range(30):
        d = D(2022 + m // 12, m % 12 + 1, 10)
        specs += [("RUS", "KAZ", "042", d)] * (1 + m % 3) + [("USA", "KAZ", "112", d)] * (m % 2) + [("CHN", "KAZ", "057", d)]
        if m % 4 == 0:
            specs.append(("IRN", "KAZ", "036", d))
    path = make_store(tmp_path / "r.duckdb", specs)
    with Store(path, read_only=True) as st:
        html = brief(st, "KAZ", "RUS,WST,CHN,IRN", fmt="html")
        totals = [b.total for b in balance(st, "KAZ", "RUS,WST,CHN,IRN").balance]  # interactions per month
    page = tmp_path / "brief.html"
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri())
    for chart_id in ("chart-shares", "chart-dyads"):
        svg = browser.find_element(By.ID, chart_id)
        boxes = browser.execute_script(TEXT_BOXES_JS, svg)
        assert min(b["size"] for b in boxes) >= 12, chart_id
        assert not overlaps(boxes), (chart_id, overlaps(boxes)[:5])
        frame = svg.rect
        assert all(frame["x"] - 1 <= b["x"] and b["x"] + b["w"] <= frame["x"] + frame["width"] + 1 for b in boxes), chart_id
        ticks = [b["text"] for b in boxes if "tick x" in b["cls"]]
        assert len(ticks) >= 5 and all(len(t) == 7 and t[4] == "-" for t in ticks), ticks  # YYYY-MM, thinned
        assert any("axis-title" in b["cls"] and "month" in b["text"] for b in boxes), chart_id
        # legend by fill colour: each pole's swatch has the fill of that pole's marks, and is visible
        for item in svg.find_elements(By.CSS_SELECTOR, ".legend-item"):
            key = item.get_attribute("data-key")
            assert item.size["width"] > 0 and item.is_displayed()
            marks = svg.find_elements(By.CSS_SELECTOR, f'rect.mark[data-pole="{key}"]')
            if marks:
                swatch = item.find_element(By.CSS_SELECTOR, "rect").get_attribute("fill")
                assert {m.get_attribute("fill") for m in marks} == {swatch}, key
    shares = browser.find_element(By.ID, "chart-shares")
    ytick = [b["text"] for b in browser.execute_script(TEXT_BOXES_JS, shares) if "tick y" in b["cls"]]
    assert ytick == ["0%", "25%", "50%", "75%", "100%"]
    counts = [int(t.text) for t in shares.find_elements(By.CSS_SELECTOR, "text.count")]
    assert len(totals) == 30 and counts == totals  # the count on every bar: one interaction never looks like nineteen
    fills = {m.get_attribute("fill") for m in shares.find_elements(By.CSS_SELECTOR, "rect.mark")}
    assert len(fills) == 4 and not fills & {"#009E73", "#D55E00"}  # pole colours never the coop/conflict ones
