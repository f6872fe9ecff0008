"""Options before the command (``--version``, ``--lexicon``) and help text that wraps once.

Command docstrings are written as paragraphs broken at ~110 columns in the source; Rich would keep
those breaks and wrap again at the terminal width. :func:`reflow` joins each paragraph into one line
(indented lines, such as examples, stay as they are) so help reads cleanly at 80 columns.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Annotated

import typer
import typer.rich_utils
from rich.markup import escape

from .. import __version__
from . import app, err, out, user_errors


def _version(value: bool) -> None:
    if value:
        out.print(f"multivector {__version__}", highlight=False)
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[bool | None, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                                 help="Print the version and exit.")] = None,
    lexicon: Annotated[list[Path] | None, typer.Option(
        "--lexicon", "-L", metavar="FILE",
        help="Your own actors, poles and trigger patterns (YAML in the shipped format); repeatable. "
             "Also $MULTIVECTOR_LEXICON and multivector.toml.")] = None,
) -> None:
    # The app's help is Typer(help=...) in cli/__init__.py; tidy_help adds the lines below to it.
    if lexicon:
        from ..user_lexicon import add_files

        with user_errors():
            add_files(lexicon)


def reflow(doc: str) -> str:
    """Join each paragraph's lines into one; keep indented lines (examples) and 'Examples:' heads apart."""
    paras = []
    for block in inspect.cleandoc(doc).split("\n\n"):
        lines = block.split("\n")
        merged: list[str] = []
        for ln in lines:
            keep = (ln.startswith(" ") or ln.startswith("multivector ") or ln.rstrip().endswith(":")
                    or bool(merged and merged[-1].rstrip().endswith(":")))
            if merged and not keep and not merged[-1].startswith(" "):
                merged[-1] = f"{merged[-1]} {ln.strip()}"
            else:
                merged.append(ln)
        paras.append("\n".join(merged))
    return "\n\n".join(paras)


def usage_error(exc: Exception) -> None:
    """A command-line mistake (unknown option, missing argument, bad value) as one line on stderr."""
    if exc.__class__.__name__ == "NoArgsIsHelpError":  # `multivector` alone prints the help instead
        return
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "multivector"
    msg = " ".join(str(exc.format_message() if hasattr(exc, "format_message") else exc).split()).rstrip(".")
    err.print(f"[bold red]error:[/] {escape(msg)}; see `{escape(where)} -h`", highlight=False)


def tidy_help() -> None:
    """Reflow the help of the app and of every registered command, give each -h, and make usage errors
    (Typer's boxed panels) one line (run once, after the commands registered)."""
    for cmd in app.registered_commands:
        doc = cmd.help or (cmd.callback.__doc__ if cmd.callback else None)
        if doc:
            cmd.help = reflow(doc)
        cmd.context_settings = {"help_option_names": ["-h", "--help"], **(cmd.context_settings or {})}
    # Typer prints click's usage errors through this function when Rich is installed (typer/core.py _main).
    typer.rich_utils.rich_format_error = usage_error  # type: ignore[assignment]
    app.info.help = reflow(str(app.info.help or "")) + "\n\n" + ROOT_HELP


ROOT_HELP = (
    "Data commands print --format table (for people, 80 columns) or json, jsonl, csv (for scripts). "
    "Every command has -h with examples.\n\n"
    "Examples:\n"
    "  multivector --version\n"
    "  multivector --lexicon gulf.yaml recode\n"
    "  multivector events --country KAZ --format csv > kaz.csv"
)
