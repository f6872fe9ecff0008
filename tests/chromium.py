"""Shared headless-Chromium helper for browser tests (import the fixture: `from chromium import browser`).

Uses Debian's chromium + chromedriver; tests skip cleanly when they are not installed
(`apt-get install -y chromium chromium-driver`).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,2000")


def available() -> bool:
    """True when chromium, chromedriver and selenium are all installed."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


def make_driver(profile_dir: Path):  # type: ignore[no-untyped-def]
    """A headless Chrome WebDriver with a fresh profile in ``profile_dir``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = str(CHROMIUM)
    for f in FLAGS:
        opts.add_argument(f)
    opts.add_argument(f"--user-data-dir={profile_dir}")
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[object]:
    """A headless Chromium WebDriver, quit after the test; skips when Chromium is missing."""
    if not available():
        pytest.skip("chromium/chromedriver not installed (apt-get install -y chromium chromium-driver)")
    profile = tmp_path / "chrome-profile"
    profile.mkdir()
    driver = make_driver(profile)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


# Readability checks shared by the brief and dashboard tests: run in the page, on one <svg>.
TEXT_BOXES_JS = """
const svg = arguments[0];
return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() && t.getBBox().width > 0).map(t => {
  const r = t.getBoundingClientRect();
  return {text: t.textContent, cls: t.getAttribute('class') || '', size: parseFloat(getComputedStyle(t).fontSize),
          x: r.left, y: r.top, w: r.width, h: r.height};
});
"""


def overlaps(boxes: list[dict]) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    """Pairs of text boxes that overlap by more than a pixel each way (labels drawn over each other)."""
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > 1 and dy > 1:
                out.append((a["text"], b["text"]))
    return out
