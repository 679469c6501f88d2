"""Akoma Ntoso (OASIS LegalDocML) documents: FRBR metadata and the body's hierarchy.

Containers (book, part, title, chapter…) become parent parts; articles and
sections become the parts search hits point at, with their paragraphs' text.
Anchors are the file's own ``eId`` (``id`` in AKN 2.0/1.0) where given.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from ingest.extracted import Extracted
from ingest.xml_legislation import (
    inline_text,
    language_code,
    legislation_result,
    local_name,
    name_of,
    slug,
    unique,
)
from library.model import Part

AKN_NAMESPACE_PREFIXES = (
    "http://docs.oasis-open.org/legaldocml/ns/akn/",
    "http://www.akomantoso.org/",
)
#: Hierarchy containers -> part kind.
CONTAINERS = {
    "book": "book", "tome": "book", "part": "part", "subpart": "part", "title": "title",
    "subtitle": "title", "chapter": "chapter", "subchapter": "chapter", "division": "division",
    "subdivision": "division", "hcontainer": "title",
}  # fmt: skip
UNITS = {"article": "article", "section": "section", "rule": "article"}
#: Elements whose text is one line of a unit.
LINES = frozenset(
    {"p", "listIntroduction", "listWrapUp", "heading", "subheading", "docTitle", "longTitle"}
)
SKIP = frozenset({"authorialNote", "noteRef", "eol", "eop", "meta", "componentRef"})
#: Document types and AKN ``name``/FRBRsubtype values that are instrument types.
INSTRUMENT_TYPES = {
    "act": "law", "law": "law", "decree": "decree", "regulation": "regulation",
    "constitution": "constitution", "treaty": "treaty", "declaration": "declaration",
}  # fmt: skip
LEADING_WORD = re.compile(r"^(?:[^\W\d_]+\.?|§)\s+(?=\S)")


def is_akn(root: Element) -> bool:
    """An ``<akomaNtoso>`` document in any AKN namespace (3.0, 2.0, 1.0)."""
    ns, name = local_name(root)
    return name.lower() == "akomantoso" and ns.startswith(AKN_NAMESPACE_PREFIXES)


def extract_akn(root: Element) -> Extracted:
    """Parts and metadata of an Akoma Ntoso act, bill or doc.

    :param root: the ``<akomaNtoso>`` element.
    """
    doc = next(iter(root), None)
    if doc is None:
        return legislation_result([], {}, {})
    parts: list[Part] = []
    levels: dict[str, int] = {}
    used: set[str] = set()
    for el in doc:
        name = name_of(el)
        if name == "preamble":
            text = "\n".join(_lines(el))
            parts.append(Part("preamble", "", "", text, unique(_anchor(el, "preamble"), used)))
        elif name in ("body", "mainBody"):
            has_units = any(name_of(d) in UNITS for d in el.iter())
            _walk(el, parts, levels, used, "", 1, has_units)
        elif name == "conclusions":
            text = "\n".join(_lines(el))
            parts.append(Part("final", "", "", text, unique(_anchor(el, "conclusions"), used)))
        elif name in ("attachments", "annex", "annexes"):
            for n, annex in enumerate(
                (a for a in el.iter() if name_of(a) in ("attachment", "annex")), 1
            ):
                text = "\n".join(_lines(annex))
                anchor = unique(_anchor(annex, f"annex-{n}"), used)
                parts.append(Part("annex", str(n), _heading(annex), text, anchor))
    return legislation_result(parts, levels, _metadata(doc))


def _walk(
    container: Element,
    parts: list[Part],
    levels: dict[str, int],
    used: set[str],
    parent: str,
    depth: int,
    has_units: bool,
) -> None:
    for el in container:
        name = name_of(el)
        if name in SKIP:
            continue
        number = _number(el)
        is_unit = name in UNITS and not any(
            name_of(d) == "article" for d in el.iter() if d is not el
        )
        if is_unit or (not has_units and name == "paragraph"):
            kind = UNITS.get(name, "paragraph")
            anchor = unique(_anchor(el, f"{kind[:3]}-{slug(number) or len(parts) + 1}"), used)
            text = "\n".join(_lines(el, top=True))
            parts.append(Part(kind, number, _heading(el), text, anchor, parent))
        elif name in CONTAINERS or name in UNITS:
            kind = CONTAINERS.get(name) or UNITS[name]
            fallback = f"{parent}-{kind[:4]}-{slug(number) or len(parts) + 1}".lstrip("-")
            anchor = unique(_anchor(el, fallback), used)
            heading = _heading(el)
            num = _child_line(el, "num")
            text = "\n".join(t for t in (num, heading) if t)
            parts.append(Part(kind, number, heading, text, anchor, parent))
            levels[anchor] = min(depth, 6)
            _walk(el, parts, levels, used, anchor, depth + 1, has_units)
        else:
            _walk(el, parts, levels, used, parent, depth, has_units)


def _anchor(el: Element, fallback: str) -> str:
    return el.get("eId") or el.get("id") or fallback


def _child_line(el: Element, name: str) -> str:
    child = next((c for c in el if name_of(c) == name), None)
    return inline_text(child, SKIP) if child is not None else ""


def _heading(el: Element) -> str:
    return _child_line(el, "heading")


def _number(el: Element) -> str:
    """The ``<num>`` without its leading word and trailing punctuation: ``Art. 5.`` -> ``5``."""
    num = LEADING_WORD.sub("", _child_line(el, "num"), count=1)
    return num.strip().rstrip(".:-–— ").strip()


def _lines(el: Element, top: bool = False) -> list[str]:
    """Text lines: ``num`` prefixed to the first line after it; tables row by row."""
    lines: list[str] = []
    label = ""
    for child in el:
        name = name_of(child)
        if name in SKIP or (top and name == "heading"):
            continue
        if name == "num":
            label = inline_text(child, SKIP)
            continue
        if name in LINES:
            sub = [inline_text(child, SKIP)]
        elif name == "tr":
            sub = [" | ".join(t for t in (inline_text(c, SKIP) for c in child) if t)]
        else:
            sub = _lines(child)
            if not sub and (child.text or "").strip():
                sub = [inline_text(child, SKIP)]
        sub = [s for s in sub if s]
        if sub and label:
            sub[0] = f"{label} {sub[0]}"
            label = ""
        lines.extend(sub)
    if label:
        lines.append(label)
    return lines


def _find(el: Element, *path: str) -> Element | None:
    """The first descendant reached by local names, whatever the namespace."""
    current: Element | None = el
    for step in path:
        if current is None:
            return None
        current = next((d for d in current.iter() if d is not current and name_of(d) == step), None)
    return current


def _value(el: Element, *path: str, attr: str = "value") -> str:
    found = _find(el, *path)
    return (found.get(attr) or "").strip() if found is not None else ""


def _metadata(doc: Element) -> dict[str, str]:
    meta = _find(doc, "meta")
    if meta is None:
        meta = Element("meta")
    work = _find(meta, "FRBRWork")
    work = work if work is not None else Element("FRBRWork")
    expression = _find(meta, "FRBRExpression")
    expression = expression if expression is not None else Element("FRBRExpression")
    title_el = _find(doc, "docTitle")
    title = inline_text(title_el, SKIP) if title_el is not None else ""
    country = _value(work, "FRBRcountry")
    subtype = _value(work, "FRBRsubtype") or doc.get("name", "")
    kind = INSTRUMENT_TYPES.get(subtype.lower(), "")
    if not kind and name_of(doc) == "act":
        kind = "law"
    publication = _find(meta, "publication")
    gazette = ""
    if publication is not None:
        gazette = " ".join(filter(None, (publication.get("showAs"), publication.get("number"))))
    return {
        "title": title or _value(work, "FRBRname") or _value(work, "FRBRalias"),
        "number": _value(work, "FRBRnumber"),
        "jurisdiction": country.upper() if len(country) == 2 else country,
        "date_adopted": _value(work, "FRBRdate", attr="date"),
        "date_published": publication.get("date", "") if publication is not None else "",
        "gazette": gazette,
        "instrument_type": kind,
        "issuing_body": _author(meta, work),
        "language": language_code(_value(expression, "FRBRlanguage", attr="language")),
        "version_date": _value(expression, "FRBRdate", attr="date"),
    }


def _author(meta: Element, work: Element) -> str:
    """``showAs`` of the TLC entity the work's ``FRBRauthor`` refers to."""
    ref = _value(work, "FRBRauthor", attr="href").lstrip("#")
    if not ref:
        return ""
    for el in meta.iter():
        if name_of(el).startswith("TLC") and ref in (el.get("eId"), el.get("id")):
            return (el.get("showAs") or "").strip()
    return ""
