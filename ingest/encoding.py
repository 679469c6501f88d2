"""Turn the bytes of a text-like file (plain text, Markdown, HTML) into a str.

The order of evidence is the one browsers and careful converters use, with one
twist for documents saved from the web: **the bytes win over declarations**.

1. a byte-order mark (UTF-32, UTF-8, UTF-16 — UTF-32 first, as its LE mark
   starts with the UTF-16 one);
2. strict UTF-8 (legacy encodings almost never decode as valid UTF-8 by chance,
   while pages that *declare* ISO-8859-1 or UTF-16 but hold UTF-8 bytes are common);
3. the declared charset (``<meta charset>``, XML declaration), only when the
   bytes decode with it;
4. charset-normalizer's guess; for a Latin-script guess, windows-1252 is
   preferred (it is what ISO-8859-1 labels mean on the web, and what Western
   legacy text is in practice), falling back to the guess when cp1252 fails.

Nothing is dropped silently: if the final decode needs replacement characters,
a warning gives their count. Newlines are normalised to ``\\n`` and the text to NFC.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Codecs charset-normalizer may name for Latin-script text; cp1252 is tried first.
LATIN_CODECS: frozenset[str] = frozenset(
    {
        "ascii",
        "latin_1",
        "cp1252",
        "cp1250",
        "cp1254",
        "cp1257",
        "cp1258",
        "cp437",
        "cp775",
        "cp850",
        "cp852",
        "cp858",
        "mac_roman",
        "mac_latin2",
        "mac_iceland",
        "mac_turkish",
    }
    | {f"iso8859_{n}" for n in (2, 3, 4, 9, 10, 13, 14, 15, 16)}
)

#: Declared labels that mean windows-1252 in practice (WHATWG Encoding Standard).
WINDOWS_1252_LABELS: frozenset[str] = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"}
)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding announced by a byte-order mark and the mark's length, or None.

    :param data: the raw bytes (a prefix is enough).
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def guess_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when BOM-less bytes look like UTF-16 text, else None.

    ASCII-range text in UTF-16 has a NUL in every other byte; the side that holds
    the NULs gives the byte order.

    :param data: the raw bytes (a prefix is enough).
    """
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _codec_name(label: str) -> str | None:
    """Python's codec name for a declared charset label, or None if unknown."""
    label = label.strip().strip("\"'").lower()
    if label in WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _is_wide(codec: str) -> bool:
    return codec.replace("_", "-").startswith(("utf-16", "utf-32"))


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _finish(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def looks_western(text: str) -> bool:
    """True when text reads as a Latin-script language: accented letters are a small minority.

    Decoding Cyrillic or Greek single-byte text as cp1252 also yields Latin-1
    letters, but then nearly every letter is non-ASCII; in es/pt/fr/en text
    accented letters are a few per cent, and C1 controls never occur.

    :param text: a candidate decoding.
    """
    letters = ascii_letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            ascii_letters += char.isascii()
        elif "\x80" <= char <= "\x9f":
            return False
    return letters > 0 and ascii_letters >= 0.7 * letters


def _guess_legacy(data: bytes) -> str | None:
    """Windows-1252 for Western text, else charset-normalizer's best guess."""
    western = _strict(data, "cp1252")
    if western is not None and looks_western(western):
        return "cp1252"
    best = from_bytes(data).best()
    if best is None:
        return None
    if best.encoding in LATIN_CODECS and western is not None:
        return "cp1252"
    return best.encoding


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode text bytes, trusting the bytes over any declaration.

    :param data: the raw bytes of the file.
    :param declared: a charset the document declares about itself (HTML ``<meta>``,
        XML declaration, HTTP header), used only when strict UTF-8 fails and the
        bytes decode with it.
    :returns: ``(text, encoding used, warnings)``; text has ``\\n`` newlines and is NFC.

    >>> decode_text("Migración".encode("cp1252"))[:2]
    ('Migración', 'cp1252')
    >>> decode_text(b"caf\\xc3\\xa9", declared="iso-8859-1")[:2]
    ('café', 'utf-8')
    """
    warnings: list[str] = []
    marked = bom_encoding(data)
    if marked is not None:
        name, size = marked
        text = _strict(data[size:], name)
        if text is not None:
            return _finish(text), name, warnings
        encoding, body = name, data[size:]
    else:
        text = _strict(data, "utf-8")
        if text is not None:
            return _finish(text), "utf-8", warnings
        encoding, body = "", data
        utf16 = guess_utf16(data)
        declared_codec = _codec_name(declared) if declared else None
        if declared_codec and _is_wide(declared_codec) and not utf16:
            declared_codec = None  # a UTF-16/32 label on bytes that are not: ignore it
        for attempt in range(3):
            candidate = (utf16, declared_codec, None)[attempt] or (
                _guess_legacy(data) if attempt == 2 else None
            )
            if candidate and candidate != "utf-8":
                text = _strict(data, candidate)
                if text is not None:
                    return _finish(text), candidate, warnings
                encoding = encoding or candidate
        if not encoding or (_is_wide(encoding) and not utf16):
            encoding = "cp1252"
    text = body.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - _count_real_replacement_chars(body, encoding)
    if replaced > 0:
        warnings.append(
            f"{replaced} byte sequence(s) could not be decoded as {encoding} "
            "and were replaced with U+FFFD"
        )
    return _finish(text), encoding, warnings


def _count_real_replacement_chars(body: bytes, encoding: str) -> int:
    """How many U+FFFD the bytes genuinely encode (so they are not counted as damage)."""
    try:
        marker = "\ufffd".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return 0
    return body.count(marker) if marker else 0
