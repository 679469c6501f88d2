"""The content-addressed file store."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.errors import DocumentNotFound, LibraryError
from library.files import FileStore, sha256_of


def test_same_bytes_are_stored_once_under_their_digest(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    first = store.put(b"Ley 25.871")
    second = store.put(b"Ley 25.871")
    assert first == second == sha256_of(b"Ley 25.871")
    assert store.path(first).relative_to(tmp_path).parts == (first[:2], first[2:])
    assert store.read(first) == b"Ley 25.871"
    assert store.verify(first)


def test_path_rejects_anything_but_a_digest(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    for bad in ("../../etc/passwd", "A" * 64, "abc", ""):
        with pytest.raises(LibraryError, match="not a sha256"):
            store.path(bad)
    assert "../x" not in store


def test_missing_file_raises_document_not_found(tmp_path: Path) -> None:
    with pytest.raises(DocumentNotFound):
        FileStore(tmp_path).read("0" * 64)
