"""Event time: when a coded event happened, read from the date words near its trigger, and whether it is news.

Articles report new happenings and mention old ones: "Tokayev, who visited Moscow in 2019, met Putin on
Tuesday" holds a 2019 visit and a meeting this week. Each event gets

* ``date``: the day the words name, read against the article date ("on Tuesday" = the latest Tuesday on
  or before it, "last month" = that month's first day, "in 2019" = 2019-01-01, "three years ago", "since
  2014", "on 5 March", "in the 1990s"); the article date when the words name none, point ahead ("will
  visit next month": the event is the statement) or only relate to another event ("the same day");
* ``precision``: day | month | year | article (no date words: the article's date);
* ``timing``: new | recent | background. Background is a month or more before the article (the scheme of
  ../shared/gold/README.md, rule 9): NEW_DAYS and BACKGROUND_DAYS below. A period named only roughly
  ("last year", "in 2023" in a November 2023 article) is judged by its middle day unless all of it lies on
  one side of a threshold. "Recent"/"recently" with no date is recent.

Which words belong to which event: the sentence is cut into segments at commas, semicolons, colons,
brackets and dashes (not inside a date such as "March 5, 2019"); an event takes the nearest expression in
its own segment, else a sentence-opening one ("In 2019, ...", "Last year, ...") unless its own segment is a
relative or subordinate clause. Nominal events with no date words that name a long-running situation
("Russia's invasion of Ukraine") take its start date from ``data/situations.yaml``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

from .. import yamlfast

TIMINGS = ("new", "recent", "background")
PRECISIONS = ("day", "month", "year", "article")
NEW_DAYS = 7  # reported within a week of happening: news
BACKGROUND_DAYS = 30  # "a month or more before the article date" (gold README, rule 9)

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {"sept": 9} | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m and m != "May"}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
           "thirty": 30, "forty": 40, "fifty": 50, "a few": 3, "several": 3, "a couple of": 2, "some": 3}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))  # longest first: "sept" before "sep"
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_NUM = r"(?P<num>\d{1,2}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + ")"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_SEG = re.compile(r"[,;:()\[\]]|\s[—–-]\s|—|–")
# Roots whose events speak of what is yet to come (intent, threat), and the words that still place them before
AHEAD_ROOTS = frozenset({"03", "13"})
# A day a measure takes effect from ("bans Russian airlines from October 25", "starting January 1"): with no year,
# it is the next such day, and the event is the announcement (not a span: "from January to March")
_EFFECTIVE_WORDS = r"(?:from|starting|as of|effective|beginning)"
_EFFECTIVE = re.compile(rf"\b{_EFFECTIVE_WORDS}\s+(?:on\s+)?$", re.I)  # right before the date expression
_EFFECTIVE_TEXT = re.compile(rf"{_EFFECTIVE_WORDS}\s", re.I)  # or opening it ("from January 1")
_SPAN_END = re.compile(r"\s*(?:to|until|till|through|and)\b", re.I)
_PAST_WORDS = re.compile(r"\d{4}|\b(?:ago|last|yesterday|earlier|previous|past)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|shall|'ll|next|upcoming|plans?|planned|planning|expects?|expected|due to|"
                     r"set to|scheduled|intends?|intended|aims?|is to|are to|to be held|later this|coming|"
                     # (what schedules a measure: "a tariff to start on September 24", "takes effect on 1 July")
                     r"to (?:start|begin|take effect|come into force)|takes? effect|effective from|starting)\b", re.I)
# Another clause between a trigger and a later time expression: a relative pronoun, or a participle with its own
# adjunct ("lifts sanctions ... on Japanese nationals abducted by North Korean agents in the 1970s", "crimes
# committed during the genocide in 1994"), or a participle right before it ("releases a citizen detained last
# year", "returns the tanker it seized in July"): the expression dates that clause, not the trigger.
_INNER_CLAUSE = re.compile(r"\b(?:who|whom|whose|which)\b|\b[a-z]{3,}ed (?:by|during|in|on|at|since|from|near|"
                           r"along|across|after|before|last|earlier)\b|\b[a-z]{3,}ed\s*$")
# A relative clause between a time expression and a later trigger: "a cyber attack in July that it blamed on
# Tehran" (July dates the attack, not the blaming).
_RELATIVE = re.compile(r"^[^,;]*?\b(?:that|which|who|whom)\b")
_SUBORDINATE = re.compile(r"^\s*(?:who|whom|whose|which|where|when|that|while|after|before|as|since|because|"
                          r"although|though|if|until|once)\b", re.I)
_FIRST_SINCE = re.compile(r"\b(?:first|last|only)\b[^,;:]*$", re.I)


@dataclass(frozen=True, slots=True)
class EventTime:
    """When an event happened and whether the article reports it as news; ``text`` is the expression read."""

    date: dt.date
    precision: str
    timing: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class _Expr:
    """A date expression found in a sentence: [lo, hi] (days), or a marker (recent, future, relative)."""

    start: int
    end: int
    text: str
    lo: dt.date | None
    hi: dt.date | None
    precision: str
    kind: str = "date"  # date | recent | background | future | relative


# -- calendar helpers --------------------------------------------------------------------------
def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _latest_month(month: int, a: dt.date) -> int:
    """The year of the latest ``month`` that began on or before ``a`` ("in March", no year)."""
    return a.year if month <= a.month else a.year - 1


def _weekday_on_or_before(weekday: int, a: dt.date, *, strictly: bool = False) -> dt.date:
    back = (a.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return a - dt.timedelta(days=back)


def _num(text: str) -> int:
    t = text.lower()
    return int(t) if t.isdigit() else NUMBERS[t]


# -- expressions: (regex, resolver); earlier rows win where matches overlap -----------------------
Resolver = Callable[[re.Match[str], dt.date], tuple[dt.date | None, dt.date | None, str, str]]


def _day_month(m: re.Match[str], a: dt.date) -> tuple[dt.date | None, dt.date | None, str, str]:
    month, day = MONTHS[m["month"].lower()], int(m["day"])
    year = int(m["year"]) if m["year"] else _latest_month(month, a)
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None, None, "day", "date"
    if not m["year"] and d > a:  # "on 28 March" read in early March: last year's
        try:
            d = d.replace(year=d.year - 1)
        except ValueError:
            return None, None, "day", "date"
    return d, d, "day", "date"


def _month_year(m: re.Match[str], a: dt.date) -> tuple[dt.date | None, dt.date | None, str, str]:
    month = MONTHS[m["month"].lower()]
    year = int(m["year"]) if m["year"] else _latest_month(month, a)
    kind = "since" if (m["prep"] or "").lower() == "since" else "date"
    return dt.date(year, month, 1), _month_end(year, month), "month", kind


def _year(m: re.Match[str], a: dt.date) -> tuple[dt.date | None, dt.date | None, str, str]:
    y = int(m["year"])
    if m["decade"]:  # "in the 1990s"
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "year", "date"
    prep = (m["prep"] or "").lower()
    kind = "since" if prep == "since" else "date" if prep else "modifier"  # "the 2014 annexation"
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", kind


def _weekday(m: re.Match[str], a: dt.date) -> tuple[dt.date | None, dt.date | None, str, str]:
    d = _weekday_on_or_before(WEEKDAYS[m["weekday"].lower()], a, strictly=(m["prep"] or "").lower() == "last")
    return d, d, "day", "date"


# Parts of a year named before "this/last/the year" (or month): (first month, last month) of the year they cover;
# of a month, an early part is its first ten days and a late one from the 21st.
YEAR_PARTS = {"early": (1, 4), "at the start of": (1, 4), "at the beginning of": (1, 4), "in the first half of": (1, 6),
              "late": (9, 12), "at the end of": (9, 12), "in the second half of": (7, 12)}


def _relative_unit(m: re.Match[str], a: dt.date) -> tuple[dt.date | None, dt.date | None, str, str]:
    word, unit = m["which"].lower(), m["unit"].lower()
    part = " ".join((m.groupdict().get("part") or "").lower().split())
    if word == "the":
        if not part:
            return None, None, "article", "relative"
        word = "this"  # "at the start of the year": of the article's year
    if part and unit in ("month", "year"):
        # "early this year", "late last year", "at the end of last month", "in the first half of the year"
        first_month, last_month = YEAR_PARTS[part]
        if unit == "year":
            y = a.year - 1 if word == "last" else a.year
            lo, hi = dt.date(y, first_month, 1), _month_end(y, last_month)
        else:  # a month's part: its first ten days, or from the 21st
            lo = _add_months(a.replace(day=1), -1) if word == "last" else a.replace(day=1)
            end = _month_end(lo.year, lo.month)
            lo, hi = (lo, lo.replace(day=10)) if first_month == 1 else (lo.replace(day=21), end)
        return lo, min(hi, a) if lo <= a else hi, "month" if unit == "year" else "day", "date"
    if word == "this" and not m["earlier"]:  # "this year" includes today: it says nothing about how long ago
        return None, None, "article", "relative"
    if unit == "week" or unit == "weekend":
        start = a - dt.timedelta(days=a.weekday())
        lo = start - dt.timedelta(days=7) if word == "last" else start
        hi = lo + dt.timedelta(days=6)
        return lo, min(hi, a), "day", "date"
    if unit == "month":
        lo = _add_months(a.replace(day=1), -1) if word == "last" else a.replace(day=1)
        return lo, min(_month_end(lo.year, lo.month), a), "month", "date"
    y = a.year - 1 if word == "last" else a.year
    return dt.date(y, 1, 1), min(dt.date(y, 12, 31), a), "year", "date"


def _ago(m: re.Match[str], a: dt.date) -> tuple[dt.date | None, dt.date | None, str, str]:
    n, unit = _num(m["num"]), m["unit"].lower()
    if unit == "day":
        d = a - dt.timedelta(days=n)
        return d, d, "day", "date"
    if unit == "week":
        d = a - dt.timedelta(days=7 * n)
        return d, d, "day", "date"
    if unit == "month":
        d = _add_months(a, -n)
        return d.replace(day=1), _month_end(d.year, d.month), "month", "date"
    years = n * (10 if unit == "decade" else 1)
    y = a.year - years
    return dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "date"


SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month (northern seasons)


def _season(m: re.Match[str], a: dt.date) -> tuple[dt.date | None, dt.date | None, str, str]:
    """"in the spring of 2014", "in summer 2019", "last winter", "in the summer": three months from the season's
    first; with no year, the latest that began on or before the article."""
    first = SEASONS[m["season"].lower()]
    prep = (m.groupdict().get("prep") or "").lower()
    if m["year"]:
        y = int(m["year"])
    else:
        y = _latest_month(first, a) - (1 if prep == "last" and first <= a.month else 0)
    lo = dt.date(y, first, 1)
    hi = _add_months(lo, 3) - dt.timedelta(days=1)
    return lo, min(hi, a) if lo <= a else hi, "month", "since" if prep == "since" else "date"


def _fixed(days: int) -> Resolver:
    def resolve(m: re.Match[str], a: dt.date) -> tuple[dt.date | None, dt.date | None, str, str]:
        d = a - dt.timedelta(days=days)
        return d, d, "day", "date"
    return resolve


def _marker(kind: str) -> Resolver:
    def resolve(m: re.Match[str], a: dt.date) -> tuple[dt.date | None, dt.date | None, str, str]:
        if kind == "background":  # "in recent years": some time in the last few years, not this month
            return dt.date(a.year - 1, 1, 1), dt.date(a.year - 1, 12, 31), "year", kind
        return None, None, "article", kind
    return resolve


_PREP = r"(?:(?P<prep>in|on|since|during|from|by|until|before|after|of|early|late|mid-?|the end of|the start of)\s+)?"
_EXPRESSIONS: tuple[tuple[re.Pattern[str], Resolver], ...] = tuple(
    (re.compile(rx, re.I), fn) for rx, fn in (
        (r"\b(?:the\s+)?(?:same|that|following|next|previous)\s+(?:day|week|month|evening|morning)\b|"
         r"\bthe\s+day\s+(?:before|after)\b", _marker("relative")),
        (r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|two\s+|three\s+|several\s+)?"
         r"(?:years|decades)\b", _marker("background")),
        (r"\b(?P<prep>in|since|during|last|this)\s+(?:the\s+)?(?:early\s+|late\s+)?" + _SEASON
         + r"\b(?:\s+(?:of\s+)?" + _YEAR + r"\b)?(?!\s+(?:session|offensive|games|olympics|school|camp|of\b))",
         _season),  # (not "in the fall of Kabul", "in the spring of his presidency")
        (r"\b(?:the\s+)?(?:early\s+|late\s+)?" + _SEASON + r"\s+(?:of\s+)?" + _YEAR + r"\b", _season),
        (r"\b(?:tomorrow|next\s+(?:week|month|year|weekend|" + "|".join(WEEKDAYS) + r")|"
         r"later\s+this\s+(?:week|month|year)|in\s+the\s+coming\s+(?:days|weeks|months|years))\b", _marker("future")),
        (_PREP + r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b",
         _day_month),
        (_PREP + r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+" + _YEAR + r")?", _day_month),
        (_PREP + r"\b" + _MONTH + r"\s+" + _YEAR + r"\b", _month_year),
        # ("mid-June", "mid June": the hyphen joins the month as a space does)
        (r"(?P<prep>in|since|during|from|until|by|early|late|mid|last|this)(?:\s+|-)" + _MONTH + r"\b(?P<year>)",
         _month_year),
        (r"\b(?:(?P<prep>in|since|during|from|until|by|before|after|between|at the end of|at the start of|"
         r"at the beginning of|by the end of)\s+)?(?:the\s+)?(?:early\s+|late\s+|mid-)?" + _YEAR
         + r"(?P<decade>s)?(?=\b)(?!\s*(?:%|per\s?cent|tonnes|people|km|mw))", _year),
        (r"\b(?P<num>yesterday)\b", _fixed(1)),
        (r"\b(?:today|this\s+(?:morning|afternoon|evening)|tonight|earlier\s+today)\b", _fixed(0)),
        (r"\b(?P<earlier>earlier\s+)?(?P<part>early\s+|late\s+|at\s+the\s+(?:start|beginning|end)\s+of\s+|"
         r"in\s+the\s+(?:first|second)\s+half\s+of\s+)?(?P<which>last|this|the)\s+(?P<unit>week|weekend|month|year)\b",
         _relative_unit),
        # "in the first week of October", "the last days of March": the month
        (r"\bthe\s+(?:first|second|third|fourth|last|final)\s+(?:week|weekend|days|fortnight|half)\s+of\s+" + _MONTH
         + r"\b(?P<year>)(?P<prep>)", _month_year),
        (r"\b" + _NUM + r"\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b", _ago),
        # told as long before, or as an era of history: "decades ago", "years earlier", "a year earlier", "the
        # previous year", "during the Cold War", "in the Second World War"
        (r"\b(?:decades|years|months)\s+(?:ago|earlier|before)\b|\b(?:a|one)\s+year\s+earlier\b|"
         r"\bthe\s+previous\s+year\b|\b(?:during|in|after)\s+the\s+(?:Cold\s+War|(?:First|Second)\s+"
         r"World\s+War|Soviet\s+era)\b|\b(?:during|in|after)\s+World\s+War\s+(?:I|II|One|Two|1|2)\b",
         _marker("background")),
        (r"\b(?:(?P<prep>on|last|this|early|late)\s+)?" + _WEEKDAY + r"(?:\s+(?:morning|afternoon|evening|night))?\b",
         _weekday),
        (r"\b(?:recently|recent|lately)\b", _marker("recent")),
    )
)


# Every expression above needs one of these words or a digit: one search skips most sentences.
_ANY = re.compile(r"\d|\b(?:" + _MONTH_NAMES + "|" + "|".join(WEEKDAYS)
                  + r"|yesterday|today|tonight|tomorrow|ago|last|this|next|later|coming|recent\w*|lately|same|"
                    r"previous|following|day|week|month|months|year|years|decades|past|earlier|spring|summer|autumn|"
                    r"fall|winter|cold|world|soviet)\b", re.I)


# The expressions that name a month match it as a whole word (or "Sept."): a sentence with no month word
# skips them (their unanchored prepositions made them half of the search time).
_MONTH_WORD = re.compile(r"\b(?:" + _MONTH_NAMES + r")\b", re.I)
_NEEDS_MONTH = tuple("(?P<month>" in rx.pattern for rx, _fn in _EXPRESSIONS)


@functools.lru_cache(maxsize=4096)  # every event of a sentence reads the same expressions
def find_expressions(sentence: str, article_date: dt.date) -> tuple[_Expr, ...]:
    """Every date expression in a sentence, left to right, non-overlapping (earlier table rows win)."""
    if not _ANY.search(sentence):
        return ()
    taken: list[tuple[int, int]] = []
    out: list[_Expr] = []
    month = _MONTH_WORD.search(sentence) is not None
    for (rx, fn), needs_month in zip(_EXPRESSIONS, _NEEDS_MONTH, strict=True):
        if needs_month and not month:
            continue
        for m in rx.finditer(sentence):
            s, e = m.span()
            text = m.group(0).strip()
            if not text or any(s < te and ts < e for ts, te in taken):
                continue
            if fn is _year and not _year_context(m, sentence):
                continue
            lo, hi, precision, kind = fn(m, article_date)
            if kind == "date" and sentence[max(0, s - 6):s].lower().endswith("since "):
                kind = "since"  # "since early April": the expression's own pattern did not take the "since"
            if kind in ("date", "since", "modifier") and lo is None:
                continue
            if kind in ("date", "since", "modifier") and lo is not None and lo > article_date:
                kind, lo, hi = "future", None, None
            taken.append((s, e))
            out.append(_Expr(s, e, text, lo, hi, precision, kind))
    return tuple(sorted(out, key=lambda x: x.start))


def _year_context(m: re.Match[str], sentence: str) -> bool:
    """A bare four-digit number is a year only with a preposition, a decade 's', a possessive, or as a modifier
    ("the 2014 annexation"): not "22 million tonnes ... 2022 crop figures 2023" noise."""
    if m["prep"] or m["decade"]:
        return True
    after = sentence[m.end():m.end() + 3]
    before = sentence[max(0, m.start("year") - 4):m.start("year")].lower()
    return after.startswith("'s") or after.startswith("’s") or (before.endswith("the ") and after[:1] == " "
                                                                 and after[1:2].islower())


def _segments(sentence: str, exprs: Sequence[_Expr]) -> list[tuple[int, int]]:
    """Clause-like segments of a sentence (cut at punctuation outside date expressions)."""
    cuts = [0]
    for m in _SEG.finditer(sentence):
        if not any(x.start <= m.start() < x.end for x in exprs):
            cuts.append(m.start())
    cuts.append(len(sentence))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def classify(lo: dt.date, hi: dt.date, article_date: dt.date, *, ongoing: bool = False) -> str:
    """new | recent | background for an event somewhere in [lo, hi] reported on ``article_date``; ``ongoing``:
    a state that has lasted through [lo, hi] ("since 2014"), placed at its middle."""
    hi = min(hi, article_date)
    if (article_date - hi).days >= BACKGROUND_DAYS:
        return "background"
    if (article_date - lo).days <= NEW_DAYS:
        return "new"
    if hi >= article_date and not ongoing:
        # a span that reaches the article ("in 2015" in a 2015 article, "this year"): the event may be days old,
        # so it is not known to be history (gold rule 9 wants a month or more before)
        return "recent"
    mid = lo + (hi - lo) / 2
    days = (article_date - mid).days
    return "new" if days <= NEW_DAYS else "recent" if days < BACKGROUND_DAYS else "background"


@dataclass(frozen=True, slots=True)
class Situation:
    """A long-running happening named without a date (data/situations.yaml)."""

    name: str
    source: str
    target: str
    roots: tuple[str, ...]
    nouns: tuple[str, ...]
    since: dt.date


@functools.cache
def situations() -> tuple[Situation, ...]:
    """The situations of data/situations.yaml."""
    doc = yamlfast.safe_load((resources.files("multivector.identity") / "data" / "situations.yaml").read_text("utf-8"))
    return tuple(
        Situation(str(s["name"]), str(s["source"]), str(s["target"]), tuple(str(r) for r in s["roots"]),
                  tuple(str(n).lower() for n in s["nouns"]), s["since"] if isinstance(s["since"], dt.date)
                  else dt.date.fromisoformat(str(s["since"])))
        for s in doc["situations"]
    )


def _situation(trigger: str, source: str, target: str, root: str) -> Situation | None:
    word = trigger.lower().strip()
    for s in situations():
        if s.source == source and s.target == target and root[:2] in s.roots and (
                word in s.nouns or word.rstrip("s") in s.nouns):
            return s
    return None


def read_time(
    sentence: str, trigger_start: int, trigger_end: int, article_date: dt.date, *,
    nominal: bool = False, source: str = "", target: str = "", root: str = "",
) -> EventTime:
    """The event time of the event whose trigger spans [trigger_start, trigger_end) of ``sentence``.

    ``nominal`` (a noun trigger), ``source``, ``target`` and ``root`` let a dateless nominal event match a
    long-running situation of data/situations.yaml.
    """
    exprs = find_expressions(sentence, article_date)
    here = _pick(sentence, exprs, trigger_start, trigger_end)
    article = EventTime(article_date, "article", "new")
    if here is None:
        if nominal:
            sit = _situation(sentence[trigger_start:trigger_end], source, target, root)
            if sit is not None and sit.since <= article_date:
                return EventTime(sit.since, "day", classify(sit.since, sit.since, article_date), sit.name)
        return article
    if here.kind in ("future", "relative"):
        return EventTime(article_date, "article", "new", here.text)
    if root in AHEAD_ROOTS and here.kind == "date" and not _PAST_WORDS.search(here.text):
        # "agree to hold talks in October": an intent or a threat names a time ahead, so a month or day with no
        # year is the next one, not the last; the event is the statement (as "will visit next month")
        return EventTime(article_date, "article", "new", here.text)
    if here.kind == "date" and (_EFFECTIVE.search(sentence[:here.start]) or _EFFECTIVE_TEXT.match(here.text)) \
            and not _PAST_WORDS.search(here.text) \
            and not _SPAN_END.match(sentence[here.end:]):
        return EventTime(article_date, "article", "new", here.text)
    if here.kind == "recent":
        return EventTime(article_date, "article", "recent", here.text)
    assert here.lo is not None and here.hi is not None
    if here.kind == "since":  # "has deported hundreds since early April": going on until the article, not history
        return EventTime(here.lo, here.precision, classify(here.lo, article_date, article_date, ongoing=True),
                         here.text)
    if here.kind == "background":
        return EventTime(here.lo, here.precision, "background", here.text)
    return EventTime(here.lo, here.precision, classify(here.lo, here.hi, article_date), here.text)


def _pick(sentence: str, exprs: Sequence[_Expr], t0: int, t1: int) -> _Expr | None:
    """The expression that dates the trigger at [t0, t1): its own segment's nearest, else an opening one."""
    if not exprs:
        return None
    segs = _segments(sentence, exprs)
    seg_of = next(((a, b) for a, b in segs if a <= t0 < b), segs[-1])

    def usable(x: _Expr, seg: tuple[int, int]) -> bool:
        if x.kind == "since" and _FIRST_SINCE.search(sentence[seg[0]:x.start]):
            return False  # "the first visit since 2019": the visit is not from 2019
        if x.kind == "modifier":  # a bare year dates only the noun right after it: "the 2014 annexation"
            return 0 <= t0 - x.end <= 3
        return True

    own = [x for x in exprs if seg_of[0] <= x.start < seg_of[1] and usable(x, seg_of)
           and not (x.start >= t1 and _INNER_CLAUSE.search(sentence[t1:x.start]))
           and not (x.end <= t0 and _RELATIVE.search(sentence[x.end:t0]))]
    if own:
        if _FUTURE.search(sentence[seg_of[0]:seg_of[1]]) and not any(x.kind in ("background",) for x in own):
            past = [x for x in own if x.kind == "date" and "ago" in x.text.lower()]
            if not past:
                return _Expr(own[0].start, own[0].end, own[0].text, None, None, "article", "future")
            own = past
        return min(own, key=lambda x: min(abs(x.start - t1), abs(t0 - x.end)))
    first = segs[0]
    if first != seg_of and not _SUBORDINATE.match(sentence[seg_of[0]:seg_of[1]].lstrip(",;:()—– ")):
        opening = [x for x in exprs if first[0] <= x.start < first[1] and x.kind != "modifier"]
        if opening and len(sentence[first[0]:first[1]].split()) <= 6:
            return opening[0]
    return None
