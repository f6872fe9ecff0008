"""Event identity: coded mentions that report one happening become one event, and one interaction.

A stored event row is one *mention*: one sentence of one article coding source -> target with a CAMEO
code. Four outlets reporting one visit give four or more mentions of one happening. Two counting units
come out of them (data/families.yaml says which codes belong together and which are symmetric):

* an **event**: mentions with the same source, target and family whose event dates (identity.timing) lie
  within ``window_days`` of the event's first mention. Events carry GDELT's NumMentions, NumArticles and
  NumSources and are the rows of the GDELT export;
* an **interaction**: the same, with the two parties unordered for symmetric families (meetings, visits and
  hosting, talks, signings, cooperation, fighting), so a meeting coded both ways, or a visit reported as
  "visited" by one outlet and "hosted" by another, counts once. Interactions are the unit of pole shares.

Clustering is a greedy sweep per key over mentions ordered by (event date, mention id): a mention opens
a new cluster when it is more than the window after the open cluster's first mention. The result depends
only on the set of mentions (never on ingest order), and a cluster's id is a hash of its key and first
mention, so rerunning an ingest changes nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from .. import yamlfast

KINDS = ("event", "interaction")


@dataclass(frozen=True, slots=True)
class Family:
    """A group of CAMEO codes whose mentions may report one happening."""

    name: str
    symmetric: bool = False


@dataclass(frozen=True, slots=True)
class Families:
    """The identity table: code prefix -> family, and the date window."""

    by_prefix: dict[str, Family]
    window_days: int

    def of(self, code: str) -> Family:
        """The family of a CAMEO code: the longest listed prefix, else its root (directed)."""
        for n in range(len(code), 1, -1):
            fam = self.by_prefix.get(code[:n])
            if fam is not None:
                return fam
        return Family(f"root{code[:2]}")


@functools.cache
def families() -> Families:
    """data/families.yaml, read once."""
    doc = yamlfast.safe_load((resources.files("multivector.identity") / "data" / "families.yaml").read_text("utf-8"))
    rows = {str(r["prefix"]): Family(str(r["name"]), bool(r.get("symmetric", False))) for r in doc["families"]}
    return Families(rows, int(doc["window_days"]))


def key(kind: str, source: str, target: str, code: str) -> tuple[str, str, str]:
    """The clustering key of a mention: (source, target, family); parties sorted for symmetric interactions."""
    fam = families().of(code)
    if kind == "interaction" and fam.symmetric and target < source:
        source, target = target, source
    return source, target, fam.name


def cluster_id(kind: str, k: tuple[str, str, str], first_mention: str) -> str:
    """Stable id of a cluster: its kind, key and first mention."""
    return hashlib.sha1("|".join((kind, *k, first_mention)).encode()).hexdigest()[:16]


def sweep(mentions: Iterable[tuple[dt.date, str]], window_days: int | None = None) -> list[list[str]]:
    """Mention ids grouped into clusters: sorted by (date, id), a new cluster past the window of the open one."""
    w = families().window_days if window_days is None else window_days
    out: list[list[str]] = []
    start: dt.date | None = None
    for d, mid in sorted(mentions):
        if start is None or (d - start).days > w:
            out.append([])
            start = d
        out[-1].append(mid)
    return out


@dataclass(frozen=True, slots=True)
class MentionKey:
    """What clustering needs of one stored mention."""

    id: str
    source: str
    target: str
    code: str
    date: dt.date  # event date


def assign(kind: str, rows: Sequence[MentionKey], since: dict[tuple[str, str, str], dt.date] | None = None,
           current: dict[str, str] | None = None) -> dict[str, str]:
    """Cluster ids for mentions of one kind.

    Without ``since`` every row is clustered. With ``since`` (key -> earliest new mention date) and
    ``current`` (mention id -> stored cluster id) only the tail of each key is redone: clusters that began
    more than the window before the earliest new mention cannot take a new mention, so they are kept, and
    the sweep restarts at the first cluster after them; the result equals a full sweep.
    """
    w = families().window_days
    by_key: dict[tuple[str, str, str], list[MentionKey]] = {}
    for r in rows:
        by_key.setdefault(key(kind, r.source, r.target, r.code), []).append(r)
    out: dict[str, str] = {}
    for k, ms in by_key.items():
        todo = ms
        if since is not None:
            if k not in since:
                continue
            d0 = since[k]
            starts: dict[str, dt.date] = {}
            for m in ms:
                c = (current or {}).get(m.id)
                if c is not None:
                    starts[c] = min(starts.get(c, m.date), m.date)
            kept = {c for c, s in starts.items() if (d0 - s).days > w}
            todo = [m for m in ms if (current or {}).get(m.id) not in kept]
        for members in sweep(((m.date, m.id) for m in todo), w):
            cid = cluster_id(kind, k, members[0])
            out.update(dict.fromkeys(members, cid))
    return out


# -- outlets -------------------------------------------------------------------------------------
def outlet(url: str | None, source: str | None) -> str:
    """Who published an article: the URL's host without 'www.', else a ``source`` field that names an outlet
    rather than an input file (no path separators, no '#n' or ':n' record suffix); '' when unknown."""
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        if host:
            return host.removeprefix("www.")
    s = (source or "").strip()
    if not s or "/" in s or "\\" in s or "#" in s or s.rsplit(":", 1)[-1].isdigit() or s.endswith(
            (".jsonl", ".json", ".csv", ".txt", ".html", ".htm", ".xml", ".gz", ".warc")):
        return ""
    return s
