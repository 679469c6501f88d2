"""OpenDocument text (ODT) to text and headings.

``content.xml`` is read in order: ``text:h`` headings (with their outline
level), paragraphs, lists, tables row by row, sections and frames. A plain
paragraph is a heading too when its style derives from a heading or title
style. Notes are appended after the body, marked ``[n]`` where they are cited.
"""

from __future__ import annotations

import re
import time
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ingest.extracted import Block, Extracted, Limits, blocks_to_text
from ingest.xml import local_name, parse_xml
from ingest.ziplimits import open_zip, read_member
from library.errors import UnsupportedFormat

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#: Style names (display or encoded, ``_20_`` = space) of headings and titles.
HEADING_STYLE = re.compile(
    r"^(?:heading|t[ií]tulo|titre|titolo|überschrift)(?:_20_|\s)*([1-9])$", re.I
)
TITLE_STYLE = re.compile(r"^(?:title|t[ií]tulo|titre|titolo|titel)$", re.I)
#: Elements whose text is never body text: tracked deletions, tables of contents, comments.
SKIPPED = frozenset(
    {
        "tracked-changes", "table-of-content", "illustration-index", "alphabetical-index",
        "bibliography", "object-index", "table-index", "user-index", "annotation",
        "sequence-decls", "variable-decls", "user-field-decls", "forms", "note-citation",
    }
)  # fmt: skip
ODF_TEXT_MIMETYPE = "application/vnd.oasis.opendocument.text"


@dataclass
class _Walk:
    """Mutable state of one extraction (local to one call)."""

    levels: dict[str, int]
    deadline: float
    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cut: bool = False


def extract_odt(data: bytes, limits: Limits) -> Extracted:
    """Extract the text, headings, lists, tables and notes of an ODT file.

    :param data: the file's bytes.
    :param limits: size, ratio and time budgets.
    :raises UnsupportedFormat: a zip that is not an OpenDocument text.
    :raises ExtractionError: a damaged container or XML part.
    :raises LimitExceeded: a zip bomb or an over-large file.
    """
    with open_zip(data, limits) as zf:
        return _extract(zf, limits)


def _extract(zf: zipfile.ZipFile, limits: Limits) -> Extracted:
    names = set(zf.namelist())
    if "mimetype" in names:
        mimetype = read_member(zf, "mimetype", limits).decode("ascii", "replace").strip()
        if mimetype != ODF_TEXT_MIMETYPE:
            raise UnsupportedFormat(f"not an OpenDocument text but {mimetype or 'unknown'}")
    if "content.xml" not in names:
        raise UnsupportedFormat("not an OpenDocument text: the zip has no content.xml")
    content = parse_xml(read_member(zf, "content.xml", limits), "content.xml")
    styles = (
        parse_xml(read_member(zf, "styles.xml", limits), "styles.xml")
        if "styles.xml" in names
        else None
    )
    walk = _Walk(
        levels=_heading_styles(content, styles), deadline=time.monotonic() + limits.max_seconds
    )
    text_el = next((el for el in content.iter(f"{{{OFFICE}}}text")), None)
    if text_el is None:
        raise UnsupportedFormat("not an OpenDocument text: content.xml has no office:text")
    _blocks(text_el, walk, "paragraph")
    walk.blocks.extend(Block(f"[{n}] {note}") for n, note in enumerate(walk.notes, 1) if note)
    warnings = []
    if walk.cut:
        warnings.append(
            f"time budget of {limits.max_seconds:.0f}s spent; the rest of the text was cut"
        )
    if not walk.blocks:
        warnings.append("the document has no text")
    metadata = (
        _meta(parse_xml(read_member(zf, "meta.xml", limits), "meta.xml"))
        if "meta.xml" in names
        else {}
    )
    blocks = tuple(walk.blocks)
    return Extracted(blocks_to_text(blocks), "odt", blocks, metadata, tuple(warnings))


def _name(el: Element, ns: str) -> str:
    own_ns, name = local_name(el)
    return name if own_ns == ns else ""


def _heading_styles(content: Element, styles: Element | None) -> dict[str, int]:
    """Map paragraph style names to heading levels, following parent styles."""
    own: dict[str, int] = {}
    parent: dict[str, str] = {}
    for root in (r for r in (styles, content) if r is not None):
        for style in root.iter(f"{{{STYLE}}}style"):
            name = style.get(f"{{{STYLE}}}name", "")
            display = style.get(f"{{{STYLE}}}display-name", "")
            parent[name] = style.get(f"{{{STYLE}}}parent-style-name", "")
            outline = style.get(f"{{{STYLE}}}default-outline-level", "")
            level = _name_level(name) or _name_level(display)
            if level:
                own[name] = level
            elif outline.isdigit():
                own[name] = int(outline)
    levels: dict[str, int] = {}
    for name in parent:
        current, seen = name, set()
        while current and current not in own and current not in seen:
            seen.add(current)
            if current not in parent:  # a parent style defined nowhere: judge its name
                own[current] = _name_level(current)
                break
            current = parent[current]
        if own.get(current):
            levels[name] = own[current]
    return levels


def _name_level(name: str) -> int:
    match = HEADING_STYLE.match(name)
    return int(match.group(1)) if match else 1 if TITLE_STYLE.match(name) else 0


def _blocks(container: Element, walk: _Walk, kind: str) -> None:
    for el in container:
        if time.monotonic() > walk.deadline:
            walk.cut = True
            return
        name = _name(el, TEXT) or _name(el, TABLE)
        if name in SKIPPED:
            continue
        if name == "h":
            outline = el.get(f"{{{TEXT}}}outline-level", "1")
            _add(walk, _inline(el, walk), "heading", int(outline) if outline.isdigit() else 1)
        elif name == "p":
            style = el.get(f"{{{TEXT}}}style-name", "")
            level = walk.levels.get(style, 0) if kind == "paragraph" else 0
            _add(walk, _inline(el, walk), "heading" if level else kind, level)
        elif name in ("list", "list-item", "list-header", "numbered-paragraph"):
            _blocks(el, walk, "list")
        elif name == "table":
            _table(el, walk)
        else:  # sections, table bodies, frames, text boxes, change markers…
            _blocks(el, walk, kind)


def _table(table: Element, walk: _Walk) -> None:
    for row in table.iter(f"{{{TABLE}}}table-row"):
        cells = []
        for cell in row:
            if _name(cell, TABLE) == "table-cell":
                inner = _Walk(levels={}, deadline=walk.deadline, notes=walk.notes)
                _blocks(cell, inner, "paragraph")
                cells.append(" ".join(b.text.replace("\n", " ") for b in inner.blocks))
        _add(walk, " | ".join(c for c in cells if c), "table", 0)


def _add(walk: _Walk, text: str, kind: str, level: int) -> None:
    lines = (re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))
    text = "\n".join(line for line in lines if line)
    if text:
        walk.blocks.append(Block(text, kind, level))


def _inline(el: Element, walk: _Walk) -> str:
    """The text of a paragraph: spans, links, spaces, tabs, line breaks, note marks."""
    out = [el.text or ""]
    for child in el:
        name = _name(child, TEXT)
        if name == "s":
            count = child.get(f"{{{TEXT}}}c", "1")
            out.append(" " * (int(count) if count.isdigit() else 1))
        elif name == "tab":
            out.append("\t")
        elif name == "line-break":
            out.append("\n")
        elif name == "note":
            body = next((c for c in child if _name(c, TEXT) == "note-body"), None)
            inner = _Walk(levels={}, deadline=walk.deadline, notes=walk.notes)
            if body is not None:
                _blocks(body, inner, "paragraph")
            walk.notes.append(" ".join(b.text for b in inner.blocks))
            out.append(f"[{len(walk.notes)}]")
        elif name == "p" or name == "h":  # paragraphs inside a frame or text box
            out.append("\n" + _inline(child, walk) + "\n")
        elif name not in SKIPPED:
            out.append(_inline(child, walk))
        out.append(child.tail or "")
    return "".join(out)


def _meta(root: Element) -> dict[str, str]:
    """Hints from meta.xml: ``doc_title``, ``doc_created``, ``doc_language``.

    The language an office suite writes there is the editing locale, often
    not the text's, so it is only a hint (not ``language``).
    """
    wanted = {"title": "doc_title", "creation-date": "doc_created", "language": "doc_language"}
    found: dict[str, str] = {}
    for el in root.iter():
        key = wanted.get(local_name(el)[1])
        value = " ".join((el.text or "").split())
        if key and value and key not in found:
            found[key] = value[:10] if key == "doc_created" else value
    return found
