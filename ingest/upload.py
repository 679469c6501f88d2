"""One file sent through the web: into the real ingest pipeline, under its limits.

The bytes are copied to a fresh private folder under a name made safe with
:func:`werkzeug.utils.secure_filename` (never a path from the request), then
ingested as a batch of one by :func:`ingest.pipeline.run`, so an upload gets the
same screening, worker limits, duplicate check and report as ``migralex ingest``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from werkzeug.utils import secure_filename

from ingest.extracted import Limits
from ingest.outcome import FileOutcome
from ingest.pipeline import SKIPPED_SUFFIXES, Batch, run
from library.files import FileStore
from library.store import Catalogue
from library.vocabulary import Vocabularies

FALLBACK_NAME = "upload"


def safe_name(filename: str | None) -> str:
    """A plain file name for an uploaded file: no folders, no leading dots, not a sidecar.

    >>> safe_name("../../etc/passwd"), safe_name("Ley 25.871.pdf"), safe_name(".meta.json")
    ('etc_passwd', 'Ley_25.871.pdf', 'meta.json')
    >>> safe_name(None), safe_name("x.csv")
    ('upload', 'x.csv.upload')
    """
    name = secure_filename(filename or "") or FALLBACK_NAME
    if name.lower().endswith(SKIPPED_SUFFIXES):
        name += "." + FALLBACK_NAME  # the pipeline skips these suffixes in folders
    return name


def ingest_upload(
    stream: BinaryIO,
    filename: str | None,
    catalogue: Catalogue,
    files: FileStore,
    vocab: Vocabularies,
    limits: Limits,
    actor: str,
    jobs: int = 1,
) -> FileOutcome:
    """Ingest one uploaded file and return its outcome (ingested, duplicate or rejected).

    :param stream: the uploaded bytes (read in chunks, never all at once).
    :param filename: the name the browser sent; only a safe form of it is kept.
    :param jobs: 1 extracts in a worker process under the memory limit; 0 in this one.
    """
    with tempfile.TemporaryDirectory(prefix="migralex-upload-") as folder:
        path = Path(folder) / safe_name(filename)
        with path.open("wb") as out:
            shutil.copyfileobj(stream, out, 1024 * 1024)
        batch = Batch((path,), jobs=jobs, limits=limits, actor=actor)
        (outcome,) = run(batch, catalogue, files, vocab)
    return outcome
