"""PDF extractor: pdfminer.six page by page, then layout in :mod:`ingest.pdf_layout`.

Each page is laid out by pdfminer into text lines only (``boxes_flow=None``
skips pdfminer's costly box ordering, which mixes newspaper columns anyway);
reading order, running headers, paragraphs and hyphenation are ours. Pages
without a text layer go to OCR (:mod:`ingest.ocr`) when it is installed.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import statistics
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTChar,
    LTFigure,
    LTImage,
    LTLayoutContainer,
    LTTextBox,
    LTTextLineHorizontal,
)
from pdfminer.pdfdocument import (
    PDFDocument,
    PDFEncryptionError,
    PDFPasswordIncorrect,
    PDFXRefFallback,
)
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from ingest import ocr
from ingest.extracted import Block, Extracted, Limits, blocks_to_text
from ingest.pdf_info import info_metadata
from ingest.pdf_layout import Line, Paragraph, paragraphs, reading_order, strip_running_lines
from ingest.pdf_text import clean_text, continues, is_page_number, join_lines
from library.errors import ExtractionError, LimitExceeded

log = logging.getLogger(__name__)

#: A page with fewer non-blank characters than this has no usable text layer.
MIN_PAGE_CHARS = 20
#: Paragraphs this short, set in capitals or in a larger type, are headings.
MAX_HEADING_CHARS = 200
ENCRYPTED = (
    "PDF is encrypted with a password; ask the publisher for an unprotected copy "
    "or remove the protection with the owner's password"
)
_CATALOG = re.compile(rb"/Type\s*/Catalog\b")
_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_BOLD = re.compile(r"bold|black|heavy|demi", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]")
#: Distinct running lines kept in ``metadata["running_header"]``.
MAX_RUNNING = 4


def _laparams() -> LAParams:
    """Layout parameters for legal text: horizontal lines only, no box ordering.

    ``char_margin`` stays at pdfminer's 2.0: wider would bridge narrow column
    gutters, and the pieces of widely justified lines are re-joined by
    :func:`ingest.pdf_layout.rows`.
    """
    return LAParams(
        line_overlap=0.5,
        char_margin=2.0,
        line_margin=0.5,
        word_margin=0.1,
        boxes_flow=None,
        detect_vertical=False,
        all_texts=True,
    )


@dataclass
class _Page:
    number: int
    lines: list[Line]
    box: tuple[float, float]
    chars: int
    has_image: bool


def extract_pdf(data: bytes, limits: Limits) -> Extracted:
    """Extract text, paragraphs and info-dictionary hints from a PDF.

    :param data: the file's bytes.
    :param limits: ``max_pages`` and ``max_seconds`` cut the reading with a warning.
    :raises ExtractionError: not a PDF, password-protected, damaged beyond
        reading, or a scan without a text layer when OCR is not installed.
    """
    start = time.monotonic()
    if not data.strip():
        raise ExtractionError("empty file: there is nothing to read")
    if len(data) > limits.max_bytes:
        raise LimitExceeded(
            f"PDF of {len(data)} bytes is larger than the limit of {limits.max_bytes}"
        )
    if b"%PDF-" not in data[:1024]:
        raise ExtractionError("not a PDF: the file has no %PDF- header")
    warnings: list[str] = []
    doc = _open(data, warnings)
    page_objects = _page_objects(doc, warnings)
    read = _read_pages(page_objects, limits, start, warnings)
    texts = [page.lines for page in read]
    kept = strip_running_lines(texts, [page.box for page in read])
    header = running_header(texts, kept)
    for page, lines in zip(read, kept, strict=True):
        page.lines = lines
    ocr_texts: dict[int, str] = {}
    empty = [page.number for page in read if page.chars < MIN_PAGE_CHARS]
    if empty:
        remaining = limits.max_seconds - (time.monotonic() - start)
        ocr_texts, notes = ocr.ocr_missing_text(
            data,
            empty,
            [page.number for page in read if page.has_image],
            len(read),
            dataclasses.replace(limits, max_seconds=remaining),
        )
        warnings.extend(notes)
    blocks = _blocks(read, ocr_texts)
    if not blocks:
        raise ExtractionError("PDF has no text: its pages are blank or hold only drawings")
    for message in warnings:
        log.warning("%s", message)
    metadata = info_metadata(doc)
    if header:
        metadata["running_header"] = header
    return Extracted(
        text=blocks_to_text(blocks),
        format="pdf",
        blocks=tuple(blocks),
        metadata=metadata,
        warnings=tuple(warnings),
        pages=len(page_objects),
    )


def running_header(
    before: Sequence[Sequence[Line]], after: Sequence[Sequence[Line]], most: int = MAX_RUNNING
) -> str:
    """The running headers and footers removed from the pages, most frequent first.

    They often carry the title of the series or of the work a chapter belongs to
    ("Extract from …: Guidance for governments"), evidence for its metadata. A
    header set over two lines gives both, top line first; page numbers are left out.

    :param before: the lines of each page as read.
    :param after: the lines of each page with running lines removed.
    :param most: how many distinct lines are kept.
    """
    pages: dict[str, int] = {}
    first: dict[str, tuple[int, float]] = {}
    for number, (lines, kept) in enumerate(zip(before, after, strict=True)):
        kept_ids = {id(line) for line in kept}
        seen: set[str] = set()
        for line in lines:
            text = " ".join(line.text.split())
            if id(line) in kept_ids or is_page_number(text) or len(_LETTERS.findall(text)) < 8:
                continue
            if text not in seen:
                seen.add(text)
                pages[text] = pages.get(text, 0) + 1
                first.setdefault(text, (number, -line.yc))
    frequent = sorted((t for t, n in pages.items() if n >= 2), key=lambda t: -pages[t])[:most]
    return "\n".join(sorted(frequent, key=lambda t: first[t]))


def _open(data: bytes, warnings: list[str]) -> PDFDocument:
    """Parse the document structure, opening an empty-user-password encryption.

    A file cut short (an interrupted download) loses its trailer, which names
    the catalogue; when the catalogue object itself survives, a trailer naming
    it is appended and the objects are found by scanning.
    """
    try:
        doc = _document(data)
    except ExtractionError as exc:
        patched = _with_trailer(data)
        if patched is None:
            raise
        try:
            doc = _document(patched)
        except ExtractionError:
            raise exc from None
        warnings.append(
            "PDF is truncated or its trailer is damaged: text recovered from what is left"
        )
        return doc
    if any(isinstance(xref, PDFXRefFallback) for xref in doc.xrefs):
        warnings.append("PDF cross-reference table is damaged: objects were recovered by scanning")
    return doc


def _document(data: bytes) -> PDFDocument:
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect as exc:
        raise ExtractionError(ENCRYPTED) from exc
    except PDFEncryptionError as exc:
        raise ExtractionError(
            f"PDF is encrypted with a method that cannot be read ({exc})"
        ) from exc
    except Exception as exc:  # pdfminer raises many types on malformed input
        raise ExtractionError(f"PDF is damaged or truncated: {_reason(exc)}") from exc


def _with_trailer(data: bytes) -> bytes | None:
    """The data with a trailer naming its last catalogue object, if it has one."""
    catalogues = [m.start() for m in _CATALOG.finditer(data)]
    if not catalogues or b"/Encrypt" in data:
        return None
    heads = list(_OBJECT.finditer(data, max(0, catalogues[-1] - 4096), catalogues[-1]))
    if not heads:
        return None
    number, generation = heads[-1].group(1), heads[-1].group(2)
    return data + b"\ntrailer\n<< /Root %s %s R >>\n%%%%EOF\n" % (number, generation)


def _pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _page_objects(doc: PDFDocument, warnings: list[str]) -> list[PDFPage]:
    pages: list[PDFPage] = []
    try:
        for page in PDFPage.create_pages(doc):
            pages.append(page)
    except Exception as exc:  # a broken page tree still yields the pages before the break
        warnings.append(f"PDF page tree is damaged after page {len(pages)}: {_reason(exc)}")
    if not pages:
        raise ExtractionError("PDF is damaged or truncated: no page could be found")
    return pages


def _read_pages(
    pages: list[PDFPage], limits: Limits, start: float, warnings: list[str]
) -> list[_Page]:
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=_laparams())
    interpreter = PDFPageInterpreter(manager, device)
    read: list[_Page] = []
    failures: list[str] = []
    for number, page in enumerate(pages, start=1):
        if number > limits.max_pages:
            warnings.append(
                f"stopped after {_pages(number - 1)}: page limit of {limits.max_pages} reached"
            )
            break
        if number > 1 and time.monotonic() - start > limits.max_seconds:
            warnings.append(
                f"stopped after {_pages(number - 1)}: "
                f"time budget of {limits.max_seconds:g} s reached"
            )
            break
        try:
            interpreter.process_page(page)
            layout = device.get_result()
        except Exception as exc:  # pdfminer raises many types on malformed input
            failures.append(f"page {number} ({_reason(exc)})")
            continue
        raw: list[LTTextLineHorizontal] = []
        has_image = _collect(layout, raw)
        lines = _lines(raw)
        chars = sum(len(li.text.replace(" ", "")) for li in lines)
        read.append(_Page(number, lines, (layout.y0, layout.y1), chars, has_image))
    if failures and not read:
        raise ExtractionError(f"PDF is damaged: no page could be read: {failures[0]}")
    if failures:
        warnings.append(
            f"PDF is damaged: {len(failures)} page(s) could not be read: " + ", ".join(failures[:5])
        )
    return read


def _collect(container: Iterable[object], lines: list[LTTextLineHorizontal]) -> bool:
    """Gather the text lines of a layout tree; whether it holds an image."""
    has_image = False
    for item in container:
        if isinstance(item, LTTextLineHorizontal):
            lines.append(item)
        elif isinstance(item, LTImage):
            has_image = True
        elif isinstance(item, LTTextBox | LTFigure | LTLayoutContainer):
            has_image = _collect(item, lines) or has_image
    return has_image


def _lines(raw: list[LTTextLineHorizontal]) -> list[Line]:
    """Our lines from pdfminer's, with the bold flag of each.

    Glyphs set sideways on a page of upright text (margin tabs, stamps) are
    left out: pdfminer would glue them, letter by letter, into the lines
    they touch. A page set mostly sideways is kept as pdfminer lays it out.
    """
    glyphs = [c for line in raw for c in line if isinstance(c, LTChar)]
    sideways = sum(1 for c in glyphs if not c.upright)
    drop = 0 < sideways < len(glyphs) / 2
    lines: list[Line] = []
    for line in raw:
        items = [c for c in line if not (drop and isinstance(c, LTChar) and not c.upright)]
        chars = [c for c in items if isinstance(c, LTChar)]
        text = clean_text("".join(c.get_text() for c in items))
        if not text or not chars:
            continue
        weight = sum(1 for c in chars if c.get_text() != " ")
        bold = sum(1 for c in chars if c.get_text() != " " and _BOLD.search(c.fontname))
        box = (line.x0, line.y0, line.x1, line.y1)
        if len(chars) < sum(1 for c in line if isinstance(c, LTChar)):
            box = (
                min(c.x0 for c in chars),
                min(c.y0 for c in chars),
                max(c.x1 for c in chars),
                max(c.y1 for c in chars),
            )
        lines.append(Line(*box, text, bold >= 0.9 * weight > 0))
    return lines


def _blocks(read: list[_Page], ocr_texts: dict[int, str]) -> list[Block]:
    """Paragraphs of every page in reading order, re-joined across column and page breaks."""
    laid_out: list[tuple[int, list[list[Paragraph]]]] = []
    for page in read:
        if page.number in ocr_texts:
            paras = [
                Paragraph(text, 0.0, 1)
                for text in ocr.ocr_paragraphs(ocr_texts[page.number])
                if not is_page_number(text)
            ]
            laid_out.append((page.number, [paras]))
        else:
            flows = reading_order(page.lines)
            laid_out.append((page.number, [paragraphs(flow) for flow in flows]))
    heights = [p.height for _, runs in laid_out for f in runs for p in f for _ in range(p.lines)]
    body = statistics.median(h for h in heights if h > 0) if any(heights) else 0.0
    blocks: list[Block] = []
    for number, runs in laid_out:
        for flow in runs:
            for n, para in enumerate(flow):
                kind = "heading" if _is_heading(para, body) else "paragraph"
                last = blocks[-1] if blocks else None
                if (
                    n == 0
                    and last is not None
                    and last.kind == kind == "paragraph"
                    and continues(last.text, para.text)
                ):
                    blocks[-1] = dataclasses.replace(last, text=join_lines(last.text, para.text))
                else:
                    blocks.append(Block(para.text, kind, 0, number))
    return blocks


def _is_heading(para: Paragraph, body: float) -> bool:
    text = para.text
    if len(text) > MAX_HEADING_CHARS or text.endswith((".", ",", ";")):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    capitals = sum(1 for c in letters if c.isupper()) / len(letters)
    return capitals >= 0.8 or (body > 0 and para.height >= 1.2 * body)
