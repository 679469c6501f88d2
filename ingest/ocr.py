"""OCR of scanned PDF pages with poppler's ``pdftoppm`` and ``tesseract``.

Both are external programs (Debian: ``poppler-utils``, ``tesseract-ocr`` and
``tesseract-ocr-{spa,eng,por,fra}``), run without a shell, one page at a time,
inside a temporary directory and within the file's time budget.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from ingest.extracted import Limits
from ingest.pdf_layout import clean_text, join_lines
from library.errors import ExtractionError

log = logging.getLogger(__name__)

DEFAULT_LANGUAGES = "spa+eng+por+fra"
RESOLUTION_DPI = 300
#: Seconds allowed for ``tesseract --list-langs``.
PROBE_TIMEOUT = 10.0
NO_TEXT_LAYER = (
    "PDF has no text layer (scanned image) and OCR is not available: "
    "install tesseract-ocr with spa/eng/por/fra data"
)
OCR_DONE = "text obtained by OCR (tesseract), check it"
OCR_USED = f"no text layer: {OCR_DONE}"
NOT_AVAILABLE = (
    "OCR is not available: install tesseract-ocr with spa/eng/por/fra data "
    "and poppler-utils (pdftoppm)"
)


def ocr_available(languages: str = DEFAULT_LANGUAGES) -> bool:
    """Whether ``tesseract`` and ``pdftoppm`` are on PATH with the needed language data.

    :param languages: tesseract languages joined by ``+``.
    """
    tesseract = shutil.which("tesseract")
    if not tesseract or not shutil.which("pdftoppm"):
        return False
    try:
        listed = subprocess.run(
            [tesseract, "--list-langs"],
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    # tesseract 4 prints the list on stderr, tesseract 5 on stdout
    installed = set((listed.stdout + listed.stderr).split())
    return all(lang in installed for lang in languages.split("+"))


def _run(args: list[str], deadline: float) -> str:
    """Run one program until the deadline; its stdout as text."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise subprocess.TimeoutExpired(args, 0)
    # One thread per tesseract: its OpenMP threads slow small pages down.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(
        args, capture_output=True, timeout=remaining, check=True, env=env, stdin=subprocess.DEVNULL
    )
    return done.stdout.decode("utf-8", "replace")


def ocr_pdf_pages(
    data: bytes, pages: list[int], limits: Limits, languages: str = DEFAULT_LANGUAGES
) -> dict[int, str]:
    """OCR the given pages of a PDF; pages not done within the time budget are left out.

    :param data: the PDF bytes.
    :param pages: 1-based page numbers.
    :param limits: ``max_seconds`` bounds the whole run (rendering and recognition).
    :param languages: tesseract languages joined by ``+``.
    :returns: page number -> recognised text (tesseract's lines and blank-line paragraphs).
    :raises ExtractionError: when the OCR programs are missing.
    """
    pdftoppm, tesseract = shutil.which("pdftoppm"), shutil.which("tesseract")
    if not pdftoppm or not tesseract:
        raise ExtractionError(NOT_AVAILABLE)
    deadline = time.monotonic() + limits.max_seconds
    texts: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="migralex-ocr-") as tmp:
        source = Path(tmp) / "source.pdf"
        source.write_bytes(data)
        for page in pages:
            image = Path(tmp) / f"page-{page}"
            try:
                _run(
                    [pdftoppm, "-r", str(RESOLUTION_DPI), "-f", str(page), "-l", str(page)]
                    + ["-png", "-singlefile", str(source), str(image)],
                    deadline,
                )
                png = image.with_suffix(".png")
                texts[page] = _run(
                    [tesseract, str(png), "stdout", "-l", languages, "--psm", "1"], deadline
                )
                png.unlink(missing_ok=True)
            except subprocess.TimeoutExpired:
                log.warning("OCR stopped at page %d: time budget reached", page)
                break
            except (OSError, subprocess.CalledProcessError) as exc:
                log.warning("OCR failed on page %d: %s", page, exc)
    return texts


def ocr_missing_text(
    data: bytes, empty: list[int], with_images: list[int], pages: int, limits: Limits
) -> tuple[dict[int, str], list[str]]:
    """OCR the pages of a PDF that have no text layer, or say why their text is missing.

    Most pages empty means a scanned document: without OCR it is rejected.
    Otherwise the few empty pages that hold an image are OCR'd, or reported.

    :param data: the PDF bytes.
    :param empty: numbers of the pages without (enough) text.
    :param with_images: numbers of the pages that hold an image.
    :param pages: how many pages were read.
    :param limits: ``max_seconds`` is what is left of the file's time budget.
    :returns: page number -> OCR text, and the warnings to record.
    :raises ExtractionError: a scanned document and no OCR.
    """
    scanned = 2 * len(empty) > pages
    available = ocr_available()
    if scanned and not available:
        raise ExtractionError(NO_TEXT_LAYER)
    wanted = [n for n in empty if n in set(with_images)]
    if not wanted:
        return {}, []
    listed = ("page " if len(wanted) == 1 else "pages ") + ", ".join(map(str, wanted[:10]))
    listed += "…" if len(wanted) > 10 else ""
    if not available:
        return {}, [
            f"no text layer on {listed} (scanned images) and OCR is not available: their text "
            "is missing; install tesseract-ocr with spa/eng/por/fra data"
        ]
    if limits.max_seconds <= 0:
        return {}, [f"no text layer on {listed}: OCR skipped, time budget reached"]
    texts = ocr_pdf_pages(data, wanted, limits)
    notes = [OCR_USED if scanned else f"no text layer on {listed}: {OCR_DONE}"]
    missed = [n for n in wanted if n not in texts]
    if missed:
        notes.append(f"OCR stopped before page {missed[0]}: time budget reached")
    return texts, notes


def ocr_paragraphs(text: str) -> list[str]:
    """Split tesseract output into paragraphs, joining lines and hyphenated words.

    :param text: tesseract's output for one page.

    >>> ocr_paragraphs("Artículo 1. La migra-\\nción es libre.\\n\\n3\\n")
    ['Artículo 1. La migración es libre.', '3']
    """
    out = []
    for chunk in text.replace("\f", "\n").split("\n\n"):
        joined = ""
        for line in chunk.splitlines():
            joined = join_lines(joined, clean_text(line))
        if joined:
            out.append(joined)
    return out
