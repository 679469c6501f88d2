"""Rich Text Format to text, with striprtf.

striprtf decodes ``\\'xx`` escapes in the declared ``\\ansicpg`` code page (or
a font's ``\\fcharset``) and ``\\uN`` escapes with their ``\\ucN`` fallbacks.
Around it this module adds what it leaves out: raw 8-bit bytes decoded in the
document's code page, UTF-16 surrogate pairs (``\\u-10179?\\u-8694?``) joined
into one character, soft hyphens removed, and the ``\\info`` title and
creation date as hints. Paragraph styles are not read, so no headings.
"""

from __future__ import annotations

import codecs
import re

from striprtf.striprtf import rtf_to_text

from ingest.extracted import Block, Extracted, Limits, blocks_to_text
from ingest.ziplimits import check_size
from library.errors import ExtractionError

RTF_MAGIC = b"{\\rtf"
CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
#: Character sets named by a control word instead of ``\ansicpg``.
CHARSET_WORDS = ((rb"\\mac\b", "mac_roman"), (rb"\\pca\b", "cp850"), (rb"\\pc\b", "cp437"))
SURROGATES = re.compile(r"[\ud800-\udbff][\udc00-\udfff]")
INFO_TITLE = re.compile(r"\{\\title\s*((?:[^{}\\]|\\[^{}])*)\}")
CREATED = re.compile(r"\\creatim\s*\\yr(\d{4})\s*\\mo(\d{1,2})\s*\\dy(\d{1,2})")


def extract_rtf(data: bytes, limits: Limits) -> Extracted:
    """Extract the text of an RTF document, one block per paragraph.

    :param data: the file's bytes.
    :param limits: the size budget (striprtf runs in one pass).
    :raises ExtractionError: the bytes are not RTF or cannot be decoded.
    """
    check_size(data, limits)
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(RTF_MAGIC):
        raise ExtractionError("not an RTF document: it does not start with {\\rtf")
    encoding = document_encoding(data)
    source = data.decode(encoding, errors="replace")
    try:
        text: str = rtf_to_text(source, encoding=encoding, errors="replace")  # type: ignore[no-untyped-call]
    except (ValueError, LookupError, IndexError) as exc:
        raise ExtractionError(f"damaged RTF: {exc}") from exc
    text = clean_text(text)
    blocks = tuple(Block(line.strip()) for line in text.split("\n") if line.strip())
    warnings = []
    if "\ufffd" in text:
        warnings.append("some characters could not be decoded and were replaced")
    if not blocks:
        warnings.append("the document has no text")
    return Extracted(
        text=blocks_to_text(blocks),
        format="rtf",
        blocks=blocks,
        metadata=_info(source, encoding),
        warnings=tuple(warnings),
    )


def document_encoding(data: bytes) -> str:
    """The code page an RTF header declares (``\\ansicpg1252``…), windows-1252 by default.

    >>> document_encoding(rb"{\\rtf1\\ansi\\ansicpg1251 x}"), document_encoding(rb"{\\rtf1\\mac x}")
    ('cp1251', 'mac_roman')
    """
    head = data[:4096]
    match = CODEPAGE.search(head)
    candidates = [f"cp{int(match.group(1))}"] if match else []
    candidates += [name for word, name in CHARSET_WORDS if re.search(word, head)]
    for name in candidates:
        try:
            codecs.lookup(name)
        except LookupError:
            continue
        return "utf-8" if name == "cp65001" else name
    return "cp1252"


def clean_text(text: str) -> str:
    """Join surrogate pairs, drop soft hyphens and stray carriage returns.

    >>> clean_text("a\\ud83d\\ude0a b\\xadc\\r\\n")
    'a😊 bc\\n'
    """
    text = SURROGATES.sub(
        lambda m: m.group(0).encode("utf-16", "surrogatepass").decode("utf-16"), text
    )
    text = re.sub(r"[\ud800-\udfff]", "\ufffd", text)  # a lone surrogate cannot be encoded later
    return text.replace("\xad", "").replace("\r\n", "\n").replace("\r", "\n")


def _info(source: str, encoding: str) -> dict[str, str]:
    """``doc_title`` and ``doc_created`` hints from the ``\\info`` group."""
    found: dict[str, str] = {}
    title = INFO_TITLE.search(source)
    if title:
        group = "{\\rtf1 " + title.group(1) + "}"
        value: str = rtf_to_text(group, encoding=encoding, errors="replace")  # type: ignore[no-untyped-call]
        value = " ".join(clean_text(value).split())
        if value:
            found["doc_title"] = value
    created = CREATED.search(source)
    if created and int(created.group(1)) > 0:
        year, month, day = created.groups()
        found["doc_created"] = f"{year}-{int(month):02d}-{int(day):02d}"
    return found
