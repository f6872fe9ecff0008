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
