"""Boilerplate of web pages: finding the main content and pruning site furniture around it.

Works on a BeautifulSoup tree from which elements that never hold document
text are already gone, in two general steps:

1. the main content is located: ``<main>``, ``role=main`` or a single dominant
   ``<article>``; otherwise the deepest element holding most of the page's
   non-link text. It and its ancestors are never removed;
2. around it, site furniture is pruned: ``nav``/``aside``/page ``header`` and
   ``footer``, ARIA landmark roles (navigation, banner, contentinfo, search…),
   class/id tokens (nav, menu, breadcrumb, footer, sidebar, cookie, login,
   social, share, skip…), hidden elements, and link lists (link density > 0.5
   with several links). If pruning would leave less than a quarter of the text
   (an index page *is* a link list), a milder level is used, and a warning says so.
"""

from __future__ import annotations

import re

from bs4.element import NavigableString, Tag

#: Containers judged by link density (rows, cells and items are judged with their list).
LINK_LIST_TAGS = frozenset("div ul ol dl table section p center menu".split())
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
COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|derechos reservados|droits réservés", re.I
)
MIN_KEPT = 0.25  # pruning must keep at least this share of the page's text
Stats = dict[int, tuple[int, int, int]]  # id(tag) -> (text chars, link text chars, links)


def text_stats(root: Tag) -> Stats:
    """Text, link-text and link counts of every element, in one bottom-up pass.

    :param root: the tree to measure; keys of the result are ``id()`` of its tags.
    """
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


def prune(root: Tag, stats: Stats) -> tuple[Tag, list[str]]:
    """Remove boilerplate in place; return the element to read and warnings.

    :param root: the page, without elements that never hold text.
    :param stats: :func:`text_stats` of ``root``, taken before pruning.
    """
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
