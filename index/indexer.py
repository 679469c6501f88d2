"""Keeping the index in step with the catalogue.

Layout of ``index_dir``: a ``CURRENT`` file names the active *generation*, a sub-folder
holding one Whoosh index. :func:`rebuild` writes a new generation beside it and swaps
``CURRENT`` with an atomic ``os.replace``; readers that still hold the old one keep
their open files. Incremental changes (:func:`update_work`, :func:`delete_work`) write
to the current generation, one writer at a time (Whoosh lock, waited for up to
:data:`LOCK_TIMEOUT` seconds). Segments are written with ``compound=False`` so that
opening a searcher maps files instead of copying them into memory.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import FileIndex
from whoosh.writing import IndexWriter

from index import fields as F
from index.codec import LeanCodec, LeanMpWriter, LeanSegmentWriter
from index.mapping import stamp, to_fields
from index.schema import SCHEMA_VERSION, ExpressionSchema
from library.errors import LibraryError
from library.model import Record
from library.review import changed_since
from library.store import Catalogue, utc_now

CURRENT = "CURRENT"
LOCK_TIMEOUT = 30.0
#: Pool memory per writer process; more gave no speed in measurements, only memory.
LIMIT_MB = 2048
#: Records per commit of a rebuild. Each commit adds one segment per writer process;
#: a writer's postings must fit its pool (LIMIT_MB holds about 12,000 documents of
#: the bench's collections), or Whoosh spills sorted runs to disk and merges them in
#: Python, which doubled the cost per document at 100k. It also bounds a rebuild's
#: memory whatever the size of the catalogue.
BUILD_BATCH = 20_000
#: Postings per block. A search reads whole posting lists, never skips within one, so
#: big blocks only save per-block costs (header, unpickling, array set-up): with
#: Whoosh's 128 they were most of the time of a query on common words at 100k.
BLOCK_POSTINGS = 1024
Progress = Callable[[int], None]


class IndexVersionError(LibraryError):
    """The index cannot be opened as it is (other schema version, missing folder…)."""


@dataclass(frozen=True)
class DriftReport:
    """Differences between the catalogue and the index, by expression id."""

    missing: tuple[str, ...]  # in the catalogue, not in the index
    stale: tuple[str, ...]  # in both, but the index holds an older version
    orphaned: tuple[str, ...]  # in the index, no longer in the catalogue

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.orphaned)


def _generation_name() -> str:
    return f"v{SCHEMA_VERSION}-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"


def current_generation(index_dir: Path) -> Path | None:
    """The folder of the active generation, or None when there is none yet."""
    try:
        name = (Path(index_dir) / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    path = Path(index_dir) / name
    return path if name and path.is_dir() else None


def _point_to(index_dir: Path, generation: Path) -> None:
    tmp = index_dir / f"{CURRENT}.{uuid.uuid4().hex[:8]}.tmp"
    tmp.write_text(generation.name + "\n", encoding="utf-8")
    os.replace(tmp, index_dir / CURRENT)


def _new_generation(index_dir: Path) -> tuple[Path, FileIndex]:
    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / _generation_name()
    path.mkdir()
    return path, whoosh_index.create_in(str(path), ExpressionSchema())


def open_or_create(index_dir: Path | str) -> FileIndex:
    """Open the active index under ``index_dir``, creating an empty one if there is none.

    :param index_dir: the index folder (``<data>/index``).
    :raises IndexVersionError: when the index was built by another schema version.
    """
    index_dir = Path(index_dir)
    generation = current_generation(index_dir)
    if generation is None:
        generation, ix = _new_generation(index_dir)
        _point_to(index_dir, generation)
        return ix
    if not generation.name.startswith(f"v{SCHEMA_VERSION}-"):
        raise IndexVersionError(
            f"the index at {index_dir} was built by another version; run `migralex reindex`"
        )
    return whoosh_index.open_dir(str(generation))


def _writer(ix: FileIndex, procs: int = 1) -> IndexWriter:
    options = {
        "limitmb": LIMIT_MB,
        "timeout": LOCK_TIMEOUT,
        "compound": False,
        "codec": LeanCodec(blocklimit=BLOCK_POSTINGS),
    }
    if procs > 1:
        return LeanMpWriter(ix, procs=procs, multisegment=True, **options)
    return LeanSegmentWriter(ix, **options)


def _add_record(writer: IndexWriter, record: Record, replace: bool) -> int:
    if replace:
        writer.delete_by_term(F.WORK_ID, record.work.work_id)
    for expression in record.expressions:
        writer.add_document(**to_fields(record, expression))
    return len(record.expressions)


def index_records(
    ix: FileIndex,
    records: Iterable[Record],
    progress: Progress | None = None,
    procs: int = 1,
    replace: bool = True,
) -> int:
    """Index ``records`` in one commit; returns the number of expressions written.

    :param ix: an open index.
    :param records: records to (re)index; a work's old documents are replaced.
    :param progress: called with the running count of expressions written.
    :param procs: writer processes (2 for bulk builds on 2 cores).
    :param replace: delete each work's previous documents first (off for a fresh index).
    """
    writer = _writer(ix, procs)
    count = 0
    try:
        for record in records:
            count += _add_record(writer, record, replace)
            if progress is not None:
                progress(count)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return count


def update_work(ix: FileIndex, record: Record) -> None:
    """Replace the documents of one work (ingest or edit of its record).

    :param ix: an open index.
    :param record: the work's current record.
    """
    index_records(ix, [record])


def delete_work(ix: FileIndex, work_id: str) -> int:
    """Remove a withdrawn work from the index; returns the number of documents removed.

    :param ix: an open index.
    :param work_id: the work's id.
    """
    writer = _writer(ix)
    try:
        removed = writer.delete_by_term(F.WORK_ID, work_id)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return int(removed or 0)


def rebuild(
    index_dir: Path | str,
    records: Iterable[Record],
    progress: Progress | None = None,
    procs: int = 2,
) -> int:
    """Build a fresh index from ``records`` beside the current one, then swap it in.

    :param index_dir: the index folder (``<data>/index``).
    :param records: every record of the catalogue.
    :param progress: called with the running count of expressions written.
    :param procs: writer processes.
    :returns: the number of expressions indexed.
    """
    index_dir = Path(index_dir)
    old = current_generation(index_dir)
    path, ix = _new_generation(index_dir)
    try:
        count = 0
        for batch in _batches(records, BUILD_BATCH):
            done = count
            step = None if progress is None else (lambda n, done=done: progress(done + n))
            count += index_records(ix, batch, step, procs=procs, replace=False)
    except BaseException:
        ix.close()
        shutil.rmtree(path, ignore_errors=True)
        raise
    ix.close()
    _point_to(index_dir, path)
    if old is not None and old != path:
        shutil.rmtree(old, ignore_errors=True)
    return count


def rebuild_catalogue(
    index_dir: Path | str,
    catalogue: Catalogue,
    progress: Progress | None = None,
    procs: int = 2,
) -> int:
    """:func:`rebuild` from every record of ``catalogue``, then index again the works
    that changed while it ran (edited, ingested or withdrawn meanwhile), so the swap
    loses none of them.

    :returns: the number of expressions of the rebuild.
    """
    started = utc_now()
    count = rebuild(index_dir, catalogue.iter_records(), progress, procs)
    changed = changed_since(catalogue, started)
    if changed:
        ix = open_or_create(index_dir)
        try:
            for item in changed:
                if item.withdrawn:
                    delete_work(ix, item.work_id)
                else:
                    update_work(ix, catalogue.get_record(item.work_id))
        finally:
            ix.close()
    return count


def _batches(records: Iterable[Record], size: int) -> Iterator[Iterator[Record]]:
    """Consecutive runs of ``size`` records, read lazily (the caller consumes each run
    before asking for the next), so reading overlaps indexing."""
    it = iter(records)
    for first in it:
        yield chain((first,), islice(it, size - 1))


def indexed_stamps(ix: FileIndex) -> dict[str, str]:
    """``{expression_id: stamp}`` of the live documents of the index."""
    out: dict[str, str] = {}
    with ix.searcher() as searcher:
        for leaf, _offset in searcher.leaf_searchers():
            reader = leaf.reader()
            ids = reader.column_reader(F.EXPRESSION_ID)
            stamps = reader.column_reader(F.STAMP)
            for docnum in reader.all_doc_ids():
                out[ids[docnum]] = stamps[docnum].decode("ascii", "replace")
    return out


def check(ix: FileIndex, records: Iterable[Record]) -> DriftReport:
    """Compare the index with the catalogue's records.

    :param ix: an open index.
    :param records: every record of the catalogue.
    """
    indexed = indexed_stamps(ix)
    expected = {e.expression_id: stamp(r, e) for r in records for e in r.expressions}
    missing = sorted(set(expected) - set(indexed))
    orphaned = sorted(set(indexed) - set(expected))
    stale = sorted(k for k in set(expected) & set(indexed) if expected[k] != indexed[k])
    return DriftReport(tuple(missing), tuple(stale), tuple(orphaned))


def repair(ix: FileIndex, records: Iterable[Record]) -> DriftReport:
    """Re-index the works with missing or stale documents and drop orphaned ones.

    :param ix: an open index.
    :param records: every record of the catalogue.
    :returns: the drift found before the repair.
    """
    records = list(records)
    report = check(ix, records)
    if report.ok:
        return report
    wanted = set(report.missing) | set(report.stale)
    to_index = [r for r in records if any(e.expression_id in wanted for e in r.expressions)]
    writer = _writer(ix)
    try:
        for expression_id in report.orphaned:
            writer.delete_by_term(F.EXPRESSION_ID, expression_id)
        for record in to_index:
            _add_record(writer, record, replace=True)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return report
