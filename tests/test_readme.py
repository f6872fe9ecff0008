"""The README, true on a fresh machine: a fresh clone, its two setup commands, then every example of
"Try it" from another folder and the Python examples as doctests.

Offline by construction (tests use no network beyond 127.0.0.1): the clone's .venv is created empty and sees
the packages of the interpreter running the tests through a .pth file; the README's setup then runs for real
(`scripts/setup.sh`: pip, the editable install, the stamp) with PIP_NO_INDEX=1, so pip installs multivector
itself and finds every dependency already there. `scripts/test.sh` is run only up to its setup (the suite
would run itself). The clone is of the committed HEAD.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import venv
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.slow


def block(name: str) -> str:
    """The fenced block after the marker `<!-- readme-test: NAME -->`."""
    m = re.search(rf"<!-- readme-test: {name} -->\s*```\w*\n(.*?)```", README, re.S)
    assert m, f"README has no block marked {name}"
    return m.group(1)


def commands(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs git and a git checkout")
    dest = tmp_path_factory.mktemp("fresh") / "multivector"
    subprocess.run(["git", "clone", "-q", str(REPO), str(dest)], check=True, timeout=120)
    venv.EnvBuilder(with_pip=False).create(dest / ".venv")
    site = subprocess.run([str(dest / ".venv/bin/python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    # The dependencies (and pip, setuptools) of the running interpreter, as if pip had installed them.
    Path(site, "_test_readme_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return dest


def env_for(clone: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MULTIVECTOR_STORE", "MULTIVECTOR_LEXICON",
                                                            "VIRTUAL_ENV")}
    env.update({"PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                "COLUMNS": "80", "PATH": f"{clone / '.venv/bin'}:{env.get('PATH', '')}"})
    return env


def run(cmd: str, cwd: Path, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess[str]:
    res = subprocess.run(["bash", "-c", f"set -euo pipefail; {cmd}"], cwd=cwd, env=env, capture_output=True,
                         text=True, timeout=timeout)
    assert res.returncode == 0, f"{cmd!r} failed in {cwd}:\n{res.stdout[-2000:]}\n{res.stderr[-3000:]}"
    assert "Traceback" not in res.stdout + res.stderr, cmd
    return res


def test_setup_demo_and_every_example_from_another_folder(clone: Path, tmp_path: Path) -> None:
    env = env_for(clone)
    setup = commands(block("setup"))
    assert [c.split("#")[0].strip() for c in setup] == ["bash scripts/demo.sh", "bash scripts/test.sh"]
    # First README command, run from another folder: setup (pip, quiet on stdout), then the demo, store here.
    work = tmp_path / "work"
    work.mkdir()
    res = run(f"bash {clone}/scripts/demo.sh --no-progress", work, env)
    assert res.stdout.startswith("multivector demo"), res.stdout[:500]  # nothing of pip's before it
    assert "warning" not in res.stdout.lower()
    assert (work / "multivector.duckdb").is_file() and not (clone / "multivector.duckdb").exists()
    log = clone / ".venv/setup.log"
    assert log.is_file() and (clone / ".venv/.multivector-installed").read_text().strip().endswith("-main")
    # The second command's setup shares the stamp: dev adds its tools once, then neither script reinstalls.
    assert run("bash scripts/setup.sh dev", clone, env).stdout == ""
    stamp = (clone / ".venv/.multivector-installed").read_text()
    assert stamp.strip().endswith("-dev")
    installed = log.stat().st_mtime_ns
    run("bash scripts/setup.sh main && bash scripts/setup.sh dev && bash scripts/setup.sh main", clone, env)
    assert log.stat().st_mtime_ns == installed  # pip did not run again
    assert (clone / ".venv/.multivector-installed").read_text() == stamp

    # "Try it", line by line, in the demo's folder (not the repository).
    for cmd in commands(block("anywhere")):
        if cmd.startswith("multivector serve"):
            _serve(cmd, work, env)
            continue
        run(cmd, work, env)
    assert (work / "brief.html").read_text().startswith("<!DOCTYPE html>")
    assert (work / "kaz-events.csv").read_text().startswith("id,date,source")
    assert (work / "events.tsv").stat().st_size > 0


def _serve(cmd: str, cwd: Path, env: dict[str, str]) -> None:
    proc = subprocess.Popen(["bash", "-c", f"exec {cmd}"], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "http://127.0.0.1:8765/" in line, line
        while time.monotonic() < deadline:
            try:
                r = httpx.get("http://127.0.0.1:8765/api/health", timeout=5)
                assert r.status_code == 200 and r.json()["articles"] > 0
                break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise AssertionError("serve did not answer")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)


def test_python_examples_run_as_doctests(clone: Path, tmp_path: Path) -> None:
    env = env_for(clone)
    if not (clone / ".venv/bin/multivector").exists():  # the first test installs it; alone, install here
        run("bash scripts/setup.sh main", clone, env)
    (tmp_path / "readme.txt").write_text(block("python"), encoding="utf-8")
    script = ("import doctest, sys; r = doctest.testfile('readme.txt', module_relative=False, "
              "optionflags=doctest.ELLIPSIS); sys.exit(1 if r.failed else 0)")
    res = subprocess.run([str(clone / ".venv/bin/python"), "-c", script], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=900)
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-2000:]
    assert (tmp_path / "kaz.duckdb").is_file()


def test_doctest_block_parses() -> None:
    examples = doctest.DocTestParser().get_examples(block("python"))
    assert len(examples) >= 8 and any("from multivector import" in e.source for e in examples)
    assert sys.version_info >= (3, 11)
