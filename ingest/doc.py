"""Legacy Word 97-2003 documents (.doc, OLE2) to text, with antiword.

antiword reads the Word binary format and writes UTF-8 when given the
``UTF-8.txt`` mapping (``-m``); ``-w 0`` writes each paragraph on one line,
so lines are paragraphs. catdoc was the alternative; antiword was kept
because it maps Word's code pages to UTF-8 correctly (accents, typographic
quotes, dashes) and keeps paragraphs whole. It runs in a subprocess on a
temporary copy of the bytes, never through a shell, under the time budget.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from ingest.extracted import Block, Extracted, Limits, blocks_to_text
from ingest.ziplimits import check_size
from library.errors import ExtractionError, LimitExceeded

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MISSING = "legacy Word .doc needs antiword: apt-get install antiword, or convert the file to DOCX"


def extract_doc(data: bytes, limits: Limits) -> Extracted:
    """Extract the text of a Word 97-2003 document, one block per paragraph.

    :param data: the file's bytes (an OLE2 compound file).
    :param limits: ``max_seconds`` bounds the antiword run.
    :raises ExtractionError: antiword missing, not a Word document, or antiword failed.
    :raises LimitExceeded: antiword ran past the time budget.
    """
    check_size(data, limits)
    if not data.startswith(OLE2_MAGIC):
        raise ExtractionError("not a Word 97-2003 document (no OLE2 signature)")
    text = run_antiword(data, limits.max_seconds)
    paragraphs = (" ".join(line.split()) for line in text.replace("\f", "\n").split("\n"))
    blocks = tuple(Block(p) for p in paragraphs if p)
    warnings = () if blocks else ("the document has no text",)
    return Extracted(text=blocks_to_text(blocks), format="doc", blocks=blocks, warnings=warnings)


def run_antiword(data: bytes, timeout: float) -> str:
    """Run antiword on ``data`` (written to a private temporary file) and return UTF-8 text.

    :param data: the .doc bytes.
    :param timeout: seconds before antiword is killed.
    :raises ExtractionError: antiword is not installed or rejected the file.
    :raises LimitExceeded: antiword took longer than ``timeout``.
    """
    antiword = shutil.which("antiword")
    if antiword is None:
        raise ExtractionError(MISSING)
    with tempfile.TemporaryDirectory(prefix="migralex-doc-") as folder:
        path = os.path.join(folder, "input.doc")
        with open(path, "wb") as handle:
            handle.write(data)
        try:
            result = subprocess.run(
                [antiword, "-m", "UTF-8.txt", "-w", "0", path],
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise LimitExceeded(f"antiword ran past the {timeout:.0f}s time budget") from exc
        except OSError as exc:
            raise ExtractionError(f"antiword could not be run: {exc}") from exc
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").replace(path, "the file").strip()
        raise ExtractionError(f"antiword could not read this .doc: {message or result.returncode}")
    return result.stdout.decode("utf-8", errors="replace")
