"""Deterministic synthetic news corpus for the benchmarks, plus the real Wikipedia text when present.

Articles of 5-12 sentences: event sentences built from the shipped lexicons (countries, capitals,
leaders in office on the article date, CAMEO verbs from ``events/data/en/triggers/``), pronoun
follow-ups ("He said ..."), and filler with no actor at all (economy, weather, sport). About half
of all sentences are filler, as in real news (``FILLER_SHARE``). Same seed -> same bytes.

News-length mode (``--news``, ``generate(..., news=True)``): 20-30 sentences an article, as wire
stories run (the default 5-12 overstates per-article throughput about threefold); same mix of
sentences. Measured on 1,000 such articles: see bench/README.md (bench_scale.py).

Usage: ``python bench/corpus.py OUT_DIR --n 2000 --seed 7 [--news]`` writes OUT_DIR/articles.jsonl.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "multivector"
WIKI_NAME = "corpora/wikipedia-current-events-2015-09.json"

FILLER_SHARE = 0.5  # share of sentences with no actor (real news: roughly half, see the brief)
FOLLOW_SHARE = 0.3  # of the remaining (actor) sentences, share that are pronoun follow-ups
TIE_SHARE = 0.15  # of the named-actor sentences, share that state a dependence (events/data/ties.yaml)
DATE_RANGE = (dt.date(2016, 1, 1), dt.date(2024, 12, 31))
SENTENCES = (5, 12)  # sentences per article, default mode
NEWS_SENTENCES = (20, 30)  # news-length mode: wire stories run 20-30 sentences  # leaders.yaml covers 2015-2026 well

# Irregular past tenses of the lexicon's verbs; regular ones go through _past().
_IRREGULAR = {
    "meet": "met", "hold": "held", "send": "sent", "give": "gave", "sell": "sold", "build": "built",
    "begin": "began", "fly": "flew", "come": "came", "have": "had", "seek": "sought", "take": "took",
    "break": "broke", "withdraw": "withdrew", "strike": "struck", "fight": "fought", "speak": "spoke",
    "put": "put", "cut": "cut", "set": "set", "bring": "brought", "freeze": "froze", "sit": "sat",
    "forgive": "forgave", "lend": "lent", "throw": "threw", "keep": "kept", "draw": "drew", "shut": "shut",
    "buy": "bought", "pay": "paid", "let": "let", "beat": "beat", "quit": "quit", "slay": "slew",
    "ban": "banned", "ship": "shipped", "slam": "slammed", "admit": "admitted", "commit": "committed",
    "expel": "expelled", "jet": "jetted", "stop": "stopped", "plan": "planned", "rebut": "rebutted",
    "lead": "led", "spurn": "spurned", "outlaw": "outlawed", "slap": "slapped", "rally": "rallied",
    "ink": "inked", "patrol": "patrolled", "control": "controlled", "bid": "bid", "blow": "blew",
}
# Object lemmas read as mass nouns; every other object lemma is written in the plural.
_MASS = frozenset("aid assistance support funding help cooperation trade investment intelligence data information "
                  "food medicine asylum fire gunfire artillery control mediation engagement recognition "
                  "participation territory".split())
_DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
         "last week", "earlier this month", "late on Sunday", "this week", "overnight", "", "", "")
_ATTRIB = ("", "", "", ", officials said", ", state media reported", ", according to a statement",
           ", diplomats said", ", the foreign ministry said", ", a spokesman said")
_FOLLOW = (
    "{He} said the talks had been {adj} and that both sides would meet again {when}.",
    "{He} told reporters that the {noun} was {adj}.",
    "{They} also discussed {topic}, {attr2}.",
    "{Its} foreign ministry called the move {adj} in a statement {when}.",
    "The country has sought closer ties on {topic} for {n} years.",
    "{He} did not say when the {noun} would be signed.",
    "{They} agreed to set up a working group on {topic} by {month}.",
    "{Its} officials declined to give further details {when}.",
)
# Stative ties in the shapes events/data/ties.yaml reads (import-from, depend-on, sell-to, supplier, ally).
_TIES = (
    "{A} imports most of its {good} from {B}",
    "{A} depends on {Badj} {good}",
    "{A} relies heavily on {B} for {good}",
    "{A} sells much of its {good} to {B}",
    "{B} is the largest supplier of {good} to {A}",
    "{B} remains {A}'s main trading partner",
    "{B} supplies {n} percent of {A}'s {good}",
)
_FILLER = (
    "Inflation rose to {f} percent in {month}, the statistics office said.",
    "The central bank kept its key rate at {f} percent for the {ord} month in a row.",
    "Shares of the largest {sector} companies fell {f} percent in early trading.",
    "Retail sales grew {f} percent from a year earlier, helped by {cause}.",
    "Heavy rain is expected across the {region} {when}, forecasters said.",
    "Temperatures could reach {t} degrees in the {region} later this week.",
    "Snow closed {n} mountain roads and delayed flights at the main airport.",
    "The home side won {g}-{g2} on Sunday with a late goal from their {player}.",
    "The national {sport} team will play its next match in {month}.",
    "Ticket prices for the {sport} final rose by {n} percent this year.",
    "Unemployment fell to {f} percent, the lowest level since {year}.",
    "Farmers expect a {adj2} harvest after a {adj3} spring.",
    "The new bridge over the river is due to open in {month} after {n} years of work.",
    "Fuel prices went up by {f} percent at the start of {month}.",
    "A {sector} firm said it would hire {n}00 workers at its new plant.",
    "Local elections in {n} districts will be held in {month}.",
    "The annual book fair drew {n},000 visitors over {g} days.",
    "Power was cut to {n},000 homes after a storm hit the {region}.",
    "The budget deficit narrowed to {f} percent of economic output.",
    "Hospitals reported {n} new cases of influenza {when}.",
)
_WORDS: dict[str, tuple[str, ...]] = {
    "adj": ("productive", "constructive", "difficult", "frank", "useful", "unacceptable", "premature", "historic"),
    "adj2": ("good", "poor", "record", "modest", "late"), "adj3": ("dry", "wet", "cold", "warm", "short"),
    "noun": ("agreement", "deal", "plan", "accord", "roadmap", "proposal", "memorandum"),
    "topic": ("energy supplies", "border security", "transit routes", "water sharing", "migration", "grain exports",
              "visa rules", "debt relief", "railway links", "customs checks", "nuclear safety", "fishing rights"),
    "month": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"),
    "ord": ("second", "third", "fourth", "fifth", "sixth"),
    "sector": ("mining", "banking", "steel", "telecom", "retail", "shipping", "chemical", "textile"),
    "cause": ("holiday spending", "higher wages", "lower fuel prices", "online orders", "tourism"),
    "region": ("north", "south", "east", "west", "capital region", "coast", "highlands", "valley"),
    "sport": ("football", "volleyball", "hockey", "basketball", "rugby", "handball"),
    "good": ("gas", "oil", "wheat", "electricity", "grain", "machinery", "fuel", "investment"),
    "player": ("captain", "striker", "substitute", "young midfielder", "veteran defender"),
}


@dataclass(frozen=True, slots=True)
class Vocab:
    """Actor surface forms and event templates drawn from the package lexicons."""

    countries: tuple[tuple[str, str, tuple[str, ...]], ...]  # name, adjective, capitals
    orgs: tuple[str, ...]
    leaders: tuple[tuple[str, str, dt.date, dt.date], ...]  # name, title, term start, term end
    templates: tuple[str, ...]  # "{A} verb ... {B}" (also {Badj})


def _yaml(rel: str) -> dict[str, Any]:
    with (DATA / rel).open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def _past(verb: str) -> str:
    """Simple past of a lexicon lemma (multiword: the first word inflects: "pulled out")."""
    head, _, rest = verb.partition(" ")
    if head in _IRREGULAR:
        out = _IRREGULAR[head]
    elif head.endswith("e"):
        out = head + "d"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        out = head[:-1] + "ied"
    else:
        out = head + "ed"
    return f"{out} {rest}".strip()


def _plural(noun: str) -> str:
    if noun in _MASS:
        return noun
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _template(v: str, slot: str | None, obj: str) -> str:
    """A sentence template for one verb form, its first target slot and an optional object noun."""
    if slot is None:
        return f"{{A}} {v} the reports"
    if slot == "dobj":
        return f"{{A}} {v} {{B}}'s {obj}" if obj else f"{{A}} {v} {{B}}"
    if slot == "dative":
        return f"{{A}} {v} {{B}} {obj or 'support'}"
    if slot == "possessor":
        return f"{{A}} {v} {{B}}'s {obj or 'citizens'}"
    if slot == "adjective":
        return f"{{A}} {v} {{Badj}} {obj or 'nationals'}"
    if slot == "ccomp":
        return f"{{A}} {v} that {{B}} withdraw its forces"
    return f"{{A}} {v} {obj + ' ' if obj else ''}{slot} {{B}}"


def _templates(verbs: list[dict[str, Any]]) -> tuple[str, ...]:
    """Templates per (pattern, lemma): bare, and with up to 3 of the pattern's object nouns."""
    out: list[str] = []
    for p in verbs:
        slot = (p.get("target") or ["dobj"])[0] if p.get("target") != [] else None
        objs = [_plural(o) for o in sorted(p.get("objects") or {})[:3]]
        forms = objs if p.get("only_objects") else ["", *objs]
        for lemma in p.get("lemmas", []):
            out.extend(_template(_past(lemma), slot, obj) for obj in forms)
    return tuple(out)


@functools.cache
def vocab() -> Vocab:
    """Read the shipped lexicons once (countries with an adjective, codable organisations, leaders' terms)."""
    countries = tuple(
        (c["name"], c["adjectives"][0], tuple(c.get("capitals") or ()))
        for c in _yaml("actors/data/countries.yaml")["countries"] if c.get("adjectives")
    )
    orgs = tuple(o["aliases"][0] for o in _yaml("actors/data/organizations.yaml")["organizations"]
                 if o.get("codable", True) and o.get("aliases"))
    leaders = []
    for p in _yaml("actors/data/leaders.yaml")["leaders"]:
        for t in p.get("terms") or ():
            start = t.get("start") or dt.date.min
            end = t.get("end") or dt.date.max
            if isinstance(start, dt.date) and isinstance(end, dt.date):
                leaders.append((str(p["name"]), str(t.get("title") or ""), start, end))
    verbs = [v for f in sorted((DATA / "events" / "data" / "en" / "triggers").glob("*.yaml"))
             for v in (_yaml(str(f.relative_to(DATA))).get("verbs") or [])]
    return Vocab(countries, orgs, tuple(leaders), _templates(verbs))


def _fill(rng: random.Random, template: str, **given: str) -> str:
    """Fill {slots} from _WORDS and random numbers (numbers make each article's shingles its own)."""
    vals = {k: rng.choice(v) for k, v in _WORDS.items()}
    vals.update(f=f"{rng.uniform(0.1, 9.9):.1f}", n=str(rng.randint(2, 60)), t=str(rng.randint(-25, 42)),
                g=str(rng.randint(0, 5)), g2=str(rng.randint(0, 5)), year=str(rng.randint(1995, 2015)),
                when=rng.choice(_DAYS) or "soon", attr2=rng.choice(("officials said", "a statement said",
                                                                    "reports said")))
    vals.update(given)
    return template.format(**vals)


def _actor(rng: random.Random, v: Vocab, date: dt.date, country: tuple[str, str, tuple[str, ...]]) -> tuple[str, str]:
    """A surface form naming an actor, and its pronoun kind (person | thing | plural)."""
    name, adj, caps = country
    r = rng.random()
    if r < 0.25:
        in_office = [x for x in rng.sample(v.leaders, 40) if x[2] <= date <= x[3]]
        if in_office:
            who, title, _, _ = in_office[0]
            titled = title and rng.random() < 0.6 and title.split()[-1] not in who  # not "King King Abdullah"
            return (f"{title} {who}" if titled else who), "person"
    if r < 0.35 and caps:
        return rng.choice(caps), "thing"
    if r < 0.45:
        return f"the {adj} government", "thing"
    if r < 0.52:
        return f"{adj} officials", "plural"
    if r < 0.58 and v.orgs:
        return rng.choice(v.orgs), "thing"
    return name, "thing"


_PRONOUNS = {"person": ("He", "His"), "thing": ("It", "Its"), "plural": ("They", "Their")}


def article(rng: random.Random, index: int, sentences: tuple[int, int] = SENTENCES) -> dict[str, Any]:
    """One synthetic article as a JSONL record (date, title, text, url) of ``sentences`` (min, max) sentences."""
    v = vocab()
    lo, hi = DATE_RANGE
    date = lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))
    n = rng.randint(*sentences)
    sents: list[str] = []
    last_kind = "thing"
    title = ""
    n_filler = 0
    p_filler = FILLER_SHARE * n / (n - 1)  # the lead sentence is never filler
    for i in range(n):
        r = rng.random()
        if i > 0 and r < p_filler:
            sents.append(_fill(rng, rng.choice(_FILLER)))
            n_filler += 1
        elif i > 0 and r < p_filler + (1 - p_filler) * FOLLOW_SHARE:
            he, its = _PRONOUNS[last_kind]
            sents.append(_fill(rng, rng.choice(_FOLLOW), He=he, Its=its, They="They"))
        else:
            a, b = rng.sample(v.countries, 2)
            a_text, last_kind = _actor(rng, v, date, a)
            b_text, _ = _actor(rng, v, date, b)
            if rng.random() < TIE_SHARE:
                a_text, last_kind = a[0], "thing"  # dependence is said of countries
                body = _fill(rng, rng.choice(_TIES), A=a_text, B=b[0], Badj=b[1])
            else:
                tpl = rng.choice(v.templates)
                # A possessive needs a plain name ("Iran's citizens", not "Iranian officials's citizens").
                body = tpl.format(A=a_text, B=b[0] if "{B}'s" in tpl else b_text, Badj=b[1])
            s = f"{body} {rng.choice(_DAYS)}".rstrip() + rng.choice(_ATTRIB) + "."
            sents.append(s[0].upper() + s[1:])
            title = title or f"{a[0]} and {b[0]}: {rng.choice(_WORDS['topic'])}"
    text = " ".join(sents)
    return {"date": date.isoformat(), "title": title, "text": text, "url": f"https://example.org/news/{index:06d}",
            "n_sentences": n, "n_filler": n_filler}


def generate(n: int, seed: int = 7, *, news: bool = False) -> list[dict[str, Any]]:
    """``n`` synthetic article records, the same for the same seed; ``news``: 20-30 sentences each."""
    rng = random.Random(seed)
    return [article(rng, i, NEWS_SENTENCES if news else SENTENCES) for i in range(n)]


def write_jsonl(records: list[dict[str, Any]], folder: str | Path, name: str = "articles.jsonl") -> Path:
    """Write records one per line into ``folder`` (created); returns the file path."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def shared_dir() -> Path | None:
    """../shared beside the checkout, $MULTIVECTOR_SHARED or /work/shared; None when absent."""
    env = os.environ.get("MULTIVECTOR_SHARED")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared", Path("/work/shared")]:
        if (cand / WIKI_NAME).is_file():
            return cand
    return None


def wikipedia_records() -> list[dict[str, Any]] | None:
    """The 428 Wikipedia current-events summaries as records (read in place, never copied); None when absent."""
    root = shared_dir()
    if root is None:
        return None
    with (root / WIKI_NAME).open(encoding="utf-8") as fh:
        items = json.load(fh)
    out = []
    for i, it in enumerate(items):
        text = str(it.get("description") or "").strip()
        if text:
            out.append({"date": it["date"], "title": "", "text": text, "url": f"wikipedia-cep:{it.get('id', i)}"})
    return out


def iter_texts(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL corpus file."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def main() -> None:
    """Write a corpus file and print its counts as JSON."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="folder to write articles.jsonl into")
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--news", action="store_true", help="news-length articles (20-30 sentences)")
    args = ap.parse_args()
    recs = generate(args.n, args.seed, news=args.news)
    path = write_jsonl(recs, args.out)
    sents = sum(r["n_sentences"] for r in recs)
    print(json.dumps({"path": str(path), "articles": len(recs), "sentences": sents,
                      "filler_share": round(sum(r["n_filler"] for r in recs) / sents, 3)}))


if __name__ == "__main__":
    main()
