"""Tell a file's format from its bytes alone (never from its name).

Binary containers are recognised by their magic numbers (PDF, ZIP-based DOCX
and ODT read from the zip directory without decompressing anything, OLE2 for
Word 97-2003, RTF). Anything else must be text: a decoded prefix is classified
as XML, HTML, Markdown or plain text by its opening markup and by Markdown
signals (front matter, several ATX headings, tables, links).
"""

from __future__ import annotations

import io
import re
import zipfile

from ingest.encoding import bom_encoding, decode_text, guess_utf16
from library.errors import ExtractionError, UnsupportedFormat

SUPPORTED = "Migralex reads PDF, HTML, XML, DOCX, ODT, RTF, DOC, Markdown and plain text"

#: How much of the file is decoded to classify text formats.
TEXT_PREFIX = 64 * 1024

#: Magic numbers of common formats Migralex does not read, for a helpful message.
FOREIGN_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"BM", 0, "a BMP image"),
    (b"RIFF", 0, "a RIFF media file (WebP, WAV, AVI)"),
    (b"ftyp", 4, "an MP4/QuickTime media file"),
    (b"ID3", 0, "an MP3 audio file"),
    (b"OggS", 0, "an Ogg media file"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"ustar", 257, "a tar archive"),
    (b"MZ", 0, "a Windows executable"),
    (b"\x7fELF", 0, "an ELF executable"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"AT&TFORM", 0, "a DjVu document"),
    (b"%!PS", 0, "a PostScript file"),
    (b"wOFF", 0, "a web font"),
    (b"\x00\x01\x00\x00\x00", 0, "a TrueType font"),
)

#: MIME types found in the ``mimetype`` member of OpenDocument/EPUB zips.
ZIP_MIMETYPES: dict[str, str] = {
    "application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet",
    "application/vnd.oasis.opendocument.presentation": "an OpenDocument presentation",
    "application/vnd.oasis.opendocument.graphics": "an OpenDocument drawing",
    "application/epub+zip": "an EPUB e-book",
}

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"

#: HTML element names that may open an HTML document or fragment.
HTML_ELEMENTS: frozenset[str] = frozenset(
    "html head body title meta link base style script noscript div p span a b i u em strong "
    "table tr td th ul ol li dl h1 h2 h3 h4 h5 h6 br hr img center font section article main "
    "header footer nav aside form pre blockquote iframe".split()
)

PROLOG_PARTS = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!\[CDATA\[.*?\]\]>)", re.S)
DOCTYPE = re.compile(r"\s*<!DOCTYPE\s+([A-Za-z_][\w.:-]*)[^>\[]*(?:\[.*?\])?\s*>", re.S | re.I)
FIRST_ELEMENT = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")
HTML_MARKERS = re.compile(r"<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n((?:[^\n]*\n){1,400}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
YAML_KEY_LINE = re.compile(r"^[\w\"'.-][^:\n]{0,60}:(?:\s|$)")
MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+\S|[^\s#])", re.M)
MD_TABLE_RULE = re.compile(
    r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M
)
MD_LINK = re.compile(r"!?\[[^\[\]\n]{1,500}\]\([^()\s\[\]]{1,1000}(?:\s+\"[^\"\n]{0,300}\")?\)")
MD_EMPHASIS = re.compile(r"(\*\*|__)\S[^\n]{0,300}?\S\1")


def sniff(data: bytes) -> str:
    """The format of a file, judged from its bytes.

    :param data: the whole file, or at least its first 64 KiB (a ZIP needs the whole file).
    :returns: one of ``pdf``, ``html``, ``xml``, ``docx``, ``odt``, ``rtf``, ``doc``,
        ``markdown``, ``text``.
    :raises ExtractionError: for an empty file.
    :raises UnsupportedFormat: for a format Migralex does not read, or binary junk.

    >>> sniff(b"%PDF-1.7 ...")
    'pdf'
    >>> sniff(b"# Ley 1\\n\\n## Art\\u00edculo 1\\n")
    'markdown'
    """
    if not data.strip():
        raise ExtractionError("empty file")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data)
    if data.startswith(OLE2_MAGIC):
        return "doc"
    marked = bom_encoding(data)
    start = data[marked[1] :] if marked else data
    if start.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    binary_start = any(byte < 9 or 13 < byte < 27 for byte in data[:512])
    for magic, offset, description in FOREIGN_MAGIC:
        decisive = len(magic) >= 4 or not magic.isascii() or binary_start
        if decisive and data[offset : offset + len(magic)] == magic:
            raise UnsupportedFormat(f"unsupported format: looks like {description}; {SUPPORTED}")
    text = _decode_prefix(data, marked is not None)
    return _classify_text(text)


def _sniff_zip(data: bytes) -> str:
    """``docx`` or ``odt`` from the zip directory (no member is decompressed but ``mimetype``)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            mimetype = ""
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise UnsupportedFormat(f"unsupported format: a damaged ZIP archive ({exc})") from exc
    if mimetype == ODT_MIMETYPE:
        return "odt"
    if mimetype in ZIP_MIMETYPES:
        what = ZIP_MIMETYPES[mimetype]
    elif "xl/workbook.xml" in names:
        what = "an Excel workbook"
    elif "ppt/presentation.xml" in names:
        what = "a PowerPoint presentation"
    else:
        what = "a ZIP archive"
    raise UnsupportedFormat(f"unsupported format: looks like {what}; {SUPPORTED}")


def _decode_prefix(data: bytes, has_bom: bool) -> str:
    """The decoded start of a text file; binary junk raises UnsupportedFormat."""
    prefix = data[:TEXT_PREFIX]
    if not has_bom and guess_utf16(prefix) is None:
        controls = sum(prefix.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13, 27))
        if controls > max(2, len(prefix) // 200):
            raise UnsupportedFormat(
                f"unsupported format: binary data of unknown format; {SUPPORTED}"
            )
    if len(data) > TEXT_PREFIX:
        # Cut at a line end so a multi-byte character is not split.
        cut = prefix.rfind(b"\n", 0, TEXT_PREFIX)
        prefix = prefix[: cut + 1] if cut > 0 else prefix
    text, _encoding, warnings = decode_text(prefix)
    if warnings and text.count("\ufffd") > max(2, len(text) // 100):
        raise UnsupportedFormat(f"unsupported format: binary data of unknown format; {SUPPORTED}")
    return text


def _classify_text(text: str) -> str:
    """``xml``, ``html``, ``markdown`` or ``text`` from the decoded start of a file."""
    rest = text.lstrip("\ufeff \t\r\n")
    xml_declared = rest.startswith("<?xml")
    while True:
        match = PROLOG_PARTS.match(rest)
        if not match:
            break
        rest = rest[match.end() :]
    doctype = DOCTYPE.match(rest)
    if doctype:
        if doctype.group(1).lower() == "html":
            return "html"
        rest = rest[doctype.end() :]
    element = FIRST_ELEMENT.match(rest)
    window = text[:4096]
    if element:
        name = element.group(1).lower()
        if name in ("html", "head", "body"):
            return "html"
        if name not in HTML_ELEMENTS or xml_declared:
            return "xml"  # XHTML has an <html> root, handled above
        if HTML_MARKERS.search(window):
            return "html"
        return "markdown" if _looks_like_markdown(text) else "html"
    if HTML_MARKERS.search(window[:1024]):
        return "html"
    return "markdown" if _looks_like_markdown(text) else "text"


def _looks_like_markdown(text: str) -> bool:
    """Front matter, or several Markdown constructs (headings, tables, links, emphasis)."""
    front = FRONT_MATTER.match(text)
    if front:
        lines = [line for line in front.group(1).splitlines() if line.strip()]
        keyed = sum(1 for line in lines if YAML_KEY_LINE.match(line))
        if keyed and keyed >= len(lines) / 2:
            return True
    headings = len(MD_HEADING.findall(text))
    links = len(MD_LINK.findall(text))
    tables = len(MD_TABLE_RULE.findall(text))
    emphasis = len(MD_EMPHASIS.findall(text[:16384]))
    if headings >= 2 or tables >= 1 or links >= 2:
        return True
    return headings >= 1 and (links >= 1 or emphasis >= 2)
