"""A faster attribute ruler: the model package's own rules, matched by table lookup instead of spaCy's Matcher.

en_core_web_sm's ``attribute_ruler`` (the tag map and about 180 exceptions: "n't" is PART, "is" AUX with its
lemma, "i" as a subject Case=Nom) ran spaCy's general Matcher over every parsed sentence: 8% of ingest time
(sampled, 1,000 bench articles). Its patterns are fixed-length token conjunctions over TAG, LOWER, DEP and IS_SPACE, so
each can be indexed by a value it requires and checked only on the tokens carrying that value. The rules and
their order are read from the loaded component, never copied; a pattern of any other shape leaves spaCy's
ruler in place (``install`` returns False). Same output, token for token: tests/test_nlp_ruler.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_COLUMNS = (TAG, LOWER, DEP, IS_SPACE)
_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
Check = tuple[int, str, Any]  # (column of _COLUMNS, "eq" | "in" | "not_in" | "regex", hash, hashes or pattern)
Rule = tuple[list[Check], list[list[Check]], int, dict[int, int]]  # first token, later tokens, target, attrs


class UnsupportedPattern(ValueError):
    """A pattern shape this ruler does not index (an operator, another attribute): keep spaCy's ruler."""


def _check(key: str, value: Any, strings: StringStore) -> Check:
    """One token attribute's predicate over a row of ``_COLUMNS`` values (hashes; IS_SPACE a 0/1 flag)."""
    col = _KEYS[key]
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"IS_SPACE {value!r}")
        return (col, "eq", int(value))
    if isinstance(value, str):
        return (col, "eq", strings.add(value))
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            return (col, op.lower(), frozenset(strings.add(v) for v in arg))
        if op == "REGEX" and isinstance(arg, str):
            return (col, "regex", re.compile(arg))
    raise UnsupportedPattern(f"{key} {value!r}")


def _holds(checks: list[Check], row: list[int], strings: StringStore) -> bool:
    for col, op, arg in checks:
        v = row[col]
        if not (v == arg if op == "eq" else v in arg if op == "in" else v not in arg if op == "not_in"
                else arg.search(strings[v]) is not None):
            return False
    return True


def _anchors(spec: Mapping[str, Any], strings: StringStore) -> list[tuple[int, int]] | None:
    """(column, hash) pairs one of which a token matching ``spec`` must carry; None: no such value."""
    for key in ("TAG", "LOWER", "DEP"):
        value = spec.get(key)
        if isinstance(value, str):
            return [(_KEYS[key], strings.add(value))]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return [(_KEYS[key], strings.add(v)) for v in value["IN"]]
    if spec.get("IS_SPACE") is True:
        return [(_KEYS["IS_SPACE"], 1)]
    return None


class FastAttributeRuler:
    """Applies an AttributeRuler's rules: for every match, in the ruler's order, its attributes on its token."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.rules: list[Rule] = []  # in the ruler's order: a later rule's value wins
        self.by_value: dict[tuple[int, int], list[int]] = defaultdict(list)  # (column, hash) -> rule numbers
        self.always: list[int] = []
        for entry, (p, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
            index: int = p["index"]  # type: ignore[assignment]
            patterns: list[list[dict[str, Any]]] = p["patterns"]  # type: ignore[assignment]
            for pattern in patterns:
                if not pattern or any(set(tok) - set(_KEYS) for tok in pattern) or not (
                        -len(pattern) <= index < len(pattern)):
                    raise UnsupportedPattern(f"rule {entry}: {pattern!r}")
                checks = [[_check(k, v, strings) for k, v in tok.items()] for tok in pattern]
                n = len(self.rules)
                self.rules.append((checks[0], checks[1:], index % len(pattern), dict(attrs)))
                anchors = _anchors(pattern[0], strings)
                if anchors is None:
                    self.always.append(n)
                for a in anchors or ():
                    self.by_value[a].append(n)

    def __call__(self, doc: Doc) -> Doc:
        rows: list[list[int]] = doc.to_array(list(_COLUMNS)).tolist()
        strings, by_value, rules = self.strings, self.by_value, self.rules
        found: list[tuple[int, int]] = []  # (rule, token)
        for i, row in enumerate(rows):
            cands = set(self.always)
            for key in ((0, row[0]), (1, row[1]), (2, row[2]), (3, row[3])):
                cands.update(by_value.get(key, ()))
            for r in cands:
                first, rest, index, _attrs = rules[r]
                if i + len(rest) >= len(rows) or not _holds(first, row, strings):
                    continue
                if all(_holds(tok, rows[i + k + 1], strings) for k, tok in enumerate(rest)):
                    found.append((r, i + index))
        # spaCy applies matches sorted by rule, then start: on one token a later rule's value wins
        for r, t in sorted(found):
            set_token_attrs(doc[t], rules[r][3])
        return doc


@Language.factory("fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """The FastAttributeRuler of ``nlp``'s attribute_ruler (raises UnsupportedPattern)."""
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return FastAttributeRuler(ruler)


def install(nlp: Language) -> bool:
    """Put a FastAttributeRuler of ``nlp``'s attribute_ruler in its place; False (spaCy's ruler stays) when a
    rule has a shape it does not index."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        nlp.add_pipe("fast_attribute_ruler", after="attribute_ruler")
    except UnsupportedPattern:
        return False
    nlp.remove_pipe("attribute_ruler")
    return True
