"""User lexicons end to end: a file adds an actor, a trigger and a pole "GULF"; `recode` picks them up;
`brief` and the dashboard (real Chromium) show the pole. Plus the checks at the trust boundary."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import browser  # noqa: F401 - pytest fixture
from typer.testing import CliRunner

from multivector import user_lexicon
from multivector.cli import app
from multivector.errors import LexiconError
from multivector.ingest.run import ingest_paths
from multivector.queries import list_events
from multivector.recode import recode
from multivector.store import Store

runner = CliRunner()

ARTICLES = {
    # Amina Sultanova is nobody to the shipped lexicon: the user file makes her Kazakhstan's foreign minister.
    "a1.txt": "date 2024-03-04\nAmina Sultanova met Faisal bin Farhan in Riyadh on Monday. "
              "The two ministers discussed oil and transport.\n",
    # "woo" is no shipped trigger: the user file codes it.
    "a2.txt": "date 2024-03-12\nKassym-Jomart Tokayev wooed Emir Tamim bin Hamad Al Thani in Astana on Tuesday. "
              "Qatar agreed to invest in Kazakh solar farms.\n",
    "a3.txt": "date 2024-03-20\nRussian President Vladimir Putin met Tokayev in Moscow on Wednesday. "
              "The European Union praised Kazakhstan for its reforms.\n",
}
LEXICON = """\
# A user lexicon: one new actor, one new trigger, one new pole.
version: 1
leaders:
  - name: Amina Sultanova
    aliases: [Sultanova]
    country: KAZ
    terms:
      - {title: Foreign Minister, start: 2024-01-01, end: null}
verbs:
  - {id: user-woo, lemmas: [woo], code: "050", target: [dobj]}
poles:
  GULF:
    label: the Gulf monarchies
    members: [SAU, ARE, QAT, KWT, BHR, OMN]
    names: [the Gulf, Gulf states]
"""


@pytest.fixture()
def no_user_lexicon(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No user lexicon in force before or after the test (the environment and caches are process-wide)."""
    monkeypatch.delenv(user_lexicon.ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    user_lexicon.clear_caches()
    yield
    os.environ.pop(user_lexicon.ENV, None)
    user_lexicon.clear_caches()


@pytest.fixture(scope="module")
def base_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three articles ingested with the shipped lexicons only."""
    d = tmp_path_factory.mktemp("userlex")
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    os.environ.pop(user_lexicon.ENV, None)
    user_lexicon.clear_caches()
    ingest_paths([d], d / "base.duckdb", progress=False)
    return d / "base.duckdb"


def _store(base: Path, tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    path.write_bytes(base.read_bytes())
    return path


def _dyads(path: Path) -> set[tuple[str, str, str]]:
    return {(e["source"], e["target"], e["code"]) for e in list_events(path)}


def test_recode_picks_up_a_new_actor_and_trigger(base_store: Path, tmp_path: Path, no_user_lexicon: None) -> None:
    store = _store(base_store, tmp_path)
    before = _dyads(store)
    assert not any("SAU" in (s, t) for s, t, _ in before)  # Sultanova is unknown to the shipped lexicon
    assert ("KAZ", "QAT", "050") not in before  # "wooed" codes nothing without the user trigger
    lex = tmp_path / "gulf.yaml"
    lex.write_text(LEXICON, encoding="utf-8")
    res = runner.invoke(app, ["--lexicon", str(lex), "recode", "--store", str(store), "--format", "json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["recoded"] == 3 and rep["events_added"] >= 2 and rep["changed_articles"] == 2
    after = _dyads(store)
    assert ("KAZ", "SAU", "040") in after and ("KAZ", "QAT", "050") in after
    assert before <= after  # nothing the shipped lexicon found was lost
    again = recode(store)  # the lexicon is still in force (--lexicon sets it for the process)
    assert again.recoded == 0 and again.up_to_date == 3
    # Without the file the fingerprint differs again: recode returns to the shipped coding.
    os.environ.pop(user_lexicon.ENV)
    user_lexicon.clear_caches()
    back = recode(store)
    assert back.recoded == 3 and _dyads(store) == before


def test_pole_from_the_file_in_balance_and_brief(base_store: Path, tmp_path: Path, no_user_lexicon: None) -> None:
    store = _store(base_store, tmp_path)
    lex = tmp_path / "gulf.yaml"
    lex.write_text(LEXICON, encoding="utf-8")
    (tmp_path / "multivector.toml").write_text('lexicon = ["gulf.yaml"]\n')  # config in the current folder
    assert user_lexicon.extra_lexicon_files() == (lex.resolve(),)
    recode(store)
    res = runner.invoke(app, ["brief", "KAZ", "--poles", "RUS,WST,GULF", "--format", "json", "--store", str(store)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    gulf = next(p for p in data["poles"] if p["name"] == "GULF")
    assert gulf["label"] == "the Gulf monarchies" and "SAU" in gulf["members"]
    assert sum(r["n"] for r in data["rows"] if r["pole"] == "GULF") >= 3
    assert any("Gulf monarchies" in f["statement"] and f["citations"] for f in data["findings"])
    res = runner.invoke(app, ["poles", "--format", "json"])
    colours = {p["name"]: p["colour"] for p in json.loads(res.stdout)}
    assert len(set(colours.values())) == len(colours) and colours["GULF"] not in ("#009E73", "#D55E00")


def test_mistakes_name_file_line_and_fix(tmp_path: Path, no_user_lexicon: None) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nleaders:\n  - name: Amina Sultanova\n    contry: KAZ\n")
    with pytest.raises(LexiconError, match=r"bad\.yaml:4: unknown key 'contry'; use only"):
        user_lexicon.check(bad)
    bad.write_text("verbs:\n  - {id: x, lemmas: [woo], code: 999}\n")
    with pytest.raises(LexiconError, match=r"bad\.yaml:2: unknown CAMEO code '999'"):
        user_lexicon.check(bad)
    bad.write_text("poles:\n  GULF:\n    members: [SAU, QATX]\n")
    user_lexicon.add_files([bad])
    from multivector.analysis.poles import load_poles

    with pytest.raises(LexiconError, match=r"bad\.yaml:2: pole GULF: unknown actor code 'QATX'"):
        load_poles()
    (tmp_path / "pyproject.toml").write_text('[tool.multivector]\nlexicon = "missing.yaml"\n')
    os.environ.pop(user_lexicon.ENV)
    user_lexicon.clear_caches()
    with pytest.raises(LexiconError, match="missing.yaml"):
        user_lexicon.lexicons()


@pytest.mark.slow
def test_brief_and_dashboard_show_the_pole_in_chromium(base_store: Path, tmp_path: Path, no_user_lexicon: None,
                                                       browser: Any) -> None:  # noqa: F811
    import socket

    import uvicorn
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from multivector.explain import brief
    from multivector.web import create_app

    store = _store(base_store, tmp_path)
    lex = tmp_path / "gulf.yaml"
    lex.write_text(LEXICON, encoding="utf-8")
    user_lexicon.add_files([lex])
    recode(store)
    with Store(store, read_only=True) as st:
        html = brief(st, "KAZ", "RUS,WST,GULF", fmt="html")
    page = tmp_path / "brief.html"
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri())
    marks = browser.find_elements(By.CSS_SELECTOR, '#chart-shares [data-pole="GULF"].mark')
    assert marks and all(m.size["height"] > 0 for m in marks)
    legend = browser.find_element(By.ID, "chart-shares").text
    assert "the Gulf monarchies" in legend

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(store, poles="RUS,WST,GULF"), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        browser.get(f"http://127.0.0.1:{port}/?country=KAZ")
        WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, '#chart-shares [data-pole="GULF"]'))
        chip = browser.find_element(By.CSS_SELECTOR, '#poles input[value="GULF"]')
        assert chip.is_selected()
        assert "the Gulf monarchies" in browser.find_element(By.ID, "poles").text
        assert "the Gulf monarchies" in browser.find_element(By.ID, "shares-legend").text
    finally:
        server.should_exit = True
        thread.join(10)
