"""Score the coder against hand-annotated gold (../shared/gold/README.md scheme).

Events match per sentence (per article for articles) as multisets of
(source, target, CAMEO root); secondary scores use the full 3-digit code or the
PLOVER type; ties match on (a, b, type). Micro P/R/F1, also per tag.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GoldFormatError
from .records import Article, CodedArticle, Event


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Counter[Any], pred: Counter[Any]) -> None:
        inter = sum((gold & pred).values())
        self.tp += inter
        self.fp += sum(pred.values()) - inter
        self.fn += sum(gold.values()) - inter

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp,
                "fn": self.fn}


@dataclass
class Unit:
    """One scored unit: a gold sentence or article with what the coder produced."""

    id: str
    text: str
    gold_events: list[dict[str, Any]]
    gold_ties: list[dict[str, Any]]
    tags: list[str]
    coded: CodedArticle | None = None
    optional: list[dict[str, Any]] = field(default_factory=list)


CONFLICT_ROOTS = frozenset(f"{r}" for r in range(14, 21))


def _only(c: Counter[tuple[str, str, str]], roots: set[str] | frozenset[str]) -> Counter[tuple[str, str, str]]:
    return Counter({k: n for k, n in c.items() if k[2] in roots})


def _root(code: str) -> str:
    return str(code)[:2]


def _ev_keys(events: Iterable[dict[str, Any]], level: str) -> Counter[tuple[str, str, str]]:
    c: Counter[tuple[str, str, str]] = Counter()
    for e in events:
        if level == "plover":
            if "plover" in e:
                c[(e["source"], e["target"], str(e["plover"]))] += 1
        elif "code" in e:
            c[(e["source"], e["target"], _root(e["code"]) if level == "root" else str(e["code"])[:3])] += 1
    return c


def news_events(c: CodedArticle) -> list[Event]:
    """The events a gold annotator codes: not background (gold rule 9: history, a month or more before the
    article). The coder keeps background events with their own date; the store marks them the same way."""
    from .identity.update import time_columns

    sents = {s.index: s for s in c.sentences}
    out = []
    for e in c.events:
        s = sents.get(e.sentence_index)
        t = time_columns(s.text if s else None, s.start if s else 0, e.start, e.end, c.article.date, e.pattern,
                         e.source, e.target, e.root)
        if t["timing"] != "background":
            out.append(e)
    return out


def _pred_dicts(events: Sequence[Event]) -> list[dict[str, Any]]:
    return [{"source": e.source, "target": e.target, "code": e.code, "plover": e.plover_type,
             "pattern": e.pattern, "sentence": e.sentence_index} for e in events]


_EVENT_KEYS = ("source", "target", "code")
_TIE_KEYS = ("a", "b", "type")


def _records(value: object, keys: tuple[str, ...], what: str, where: str) -> list[dict[str, Any]]:
    """A list of objects whose ``keys`` hold text; GoldFormatError naming the first bad one."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise GoldFormatError(where, f"'{what}' must be a list of objects")
    for i, rec in enumerate(value):
        if not isinstance(rec, dict) or not all(isinstance(rec.get(k), str) and rec.get(k) for k in keys):
            raise GoldFormatError(where, f"{what}[{i}] must be an object with text fields {', '.join(keys)}")
    return value


def _check_seed(data: object, where: str) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get("document"), str):
        raise GoldFormatError(where, "a .json gold file must be a seed-gold object with 'document'")
    for what in ("events", "optional_events"):
        _records(data.get(what), (*_EVENT_KEYS, "sentence"), what, where)
    _records(data.get("ties"), _TIE_KEYS, "ties", where)
    return data


def _unit(d: object, where: str) -> Unit:
    """One gold record checked field by field (id, text, a real date, events, ties, tags)."""
    if not isinstance(d, dict):
        raise GoldFormatError(where, f"a gold record must be a JSON object, not {type(d).__name__}")
    for key in ("id", "text", "date"):
        if key not in d:
            raise GoldFormatError(where, f"bad gold record (no '{key}')")
    if not isinstance(d["text"], str) or not d["text"].strip():
        raise GoldFormatError(where, "'text' must be non-empty text")
    try:
        dt.date.fromisoformat(str(d["date"]))
    except ValueError:
        raise GoldFormatError(where, f"'date' {str(d['date'])[:30]!r} is not a YYYY-MM-DD day") from None
    tags = d.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise GoldFormatError(where, "'tags' must be a list of words")
    return Unit(str(d["id"]), d["text"], _records(d.get("events"), _EVENT_KEYS, "events", where),
                _records(d.get("ties"), _TIE_KEYS, "ties", where), tags, optional=[{"date": str(d["date"])}])


def load_units(path: Path) -> tuple[str, list[Unit], dict[str, Any]]:
    """Read a gold file: 'sentences' (events-dev), 'articles' (articles-dev) or 'seed' (seed-gold.json).

    Every record is checked; a malformed one is a GoldFormatError naming the file, line and field.
    """
    if not path.is_file():
        raise GoldFormatError(str(path), "no such file" if not path.exists() else "not a file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(str(path), f"not UTF-8 text (byte at offset {exc.start})") from exc
    except OSError as exc:
        raise GoldFormatError(str(path), f"cannot read ({exc.strerror or exc})") from exc
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError, ValueError) as exc:
            raise GoldFormatError(str(path), f"not JSON ({str(exc).splitlines()[0][:80]})") from exc
        return "seed", [], _check_seed(data, str(path))
    units: list[Unit] = []
    kind = "sentences"
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except (json.JSONDecodeError, RecursionError, ValueError) as exc:
            raise GoldFormatError(f"{path}:{n}", f"bad gold record ({str(exc).splitlines()[0][:80]})") from exc
        if isinstance(d, dict) and "sentences" in d:
            kind = "articles"
        units.append(_unit(d, f"{path}:{n}"))
    if not units:
        raise GoldFormatError(str(path), "no gold records in the file")
    return kind, units, {}


def _code(units: list[Unit], n_process: int) -> None:
    from .pipeline import code_articles

    arts = [Article.make(u.text, dt.date.fromisoformat(u.optional[0]["date"])) for u in units]
    for u, c in zip(units, code_articles(arts, n_process=n_process), strict=True):
        u.coded = c


def _seed_document(path: Path, data: dict[str, Any]) -> Path:
    doc = Path(data["document"])
    for cand in (doc, path.parent / doc, path.parent.parent / "seed" / doc.name):
        if cand.exists():
            return cand
    raise GoldFormatError(str(path), f"seed document {doc} not found")


def evaluate_seed(path: Path, data: dict[str, Any], *, errors: bool = False) -> dict[str, Any]:
    """Seed acceptance: required events found, false positives (optional events count neither way), ties."""
    from .ingest import iter_inputs
    from .pipeline import code_article

    doc_path = _seed_document(path, data)
    arts = [a for a in iter_inputs([doc_path]) if isinstance(a, Article)]
    if not arts:
        raise GoldFormatError(str(doc_path), "the seed document did not ingest")
    coded = code_article(arts[0])
    sents = {s.index: s.text for s in coded.sentences}
    required = list(data.get("events", []))
    optional = list(data.get("optional_events", []))
    root = Score()
    full = Score()
    fps = []
    unmatched = list(required)
    for e in news_events(coded):
        key = (e.source, e.target, e.root)
        stext = sents.get(e.sentence_index, "")
        hit = next((g for g in unmatched if (g["source"], g["target"], _root(g["code"])) == key
                    and g["sentence"] in stext), None)
        if hit is not None:
            unmatched.remove(hit)
            root.tp += 1
            if len(str(hit["code"])) == 3:
                full.tp += int(hit["code"] == e.code[:3])
                full.fp += int(hit["code"] != e.code[:3])
            continue
        if any((g["source"], g["target"], _root(g["code"])) == key and g["sentence"] in stext for g in optional):
            continue
        root.fp += 1
        fps.append({"sentence": stext, "source": e.source, "target": e.target, "code": e.code, "pattern": e.pattern})
    root.fn = len(unmatched)
    full.fn = sum(1 for g in required if len(str(g["code"])) == 3) - full.tp
    tie_score = Score()
    gold_ties = Counter((t["a"], t["b"], t["type"]) for t in data.get("ties", []))
    tie_score.add(gold_ties, Counter((t.a, t.b, t.type) for t in coded.ties))
    faq_events = [e for e in coded.events if sents.get(e.sentence_index, "").lstrip().startswith(("Q:", "A:"))]
    out: dict[str, Any] = {
        "kind": "seed", "events": root.as_dict(), "events_full_code": full.as_dict(), "ties": tie_score.as_dict(),
        "required_found": root.tp, "required": len(required), "false_positives": root.fp,
        "faq_events": len(faq_events),
    }
    if errors:
        out["errors"] = {"false_positives": fps, "missed": unmatched}
    return out


def evaluate_file(path: str | Path, *, errors: bool = False, n_process: int = 1) -> dict[str, Any]:
    """Score the coder on a gold file; returns the JSON-able report `multivector evaluate --json` prints."""
    p = Path(path)
    kind, units, data = load_units(p)
    if kind == "seed":
        return evaluate_seed(p, data, errors=errors)
    _code(units, n_process)
    scores = {k: Score() for k in ("events", "events_full_code", "events_plover", "ties", "material_conflict")}
    by_tag: dict[str, Score] = {}
    by_root: dict[str, Score] = {}
    errs = []
    for u in units:
        assert u.coded is not None
        pred = _pred_dicts(news_events(u.coded))
        g_root, p_root = _ev_keys(u.gold_events, "root"), _ev_keys(pred, "root")
        scores["events"].add(g_root, p_root)
        # Per root and for material conflict (roots 14-20), where a miss matters most to a struggle for influence.
        for r in {k[2] for k in g_root} | {k[2] for k in p_root}:
            by_root.setdefault(r, Score()).add(_only(g_root, {r}), _only(p_root, {r}))
        scores["material_conflict"].add(_only(g_root, CONFLICT_ROOTS), _only(p_root, CONFLICT_ROOTS))
        scores["events_full_code"].add(_ev_keys(u.gold_events, "full"), _ev_keys(pred, "full"))
        gold_plover = [e for e in u.gold_events if "plover" in e]
        if gold_plover:
            scores["events_plover"].add(_ev_keys(gold_plover, "plover"), _ev_keys(pred, "plover"))
        g_ties = Counter((t["a"], t["b"], t["type"]) for t in u.gold_ties)
        p_ties = Counter((t.a, t.b, t.type) for t in u.coded.ties)
        scores["ties"].add(g_ties, p_ties)
        for tag in u.tags:
            by_tag.setdefault(tag, Score()).add(g_root, p_root)
        if errors and (g_root != p_root or g_ties != p_ties):
            errs.append({
                "id": u.id, "text": u.text,
                "false_positives": [{"source": s, "target": t, "root": r,
                                     "patterns": sorted({e["pattern"] for e in pred
                                                         if (e["source"], e["target"], _root(e["code"])) == (s, t, r)})}
                                    for (s, t, r) in (p_root - g_root).elements()],
                "missed": [{"source": s, "target": t, "root": r} for (s, t, r) in (g_root - p_root).elements()],
                "predicted": [f"{e['source']}>{e['target']}:{e['code']} ({e['pattern']})" for e in pred],
                "ties_false_positives": [list(k) for k in (p_ties - g_ties).elements()],
                "ties_missed": [list(k) for k in (g_ties - p_ties).elements()],
                "mentions": [f"{m.text}->{m.code}" + (f" [{m.antecedent}]" if m.antecedent else "")
                             for m in u.coded.mentions],
            })
    out: dict[str, Any] = {"kind": kind, "units": len(units)}
    out.update({k: s.as_dict() for k, s in scores.items()})
    out["by_tag"] = {t: s.as_dict() for t, s in sorted(by_tag.items())}
    out["by_root"] = {r: s.as_dict() for r, s in sorted(by_root.items())}
    if errors:
        out["errors"] = errs
    return out
