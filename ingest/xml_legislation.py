"""Legislative XML whose structure the file states: Justice Canada LIMS and Unicode UDHR.

Each reader turns a parsed document into an :class:`Extracted` with ``parts``
(one :class:`Part` per section or article, headings as parents) and the
metadata the file states explicitly. Akoma Ntoso is in :mod:`ingest.xml_akn`;
the shared helpers (names, text, anchors, language codes) are here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from xml.etree.ElementTree import Element

from ingest.extracted import Block, Extracted, blocks_to_text
from library.model import Part

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LIMS_NS = "http://justice.gc.ca/lims"
#: ISO 639-2/3 codes (and macrolanguage members) with an ISO 639-1 equivalent.
ISO639_1 = {
    "spa": "es", "eng": "en", "por": "pt", "fra": "fr", "fre": "fr", "nld": "nl", "dut": "nl",
    "deu": "de", "ger": "de", "ita": "it", "grn": "gn", "gug": "gn", "gun": "gn", "que": "qu",
    "quz": "qu", "quy": "qu", "qub": "qu", "hat": "ht", "cat": "ca", "glg": "gl", "eus": "eu",
    "baq": "eu", "aym": "ay", "ayr": "ay",
}  # fmt: skip
LIMS_ROOTS = {"Statute": "law", "Regulation": "regulation"}
LIMS_ISSUERS = {"en": "Parliament of Canada", "fr": "Parlement du Canada"}
#: First word of a LIMS heading label -> part kind ("SECTION" is a French division).
LIMS_HEADING_KINDS = {
    "part": "part",
    "partie": "part",
    "division": "division",
    "section": "division",
}
LIMS_SKIP = frozenset({"HistoricalNote", "FootnoteRef", "RunningHead"})
LIMS_LINES = frozenset({"Text", "TitleText", "OriginatingRef", "MarginalNote", "Repealed"})
LIMS_PARTS = frozenset({"Heading", "Section"})


def local_name(el: Element) -> tuple[str, str]:
    """``(namespace, local name)`` of an element; ``("", "")`` for comments.

    >>> from xml.etree.ElementTree import Element
    >>> local_name(Element("{urn:x}p"))
    ('urn:x', 'p')
    """
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def name_of(el: Element) -> str:
    """The local name of an element."""
    return local_name(el)[1]


def inline_text(el: Element, skip: frozenset[str] = frozenset()) -> str:
    """All text inside ``el`` with whitespace collapsed, leaving out ``skip`` subtrees."""

    def collect(node: Element, out: list[str]) -> None:
        out.append(node.text or "")
        for child in node:
            if name_of(child) not in skip:
                collect(child, out)
            out.append(child.tail or "")

    out: list[str] = []
    collect(el, out)
    return " ".join("".join(out).split())


def language_code(code: str) -> str:
    """An ISO 639-1 code where one exists, else the code as given (lower case).

    >>> language_code("pt-BR"), language_code("gug"), language_code("quz"), language_code("xyz")
    ('pt', 'gn', 'qu', 'xyz')
    """
    code = code.strip().replace("_", "-").split("-")[0].lower()
    return ISO639_1.get(code, code)


def slug(value: str) -> str:
    """A lower-case anchor fragment: ``"DIVISION 0.1"`` -> ``"division-0.1"``."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9.]+", "-", value.lower()).strip("-.")


def unique(anchor: str, used: set[str]) -> str:
    """``anchor``, or ``anchor-2``, ``anchor-3``… if already in ``used`` (which it joins)."""
    candidate, n = anchor, 1
    while candidate in used:
        n += 1
        candidate = f"{anchor}-{n}"
    used.add(candidate)
    return candidate


def parts_to_blocks(parts: Iterable[Part], levels: dict[str, int]) -> tuple[Block, ...]:
    """Blocks for :attr:`Extracted.text`: heading parts as headings, the rest as paragraphs."""
    blocks = []
    for part in parts:
        if part.anchor in levels:
            blocks.append(Block(part.text or part.heading, "heading", levels[part.anchor]))
        elif part.text:
            blocks.append(Block(part.text))
    return tuple(blocks)


def legislation_result(
    parts: list[Part], levels: dict[str, int], metadata: dict[str, str]
) -> Extracted:
    """Assemble an :class:`Extracted` in the ``xml`` format from parts."""
    blocks = parts_to_blocks(parts, levels)
    warnings = () if parts else ("the legislative XML has no sections or articles",)
    return Extracted(
        text=blocks_to_text(blocks),
        format="xml",
        blocks=blocks,
        metadata={k: v for k, v in metadata.items() if v},
        warnings=warnings,
        parts=tuple(parts),
    )


# --- Justice Canada LIMS ------------------------------------------------------


def is_lims(root: Element) -> bool:
    """A Justice Canada consolidated act or regulation (``<Statute>``, ``<Regulation>``)."""
    return name_of(root) in LIMS_ROOTS and (
        any(key.startswith("{" + LIMS_NS + "}") for key in root.attrib)
        or root.find("Identification") is not None
    )


def extract_lims(root: Element) -> Extracted:
    """Parts and metadata of a LIMS act: one part per section, headings as parents.

    :param root: the ``<Statute>`` or ``<Regulation>`` element.
    """
    parts: list[Part] = []
    levels: dict[str, int] = {}
    used: set[str] = set()
    schedules = 0
    for el in root:
        name = name_of(el)
        if name == "Introduction":
            text = "\n".join(_lims_lines(el))
            if text:
                parts.append(Part("preamble", "", "", text, unique("preamble", used)))
        elif name == "Body":
            _lims_walk(el, parts, levels, used, [], "")
        elif name == "Schedule":
            schedules += 1
            anchor = unique(f"sch-{schedules}", used)
            parts.append(_lims_schedule(el, anchor))
            levels[anchor] = 1
            _lims_walk(el, parts, levels, used, [], anchor)
    return legislation_result(parts, levels, _lims_metadata(root))


def _lims_walk(
    container: Element,
    parts: list[Part],
    levels: dict[str, int],
    used: set[str],
    stack: list[tuple[int, str]],
    base: str,
) -> None:
    """Headings become parents (by their ``level``); sections become parts."""
    for el in container:
        name = name_of(el)
        if name == "Heading":
            level = int(el.get("level", "1")) if el.get("level", "1").isdigit() else 1
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1] if stack else base
            part = _lims_heading(el, parent, used)
            parts.append(part)
            levels[part.anchor] = min(level, 6) + (1 if base else 0)
            stack.append((level, part.anchor))
        elif name == "Section":
            parent = stack[-1][1] if stack else base
            number = _child_text(el, "Label")
            prefix = f"{base}-sec" if base else "sec"
            anchor = unique(f"{prefix}-{slug(number) or len(parts) + 1}", used)
            heading = _child_text(el, "MarginalNote")
            text = "\n".join(_lims_lines(el, top=True, skip=frozenset()))
            parts.append(Part("section", number, heading, text, anchor, parent))
        elif name not in LIMS_SKIP and name not in ("ScheduleFormHeading", "Footnote"):
            _lims_walk(el, parts, levels, used, stack, base)


def _lims_heading(el: Element, parent: str, used: set[str]) -> Part:
    label, title = _child_text(el, "Label"), _child_text(el, "TitleText")
    word, _, number = label.partition(" ")
    kind = LIMS_HEADING_KINDS.get(word.lower(), "title") if label else "title"
    if kind == "part":
        anchor = f"part-{slug(number)}"
    elif kind == "division":
        anchor = f"{parent}-div-{slug(number)}" if parent else f"div-{slug(number)}"
    else:
        number = ""
        anchor = f"{parent}-h-{slug(title)}" if parent else f"h-{slug(title)}"
    text = "\n".join(t for t in (label, title) if t)
    return Part(kind, number.strip(), title, text, unique(anchor, used), parent)


def _lims_schedule(el: Element, anchor: str) -> Part:
    head = el.find("ScheduleFormHeading")
    label = _child_text(head, "Label") if head is not None else ""
    title = _child_text(head, "TitleText") if head is not None else ""
    number = label.partition(" ")[2]
    text = "\n".join(_lims_lines(el, skip=LIMS_PARTS | {"RelatedOrNotInForce"}))
    return Part("schedule", number, title or label, text, anchor)


def _lims_lines(el: Element, top: bool = False, skip: frozenset[str] = LIMS_PARTS) -> list[str]:
    """Text lines of a provision: ``Label Text`` pairs, table rows, nested items."""
    lines: list[str] = []
    label = ""
    for child in el:
        name = name_of(child)
        if name in LIMS_SKIP or name in skip or (top and name == "MarginalNote"):
            continue
        if name == "Label":
            label = inline_text(child, LIMS_SKIP)
        elif name in LIMS_LINES:
            line = inline_text(child, LIMS_SKIP)
            lines.append(f"{label} {line}".strip())
            label = ""
        elif name == "row":
            cells = (inline_text(c, LIMS_SKIP) for c in child)
            lines.append(" | ".join(c for c in cells if c))
        else:
            sub = _lims_lines(child, skip=skip)
            if sub and label:
                sub[0] = f"{label} {sub[0]}"
                label = ""
            lines.extend(sub)
    if label:
        lines.append(label)
    return [line for line in lines if line]


def _lims_metadata(root: Element) -> dict[str, str]:
    ident = root.find("Identification")
    ident = ident if ident is not None else Element("Identification")
    language = language_code(root.get(XML_LANG, ""))
    short, long_ = (
        inline_text(el) if el is not None else ""
        for el in (ident.find("ShortTitle"), ident.find("LongTitle"))
    )
    # the short title names the act; its long title, after it, says what it is about
    title = f"{short} ({long_})" if short and long_ and long_ != short else short or long_
    number = ident.findtext("Chapter/ConsolidatedNumber", "").strip()
    if not number:
        year = ident.findtext("Chapter/AnnualStatuteId/YYYY", "").strip()
        chapter = ident.findtext("Chapter/AnnualStatuteId/AnnualStatuteNumber", "").strip()
        number = f"{year}, c. {chapter}" if year and chapter else ""
    if not number:
        number = ident.findtext("InstrumentNumber", "").strip()
    dates = {s.get("stage", ""): _lims_date(s.find("Date")) for s in ident.iter("Stages")}
    kind = LIMS_ROOTS[name_of(root)]
    in_force = root.get("in-force", "")
    return {
        "title": title,
        "number": number,
        "date_adopted": dates.get("assented-to", "")
        or _lims_date(ident.find("RegistrationDate/Date")),
        "version_date": dates.get("consolidation", "") or root.get(f"{{{LIMS_NS}}}pit-date", ""),
        "status": {"yes": "in_force", "no": "not_in_force"}.get(in_force, ""),
        "jurisdiction": "CA",
        "instrument_type": kind,
        "issuing_body": LIMS_ISSUERS.get(language, "") if kind == "law" else "",
        "language": language,
    }


def _lims_date(date: Element | None) -> str:
    if date is None:
        return ""
    year, month, day = (date.findtext(k, "").strip() for k in ("YYYY", "MM", "DD"))
    if not year.isdigit():
        return ""
    if not month.isdigit():
        return year
    return f"{year}-{month.zfill(2)}" + (f"-{day.zfill(2)}" if day.isdigit() else "")


def _child_text(el: Element, tag: str) -> str:
    child = el.find(tag)
    return inline_text(child, LIMS_SKIP) if child is not None else ""


# --- Unicode UDHR -------------------------------------------------------------


def is_udhr(root: Element) -> bool:
    """A Universal Declaration translation in the Unicode UDHR project's format."""
    return name_of(root) == "udhr"


def extract_udhr(root: Element) -> Extracted:
    """Preamble and articles as parts; title and language from the file.

    The format is by definition the Universal Declaration of Human Rights, so the
    type (``declaration``) and jurisdiction (``UN``) are stated; no date is.

    :param root: the ``<udhr>`` element.
    """
    parts: list[Part] = []
    used: set[str] = set()
    notes = 0
    for el in root:
        name = name_of(el)
        title = next((inline_text(c) for c in el if name_of(c) == "title"), "")
        lines = _udhr_lines(el)
        if name == "preamble":
            parts.append(Part("preamble", "", title, "\n".join(lines), unique("preamble", used)))
        elif name == "article":
            number = el.get("number", "").strip() or str(
                sum(p.kind == "article" for p in parts) + 1
            )
            anchor = unique(f"art-{slug(number)}", used)
            parts.append(Part("article", number, title, "\n".join(lines), anchor))
        elif name == "note" and lines:
            notes += 1
            parts.append(Part("body", "", title, "\n".join(lines), unique(f"note-{notes}", used)))
    title_el = next((c for c in root if name_of(c) == "title"), None)
    language = root.get(XML_LANG) or root.get("iso639-3", "")
    # the format holds nothing but the Universal Declaration: its type and issuer are
    # known, its date is not stated (a translation's own date would be another thing)
    metadata = {
        "title": inline_text(title_el) if title_el is not None else "",
        "language": language_code(language) if language else "",
        "instrument_type": "declaration",
        "jurisdiction": "UN",
    }
    return legislation_result(parts, {}, metadata)


def _udhr_lines(el: Element) -> list[str]:
    lines: list[str] = []
    for child in el:
        name = name_of(child)
        if name in ("title", "para"):
            lines.append(inline_text(child))
        elif name == "orderedlist":
            for n, item in enumerate((i for i in child if name_of(i) == "listitem"), 1):
                sub = _udhr_lines(item) or [inline_text(item)]
                lines.append(f"{item.get('tag') or n}. {sub[0]}")
                lines.extend(sub[1:])
        else:
            lines.extend(_udhr_lines(child))
    return [line for line in lines if line]
