"""Shared fixtures: where ../shared lives, and a coder warmed once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """../shared beside the checkout (or $MULTIVECTOR_SHARED); None when absent."""
    env = os.environ.get("MULTIVECTOR_SHARED")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared", Path("/work/shared")]:
        if (cand / "gold").is_dir():
            return cand
    return None


@pytest.fixture(scope="session")
def shared() -> Path:
    d = shared_dir()
    if d is None:
        if os.environ.get("CI"):
            pytest.fail("../shared is missing beside the checkout; CI needs it for the accuracy gate")
        pytest.skip("../shared not present")
    return d


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo articles ingested once per session (tests that only read it share it)."""
    from multivector.demo import run_demo

    path = tmp_path_factory.mktemp("demo-store") / "demo.duckdb"
    run_demo(path, progress=False)
    return path
