"""FastAPI JSON API and dashboard over one store: `create_app(store_path)`, `serve(store_path, host, port)`.

Store access (``pool.py``): one read-only DuckDB instance shared by the request threads, a cursor per
request, handed over to ``multivector ingest`` whenever it waits to commit a batch (``locking.py``), so
every endpoint keeps answering during an ingest and sees whole batches only. Each request's queries
stop after a time budget (503), dates are clamped to the store's span, page sizes are capped; every
bad parameter is a 4xx with a JSON ``{"error": ...}`` naming the fix, and no response holds a path
or a process id (``security.py``, which also checks the Host header and sets CSP and friends).
Handlers are plain functions, so uvicorn runs them in its thread pool.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import logging
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import analysis, errors
from ..analysis.common import known_codes
from ..locking import READ_WAIT
from ..queries import clamp_span
from ..store import Store
from . import models, queries
from .pool import DEFAULT_BUDGET, ReadPool
from .security import Hardening, allowed_hosts, public

log = logging.getLogger("multivector.web")

STATIC = resources.files("multivector.web") / "static"
DEFAULT_POLES = ("RUS", "WST", "CHN")

# HTTP status per error class; the first matching class (in MRO order) wins, anything else is 400.
_STATUS: dict[type[errors.MultivectorError], int] = {
    errors.NotFoundError: 404,
    errors.UnknownActorError: 404,
    errors.UnknownCodeError: 404,
    errors.EmptyStoreError: 404,
    errors.StoreError: 503,  # busy beyond the wait, or gone: the fix is on the operator's side
}
MAX_OFFSET = 1_000_000_000  # pages beyond a billion events are a mistake, and DuckDB's OFFSET is 64-bit


def _status(exc: errors.MultivectorError) -> int:
    for cls in type(exc).__mro__:
        if cls in _STATUS:
            return _STATUS[cls]
    return 400


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _message(request: Request, exc: errors.MultivectorError) -> str:
    """The client's one line: store trouble in general terms (the operator sees the detail in the log)."""
    if isinstance(exc, errors.StoreBusyError):
        return "the store is busy (an ingest or another command holds it); retry in a few seconds"
    if isinstance(exc, errors.StoreError) and not isinstance(exc, errors.ExportSetError):
        log.warning("store error: %s", exc)
        return "the store cannot be opened right now; the server log says why"
    return public(str(exc), request.app.state.store_path)


def jsonable(obj: Any) -> Any:
    """Library results (frozen dataclasses, enums, dates, tuples) as JSON-ready values, field for field."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [jsonable(v) for v in obj]
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, float) and obj != obj:  # NaN is not JSON
        return None
    return obj


def _codes(text: str) -> list[str]:
    return [c.strip().upper() for c in text.split(",") if c.strip()]


def _store(request: Request) -> Iterator[Store]:
    """A read-only cursor for one request from the server's pool, returned when the response is built."""
    with request.app.state.pool.store() as s:
        yield s


# Parameter types shared by the handlers (module level: FastAPI resolves annotations in module globals).
StoreDep = Annotated[Store, Depends(_store)]
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]
Freq = Annotated[str, Query(description="period length: week, month, quarter or year")]
Background = Annotated[bool, Query(description="also count background events (a month or more before every "
                                               "article reporting them)")]


def create_app(store_path: str | Path, *, poles: str | None = None, poles_file: str | Path | None = None,
               hosts: Iterable[str] | None = None, budget: float = DEFAULT_BUDGET,
               wait: float = READ_WAIT) -> FastAPI:
    """The API and dashboard for the store at ``store_path`` (checked now: a missing store fails at start).

    ``poles`` ("RUS,WST,GULF") are the dashboard's default poles, ``poles_file`` adds poles to the defined ones;
    both are checked now, so a bad pole fails at start with one line. ``hosts``: Host header names to answer
    (None: no check, for tests and embedding; ``serve`` passes the bound address's names). ``budget``: seconds
    a request's queries may run. ``wait``: seconds a request waits for an ingest's commit before a 503.
    """
    path = Path(store_path)
    with Store(path, read_only=True, wait=wait) as st:
        chosen = analysis.resolve_poles(poles or ",".join(DEFAULT_POLES), known_codes(st),
                                        poles_file=poles_file)
    pool = ReadPool(path, wait=wait, budget=budget)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="multivector",
        summary="Events, balance between poles and cited answers from a multivector store.",
        description="Every event carries its evidence: sentence, article, highlighted actor spans and the pattern "
        "that fired. Errors are `{\"error\": \"...\"}` with a 4xx status and a message naming the fix.",
        version="0.1.0",
    )
    app.state.store_path = path
    app.state.poles_file = poles_file
    app.state.default_poles = [p.name for p in chosen]
    app.state.extra_poles = [p for p in chosen if p.name not in analysis.load_poles(poles_file)]
    app.state.pool = pool
    app.add_middleware(Hardening, hosts=None if hosts is None else frozenset(hosts))

    @app.exception_handler(errors.MultivectorError)
    def _user_error(request: Request, exc: errors.MultivectorError) -> JSONResponse:
        return JSONResponse({"error": _message(request, exc)}, status_code=_status(exc))

    @app.exception_handler(duckdb.InterruptException)
    def _over_budget(request: Request, exc: duckdb.InterruptException) -> JSONResponse:
        return JSONResponse({"error": f"the query took longer than {budget:g} s and was stopped; narrow the dates "
                                      "or the countries"}, status_code=503)

    @app.exception_handler(Exception)
    def _bug(request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error on %s", request.url.path, exc_info=exc)
        return JSONResponse({"error": "internal error (a bug); the server log has the details"}, status_code=500)

    @app.exception_handler(RequestValidationError)
    def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{loc}: {str(e.get('msg', 'invalid'))[:200]}")
        msg = "; ".join(parts) + "; dates are YYYY-MM-DD, codes like KAZ, see /docs for every parameter"
        return JSONResponse({"error": _one_line(msg)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        where = request.url.path[:100].encode("ascii", "backslashreplace").decode()
        msg = f"no such endpoint {where}; see /docs" if exc.status_code == 404 else str(exc.detail)
        return JSONResponse({"error": _one_line(msg)}, status_code=exc.status_code)

    # -- dashboard -------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"))

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        kinds = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
        f = STATIC / name
        suffix = Path(name).suffix
        if "/" in name or suffix not in kinds or not f.is_file():
            raise StarletteHTTPException(404)
        return Response(f.read_text(encoding="utf-8"), media_type=kinds[suffix])

    # -- records ---------------------------------------------------------------------------
    @app.get("/api/health", response_model=models.HealthOut, tags=["store"])
    def health(s: StoreDep) -> dict[str, Any]:
        """Table sizes and the covered date range (the store by its file name, never its path)."""
        return queries.health(s)

    @app.get("/api/events", response_model=models.EventsOut, tags=["store"])
    def events(
        s: StoreDep,
        country: Annotated[str | None, Query(description="source or target, e.g. KAZ")] = None,
        since: Day = None,
        until: Day = None,
        source: str | None = None,
        target: str | None = None,
        root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root, 01-20")] = None,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Events newest first, each with its evidence sentence, article and highlighted actor spans."""
        f = queries.EventFilter(
            country=queries.check_code(s, country) if country else None,
            since=since, until=until,
            source=queries.check_code(s, source) if source else None,
            target=queries.check_code(s, target) if target else None,
            root=root,
        )
        return queries.list_events(s, f, limit=limit, offset=offset)

    @app.get("/api/articles/{article_id}", response_model=models.ArticleOut, tags=["store"])
    def article(s: StoreDep, article_id: str) -> dict[str, Any]:
        """One article explained: sentences, actor mentions with their resolution, events and ties."""
        return queries.article(s, article_id)

    @app.get("/api/countries", response_model=models.CountriesOut, tags=["store"])
    def countries(
        s: StoreDep,
        partner_of: Annotated[str | None, Query(description="only actors with events with this code")] = None,
    ) -> dict[str, Any]:
        """Actor codes that occur in stored events, most events first (feeds the country picker)."""
        partner = queries.check_code(s, partner_of) if partner_of else None
        return {"countries": queries.store_actors(s, partner)}

    @app.get("/api/actors", response_model=models.ActorsOut, tags=["lexicon"])
    def actors(search: str = "", limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
        """Countries and organisations of the actor lexicon whose code or any name contains ``search``."""
        return {"actors": queries.search_actors(search, limit=limit)}

    # -- analysis and explanations (library calls) -----------------------------------------
    @app.get("/api/poles", response_model=models.PolesOut, tags=["analysis"])
    def poles_list() -> dict[str, Any]:
        """The poles (defined ones, then one-member poles asked for at start), their members and chart colours."""
        from ..palette import pole_colours

        defined = analysis.load_poles(app.state.poles_file)
        every = [*defined.values(), *app.state.extra_poles]
        colours = pole_colours([p.name for p in every], defined)
        return {"poles": [{**jsonable(p), "colour": colours[p.name]} for p in every],
                "default": list(app.state.default_poles)}

    @app.get("/api/dyad", response_model=models.DyadOut, tags=["analysis"])
    def dyad(s: StoreDep, a: str, b: str, freq: Freq = "month", since: Day = None, until: Day = None,
             include_background: Background = False) -> dict[str, Any]:
        """Both directions between two actors per period: events (every report of a happening counts once) and
        Goldstein sums by quad class."""
        since, until = clamp_span(s, since, until)
        rows = analysis.dyad_series(s, a, b, freq=freq, since=since, until=until, include_background=include_background)
        return {"a": a.strip().upper(), "b": b.strip().upper(), "freq": freq, "periods": jsonable(rows)}

    @app.get("/api/balance", response_model=models.BalanceOut, tags=["analysis"])
    def balance(
        s: StoreDep, country: str, poles: str = ",".join(DEFAULT_POLES), freq: Freq = "month",
        since: Day = None, until: Day = None,
        evidence: Annotated[bool, Query(description="include every event and tie behind the numbers")] = False,
        include_background: Background = False,
    ) -> dict[str, Any]:
        """The country's engagement split between poles per period (interactions; shares with 90% intervals over
        stories, and the stories and outlets behind them), with shifts beyond noise and their drivers."""
        since, until = clamp_span(s, since, until)
        report = analysis.balance(s, country, poles, freq=freq, since=since, until=until,
                                  include_background=include_background, poles_file=app.state.poles_file)
        out: dict[str, Any] = jsonable(report)
        out.pop("interactions", None)  # their mentions are the evidence events
        out["shifts"] = jsonable(analysis.detect_shifts(report))
        if not evidence:
            out["events"], out["ties"] = [], []
        return out

    @app.get("/api/ask", response_model=models.AnswerOut, tags=["explain"])
    def ask(s: StoreDep, q: Annotated[str, Query(min_length=3, max_length=500, description="a question in English")],
            k: Annotated[int, Query(ge=1, le=20)] = 3) -> dict[str, Any]:
        """A short answer with ranked citations (article, date, sentence); the first call loads the embedding model."""
        from ..explain.ask import ask as ask_fn

        out: dict[str, Any] = jsonable(ask_fn(s, q, k=k))
        titles = queries.titles(s, [c["article_id"] for c in out["citations"]])
        for c in out["citations"]:
            c["title"] = titles.get(c["article_id"], "")
        return out

    @app.get("/api/brief", tags=["explain"], responses={200: {"content": {"application/json": {}, "text/html": {},
                                                                         "text/markdown": {}, "text/plain": {}}}})
    def brief(
        s: StoreDep, country: str, poles: str = ",".join(DEFAULT_POLES),
        format: Annotated[str, Query(description="json, md, html or text")] = "json",
        freq: Freq = "month", since: Day = None, until: Day = None, include_background: Background = False,
    ) -> Response:
        """The cited briefing on a country between poles: json (default), md, text or a self-contained html page."""
        from ..explain.brief import brief as brief_fn

        since, until = clamp_span(s, since, until)
        text = brief_fn(s, country, poles, fmt=format, since=since, until=until, freq=freq,
                        include_background=include_background, poles_file=app.state.poles_file)
        media = {"json": "application/json", "md": "text/markdown", "html": "text/html"}.get(format.lower(), "text/plain")
        return Response(text, media_type=f"{media}; charset=utf-8")

    return app


def check_port(host: str, port: int) -> None:
    """UsageError when ``host:port`` cannot be bound (in use, or not an address of this machine)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise errors.UsageError(f"cannot listen on {host} ({exc.strerror or exc}); pass --host 127.0.0.1") from None
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            sock.bind(addr)
        except OSError as exc:
            raise errors.UsageError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); pass --port N "
                                    "(e.g. --port 8766) or stop the program using it") from None


def warm(app: FastAPI, *, embeddings: bool = False) -> None:
    """Load what the first requests would otherwise load (actor lexicons, CAMEO table: seconds), so that
    no request pays for it; with ``embeddings`` the model of /api/ask loads in the background too."""
    queries.lexicon()
    queries.code_name("042")
    with app.state.pool.store() as s:
        known_codes(s)
    if embeddings:
        from ..explain.retrieval import warm_up

        warm_up()


def serve(store_path: str | Path, host: str = "127.0.0.1", port: int = 8765, *,
          announce: Callable[[str], None] | None = None, poles: str | None = None,
          poles_file: str | Path | None = None, warm_model: bool = True, allow_hosts: Iterable[str] = (),
          budget: float = DEFAULT_BUDGET) -> None:
    """Run the API and dashboard with uvicorn until interrupted; ``announce(url)`` once the store opened
    and the port is free. ``warm_model`` loads the embedding model in the background, so the first question
    is quick. Requests must name the bound host (or a loopback name when bound to loopback, or one of
    ``allow_hosts``; '*' allows any) in their Host header.
    """
    import uvicorn

    app = create_app(store_path, poles=poles, poles_file=poles_file, hosts=allowed_hosts(host, allow_hosts),
                     budget=budget)
    check_port(host, port)
    warm(app, embeddings=warm_model)
    if announce is not None:
        announce(f"http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="info")
