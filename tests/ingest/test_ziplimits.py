from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zipfile

import pytest

from ingest import ziplimits
from ingest.extracted import Limits
from ingest.ziplimits import open_zip, read_member
from library.errors import ExtractionError, LimitExceeded
from tests.ingest.office_fixtures import patch_headers, zip_bomb, zip_bytes


def test_a_valid_zip_opens_and_members_read_back() -> None:
    zf = open_zip(zip_bytes({"a.xml": "<a>é</a>"}), Limits())
    assert read_member(zf, "a.xml", Limits()).decode() == "<a>é</a>"


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04" + bytes(40)])
def test_bytes_that_are_not_a_zip_are_a_damaged_container(data: bytes) -> None:
    with pytest.raises(ExtractionError, match="damaged zip container"):
        open_zip(data, Limits())


def test_a_truncated_zip_is_a_damaged_container() -> None:
    data = zip_bytes({"word/document.xml": os.urandom(5000)})
    with pytest.raises(ExtractionError, match="damaged zip container"):
        open_zip(data[: len(data) // 2], Limits())


def test_a_zip_bomb_is_refused_from_its_declared_sizes_without_inflating_it() -> None:
    bomb = zip_bomb(size=50 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(
            LimitExceeded, match=r"zip bomb suspected: word/document.xml expands \d"
        ):
            open_zip(bomb, Limits())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_a_container_larger_than_the_uncompressed_limit_is_refused() -> None:
    data = zip_bytes({"a.bin": os.urandom(4000), "b.bin": os.urandom(4000)})
    with pytest.raises(LimitExceeded, match="over the 6,000-byte limit"):
        open_zip(data, Limits(max_uncompressed=6000))


def test_input_over_max_bytes_is_refused_before_parsing() -> None:
    with pytest.raises(LimitExceeded, match="over the 10-byte limit"):
        open_zip(zip_bytes({"a": "x" * 100}), Limits(max_bytes=10))


def test_too_many_members_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ziplimits, "MAX_MEMBERS", 3)
    data = zip_bytes({f"m{i}.xml": "<a/>" for i in range(4)})
    with pytest.raises(LimitExceeded, match="4 members"):
        open_zip(data, Limits())


def test_an_encrypted_member_is_reported_as_such() -> None:
    data = patch_headers(zip_bytes({"word/document.xml": "<a/>"}), 6, struct.pack("<H", 1), 8)
    with pytest.raises(ExtractionError, match="encrypted"):
        open_zip(data, Limits())


def test_reading_stops_at_the_cap_even_when_the_declared_size_is_small() -> None:
    data = zip_bytes({"big.xml": bytes(2 * 1024 * 1024)})
    zf = zipfile.ZipFile(io.BytesIO(data))  # opened without the declared-size checks
    with pytest.raises(LimitExceeded):
        read_member(zf, "big.xml", Limits(max_uncompressed=100_000))


def test_a_member_that_lies_about_its_size_is_damaged_not_read_past_its_claim() -> None:
    data = zip_bytes({"word/document.xml": bytes(1024 * 1024)})
    liar = patch_headers(data, 22, struct.pack("<I", 1000), 24)
    zf = open_zip(liar, Limits())
    with pytest.raises(ExtractionError, match="damaged zip container"):
        read_member(zf, "word/document.xml", Limits())


def test_a_missing_member_is_a_clear_error() -> None:
    zf = open_zip(zip_bytes({"a.xml": "<a/>"}), Limits())
    with pytest.raises(ExtractionError, match="no member word/document.xml"):
        read_member(zf, "word/document.xml", Limits())
