"""WARC and WARC.gz archives with warcio: each HTML ``response`` record becomes an article.

warcio stops quietly at a truncated archive; so does a gzip reader at a cut member. Both are
checked here (declared Content-Length against what was read; every gzip member complete), and a
truncated archive keeps the records read before the cut plus one quarantine row saying where.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..records import BadRecord
from .common import DEFAULT_LIMITS, Item, Limits, parse_date, special_file, unreadable
from .html import article_from_html

_CHUNK = 1 << 20


class _Archive(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator without its stderr warning; ``err_count`` still counts bad Content-Lengths."""

    INC_RECORD = ""


def gzip_complete(path: Path) -> bool:
    """True when every gzip member of the file ends with its end-of-stream marker (nothing cut off)."""
    with path.open("rb") as fh:
        d = zlib.decompressobj(wbits=47)
        fed = False
        while chunk := fh.read(_CHUNK):
            while chunk:
                fed = True
                d.decompress(chunk, 1 << 16)
                chunk = d.unconsumed_tail
                while not chunk and d.eof and d.unused_data:  # the next member starts in this chunk
                    chunk = d.unused_data
                    d = zlib.decompressobj(wbits=47)
                if d.eof and not d.unused_data:
                    d, fed = zlib.decompressobj(wbits=47), False
        return not fed or d.eof


def read_warc(path: Path, *, default_date: dt.date | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Item]:
    """HTML responses of a (gzipped) WARC, streamed; ``max_bytes`` applies to each record, not the archive.

    The page's own date wins; the record's WARC-Date (crawl time) is the fallback, then --date.
    """
    refused = special_file(path)
    if refused is not None:
        yield refused
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield unreadable(path, exc)
        return
    n_records = 0
    cut = False
    last = None
    archive = None
    with fh:
        try:
            archive = _Archive(fh)
            for rec in archive:
                if rec.rec_type is None or rec.rec_headers.get_header("Content-Length") is None:
                    cut = True  # a header block cut short: warcio yields it as a record without type
                    break
                n_records += 1
                last = rec
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
                src = f"{path}#{uri}"
                body = rec.content_stream().read(limits.max_bytes + 1)
                if len(body) > limits.max_bytes:
                    yield BadRecord(src, "response is over the --max-bytes limit; raise --max-bytes to ingest it")
                    continue
                if getattr(rec.raw_stream, "limit", 0) > 0:  # Content-Length promised more than the file holds
                    cut = True
                    break
                fallback = default_date
                warc_date = rec.rec_headers.get_header("WARC-Date")
                if warc_date:
                    try:
                        fallback = parse_date(warc_date, src)
                    except InputError:
                        pass  # a malformed WARC-Date: keep --date
                yield article_from_html(body, src, default_date=fallback, url=uri)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, zlib.error) as exc:
            first = (str(exc).splitlines() or [type(exc).__name__])[0][:160]
            yield BadRecord(str(path), f"not a readable WARC after {n_records} records ({first}); "
                                       "check the file is complete (re-download or re-crawl it)")
            return
    if last is not None and getattr(last.raw_stream, "limit", 0) > 0:
        cut = True
    if archive is not None and archive.err_count and not cut:
        yield BadRecord(str(path), f"{archive.err_count} records are longer or shorter than their Content-Length; "
                                   "their neighbours may be misread; re-crawl or repair the archive")
    if cut or (path.name.lower().endswith(".gz") and not gzip_complete(path)):
        yield BadRecord(str(path), f"archive is truncated (cut after {n_records} records); "
                                   "the records before the cut were read; re-download or re-crawl the rest")
    elif n_records == 0:
        yield BadRecord(str(path), "no WARC records in the file; check that it is a WARC archive")
