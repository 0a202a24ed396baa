"""The window stays responsive while a long scoring run works in the background."""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from core.services import create_job, import_paths, run_to_end
from desktop.preferences import Preferences
from tests.desktop.flow import create_workspace, open_window
from tests.desktop.resumes import JOB_POSTING, JOB_TITLE, write_resumes

SECONDS_PER_CANDIDATE = 0.5
MAX_GAP_S = 0.25  # work done on the GUI thread by mistake would stall it >= 0.5 s


def longest_gap(ticks: list[float]) -> float:
    return max((b - a for a, b in itertools.pairwise(ticks)), default=float("inf"))


def tick_for(qtbot: Any, seconds: float) -> list[float]:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.wait(int(seconds * 1000))
    timer.stop()
    return ticks


def test_event_loop_keeps_ticking_during_a_long_scoring_run(
    qtbot: Any, tmp_path: Path, make_engines: Any, prefs: Preferences
) -> None:
    path = tmp_path / "busy.veil"
    engines = make_engines(delay_s=SECONDS_PER_CANDIDATE)
    window = open_window(qtbot, path, engines, prefs)
    create_workspace(qtbot, window, path)
    ws = window.session.workspace
    job = create_job(ws, JOB_TITLE, JOB_POSTING)
    run_to_end(import_paths(ws, engines, write_resumes(tmp_path / "resumes"), job_id=job.id))
    window.workspace_view.reload()
    window.workspace_view.open_job(job.id)

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    ranking = window.workspace_view.ranking
    started = time.perf_counter()
    worker = ranking.rescore()
    assert worker is not None
    assert not ranking.cancel_button.isHidden()
    qtbot.waitUntil(lambda: ranking.worker is None, timeout=30000)
    elapsed = time.perf_counter() - started
    timer.stop()

    assert elapsed >= 5 * SECONDS_PER_CANDIDATE  # the run was long...
    assert ranking.model.rowCount() == 5
    longest = longest_gap(ticks)
    # what the machine alone imposes right now (other processes on a shared CI box), measured
    # the same way with nothing of ours running; the allowance never reaches one candidate's work
    idle = longest_gap(tick_for(qtbot, 1.0))
    allowed = min(max(MAX_GAP_S, idle + 0.1), 0.9 * SECONDS_PER_CANDIDATE)
    print(
        f"scoring run {elapsed:.2f} s, {len(ticks)} ticks, longest gap {longest * 1000:.0f} ms "
        f"(idle loop's longest gap {idle * 1000:.0f} ms, allowed {allowed * 1000:.0f} ms)"
    )
    assert longest < allowed  # ...and the event loop never stalled
    assert len(ticks) > elapsed / 0.1
    window.close()
