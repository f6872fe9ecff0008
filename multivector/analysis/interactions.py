"""Mentions -> interactions: the units pole shares count, with the stories and outlets behind each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from .records import EventRef, Interaction

TIMING_ORDER = ("new", "recent", "background")


def build_interactions(events: Sequence[EventRef], members: Mapping[str, Sequence[Mapping[str, object]]]
                       ) -> list[Interaction]:
    """Group mentions by interaction id; ``members`` (common.story_members) adds each story's copies."""
    by: dict[str, list[EventRef]] = {}
    for e in events:
        by.setdefault(e.interaction_id or e.id, []).append(e)
    out = []
    for iid, ms in by.items():
        ms = sorted(ms, key=lambda e: (e.date, e.article_id, e.sentence_idx, e.id))  # earliest report first
        codes = Counter(m.code for m in ms)
        top = max(codes, key=lambda c: (codes[c], -next(i for i, m in enumerate(ms) if m.code == c)))
        rep = next(m for m in ms if m.code == top)
        stories = tuple(dict.fromkeys(m.story_id or m.article_id for m in ms))
        articles = {m.article_id for m in ms}
        outlets = {m.outlet for m in ms if m.outlet}
        for s in stories:
            for a in members.get(s, ()):
                articles.add(str(a["id"]))
                if a.get("outlet"):
                    outlets.add(str(a["outlet"]))
        timing = next(t for t in TIMING_ORDER if any(m.timing == t for m in ms) or t == "background")
        out.append(Interaction(
            iid, min(m.when for m in ms), timing, rep.source, rep.target, rep.code, rep.root, rep.quad_class,
            rep.goldstein, stories[0], tuple(ms), stories, len(articles), tuple(sorted(outlets))))
    out.sort(key=lambda i: (i.date, i.mentions[0].date, i.id))
    return out
