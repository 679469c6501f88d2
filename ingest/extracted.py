"""What every per-format extractor returns.

Extractors are pure functions ``extract_FORMAT(data: bytes, limits: Limits) -> Extracted``.
They never raise for damage they can work around: that becomes a warning.
They raise :class:`library.errors.ExtractionError` (or a subclass) when nothing
usable can be had, with a message that says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from library.model import Part


@dataclass(frozen=True)
class Block:
    """A structural unit of the source, in reading order.

    :param kind: ``heading`` or ``paragraph`` (also ``table``, ``list``).
    :param level: heading level (1 = top) when the source says so, else 0.
    :param page: 1-based page number for paged formats, else None.
    """

    text: str
    kind: str = "paragraph"
    level: int = 0
    page: int | None = None


@dataclass(frozen=True)
class Limits:
    """Budgets an extractor must respect.

    :param max_bytes: largest input accepted.
    :param max_seconds: wall time for one file (checked between pages/elements).
    :param max_pages: pages read from a paged document; the rest is cut with a warning.
    :param max_ratio: largest uncompressed/compressed ratio in a zip-based format.
    :param max_uncompressed: largest total uncompressed size of a zip-based format.
    :param max_memory_mb: address-space limit of a worker process.
    """

    max_bytes: int = 200 * 1024 * 1024
    max_seconds: float = 300.0
    max_pages: int = 2000
    max_ratio: float = 100.0
    max_uncompressed: int = 500 * 1024 * 1024
    max_memory_mb: int = 2048


@dataclass(frozen=True)
class Extracted:
    """Text, structure and self-described metadata of one file.

    :param text: the whole text, blocks separated by blank lines.
    :param format: the sniffed format (``pdf``, ``html``, ``docx``…).
    :param blocks: the text split into headings and paragraphs, in reading order.
    :param metadata: what the file says of itself (front matter, ``<title>``, XML
        attributes, PDF info), keyed by :data:`library.model.METADATA_FIELDS`
        names; ISO dates; the values are strings (``topics`` is ``;``-separated).
    :param warnings: damage worked around, budget cut-offs, OCR used…
    :param pages: number of pages for paged formats.
    :param parts: structure given by the source itself (legislative XML); when
        present, segmentation uses it instead of parsing the text.
    """

    text: str
    format: str
    blocks: tuple[Block, ...] = ()
    metadata: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    pages: int | None = None
    parts: tuple[Part, ...] | None = None


def blocks_to_text(blocks: tuple[Block, ...] | list[Block]) -> str:
    """Join blocks into the plain text an :class:`Extracted` carries.

    >>> blocks_to_text([Block("Título I", "heading", 1), Block("Artículo 1.")])
    'Título I\\n\\nArtículo 1.'
    """
    return "\n\n".join(b.text for b in blocks if b.text.strip())
