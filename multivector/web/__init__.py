"""Web dashboard and JSON API over a store (`multivector serve`)."""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
