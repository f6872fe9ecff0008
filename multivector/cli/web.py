"""CLI commands: web (registered on the shared Typer app)."""

from __future__ import annotations
