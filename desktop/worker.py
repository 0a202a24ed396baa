"""Run a service generator off the GUI thread, with progress and Cancel.

Services do long work as plain generators that yield ``Progress`` and return a result
(``Generator[Progress, None, R]``). ``GeneratorWorker`` drives one such generator on a pool
thread: each ``yield`` is a progress point and a cancellation point. Cancel sets a flag; at the
next yield the worker closes the generator *on its own thread* (``gen.close()`` raises
``GeneratorExit`` inside it, so the service cleans up) and reports ``cancelled``.

The signal object is created per worker instance (a class-level signal holder shared by all
runnables is a classic bug: every worker would talk to every listener).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

YieldT = TypeVar("YieldT")
ReturnT = TypeVar("ReturnT")


class WorkerSignals(QObject):
    """The signals of one worker. Emitted from the pool thread, delivered queued on the GUI."""

    progress = Signal(object)  # core.services.Progress (or whatever the generator yields)
    finished = Signal(object)  # the generator's return value
    failed = Signal(object)  # the exception
    cancelled = Signal()
    done = Signal()  # always last, after exactly one of finished / failed / cancelled


class _Runnable(QRunnable):
    def __init__(self, worker: GeneratorWorker[Any, Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._worker = worker

    def run(self) -> None:
        self._worker._run()


class GeneratorWorker(Generic[YieldT, ReturnT]):
    """One run of one generator. Create a new worker for every run.

    Generic over what the generator yields and returns, as superqt's ``GeneratorWorker`` is
    (the signals themselves carry ``object``: Qt signals are not generic).

    ``factory`` is called on the pool thread, so even the generator's set-up (model loading,
    opening files) happens off the GUI thread.
    """

    def __init__(
        self, factory: Callable[[], Generator[YieldT, None, ReturnT]], *, name: str = "work"
    ) -> None:
        self.signals = WorkerSignals()
        self.name = name
        self._factory = factory
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._started = False

    # --- control (GUI thread) ----------------------------------------------------------------

    def start(self, pool: QThreadPool | None = None) -> GeneratorWorker[YieldT, ReturnT]:
        if self._started:
            raise RuntimeError("a GeneratorWorker runs once; create a new one")
        self._started = True
        (pool or worker_pool()).start(_Runnable(self))
        return self

    def cancel(self) -> None:
        """Ask the generator to stop at its next yield."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._started and not self._finished.is_set()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the run ended (True) or the timeout passed (False)."""
        if not self._started:
            return True
        return self._finished.wait(timeout_s)

    # --- the run (pool thread) ---------------------------------------------------------------

    def _run(self) -> None:
        signals = self.signals
        try:
            if self._cancel.is_set():
                signals.cancelled.emit()
                return
            gen = self._factory()
            while True:
                try:
                    item = next(gen)
                except StopIteration as stop:
                    signals.finished.emit(stop.value)
                    return
                if self._cancel.is_set():
                    gen.close()
                    log.info("%s cancelled", self.name)
                    signals.cancelled.emit()
                    return
                signals.progress.emit(item)
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI, never lost
            signals.failed.emit(exc)
        finally:
            self._finished.set()
            signals.done.emit()


def call_in_background(
    fn: Callable[[], ReturnT], *, name: str = "call"
) -> GeneratorWorker[None, ReturnT]:
    """A worker for a plain function (no progress): its return value comes with ``finished``."""

    def factory() -> Generator[None, None, ReturnT]:
        return fn()
        yield  # pragma: no cover - makes this a generator

    return GeneratorWorker(factory, name=name)


_pool: QThreadPool | None = None


def worker_pool() -> QThreadPool:
    """Veil's own thread pool (so that locking and quitting can wait for exactly our work)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(4)
    return _pool


def alive(*objects: QObject) -> bool:
    """Whether every Qt object still exists. A result handler that is a lambda is not
    disconnected when its widget is deleted (window closed while a read was running), so it
    asks this before touching the widget."""
    return all(shiboken6.isValid(obj) for obj in objects)
