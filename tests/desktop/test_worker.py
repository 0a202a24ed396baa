"""The background worker: progress, result, failure, and Cancel closing the generator."""

from __future__ import annotations

import threading
import time
from collections.abc import Generator
from typing import Any

from desktop.worker import GeneratorWorker, call_in_background


def counting(n: int, log: list[str], delay: float = 0.0) -> Generator[int, None, str]:
    try:
        for i in range(n):
            log.append(threading.current_thread().name)
            time.sleep(delay)
            yield i
        return "all done"
    except GeneratorExit:
        log.append("closed")
        raise


def test_progress_then_result_off_the_gui_thread(qtbot: Any) -> None:
    log: list[str] = []
    worker = GeneratorWorker(lambda: counting(5, log))
    seen: list[int] = []
    worker.signals.progress.connect(seen.append)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as result:
        worker.start()
    assert result.args == ["all done"]
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen == [0, 1, 2, 3, 4]
    assert threading.current_thread().name not in log


def test_cancel_closes_the_generator_at_the_next_yield(qtbot: Any) -> None:
    log: list[str] = []
    worker = GeneratorWorker(lambda: counting(1000, log, delay=0.01))
    finished: list[object] = []
    worker.signals.finished.connect(finished.append)
    worker.signals.progress.connect(lambda i: worker.cancel() if i == 3 else None)
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        worker.start()
    assert worker.wait(5)
    assert log[-1] == "closed"
    assert len(log) < 100
    assert finished == []


def test_failure_is_reported_not_lost(qtbot: Any) -> None:
    def boom() -> None:
        raise ValueError("bad input")

    worker = call_in_background(boom)
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as failed:
        worker.start()
    assert isinstance(failed.args[0], ValueError)


def test_each_worker_has_its_own_signals(qtbot: Any) -> None:
    first = call_in_background(lambda: 1)
    second = call_in_background(lambda: 2)
    assert first.signals is not second.signals
    got_first: list[object] = []
    first.signals.finished.connect(got_first.append)
    with qtbot.waitSignals([first.signals.done, second.signals.done], timeout=5000):
        first.start()
        second.start()
    assert got_first == [1]
