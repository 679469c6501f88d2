"""Fixtures for the metadata tests: the packaged vocabularies and a builder of Extracted."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ingest.extracted import Block, Extracted
from library.vocabulary import Vocabularies, load_vocabularies


@pytest.fixture(scope="session")
def vocab() -> Vocabularies:
    return load_vocabularies()


@pytest.fixture
def make_extracted() -> Callable[..., Extracted]:
    """Build an Extracted from paragraphs (``#`` marks a heading), as an extractor would."""

    def build(
        *paragraphs: str, metadata: dict[str, str] | None = None, fmt: str = "text"
    ) -> Extracted:
        blocks = tuple(
            Block(p.lstrip("# "), "heading", 1) if p.startswith("#") else Block(p)
            for p in paragraphs
        )
        text = "\n\n".join(b.text for b in blocks)
        return Extracted(text=text, format=fmt, blocks=blocks, metadata=metadata or {})

    return build
