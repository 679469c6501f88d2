"""The ingest batch: files in, records in the catalogue, a report out.

Each file ends as ``ingested``, ``duplicate`` or ``rejected`` with a reason; one
bad file never aborts the batch. Extraction runs in worker processes under a
memory limit and a time limit per file; the catalogue is written only here, in
the parent process, one transaction per file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from ingest.assemble import FileFacts, WorkLookup, build_records
from ingest.extracted import Limits
from ingest.outcome import FileOutcome
from ingest.usermeta import GivenMetadata, load_sidecar
from ingest.worker import WorkerResult, init_worker, run_one
from library.errors import DocumentNotFound, LibraryError
from library.files import FileStore, sha256_of
from library.model import Work
from library.store import Catalogue, utc_now
from library.vocabulary import Vocabularies

SKIPPED_SUFFIXES = (".meta.json", ".csv")


@dataclass(frozen=True)
class Batch:
    """What to ingest and how.

    :param paths: files and folders (folders are walked, hidden entries skipped).
    :param jobs: worker processes; 0 runs extraction in this process (tests, debugging).
    """

    paths: tuple[Path, ...]
    given: GivenMetadata = field(default_factory=GivenMetadata)
    jobs: int = 1
    limits: Limits = field(default_factory=Limits)
    actor: str = ""


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The files named or found under the given paths, sorted, without sidecars.

    A path that does not exist is returned as is, so it is reported as rejected.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / f for f in sorted(files) if not f.startswith(".")]
        else:
            found.append(path)
    return [p for p in found if not p.name.lower().endswith(SKIPPED_SUFFIXES)]


def run(
    batch: Batch,
    catalogue: Catalogue,
    files: FileStore,
    vocab: Vocabularies,
    on_outcome: Callable[[FileOutcome], None] | None = None,
) -> list[FileOutcome]:
    """Ingest a batch and return one outcome per file (copies within the batch come last)."""
    outcomes: list[FileOutcome] = []
    seen: dict[str, str] = {}
    pending: list[tuple[Path, str, int, dict[str, str]]] = []
    later: list[FileOutcome] = []  # copies of files still being extracted in this batch
    for path in collect_files(batch.paths):
        outcome, job = _screen(path, batch, catalogue, vocab, seen)
        if outcome is not None and outcome.outcome == "duplicate" and not outcome.work_id:
            later.append(outcome)
        elif outcome is not None:
            _finish(outcome, catalogue, batch.actor, outcomes, on_outcome)
        elif job is not None:
            pending.append(job)
    for (path, sha, size, given), result in _extract_all(pending, batch, vocab):
        outcome = _store(path, sha, size, given, result, batch, catalogue, files)
        seen[sha] = outcome.work_id
        _finish(outcome, catalogue, batch.actor, outcomes, on_outcome)
    for outcome in later:
        original = seen.get(outcome.sha256, "")
        if original:
            outcome = replace(outcome, work_id=original)
        else:
            outcome = replace(
                outcome,
                outcome="rejected",
                reason="same bytes as a file rejected earlier in this batch",
            )
        _finish(outcome, catalogue, batch.actor, outcomes, on_outcome)
    return outcomes


def _screen(
    path: Path, batch: Batch, catalogue: Catalogue, vocab: Vocabularies, seen: dict[str, str]
) -> tuple[FileOutcome | None, tuple[Path, str, int, dict[str, str]] | None]:
    """Cheap checks before extraction: readable, within size, not a duplicate, metadata valid."""
    started = time.perf_counter()
    try:
        size = path.stat().st_size
        if size > batch.limits.max_bytes:
            reason = f"file is {size:,} bytes, over the {batch.limits.max_bytes:,}-byte limit"
            return FileOutcome.rejected(path, "", reason, _since(started)), None
        data = path.read_bytes()
    except OSError as exc:
        return FileOutcome.rejected(
            path, "", f"cannot read file: {exc.strerror or exc}", _since(started)
        ), None
    sha = sha256_of(data)
    if sha in seen:
        return FileOutcome.duplicate(
            path, sha, seen[sha], _since(started), "same bytes earlier in this batch"
        ), None
    existing_work = catalogue.work_for_file(sha)
    if existing_work is not None:
        seen[sha] = existing_work
        return FileOutcome.duplicate(
            path, sha, existing_work, _since(started), "already in the catalogue"
        ), None
    seen[sha] = ""
    try:
        given = {**load_sidecar(path, vocab), **batch.given.for_file(path, sha)}
    except LibraryError as exc:
        return FileOutcome.rejected(path, sha, str(exc), _since(started)), None
    return None, (path, sha, size, given)


def _extract_all(
    jobs: list[tuple[Path, str, int, dict[str, str]]], batch: Batch, vocab: Vocabularies
) -> Iterator[tuple[tuple[Path, str, int, dict[str, str]], WorkerResult]]:
    """Run extraction for every job, in order, in worker processes when asked."""
    if batch.jobs <= 0:
        for job in jobs:
            yield job, run_one(str(job[0]), batch.limits, vocab)
        return
    queue = list(jobs)
    while queue:
        with ProcessPoolExecutor(
            max_workers=batch.jobs, initializer=init_worker, initargs=(batch.limits.max_memory_mb,)
        ) as pool:
            futures: list[Future[WorkerResult]] = [
                pool.submit(run_one, str(job[0]), batch.limits, None, True) for job in queue
            ]
            done = 0
            try:
                for job, future in zip(queue, futures, strict=True):
                    yield job, future.result()
                    done += 1
            except BrokenProcessPool:
                # The worker running queue[done] died (memory limit, crash): reject
                # that file and start a new pool for the rest.
                job = queue[done]
                yield (
                    job,
                    WorkerResult.failed(
                        "extraction crashed its worker process (memory limit of "
                        f"{batch.limits.max_memory_mb} MB or a parser crash); the file may be damaged"
                    ),
                )
                done += 1
            queue = queue[done:]


def _store(
    path: Path,
    sha: str,
    size: int,
    given: dict[str, str],
    result: WorkerResult,
    batch: Batch,
    catalogue: Catalogue,
    files: FileStore,
) -> FileOutcome:
    if result.processed is None:
        return FileOutcome.rejected(path, sha, result.error, result.seconds)
    facts = FileFacts(sha, size, path.name, batch.actor, utc_now())
    work, expression, file = build_records(result.processed, given, facts, _lookup(catalogue))
    try:
        data = path.read_bytes()
        if sha256_of(data) != sha:
            raise LibraryError("file changed while it was being ingested; ingest it again")
        files.put(data)
        catalogue.add_document(work, expression, file, actor=batch.actor)
    except (OSError, LibraryError) as exc:
        return FileOutcome.rejected(path, sha, f"could not store: {exc}", result.seconds)
    return FileOutcome.ingested(
        path, work, expression, result.seconds, result.processed.pages, result.processed.format
    )


def _lookup(catalogue: Catalogue) -> WorkLookup:
    """What the catalogue holds under a work id: the work and its expression ids."""

    def lookup(work_id: str) -> tuple[Work | None, frozenset[str]]:
        try:
            return catalogue.get_work(work_id), frozenset(catalogue.expression_ids(work_id))
        except DocumentNotFound:
            return None, frozenset()

    return lookup


def _finish(
    outcome: FileOutcome,
    catalogue: Catalogue,
    actor: str,
    outcomes: list[FileOutcome],
    on_outcome: Callable[[FileOutcome], None] | None,
) -> None:
    catalogue.log_ingest(
        str(outcome.path), outcome.sha256, outcome.outcome, outcome.reason, outcome.work_id, actor
    )
    outcomes.append(outcome)
    if on_outcome is not None:
        on_outcome(outcome)


def _since(started: float) -> float:
    return time.perf_counter() - started
