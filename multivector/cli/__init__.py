"""The `multivector` command: thin Typer commands over library functions.

Each submodule registers its commands on ``app``; a command parses arguments,
calls one public function and lets :func:`fail` turn our exceptions into one line.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NoReturn, TypeVar

import click
import typer
from rich.console import Console

from ..errors import InternalError, MultivectorError, UsageError

app = typer.Typer(
    name="multivector",
    help=(
        "Measure the struggle for influence over countries from the news.\n\n"
        "Typical session: `multivector ingest articles/` -> `multivector events --country KAZ` -> "
        "`multivector balance KAZ --poles RUS,WST,CHN` -> `multivector brief KAZ --format html`. "
        "Everything lives in one DuckDB file (--store, default ./multivector.duckdb or $MULTIVECTOR_STORE).\n\n"
        "Exit codes: 0 done; 1 some input quarantined, the rest ingested (ingest); 2 usage or data error "
        "(the one-line message names the fix); 3 internal error, a bug (the message names the file or "
        "command it happened on; MULTIVECTOR_DEBUG=1 shows the traceback)."
    ),
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

T = TypeVar("T")
# Exceptions that are the CLI's own control flow (exit codes, usage errors), never bugs: typer's and click's.
_CLI_FLOW = (typer.Exit, typer.Abort, typer.exceptions.TyperException, click.exceptions.Exit, click.exceptions.Abort,
             click.exceptions.ClickException)


def fail(exc: MultivectorError) -> NoReturn:
    """Print a user error as one line and exit with its code."""
    from ..ingest.common import display

    err.print("[bold red]error:[/] ", end="", highlight=False, markup=True)
    err.print(display(str(exc)), highlight=False, markup=False)
    raise typer.Exit(exc.exit_code)


def _command() -> str:
    """The subcommand being run, for internal-error messages."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    return f"`multivector {args[0]}`" if args else "`multivector`"


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn MultivectorError (and a broken pipe) into a one-line message; any other failure is a bug:
    exit 3 with one line naming the command (MULTIVECTOR_DEBUG=1 keeps the traceback)."""
    try:
        yield
    except MultivectorError as exc:
        fail(exc)
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0) from None
    except Exception as exc:
        if os.environ.get("MULTIVECTOR_DEBUG") or isinstance(exc, _CLI_FLOW):
            raise
        fail(InternalError(_command(), exc))


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
    """The console entry point: any failure the commands did not turn into a message exits 3 in one line."""
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - last guard: no traceback for a user, see MULTIVECTOR_DEBUG
        if os.environ.get("MULTIVECTOR_DEBUG"):
            raise
        try:
            fail(InternalError(_command(), exc))
        except typer.Exit as done:
            sys.exit(done.exit_code)
