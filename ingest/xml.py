"""XML files: legislative formats with their own structure, else generic XML.

Every XML Migralex reads (this module, DOCX and ODT parts) goes through
:func:`parse_xml`, which uses defusedxml: a document that declares entities
(billion laughs, external entities) is refused, never expanded.

Justice Canada LIMS acts, Akoma Ntoso and Unicode UDHR files come back with
``parts`` and the metadata they state (:mod:`ingest.xml_legislation`,
:mod:`ingest.xml_akn`). Any other XML gives one block per element holding
text, with headings for elements named like a title.
"""

from __future__ import annotations

import re
import time
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

from ingest.extracted import Block, Extracted, Limits, blocks_to_text
from ingest.xml_akn import extract_akn, is_akn
from ingest.xml_legislation import (
    XML_LANG,
    extract_lims,
    extract_udhr,
    inline_text,
    is_lims,
    is_udhr,
    language_code,
    local_name,
    name_of,
)
from ingest.ziplimits import check_size
from library.errors import ExtractionError

__all__ = ["extract_xml", "local_name", "parse_xml"]

#: Element names (lower case) of headings in generic XML.
HEADING_NAMES = frozenset(
    {"title", "heading", "head", "h", "titulo", "título", "titre", "titel", "subtitle"}
)
HTML_HEADING = re.compile(r"^h([1-6])$")
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
LEGISLATIVE = ((is_lims, extract_lims), (is_akn, extract_akn), (is_udhr, extract_udhr))


def parse_xml(data: bytes, what: str = "") -> Element:
    """Parse XML bytes safely: no entity expansion, no external resources.

    :param data: the XML document (its declaration or BOM gives the encoding).
    :param what: the part's name for error messages (``word/document.xml``), or "".
    :raises ExtractionError: damaged XML, or XML that declares entities.
    """
    where = f"{what}: " if what else ""
    try:
        root: Element = SafeET.fromstring(data)
    except EntitiesForbidden as exc:
        raise ExtractionError(
            f"{where}XML declares entities (possible entity-expansion attack); not read"
        ) from exc
    except ExternalReferenceForbidden as exc:
        raise ExtractionError(f"{where}XML refers to external resources; not read") from exc
    except DefusedXmlException as exc:
        raise ExtractionError(f"{where}XML refused: {exc}") from exc
    except (ParseError, ValueError, LookupError) as exc:
        raise ExtractionError(f"{where}damaged XML: {exc}") from exc
    return root


def extract_xml(data: bytes, limits: Limits) -> Extracted:
    """Extract an XML document: structured legislation, else generic text.

    :param data: the file's bytes.
    :param limits: size and time budgets.
    :raises ExtractionError: damaged XML, declared entities, or nesting too deep.
    """
    check_size(data, limits)
    root = parse_xml(data)
    try:
        for detect, extract in LEGISLATIVE:
            if detect(root):
                return extract(root)
        return _generic(root, time.monotonic() + limits.max_seconds, limits.max_seconds)
    except RecursionError as exc:
        raise ExtractionError("XML is nested too deeply to be read") from exc


def _generic(root: Element, deadline: float, budget: float) -> Extracted:
    blocks: list[Block] = []
    cut = _generic_blocks(root, 0, blocks, deadline)
    warnings = [f"time budget of {budget:.0f}s spent; the rest of the text was cut"] if cut else []
    if not blocks:
        warnings.append("the XML document has no text")
    return Extracted(
        text=blocks_to_text(blocks),
        format="xml",
        blocks=tuple(blocks),
        metadata=_generic_metadata(root),
        warnings=tuple(warnings),
    )


def _generic_blocks(el: Element, depth: int, blocks: list[Block], deadline: float) -> bool:
    """Append a block for each element with direct text; True when time ran out."""
    if time.monotonic() > deadline:
        return True
    direct = (el.text or "").strip() or any((c.tail or "").strip() for c in el)
    if direct:
        text = inline_text(el)
        name = name_of(el).lower()
        heading = HTML_HEADING.match(name)
        if heading:
            blocks.append(Block(text, "heading", int(heading.group(1))))
        elif name in HEADING_NAMES:
            blocks.append(Block(text, "heading", max(1, min(depth, 6))))
        else:
            blocks.append(Block(text))
        return False
    return any(_generic_blocks(child, depth + 1, blocks, deadline) for child in el)


def _generic_metadata(root: Element) -> dict[str, str]:
    """``language`` from the root's ``xml:lang``; Dublin Core title as a ``doc_title`` hint."""
    found: dict[str, str] = {}
    if root.get(XML_LANG):
        found["language"] = language_code(root.get(XML_LANG, ""))
    for el in root.iter():
        ns, name = local_name(el)
        if ns == DUBLIN_CORE and name == "title" and "doc_title" not in found:
            found["doc_title"] = inline_text(el)
        elif ns == DUBLIN_CORE and name == "language" and "language" not in found:
            found["language"] = language_code(inline_text(el))
    return {k: v for k, v in found.items() if v}
