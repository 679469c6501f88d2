"""Extraction in a worker process, under a memory limit and a time limit per file."""

from __future__ import annotations

import resource
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from ingest.extracted import Limits
from ingest.process import Processed, process
from library.errors import LibraryError, LimitExceeded
from library.vocabulary import Vocabularies, load_vocabularies


@dataclass(frozen=True)
class WorkerResult:
    """Either a processed file or the reason it could not be processed."""

    processed: Processed | None
    error: str = ""
    seconds: float = 0.0

    @classmethod
    def failed(cls, error: str, seconds: float = 0.0) -> WorkerResult:
        return cls(None, error, seconds)


def init_worker(max_memory_mb: int) -> None:
    """Cap the worker's address space so one huge file cannot take the machine down."""
    limit = max_memory_mb * 1024 * 1024
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):  # not permitted here: the time limit still applies
        pass


class _TimeUp(LimitExceeded):
    """Raised by the alarm when a file's time limit has passed."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _TimeUp("extraction took longer than the time limit")


def run_one(
    path: str, limits: Limits, vocab: Vocabularies | None = None, use_alarm: bool = False
) -> WorkerResult:
    """Process one file; every failure becomes a reason, never an exception.

    :param vocab: the vocabularies; a worker process loads its own (once).
    :param use_alarm: enforce ``limits.max_seconds`` with SIGALRM (worker processes only).
    """
    vocab = vocab or load_vocabularies()
    started = time.perf_counter()
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limits.max_seconds)
    try:
        data = Path(path).read_bytes()
        return WorkerResult(process(data, limits, vocab), seconds=time.perf_counter() - started)
    except _TimeUp:
        return WorkerResult.failed(
            f"extraction took longer than {limits.max_seconds:g} s (time limit); "
            "the file may be damaged or very large",
            time.perf_counter() - started,
        )
    except LibraryError as exc:
        return WorkerResult.failed(str(exc), time.perf_counter() - started)
    except MemoryError:
        return WorkerResult.failed(
            f"extraction needed more than {limits.max_memory_mb} MB of memory",
            time.perf_counter() - started,
        )
    except RecursionError:
        return WorkerResult.failed(
            "document structure nested too deeply to read", time.perf_counter() - started
        )
    except Exception as exc:  # noqa: BLE001 - a parser bug must not abort the batch
        return WorkerResult.failed(
            f"unexpected {type(exc).__name__} while extracting: {exc}; please report it with the file",
            time.perf_counter() - started,
        )
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
