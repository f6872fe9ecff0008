"""Every command with hostile arguments: one line on stderr naming the fix, the right exit code, no traceback.

Cases per command (issue 12): no country, unknown codes, bad dates, reversed dates, missing files, a busy
port, unwritable paths, unknown formats and options. Exit 2 is a usage or data error; the CLI runs in this
process (Typer's runner) against a real demo store.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from multivector.cli import app
from multivector.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def demo(demo_store: Path) -> Path:
    return demo_store


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("files")
    bad_yaml = d / "bad.yaml"
    bad_yaml.write_text("poles:\n  GULF:\n    members: [SAU, ARE\n")
    bad_poles = d / "poles.yaml"
    bad_poles.write_text("poles:\n  GULF:\n    label: Gulf\n    memberz: [SAU]\n")
    bad_section = d / "lex.yaml"
    bad_section.write_text("version: 1\nactors:\n  - code: GCC\n")
    nodate = d / "nodate.txt"
    nodate.write_text("Uzbekistan hosted the Kazakh president on Monday.\n")
    empty = d / "empty.duckdb"
    with Store(empty):
        pass
    notgold = d / "notgold.jsonl"
    notgold.write_text('{"hello": 1}\n')
    return {"bad_yaml": bad_yaml, "bad_poles": bad_poles, "bad_section": bad_section, "nodate": nodate,
            "empty": empty, "notgold": notgold, "dir": d}


@pytest.fixture()
def busy_port() -> Iterator[int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        yield int(s.getsockname()[1])


MISSING = "/nonexistent-mv/none.duckdb"
NOWHERE = "/nonexistent-mv/dir/out.file"


def cases(demo: Path, f: dict[str, Path]) -> list[tuple[str, list[str], int, str]]:
    """(case id, argv, exit code, a word the message must contain)."""
    st = ["--store", str(demo)]
    return [
        # events / ties
        ("events unknown country", ["events", "--country", "XYZ", *st], 2, "multivector actors"),
        ("events bad date", ["events", "--since", "2024-13-01", *st], 2, "YYYY-MM-DD"),
        ("events reversed dates", ["events", "--since", "2024-06-01", "--until", "2024-01-01", *st], 2, "swap"),
        ("events missing store", ["events", "--store", MISSING], 2, "multivector ingest"),
        ("events empty store", ["events", "--store", str(f["empty"])], 2, "no articles"),
        ("events bad format", ["events", "--format", "xml", *st], 2, "table, json, jsonl, csv"),
        ("events bad limit", ["events", "--limit", "0", *st], 2, "at least 1"),
        ("events unknown option", ["events", "--countree", "KAZ", *st], 2, "No such option"),
        ("ties unknown country", ["ties", "--country", "XYZ", *st], 2, "multivector actors"),
        ("ties bad type", ["ties", "--type", "love", *st], 2, "trade"),
        ("ties reversed dates", ["ties", "--since", "2024-06-01", "--until", "2024-01-01", *st], 2, "swap"),
        # dyad / balance / brief
        ("dyad no country", ["dyad", *st], 2, "Missing argument"),
        ("dyad unknown code", ["dyad", "KAZ", "XYZ", *st], 2, "unknown actor code"),
        ("dyad bad freq", ["dyad", "KAZ", "RUS", "--freq", "fortnight", *st], 2, "week, month"),
        ("dyad bad date", ["dyad", "KAZ", "RUS", "--until", "tomorrow", *st], 2, "YYYY-MM-DD"),
        ("dyad reversed dates", ["dyad", "KAZ", "RUS", "--since", "2024-06-01", "--until", "2024-01-01", *st], 2,
         "swap"),
        ("balance no country", ["balance", *st], 2, "Missing argument"),
        ("balance unknown country", ["balance", "XYZ", *st], 2, "unknown actor code"),
        ("balance unknown pole", ["balance", "KAZ", "--poles", "RUS,ZZZ", *st], 2, "unknown actor code"),
        ("balance reversed dates", ["balance", "KAZ", "--since", "2024-06-01", "--until", "2024-01-01", *st], 2,
         "swap"),
        ("balance missing poles file", ["balance", "KAZ", "--poles-file", "/nonexistent-mv/p.yaml", *st], 2,
         "--poles-file"),
        ("balance bad poles file", ["balance", "KAZ", "--poles-file", str(f["bad_poles"]), *st], 2, "poles:"),
        ("balance broken yaml", ["balance", "KAZ", "--poles-file", str(f["bad_yaml"]), *st], 2, "bad.yaml:"),
        ("balance bad format", ["balance", "KAZ", "--format", "pdf", *st], 2, "table"),
        ("brief no country", ["brief", *st], 2, "Missing argument"),
        ("brief unknown country", ["brief", "XYZ", *st], 2, "unknown actor code"),
        ("brief bad format", ["brief", "KAZ", "--format", "pdf", *st], 2, "md, html"),
        ("brief unwritable", ["brief", "KAZ", "--format", "html", "-o", NOWHERE, *st], 2, "does not exist"),
        ("brief output is a folder", ["brief", "KAZ", "-o", str(f["dir"]), *st], 2, "folder"),
        ("brief reversed dates", ["brief", "KAZ", "--since", "2024-06-01", "--until", "2024-01-01", *st], 2, "swap"),
        ("brief missing store", ["brief", "KAZ", "--store", MISSING], 2, "multivector ingest"),
        # ask / faq-check / explain / evaluate
        ("ask no question", ["ask", *st], 2, "Missing argument"),
        ("ask empty question", ["ask", "   ", *st], 2, "empty question"),
        ("ask bad k", ["ask", "Why is Kazakhstan important to Russia?", "--k", "0", *st], 2, "--k"),
        ("ask bad format", ["ask", "Why?", "--format", "csv", *st], 2, "table, json"),
        ("ask missing store", ["ask", "Why is Kazakhstan important?", "--store", MISSING], 2, "multivector ingest"),
        ("faq-check missing file", ["faq-check", "/nonexistent-mv/a.txt"], 2, "no such file"),
        ("explain missing file", ["explain", "/nonexistent-mv/a.txt"], 2, "no such file"),
        ("explain no date", ["explain", str(f["nodate"])], 2, "--date"),
        ("explain bad date", ["explain", str(f["nodate"]), "--date", "2024-02-30"], 2, "YYYY-MM-DD"),
        ("evaluate missing file", ["evaluate", "/nonexistent-mv/gold.jsonl"], 2, "gold"),
        ("evaluate not gold", ["evaluate", str(f["notgold"])], 2, "gold"),
        # codes / actors / poles / lexicon
        ("codes bad root", ["codes", "--root", "99"], 2, "multivector codes"),
        ("codes bad format", ["codes", "--format", "xml"], 2, "table"),
        ("actors bad format", ["actors", "--format", "xml"], 2, "table"),
        ("poles missing file", ["poles", "--poles-file", "/nonexistent-mv/p.yaml"], 2, "--poles-file"),
        ("lexicon missing file", ["lexicon", "/nonexistent-mv/l.yaml"], 2, "no such lexicon file"),
        ("lexicon broken yaml", ["lexicon", str(f["bad_yaml"])], 2, "opens on line 3"),
        ("lexicon unknown section", ["lexicon", str(f["bad_section"])], 2, "lex.yaml:2"),
        ("--lexicon missing file", ["--lexicon", "/nonexistent-mv/l.yaml", "poles"], 2, "no such lexicon file"),
        # store commands
        ("ingest missing path", ["ingest", "/nonexistent-mv/articles/", "--store", str(f["dir"] / "new.duckdb")], 2,
         "no such file or folder"),
        ("ingest glob matches nothing", ["ingest", str(f["dir"] / "*.nothing"), "--store", str(f["dir"] / "n.duckdb")],
         2, "matches no file"),
        ("ingest bad date", ["ingest", str(f["nodate"]), "--date", "2024-13-01", *st], 2, "2024-13-01"),
        ("ingest bad format", ["ingest", str(f["nodate"]), "--format", "xml", *st], 2, "table"),
        ("quarantine missing store", ["quarantine", "--store", MISSING], 2, "multivector ingest"),
        ("recode missing store", ["recode", "--store", MISSING], 2, "no such store"),
        ("recode empty store", ["recode", "--store", str(f["empty"])], 2, "no articles"),
        ("export unwritable", ["export", "-o", NOWHERE, *st], 2, "does not exist"),
        ("export bad format", ["export", "--format", "xml", *st], 2, "gdelt"),
        ("export bad country", ["export", "--country", "K@Z", *st], 2, "KAZ"),
        ("export reversed dates", ["export", "--since", "2024-06-01", "--until", "2024-01-01", *st], 2, "swap"),
        ("export missing store", ["export", "--store", MISSING], 2, "multivector ingest"),
        ("load missing folder", ["load", "/nonexistent-mv/parts", *st], 2, "Parquet"),
        ("demo unwritable store", ["demo", "--store", NOWHERE, "--no-progress"], 2, "does not exist"),
        ("serve missing store", ["serve", "--store", MISSING], 2, "multivector ingest"),
        ("serve unknown pole", ["serve", "--poles", "RUS,ZZZ", *st], 2, "unknown actor code"),
        ("fetch no url", ["fetch", *st], 2, "Missing argument"),
        ("fetch not a url", ["fetch", "feeds.txt", *st], 2, "http(s) URL"),
        ("fetch bad interval", ["fetch", "http://127.0.0.1:9/rss", "--every", "often", *st], 2, "duration"),
        ("fetch unwritable store", ["fetch", "http://127.0.0.1:9/rss", "--store", NOWHERE], 2, "does not exist"),
    ]


def _check(res: object, code: int, word: str, case: str) -> None:
    out, err = res.stdout, res.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in out + err, f"{case}: traceback\n{out}{err}"
    assert res.exception is None or isinstance(res.exception, SystemExit), f"{case}: {res.exception!r}"  # type: ignore[attr-defined]
    assert res.exit_code == code, f"{case}: exit {res.exit_code}, want {code}\n{out}{err}"  # type: ignore[attr-defined]
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), f"{case}: not one line on stderr: {err!r}"
    assert word.lower() in lines[0].lower(), f"{case}: {word!r} not in {lines[0]!r}"


def test_every_command_with_hostile_arguments(demo: Path, files: dict[str, Path]) -> None:
    failures = []
    for case, argv, code, word in cases(demo, files):
        res = runner.invoke(app, argv)
        try:
            _check(res, code, word, case)
        except AssertionError as exc:
            failures.append(str(exc))
    assert not failures, "\n\n".join(failures)
    # A mistyped ingest path creates no store; nothing was written at the filesystem root.
    assert not (files["dir"] / "new.duckdb").exists() and not Path("/nonexistent-mv").exists()


def test_serve_on_a_busy_port_is_one_line_before_any_url(demo: Path, busy_port: int) -> None:
    res = runner.invoke(app, ["serve", "--store", str(demo), "--port", str(busy_port)])
    _check(res, 2, "--port", "serve busy port")
    assert "http://" not in res.stdout  # the URL is announced only once the port is ours


def test_every_command_is_covered() -> None:
    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    covered = {argv[0] if not argv[0].startswith("-") else argv[2] for _, argv, _, _ in
               cases(Path("s.duckdb"), {k: Path(k) for k in ("bad_yaml", "bad_poles", "bad_section", "nodate",
                                                            "empty", "notgold", "dir")})}
    assert not names - covered, f"commands without hostile cases: {sorted(names - covered)}"
