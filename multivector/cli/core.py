"""CLI commands: ingest, events, explain, evaluate, demo."""

from __future__ import annotations
