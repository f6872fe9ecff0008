"""multivector: measure the struggle for influence over countries from the news.

The Python API (see README.md, "Python"; functions in :mod:`multivector.api`)::

    from multivector import Store, ingest, events, ties, balance, brief, ask, recode, use_lexicons

Everything is imported on first use, so ``import multivector`` stays cheap.

``ingest`` and ``events`` share their names with the subpackages ``multivector.ingest`` and
``multivector.events``: here they are the API functions, and attribute access on them reaches the
subpackage, so ``import multivector.events.coder`` and ``multivector.ingest.run`` keep working.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Store", "ask", "balance", "brief", "events", "ingest", "recode", "ties", "use_lexicons", "__version__"]

if TYPE_CHECKING:
    from .api import ask, balance, brief, events, ingest, recode, ties, use_lexicons
    from .store import Store

_API = frozenset(__all__) - {"Store", "__version__"}
_SHADOWED = frozenset({"ingest", "events"})  # API functions named like a subpackage


class _Function:
    """An API function that also stands for the subpackage of the same name (see the module docstring)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def _fn(self) -> Any:
        return getattr(importlib.import_module("multivector.api"), self._name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._fn()(*args, **kwargs)

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(importlib.import_module(f"multivector.{self._name}"), attr)

    @property
    def __wrapped__(self) -> Any:  # inspect.signature and help() follow this to the function
        return self._fn()

    @property
    def __doc__(self) -> str | None:  # type: ignore[override]
        return str(self._fn().__doc__)

    def __repr__(self) -> str:
        return f"<multivector.{self._name}: the API function (and the subpackage of that name)>"


class _Package(types.ModuleType):
    """The package module: API names resolve lazily; importing a subpackage does not rebind them."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            return  # the import system binds subpackages on their parent: keep the API function
        super().__setattr__(name, value)

    def __getattr__(self, name: str) -> Any:
        if name == "Store":
            value: Any = importlib.import_module("multivector.store").Store
        elif name in _API:
            value = getattr(importlib.import_module("multivector.api"), name)
        else:
            raise AttributeError(f"module 'multivector' has no attribute {name!r}")
        super().__setattr__(name, value)
        return value


for _name in _SHADOWED:
    globals()[_name] = _Function(_name)
sys.modules[__name__].__class__ = _Package
