"""The HTML briefing in headless Chromium: both offline charts render with the expected data marks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from chromium import browser  # noqa: F401 - pytest fixture
from test_analysis import make_store

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
