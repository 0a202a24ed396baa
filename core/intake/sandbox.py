"""Pooled, sandboxed intake workers.

Each worker is a child process (``python -m core.intake.worker``) that parses one file at a time
under RLIMIT_CPU and RLIMIT_AS; the parent adds a wall-clock timeout and kills a worker that
hangs. A crash, hang or limit hit costs only that child: the file gets a clear error and the next
file gets a fresh worker. Bytes travel through pipes; nothing is written to disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any

from core import child_process
from core.errors import IntakeError
from core.intake import protocol
from core.intake.errors import FileTooLargeError, ResourceLimitError, rebuild
from core.intake.limits import DEFAULT_LIMITS, Limits
from core.intake.model import Extraction, Source

log = logging.getLogger(__name__)

_START_TIMEOUT = 120.0
_JOBS_PER_WORKER = 500


def _worker_env() -> dict[str, str]:
    # A worker reads hostile files: it gets no secrets (the workspace passphrase) to leak.
    return child_process.environment(os.environ.get("VEIL_INTAKE_THREADS", "1"))


def worker_command() -> list[str]:
    """How to start a worker. A frozen app's executable accepts the same ``-m`` form
    (packaging/entry.py runs ``core.intake.worker`` for it)."""
    return child_process.command("core.intake.worker")


class _Worker:
    def __init__(self) -> None:
        self.process = child_process.start(worker_command(), _worker_env())
        self.ready = False
        self.jobs = 0
        self.retired = False  # the worker said it must not be reused (e.g. after MemoryError)

    def _wait_ready(self) -> None:
        if self.ready:
            return
        assert self.process.stdout is not None
        try:
            reply = protocol.read_json_until(
                self.process.stdout.fileno(), time.monotonic() + _START_TIMEOUT
            )
        except (protocol.ChannelClosed, protocol.ChannelTimeout, ValueError):
            self.kill()
            raise IntakeError(
                "The document reader could not start.", hint="See the log for details."
            ) from None
        self.ready = bool(reply.get("ready"))

    def run(self, data: bytes, filename: str, limits: Limits) -> dict[str, Any]:
        self._wait_ready()
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        header = json.dumps({"filename": filename, "limits": limits.to_dict()}).encode()
        deadline = time.monotonic() + limits.wall_seconds
        self.jobs += 1
        try:
            protocol.write_frame(self.process.stdin, header)
            protocol.write_frame(self.process.stdin, data)
            # OCR pages each bring their own time; the child cannot extend beyond this bound.
            extra = limits.max_ocr_pages * limits.ocr_seconds_per_page
            while True:
                reply = protocol.read_json_until(self.process.stdout.fileno(), deadline)
                if "extend" not in reply:
                    self.retired = bool(reply.get("fatal"))
                    return reply
                grant = min(float(reply["extend"]), extra)
                extra -= grant
                deadline += grant
        except protocol.ChannelTimeout:
            self.kill()
            raise ResourceLimitError(
                f"Reading this file took longer than {limits.wall_seconds:g} s; it was stopped.",
                hint="It may be damaged or hostile.",
            ) from None
        except (protocol.ChannelClosed, BrokenPipeError, ValueError, OSError):
            code = self.kill()
            raise _death_error(code) from None

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> int | None:
        return child_process.kill(self.process)

    def close(self) -> None:
        child_process.close(self.process, grace=2)


def _death_error(code: int | None) -> ResourceLimitError:
    if code == -signal.SIGXCPU or code == -signal.SIGKILL:
        return ResourceLimitError(
            "Reading this file used more CPU time than allowed; it was stopped.",
            hint="It may be damaged or hostile.",
        )
    if code == 3:
        return ResourceLimitError("This file needed more memory than allowed; it was not read.")
    return ResourceLimitError(
        "The document reader failed on this file (it crashed or ran out of memory).",
        hint="It may be damaged or hostile.",
    )


def _extraction(reply: dict[str, Any], data: bytes, filename: str) -> Extraction:
    if not reply.get("ok"):
        raise rebuild(str(reply.get("kind")), str(reply.get("message")), str(reply.get("hint", "")))
    warnings = reply.get("warnings") or []
    metadata = reply.get("metadata") or {}
    return Extraction(
        text=str(reply["text"]),
        language=str(reply.get("language") or "und"),
        pages=int(reply.get("pages") or 1),
        warnings=tuple(str(w) for w in warnings),
        metadata={str(k): str(v) for k, v in dict(metadata).items()},
        filename=filename,
        media_type=str(reply.get("media_type")),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
    )


def _name_of(label: str) -> str:
    return label.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


class IntakePool:
    """Pooled sandboxed workers; a context manager. Thread-safe."""

    def __init__(self, size: int | None = None, limits: Limits | None = None) -> None:
        self.size = max(1, size if size is not None else min(os.cpu_count() or 2, 4))
        self.limits = limits or DEFAULT_LIMITS
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._count = 0
        self._workers: set[_Worker] = set()
        self._closed = False

    def __enter__(self) -> IntakePool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> None:
        """Start all workers now (they warm up in parallel) instead of on first use."""
        with self._lock:
            while self._count < self.size and not self._closed:
                self._spawn_locked()

    def _spawn_locked(self) -> None:
        worker = _Worker()
        self._workers.add(worker)
        self._count += 1
        self._idle.put(worker)

    def _acquire(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise IntakeError("The document reader was closed.")
            if self._idle.empty() and self._count < self.size:
                self._spawn_locked()
        worker = self._idle.get()
        if worker.alive():
            return worker
        self._release(worker)  # died while idle: replaced, and the file goes to a live one
        return self._acquire()

    def _release(self, worker: _Worker) -> None:
        with self._lock:
            keep = (
                worker.alive()
                and not worker.retired
                and worker.jobs < _JOBS_PER_WORKER
                and not self._closed
            )
            if keep:
                self._idle.put(worker)
                return
            self._workers.discard(worker)
            self._count -= 1
            if not self._closed:  # a replacement, so that threads waiting in _acquire wake up
                self._spawn_locked()
        worker.close()

    def extract(self, data: bytes, filename: str) -> Extraction:
        """Read one file (raises an IntakeError subclass)."""
        if len(data) > self.limits.max_bytes:
            raise FileTooLargeError(self.limits.max_bytes)
        worker = self._acquire()
        try:
            reply = worker.run(data, filename, self.limits)
        finally:
            self._release(worker)
        return _extraction(reply, data, filename)

    def _extract_source(self, source: Source) -> Extraction | IntakeError:
        if source.error is not None:
            return source.error
        if source.data is None:
            return IntakeError("This file could not be read.")
        try:
            return self.extract(source.data, _name_of(source.label))
        except IntakeError as exc:
            return exc

    def extract_many(
        self, sources: Iterable[Source]
    ) -> Iterator[tuple[Source, Extraction | IntakeError]]:
        """Read many files in parallel; results come in input order. Closing the iterator
        stops the work (running files finish, queued ones are dropped)."""
        self.start()
        executor = ThreadPoolExecutor(max_workers=self.size, thread_name_prefix="veil-intake")
        pending: deque[tuple[Source, Future[Extraction | IntakeError]]] = deque()
        try:
            for source in sources:
                pending.append((source, executor.submit(self._extract_source, source)))
                while len(pending) > 2 * self.size:
                    done, future = pending.popleft()
                    yield done, future.result()
            while pending:
                done, future = pending.popleft()
                yield done, future.result()
        finally:
            executor.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
            self._count = 0
        for worker in workers:
            worker.close()


def extract(data: bytes, filename: str, limits: Limits | None = None) -> Extraction:
    """Read one file in a fresh sandboxed child process (raises an IntakeError subclass)."""
    with IntakePool(size=1, limits=limits) as pool:
        return pool.extract(data, filename)
