"""Plain-text extraction: decode, repair pervasive NLP artefacts, split into blocks.

Text that went through an NLP pipeline often comes back tokenized ("word , word")
with HTML entities (``&apos;``). Both are undone only when they are pervasive,
so ordinary text (French spacing before ``;:!?``, a lone ``&amp;`` in a URL) is
left alone. Paragraphs are separated by blank lines; when a file has almost no
blank lines, each line is a paragraph. Short lines that look like headings of
legal drafting (``CAPÍTULO I``, ``Article 3``, an all-capitals title) become
heading blocks; segmentation proper happens later.
"""

from __future__ import annotations

import html
import re

from ingest.encoding import decode_text
from ingest.extracted import Block, Extracted, Limits, blocks_to_text
from library.errors import ExtractionError, LimitExceeded

ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Comma or full stop preceded by a space, not part of a number (" , " but not " .5").
SPACED_PUNCT = re.compile(r"\s[,.](?!\d)")
PUNCT = re.compile(r"[,.](?!\d)")
SPACE_BEFORE = re.compile(r"[ \t]+([,.;:!?%)\]}»])")
SPACE_AFTER = re.compile(r"([(\[{«¿¡])[ \t]+")
CLITIC = re.compile(r"(?<=\w) (['’](?:s|re|ve|ll|d|m|t)\b|n['’]t\b)", re.I)
BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
LINE_END = re.compile(r"[.?!:;\"'»)]\s*$")
INNER_SPACE = re.compile(r"[ \t\u00a0]+")

#: Words that open a structural heading in es/en/pt/fr legal drafting.
HEADING_WORDS = (
    r"libro|book|livre|livro|parte|part|partie|t[ií]tulo|title|titre|cap[ií]tulo|chapter|"
    r"chapitre|secci[oó]n|section|se[cç][aã]o|subsecci[oó]n|subsection|art[ií]culo|article|"
    r"artigo|art\.|anexo|annex|annexe|ap[eé]ndice|appendix|disposiciones?|disposi[cç][oõ]es|"
    r"dispositions?|provisions?|pre[aá]mbulo|preamble|pr[eé]ambule|considerandos?"
)
STRUCTURAL = re.compile(
    rf"^(?:{HEADING_WORDS})(?:\s+(?:[IVXLCDM]+\b|\d+[\w.º°ª-]*|[A-Z]\b|única|unique|primer[oa]?|"
    r"segund[oa]|tercer[oa]?|finale?s?|transitori[oa]s?|generale?s?)|\s*[.:]?\s*$)",
    re.I,
)
ARTICLE = re.compile(r"^(?:art[ií]culo|article|artigo|art\.)", re.I)
MAX_HEADING_CHARS = 120

#: Lines that are a heading by themselves must not read like sentences.
SENTENCE_END = re.compile(r"[.;:,]\s*$")


def extract_text(data: bytes, limits: Limits) -> Extracted:
    """Extract a plain-text file.

    :param data: the file's bytes.
    :param limits: extraction budgets; ``max_bytes`` is enforced.
    :raises LimitExceeded: if the file is larger than ``limits.max_bytes``.
    :raises ExtractionError: if the file holds no text.

    >>> extract_text(b"TITULO I\\n\\nArticle 1. Everyone, everywhere.", Limits()).blocks[0]
    Block(text='TITULO I', kind='heading', level=0, page=None)
    """
    if len(data) > limits.max_bytes:
        raise LimitExceeded(f"file of {len(data)} bytes exceeds the limit of {limits.max_bytes}")
    text, _encoding, warnings = decode_text(data)
    text, repairs = repair_artefacts(text)
    warnings.extend(repairs)
    blocks = text_blocks(text)
    if not blocks:
        raise ExtractionError("empty file" if not data.strip() else "no text content in file")
    return Extracted(
        text=blocks_to_text(blocks), format="text", blocks=tuple(blocks), warnings=tuple(warnings)
    )


def repair_artefacts(text: str) -> tuple[str, list[str]]:
    """Undo HTML entities and tokenization spacing when they are pervasive.

    :param text: decoded text.
    :returns: the repaired text and notes of what was repaired.

    >>> repair_artefacts("It &apos;s here , there , and there . It &apos;s fine , too .")[0]
    "It's here, there, and there. It's fine, too."
    """
    notes: list[str] = []
    entities = [m for m in ENTITY.findall(text) if html.unescape(m) != m]
    if len(entities) >= 2:
        text = ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        notes.append(f"decoded {len(entities)} HTML entities found in plain text")
    if is_tokenized(text):
        text = SPACE_BEFORE.sub(r"\1", text)
        text = SPACE_AFTER.sub(r"\1", text)
        text = CLITIC.sub(r"\1", text)
        notes.append("removed tokenization spaces before punctuation")
    return text, notes


def is_tokenized(text: str) -> bool:
    """True when most commas and full stops are preceded by a space (NLP tokenizer output).

    :param text: decoded text.
    """
    spaced = len(SPACED_PUNCT.findall(text))
    total = len(PUNCT.findall(text))
    return spaced >= 5 and spaced >= 0.5 * total


def text_blocks(text: str) -> list[Block]:
    """Split text into paragraph and heading blocks.

    :param text: decoded, repaired text with ``\\n`` newlines.
    """
    chunks = [c.strip() for c in BLANK_LINES.split(text) if c.strip()]
    lines = [line for line in text.splitlines() if line.strip()]
    if (len(chunks) == 1 or len(chunks) * 20 < len(lines)) and len(lines) > 3:
        ended = sum(1 for line in lines if LINE_END.search(line))
        if ended >= 0.6 * len(lines):  # a sentence per line, not hard-wrapped prose
            chunks = [line.strip() for line in lines]
    blocks: list[Block] = []
    for index, chunk in enumerate(chunks):
        cleaned = "\n".join(INNER_SPACE.sub(" ", line).strip() for line in chunk.split("\n"))
        kind = "heading" if looks_like_heading(cleaned, first=index == 0) else "paragraph"
        blocks.append(Block(cleaned, kind))
    return blocks


def looks_like_heading(chunk: str, first: bool = False) -> bool:
    """A short single line in capitals, or opening with a structural word and a number.

    :param chunk: one paragraph.
    :param first: the chunk opens the document (a short unpunctuated first line is its title).
    """
    if "\n" in chunk or len(chunk) > MAX_HEADING_CHARS:
        return False
    letters = [c for c in chunk if c.isalpha()]
    if len(letters) < 2:
        return False
    structural = STRUCTURAL.match(chunk)
    if structural:
        words = len(chunk.split())
        if ARTICLE.match(chunk):
            return words <= 4 and not SENTENCE_END.search(chunk)
        return words <= 12 or chunk.isupper()
    if SENTENCE_END.search(chunk):
        return False
    if sum(c.isupper() for c in letters) >= 0.8 * len(letters) and len(letters) >= 4:
        return True
    return first and len(chunk.split()) <= 15
