"""The interface in es (default), en, pt and fr: message catalogues as data, and choosing one.

The catalogues are ``web/translations/{lang}.json``: flat ``key -> message`` maps with
``{name}`` placeholders, read once. No build step. A test checks that every key is in
all four and that none is left in English. Labels of vocabulary values (countries,
instrument types, topics, statuses, languages) come from ``library`` and ``index``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from werkzeug.datastructures import LanguageAccept

UI_LANGUAGES: tuple[str, ...] = ("es", "en", "pt", "fr")
DEFAULT_LANGUAGE = "es"
#: Each interface language named in itself, for the language switcher.
NATIVE_NAMES: Mapping[str, str] = {
    "es": "Español",
    "en": "English",
    "pt": "Português",
    "fr": "Français",
}
_SEPARATORS: Mapping[str, str] = {"es": ".", "en": ",", "pt": ".", "fr": "\u202f"}


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """The messages of one interface language.

    :param lang: one of :data:`UI_LANGUAGES`.
    """
    text = (resources.files("web") / "translations" / f"{lang}.json").read_text("utf-8")
    return dict(json.loads(text))


def negotiate(requested: str | None, accept: LanguageAccept) -> tuple[str, bool]:
    """The interface language, and whether the request chose it explicitly.

    :param requested: the ``lang`` query argument (ignored unless a known code).
    :param accept: the request's Accept-Language header.

    >>> from werkzeug.http import parse_accept_header
    >>> negotiate("fr", parse_accept_header("en", LanguageAccept))
    ('fr', True)
    >>> negotiate("xx", parse_accept_header("pt-BR,en;q=0.5", LanguageAccept))
    ('pt', False)
    """
    if requested in UI_LANGUAGES:
        return str(requested), True
    return str(accept.best_match(UI_LANGUAGES, default=DEFAULT_LANGUAGE)), False


def format_number(n: int, lang: str) -> str:
    """An integer with the thousands separator of ``lang``.

    >>> format_number(12345, "es"), format_number(12345, "en"), format_number(999, "fr")
    ('12.345', '12,345', '999')
    """
    return f"{n:,}".replace(",", _SEPARATORS.get(lang, ","))


@dataclass(frozen=True)
class Translator:
    """Messages of one language: ``t("key", name=value)`` and plurals with :meth:`n`."""

    lang: str

    def __call__(self, key: str, **values: object) -> str:
        """The message ``key`` with its ``{placeholders}`` filled in.

        A missing key shows as the key itself (a test keeps the catalogues complete).
        """
        message = catalogue(self.lang).get(key) or catalogue(DEFAULT_LANGUAGE).get(key, key)
        return message.format_map(values) if values else message

    def n(self, key: str, count: int, **values: object) -> str:
        """The plural form of ``key`` for ``count`` (``key.zero``, ``key.one``, ``key.other``)."""
        form = "zero" if count == 0 else "one" if count == 1 else "other"
        return self(f"{key}.{form}", n=format_number(count, self.lang), **values)

    def number(self, count: int) -> str:
        """``count`` with this language's thousands separator."""
        return format_number(count, self.lang)

    def size(self, n_bytes: int) -> str:
        """A file size in bytes, KB or MB."""
        if n_bytes < 1024:
            return self.n("size.bytes", n_bytes)
        if n_bytes < 1024 * 1024:
            return self("size.kb", n=format_number(round(n_bytes / 1024), self.lang))
        mb = f"{n_bytes / (1024 * 1024):.1f}"
        return self("size.mb", n=mb if self.lang == "en" else mb.replace(".", ","))
