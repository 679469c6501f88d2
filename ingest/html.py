"""HTML extraction: the text of a web page without its site boilerplate.

Pages are parsed with the standard library's ``html.parser`` (through
BeautifulSoup), after decoding with :func:`ingest.encoding.decode_text` (bytes
win over ``<meta charset>``). Boilerplate goes in three general steps:

1. elements that never hold document text are removed (scripts, styles, forms
   controls, ``iframe``, ``svg``…);
2. the main content is located, and
3. site furniture around it is pruned, as :mod:`ingest.html_boilerplate` describes.

Headings become heading blocks with their level; paragraphs, list items and
table rows (cells joined with `` | ``) become blocks; ``<br>`` is a line break
and two of them a paragraph break. Metadata: the most informative ``<title>``
(one whose words the page's text supports; pages may have two), description,
Dublin Core ``DC.*``/``dcterms.*`` tags and ``<html lang>``.
"""

from __future__ import annotations

import re
import warnings as pywarnings

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from ingest.encoding import decode_text
from ingest.extracted import Block, Extracted, Limits, blocks_to_text
from ingest.frontmatter import fold, iso_date, language_code
from ingest.html_boilerplate import prune, text_stats
from library.errors import ExtractionError, LimitExceeded

#: Elements that never carry document text.
JUNK = frozenset(
    "script style noscript template iframe frame frameset svg canvas object embed applet "
    "button input select option textarea datalist link meta map area dialog title".split()
)
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details div dl dt fieldset figcaption "
    "figure footer form header hr html li main nav ol p section summary table tbody thead "
    "tfoot tr td th caption ul".split()
)
CELLS = frozenset({"td", "th", "table", "body", "html"})
HEADINGS = {f"h{n}": n for n in range(1, 7)}
CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u3000]+")
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]+\s+|\s*\|\s*")
EMPTY_BRACKETS = re.compile(r"\[[ \t\u00a0]*\]|\([ \t\u00a0]*\)")


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares for itself (``<meta>``, XML declaration), or None.

    A UTF-16/32 label found by scanning the bytes as ASCII is false (such pages
    would not be readable as ASCII), so a single-byte declaration is preferred.

    :param data: the page's bytes.
    """
    labels = [m.group(1).decode("ascii").lower() for m in CHARSET.finditer(data[:65536])]
    single = [label for label in labels if not label.startswith(("utf-16", "utf-32", "utf-8"))]
    return (single or labels or [None])[0]


def _is_control(tag: Tag) -> bool:
    """A script-driven link ("Mostrar", "Print", "Share"): a control, not text."""
    if tag.name != "a":
        return False
    href = str(tag.get("href") or "").strip().lower()
    return href.startswith("javascript:") or (href in ("", "#") and tag.has_attr("onclick"))


def defuse(text: str) -> str:
    """Neutralise markup left open at the end of a page, where ``html.parser`` is quadratic.

    A comment with no ``-->`` after it comments out the rest (as in browsers);
    a ``<`` after the last ``>`` cannot open a tag and becomes text.

    :param text: decoded HTML.

    >>> defuse("<p>a</p> b <!-- x <!-- y"), defuse("<p>1</p> 2 < 3 <a")
    ('<p>a</p> b ', '<p>1</p> 2 &lt; 3 &lt;a')
    """
    closed = text.rfind("-->")
    opened = text.find("<!--", closed + 3 if closed >= 0 else 0)
    if opened >= 0:
        text = text[:opened]
    last = text.rfind(">")
    if "<" in text[last + 1 :]:
        text = text[: last + 1] + text[last + 1 :].replace("<", "&lt;")
    return text


def _parse(text: str) -> BeautifulSoup:
    with pywarnings.catch_warnings():
        pywarnings.simplefilter("ignore")  # bs4 warns on XHTML and URL-like markup
        return BeautifulSoup(defuse(text), "html.parser")


def _inline(tag: Tag) -> str:
    """Text of an element with ``<br>`` as a newline and other whitespace collapsed."""
    parts: list[str] = []
    for node in tag.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
        elif not isinstance(node, PreformattedString):
            parts.append(str(node).replace("\n", " "))
    return _clean("".join(parts))


def _clean(text: str) -> str:
    text = EMPTY_BRACKETS.sub("", text.translate(INVISIBLE))
    lines = (SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


def _is_data_row(row: Tag) -> bool:
    """A table row of data (not layout): no nested tables or headings, short cells."""
    if row.find(["table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"]) is not None:
        return False
    if row.find(["p", "div"]) is None:
        return True
    cells = row.find_all(["td", "th"], recursive=False)
    return len(cells) >= 2 and all(len(c.get_text()) < 300 for c in cells)


def html_blocks(root: Tag) -> list[Block]:
    """Heading, paragraph, list and table blocks of a (pruned) element, in reading order.

    :param root: the element to read, usually ``<body>`` or ``<main>``.
    """
    blocks: list[Block] = []
    buffer: list[str] = []
    kinds = ["paragraph"]  # the kind of text being gathered: "list" inside <li>

    def flush() -> None:
        for chunk in re.split(r"\n[ \t]*\n", _clean("".join(buffer))):
            if chunk.strip():
                blocks.append(Block(chunk.strip(), kinds[-1]))
        buffer.clear()

    stack: list[tuple[PageElement, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            flush()
            kinds.pop()
        elif isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):
                buffer.append(str(node).replace("\n", " "))
        elif isinstance(node, Tag):
            name = node.name
            if name == "br":
                buffer.append("\n")
            elif name in HEADINGS and len(node.get_text()) < 400 and _is_data_row(node):
                flush()
                text = _inline(node).replace("\n", " ")
                if text:
                    blocks.append(Block(text, "heading", HEADINGS[name]))
            elif name == "tr" and _is_data_row(node):
                flush()
                cells = [_inline(c).replace("\n", " ") for c in node.find_all(["td", "th"])]
                row = " | ".join(c for c in cells if c)
                if row:
                    blocks.append(Block(row, "table"))
            elif name == "pre":
                flush()
                text = node.get_text().strip("\n")
                if text.strip():
                    blocks.append(Block(text, kinds[-1]))
            else:
                if name in BLOCK_TAGS:
                    flush()
                    stack.append((node, True))
                    kinds.append(
                        "list" if name == "li" else "paragraph" if name in CELLS else kinds[-1]
                    )
                stack.extend((child, False) for child in reversed(node.contents))
    flush()
    return blocks


def _folded(text: str) -> str:
    return SPACES.sub(" ", fold(text).replace("\n", " "))


def choose_title(candidates: list[str], body: str) -> str:
    """The candidate title best supported by the page text, reduced to its supported segments.

    Site names ("DOF - Diario Oficial de la Federación") rarely appear in the text
    of the document itself, while the document's title does.

    :param candidates: ``<title>`` texts and title meta tags.
    :param body: the extracted text.
    """
    haystack = f" {_folded(body[:50000])} "
    best, best_score = "", 0
    for candidate in candidates:
        segments = [s for s in TITLE_SEPARATORS.split(candidate) if s.strip()]
        kept = [s for s in segments if _supported(s, haystack)]
        supported = candidate if _supported(candidate, haystack) else " - ".join(kept)
        leading = bool(kept) and kept[0] == segments[0] and len(kept[0].split()) >= 3
        if (len(supported) >= 0.5 * len(candidate) or leading) and len(supported) > best_score:
            best, best_score = supported, len(supported)
    return best


def _supported(segment: str, haystack: str) -> bool:
    """The segment occurs in the folded text as whole words."""
    needle = _folded(segment).strip()
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def _metadata(soup: BeautifulSoup) -> tuple[dict[str, str], list[str]]:
    """Metadata from the head, and title candidates (before the head is removed)."""
    meta: dict[str, str] = {}
    titles = [_clean(t.get_text(" ")) for t in soup.find_all("title")]
    for tag in soup.find_all("meta"):
        name = str(tag.get("name") or tag.get("property") or tag.get("http-equiv") or "").lower()
        content = _clean(str(tag.get("content") or ""))
        if not content:
            continue
        key = name.replace("dcterms.", "dc.").replace("og:", "dc.")
        if key in ("dc.title", "citation_title"):
            titles.insert(0, content)
        elif key == "description" or key == "dc.description":
            meta.setdefault("description", content)
        elif key in ("dc.date", "dc.date.issued", "dc.issued", "citation_date"):
            meta.setdefault("date_published", iso_date(content))
        elif key in ("dc.language", "content-language", "language") and language_code(content):
            meta.setdefault("language", language_code(content))
        elif key in ("dc.creator", "dc.publisher"):
            meta.setdefault("issuing_body_hint", content)
        elif key == "dc.type" and not name.startswith("og:"):
            meta.setdefault("instrument_type_hint", content)
        elif key in ("dc.url", "dc.identifier") and content.startswith(("http://", "https://")):
            meta.setdefault("source_url", content)
    html = soup.find("html")
    lang = html.get("lang") or html.get("xml:lang") if isinstance(html, Tag) else None
    if lang and language_code(str(lang)):
        meta["language"] = language_code(str(lang))
    return {k: v for k, v in meta.items() if v}, [t for t in titles if t]


def extract_html(data: bytes, limits: Limits) -> Extracted:
    """Extract the document text of a web page, without its site boilerplate.

    :param data: the page's bytes.
    :param limits: extraction budgets; ``max_bytes`` is enforced.
    :raises LimitExceeded: if the page is larger than ``limits.max_bytes``.
    :raises ExtractionError: if the page has no text content.
    """
    if len(data) > limits.max_bytes:
        raise LimitExceeded(f"file of {len(data)} bytes exceeds the limit of {limits.max_bytes}")
    text, _encoding, warnings = decode_text(data, declared_charset(data))
    soup = _parse(text)
    metadata, titles = _metadata(soup)
    for node in list(soup.descendants):
        if isinstance(node, PreformattedString) or (
            isinstance(node, Tag) and (node.name in JUNK or _is_control(node))
        ):
            node.extract()
    root: Tag = soup  # not soup.body: pages saved with two <html> documents exist
    stats = text_stats(root)
    if stats[id(root)][0] == 0:
        raise ExtractionError("no text content in HTML page")
    scope, notes = prune(root, stats)
    warnings.extend(notes)
    blocks = html_blocks(scope)
    if not blocks:
        raise ExtractionError("no text content in HTML page")
    body = blocks_to_text(blocks)
    title = choose_title(titles, body)
    if title:
        metadata["title"] = title
    elif titles:
        metadata["site_title"] = max(titles, key=len)
    return Extracted(
        text=body, format="html", blocks=tuple(blocks), metadata=metadata, warnings=tuple(warnings)
    )
