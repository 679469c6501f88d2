"""Word 2007+ documents (DOCX, WordprocessingML) to text and headings.

Read with :mod:`zipfile` (through :mod:`ingest.ziplimits`) and defusedxml, no
python-docx. Paragraphs and table rows come out in reading order; a paragraph
is a heading when its style says so (``heading 1``…, ``Title``, an outline
level), whatever the language of the style's id. Footnotes and endnotes are
appended after the body, marked ``[n]`` where they are referenced.
"""

from __future__ import annotations

import posixpath
import re
import time
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ingest.extracted import Block, Extracted, Limits, blocks_to_text
from ingest.xml import local_name, parse_xml
from ingest.ziplimits import open_zip, read_member
from library.errors import UnsupportedFormat

W_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    }
)
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
OFFICE_DOCUMENT = re.compile(r"/officeDocument$")
#: Style names (``w:name``, lower case) of headings: "heading 1", "Título 2", "Titre 3"…
HEADING_NAME = re.compile(r"^(?:heading|t[ií]tulo|titre|titolo|überschrift|kop)\s*([1-9])$")
#: Style ids when styles.xml is missing: Heading1, Ttulo1 (Título 1 with the accent dropped)…
HEADING_ID = re.compile(r"^(?:heading|t[ií]?tulo|titre|titolo|berschrift|kop)([1-9])$", re.I)
TITLE_NAMES = frozenset({"title", "título", "titulo", "titre", "titolo", "titel"})
#: Characters of the Symbol and Wingdings fonts commonly used as list bullets.
SYMBOL_CHARS = {0xB7: "•", 0xA7: "▪", 0xD8: "➢", 0xFC: "✓", 0x6C: "●", 0x6E: "■", 0x71: "❑"}
NOTE_PARTS = (("footnotes", "footnote"), ("endnotes", "endnote"))


@dataclass
class _Walk:
    """Mutable state of one extraction (local to one call)."""

    levels: dict[str, int]
    deadline: float
    blocks: list[Block] = field(default_factory=list)
    notes: dict[tuple[str, str], int] = field(default_factory=dict)
    cut: bool = False


def extract_docx(data: bytes, limits: Limits) -> Extracted:
    """Extract the text, headings, tables and notes of a DOCX file.

    :param data: the file's bytes.
    :param limits: size, ratio and time budgets.
    :raises UnsupportedFormat: a zip that is not a Word document.
    :raises ExtractionError: a damaged container or XML part.
    :raises LimitExceeded: a zip bomb or an over-large file.
    """
    with open_zip(data, limits) as zf:
        return _extract(zf, limits)


def _extract(zf: zipfile.ZipFile, limits: Limits) -> Extracted:
    main = _main_part(zf, limits)
    folder = posixpath.dirname(main)
    names = set(zf.namelist())
    styles = f"{folder}/styles.xml"
    levels = (
        _heading_levels(parse_xml(read_member(zf, styles, limits), styles))
        if styles in names
        else {}
    )
    walk = _Walk(levels=levels, deadline=time.monotonic() + limits.max_seconds)
    body = _child(parse_xml(read_member(zf, main, limits), main), "body")
    if body is not None:
        _blocks(body, walk)
    warnings: list[str] = []
    for part, tag in NOTE_PARTS:
        name = f"{folder}/{part}.xml"
        if walk.notes and name in names and not walk.cut:
            _append_notes(parse_xml(read_member(zf, name, limits), name), tag, walk)
    if walk.cut:
        warnings.append(
            f"time budget of {limits.max_seconds:.0f}s spent; the rest of the text was cut"
        )
    if not walk.blocks:
        warnings.append("the document has no text")
    metadata = _core_metadata(zf, limits) if "docProps/core.xml" in names else {}
    blocks = tuple(walk.blocks)
    return Extracted(
        text=blocks_to_text(blocks),
        format="docx",
        blocks=blocks,
        metadata=metadata,
        warnings=tuple(warnings),
    )


def _main_part(zf: zipfile.ZipFile, limits: Limits) -> str:
    """The main document part named by ``_rels/.rels`` (usually word/document.xml)."""
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        rels = parse_xml(read_member(zf, "_rels/.rels", limits), "_rels/.rels")
        for rel in rels:
            if OFFICE_DOCUMENT.search(rel.get("Type", "")):
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise UnsupportedFormat("not a Word document: the zip has no word/document.xml")


def _w(el: Element) -> str:
    """The local name of a WordprocessingML element, or "" for other namespaces."""
    ns, name = local_name(el)
    return name if ns in W_NAMESPACES else ""


def _wattr(el: Element, name: str) -> str:
    for key, value in el.attrib.items():
        if key.endswith("}" + name) or key == name:
            return value
    return ""


def _child(el: Element, name: str) -> Element | None:
    return next((c for c in el if _w(c) == name), None)


def _heading_levels(styles: Element) -> dict[str, int]:
    """Map paragraph style ids to heading levels, following ``w:basedOn``."""
    own: dict[str, int] = {}
    based: dict[str, str] = {}
    for style in styles:
        if _w(style) != "style" or _wattr(style, "type") not in ("paragraph", ""):
            continue
        sid = _wattr(style, "styleId")
        name_el, base_el, ppr = (
            _child(style, "name"),
            _child(style, "basedOn"),
            _child(style, "pPr"),
        )
        name = _wattr(name_el, "val").strip().lower() if name_el is not None else ""
        if base_el is not None:
            based[sid] = _wattr(base_el, "val")
        match = HEADING_NAME.match(name) or HEADING_ID.match(sid)
        if match:
            own[sid] = int(match.group(1))
        elif name in TITLE_NAMES:
            own[sid] = 1
        elif (level := _outline_level(ppr)) is not None:
            own[sid] = level
    levels: dict[str, int] = {}
    for sid in set(own) | set(based):
        current, seen = sid, set()
        while current and current not in own and current not in seen:
            seen.add(current)
            current = based.get(current, "")
        if current in own and own[current]:
            levels[sid] = own[current]
    return levels


def _outline_level(ppr: Element | None) -> int | None:
    """Heading level from ``w:outlineLvl`` (0 = body text), or None when not stated."""
    el = _child(ppr, "outlineLvl") if ppr is not None else None
    value = _wattr(el, "val") if el is not None else ""
    if not value.isdigit():
        return None
    return int(value) + 1 if int(value) < 9 else 0


def _blocks(container: Element, walk: _Walk) -> None:
    """Append the blocks of a body, cell, note or content control in order."""
    for el in container:
        if time.monotonic() > walk.deadline:
            walk.cut = True
            return
        name = _w(el)
        if name == "p":
            _paragraph(el, walk)
        elif name == "tbl":
            for row in (r for r in el if _w(r) == "tr"):
                cells = [_cell_text(c, walk) for c in row if _w(c) == "tc"]
                text = " | ".join(c for c in cells if c)
                if text:
                    walk.blocks.append(Block(text, "table"))
        elif name in ("sdt", "sdtContent", "customXml", "ins", "smartTag"):
            _blocks(el, walk)


def _paragraph(p: Element, walk: _Walk) -> None:
    text = _clean(_inline(p, walk))
    if not text:
        return
    ppr = _child(p, "pPr")
    style = _child(ppr, "pStyle") if ppr is not None else None
    level = _outline_level(ppr)
    if level is None:
        level = _style_level(_wattr(style, "val") if style is not None else "", walk.levels)
    walk.blocks.append(Block(text, "heading", level) if level else Block(text))


def _style_level(style_id: str, levels: dict[str, int]) -> int:
    """The heading level of a style: from styles.xml, else from an id like ``Heading2``."""
    if style_id in levels:
        return levels[style_id]
    match = HEADING_ID.match(style_id)
    return int(match.group(1)) if match else 0


def _cell_text(cell: Element, walk: _Walk) -> str:
    inner = _Walk(levels={}, deadline=walk.deadline, notes=walk.notes)
    _blocks(cell, inner)
    return " ".join(b.text.replace("\n", " ") for b in inner.blocks)


def _inline(el: Element, walk: _Walk) -> str:
    """The text of a paragraph's runs, skipping deleted text and fallback copies."""
    out: list[str] = []
    for child in el:
        if child.tag == MC_FALLBACK:
            continue
        name = _w(child)
        if name == "t":
            out.append(child.text or "")
        elif name == "tab":
            out.append("\t")
        elif name in ("br", "cr"):
            out.append("\n")
        elif name == "noBreakHyphen":
            out.append("-")
        elif name == "sym":
            out.append(_symbol(child))
        elif name in ("footnoteReference", "endnoteReference"):
            key = (name[:-9], _wattr(child, "id"))
            out.append(f"[{walk.notes.setdefault(key, len(walk.notes) + 1)}]")
        elif name == "p":  # a paragraph inside a text box
            out.append("\n" + _inline(child, walk) + "\n")
        elif name not in ("del", "moveFrom", "pPr", "rPr", "instrText", "delText"):
            out.append(_inline(child, walk))
    return "".join(out)


def _symbol(sym: Element) -> str:
    code = int(_wattr(sym, "char") or "0", 16)
    if code >= 0xF000:
        code -= 0xF000
        return SYMBOL_CHARS.get(code, "")
    return chr(code) if code else ""


def _append_notes(root: Element, tag: str, walk: _Walk) -> None:
    """Append referenced foot/endnotes as ``[n] text`` paragraphs, in reference order."""
    found: dict[int, str] = {}
    for note in root:
        key = (tag, _wattr(note, "id"))
        if _w(note) != tag or key not in walk.notes:
            continue
        inner = _Walk(levels={}, deadline=walk.deadline, notes={})
        _blocks(note, inner)
        text = " ".join(b.text for b in inner.blocks).strip()
        if text:
            found[walk.notes[key]] = text
    walk.blocks.extend(Block(f"[{n}] {found[n]}") for n in sorted(found))


def _clean(text: str) -> str:
    lines = (re.sub(r"[ \u00a0]{2,}", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _core_metadata(zf: zipfile.ZipFile, limits: Limits) -> dict[str, str]:
    """Hints from docProps/core.xml: ``doc_title``, ``doc_created``, ``doc_language``.

    The language an office suite writes there is the author's editing locale,
    often not the text's, so it is only a hint (not ``language``).
    """
    root = parse_xml(read_member(zf, "docProps/core.xml", limits), "docProps/core.xml")
    wanted = {"title": "doc_title", "created": "doc_created", "language": "doc_language"}
    found: dict[str, str] = {}
    for el in root:
        key = wanted.get(local_name(el)[1])
        value = " ".join((el.text or "").split())
        if key and value:
            found[key] = value[:10] if key == "doc_created" else value
    return found
