"""One file's bytes to text, parts, language and metadata: the work done in a worker.

Everything here is pure (bytes in, values out), so it can run in another
process under limits; storing the result is :mod:`ingest.pipeline`'s job.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from typing import Protocol

from ingest.extracted import Extracted, Limits
from ingest.language import (
    MUL_SHARE,
    PREFERRED,
    LanguageResult,
    detect_language,
    detect_part_languages,
)
from ingest.metadata import DerivedMetadata, derive_metadata
from ingest.segment import segment
from ingest.sniff import sniff
from library.errors import ExtractionError, LimitExceeded
from library.model import Part
from library.vocabulary import Vocabularies


class Extractor(Protocol):
    def __call__(self, data: bytes, limits: Limits) -> Extracted: ...


#: Sniffed format -> (module, function). Imported on first use, so reading
#: plain text never pays for pdfminer.
EXTRACTORS: dict[str, tuple[str, str]] = {
    "pdf": ("ingest.pdf", "extract_pdf"),
    "html": ("ingest.html", "extract_html"),
    "xml": ("ingest.xml", "extract_xml"),
    "docx": ("ingest.docx", "extract_docx"),
    "odt": ("ingest.odt", "extract_odt"),
    "rtf": ("ingest.rtf", "extract_rtf"),
    "doc": ("ingest.doc", "extract_doc"),
    "markdown": ("ingest.markdown", "extract_markdown"),
    "text": ("ingest.text", "extract_text"),
}
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
#: ISO 639-2/3 codes that have a two-letter ISO 639-1 equivalent we use.
_ISO639_1 = {
    "spa": "es",
    "eng": "en",
    "por": "pt",
    "fra": "fr",
    "fre": "fr",
    "nld": "nl",
    "dut": "nl",
}


@dataclass(frozen=True)
class Processed:
    """What ingestion learnt from one file, before it becomes records."""

    format: str
    pages: int | None
    parts: tuple[Part, ...]
    language: str
    languages: tuple[str, ...]
    metadata: DerivedMetadata
    warnings: tuple[str, ...] = field(default=())


def extractor_for(fmt: str) -> Extractor:
    """The extraction function for a sniffed format."""
    module, name = EXTRACTORS[fmt]
    extractor: Extractor = getattr(importlib.import_module(module), name)
    return extractor


def extract_bytes(data: bytes, limits: Limits) -> Extracted:
    """Sniff ``data``'s format from its bytes and extract it.

    :raises ExtractionError: empty, unsupported, damaged or over-limit input.
    """
    if len(data) > limits.max_bytes:
        raise LimitExceeded(
            f"file is {len(data):,} bytes, over the {limits.max_bytes:,}-byte limit; "
            "split it or raise the limit (--max-mb)"
        )
    return extractor_for(sniff(data))(data, limits)


def process(data: bytes, limits: Limits, vocab: Vocabularies) -> Processed:
    """Extract, segment, detect languages and derive metadata for one file."""
    extracted = extract_bytes(data, limits)
    if not extracted.text.strip() and not extracted.parts:
        raise ExtractionError(f"no text found in this {extracted.format} file")
    warnings = list(extracted.warnings)
    detected = detect_language(extracted.text)
    embedded = normalise_language(extracted.metadata.get("language", ""))
    language = embedded or collection_language(detected)
    if not language:
        warnings.append("language could not be detected; set it in the metadata")
    languages = detected.languages or ((language,) if language else ())
    if len(detected.languages) > 1:
        shares = ", ".join(
            f"{lang} {detected.shares.get(lang, 0):.0%}" for lang in detected.languages
        )
        warnings.append(f"mixed-language document: {shares}")
    parts = extracted.parts or segment(extracted.text, extracted.blocks, language)
    parts = detect_part_languages(parts, language)
    metadata = derive_metadata(extracted, parts, language, vocab)
    return Processed(
        format=extracted.format,
        pages=extracted.pages,
        parts=parts,
        language=language,
        languages=tuple(languages),
        metadata=metadata,
        warnings=tuple(warnings),
    )


def collection_language(detected: LanguageResult) -> str:
    """The expression's language as the library files it.

    A text in one of the collection's languages (es, en, pt, fr) with a full
    translation into another language appended (a treaty as published by a
    non-member's treaty series) is filed under the collection's language; its
    mix stays recorded in ``languages``. ``mul`` is kept for texts in two or
    more of the collection's languages.
    """
    if detected.language != "mul":
        return detected.language
    major = [lang for lang in detected.languages if detected.shares.get(lang, 0) >= MUL_SHARE]
    ours = [lang for lang in major if lang in PREFERRED]
    return ours[0] if len(ours) == 1 else "mul"


def normalise_language(code: str) -> str:
    """An ISO 639-1 code where one exists, else the code as given, else "".

    >>> normalise_language("spa"), normalise_language("pt-BR"), normalise_language("gug")
    ('es', 'pt', 'gug')
    """
    code = (code or "").strip().lower().replace("_", "-").split("-")[0]
    code = _ISO639_1.get(code, code)
    return code if _LANGUAGE_CODE.match(code) else ""
