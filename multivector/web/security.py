"""Browser-facing hardening of the server: Host check, security headers, responses that leak nothing.

* **Host header** checked against the names the server answers to (the bound address, localhost
  names, ``--allow-host``): a page on another site that rebinds its DNS name to 127.0.0.1 gets a 400
  instead of the store's data.
* **Headers** on every response: a Content-Security-Policy allowing only the dashboard's own script
  and styles (the brief page gets inline styles and data: images only; the API docs page Swagger's
  CDN), ``X-Frame-Options: DENY``, ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``.
* **Messages** returned to clients never hold a file path or a process id (see ``public``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
CSP_APP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
           "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
CSP_BRIEF = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; frame-ancestors 'none'"
CSP_DOCS = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = ((b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"cross-origin-resource-policy", b"same-origin"))

_PID = re.compile(r"\(?\bPID \d+\)?", re.IGNORECASE)
_ABS_PATH = re.compile(r"(?<![\w:/])/(?:[^\s/'\"`,;:()]+/)+([^\s/'\"`,;:()]*)")


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """Host names (lower case, no port) the server answers to when bound to ``host``; '*' allows any."""
    names = {h.strip().lower().strip("[]") for h in (host, *extra) if h.strip()}
    if host in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
        names |= set(LOOPBACK_NAMES)
    return frozenset(names - {"0.0.0.0", "::"})


def host_name(header: str) -> str:
    """The name part of a Host header: 'a.b:8765' -> 'a.b', '[::1]:80' -> '::1'."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1 : h.find("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def public(message: str, store_path: Path | None = None) -> str:
    """A message fit for a client: one line, the store named by its file name only, no paths, no PIDs."""
    text = " ".join(str(message).split())
    if store_path is not None:
        for p in {str(store_path.resolve()), str(store_path.absolute()), str(store_path)}:
            if p and p != store_path.name:
                text = text.replace(p, store_path.name)
    text = _PID.sub("", text)
    return _ABS_PATH.sub(lambda m: m[1] or "(path)", text)


def csp_for(path: str, content_type: bytes) -> bytes:
    if path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        return CSP_DOCS.encode()
    if path == "/api/brief" and content_type.startswith(b"text/html"):
        return CSP_BRIEF.encode()
    return CSP_APP.encode()


class Hardening:
    """ASGI middleware: refuse unknown Host headers, add the security headers to every response."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None) -> None:
        self.app = app
        self.hosts = hosts  # None: no Host check (library use, tests); '*' in it: any host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.hosts is not None and "*" not in self.hosts:
            raw = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if host_name(raw) not in self.hosts:
                shown = raw[:60].encode("ascii", "backslashreplace").decode()
                await _json(send, 400, {"error": f"Host header {shown!r} is not one this server answers to; "
                                                 "browse to http://127.0.0.1:PORT/ or start serve with --allow-host NAME"},
                            scope["path"])
                return
        path = scope["path"]

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in dict(HEADERS)]
                ctype = dict(headers).get(b"content-type", b"")
                headers += [*HEADERS, (b"content-security-policy", csp_for(path, ctype))]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


async def _json(send: Send, status: int, body: dict[str, str], path: str) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            *HEADERS, (b"content-security-policy", csp_for(path, b"application/json"))]})
    await send({"type": "http.response.body", "body": data})
