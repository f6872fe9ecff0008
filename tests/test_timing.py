"""Event time: date words read against the article date, attached to the right event, new/recent/background."""

from __future__ import annotations

import datetime as dt

import pytest

from multivector.identity.timing import BACKGROUND_DAYS, NEW_DAYS, classify, read_time, situations

A = dt.date(2023, 11, 14)  # a Tuesday
D = dt.date

CASES = [
    # sentence, trigger word, expected (date, precision, timing)
    ("Putin visited Astana on Tuesday.", "visited", (A, "day", "new")),
    ("Putin visited Astana on Monday.", "visited", (D(2023, 11, 13), "day", "new")),
    ("Putin visited Astana on Thursday.", "visited", (D(2023, 11, 9), "day", "new")),
    ("Putin visited Astana yesterday.", "visited", (D(2023, 11, 13), "day", "new")),
    ("Putin visited Astana two weeks ago.", "visited", (D(2023, 10, 31), "day", "recent")),
    ("Putin visited Astana last month.", "visited", (D(2023, 10, 1), "month", "recent")),
    ("Putin visited Astana in October.", "visited", (D(2023, 10, 1), "month", "recent")),
    # seasons, with or without a year; the latest one that began by the article date
    ("Putin visited Astana in the spring of 2014.", "visited", (D(2014, 3, 1), "month", "background")),
    ("Putin visited Astana in summer 2019.", "visited", (D(2019, 6, 1), "month", "background")),
    ("Putin visited Astana in the summer.", "visited", (D(2023, 6, 1), "month", "background")),
    ("Putin visited Astana this autumn.", "visited", (D(2023, 9, 1), "month", "recent")),
    ("Putin visited Astana in the fall of Kabul.", "visited", (A, "article", "new")),
    # told as long before, or as an era of history
    ("Putin visited Astana years earlier.", "visited", (D(2022, 1, 1), "year", "background")),
    ("Putin visited Astana during the Cold War.", "visited", (D(2022, 1, 1), "year", "background")),
    ("Putin visited Astana for the first time since the Cold War.", "visited", (A, "article", "new")),
    ("Putin visited Astana at the end of 2019.", "visited", (D(2019, 1, 1), "year", "background")),
    ("Putin visited Astana between 2014 and 2016.", "visited", (D(2014, 1, 1), "year", "background")),
    # a day a measure takes effect from, with no year, is ahead: the event is the announcement; a span is not
    ("Russia bans Turkish imports from January 1.", "bans", (A, "article", "new")),
    ("Russia bans Turkish imports starting January 1.", "bans", (A, "article", "new")),
    ("Russia banned Turkish imports from January to March.", "banned", (D(2023, 1, 1), "month", "background")),
    ("Russia banned Turkish imports from 1 January 2014.", "banned", (D(2014, 1, 1), "day", "background")),
    # part of a year or month: "early this year", "late last year", "at the start of the year"
    ("Putin visited Astana early this year.", "visited", (D(2023, 1, 1), "month", "background")),
    ("Putin visited Astana late last year.", "visited", (D(2022, 9, 1), "month", "background")),
    ("Putin visited Astana at the start of the year.", "visited", (D(2023, 1, 1), "month", "background")),
    ("Putin visited Astana at the beginning of the month.", "visited", (D(2023, 11, 1), "day", "recent")),
    ("Putin visited Astana this year.", "visited", (A, "article", "new")),
    # "mid-September": the hyphen joins the month as a space does
    ("Putin visited Astana in mid-September.", "visited", (D(2023, 9, 1), "month", "background")),
    ("Putin visited Astana in mid September.", "visited", (D(2023, 9, 1), "month", "background")),
    ("Putin visited Astana last year.", "visited", (D(2022, 1, 1), "year", "background")),
    ("Putin visited Astana in 2019.", "visited", (D(2019, 1, 1), "year", "background")),
    ("Putin visited Astana three years ago.", "visited", (D(2020, 1, 1), "year", "background")),
    ("Putin visited Astana on 5 March 2019.", "visited", (D(2019, 3, 5), "day", "background")),
    ("Putin visited Astana on March 5, 2019, and met Tokayev.", "visited", (D(2019, 3, 5), "day", "background")),
    ("Putin visited Astana in the 1990s.", "visited", (D(1990, 1, 1), "year", "background")),
    ("Russia has backed the separatists since 2014.", "backed", (D(2014, 1, 1), "year", "background")),
    # going on since a few weeks ago, up to the article: recent, not history
    ("Lebanon has deported hundreds of Syrians since early October.", "deported", (D(2023, 10, 1), "month", "recent")),
    # a date inside another clause dates that clause: a participle with its own phrase, a relative clause
    ("Japan lifts sanctions over nationals abducted by North Korean agents in the 1970s.", "lifts", (A, "article", "new")),
    ("Albania cut ties over a cyber attack in July that it blamed on Iran.", "blamed", (A, "article", "new")),
    # ... or a participle right before it: the detention, the seizure, not the release
    ("Belarus releases a Lithuanian citizen detained last year.", "releases", (A, "article", "new")),
    ("Iran returns the British tanker it seized in July.", "returns", (A, "article", "new")),
    ("The 2014 annexation of Crimea was condemned.", "annexation", (D(2014, 1, 1), "year", "background")),
    ("In 2019, Tokayev visited Moscow.", "visited", (D(2019, 1, 1), "year", "background")),
    ("Last year, Tokayev visited Moscow.", "visited", (D(2022, 1, 1), "year", "background")),
    # the nearest expression of the trigger's own clause wins
    ("Tokayev, who visited Moscow in 2019, met Putin on Tuesday.", "visited", (D(2019, 1, 1), "year", "background")),
    ("Tokayev, who visited Moscow in 2019, met Putin on Tuesday.", "met", (A, "day", "new")),
    ("Kazakhstan signed an agreement on Thursday on the Ural River, which has fallen in recent years.", "signed",
     (D(2023, 11, 9), "day", "new")),
    # words that do not move the date
    ("Putin visited Astana for the first time since 2019.", "visited", (A, "article", "new")),
    ("It was the first trip by a British minister to Kazakhstan this year.", "trip", (A, "article", "new")),
    ("Lavrov will visit Astana next month.", "visit", (A, "article", "new")),
    ("Lavrov will visit Astana in March.", "visit", (A, "article", "new")),
    ("Wang Yi praised Kazakhstan on the same day.", "praised", (A, "article", "new")),
    ("Kazakhstan imports 2023 tonnes of the 2019 harvest.", "imports", (A, "article", "new")),
    ("Tokayev, speaking in 2019 terms, praised Russia.", "praised", (A, "article", "new")),
    ("The recent visit of Russian President Vladimir Putin to Kazakhstan was short.", "visit", (A, "article", "recent")),
]


@pytest.mark.parametrize(("sentence", "trigger", "want"), CASES)
def test_read_time(sentence: str, trigger: str, want: tuple[dt.date, str, str]) -> None:
    i = sentence.index(trigger)
    t = read_time(sentence, i, i + len(trigger), A)
    assert (t.date, t.precision, t.timing) == want, t


def test_month_without_year_is_the_latest_one_before_the_article() -> None:
    s = "Tokayev visited Beijing in December."
    i = s.index("visited")
    t = read_time(s, i, i + 7, dt.date(2024, 2, 10))
    assert (t.date, t.timing) == (D(2023, 12, 1), "background")


def test_a_month_an_intent_or_threat_names_is_ahead() -> None:
    # "agree to hold talks in October" speaks of the next October: the event is the statement, and it is news
    s = "Kazakhstan and Uzbekistan agree to hold talks in October."
    i = s.index("hold")
    assert read_time(s, i, i + 4, A, root="03").timing == "new"
    # an act told as done in that month stays in the past, and so does an intent with a past year
    assert read_time(s, i, i + 4, A, root="04").timing == "recent"
    s = "Tokayev pledged in October 2019 to visit Kyiv."
    i = s.index("visit")
    assert read_time(s, i, i + 5, A, root="03").timing == "background"


def test_a_measure_scheduled_to_start_on_a_day_is_announced_now() -> None:
    # the day ahead dates the measure's start, not the announcement (without a year it would be last year's)
    s = "Kazakhstan announces export duties on coal to start on November 30."
    i = s.index("announces")
    assert read_time(s, i, i + 9, A).timing == "new"
    s = "Kazakhstan raised export duties on coal on November 30."
    i = s.index("raised")
    assert read_time(s, i, i + 6, A).timing == "background"


def test_long_running_situation_dates_a_nominal_event() -> None:
    s = "Kazakhstan refused to support Russia's invasion of Ukraine."
    i = s.index("invasion")
    kw = {"nominal": True, "source": "RUS", "target": "UKR", "root": "19"}
    old = read_time(s, i, i + 8, D(2023, 11, 14), **kw)  # type: ignore[arg-type]
    assert (old.date, old.timing) == (D(2022, 2, 24), "background")
    fresh = read_time(s, i, i + 8, D(2022, 2, 25), **kw)  # type: ignore[arg-type]
    assert fresh.timing == "new"
    verbal = read_time(s, i, i + 8, D(2023, 11, 14), **{**kw, "nominal": False})  # type: ignore[arg-type]
    assert verbal.timing == "new"  # only a named situation, not any fighting between the two
    assert all(x.since < D(2023, 1, 1) and x.nouns for x in situations())


def test_thresholds_follow_the_gold_scheme() -> None:
    assert (NEW_DAYS, BACKGROUND_DAYS) == (7, 30)  # "a month or more before the article date"
    a = D(2024, 3, 31)
    assert classify(a - dt.timedelta(days=7), a - dt.timedelta(days=7), a) == "new"
    assert classify(a - dt.timedelta(days=8), a - dt.timedelta(days=8), a) == "recent"
    assert classify(a - dt.timedelta(days=30), a - dt.timedelta(days=30), a) == "background"
    # "this year" reaches the article date: the event may be days old, so it is not known to be history; but
    # a state that has lasted through the span ("since January") sits at its middle day
    assert classify(D(2024, 1, 1), a, a) == "recent"
    assert classify(D(2024, 1, 1), a, a, ongoing=True) == "background"
