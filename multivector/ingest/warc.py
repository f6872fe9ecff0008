"""WARC and WARC.gz archives with warcio: each HTML ``response`` record becomes an article."""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..records import BadRecord
from .common import DEFAULT_MAX_BYTES, Item, parse_date, unreadable
from .html import article_from_html


def read_warc(path: Path, *, default_date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """HTML responses of a (gzipped) WARC, streamed; ``max_bytes`` applies to each record, not the archive.

    The page's own date wins; the record's WARC-Date (crawl time) is the fallback, then --date.
    """
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield unreadable(path, exc)
        return
    with fh:
        try:
            for rec in ArchiveIterator(fh):
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
                src = f"{path}#{uri}"
                body = rec.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield BadRecord(src, "response is over the --max-bytes limit; raise --max-bytes to ingest it")
                    continue
                fallback = default_date
                warc_date = rec.rec_headers.get_header("WARC-Date")
                if warc_date:
                    try:
                        fallback = parse_date(warc_date, src)
                    except InputError:
                        pass  # a malformed WARC-Date: keep --date
                yield article_from_html(body, src, default_date=fallback, url=uri)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:  # truncated or corrupt
            yield BadRecord(str(path), f"not a readable WARC ({str(exc).splitlines()[0]}); check the file is complete")
