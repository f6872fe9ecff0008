"""Seeded hostile inputs for every reader, mixed with good articles, each with what ingest must make of it.

``generate(folder, n_bad, seed)`` writes ``n_bad`` malformed inputs drawn round-robin from the
classes below (txt and seed format, JSONL, JSON, CSV, HTML, RSS/Atom, WARC and WARC.gz, plus file
system oddities: FIFOs, devices, broken links, undecodable and terminal-escape file names) and
about one good file per ten, and returns one :class:`Case` per input saying what must happen:

* ``stored``      every marker word of the case is found in a stored article (salvageable input);
* ``quarantined`` at least one quarantine row names the input;
* ``mixed``       both (a file with good and bad records);
* ``accounted``   an article or a quarantine row names the input (either is right);
* ``skipped``     not read (a suffix ingest does not know) and counted in the summary.

Good articles carry unique marker words (``MVX...``) so they can be found whatever a reader does
to the text around them. Same seed, same bytes. Used by ``tests/test_hostile.py`` (short, in CI)
and ``bench/bench_hostile.py`` (1,000+ inputs, peak memory and the slowest file).
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from multivector.ingest.common import display  # noqa: E402

COUNTRIES = ("Kazakhstan", "Russia", "China", "Turkey", "Japan", "Germany", "France", "India", "Iran", "Uzbekistan")
_MARKER = re.compile(r"MVX\d\dQ\d{6}")
VERBS = ("signed an agreement with", "held talks with", "criticised", "praised", "expelled diplomats of",
         "sent aid to", "imposed sanctions on", "hosted the president of")


@dataclasses.dataclass(frozen=True)
class Case:
    """One input and what ingest must make of it (see the module docstring)."""

    path: str  # as ingest prints it (display form of the file's path)
    cls: str  # the hostile class, or "good"
    kind: str  # stored | quarantined | mixed | accounted | skipped
    markers: tuple[str, ...] = ()


class Writer:
    """Names, marker words and good text for one generated folder."""

    def __init__(self, folder: Path, seed: int, max_bytes: int, max_chars: int) -> None:
        self.folder, self.rng, self.seed = folder, random.Random(seed), seed
        self.max_bytes, self.max_chars = max_bytes, max_chars
        self.n = 0
        self.m = 0

    def name(self, cls: str, suffix: str) -> Path:
        self.n += 1
        return self.folder / f"{self.n:05d}-{cls}{suffix}"

    def marker(self) -> str:
        self.m += 1
        return f"MVX{self.seed % 100:02d}Q{self.m:06d}"

    def good(self, marker: str) -> str:
        r = self.rng
        a, b, c = r.sample(COUNTRIES, 3)
        return (f"{a} {r.choice(VERBS)} {b} on Monday, according to report {marker}. Officials said the talks "
                f"would expand trade between the two countries and that {c} was watching closely. The minister "
                f"praised the outcome and invited his counterpart to visit later this year.")

    def case(self, path: Path | bytes, cls: str, kind: str, markers: tuple[str, ...] = ()) -> Case:
        return Case(display(os.fsdecode(path)), cls, kind, markers)


def _date(w: Writer) -> str:
    return f"2024-{w.rng.randint(1, 12):02d}-{w.rng.randint(1, 28):02d}"


def _html(body_paragraphs: list[str], date: str | None = "2024-05-01", title: str = "News", extra: str = "") -> str:
    meta = f'<meta property="article:published_time" content="{date}T09:00:00+00:00">' if date else ""
    paras = "".join(f"<p>{p}</p>" for p in body_paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{paras}</article>{extra}<footer>Copyright Example</footer></body></html>")


def _warc(records: list[tuple[str, str, bytes]], gz: bool) -> bytes:
    """WARC bytes with one response per (uri, content type, payload)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for uri, ctype, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": "2024-03-01T00:00:00Z"}))
    return buf.getvalue()


# -- the classes: each writes one input and returns its Case ------------------------------------------
def txt_good(w: Writer) -> Case:
    m = w.marker()
    p = w.name("good", ".txt")
    p.write_text(f"date {_date(w)}\n{w.good(m)}\n")
    return w.case(p, "good", "stored", (m,))


def jsonl_good(w: Writer) -> Case:
    ms = [w.marker() for _ in range(3)]
    p = w.name("good", ".jsonl")
    p.write_text("".join(json.dumps({"date": _date(w), "title": f"T {m}", "text": w.good(m)}) + "\n" for m in ms))
    return w.case(p, "good", "stored", tuple(ms))


def html_good(w: Writer) -> Case:
    m = w.marker()
    p = w.name("good", ".html")
    p.write_text(_html([w.good(m), "Analysts said the agreement would matter for the region for years."]))
    return w.case(p, "good", "stored", (m,))


def rss_good(w: Writer) -> Case:
    ms = [w.marker() for _ in range(2)]
    items = "".join(f"<item><title>S</title><link>http://f/{m}</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
                    f"<description>{w.good(m)}</description></item>" for m in ms)
    p = w.name("good", ".rss")
    p.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>')
    return w.case(p, "good", "stored", tuple(ms))


def warc_good(w: Writer) -> Case:
    ms = [w.marker() for _ in range(2)]
    recs = [(f"http://w/{m}", "text/html", _html([w.good(m), "More text on the matter followed."]).encode()) for m in ms]
    p = w.name("good", ".warc.gz")
    p.write_bytes(_warc(recs, gz=True))
    return w.case(p, "good", "stored", tuple(ms))


GOOD: tuple[Callable[[Writer], Case], ...] = (txt_good, jsonl_good, html_good, rss_good, warc_good)


def txt_bytes(w: Writer, cls: str, data: bytes, kind: str = "quarantined", markers: tuple[str, ...] = (),
              suffix: str = ".txt") -> Case:
    p = w.name(cls, suffix)
    p.write_bytes(data)
    return w.case(p, cls, kind, markers)


def txt_class(w: Writer) -> Case:
    """Text and seed-format files: empty, binary, encodings, dates, pathological runs, long articles."""
    r, m = w.rng, w.marker()
    body = w.good(m)
    k = r.randrange(22)
    if k == 0:
        return txt_bytes(w, "txt-empty", b"")
    if k == 1:
        return txt_bytes(w, "txt-blank", b"  \n\t\n")
    if k == 2:
        return txt_bytes(w, "txt-binary", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(r.randrange(256) for _ in range(500)))
    if k == 3:
        return txt_bytes(w, "txt-latin1", f"date 2024-01-01\n{body} Café à Genève, São Paulo, Zürich.".encode("latin-1"))
    if k == 4:  # a few stray bytes in UTF-8 text: salvaged
        return txt_bytes(w, "txt-stray", f"date 2024-01-01\n{body} Genève – ".encode() + b"\xff" + b" end.", "stored", (m,))
    if k == 5:
        return txt_bytes(w, "txt-nodate", body.encode())
    if k == 6:
        bad_day = r.choice(["2023-02-30", "2024-13-01", "2024-00-10", "0000-01-01"])
        return txt_bytes(w, "txt-impossible-date", f"date {bad_day}\n{body}".encode())
    if k == 7:
        far = r.choice(["0001-01-01", "1899-12-31", "9999-12-31", "3000-01-01"])
        return txt_bytes(w, "txt-date-range", f"date {far}\n{body}".encode())
    if k == 8:
        return txt_bytes(w, "txt-huge-year", f"date {'9' * r.randint(5, 25)}-01-01\n{body}".encode())
    if k == 9:
        return txt_bytes(w, "txt-date-only", b"date 2024-01-01\n\n")
    if k == 10:  # punctuation runs that make a tokenizer quadratic: bounded, the article is kept
        run = r.choice(["!", "?", "&", "_", ")", "%", ".", "\U0001F600", "!?"]) * r.randint(2000, 32000)
        return txt_bytes(w, "txt-punct-run", f"date 2024-01-01\n{body} {run}".encode(), "stored", (m,))
    if k == 11:
        return txt_bytes(w, "txt-long-word", f"date 2024-01-01\n{body} {'a' * r.randint(10_000, 200_000)}".encode(),
                         "stored", (m,))
    if k == 12:  # NUL and controls after the binary sniff window: dropped
        junk = "x " * 5000 + "\x00\x1b[31m\x07 "
        return txt_bytes(w, "txt-nul-late", f"date 2024-01-01\n{junk}{body}".encode(), "stored", (m,))
    if k == 13:
        return txt_bytes(w, "txt-surrogate-bytes", f"date 2024-01-01\n{body} ".encode() + b"\xed\xa0\x80 ok.",
                         "stored", (m,))
    if k == 14:  # over --max-chars: coded in parts, every part stored
        m2 = w.marker()
        filler = "The weather was mild and markets were calm across the region that week.\n"
        n = w.max_chars // len(filler) + r.randint(5, 60)
        text = f"date 2024-01-01\n{body}\n\n" + filler * n + f"\n{w.good(m2)}\n"
        return txt_bytes(w, "txt-long-article", text.encode(), "stored", (m, m2))
    if k == 15:  # one sentence with no full stop, longer than any parse should see
        words = " and ".join(f"{r.choice(COUNTRIES)} met {r.choice(COUNTRIES)}" for _ in range(r.randint(300, 1500)))
        return txt_bytes(w, "txt-endless-sentence", f"date 2024-01-01\n{body} {words}".encode(), "stored", (m,))
    if k == 16:  # over --max-bytes (sparse: no disk cost)
        p = w.name("txt-too-big", ".txt")
        with p.open("wb") as fh:
            fh.truncate(w.max_bytes + r.randint(1, 1_000_000))
        return w.case(p, "txt-too-big", "quarantined")
    if k == 17:
        return txt_bytes(w, "txt-bom-crlf", ("\ufeffdate 2024-01-01\r\n" + body.replace(". ", ".\r\n")).encode(),
                         "stored", (m,))
    if k == 18:
        return txt_bytes(w, "txt-faq-only", b"date 2024-01-01\nFAQ\nQ: Who?\nA: Nobody.\n")
    if k == 19:
        return txt_bytes(w, "txt-french", "date 2024-01-01\nLe président du Kazakhstan a reçu le ministre chinois des "
                         "affaires étrangères pour des entretiens sur la coopération et les échanges entre les deux "
                         "pays.".encode())
    if k == 20:
        return txt_bytes(w, "txt-utf16", f"date 2024-01-01\n{body}".encode("utf-16"))
    return txt_bytes(w, "txt-unknown-suffix", f"date 2024-01-01\n{body}".encode(), "skipped", suffix=".txt.gz")


def jsonl_class(w: Writer) -> Case:
    """JSON lines: each bad line quarantined, the good lines around it stored."""
    r = w.rng
    good = [w.marker() for _ in range(2)]
    lines = [json.dumps({"date": "2024-02-02", "text": w.good(m)}) for m in good]
    m = w.marker()
    body = w.good(m)
    k = r.randrange(20)
    kind = "mixed"
    bad_line: str | bytes
    if k == 0:
        bad_line = '{"date": "2024-01-01", "text": "unterminated'
    elif k == 1:
        bad_line = "[" * r.randint(1000, 100_000) + "]" * r.randint(0, 10)
    elif k == 2:
        bad_line = '{"date": "2024-01-01", "n": ' + "9" * r.randint(4301, 20000) + ', "text": "x"}'
    elif k == 3:  # a lone surrogate: salvaged as U+FFFD
        bad_line = json.dumps({"date": "2024-01-01", "text": body}).replace("Officials", "Officials \\ud800")
        kind, good = "stored", [*good, m]
    elif k == 4:
        bad_line = r.choice(["[1, 2, 3]", "42", '"text"', "null", "true"])
    elif k == 5:
        bad_line = json.dumps({"date": "2024-01-01", "text": r.choice([42, None, [1, 2], {"a": 1}, True])})
    elif k == 6:
        bad_line = json.dumps({"date": r.choice([20240101, True, [2024, 1, 1], {"y": 2024}]), "text": body})
    elif k == 7:
        bad_line = json.dumps({"date": r.choice(["2023-02-30", "0000-00-00", "10000-01-01", "1-1-1"]), "text": body})
    elif k == 8:
        bad_line = json.dumps({"date": r.choice(["0001-01-01", "9999-12-31", "1800-06-01"]), "text": body})
    elif k == 9:
        bad_line = '{"date": "2024-01-01", "text": NaN, "title": Infinity}'
    elif k == 10:  # NUL and escapes inside strings: cleaned, stored
        bad_line = json.dumps({"date": "2024-01-01", "text": body + " \x00\x1b]0;pwned\x07",
                               "title": "ti\x00tle\x1b[2J"})
        kind, good = "stored", [*good, m]
    elif k == 11:  # odd field types: stored with what makes sense
        bad_line = json.dumps({"date": "2024-01-01", "text": body, "title": {"x": 1}, "url": [1, 2],
                               "source": ["a"]})
        kind, good = "stored", [*good, m]
    elif k == 12:
        bad_line = b"\xff\xfe\xfd not utf8 at all \xc3\x28"
    elif k == 13:
        bad_line = json.dumps({"date": "2024-01-01", "text": "x" * (w.max_bytes + 10)})
    elif k == 14:
        bad_line = json.dumps({"date": "2024-01-01", "text": "   "})
    elif k == 15:  # javascript: URL: stored as data, never a link (see the web tests)
        bad_line = json.dumps({"date": "2024-01-01", "text": body, "url": "javascript:alert(1)"})
        kind, good = "stored", [*good, m]
    elif k == 16:
        p = w.name("jsonl-empty", ".jsonl")
        p.write_bytes(r.choice([b"", b"\n\n  \n"]))
        return w.case(p, "jsonl-empty", "quarantined")
    elif k == 17:
        bad_line = json.dumps({"date": "2024-01-01", "text": body})[:-5]  # truncated last line
        lines.append(bad_line)
        p = w.name("jsonl-truncated", ".jsonl")
        p.write_text("\n".join(lines))  # no final newline
        return w.case(p, "jsonl-truncated", "mixed", tuple(good))
    elif k == 18:  # a NUL after the object: dropped on decoding, the record is read
        bad_line = json.dumps({"date": "2024-01-01", "text": body, "date2": "x" * 100}) + "\x00"
        kind, good = "stored", [*good, m]
    else:
        bad_line = json.dumps({"date": "2024-01-01", "text": "Das ist ein deutscher Text über die Regierung und "
                               "die Wirtschaft, der nicht auf Englisch geschrieben wurde und den wir nicht kodieren."})
    cls = f"jsonl-{k}"
    p = w.name(cls, r.choice([".jsonl", ".ndjson"]))
    raw = [ln.encode() for ln in lines]
    raw.insert(r.randint(0, len(raw)), bad_line if isinstance(bad_line, bytes) else bad_line.encode())
    p.write_bytes(b"\n".join(raw) + b"\n")
    return w.case(p, cls, kind, tuple(good))


def json_class(w: Writer) -> Case:
    r = w.rng
    m = w.marker()
    k = r.randrange(8)
    docs = [
        "[" * 100_000 + "]" * 100_000,
        '{"date": "2024-01-01", "text": "x", "n": ' + "1" * 5000 + "}",
        r.choice(["42", '"just a string"', "null", "[]"]),
        json.dumps([{"date": "2024-01-01", "text": w.good(m)}, 7, None, {"text": "no date here at all"}]),
        '{"date": "2024-01-01", "text": "broken", }',
        json.dumps({"date": "2024-01-01", "text": w.good(m), "meta": {"a": [[[[[[[[]]]]]]]]}}),
        json.dumps({"date": "2024-01-01", "text": w.good(m)}) + "\n" + "{not json",
        json.dumps([{"date": "2024-01-01", "text": w.good(m), "nested": [[[[]]]] * 3}]),
    ]
    kinds = ["quarantined", "quarantined", "quarantined", "mixed", "quarantined", "stored", "mixed", "stored"]
    p = w.name(f"json-{k}", ".json")
    p.write_text(docs[k])
    return w.case(p, f"json-{k}", kinds[k], (m,) if kinds[k] in ("stored", "mixed") else ())


def csv_class(w: Writer) -> Case:
    r = w.rng
    ms = [w.marker() for _ in range(2)]
    rows = [f'2024-01-0{i + 1},T,"{w.good(m)}",http://x/{i}' for i, m in enumerate(ms)]
    k = r.randrange(8)
    if k == 0:  # no header: the first line is data
        text, kind, keep = "\n".join(rows) + "\n", "quarantined", ()
    elif k == 1:
        text, kind, keep = "date,title,text,url\n", "quarantined", ()
    elif k == 2:  # a ragged row and an unbalanced quote in the middle
        text = "date,title,text,url\n" + rows[0] + "\n2024-01-03,only two\n" + '2024-01-04,T,"open quote\n' + rows[1] + "\n"
        kind, keep = "accounted", ()
    elif k == 3:
        text, kind, keep = "date;title;text;url\n" + "\n".join(x.replace(",T,", ";T;").replace('",h', '";h') for x in rows) + "\n", "stored", tuple(ms)
    elif k == 4:
        text, kind, keep = "a,b,c\n1,2,3\n", "quarantined", ()
    elif k == 5:
        text, kind, keep = "\ufeffdate,title,text,url\n" + "\n".join(rows) + "\n", "stored", tuple(ms)
    elif k == 6:
        text, kind, keep = "date,title,text,url\n" + rows[0] + "\n9999-99-99,T,bad date row,u\n" + rows[1] + "\n", "mixed", tuple(ms)
    else:
        text, kind, keep = "date,title,text,url\n" + '2024-01-01,T,"' + '""' * 50_000 + '",u\n' + rows[0] + "\n", "accounted", ()
    p = w.name(f"csv-{k}", r.choice([".csv", ".tsv"]) if k != 3 else ".csv")
    p.write_text(text)
    return w.case(p, f"csv-{k}", kind, keep)


def html_class(w: Writer) -> Case:
    r = w.rng
    m = w.marker()
    body = w.good(m)
    k = r.randrange(9)
    if k == 0:
        html, kind = "<html><body></body></html>", "quarantined"
    elif k == 1:
        html, kind = "<html><body><script>" + "var a=1;" * 1000 + "</script></body></html>", "quarantined"
    elif k == 2:  # entity runs: the extracted text is one long run of '&'
        html, kind = _html([body, "&amp;" * r.randint(10_000, 100_000)]), "stored"
    elif k == 3:
        html, kind = "<html><body>" + "<div>" * r.randint(1000, 100_000) + body + "</body></html>", "accounted"
    elif k == 4:
        html, kind = _html([body], date=None), "quarantined"  # no date and no --date
    elif k == 5:
        html, kind = _html([body], date=r.choice(["2023-02-30", "9999-12-31", "0001-01-01"])), "accounted"
    elif k == 6:
        html, kind = _html([body], extra="<a href='javascript:alert(1)'>x</a>\x1b[0m\x07"), "stored"
    elif k == 7:
        html, kind = '<html><head><meta charset="utf-16"></head><body><article><p>' + body + "</p></article></body></html>", "accounted"
    else:
        html, kind = "<html" + "<" * 50_000, "quarantined"
    p = w.name(f"html-{k}", r.choice([".html", ".htm"]))
    p.write_text(html)
    return w.case(p, f"html-{k}", kind, (m,) if kind == "stored" else ())


def feed_class(w: Writer) -> Case:
    r = w.rng
    m = w.marker()
    body = w.good(m)
    k = r.randrange(10)

    def rss(items: str) -> str:
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'

    def item(date: str, text: str = body) -> str:
        return f"<item><title>S</title><link>http://f/1</link><pubDate>{date}</pubDate><description>{text}</description></item>"

    def atom(updated: str) -> str:
        return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
                f'<entry><title>E</title><id>a1</id><updated>{updated}</updated><content type="text">{body}</content>'
                "</entry></feed>")

    docs = [
        (rss(""), "quarantined"),
        (rss(item("Tue, 05 Mar 2024 10:00:00 GMT", "")), "quarantined"),
        (atom(r.choice(["0000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "2023-02-30T00:00:00Z"])), "quarantined"),
        (rss(item(f"Tue, 05 Mar {'9' * 20} 10:00:00 GMT")), "quarantined"),
        ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + rss(item("Tue, 05 Mar 2024 10:00:00 GMT", "&x; " + body)), "accounted"),
        ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
         '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
         + rss(item("Tue, 05 Mar 2024 10:00:00 GMT", "&d;&d;&d;&d;&d;&d;&d;&d; " + body)), "accounted"),
        ("<rss><channel><item><title>unclosed", "quarantined"),
        (rss(item("Tue, 05 Mar 2024 10:00:00 GMT", body + " &#xD800; &#x0; end")), "accounted"),
        (rss(item("Tue, 05 Mar 2024 10:00:00 GMT") + item("not a date at all")), "mixed"),
        (atom("2024-03-05T10:00:00Z").replace("<entry>", "<entry>" * 1), "stored"),
    ]
    doc, kind = docs[k]
    p = w.name(f"feed-{k}", r.choice([".rss", ".xml", ".atom"]))
    p.write_text(doc)
    return w.case(p, f"feed-{k}", kind, (m,) if kind in ("stored", "mixed") else ())


def warc_class(w: Writer) -> Case:
    r = w.rng
    ms = [w.marker() for _ in range(6)]
    gz = r.random() < 0.6
    recs = [(f"http://w/{m}", "text/html", _html([w.good(m), "Further details followed later in the day."]).encode())
            for m in ms]
    data = _warc(recs, gz)
    k = r.randrange(7)
    suffix = ".warc.gz" if gz else ".warc"
    if k == 0:
        out, kind, keep = b"", "quarantined", ()
    elif k == 1:
        out, kind, keep = data[: r.choice([10, 100])], "quarantined", ()
    elif k == 2:  # cut mid-file: the records before the cut are kept, the cut is quarantined
        out, kind, keep = data[: len(data) // 2 + r.randint(17, 97)], "mixed", ()  # never at a record boundary
    elif k == 3:
        out, kind, keep = _warc([("http://w/x.png", "image/png", b"\x89PNG" * 100)], gz), "quarantined", ()
    elif k == 4:
        out, kind, keep = bytes(r.randrange(256) for _ in range(2000)), "quarantined", ()
    elif k == 5:
        out, kind, keep = gzip.compress(b"not a warc at all\n" * 100), "quarantined", ()
        suffix = ".warc.gz"
    else:
        out, kind, keep = data, "stored", tuple(ms)
    p = w.name(f"warc-{k}", suffix)
    p.write_bytes(out)
    return w.case(p, f"warc-{k}", kind, keep)


def fs_class(w: Writer) -> Case:
    """File-system oddities: special files, links, names that are not text or drive a terminal."""
    r = w.rng
    m = w.marker()
    k = r.randrange(6)
    if k == 0:
        p = w.name("fifo", ".txt")
        os.mkfifo(p)
        return w.case(p, "fifo", "quarantined")
    if k == 1:
        p = w.name("dev-zero", ".jsonl")
        os.symlink("/dev/zero", p)
        return w.case(p, "dev-zero", "quarantined")
    if k == 2:
        p = w.name("broken-link", ".txt")
        os.symlink(w.folder / "no-such-target", p)
        return w.case(p, "broken-link", "quarantined")
    if k == 3:  # a file name that is not UTF-8: stored, its source escaped
        w.n += 1
        raw = os.fsencode(w.folder) + f"/{w.n:05d}-bad-".encode() + b"\xff\xfe.txt"
        with open(raw, "wb") as fh:
            fh.write(f"date 2024-01-01\n{w.good(m)}".encode())
        return w.case(raw, "undecodable-name", "stored", (m,))
    if k == 4:  # terminal escapes and a newline in the name
        p = w.name("esc\x1b[31mred\nline", ".txt")
        p.write_text(f"date 2024-01-01\n{w.good(m)}")
        return w.case(p, "escape-name", "stored", (m,))
    sub = w.folder / f"{w.n + 1:05d}-locked"
    w.n += 1
    sub.mkdir()
    inner = sub / "inside.txt"
    inner.write_text(f"date 2024-01-01\n{w.good(m)}")
    sub.chmod(0)
    if os.geteuid() == 0:  # root reads it anyway
        return w.case(inner, "locked-folder", "stored", (m,))
    return w.case(sub, "locked-folder", "quarantined")


CLASSES: tuple[Callable[[Writer], Case], ...] = (txt_class, jsonl_class, json_class, csv_class, html_class,
                                                  feed_class, warc_class, fs_class)


def generate(folder: Path, n_bad: int, seed: int = 7, *, max_bytes: int = 2_000_000, max_chars: int = 20_000,
             good_every: int = 10) -> list[Case]:
    """Write ``n_bad`` hostile inputs (classes in turn) and a good file after every ``good_every``."""
    folder.mkdir(parents=True, exist_ok=True)
    w = Writer(folder, seed, max_bytes, max_chars)
    cases: list[Case] = []
    for i in range(n_bad):
        cases.append(CLASSES[i % len(CLASSES)](w))
        if i % good_every == 0:
            cases.append(GOOD[(i // good_every) % len(GOOD)](w))
    return cases


def unlock(folder: Path) -> None:
    """Make every generated folder removable again (the locked-folder class chmods one to 0)."""
    for d in folder.glob("*-locked"):
        d.chmod(0o755)


# -- checking a store against the cases -----------------------------------------------------------
def _names(source: str, path: str) -> bool:
    return source == path or (source.startswith(path) and source[len(path)] in ":[#")


def check(cases: list[Case], db: Path, skipped_reported: int | None = None) -> dict[str, object]:
    """Compare a store after ``ingest FOLDER`` with the cases; returns counts and the failures."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        sources = [r[0] for r in con.execute("SELECT source FROM articles").fetchall()]
        quarantine = [r[0] for r in con.execute("SELECT source FROM quarantine").fetchall()]
        found = {m for r in con.execute("SELECT text FROM articles").fetchall() for m in _MARKER.findall(r[0])}
    finally:
        con.close()
    qset, sset = set(quarantine), set(sources)

    def named(path: str, pool: set[str]) -> bool:
        return path in pool or any(_names(s, path) for s in pool if s.startswith(path))

    lost, unaccounted, not_quarantined = [], [], []
    for c in cases:
        if c.kind == "skipped":
            continue
        missing = [m for m in c.markers if m not in found]
        if c.kind in ("stored", "mixed") and missing:
            lost.append((c.cls, c.path, missing))
        if c.kind in ("quarantined", "mixed") and not named(c.path, qset):
            not_quarantined.append((c.cls, c.path))
        if not (named(c.path, qset) or named(c.path, sset) or (c.markers and not missing)):
            unaccounted.append((c.cls, c.path))
    n_skipped = sum(c.kind == "skipped" for c in cases)
    good_markers = [m for c in cases if c.cls == "good" for m in c.markers]
    return {
        "inputs": len(cases),
        "hostile": sum(c.cls != "good" for c in cases),
        "good_articles": len(good_markers),
        "good_lost": sum(m not in found for m in good_markers),
        "lost": lost,
        "not_quarantined": not_quarantined,
        "unaccounted": unaccounted,
        "skipped_expected": n_skipped,
        "skipped_reported": skipped_reported,
        "classes": sorted({c.cls for c in cases}),
    }
