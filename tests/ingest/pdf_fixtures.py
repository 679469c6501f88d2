"""A tiny PDF writer for tests: text at given positions, images, info, RC4 encryption.

PDFs are written by hand (Helvetica and Helvetica-Bold, WinAnsi encoding, no
compression), so tests need no PDF library. Encryption is the standard
security handler, revision 2 (40-bit RC4), enough to check how the extractor
treats a password-protected file.
"""

from __future__ import annotations

import hashlib
import struct
import subprocess
import tempfile
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

A4 = (595.0, 842.0)
PASSWORD_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
DOCUMENT_ID = hashlib.md5(b"migralex test pdf").digest()


@dataclass(frozen=True)
class Text:
    """One line of text with its baseline origin in points (y upwards)."""

    x: float
    y: float
    text: str
    size: float = 10.0
    bold: bool = False


@dataclass(frozen=True)
class Image:
    """A grey raster drawn over a rectangle: ``pixels`` is ``width * height`` bytes."""

    x: float
    y: float
    draw_width: float
    draw_height: float
    width: int = 2
    height: int = 2
    pixels: bytes = b"\x80\x80\x80\x80"


@dataclass(frozen=True)
class Page:
    texts: Sequence[Text] = ()
    images: Sequence[Image] = ()
    size: tuple[float, float] = A4


@dataclass
class _Writer:
    key: bytes | None = None
    objects: list[bytes] = field(default_factory=list)

    def reserve(self) -> int:
        self.objects.append(b"")
        return len(self.objects)

    def put(self, number: int, body: bytes) -> None:
        self.objects[number - 1] = body

    def add(self, body: bytes) -> int:
        number = self.reserve()
        self.put(number, body)
        return number

    def crypt(self, number: int, data: bytes) -> bytes:
        if self.key is None:
            return data
        digest = hashlib.md5(self.key + number.to_bytes(3, "little") + b"\0\0").digest()
        return rc4(digest[: min(len(self.key) + 5, 16)], data)

    def stream(self, number: int, data: bytes, extra: bytes = b"") -> None:
        data = self.crypt(number, data)
        self.put(number, b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), extra, data))

    def string(self, number: int, text: str) -> bytes:
        raw = text.encode("utf-16-be")
        return b"<" + self.crypt(number, b"\xfe\xff" + raw).hex().encode() + b">"


def rc4(key: bytes, data: bytes) -> bytes:
    """RC4 as the PDF standard security handler uses it."""
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _pad(password: str) -> bytes:
    return (password.encode("latin-1") + PASSWORD_PAD)[:32]


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(page: Page) -> bytes:
    ops = []
    for n, _image in enumerate(page.images):
        i = page.images[n]
        ops.append(b"q %g 0 0 %g %g %g cm /Im%d Do Q" % (i.draw_width, i.draw_height, i.x, i.y, n))
    for t in page.texts:
        font = b"/F2" if t.bold else b"/F1"
        ops.append(b"BT %s %g Tf %g %g Td (%s) Tj ET" % (font, t.size, t.x, t.y, _escape(t.text)))
    return b"\n".join(ops)


def make_pdf(
    pages: Sequence[Page],
    *,
    info: dict[str, str] | None = None,
    user_password: str | None = None,
    owner_password: str = "owner",
) -> bytes:
    """Write a PDF with the given pages.

    :param pages: the pages, in order.
    :param info: document information entries (``Title``, ``CreationDate``…).
    :param user_password: encrypt with this user password ("" opens without one).
    :param owner_password: the owner password when encrypting.
    """
    writer = _Writer()
    encrypt = b""
    if user_password is not None:
        owner = rc4(hashlib.md5(_pad(owner_password)).digest()[:5], _pad(user_password))
        permissions = -4
        writer.key = hashlib.md5(
            _pad(user_password) + owner + struct.pack("<i", permissions) + DOCUMENT_ID
        ).digest()[:5]
        user = rc4(writer.key, PASSWORD_PAD)
        encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            owner.hex().encode(),
            user.hex().encode(),
            permissions,
        )
    catalog = writer.reserve()
    tree = writer.reserve()
    regular = writer.add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    bold = writer.add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    kids = []
    for page in pages:
        images = []
        for n, image in enumerate(page.images):
            number = writer.reserve()
            writer.stream(
                number,
                image.pixels,
                b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                b"/ColorSpace /DeviceGray /BitsPerComponent 8 " % (image.width, image.height),
            )
            images.append(b"/Im%d %d 0 R" % (n, number))
        content = writer.reserve()
        writer.stream(content, _content(page))
        resources = b"<< /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << %s >> >>" % (
            regular,
            bold,
            b" ".join(images),
        )
        kids.append(
            writer.add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources %s /Contents %d 0 R >>"
                % (tree, page.size[0], page.size[1], resources, content)
            )
        )
    writer.put(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    writer.put(
        tree,
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)),
    )
    trailer = b"/Root %d 0 R /ID [<%s> <%s>]" % (
        catalog,
        DOCUMENT_ID.hex().encode(),
        DOCUMENT_ID.hex().encode(),
    )
    if info:
        number = writer.reserve()
        entries = b" ".join(
            b"/%s %s" % (key.encode(), writer.string(number, value)) for key, value in info.items()
        )
        writer.put(number, b"<< " + entries + b" >>")
        trailer += b" /Info %d 0 R" % number
    if encrypt:
        trailer += b" /Encrypt %d 0 R" % writer.add(encrypt)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(writer.objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def column(
    paragraphs: Sequence[str],
    x: float,
    top: float,
    chars: int = 48,
    size: float = 10.0,
    leading: float = 12.0,
) -> list[Text]:
    """Lay paragraphs out as a ragged column, a blank line between paragraphs.

    :param paragraphs: the texts; each is wrapped at ``chars`` characters.
    :param x: left edge; ``top``: baseline of the first line.
    """
    out: list[Text] = []
    y = top
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, chars):
            out.append(Text(x, y, line, size))
            y -= leading
        y -= leading
    return out


def text_page(paragraphs: Sequence[str], chars: int = 85) -> Page:
    """One A4 page holding one column of paragraphs."""
    return Page(column(paragraphs, 72, 770, chars=chars))


def scanned(data: bytes, dpi: int = 100) -> bytes:
    """An image-only PDF of the first page of ``data``, rasterised by poppler's pdftoppm.

    :param data: a PDF with a text layer.
    :param dpi: the scan resolution.
    """
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.pdf"
        source.write_bytes(data)
        subprocess.run(
            [
                "pdftoppm",
                "-gray",
                "-r",
                str(dpi),
                "-singlefile",
                str(source),
                str(source.with_suffix("")),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        pgm = source.with_suffix(".pgm").read_bytes()
    magic, width, height, depth, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    w, h = int(width), int(height)
    image = Image(0, 0, A4[0], A4[1], w, h, pixels[: w * h])
    return make_pdf([Page(images=[image])])
