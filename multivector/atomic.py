"""Outputs that appear whole or not at all: written under a temporary name beside the target, renamed at the end.

A process killed mid-write leaves only a hidden ``.<name>.<pid>.<random>.partial`` file or folder
beside the target (safe to delete), never a truncated file under the final name; the previous
version, if any, stays until the new one replaces it. Folders (Parquet sets) are swapped with two
renames, so for a moment the final name may hold nothing: complete or nothing, never partial.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import UsageError


def _temp_name(target: Path, kind: str = "partial") -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.{kind}")


def output_error(target: Path, exc: OSError) -> UsageError:
    """A one-line error for an output that cannot be written, naming the fix."""
    why = exc.strerror or str(exc)
    return UsageError(f"cannot write {target} ({why}); pass an --output in a folder you can write to")


def prepare_parent(target: Path) -> None:
    """Create the target's folder; a UsageError when that is impossible."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(target, exc) from exc
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent} is not a folder; pass an --output in an existing folder")


@contextmanager
def atomic_text(target: Path) -> Iterator[IO[str]]:
    """A text file handle whose content replaces ``target`` only when the block ends without error."""
    if target.is_dir():
        raise UsageError(f"{target} is a folder; pass a file name as --output")
    prepare_parent(target)
    tmp = _temp_name(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise output_error(target, exc) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise output_error(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` atomically."""
    with atomic_text(target) as fh:
        fh.write(text)


def temp_dir(target: Path) -> Path:
    """A new hidden folder beside ``target`` to build a folder output in."""
    prepare_parent(target)
    tmp = _temp_name(target)
    try:
        tmp.mkdir()
    except OSError as exc:
        raise output_error(target, exc) from exc
    return tmp


def replace_dir(tmp: Path, target: Path) -> None:
    """Put the finished folder ``tmp`` at ``target``, replacing a previous one (the caller checked it may)."""
    old = None
    try:
        for f in tmp.iterdir():
            with f.open("rb") as fh:
                os.fsync(fh.fileno())
        if target.exists():
            old = _temp_name(target, "old")
            os.rename(target, old)
        try:
            os.rename(tmp, target)
        except OSError:
            if old is not None:
                os.rename(old, target)  # put the previous version back
                old = None
            raise
    except OSError as exc:
        raise output_error(target, exc) from exc
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
