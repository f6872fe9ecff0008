"""Hostile input: every reader under one guard, explicit limits, nothing lost, nothing unaccounted for.

The short run of the seeded generator (bench/hostile.py) goes through the real CLI here; the long
one (1,000+ inputs, peak memory, slowest file) is `python bench/bench_hostile.py --n 1000`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from multivector.ingest import Limits, iter_inputs
from multivector.ingest.common import display, last_date, split_long
from multivector.records import Article, BadRecord

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import hostile  # noqa: E402

BODY = ("Kazakhstan signed an agreement with China on a new railway in Astana on Monday. Officials said the talks "
        "would expand trade between the two countries. The minister praised the outcome of the visit.")


def read(*paths: Path, limits: Limits | None = None, date: dt.date | None = None) -> list[Article | BadRecord]:
    return list(iter_inputs([str(p) for p in paths], limits=limits, default_date=date))


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "multivector", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=900)


def test_generated_hostile_batch_loses_nothing_and_accounts_for_everything(tmp_path: Path) -> None:
    """The CI-sized run of the generator: 128 hostile inputs of 8 readers' classes plus good files."""
    cases = hostile.generate(tmp_path / "in", 128, seed=11, max_bytes=2_000_000, max_chars=20_000)
    try:
        res = cli("ingest", str(tmp_path / "in"), "--store", str(tmp_path / "s.duckdb"), "--no-progress",
                  "--max-bytes", "2000000", "--max-chars", "20000", cwd=tmp_path)
    finally:
        hostile.unlock(tmp_path / "in")
    assert "Traceback" not in res.stderr, res.stderr[-3000:]
    assert res.returncode == 1, res.stdout[-2000:] + res.stderr[-2000:]
    skipped = sum(c.kind == "skipped" for c in cases)
    if skipped:
        assert f"{skipped} files in the folders given were not read" in res.stdout
    report = hostile.check(cases, tmp_path / "s.duckdb")
    assert report["good_articles"] >= 20 and report["good_lost"] == 0
    assert report["lost"] == [] and report["not_quarantined"] == [] and report["unaccounted"] == []
    assert len(report["classes"]) >= 40  # type: ignore[arg-type]
    # every printed line fits one line: no raw escapes or newlines from file names reach the terminal
    assert "\x1b" not in res.stdout and all(len(ln) < 2000 for ln in res.stdout.splitlines())


def test_dates_out_of_range_or_impossible_are_refused_never_rewritten(tmp_path: Path) -> None:
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title>'
            '<id>{i}</id><updated>{d}</updated><content type="text">{b}</content></entry></feed>')
    for i, d in enumerate(["10000-01-01T00:00:00Z", "2023-02-30T00:00:00Z", "0000-01-01T00:00:00Z"]):
        (tmp_path / f"f{i}.atom").write_text(atom.format(i=i, d=d, b=BODY))
    (tmp_path / "rfc.rss").write_text(
        f'<rss version="2.0"><channel><item><pubDate>Tue, 05 Mar {"9" * 20} 10:00:00 GMT</pubDate>'
        f"<description>{BODY}</description></item></channel></rss>")
    rows = [{"date": d, "text": BODY + f" Item {i}."} for i, d in
            enumerate(["0001-01-01", "9999-12-31", "1899-12-31", f"{last_date().year + 1}-01-01"])]
    (tmp_path / "far.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    items = read(tmp_path)
    assert not [i for i in items if isinstance(i, Article)], "no impossible or out-of-range date is stored"
    reasons = [b.reason for b in items if isinstance(b, BadRecord)]
    assert len(reasons) == 8
    assert sum("impossible date" in r for r in reasons) == 4 and sum("outside 1900-01-01" in r for r in reasons) == 4
    ok = tmp_path / "ok"
    ok.mkdir()
    (ok / "edge.jsonl").write_text(json.dumps({"date": "1900-01-01", "text": BODY}) + "\n")
    [a] = read(ok)
    assert isinstance(a, Article) and a.date == dt.date(1900, 1, 1)


def test_json_depth_and_integer_limits(tmp_path: Path) -> None:
    lines = ["[" * 100_000 + "]" * 100_000, '{"text": "x", "n": ' + "7" * 5000 + "}",
             json.dumps({"date": "2024-01-01", "text": BODY, "meta": [[[[1]]]]}),
             json.dumps({"date": "2024-01-01", "text": BODY + " Deep.", "meta": [[[1]]]})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    items = read(tmp_path / "a.jsonl", limits=Limits(max_json_depth=4))
    bad = [i.reason for i in items if isinstance(i, BadRecord)]
    assert len(bad) == 3 and "deeper than 4" in bad[0] and "5000 digits" in bad[1] and "deeper than 4" in bad[2]
    # the accepted record is exactly 4 deep: object, list, list, list
    [art] = [i for i in items if isinstance(i, Article)]
    assert art.text.endswith("Deep.")
    (tmp_path / "b.json").write_text("[" * 100_000 + "]" * 100_000)
    [b] = read(tmp_path / "b.json")
    assert isinstance(b, BadRecord) and "nested deeper" in b.reason


def test_text_is_salvaged_surrogates_nul_and_controls(tmp_path: Path) -> None:
    rec = json.dumps({"date": "2024-01-01", "text": BODY + " \\ud800 \x00end\x1b[31m.", "title": "a\x00b\x1b]0;x\x07"})
    (tmp_path / "s.jsonl").write_text(rec.replace("\\\\ud800", "\\ud800") + "\n")
    (tmp_path / "f.rss").write_text(f'<rss version="2.0"><channel><item><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>'
                                    f"<description>{BODY} &#xD800; &#0; &#99999999999;</description></item></channel></rss>")
    (tmp_path / "stray.txt").write_bytes(f"date 2024-01-01\n{BODY} Genève".encode() + b" \xff ok.")
    a, b, c = read(tmp_path / "s.jsonl", tmp_path / "f.rss", tmp_path / "stray.txt")
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    for art in (a, b, c):
        assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in art.text)
        assert "\x00" not in art.text and "\x1b" not in art.text and "\x1b" not in art.title
        art.text.encode("utf-8")  # storable
    assert "\ufffd" in a.text and "\ufffd" in b.text and c.text.endswith("\ufffd ok.")
    assert a.title == "ab ]0;x"


def test_special_files_links_and_strange_names(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    os.symlink(tmp_path / "missing", tmp_path / "dangling.txt")
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw, "wb") as fh:
        fh.write(f"date 2024-01-01\n{BODY}".encode())
    (tmp_path / "esc\x1b[2Jname.txt").write_text(f"date 2024-01-02\n{BODY} Again.")
    t0 = time.monotonic()
    items = read(tmp_path) + read(Path("/dev/zero"))
    assert time.monotonic() - t0 < 30  # a FIFO or a device would block or never end
    bad = {Path(b.source).name: b.reason for b in items if isinstance(b, BadRecord)}
    assert "FIFO" in bad["pipe.txt"] and "device" in bad["zero.jsonl"] and "device" in bad["zero"]
    assert "cannot read" in bad["dangling.txt"]
    arts = sorted(a.source for a in items if isinstance(a, Article))
    assert arts == sorted([display(os.fsdecode(raw)), str(tmp_path / "esc\\x1b[2Jname.txt")])
    assert arts[0].endswith("caf\\xe9.txt") or arts[1].endswith("caf\\xe9.txt")


def test_empty_and_truncated_inputs_are_never_silent(tmp_path: Path) -> None:
    (tmp_path / "zero.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_text("\n\n  \n")
    (tmp_path / "zero.warc").write_bytes(b"")
    (tmp_path / "noheader.csv").write_text(f'2024-01-01,T,"{BODY}",http://x\n')
    data = hostile._warc([(f"http://w/{i}", "text/html", hostile._html([BODY + f" Page {i}."]).encode())
                          for i in range(6)], gz=True)
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) // 2 + 37])  # not at a record boundary
    (tmp_path / "tiny.warc.gz").write_bytes(data[:100])
    plain = hostile._warc([(f"http://p/{i}", "text/html", hostile._html([BODY + f" Plain {i}."]).encode())
                           for i in range(6)], gz=False)
    (tmp_path / "cut.warc").write_bytes(plain[: len(plain) // 2 + 37])
    items = read(tmp_path)
    bad = {Path(b.source).name for b in items if isinstance(b, BadRecord)}
    assert {"zero.jsonl", "blank.jsonl", "zero.warc", "noheader.csv", "cut.warc.gz", "tiny.warc.gz", "cut.warc"} <= bad
    kept = [a for a in items if isinstance(a, Article)]
    assert 1 <= len([a for a in kept if "cut.warc.gz" in a.source]) < 6  # the records before the cut
    assert 1 <= len([a for a in kept if a.source.startswith(str(tmp_path / "cut.warc#"))]) < 6
    reasons = " ".join(b.reason for b in items if isinstance(b, BadRecord))
    assert "truncated" in reasons and "names no text column" in reasons


def test_long_article_split_at_paragraphs_every_character_kept() -> None:
    paras = [f"Paragraph {i}: Kazakhstan and China discussed trade again. " * 20 for i in range(60)]
    text = "\n\n".join(paras)
    art = Article.make(text, dt.date(2024, 1, 1), title="Long read")
    parts = split_long(art, 20_000)
    assert len(parts) >= len(text) // 20_000 + 1 and all(len(p.text) <= 20_000 for p in parts)
    assert [p.title for p in parts][:2] == [f"Long read (part 1 of {len(parts)})", f"Long read (part 2 of {len(parts)})"]
    assert all(p.text.startswith("Paragraph") for p in parts)  # cut at paragraph ends
    assert "".join("".join(p.text for p in parts).split()) == "".join(text.split())
    one_line = Article.make("word " * 50_000, dt.date(2024, 1, 1))
    assert all(len(p.text) <= 20_000 for p in split_long(one_line, 20_000))


def test_pathological_tokens_are_bounded_and_normal_text_untouched() -> None:
    from multivector import nlp
    from multivector.pipeline import code_articles, plan

    normal = Article.make(BODY, dt.date(2024, 1, 1))
    assert plan(normal).safe == ""  # ordinary text goes to spaCy as it is
    bang = Article.make(BODY + " " + "!" * 65_536 + " " + "_" * 20_000 + " " + "a" * 100_000, dt.date(2024, 1, 1))
    assert len(nlp.bound_tokens(bang.text)) == len(bang.text)
    [coded] = list(code_articles([bang]))  # its time is measured in bench/bench_hostile.py (bang_64kb)
    [ref] = list(code_articles([normal]))
    assert [(e.source, e.target, e.code) for e in coded.events] == [(e.source, e.target, e.code) for e in ref.events]
    assert all(bang.text[s.start:s.end] == s.text for s in coded.sentences)


def _run(*args: str) -> tuple[int, str, bool]:
    """The CLI in this process (spaCy is loaded once per test session): exit code, output, and whether an
    exception escaped the command instead of a one-line message and an exit code."""
    from typer.testing import CliRunner

    from multivector.cli import app

    res = CliRunner().invoke(app, list(args))
    return res.exit_code, res.output, not isinstance(res.exception, SystemExit | type(None))


def test_exit_codes_and_help(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(f"date 2024-01-01\n{BODY}")
    assert _run("ingest", str(good), "--store", str(tmp_path / "a.duckdb"), "--no-progress")[0] == 0
    (tmp_path / "bad.txt").write_text("no date here")
    code, out, escaped = _run("ingest", str(tmp_path), "--store", str(tmp_path / "b.duckdb"), "--no-progress")
    assert code == 1 and "QUARANTINED" in out and not escaped
    code, out, escaped = _run("ingest", str(good), "--date", "0001-01-01", "--store", str(tmp_path / "c.duckdb"))
    assert code == 2 and "outside 1900-01-01" in out and not escaped
    good.with_name("a.txt").write_text("not a database")
    code, out, escaped = _run("ingest", str(good), "--store", str(tmp_path / "a.txt"), "--no-progress")
    assert code == 2 and not escaped and len(out.strip().splitlines()) == 1
    helptext = _run("--help")[1] + _run("ingest", "--help")[1]
    for needle in ("0 all ingested", "1 some input quarantined", "2 usage", "3 internal error"):
        assert needle in " ".join(helptext.split()), needle


def test_internal_error_exits_three_naming_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure no guard catches (here: the store write) is exit 3 with the file being read, one line."""
    import multivector.store as st

    def boom(self: object, batch: object, **kw: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(st.Store, "write", boom)
    good = tmp_path / "good.txt"
    good.write_text(f"date 2024-01-01\n{BODY}")
    code, out, escaped = _run("ingest", str(good), "--store", str(tmp_path / "s.duckdb"), "--no-progress")
    assert code == 3 and not escaped, out
    assert "good.txt" in out and "disk on fire" in out and len(out.strip().splitlines()) == 1
    # the console entry point's last guard: any exception outside a command's own handling, one line, exit 3
    child = ("import sys\nimport multivector.cli as c\ndef broken(*a, **k):\n    raise KeyError('boom')\n"
             "c.app = broken\nc.main()")
    res = subprocess.run([sys.executable, "-c", child, "events"], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    assert res.returncode == 3 and "Traceback" not in res.stderr and "internal error" in res.stderr


def test_an_article_whose_coding_fails_is_quarantined_and_its_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from multivector import pipeline

    real = pipeline.code_planned

    def fragile(p, docs):  # type: ignore[no-untyped-def]
        if "BOOM" in p.article.text:
            raise RuntimeError("coder bug")
        return real(p, docs)

    monkeypatch.setattr(pipeline, "code_planned", fragile)
    arts = [Article.make(f"{BODY} Item {i}{' BOOM' if i == 3 else ''}.", dt.date(2024, 1, 1)) for i in range(6)]
    failed: list[tuple[str, str]] = []
    coded = list(pipeline.code_articles(arts, batch_size=4, on_error=lambda a, e: failed.append((a.id, str(e)))))
    assert [c.article.id for c in coded] == [a.id for i, a in enumerate(arts) if i != 3]
    assert failed == [(arts[3].id, "coder bug")]
    assert all(c.events for c in coded)  # the others are coded as usual
    with pytest.raises(RuntimeError):  # without on_error the failure propagates (explain, evaluate)
        list(pipeline.code_articles(arts))
