"""Split the text of a legal instrument into addressable parts (articles, chapters…).

``segment(text)`` scans the text line by line with the heading grammar of
:mod:`ingest.segment_patterns`, in three steps:

1. every line that reads as a heading becomes a candidate;
2. article candidates whose number is far out of sequence while the main
   sequence goes on right after (a quoted article of another law) go back to
   being text;
3. the candidates become :class:`library.model.Part` records: containers
   (book > part > title > chapter > section) take the name printed on their
   line or the next one, articles take a short title printed in parentheses,
   after the number or on their own line, and every other line is the text
   of the part it falls in. Anchors are made unique at the end.

Turning the nodes into parts (anchors, texts) and the fallback for texts
without headings are in :mod:`ingest.segment_parts`.
"""

from __future__ import annotations

import re

from ingest.extracted import Block
from ingest.segment_parts import BODY_MAX_CHARS as BODY_MAX_CHARS
from ingest.segment_parts import CHUNK_CHARS as CHUNK_CHARS
from ingest.segment_parts import Node, finish, unstructured
from ingest.segment_patterns import (
    LEVELS,
    Heading,
    announces_amendment,
    clean,
    is_preamble,
    is_transitory_name,
    match_heading,
    match_ordinal_item,
)
from library.model import Part

#: An article number more than this far ahead of the last one is suspect.
SEQUENCE_GAP = 25
#: How many later candidates are looked at to see whether the sequence goes on.
LOOKAHEAD = 20

_PREFILTER_RE = re.compile(
    r"^[\s#>*_]*(?:art|cap|chap|t[ií]t|tit|sec|se[cç]|sub|sous|li[bv]|book|par|pár|anex|annex"
    r"|ap[eé]nd|append|sched|disp|prov|transit|pr[eéi]|final)",
    re.IGNORECASE,
)
_TITLE_END_RE = re.compile(r"^(?P<title>[^.()\n]{2,100}?)\s*(?:\.\s?[-–—]+|\s[-–—]+)\s*")
_EMPHASIS_TITLE_RE = re.compile(
    r"^[\s.\-–—:°º]*[*_]*\s*[*_]+(?P<title>[^*_\n]{2,100}?)(?:[.:]\s*[*_]+|[*_]+[*_\s]*[.:\-–—])"
)
#: "Paragraph 1", "Anexo 2": a numbered unit, never the name of the heading before it.
_NUMBERED_RE = re.compile(r"^\w+\.?\s+(?:\d+|[IVXLC]+)[.:]?$")


def segment(text: str, blocks: tuple[Block, ...] = (), language: str = "") -> tuple[Part, ...]:
    """Split ``text`` into parts in reading order.

    :param text: the whole text of one expression.
    :param blocks: the extractor's blocks; lines of ``heading`` blocks are taken
        as headings even when their number is out of sequence, and as names of
        the container or article they follow.
    :param language: the text's language, if known (all four grammars are
        always tried, since legal texts quote each other across languages).
    :returns: the parts; every line of ``text`` is in exactly one part, as
        text, or as the number or heading of the part it opens.

    >>> [p.anchor for p in segment("Ley 1\\n\\nArtículo 1.- Objeto.\\n\\nArtículo 2.- Vigencia.")]
    ['preamble', 'art-1', 'art-2']
    """
    del language  # reserved: the grammar is multilingual
    lines = text.split("\n")
    strong = {clean(line) for b in blocks if b.kind == "heading" for line in b.text.split("\n")}
    strong.discard("")
    candidates = _candidates(lines)
    if not candidates:
        return unstructured(text)
    rejected = _out_of_sequence(candidates, lines, strong)
    accepted = {i: h for i, h in candidates.items() if i not in rejected}
    nodes = _build(lines, accepted, strong, _hard_wrapped(lines, accepted))
    return finish(nodes)


def _candidates(lines: list[str]) -> dict[int, Heading]:
    """Line index -> heading, for every line that reads as one."""
    found: dict[int, Heading] = {}
    in_provisions = False
    for i, line in enumerate(lines):
        heading = match_heading(line) if _PREFILTER_RE.match(line) else None
        if heading is None and in_provisions:
            heading = match_ordinal_item(line)
        if heading is None:
            if _PREFILTER_RE.match(line) and is_preamble(line):
                found[i] = Heading("preamble", "", "", None, clean(line), True)
            continue
        if heading.kind == "provisions":
            in_provisions = True
        elif heading.kind != "article":
            in_provisions = False
        found[i] = heading
    return found


def _out_of_sequence(
    candidates: dict[int, Heading], lines: list[str], strong: set[str]
) -> set[int]:
    """Article candidates that break the numbering while the numbering goes on after them.

    An article number out of sequence (far ahead, or back) starts a new
    sequence when the following headings continue from it (a restart at 1 for
    an annexed regulation), and is a quotation when they continue from the
    last number instead.
    """
    tracks: dict[tuple[int, bool], list[tuple[int, int]]] = {}
    quoted: set[int] = set()
    scope = 0
    for i, heading in candidates.items():
        if heading.kind in ("provisions", "annex", "schedule"):
            scope += 1
        elif heading.kind == "article" and clean(lines[i]) not in strong:
            # "…quedará así:" inside an article (not "have agreed as follows:" before the first)
            if tracks and announces_amendment(_previous_words(lines, i)):
                quoted.add(i)
            elif heading.seq is not None:
                tracks.setdefault((scope, heading.transitory), []).append((i, heading.seq))
    rejected = quoted
    for track in tracks.values():
        last: int | None = None
        for pos, (i, seq) in enumerate(track):
            if last is not None and not last <= seq <= last + SEQUENCE_GAP:
                ahead = [s for _, s in track[pos + 1 : pos + 1 + LOOKAHEAD]]
                old, new = _chain(last, ahead), _chain(seq, ahead)
                if old > new or (old == new and 1 < seq < last):
                    rejected.add(i)
                    continue
            last = seq
    return rejected


def _chain(base: int, ahead: list[int]) -> int:
    """How many of the next numbers read as the sequence going on from ``base``."""
    count = 0
    for seq in ahead:
        if base <= seq <= base + SEQUENCE_GAP:
            count += 1
            base = seq
    return count


def _hard_wrapped(lines: list[str], accepted: dict[int, Heading]) -> bool:
    """Whether sentences run on after article headings over several lines.

    In such texts ("ARTICULO 1° — La admisión, el / ingreso, la…") the words
    after a heading are never a title.
    """
    with_rest = [i for i, h in accepted.items() if h.kind == "article" and h.rest]
    run_on = sum(1 for i in with_rest if _next_words(lines, i)[:1].islower())
    return len(with_rest) >= 3 and run_on >= 0.3 * len(with_rest)


def _build(
    lines: list[str], accepted: dict[int, Heading], strong: set[str], wrapped: bool
) -> list[Node]:
    """Turn lines and accepted headings into nodes (index 0 is the preamble).

    :param wrapped: the text is hard-wrapped: no title is taken from a heading line's end.
    """
    nodes = [Node("preamble")]
    stack: list[int] = []  # open containers, outermost first
    current = 0
    expect: str = ""  # "name" after a container heading, "title" after an article heading
    for i, line in enumerate(lines):
        heading = accepted.get(i)
        if heading is not None and expect == "name" and heading.kind == "provisions":
            nodes[current].heading = heading.rest  # "CAPÍTULO IX / DISPOSICIONES TRANSITORIAS"
            nodes[current].transitory = heading.transitory
            expect = ""
            continue
        if heading is None:
            words = clean(line)
            if words and expect:
                consumed, expect = _attach(nodes[current], expect, words, lines, i, strong)
                if consumed:
                    continue
            nodes[current].lines.append(line)
            continue
        expect = ""
        if heading.kind == "preamble":
            if current == 0 and len(nodes) == 1:
                nodes[0].heading = heading.rest
                continue
            nodes.append(Node("preamble", heading=heading.rest))
            current = len(nodes) - 1
            continue
        node = Node(heading.kind, heading.number, heading.slug, transitory=heading.transitory)
        if heading.kind == "article":
            node.parent = stack[-1] if stack else None
            _article_title(node, heading, "" if wrapped else _next_words(lines, i))
            expect = "" if node.heading or node.lines else "title"
        else:
            if heading.kind in LEVELS:
                _close(stack, nodes, heading.kind)
                node.parent = stack[-1] if stack else None
            else:  # annex, schedule, provisions: outside the body's hierarchy
                stack.clear()
                if heading.kind == "provisions":
                    node.kind = "final"
                    node.transitory = is_transitory_name(heading.rest)
            node.heading = heading.rest.strip(" .:-–—")
            expect = "" if node.heading else "name"
            stack.append(len(nodes))
        nodes.append(node)
        current = len(nodes) - 1
    return nodes


def _close(stack: list[int], nodes: list[Node], kind: str) -> None:
    """Pop the containers a new ``kind`` container ends."""
    kinds = [nodes[n].kind for n in stack]
    if kind in kinds:
        del stack[kinds.index(kind) :]
        return
    while stack and LEVELS.get(nodes[stack[-1]].kind, 0) >= LEVELS[kind]:
        stack.pop()


def _attach(
    node: Node, expect: str, words: str, lines: list[str], i: int, strong: set[str]
) -> tuple[bool, str]:
    """Use the line after a heading as its name or title.

    :returns: whether the line went into the heading, and what is still expected
        (``more`` while an upper-case name goes on over several lines).
    """
    marked = words in strong or lines[i].lstrip().startswith("#")
    if expect == "more":
        if words.isupper() and len(words) <= 120 and match_heading(words) is None:
            node.heading += " " + words
            node.name_lines += 1
            return True, "more" if node.name_lines < 3 else ""
        return False, ""
    if expect == "name":
        if _NUMBERED_RE.match(words):
            return False, ""
        if marked or _looks_like_name(words):
            node.heading, node.name_lines = words.rstrip(" .:"), 1
            return True, "more" if words.isupper() else ""
        return False, ""
    # an article's title on the next line: "(Concepto).- Trabajo…" or a short line
    bracketed = _bracketed_title(words)
    if bracketed:
        node.heading = bracketed[0]
        if bracketed[1]:
            node.lines.append(bracketed[1])
        return True, ""
    if (marked and len(words) <= 150) or _looks_like_title(words, _next_words(lines, i)):
        node.heading, node.tentative_title = words.rstrip(" ."), not marked
        return True, ""
    return False, ""


def _bracketed_title(words: str) -> tuple[str, str] | None:
    """(title, rest) of "(Concepto).- Trabajo…" or "[Title] Text", else None."""
    if words[0] not in "([":
        return None
    closing = ")" if words[0] == "(" else "]"
    close = words.find(closing)
    inner = words[1:close].strip()
    if close < 3 or len(inner) > 100 or len(inner.split()) > 12 or any(c in inner for c in "([/"):
        return None
    return inner, words[close + 1 :].lstrip(" .:-–—")


def _looks_like_name(words: str) -> bool:
    """A container's name on the line after its heading."""
    return (
        len(words) <= 200
        and len(words.split()) <= 25
        and not words[0].islower()
        and not words[0].isdigit()
        and words[-1] not in ",;:"
        and match_heading(words) is None
    )


def _looks_like_title(words: str, following: str) -> bool:
    """A short article title on its own line, followed by a sentence that starts anew."""
    count = len(words.split())
    return (
        len(words) <= 100
        and count <= 12
        and words[0].isupper()
        and words[-1] not in ",;:"
        and (words[-1] != "." or count <= 6)
        and not (following[:1].islower())
        and bool(following)
        and match_heading(words) is None
    )


def _previous_words(lines: list[str], i: int) -> str:
    """The words of the last non-blank line before line ``i``."""
    for line in reversed(lines[max(0, i - 40) : i]):
        words = clean(line)
        if words:
            return words
    return ""


def _next_words(lines: list[str], i: int) -> str:
    """The words of the first non-blank line after line ``i``."""
    for line in lines[i + 1 : i + 40]:
        words = clean(line)
        if words:
            return words
    return ""


def _article_title(node: Node, heading: Heading, following: str) -> None:
    """Split the rest of an article's heading line into title and text.

    :param following: the words of the next non-blank line.
    """
    rest = heading.rest
    if not rest:
        return
    emphasis = _EMPHASIS_TITLE_RE.match(heading.raw_rest)
    if bracketed := _bracketed_title(rest):
        node.heading, rest = bracketed
    elif emphasis and len(emphasis["title"].split()) <= 12:
        node.heading = emphasis["title"].strip()
        rest = clean(heading.raw_rest[emphasis.end() :]).lstrip(" .:-–—")
    elif (end := _TITLE_END_RE.match(rest)) and len(end["title"].split()) <= 12:
        node.heading = end["title"].strip()
        rest = rest[end.end() :]
    elif rest[-1] != "." and _looks_like_title(rest, following):
        node.heading, node.tentative_title = rest, True
        return
    if rest:
        node.lines.append(rest)
