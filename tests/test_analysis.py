"""Analysis on small hand-built stores: numbers checked against independent computations."""

from __future__ import annotations

import datetime as dt
import math
import random
from pathlib import Path

import pytest

from multivector.analysis import balance, detect_shifts, dyad_series, load_poles
from multivector.analysis.stats import MIN_STORIES, share_interval
from multivector.errors import EmptyStoreError, LexiconError, UnknownActorError, UsageError
from multivector.events import cameo
from multivector.records import Article, CodedArticle, Event, Sentence, Tie
from multivector.store import Store

Spec = tuple[str, str, str, dt.date]  # source, target, CAMEO code, date


def coded(specs: list[Spec], ties: list[tuple[str, str, str, dt.date]] = ()) -> list[CodedArticle]:  # type: ignore[assignment]
    """One article per event or tie, its single sentence naming the actors (distinct texts -> distinct ids)."""
    out = []
    for i, (src, tgt, code, day) in enumerate(specs):
        text = f"Report {i}: {src} did {code} to {tgt}."
        art = Article.make(text, day)
        c = cameo.lookup(code)
        ev = Event(art.id, day, 0, 0, len(text), src, None, tgt, None, c.code, c.root, c.quad_class, c.goldstein,
                   c.plover_type, c.plover_mode, "test")
        out.append(CodedArticle(art, (Sentence(art.id, 0, 0, len(text), text),), events=(ev,)))
    for i, (a, b, typ, day) in enumerate(ties):
        text = f"Tie {i}: {a} depends on {b} for {typ}."
        art = Article.make(text, day)
        out.append(CodedArticle(art, (Sentence(art.id, 0, 0, len(text), text),),
                                ties=(Tie(art.id, day, 0, 0, len(text), a, b, typ, "test"),)))
    return out


def make_store(path: Path, specs: list[Spec], ties: list[tuple[str, str, str, dt.date]] = ()) -> Path:  # type: ignore[assignment]
    with Store(path) as st:
        st.write(coded(specs, ties))
    return path


D = dt.date
SPECS: list[Spec] = [
    ("RUS", "KAZ", "042", D(2024, 1, 5)), ("KAZ", "RUS", "120", D(2024, 1, 9)), ("FRA", "KAZ", "051", D(2024, 1, 20)),
    ("USA", "KAZ", "036", D(2024, 3, 2)), ("KAZ", "USA", "043", D(2024, 3, 3)), ("KAZ", "RUS", "111", D(2024, 3, 30)),
    ("CHN", "KAZ", "071", D(2024, 3, 15)), ("RUS", "KAZ", "173", D(2024, 4, 1)), ("UZB", "KAZ", "042", D(2024, 4, 2)),
    ("RUS", "UKR", "190", D(2024, 1, 2)),
]
TIES = [("KAZ", "RUS", "trade", D(2024, 1, 7)), ("KAZ", "RUS", "energy", D(2024, 3, 7)),
        ("RUS", "KAZ", "energy", D(2024, 4, 8))]
WEST = set(load_poles()["WST"].members)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    path = make_store(tmp_path / "s.duckdb", SPECS, TIES)
    st = Store(path, read_only=True)
    yield st  # type: ignore[misc]
    st.close()


def test_dyad_series_counts_both_directions_per_month(store: Store) -> None:
    series = dyad_series(store, "KAZ", "RUS")
    months = sorted({f"{d.year}-{d.month:02d}" for s, t, _, d in SPECS if {s, t} == {"KAZ", "RUS"}})
    assert [p.period for p in series][::2] == ["2024-01", "2024-02", "2024-03", "2024-04"]  # gap month kept
    assert months[0] == series[0].period and months[-1] == series[-1].period
    for p in series:
        mine = [cameo.lookup(c) for s, t, c, d in SPECS
                if (s, t) == (p.source, p.target) and f"{d.year}-{d.month:02d}" == p.period]
        assert p.n == len(mine)
        for q in (1, 2, 3, 4):
            assert p.counts[q - 1] == sum(1 for c in mine if c.quad_class == q)
            assert math.isclose(p.goldstein[q - 1], sum(c.goldstein for c in mine if c.quad_class == q))
        assert math.isclose(p.net_cooperation, sum(c.goldstein for c in mine))
    jan = {(p.source, p.target): p for p in series if p.period == "2024-01"}
    assert jan[("KAZ", "RUS")].counts == (0, 0, 1, 0)  # 120 reject = verbal conflict
    assert jan[("RUS", "KAZ")].coop_minus_conflict == 1
    quarters = dyad_series(store, "KAZ", "RUS", freq="quarter")
    assert [p.period for p in quarters] == ["2024-Q1", "2024-Q1", "2024-Q2", "2024-Q2"]
    assert sum(p.n for p in quarters) == sum(1 for s, t, _, _ in SPECS if {s, t} == {"KAZ", "RUS"})


def test_dyad_series_date_window(store: Store) -> None:
    series = dyad_series(store, "KAZ", "RUS", since=D(2024, 3, 1), until=D(2024, 3, 31))
    assert {p.period for p in series} == {"2024-03"}
    assert sum(p.n for p in series) == 1


def test_balance_shares_index_and_ties(store: Store) -> None:
    rep = balance(store, "KAZ", "RUS,WST,CHN")
    assert rep.periods == ("2024-01", "2024-02", "2024-03", "2024-04")
    members = {"RUS": {"RUS"}, "WST": WEST, "CHN": {"CHN"}}
    for period in rep.periods:
        y, m = map(int, period.split("-"))
        per = [(s, t, c) for s, t, c, d in SPECS if (d.year, d.month) == (y, m) and "KAZ" in (s, t)]
        n = {p: sum(1 for s, t, _ in per if (s if t == "KAZ" else t) in members[p]) for p in members}
        total = sum(n.values())
        bal = next(b for b in rep.balance if b.period == period)
        assert bal.total == total
        assert bal.stories == total  # one article (one story) per event here
        if total < MIN_STORIES:  # too little evidence: counts shown, no share, a note saying why
            assert bal.index is None and bal.shares == ()
            assert all(rep.row(p, period).share is None and rep.row(p, period).n == n[p] for p in members)
            assert (bal.note != "") == (total > 0)
            continue
        shares = {p: n[p] / total for p in members}
        for p in members:
            r = rep.row(p, period)
            assert r.n == n[p] and math.isclose(r.share or 0.0, shares[p], abs_tol=1e-6)
            assert math.isclose(r.lean or 0.0, shares[p] - 1 / 3, abs_tol=1e-6)
            assert r.share_low is not None and r.share_high is not None
            assert r.share_low <= shares[p] <= r.share_high and r.share_high - r.share_low > 0.2  # a few stories
            assert r.stories == n[p]
        entropy = -sum(s * math.log(s) for s in shares.values() if s > 0) / math.log(3)
        assert math.isclose(bal.index or 0.0, entropy, abs_tol=1e-6)
    # UZB is in no pole and RUS->UKR does not involve KAZ: neither is counted
    assert all(e.source != "UZB" and e.target != "UKR" for e in rep.events)
    jan_rus = rep.row("RUS", "2024-01")
    assert (jan_rus.n_out, jan_rus.n_in, jan_rus.cooperation, jan_rus.conflict) == (1, 1, 1, 1)
    assert jan_rus.ties == (("trade", "country_on_pole", 1),)
    assert rep.row("RUS", "2024-04").ties == (("energy", "pole_on_country", 1),)
    assert rep.balance[-1].note == f"too little evidence: 1 story ({MIN_STORIES} needed)"


def test_share_interval_widens_when_one_story_holds_the_events() -> None:
    # 9 of 11 interactions from one article: the interval is that of a couple of observations, not of 11.
    spread = share_interval([1] * 9 + [0, 0], [1] * 11)
    lumped = share_interval([8, 1, 0, 0], [8, 1, 1, 1])
    assert spread is not None and lumped is not None
    assert math.isclose(spread.share, 9 / 11) and math.isclose(lumped.share, 9 / 11)
    assert lumped.n_eff < 4 < spread.n_eff
    assert lumped.high - lumped.low > spread.high - spread.low + 0.1
    assert spread.low < 9 / 11 < spread.high
    # Independent stories: Wilson's 90% interval on n = 10 (11 stories times the (m-1)/m small-sample factor)
    z, p, n = 1.6448536, 9 / 11, 10
    centre, half = (p + z * z / (2 * n)) / (1 + z * z / n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    assert math.isclose(spread.n_eff, 10)
    assert math.isclose(spread.low, centre - half, abs_tol=1e-6) and math.isclose(spread.high, centre + half, abs_tol=1e-6)


def test_two_pole_tilt(store: Store) -> None:
    rep = balance(store, "KAZ", ["RUS", "WST"], freq="year")
    (b,) = rep.balance
    n_rus = sum(1 for s, t, _, _ in SPECS if {s, t} == {"KAZ", "RUS"})
    n_wst = sum(1 for s, t, _, _ in SPECS if "KAZ" in (s, t) and (s if t == "KAZ" else t) in WEST)
    assert math.isclose(b.tilt or 0.0, (n_rus - n_wst) / (n_rus + n_wst), abs_tol=1e-6)


def test_errors(tmp_path: Path, store: Store) -> None:
    with pytest.raises(UnknownActorError):
        balance(store, "KAZ", "RUS,XYZ")
    with pytest.raises(UnknownActorError):
        dyad_series(store, "KAZ", "QQQ")
    with pytest.raises(UsageError):
        dyad_series(store, "KAZ", "RUS", freq="fortnight")
    with Store(tmp_path / "empty.duckdb") as empty, pytest.raises(EmptyStoreError):
        balance(empty, "KAZ", "RUS,WST")


def test_user_poles_file(tmp_path: Path, store: Store) -> None:
    f = tmp_path / "poles.yaml"
    f.write_text("poles:\n  ASIA:\n    label: Asian neighbours\n    members: [CHN, UZB]\n", encoding="utf-8")
    rep = balance(store, "KAZ", "RUS,ASIA", poles_file=f, freq="year")
    assert rep.row("ASIA", rep.periods[0]).n == 2  # CHN 071 and UZB 042
    bad = tmp_path / "bad.yaml"
    bad.write_text("poles:\n  ASIA:\n    members: [china]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="members"):
        balance(store, "KAZ", "ASIA", poles_file=bad)


def _months(n: int) -> list[dt.date]:
    return [D(2023 + (m // 12), m % 12 + 1, 1) for m in range(n)]


# Codes of five different identity families: one actor's events a day apart are distinct happenings
# only when their families differ within the 3-day window (multivector/identity/data/families.yaml).
FAMILIES = ("042", "051", "111", "0311", "120")


def _spread(who: str, day: dt.date, n: int, codes: tuple[str, ...] = FAMILIES) -> list[Spec]:
    """n events of ``who`` toward KAZ, one a day, cycling through ``codes``: n distinct interactions."""
    return [(who, "KAZ", codes[k % len(codes)], day + dt.timedelta(days=k % 28)) for k in range(n)]


def test_planted_share_shift_found_with_its_drivers(tmp_path: Path) -> None:
    # Months 1-3: Russia gets 75% of KAZ's interactions; months 4-6: the West 75%; one story each.
    specs: list[Spec] = []
    for i, day in enumerate(_months(6)):
        n_rus, n_wst = (15, 5) if i < 3 else (5, 15)
        specs += _spread("RUS", day, n_rus) + _spread("USA", day, n_wst)
    with Store(make_store(tmp_path / "p.duckdb", specs), read_only=True) as st:
        rep = balance(st, "KAZ", "RUS,WST")
        shifts = detect_shifts(rep, measures=("share",))
    found = {(s.pole, s.before, s.after, s.direction) for s in shifts}
    assert found == {("WST", "2023-03", "2023-04", "up"), ("RUS", "2023-03", "2023-04", "down")}
    wst = next(s for s in shifts if s.pole == "WST")
    assert math.isclose(wst.value_before, 0.25) and math.isclose(wst.value_after, 0.75)
    assert (wst.span_before, wst.span_after) == ("2023-01..2023-03", "2023-04..2023-06")
    assert wst.stories_before == wst.stories_after == 60
    assert wst.low_before is not None and wst.high_before is not None and wst.low_after is not None
    assert wst.low_before < 0.25 < wst.high_before < wst.low_after < 0.75
    assert wst.p_value < 0.05 and wst.z > 0
    assert wst.drivers and all(e.source in WEST and e.date.month == 4 and e.sentence for e in wst.drivers)
    assert len({e.article_id for e in wst.drivers}) == len(wst.drivers)  # one per story
    rus = next(s for s in shifts if s.pole == "RUS")
    assert all(e.source in WEST for e in rus.drivers)  # the share went to the West


def test_one_article_does_not_make_a_shift(tmp_path: Path) -> None:
    # Six months of steady, well-spread engagement; one op-ed in month 6 codes 12 Russia interactions.
    specs: list[Spec] = []
    for day in _months(6):
        specs += _spread("RUS", day, 6) + _spread("GBR", day, 6)
    text = " ".join(f"Russia did thing {k} to Kazakhstan." for k in range(12))
    art = Article.make(text, dt.date(2023, 6, 20))
    sents, evs, pos = [], [], 0
    for k in range(12):
        t = f"Russia did thing {k} to Kazakhstan."
        sents.append(Sentence(art.id, k, pos, pos + len(t), t))
        c = cameo.lookup(("042", "051", "111", "0311", "120", "173", "013", "020", "036", "057", "061", "071")[k])
        evs.append(Event(art.id, art.date, k, pos, pos + 6, "RUS", None, "KAZ", None, c.code, c.root, c.quad_class,
                         c.goldstein, c.plover_type, c.plover_mode, "test"))
        pos += len(t) + 1
    path = make_store(tmp_path / "o.duckdb", specs)
    with Store(path) as st:
        st.write([CodedArticle(art, tuple(sents), events=tuple(evs))])
    with Store(path, read_only=True) as st:
        rep = balance(st, "KAZ", "RUS,WST")
        jun = rep.row("RUS", "2023-06")
        assert jun.n == 18 and jun.stories == 7  # 12 interactions from one story
        assert detect_shifts(rep) == []
        # counted as independent events, the same data is a "shift" (two-proportion z, one month vs the rest)
        x1, n1 = sum(rep.row("RUS", p).n for p in rep.periods[:-1]), sum(b.total for b in rep.balance[:-1])
        x2, n2 = jun.n, rep.balance[-1].total
        pool = (x1 + x2) / (n1 + n2)
        z = (x2 / n2 - x1 / n1) / math.sqrt(pool * (1 - pool) * (1 / n1 + 1 / n2))
        assert z > 2.0


def test_noise_only_changes_yield_no_shift(tmp_path: Path) -> None:
    rng = random.Random(7)
    specs: list[Spec] = []
    for day in _months(8):
        for k in range(40):  # same 50/50 rate and same event mix every month, random counts
            who = "RUS" if rng.random() < 0.5 else "GBR"
            code = FAMILIES[k % len(FAMILIES)] if rng.random() < 0.7 else "112"
            specs.append((who, "KAZ", code, day + dt.timedelta(days=k % 28)))
    with Store(make_store(tmp_path / "n.duckdb", specs), read_only=True) as st:
        rep = balance(st, "KAZ", "RUS,WST")
        assert detect_shifts(rep) == []
        # the raw month-to-month share changes are not all tiny: a fixed threshold would fire
        shares = [rep.row("RUS", p).share or 0.0 for p in rep.periods]
        assert max(abs(a - b) for a, b in zip(shares, shares[1:], strict=False)) > 0.1


def test_planted_goldstein_shift(tmp_path: Path) -> None:
    specs: list[Spec] = []
    for i, day in enumerate(_months(2)):
        # praise, signing, visits, then accusations, rejections, threats: same counts, opposite tone
        codes = ("051", "057", "042", "061") if i == 0 else ("112", "120", "130", "160")
        specs += _spread("FRA", day, 12, codes) + _spread("RUS", day, 12, ("010", "020", "040", "050"))
    with Store(make_store(tmp_path / "g.duckdb", specs), read_only=True) as st:
        shifts = detect_shifts(balance(st, "KAZ", "RUS,WST"))
    assert [(s.pole, s.measure, s.direction) for s in shifts] == [("WST", "goldstein", "down")]
    assert all(e.code in ("112", "120", "130", "160") for e in shifts[0].drivers)


def test_weeks_are_iso_weeks_and_reversed_windows_are_refused(store: Store) -> None:
    rep = balance(store, "KAZ", "RUS,WST", freq="week")
    assert rep.periods and all(p[4:6] == "-W" for p in rep.periods)
    for b in rep.balance:
        assert b.start.weekday() == 0 and (b.end - b.start).days == 7 and b.period == (
            f"{b.start.isocalendar()[0]}-W{b.start.isocalendar()[1]:02d}")
    assert sum(b.total for b in rep.balance) == sum(b.total for b in balance(store, "KAZ", "RUS,WST").balance)
    with pytest.raises(UsageError, match="swap them"):
        balance(store, "KAZ", "RUS", since=dt.date(2024, 6, 1), until=dt.date(2024, 1, 1))
