"""Poles (named groupings of actor codes) from the packaged poles.yaml and user --poles-file files."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .. import yamlfast
from ..errors import LexiconError, UnknownActorError
from .records import Pole

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")  # ISO alpha-3, org codes EU, NATO, CSTO, EAEU, groups like G7


class _PoleSpec(BaseModel):
    """One pole as written in YAML (validated at this config boundary)."""

    model_config = ConfigDict(extra="forbid")
    label: str | None = None
    members: list[str]
    names: list[str] = []

    @field_validator("members")
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        if not v:
            raise ValueError("members must list at least one actor code")
        bad = [m for m in v if not isinstance(m, str) or not _CODE.match(m)]
        if bad:
            raise ValueError(f"members {bad} are not upper-case actor codes like RUS or NATO")
        return v


class _PolesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = 1
    poles: dict[str, _PoleSpec]


def _parse(text: str, where: str) -> dict[str, Pole]:
    try:
        data: Any = yamlfast.safe_load(text) or {}
    except yaml.YAMLError as exc:
        from ..user_lexicon import yaml_problem

        raise LexiconError(*yaml_problem(where, exc)) from exc
    return _parse_data(data, where)


def _parse_data(data: Any, where: str) -> dict[str, Pole]:
    try:
        spec = _PolesFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise LexiconError(where, f"{loc}: {first['msg']}",
                           "write poles: NAME: {label: ..., members: [CODE, ...]}; `multivector poles` lists "
                           "the poles in force") from exc
    out: dict[str, Pole] = {}
    for name, p in spec.poles.items():
        key = name.strip().upper()
        if not _CODE.match(key):
            raise LexiconError(where, f"pole name {name!r} must be an upper-case word like WST")
        out[key] = Pole(key, p.label or key, tuple(dict.fromkeys(p.members)), tuple(p.names))
    return out


def default_poles() -> dict[str, Pole]:
    """The poles shipped with multivector (RUS, WST, CHN)."""
    return dict(_shipped())


@functools.cache
def _shipped() -> dict[str, Pole]:
    path = resources.files("multivector.analysis") / "data" / "poles.yaml"
    return _parse(path.read_text(encoding="utf-8"), str(path))


def load_poles(poles_file: str | Path | None = None) -> dict[str, Pole]:
    """Packaged poles, overridden or extended by the user lexicons' poles, then by a YAML file of the same schema."""
    from ..user_lexicon import entries

    poles = default_poles()
    user = entries("poles")  # the user lexicons' poles (user_lexicon.py)
    if user:
        from ..actors.lexicon import load as load_lexicon

        known = load_lexicon().names
    for where, (name, spec) in user:
        parsed = _parse_data({"poles": {name: spec}}, where)
        unknown = [m for p in parsed.values() for m in p.members if m not in known]
        if unknown:  # a typo would silently count nothing for the pole
            raise LexiconError(where, f"pole {name}: unknown actor code {unknown[0]!r}",
                               "add the actor under countries or organizations, or see `multivector actors --search NAME`")
        poles.update(parsed)
    if poles_file is not None:
        p = Path(poles_file)
        if not p.is_file():
            raise LexiconError(str(p), "no such poles file", "check the path given to --poles-file")
        poles.update(_parse(p.read_text(encoding="utf-8"), str(p)))
    return poles


def parse_pole_names(spec: str | Sequence[str]) -> list[str]:
    """'RUS,WST, chn' or ['RUS', 'WST'] -> ['RUS', 'WST', 'CHN'] (deduplicated, order kept)."""
    items: Iterable[str] = spec.split(",") if isinstance(spec, str) else spec
    return list(dict.fromkeys(s.strip().upper() for s in items if s and s.strip()))


def resolve_poles(
    names: str | Sequence[str], known: set[str], *, poles_file: str | Path | None = None
) -> tuple[Pole, ...]:
    """Poles by name; a name that is no defined pole but a known actor code becomes a one-member pole.

    ``known`` is the set of valid actor codes (lexicon and store); anything else raises UnknownActorError.
    """
    defined = load_poles(poles_file)
    out = []
    for n in parse_pole_names(names):
        if n in defined:
            out.append(defined[n])
        elif n in known:
            out.append(Pole(n, n, (n,)))
        else:
            raise UnknownActorError(n)
    if not out:
        raise UnknownActorError(",".join(names) if not isinstance(names, str) else names)
    return tuple(out)
