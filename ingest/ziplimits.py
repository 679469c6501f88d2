"""Open zip-based formats (DOCX, ODT) without falling for zip bombs.

A zip declares each member's compressed and uncompressed size in its central
directory. :func:`open_zip` refuses a container whose declared sizes are too
large or expand too much, before anything is decompressed; :func:`read_member`
then decompresses one member in chunks and stops as soon as it goes past the
cap, so a container that lies about its sizes cannot exhaust memory either.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from ingest.extracted import Limits
from library.errors import ExtractionError, LimitExceeded

#: Most members a document container may hold (an office file has a few dozen).
MAX_MEMBERS = 10_000
#: Members smaller than this are not checked for their ratio: a tiny, highly
#: repetitive XML part compresses very well and cannot be a bomb on its own.
RATIO_FLOOR = 1024 * 1024
#: Bytes decompressed per read.
CHUNK = 64 * 1024


def check_size(data: bytes, limits: Limits) -> None:
    """Refuse input larger than ``limits.max_bytes``.

    :param data: the file's bytes.
    :param limits: the extraction budgets.
    :raises LimitExceeded: when the input is too large.
    """
    if len(data) > limits.max_bytes:
        raise LimitExceeded(
            f"file is {len(data):,} bytes, over the {limits.max_bytes:,}-byte limit"
        )


def open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open ``data`` as a zip after checking its declared sizes against ``limits``.

    :param data: the container's bytes.
    :param limits: ``max_uncompressed`` and ``max_ratio`` are enforced per member
        and over the whole container.
    :raises ExtractionError: the bytes are not a readable zip, or a member is encrypted.
    :raises LimitExceeded: too many members, too large, or a suspected zip bomb.
    """
    check_size(data, limits)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise ExtractionError(f"damaged zip container: {exc}") from exc
    if len(members) > MAX_MEMBERS:
        raise LimitExceeded(f"zip holds {len(members):,} members, over the {MAX_MEMBERS:,} limit")
    total = compressed = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise ExtractionError(
                f"the document is encrypted ({info.filename}); save it without a password"
            )
        total += info.file_size
        compressed += info.compress_size
        _check_ratio(info.filename, info.file_size, info.compress_size, limits)
    if total > limits.max_uncompressed:
        raise LimitExceeded(
            f"zip expands to {total:,} bytes, over the {limits.max_uncompressed:,}-byte limit"
        )
    _check_ratio("the container", total, compressed, limits)
    if compressed > len(data):
        raise LimitExceeded("zip bomb suspected: members overlap (they share compressed data)")
    return zf


def read_member(zf: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """Decompress one member in chunks, never past ``limits.max_uncompressed``.

    The declared size is not trusted: reading stops (with an error) as soon as
    the output passes the cap or the allowed ratio to the compressed size.

    :param zf: a container opened with :func:`open_zip`.
    :param name: the member's path, e.g. ``word/document.xml``.
    :param limits: the extraction budgets.
    :raises ExtractionError: the member is missing or damaged.
    :raises LimitExceeded: the member expands past the cap or the ratio.
    """
    try:
        info = zf.getinfo(name)
    except KeyError as exc:
        raise ExtractionError(f"damaged zip container: no member {name}") from exc
    cap = limits.max_uncompressed
    ratio_cap = max(RATIO_FLOOR, int(limits.max_ratio * max(info.compress_size, 1)))
    out = bytearray()
    try:
        with zf.open(info) as stream:
            while chunk := stream.read(CHUNK):
                out += chunk
                if len(out) > cap:
                    raise LimitExceeded(f"zip member {name} expands past the {cap:,}-byte limit")
                if len(out) > ratio_cap:
                    raise LimitExceeded(
                        f"zip bomb suspected: {name} expands more than "
                        f"{limits.max_ratio:.0f}x its compressed size"
                    )
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise ExtractionError(f"damaged zip container: member {name}: {exc}") from exc
    return bytes(out)


def _check_ratio(what: str, size: int, compressed: int, limits: Limits) -> None:
    if size <= RATIO_FLOOR:
        return
    ratio = size / max(compressed, 1)
    if ratio > limits.max_ratio:
        raise LimitExceeded(
            f"zip bomb suspected: {what} expands {ratio:,.0f}x "
            f"({compressed:,} -> {size:,} bytes; limit {limits.max_ratio:.0f}x)"
        )
