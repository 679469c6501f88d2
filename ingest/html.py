"""HTML extraction: the text of a web page without its site boilerplate.

Pages are parsed with the standard library's ``html.parser`` (through
BeautifulSoup), after decoding with :func:`ingest.encoding.decode_text` (bytes
win over ``<meta charset>``). Boilerplate goes in three general steps:

1. elements that never hold document text are removed (scripts, styles, forms
   controls, ``iframe``, ``svg``…);
2. the main content is located: ``<main>``, ``role=main`` or a single dominant
   ``<article>``; otherwise the deepest element holding most of the page's
   non-link text. It and its ancestors are never removed;
3. around it, site furniture is pruned: ``nav``/``aside``/page ``header`` and
   ``footer``, ARIA landmark roles (navigation, banner, contentinfo, search…),
   class/id tokens (nav, menu, breadcrumb, footer, sidebar, cookie, login,
   social, share, skip…), hidden elements, and link lists (link density > 0.5
   with several links). If pruning would leave less than a quarter of the text
   (an index page *is* a link list), a milder level is used, and a warning says so.

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
from ingest.markdown import fold, iso_date, language_code
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
#: Containers judged by link density (rows, cells and items are judged with their list).
LINK_LIST_TAGS = frozenset("div ul ol dl table section p center menu".split())
HEADINGS = {f"h{n}": n for n in range(1, 7)}
LANDMARK_ROLES = frozenset(
    "navigation banner contentinfo search complementary dialog alertdialog menu menubar "
    "toolbar tablist".split()
)
#: class/id tokens of site furniture; WEAK ones may also name parts of a document.
STRONG_TOKENS = (
    "nav menu breadcrumb cookie login logon signin social share sharing skip "
    "newsletter subscribe advert popup modal".split()
)
WEAK_TOKENS = "header footer sidebar banner masthead topbar toolbar slider carousel".split()
TOKEN_SPLIT = re.compile(r"[^a-zA-Z]+|(?<=[a-z])(?=[A-Z])")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u3000]+")
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]+\s+|\s*\|\s*")
COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|derechos reservados|droits réservés", re.I
)
EMPTY_BRACKETS = re.compile(r"\[[ \t\u00a0]*\]|\([ \t\u00a0]*\)")
MIN_KEPT = 0.25  # pruning must keep at least this share of the page's text
Stats = dict[int, tuple[int, int, int]]  # id(tag) -> (text chars, link text chars, links)


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


def _stats(root: Tag) -> Stats:
    """Text, link-text and link counts of every element, in one bottom-up pass."""
    stats: Stats = {}
    nodes = [root, *root.descendants]
    for node in reversed(nodes):
        if not isinstance(node, Tag):
            continue
        text = link = links = 0
        for child in node.contents:
            if isinstance(child, Tag):
                c_text, c_link, c_links = stats[id(child)]
                text, link, links = text + c_text, link + c_link, links + c_links
            elif isinstance(child, NavigableString):
                text += len(child.strip())
        if node.name == "a":
            link, links = text, links + (1 if node.get("href") else 0)
        stats[id(node)] = (text, link, links)
    return stats


def _nonlink(stats: Stats, tag: Tag) -> int:
    text, link, _ = stats[id(tag)]
    return text - link


def _main_container(root: Tag, stats: Stats) -> tuple[Tag, bool]:
    """The main content element and whether the page marked it (``main``, ``article``…)."""
    total = max(_nonlink(stats, root), 1)
    tags = [t for t in root.descendants if isinstance(t, Tag)]
    marked = [t for t in tags if t.name == "main" or t.get("role") == "main"]
    articles = [t for t in tags if t.name == "article"]
    if len(articles) == 1 or (articles and _nonlink(stats, articles[0]) > 0.6 * total):
        marked.append(max(articles, key=lambda a: _nonlink(stats, a)))
    marked = [m for m in marked if _nonlink(stats, m) >= 0.3 * total]
    if marked:
        return max(marked, key=lambda m: _nonlink(stats, m)), True
    node = root
    while True:
        children = [c for c in node.children if isinstance(c, Tag)]
        if not children:
            return node, False
        best = max(children, key=lambda c: _nonlink(stats, c))
        if _nonlink(stats, best) < 0.6 * max(_nonlink(stats, node), 1):
            return node, False
        node = best


def _tokens(tag: Tag) -> set[str]:
    classes: object = tag.get("class") or []
    names = [str(c) for c in classes] if isinstance(classes, list) else [str(classes)]
    raw = " ".join([*names, str(tag.get("id") or "")])
    return {t.lower() for t in TOKEN_SPLIT.split(raw) if t}


def _drop_reason(tag: Tag, stats: Stats, inside_main: bool, level: int) -> str:
    """Why a tag is site furniture at a pruning level.

    Level 1 removes landmarks and furniture named by class/id, 2 also hidden
    elements, 3 also link lists; 0 removes nothing.
    """
    if level == 0:
        return ""
    name = tag.name
    if name in ("nav", "aside") or tag.get("role") in LANDMARK_ROLES:
        return "landmark"
    if name in ("header", "footer", "form") and not inside_main:
        return "landmark"
    if not inside_main and stats[id(tag)][0] < 300 and COPYRIGHT.search(tag.get_text()):
        return "copyright"
    tokens = _tokens(tag)
    if tokens:
        strong = any(t.startswith(word) for t in tokens for word in STRONG_TOKENS)
        weak = any(t.startswith(word) for t in tokens for word in WEAK_TOKENS)
        if strong or (weak and not inside_main):
            return "class"
    if level >= 2 and (
        tag.has_attr("hidden")
        or tag.get("aria-hidden") == "true"
        or HIDDEN_STYLE.search(str(tag.get("style") or ""))
    ):
        return "hidden"
    text, link, links = stats[id(tag)]
    if level >= 3 and links >= 3 and link > 0.5 * text and name in LINK_LIST_TAGS:
        return "links"
    return ""


def _side_columns(main: Tag, stats: Stats) -> set[int]:
    """Small sibling cells of the table cells holding the main content: layout side columns."""
    side: set[int] = set()
    limit = 0.1 * _nonlink(stats, main)
    for cell in (main, *main.parents):
        if cell.name in ("td", "th") and isinstance(cell.parent, Tag):
            for sibling in cell.parent.find_all(["td", "th"], recursive=False):
                if sibling is not cell and _nonlink(stats, sibling) < limit:
                    side.add(id(sibling))
    return side


def _plan(root: Tag, main: Tag, explicit: bool, stats: Stats, level: int) -> list[Tag]:
    """The outermost elements to remove at a pruning level (top-down, nothing mutated)."""
    protected = {id(main), *(id(a) for a in main.parents)}
    side = _side_columns(main, stats) if level >= 1 and not explicit else set()
    drops: list[Tag] = []
    stack: list[tuple[Tag, bool]] = [(root, root is main)]
    while stack:
        tag, inside = stack.pop()
        for child in tag.children:
            if not isinstance(child, Tag):
                continue
            within = inside or child is main or (explicit and child.name in ("main", "article"))
            if id(child) in side or (
                id(child) not in protected and _drop_reason(child, stats, within, level)
            ):
                drops.append(child)
            else:
                stack.append((child, within))
    return drops


def _prune(root: Tag, stats: Stats) -> tuple[Tag, list[str]]:
    """Remove boilerplate in place; return the element to read and warnings."""
    main, explicit = _main_container(root, stats)
    scope = main if explicit else root
    total = stats[id(scope)][0]
    for level in (3, 2, 1, 0):
        drops = _plan(scope, main, explicit, stats, level)
        removed = sum(stats[id(t)][0] for t in drops)
        if total - removed >= MIN_KEPT * total or level == 0:
            break
    for tag in drops:
        tag.decompose()
    if level == 3:
        return scope, []
    kept = ("link lists", "hidden parts", "page furniture")[level]
    return scope, [f"boilerplate removal kept {kept}: removing them would leave too little text"]


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
    stats = _stats(root)
    if stats[id(root)][0] == 0:
        raise ExtractionError("no text content in HTML page")
    scope, notes = _prune(root, stats)
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
