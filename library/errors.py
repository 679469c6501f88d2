"""One exception tree for the whole project.

Every error a user can cause or meet derives from :class:`LibraryError`; its
message says what happened and what to do.
"""

from __future__ import annotations


class LibraryError(Exception):
    """Base of all Migralex errors."""


class ExtractionError(LibraryError, ValueError):
    """A file could not be turned into text (damaged, encrypted, empty…)."""


class UnsupportedFormat(ExtractionError):
    """The bytes are of a format Migralex does not read."""


class LimitExceeded(ExtractionError):
    """A file exceeded a size, time, memory or decompression-ratio limit."""


class DocumentNotFound(LibraryError, KeyError):
    """No record has the requested id."""

    def __str__(self) -> str:  # KeyError quotes its argument; we want plain text
        return str(self.args[0]) if self.args else "document not found"


class MetadataError(LibraryError, ValueError):
    """User-supplied metadata is malformed (bad CSV, bad JSON, unknown value)."""


class CatalogueError(LibraryError):
    """The catalogue store is unusable (newer schema, corrupt database…)."""


class QuerySyntaxError(LibraryError, ValueError):
    """A search query could not be parsed as written.

    :param code: a stable machine-readable code, e.g. ``unbalanced_quote``.
    :param suggestion: a corrected query the user may run instead.
    """

    def __init__(self, message: str, code: str = "syntax", suggestion: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.suggestion = suggestion
