"""Hints from a PDF's info dictionary: its Title and CreationDate, when meaningful.

Producers fill the Title with application defaults and file names
("Microsoft Word - doc1.docx", "Normas_Legales_2015"); those are dropped.
"""

from __future__ import annotations

import datetime
import re

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

_NOT_A_TITLE = re.compile(
    r".*\.(?:docx?|pdf|indd|odt|rtf|txt|xlsx?|pptx?|qxd|qxp|tex|html?|wpd|e?ps|tiff?|jpe?g|png)"
    r"|.*[\\/].*|(?:untitled|sin t[íi]tulo|sem t[íi]tulo|sans titre|no title|t[íi]tulo|title|"
    r"documento?|doc|presentation|presentaci[óo]n|libro|book|slide|diapositiva)\s*\d*",
    re.IGNORECASE,
)
_APPLICATION_PREFIX = re.compile(r"^microsoft\s+\w+\s+-\s+", re.IGNORECASE)
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def info_metadata(doc: PDFDocument) -> dict[str, str]:
    """``pdf_title`` and ``pdf_created`` from the info dictionary, when meaningful.

    :param doc: the parsed document.
    """
    info: dict[str, object] = {}
    for entry in reversed(doc.info):  # the newest trailer comes first
        if isinstance(entry, dict):
            info.update(entry)
    out: dict[str, str] = {}
    title = _title(_info_text(info.get("Title")))
    if title:
        out["pdf_title"] = title
    created = _pdf_date(_info_text(info.get("CreationDate")))
    if created:
        out["pdf_created"] = created
    return out


def _info_text(value: object) -> str:
    try:
        value = resolve1(value)
    except Exception:  # a dangling reference in a damaged info dictionary
        return ""
    if isinstance(value, bytes):
        return decode_text(value).replace("\x00", "").strip()
    return value.strip() if isinstance(value, str) else ""


def _title(raw: str) -> str:
    """The info Title when it reads like a title, not an application default or file name.

    >>> [_title(t) for t in ("Ley de Migración", "Microsoft Word - doc1.docx", "Normas_Legales_2015")]
    ['Ley de Migración', '', '']
    """
    title = " ".join(_APPLICATION_PREFIX.sub("", raw).split())
    if sum(1 for c in title if c.isalpha()) < 3 or _NOT_A_TITLE.fullmatch(title):
        return ""
    if " " not in title and ("_" in title or any(c.isdigit() for c in title)):
        return ""
    return title


def _pdf_date(raw: str) -> str:
    """ISO date of a PDF date string.

    >>> _pdf_date("D:20151123104512-05'00'")
    '2015-11-23'
    """
    match = _PDF_DATE.match(raw)
    if not match:
        return ""
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""
