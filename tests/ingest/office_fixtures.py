"""Minimal DOCX, ODT and hostile zip files built in memory for the extractor tests."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def zip_bytes(members: dict[str, bytes | str]) -> bytes:
    """A deflated zip holding ``members`` (str values are UTF-8 encoded)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, value in members.items():
            zf.writestr(name, value.encode("utf-8") if isinstance(value, str) else value)
    return buffer.getvalue()


def w_paragraph(text: str, style: str = "") -> str:
    """A ``w:p`` with one run, optionally styled."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def w_table(rows: list[list[str]]) -> str:
    """A ``w:tbl`` with one paragraph per cell."""
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{w_paragraph(c)}</w:tc>" for c in row) + "</w:tr>"
        for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


def w_styles(*styles: tuple[str, str, str]) -> str:
    """styles.xml from ``(style id, name, extra pPr/basedOn XML)`` triples."""
    body = "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>{extra}</w:style>'
        for sid, name, extra in styles
    )
    return f'<w:styles xmlns:w="{W}">{body}</w:styles>'


def docx_bytes(
    body: str,
    styles: str | None = None,
    core: str | None = None,
    footnotes: str | None = None,
    document: str | None = None,
) -> bytes:
    """A minimal DOCX: ``body`` is the XML inside ``w:body``."""
    members: dict[str, bytes | str] = {
        "[Content_Types].xml": "<Types/>",
        "_rels/.rels": RELS,
        "word/document.xml": document
        or f'<w:document xmlns:w="{W}" xmlns:mc="{MC}"><w:body>{body}</w:body></w:document>',
    }
    if styles is not None:
        members["word/styles.xml"] = styles
    if core is not None:
        members["docProps/core.xml"] = core
    if footnotes is not None:
        members["word/footnotes.xml"] = footnotes
    return zip_bytes(members)


def odt_bytes(body: str, styles: str = "", meta: str = "", mimetype: str = "") -> bytes:
    """A minimal ODT: ``body`` is the XML inside ``office:text``; ``styles`` are
    ``style:style`` elements for content.xml's automatic styles."""
    content = (
        f"<office:document-content {ODF_NS}><office:automatic-styles>{styles}"
        f"</office:automatic-styles><office:body><office:text>{body}</office:text>"
        "</office:body></office:document-content>"
    )
    members: dict[str, bytes | str] = {
        "mimetype": mimetype or "application/vnd.oasis.opendocument.text",
        "content.xml": content,
    }
    if meta:
        members["meta.xml"] = (
            f"<office:document-meta {ODF_NS}><office:meta>{meta}</office:meta></office:document-meta>"
        )
    return zip_bytes(members)


def zip_bomb(name: str = "word/document.xml", size: int = 50 * 1024 * 1024) -> bytes:
    """A zip whose one member is ``size`` zero bytes, written in chunks (never held whole)."""
    buffer = io.BytesIO()
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_rels/.rels", RELS)
        with zf.open(name, "w", force_zip64=False) as member:
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


def patch_headers(data: bytes, field_offset: int, value: bytes, central_offset: int) -> bytes:
    """Overwrite one field in every local (``PK\\3\\4``) and central (``PK\\1\\2``) header.

    :param field_offset: the field's offset within a local file header.
    :param central_offset: the same field's offset within a central directory header.
    """
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", field_offset), (b"PK\x01\x02", central_offset)):
        start = out.find(signature)
        while start != -1:
            out[start + offset : start + offset + len(value)] = value
            start = out.find(signature, start + 4)
    return bytes(out)
