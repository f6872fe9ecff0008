"""Readers: every input format from files written here, and bad inputs becoming one BadRecord each."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from multivector.ingest import iter_inputs
from multivector.ingest.lang import detect
from multivector.records import Article, BadRecord

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = sorted((SHARED / "seed").glob("*.txt")) if (SHARED / "seed").is_dir() else []

BODY = (
    "Kazakh President Kassym-Jomart Tokayev met the Chinese foreign minister in Astana on Monday to discuss "
    "a new railway crossing on the border between the two countries. Officials said the talks also covered "
    "gas supplies, the expansion of trade and investment in the mining sector. The minister praised "
    "Kazakhstan for its balanced foreign policy and invited Tokayev to visit Beijing later this year."
)


def read(*paths: Path, date: dt.date | None = None) -> list[Article | BadRecord]:
    return list(iter_inputs([str(p) for p in paths], default_date=date))


def articles(items: list[Article | BadRecord]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def bads(items: list[Article | BadRecord]) -> list[BadRecord]:
    return [i for i in items if isinstance(i, BadRecord)]


@pytest.mark.skipif(not SEED, reason="../shared/seed not present")
def test_seed_file_splits_faq_and_reads_date() -> None:
    [art] = read(SEED[0])
    assert isinstance(art, Article)
    assert art.date == dt.date(2023, 11, 14)
    assert len(art.faq) == 3
    assert all(f.question.endswith("?") and f.answer for f in art.faq)
    assert "Q:" not in art.text and "A:" not in art.text
    assert "Frequently Asked Questions" not in art.text
    assert art.text.startswith("The recent visit of Russian President")
    assert not art.text.startswith("date")


def test_text_prefix_same_line_and_caller_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"\n   date 2024-02-03 {BODY}\n\nFAQ\nQ: Who met?\nA: Tokayev and the minister.\n")
    (tmp_path / "b.txt").write_text("Date palms grow well. " + BODY.replace("Astana", "Almaty"))
    items = read(tmp_path / "a.txt", tmp_path / "b.txt", date=dt.date(2024, 5, 6))
    a, b = articles(items)
    assert a.date == dt.date(2024, 2, 3)  # the file's own date wins over --date
    assert a.text.startswith("Kazakh President") and a.faq[0].answer == "Tokayev and the minister."
    assert b.date == dt.date(2024, 5, 6) and b.text.startswith("Date palms")


def test_jsonl_bad_lines_each_quarantined_rest_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"date": "2024-01-02", "title": "T1", "text": BODY, "url": "http://x/1"}),
        "{not json",
        json.dumps({"published": "2024-01-03T08:00:00Z", "body": BODY.replace("Monday", "Friday")}),
        json.dumps({"date": "2023-02-30", "text": BODY.replace("Monday", "Sunday")}),
        json.dumps({"date": "2024-01-04", "title": "no text"}),
        json.dumps({"content": BODY.replace("Monday", "Tuesday")}),
    ]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(lines) + "\n")
    items = read(p)
    arts, bad = articles(items), bads(items)
    assert [a.date for a in arts] == [dt.date(2024, 1, 2), dt.date(2024, 1, 3)]
    assert arts[0].title == "T1" and arts[0].url == "http://x/1"
    assert [b.source for b in bad] == [f"{p}:2", f"{p}:4", f"{p}:5", f"{p}:6"]
    assert "2023-02-30" in bad[1].reason and "--date" in bad[3].reason


def test_json_list_and_csv(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(json.dumps([
        {"date": "2024-03-01", "description": BODY},
        {"date": "2024-03-02", "text": BODY.replace("Monday", "Friday"), "source": "Reuters"},
    ]))
    (tmp_path / "t.csv").write_text(
        'date,title,text,url\n2024-04-01,"Rail, gas","' + BODY.replace('"', "") + '",http://c/1\n'
        'not-a-date,x,"' + BODY.replace("Monday", "Sunday") + '",\n'
    )
    items = read(tmp_path / "list.json", tmp_path / "t.csv")
    arts = articles(items)
    assert [a.date for a in arts] == [dt.date(2024, 3, 1), dt.date(2024, 3, 2), dt.date(2024, 4, 1)]
    assert arts[1].source == "Reuters" and arts[2].title == "Rail, gas" and arts[2].text == BODY
    [b] = bads(items)
    assert b.source.endswith("t.csv:3") and "not-a-date" in b.reason


HTML = """<!doctype html><html><head><title>Rail talks in Astana | World News</title>
<meta property="og:title" content="Rail talks in Astana">
<meta property="article:published_time" content="2024-06-11T09:30:00+00:00">
<meta property="og:url" content="https://news.example/rail">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Rail talks in Astana</h1><p>{p1}</p><p>{p2}</p></article>
<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


def page(p1: str = BODY, p2: str = "Analysts said the deal would cut transit times for Chinese goods bound for Europe.") -> str:
    return HTML.format(p1=p1, p2=p2)


def test_html_meta_date_title_url_and_fallback(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page())
    no_date = page(BODY.replace("Monday", "Thursday")).replace('<meta property="article:published_time" content="2024-06-11T09:30:00+00:00">', "")
    (tmp_path / "b.htm").write_text(no_date)
    a, b = articles(read(tmp_path / "a.html", tmp_path / "b.htm", date=dt.date(2024, 7, 1)))
    assert a.date == dt.date(2024, 6, 11) and a.title == "Rail talks in Astana" and a.url == "https://news.example/rail"
    assert a.text.startswith("Kazakh President") and "Copyright" not in a.text and "Home" not in a.text
    assert b.date == dt.date(2024, 7, 1)  # no date in the page: --date
    [bad] = read(tmp_path / "b.htm")  # and without --date: quarantined
    assert isinstance(bad, BadRecord) and "--date" in bad.reason


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    items = "".join(
        f"<item><title>Story {i}</title><link>http://f/{i}</link><pubDate>Tue, 0{i} Sep 2015 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{BODY.replace('Monday', day)}&lt;/p&gt;&lt;p&gt;Second &lt;b&gt;paragraph&lt;/b&gt;.&lt;/p&gt;</description></item>"
        for i, day in ((1, "Monday"), (2, "Friday"))
    )
    (tmp_path / "f.rss").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>')
    (tmp_path / "a.atom").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
        '<entry><title>Atom one</title><link href="http://a/1"/><id>a1</id><updated>2024-08-09T10:00:00Z</updated>'
        f'<content type="html">&lt;div&gt;{BODY.replace("Monday", "Sunday")}&lt;/div&gt;</content></entry></feed>'
    )
    arts = articles(read(tmp_path / "f.rss", tmp_path / "a.atom"))
    assert [(a.title, a.url, a.date) for a in arts] == [
        ("Story 1", "http://f/1", dt.date(2015, 9, 1)),
        ("Story 2", "http://f/2", dt.date(2015, 9, 2)),
        ("Atom one", "http://a/1", dt.date(2024, 8, 9)),
    ]
    assert "<" not in arts[0].text and arts[0].text.endswith("Second paragraph.")
    assert "\n" in arts[0].text  # paragraphs stay apart


def write_warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    """A gzipped WARC with one HTML response per (uri, warc date, html), plus a non-HTML response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for uri, when, html in [*pages, ("http://x/logo.png", "2024-01-01T00:00:00Z", "PNG")]:
            ctype = "image/png" if uri.endswith(".png") else "text/html; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": when})
            w.write_record(rec)


def test_warc_three_html_responses(tmp_path: Path) -> None:
    no_meta = page(BODY.replace("Monday", "Wednesday")).replace('<meta property="article:published_time" content="2024-06-11T09:30:00+00:00">', "")
    write_warc(tmp_path / "crawl.warc.gz", [
        ("http://w/1", "2024-09-01T00:00:00Z", page()),
        ("http://w/2", "2024-09-02T00:00:00Z", no_meta),
        ("http://w/3", "2024-09-03T00:00:00Z", page(BODY.replace("Monday", "Saturday"))),
    ])
    items = read(tmp_path / "crawl.warc.gz")
    arts = articles(items)
    assert len(arts) == 3 and not bads(items)
    assert [a.url for a in arts] == ["http://w/1", "http://w/2", "http://w/3"]
    assert [a.date for a in arts] == [dt.date(2024, 6, 11), dt.date(2024, 9, 2), dt.date(2024, 6, 11)]


def test_malformed_files_one_reason_each(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "nodate.txt").write_text(BODY)
    (tmp_path / "baddate.txt").write_text("date 2023-02-30\n" + BODY)
    (tmp_path / "latin1.txt").write_bytes(("date 2024-01-01\n" + BODY + " Café à Genève.").encode("latin-1"))
    (tmp_path / "good.txt").write_text("date 2024-01-01\n" + BODY)
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: 50 MB on paper, no disk cost
    items = read(tmp_path)
    [good] = articles(items)
    assert good.source.endswith("good.txt")
    reasons = {Path(b.source).name: b.reason for b in bads(items)}
    assert set(reasons) == {"bin.txt", "empty.txt", "nodate.txt", "baddate.txt", "latin1.txt", "big.txt"}
    assert "binary" in reasons["bin.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "--date" in reasons["nodate.txt"]
    assert "2023-02-30" in reasons["baddate.txt"]
    assert "UTF-8" in reasons["latin1.txt"] and "iconv" in reasons["latin1.txt"]
    assert "--max-bytes" in reasons["big.txt"]
    assert all("\n" not in r for r in reasons.values())


def test_missing_path_and_empty_glob(tmp_path: Path) -> None:
    items = read(tmp_path / "nope.txt", tmp_path / "*.jsonl")
    assert [type(i) for i in items] == [BadRecord, BadRecord]


def test_non_english_skipped_short_english_kept(tmp_path: Path) -> None:
    fr = ("Le président du Kazakhstan a reçu hier le ministre chinois des affaires étrangères pour des entretiens "
          "sur la coopération énergétique et les échanges commerciaux entre les deux pays.")
    (tmp_path / "fr.txt").write_text("date 2024-01-01\n" + fr)
    (tmp_path / "short.txt").write_text("date 2024-01-01\nPutin visits Astana.")
    items = read(tmp_path)
    [en] = articles(items)
    assert en.text == "Putin visits Astana."
    [b] = bads(items)
    assert b.reason.startswith("not English (detected fr)")
    assert detect("Президент России прибыл в Астану для переговоров с президентом Казахстана.") == "ru"


def test_foreign_names_in_english_copy_are_not_a_language() -> None:
    """Spanish and French words inside names ("El Salvador", "La Paz", "Le Monde") are not foreign text."""
    assert detect("Serbia defaced Comoros's bridges overnight. El Salvador berthed Bangladeshi harbors overnight.") == "en"
    assert detect("El Salvador, La Paz and Los Angeles: Le Monde and El País report De La Rue's Des Moines deal.") == "en"
    es = ("El presidente de Kazajistán recibió ayer al ministro chino de asuntos exteriores para conversar sobre "
          "la cooperación energética y el comercio entre los dos países.")
    assert detect(es) == "es"


@pytest.mark.skipif(not (SHARED / "gold" / "articles-dev.jsonl").exists(), reason="../shared/gold not present")
def test_real_english_corpora_pass_language_check() -> None:
    for line in (SHARED / "gold" / "articles-dev.jsonl").read_text().splitlines():
        assert detect(json.loads(line)["text"]) == "en"


def test_globs_and_folders_pick_known_suffixes(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("date 2024-01-01\n" + BODY)
    (tmp_path / "sub" / "notes.md").write_text("# not an article")
    (tmp_path / ".hidden.txt").write_text("date 2024-01-01\n" + BODY.replace("Monday", "Friday"))
    (tmp_path / "b.txt").write_text("date 2024-01-02\n" + BODY.replace("Monday", "Sunday"))
    assert [Path(a.source).name for a in articles(read(tmp_path))] == ["b.txt", "a.txt"]
    assert len(articles(read(tmp_path / "*.txt"))) == 1  # a glob matches what it names, not hidden files
    assert len(articles(list(iter_inputs([str(tmp_path / "**" / "*.txt")])))) == 2
    (tmp_path / "wire").write_text(json.dumps({"date": "2024-01-03", "text": BODY}) + "\n")
    [a] = read(tmp_path / "wire")  # named explicitly without a suffix: sniffed as JSON lines
    assert isinstance(a, Article) and a.date == dt.date(2024, 1, 3)
