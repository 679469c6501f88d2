"""Markdown extraction: YAML front matter to metadata, the body to plain-text blocks.

Front matter is split off, parsed and mapped to metadata by
:mod:`ingest.frontmatter`, where the mapping of keys to fields is documented;
its functions stay importable from here.

The body keeps ATX headings (also without the space after ``#``, as some
converters write them) and setext headings as heading blocks with their level,
and strips the rest of the syntax: emphasis, links (their text kept), images,
HTML comments and tags, code fences, block quotes; table rows become
``cell | cell`` table blocks; list markers stay in the text.
"""

from __future__ import annotations

import html
import re

from ingest.encoding import decode_text
from ingest.extracted import Block, Extracted, Limits, blocks_to_text
from ingest.frontmatter import fold as fold
from ingest.frontmatter import iso_date as iso_date
from ingest.frontmatter import language_code as language_code
from ingest.frontmatter import map_front_matter as map_front_matter
from ingest.frontmatter import number_from_identifier as number_from_identifier
from ingest.frontmatter import parse_front_matter as parse_front_matter
from ingest.frontmatter import split_front_matter as split_front_matter
from ingest.frontmatter import status_value as status_value
from library.errors import ExtractionError, LimitExceeded

ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|(?=[^\s#]))(.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,4}[.)]|[a-zA-Z][.)])[ \t]+\S")
TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*$")
REFERENCE_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
HTML_ONLY = re.compile(r"^[ \t]*(?:<[!/]?[A-Za-z][^<>]*>[ \t]*)+$")
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
# Bounded repetitions keep these linear on hostile input (a line of a million "[").
URL = r"\((?:[^()\s\[\]]|\([^()\n]{0,300}\)){0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)"
IMAGE = re.compile(r"!\[[^\[\]]{0,1000}\]" + URL)
LINK = re.compile(r"\[([^\[\]]{0,1000})\]" + URL)
#: The tail of a link whose text began in an earlier paragraph: ``text](url)``.
ORPHAN_LINK_TAIL = re.compile(r"\]\((?:[a-z]+:|\.{0,2}/|#)[^()\s\[\]]{0,2000}\)")
REF_LINK = re.compile(r"\[([^\[\]\n]{1,1000})\]\[[^\[\]\n]{0,200}\]")
#: A closing run left alone at a line's end after a hard break ("**TÍTULO I  \n**").
DANGLING_STARS = re.compile(r"^[ \t]*\*{1,3}[ \t]*$|[ \t]+\*{2,3}[ \t]*$", re.M)
#: Star runs touching text; not " ** ", a "* " bullet or a "(*)" footnote mark.
STARS = re.compile(r"(?<=[^\s*(\[])\*+|\*+(?=[^\s*)\]])")
UNDERSCORES = re.compile(r"(?<![\w_])_{1,3}(?=[^\s_])|(?<=[^\s_])_{1,3}(?![\w_])")
MARKS = re.compile(r"~~|`+")
SPACES = re.compile(r"[ \t\u00a0]+")
ESCAPED_BASE = 0xE000  # escaped punctuation is parked in the private-use area
UNESCAPE = {ESCAPED_BASE + code: code for code in range(33, 127)}


def strip_comments(text: str) -> str:
    """Remove HTML comments (``<!-- image -->``) in linear time; an unclosed one is kept.

    :param text: Markdown source.
    """
    parts: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts.append(text[position:start])
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def inline_text(text: str) -> str:
    """Plain text of one line of Markdown: no emphasis, links reduced to their text, no tags.

    :param text: a line (or heading or cell) of Markdown.

    >>> inline_text("**Art. 1°.** Ver [Ley 1](../ley.md) y S**ERVICIO** \\*")
    'Art. 1°. Ver Ley 1 y SERVICIO *'
    """
    escaped = "\\" in text
    if escaped:
        text = ESCAPE.sub(lambda m: chr(ESCAPED_BASE + ord(m.group(1))), text)
    if "<" in text:
        text = TAG.sub("", BREAK_TAG.sub("\n", AUTOLINK.sub(r"\1", text)))
    if "[" in text or "](" in text:
        text = REF_LINK.sub(r"\1", LINK.sub(r"\1", IMAGE.sub("", text)))
        text = ORPHAN_LINK_TAIL.sub("", text)
    if "*" in text:
        text = STARS.sub("", DANGLING_STARS.sub("", text))
    if "_" in text:
        text = UNDERSCORES.sub("", text)
    if "~" in text or "`" in text:
        text = MARKS.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if escaped:
        text = text.translate(UNESCAPE)
    return "\n".join(SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def _cells(line: str) -> str:
    row = line.strip().strip("|")
    cells = (inline_text(c) for c in re.split(r"(?<!\\)\|", row))
    return " | ".join(c for c in cells if c)


def markdown_blocks(body: str) -> list[Block]:
    """Heading, paragraph, list and table blocks of a Markdown body, in order.

    :param body: Markdown without front matter.
    """
    blocks: list[Block] = []
    lines: list[str] = []
    state = {"kind": "paragraph", "fence": "", "table": ""}

    def emit(text: str, kind: str = "paragraph", level: int = 0) -> None:
        if text:
            blocks.append(Block(text, kind, level))

    def flush() -> None:
        if state["kind"] == "code":
            emit("\n".join(lines).strip())
        else:
            emit(inline_text("\n".join(lines)), state["kind"])
        lines.clear()
        state["kind"] = "paragraph"

    for raw in strip_comments(body).split("\n"):
        if state["fence"]:
            if raw.strip().startswith(state["fence"]):
                flush()
                state["fence"] = ""
            else:
                lines.append(raw)
            continue
        line = QUOTE.sub("", raw).rstrip()
        in_table, state["table"] = state["table"], ""
        if opened := FENCE.match(line):
            flush()
            state["fence"], state["kind"] = opened.group(1)[:3], "code"
        elif not line.strip() or REFERENCE_DEF.match(line) or HTML_ONLY.match(line):
            flush()
        elif heading := ATX.match(line):
            flush()
            emit(inline_text(heading.group(2)), "heading", len(heading.group(1)))
        elif TABLE_RULE.match(line) and (in_table or (len(lines) == 1 and "|" in lines[0])):
            if lines:
                header = _cells(lines.pop())
                flush()
                emit(header, "table")
            state["table"] = "yes"
        elif (setext := SETEXT.match(line)) and len(lines) == 1 and state["kind"] == "paragraph":
            emit(inline_text(lines.pop()), "heading", 1 if setext.group(1)[0] == "=" else 2)
        elif RULE.match(line):
            flush()
        elif line.lstrip().startswith("|") or (in_table and "|" in line):
            flush()
            emit(_cells(line), "table")
            state["table"] = "yes"
        else:
            if LIST_ITEM.match(line):
                flush()
                state["kind"] = "list"
            lines.append(line)
    flush()
    return blocks


def extract_markdown(data: bytes, limits: Limits) -> Extracted:
    """Extract a Markdown file: front matter to metadata, body to heading/paragraph blocks.

    :param data: the file's bytes.
    :param limits: extraction budgets; ``max_bytes`` is enforced.
    :raises LimitExceeded: if the file is larger than ``limits.max_bytes``.
    :raises ExtractionError: if the file holds no text.

    >>> e = extract_markdown(b"---\\ntitulo: Ley 1\\npais: co\\n---\\n# Ley 1\\n\\n**Art. 1.** Hola", Limits())
    >>> e.metadata["title"], e.metadata["jurisdiction"], [b.kind for b in e.blocks], e.text
    ('Ley 1', 'CO', ['heading', 'paragraph'], 'Ley 1\\n\\nArt. 1. Hola')
    """
    if len(data) > limits.max_bytes:
        raise LimitExceeded(f"file of {len(data)} bytes exceeds the limit of {limits.max_bytes}")
    text, _encoding, warnings = decode_text(data)
    front, body = split_front_matter(text)
    metadata: dict[str, str] = {}
    if front is not None:
        metadata, front_warnings = parse_front_matter(front)
        warnings.extend(front_warnings)
    blocks = markdown_blocks(body)
    if not blocks:
        raise ExtractionError(
            "empty file" if not data.strip() else "no text content in Markdown file"
        )
    return Extracted(
        text=blocks_to_text(blocks),
        format="markdown",
        blocks=tuple(blocks),
        metadata=metadata,
        warnings=tuple(warnings),
    )
