"""Content-addressed store of original files: ``files/ab/cdef…`` under the data directory.

Bytes are written once, under the name of their sha256, and never modified:
the same document uploaded twice is one file. Nothing from a request reaches
the file system except through :meth:`FileStore.path`, which accepts only a
well-formed sha256.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from library.errors import DocumentNotFound, LibraryError

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def sha256_of(data: bytes) -> str:
    """The hex sha256 of ``data``.

    >>> sha256_of(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


class FileStore:
    """Originals on disk, addressed by sha256.

    :param root: the ``files/`` folder of the data directory (created on demand).
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        """Where the file with this digest lives; rejects anything but 64 hex digits."""
        if not _SHA256.match(sha256 or ""):
            raise LibraryError(f"not a sha256 digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def __contains__(self, sha256: str) -> bool:
        return _SHA256.match(sha256 or "") is not None and self.path(sha256).is_file()

    def put(self, data: bytes) -> str:
        """Store ``data`` (if not yet stored) and return its sha256.

        The write goes to a temporary file first and is renamed into place, so
        a crash never leaves a partial original under a valid name.
        """
        digest = sha256_of(data)
        target = self.path(digest)
        if target.is_file():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o444)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def read(self, sha256: str) -> bytes:
        """The original bytes; raises :class:`DocumentNotFound` when absent."""
        target = self.path(sha256)
        if not target.is_file():
            raise DocumentNotFound(f"no stored file with sha256 {sha256}")
        return target.read_bytes()

    def verify(self, sha256: str) -> bool:
        """True when the stored bytes still hash to their name."""
        return sha256_of(self.read(sha256)) == sha256
