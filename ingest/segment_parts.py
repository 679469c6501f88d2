"""From the nodes :func:`ingest.segment.segment` builds to :class:`library.model.Part` records.

Anchors are made unique here: ``art-5``, ``cap-2`` (``tit-1-cap-2`` where
chapter numbers restart), ``trans-art-1`` for transitory articles, and the
anchor of an annex as prefix of its articles when they number again from 1.
A text without any heading is one ``body`` part, or ``paragraph`` parts of
about 1,500 characters when it is long, so that a search hit still points at
a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.segment_patterns import ANCHOR_PREFIX, LEVELS, is_provisions_name, is_transitory_name
from library.model import Part

#: Texts shorter than this without structure are one ``body`` part.
BODY_MAX_CHARS = 3000
#: Target size of a ``paragraph`` part of an unstructured text.
CHUNK_CHARS = 1500
_SPACES_RE = re.compile(r"\n{3,}")


@dataclass
class Node:
    """A part being built."""

    kind: str
    number: str = ""
    slug: str = ""
    heading: str = ""
    lines: list[str] = field(default_factory=list)
    parent: int | None = None
    transitory: bool = False
    tentative_title: bool = False
    name_lines: int = 0


def finish(nodes: list[Node]) -> tuple[Part, ...]:
    """Texts, anchors and parents of the nodes, as parts.

    :param nodes: the nodes in reading order, index 0 the preamble.
    """
    for node in nodes:
        if node.tentative_title and not "".join(node.lines).strip():
            node.lines.insert(0, node.heading)
            node.heading = ""
    anchors = _anchors(nodes)
    parts = []
    for n, node in enumerate(nodes):
        body = _SPACES_RE.sub("\n\n", "\n".join(line.rstrip() for line in node.lines)).strip()
        if n == 0 and not body and not node.heading:
            continue
        parent = anchors[node.parent] if node.parent is not None else ""
        parts.append(Part(node.kind, node.number, node.heading, body, anchors[n], parent))
    return tuple(parts)


def _anchors(nodes: list[Node]) -> list[str]:
    """Unique anchors: ``art-5``, ``cap-2`` (``tit-1-cap-2`` where chapters restart), ``trans-art-1``."""
    plain = [_plain_anchor(node) for node in nodes]
    counts: dict[str, int] = {}
    for node, anchor in zip(nodes, plain, strict=True):
        if node.kind in LEVELS:
            counts[anchor] = counts.get(anchor, 0) + 1
    restarting = {node.kind for node, a in zip(nodes, plain, strict=True) if counts.get(a, 0) > 1}
    scopes = [_scope(nodes, node) if node.kind == "article" else None for node in nodes]
    prefixed = _prefixed_scopes(nodes, plain, scopes)
    anchors: list[str] = []
    used: set[str] = set()
    for node, anchor, scope in zip(nodes, plain, scopes, strict=True):
        if scope is not None and scope in prefixed:
            named = nodes[scope].kind in LEVELS and is_transitory_name(nodes[scope].heading)
            anchor = f"{'trans' if named else anchors[scope]}-{anchor}"
        elif node.kind == "article" and node.transitory and scope is None:
            anchor = f"trans-{anchor}"
        elif node.kind in restarting and node.parent is not None:
            anchor = f"{anchors[node.parent]}-{anchor}"
        unique, k = anchor, 1
        while unique in used:
            k += 1
            unique = f"{anchor}-{k}"
        used.add(unique)
        anchors.append(unique)
    return anchors


def _prefixed_scopes(nodes: list[Node], plain: list[str], scopes: list[int | None]) -> set[int]:
    """Annexes and blocks of provisions whose articles take the block's anchor as prefix.

    Transitory provisions always do; other blocks only when their article
    numbers start again (an annexed regulation with its own article 1).
    """
    prefixed = {
        s for s in scopes if s is not None and nodes[s].kind == "final" and nodes[s].transitory
    }
    seen: set[str] = set()
    for n, scope in enumerate(scopes):
        if nodes[n].kind != "article":
            continue
        if scope is not None and plain[n] in seen:
            prefixed.add(scope)
        if scope is None or scope not in prefixed:
            seen.add(plain[n])
    return prefixed


def _plain_anchor(node: Node) -> str:
    """The anchor of a node before prefixes and suffixes."""
    if node.kind == "preamble":
        return "preamble"
    if node.kind == "final":
        return "trans" if node.transitory else "final"
    prefix = ANCHOR_PREFIX.get(node.kind, node.kind)
    return f"{prefix}-{node.slug}" if node.slug else prefix


def _scope(nodes: list[Node], node: Node) -> int | None:
    """The enclosing annex or block of provisions, whose anchor may prefix an article's."""
    parent = node.parent
    while parent is not None:
        container = nodes[parent]
        if container.kind in ("annex", "schedule", "final") or is_provisions_name(
            container.heading
        ):
            return parent
        parent = container.parent
    return None


def unstructured(text: str) -> tuple[Part, ...]:
    """One ``body`` part, or ``paragraph`` parts of about :data:`CHUNK_CHARS`.

    :param text: a text in which no heading was found.
    """
    body = text.strip()
    if not body:
        return ()
    if len(body) < BODY_MAX_CHARS:
        return (Part("body", "", "", body, "body"),)
    pieces: list[str] = []
    for paragraph in re.split(r"\n\s*\n", body):
        pieces.extend(_split_long(paragraph.strip()))
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + len(piece) > CHUNK_CHARS:
            chunks.append(current)
            current = ""
        current = f"{current}\n\n{piece}" if current else piece
    if current:
        chunks.append(current)
    return tuple(Part("paragraph", str(n), "", c, f"p-{n}") for n, c in enumerate(chunks, 1))


def _split_long(paragraph: str) -> list[str]:
    """A paragraph cut at sentence ends (else at spaces) into pieces of at most 2 × CHUNK_CHARS."""
    if len(paragraph) <= 2 * CHUNK_CHARS:
        return [paragraph] if paragraph else []
    pieces = []
    while len(paragraph) > 2 * CHUNK_CHARS:
        cut = paragraph.rfind(". ", CHUNK_CHARS // 2, CHUNK_CHARS * 3 // 2)
        if cut < 0:
            cut = paragraph.rfind(" ", 0, CHUNK_CHARS * 3 // 2)
        cut = cut + 1 if cut > 0 else CHUNK_CHARS
        pieces.append(paragraph[:cut].strip())
        paragraph = paragraph[cut:].strip()
    return [*pieces, paragraph]
