"""The coder's records: events with their evidence and mentions, made from what the argument readers found
(a mixin the coder subclasses)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Event, Mention
from . import cameo
from .nouns import Found
from .refine import Refinements


def word_end(text: str, t: Token) -> int:
    """Where the article's word ends for token ``t``: past the hyphen the parser's copy lost ("re-imposes" was
    parsed as "reimposes ", nlp.bound_tokens), so the evidence holds the whole word."""
    end = t.idx + len(t.text)
    if "-" in text[t.idx:end] and end < len(text) and text[end].isalpha():
        end += 1
    return end


class Records(Refinements):
    """Events and mentions of a coded document."""

    doc: Doc  # the parsed document (set by the coder)

    def expand_found(self, f: Found) -> list[Found]:
        """Regional groups that reached an event unexpanded (read straight off a modifier) become members."""
        regions = self.actors.lex.regions
        if f.source.code not in regions and f.target.code not in regions:
            return [f]
        return [Found(s, t, f.code, f.pattern, f.predicate, f.mod)
                for s in self.expand(f.source) for t in self.expand(f.target)]

    def to_event(self, f: Found, sentence_index: int) -> Event | None:
        s, t = f.source, f.target
        if not (s.codable and t.codable) or s.code == t.code or s.kind == "place":
            return None  # a place is where an act happens or whom it hits, never who acts
        cc = cameo.lookup(f.code)
        speaker = None
        if f.mod.speaker is not None:
            sp = self.subjects(f.mod.speaker)
            speaker = sp[0].code if sp else None
        notes = [f"{a.text!r} -> {a.code} from {a.resolved_from}" for a in (s, t) if a.resolved_from]
        if f.mod.transform:
            notes.append(f"{f.mod.transform} ({f.mod.governor.text if f.mod.governor is not None else 'future'})")
        p = f.predicate
        return Event(
            self.article.id, self.article.date, sentence_index, p.idx, word_end(self.article.text, p), s.code, s.role,
            t.code, t.role, **cc.event_fields(), pattern=f.pattern, confidence=f.mod.confidence,
            speaker=speaker, source_text=s.text, target_text=t.text, note="; ".join(notes),
        )

    def mentions(self) -> list[Mention]:
        sent_starts = [(s.start_char, i) for i, s in enumerate(self.doc.sents)]

        def sidx(ch: int) -> int:
            return max((i for st, i in sent_starts if st <= ch), default=0)

        out = []
        for span, entry in self.actors.spans():
            code, role = entry.at(self.article.date, self.actors.lex.titles)
            out.append(Mention(sidx(span.start_char), span.start_char, span.end_char, span.text, code, role,
                               entry.kind, f"lexicon:{entry.kind}"))
        for a in self.resolved.values():
            out.append(Mention(sidx(a.start), a.start, a.end, a.text, a.code, a.role, "anaphor", "context",
                               a.resolved_from))
        return sorted(out, key=lambda m: (m.start, m.end))
