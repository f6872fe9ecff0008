"""The `multivector` command: thin Typer commands over library functions.

Each submodule registers its commands on ``app``; a command parses arguments,
calls one public function and lets :func:`fail` turn our exceptions into one line.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn, TypeVar

import typer
from rich.console import Console

from ..errors import MultivectorError, UsageError

app = typer.Typer(
    name="multivector",
    help=(
        "Measure the struggle for influence over countries from the news.\n\n"
        "Typical session: `multivector ingest articles/` -> `multivector events --country KAZ` -> "
        "`multivector balance KAZ --poles RUS,WST,CHN` -> `multivector brief KAZ --format html`. "
        "Everything lives in one DuckDB file (--store, default ./multivector.duckdb or $MULTIVECTOR_STORE)."
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

T = TypeVar("T")


def fail(exc: MultivectorError) -> NoReturn:
    """Print a user error as one line and exit with its code."""
    err.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True)
    raise typer.Exit(exc.exit_code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn MultivectorError (and a broken pipe) into a one-line message."""
    try:
        yield
    except MultivectorError as exc:
        fail(exc)
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0) from None


def parse_date(value: str | None, flag: str) -> dt.date | None:
    """A YYYY-MM-DD option value, or a one-line error naming the flag."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(UsageError(f"{flag} {value!r} is not a date; write YYYY-MM-DD"))


def call(fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    """Call a library function, mapping our exceptions to one-line errors."""
    with user_errors():
        return fn(*args, **kwargs)
    raise AssertionError("unreachable")


# Command modules register themselves on `app` when imported.
from . import analysis, codes, core, export, fetch, ingest, lexicon, root, web  # noqa: E402,F401

root.tidy_help()


def main() -> None:
    app()
