"""Explain one article: each sentence with the events and ties found and why (pattern, resolution).

Needs no store: the file is read and coded in memory (user story 1, the editor).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..records import Article, BadRecord, CodedArticle


def code_file(path: str | Path, *, date: dt.date | None = None) -> list[CodedArticle]:
    """Read a file (any ingest format) and code its articles in memory."""
    from ..ingest import iter_inputs
    from ..pipeline import code_articles

    arts: list[Article] = []
    bad: list[BadRecord] = []
    for item in iter_inputs([path], default_date=date):
        (arts if isinstance(item, Article) else bad).append(item)  # type: ignore[arg-type]
    if not arts:
        reason = bad[0].reason if bad else "no article found"
        raise InputError(str(path), reason.removeprefix(f"{path}: "), "see `multivector ingest --help` for formats")
    return list(code_articles(arts))


def render_markdown(coded: Sequence[CodedArticle]) -> str:
    """A plain-text/Markdown explanation: sentence, then its events and ties with evidence."""
    lines: list[str] = []
    for c in coded:
        a = c.article
        lines.append(f"# {a.title or a.source or a.id}  ({a.date.isoformat()}, article {a.id})")
        lines.append("")
        for s in c.sentences:
            evs = [e for e in c.events if e.sentence_index == s.index]
            ties = [t for t in c.ties if t.sentence_index == s.index]
            ments = [m for m in c.mentions if m.sentence_index == s.index]
            lines.append(f"[{s.index}] {s.text}")
            for m in ments:
                if m.antecedent:
                    lines.append(f"      resolved: {m.text!r} -> {m.code} from {m.antecedent}")
            for e in evs:
                extra = f"; {e.note}" if e.note else ""
                conf = f" confidence {e.confidence:.1f}" if e.confidence < 1 else ""
                spk = f" speaker {e.speaker}" if e.speaker else ""
                lines.append(
                    f"    EVENT {e.source}{'/' + e.source_role if e.source_role else ''} -> "
                    f"{e.target}{'/' + e.target_role if e.target_role else ''}  CAMEO {e.code} "
                    f"(root {e.root}, quad {e.quad_class}, Goldstein {e.goldstein:+.1f}, PLOVER {e.plover_type or '-'})"
                    f"  at {a.text[e.start:e.end]!r} [{e.start}:{e.end}]  pattern {e.pattern}{conf}{spk}"
                    f"  ({e.source_text!r} -> {e.target_text!r}{extra})"
                )
            for t in ties:
                note = f"; {t.note}" if t.note else ""
                lines.append(f"    TIE   {t.a} depends on {t.b} for {t.type}  at {a.text[t.start:t.end]!r}"
                             f" [{t.start}:{t.end}]  pattern {t.pattern}{note}")
        if a.faq:
            lines.append("")
            lines.append(f"FAQ section kept apart ({len(a.faq)} questions; not coded as events;"
                         " check its claims with `multivector faq-check`).")
        lines.append("")
    return "\n".join(lines)
