"""The bundled example articles parse, are dated, are original, and carry the planted West shift."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from multivector import examples
from multivector.records import content_id

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATE_LINE = re.compile(r"^date (\d{4}-\d{2}-\d{2})$")
DEMO_RANGE = (dt.date(2023, 1, 1), dt.date(2024, 12, 31))
BALANCE_RANGE = (dt.date(2023, 1, 1), dt.date(2024, 2, 29))

# Named-actor mentions, counted independently of the coder; (?<!\w)/(?!\w) so "U.S." matches.
WEST = re.compile(
    r"(?<!\w)(?:United States|U\.S\.|Washington|Americans?|Britain|British|France|French|Germany|German|"
    r"Italy|Italian|European Union|European|EU|Brussels|NATO|Western|the West|Biden|Blinken|Macron|"
    r"Scholz|Meloni|Cameron|Tajani|von der Leyen)(?!\w)"
)
RUSSIA = re.compile(r"(?<!\w)(?:Russia|Russian|Russians|Moscow|Kremlin|Putin|Lavrov|Peskov|Zakharova|Overchuk)(?!\w)")


def read_jsonl(path: Path) -> list[dict[str, object]]:
    """Every non-blank line of a JSONL file as a dict (fails on the first bad line)."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            obj = json.loads(line)
            assert isinstance(obj, dict), f"{path.name}:{n} is not an object"
            rows.append(obj)
    return rows


def read_seed(path: Path) -> tuple[dt.date, str, str]:
    """(date, body, faq) of a seed-format file: date line, text, optional FAQ section."""
    first, _, rest = path.read_text(encoding="utf-8").partition("\n")
    match = DATE_LINE.match(first.strip())
    assert match, f"{path.name} does not start with 'date YYYY-MM-DD'"
    body, _, faq = rest.partition("Frequently Asked Questions:")
    return dt.date.fromisoformat(match.group(1)), body.strip(), faq.strip()


def sentences(text: str) -> list[str]:
    """Naive sentence split, good enough for our own clean prose (U.S. is the only abbreviation)."""
    return [s for s in re.split(r"(?<=[.!?\"])\s+(?=[A-Z])", text.replace("U.S.", "US").strip()) if s]


def check_record(row: dict[str, object], lo: dt.date, hi: dt.date) -> dt.date:
    """Assert the JSONL article fields and return its date."""
    assert set(row) == {"date", "title", "text", "url"}, row.keys()
    for key in ("date", "title", "text", "url"):
        value = row[key]
        assert isinstance(value, str) and value.strip(), f"empty {key} in {row}"
    assert str(row["url"]).startswith("https://example.org/")
    day = dt.date.fromisoformat(str(row["date"]))
    assert lo <= day <= hi, day
    return day


@pytest.fixture(scope="module")
def balance() -> list[dict[str, object]]:
    return read_jsonl(examples.balance_path())


@pytest.fixture(scope="module")
def demo_jsonl() -> list[dict[str, object]]:
    return read_jsonl(examples.demo_dir() / "articles.jsonl")


@pytest.fixture(scope="module")
def demo_txt() -> list[tuple[dt.date, str, str]]:
    return [read_seed(p) for p in sorted(examples.demo_dir().glob("*.txt"))]


def test_demo_has_both_formats_and_ten_articles(demo_jsonl: list[dict[str, object]], demo_txt: list) -> None:
    files = examples.demo_files()
    assert {p.suffix for p in files} == {".txt", ".jsonl"}
    assert all(p.is_file() for p in files)
    assert len(demo_txt) >= 5 and len(demo_jsonl) >= 5
    assert len(demo_txt) + len(demo_jsonl) >= 10


def test_demo_records_parse_and_dates_in_range(demo_jsonl: list[dict[str, object]], demo_txt: list) -> None:
    for row in demo_jsonl:
        check_record(row, *DEMO_RANGE)
    for day, body, _faq in demo_txt:
        assert DEMO_RANGE[0] <= day <= DEMO_RANGE[1]
        assert body


def test_demo_articles_are_five_to_nine_sentences(demo_jsonl: list[dict[str, object]], demo_txt: list) -> None:
    bodies = [str(r["text"]) for r in demo_jsonl] + [body for _d, body, _f in demo_txt]
    counts = [len(sentences(b)) for b in bodies]
    assert all(5 <= c <= 9 for c in counts), counts


def test_one_demo_file_has_a_faq_of_question_answer_pairs(demo_txt: list) -> None:
    faqs = [faq for _d, _b, faq in demo_txt if faq]
    assert len(faqs) >= 1
    lines = [ln for ln in faqs[0].splitlines() if ln.strip()]
    questions = [ln for ln in lines if ln.startswith("Q: ")]
    answers = [ln for ln in lines if ln.startswith("A: ")]
    assert len(questions) >= 3 and len(questions) == len(answers) == len(lines) // 2
    # Questions and answers alternate, Q first, like the founding document.
    assert [ln[:2] for ln in lines] == ["Q:", "A:"] * len(questions)


def test_balance_records_parse_and_cover_the_planted_span(balance: list[dict[str, object]]) -> None:
    days = [check_record(row, *BALANCE_RANGE) for row in balance]
    months = Counter(d.strftime("%Y-%m") for d in days)
    assert len(balance) >= 64
    assert len(months) >= 12
    assert min(months) == examples.PLANTED.first_month and max(months) == examples.PLANTED.last_month
    assert all(n >= 4 for n in months.values()), months
    assert days == sorted(days), "balance corpus should be in date order"


def test_no_duplicate_texts_or_urls(
    balance: list[dict[str, object]], demo_jsonl: list[dict[str, object]], demo_txt: list
) -> None:
    texts = [str(r["text"]) for r in balance + demo_jsonl] + [body for _d, body, _f in demo_txt]
    ids = [content_id(t) for t in texts]
    assert len(set(ids)) == len(ids)
    urls = [r["url"] for r in balance + demo_jsonl]
    assert len(set(urls)) == len(urls)
    all_sentences = [s for t in texts for s in sentences(t)]
    repeated = [s for s, n in Counter(all_sentences).items() if n > 1]
    assert not repeated, repeated


def test_west_to_russia_mention_ratio_rises_at_least_twofold(balance: list[dict[str, object]]) -> None:
    shift = examples.PLANTED.shift_month
    west = Counter[str]()
    russia = Counter[str]()
    for row in balance:
        period = "after" if str(row["date"])[:7] >= shift else "before"
        west[period] += len(WEST.findall(str(row["text"])))
        russia[period] += len(RUSSIA.findall(str(row["text"])))
    assert min(west.values()) > 0 and min(russia.values()) > 0, (west, russia)
    before = west["before"] / russia["before"]
    after = west["after"] / russia["after"]
    assert after >= 2 * before, (before, after)


def test_intended_events_belong_to_balance_articles(balance: list[dict[str, object]]) -> None:
    dates = {str(r["url"]): str(r["date"]) for r in balance}
    with examples.intended_events_path().open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) >= 100
    for row in rows:
        assert dates[row["url"]] == row["date"]
        assert examples.PLANTED.country in (row["source"], row["target"])
        assert row["source"] != row["target"]
        assert re.fullmatch(r"\d{3}", row["code"]) and 1 <= int(row["code"][:2]) <= 20, row


def _planted_table() -> dict[str, dict[str, int]]:
    """Month -> column -> value from the count table in PLANTED.md."""
    lines = [ln for ln in examples.planted_path().read_text(encoding="utf-8").splitlines() if ln.startswith("| 20")]
    header = ["month", "articles", "RUS", "WST", "CHN", "total"]
    table = {}
    for ln in lines:
        cells = [c.strip() for c in ln.strip("|").split("|")]
        table[cells[0]] = {h: int(c) for h, c in zip(header[1:], cells[1:6], strict=True)}
    return table


def test_planted_table_matches_intended_events_and_corpus(balance: list[dict[str, object]]) -> None:
    table = _planted_table()
    counts = examples.intended_counts()
    articles = Counter(str(r["date"])[:7] for r in balance)
    assert set(table) == set(counts) == set(articles)
    for month, row in table.items():
        assert row["articles"] == articles[month]
        for pole in ("RUS", "WST", "CHN"):
            assert row[pole] == counts[month][pole], (month, pole)
        assert row["total"] == row["RUS"] + row["WST"] + row["CHN"]


def test_intended_counts_carry_one_shift_and_a_noise_only_period() -> None:
    planted = examples.PLANTED
    counts = examples.intended_counts()
    before = [m for m in counts if m < planted.shift_month]
    after = [m for m in counts if m >= planted.shift_month]

    def mean(months: list[str], pole: str) -> float:
        return sum(counts[m][pole] for m in months) / len(months)

    def share(months: list[str], pole: str) -> float:
        return sum(counts[m][pole] for m in months) / sum(sum(counts[m].values()) for m in months)

    assert share(after, planted.rising_pole) >= 3 * share(before, planted.rising_pole)
    assert share(after, planted.falling_pole) < share(before, planted.falling_pole)
    for pole in planted.steady_poles:  # volume steady: the share falls because the West rises
        assert abs(mean(after, pole) - mean(before, pole)) <= 1
    quiet = [m for m in before if m not in planted.noise_months]
    for m in planted.noise_months:
        for pole, _members in planted.poles:
            assert abs(counts[m][pole] - mean(quiet, pole)) <= 1, (m, pole)
    text = examples.planted_path().read_text(encoding="utf-8")
    for needle in (planted.shift_month, *planted.noise_months, planted.rising_pole, planted.falling_pole):
        assert needle in text


def test_readme_says_fictional() -> None:
    readme = (examples.examples_dir() / "README.md").read_text(encoding="utf-8")
    assert "fictional" in readme.lower() and "hand-written" in readme.lower()


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared not present")
def test_no_text_copied_from_shared_data(
    balance: list[dict[str, object]], demo_jsonl: list[dict[str, object]], demo_txt: list
) -> None:
    def shingles(text: str, n: int = 10) -> set[tuple[str, ...]]:
        words = re.findall(r"[\w'-]+", text.lower())
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    theirs: set[tuple[str, ...]] = set()
    for path in sorted((SHARED / "gold").glob("*.jsonl")):
        for row in read_jsonl(path):
            theirs |= shingles(str(row["text"]))
    for path in sorted((SHARED / "seed").glob("*.txt")):
        theirs |= shingles(path.read_text(encoding="utf-8"))
    ours = [str(r["text"]) for r in balance + demo_jsonl] + [b + " " + f for _d, b, f in demo_txt]
    copied = [s for t in ours for s in shingles(t) if s in theirs]
    assert not copied, copied[:3]


def test_real_coder_finds_the_planted_west_shift(tmp_path: Path) -> None:
    """End to end: ingest the corpus with real spaCy into a real store; the West's share of KAZ events jumps."""
    from multivector.ingest.run import ingest_paths
    from multivector.queries import list_events

    store = tmp_path / "balance.duckdb"
    report = ingest_paths([examples.balance_path()], store, progress=False)
    assert report.articles_new == len(read_jsonl(examples.balance_path()))
    assert not report.quarantined
    planted = examples.PLANTED
    poles: dict[str, Counter[str]] = {"before": Counter(), "after": Counter()}
    for ev in list_events(store, country=planted.country):
        other = ev["target"] if ev["source"] == planted.country else ev["source"]
        pole = examples.pole_of(other)
        if pole is not None:
            poles["after" if str(ev["date"])[:7] >= planted.shift_month else "before"][pole] += 1
    share = {k: c[planted.rising_pole] / max(1, sum(c.values())) for k, c in poles.items()}
    assert sum(poles["before"].values()) >= 20 and sum(poles["after"].values()) >= 20, poles
    assert share["after"] >= 2 * share["before"], (share, poles)
    assert share["after"] >= 0.3, share
