"""Time from launching the desktop app to its window being visible (target: <= 2 s).

    .venv/bin/python bench/gui_startup.py [--runs N]

Each run starts a fresh ``python -m desktop.app`` with ``VEIL_STARTUP_PROBE=1`` in a throwaway
VEIL_HOME; the app prints when its main window has painted its first frame and quits. The
figure is the wall-clock time the parent sees from spawning the process to that line (so the
interpreter's start and every import count). Uses the X display when there is one (e.g. under
xvfb-run), else Qt's offscreen platform. Prints the median and the worst run, and the load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 2.0


def one_run() -> tuple[float, float]:
    env = dict(os.environ)
    env["VEIL_STARTUP_PROBE"] = "1"
    env["VEIL_HOME"] = tempfile.mkdtemp(prefix="veil-bench-")
    env.pop("VEIL_WORKSPACE", None)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    inside = float("nan")
    for line in proc.stdout:
        if line.startswith("window-visible"):
            seen = time.perf_counter() - started
            inside = float(line.split()[1])
            break
    else:
        proc.wait(30)
        raise RuntimeError(f"the app exited ({proc.returncode}) without showing its window")
    proc.wait(30)
    return seen, inside


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    one_run()  # warm the disk cache: a user's second launch, not a cold boot
    results = [one_run() for _ in range(args.runs)]
    walls = [r[0] for r in results]
    median = statistics.median(walls)
    platform = "x11" if os.environ.get("DISPLAY") else "offscreen"
    load = os.getloadavg()[0]
    print(
        f"gui startup ({platform}, {args.runs} runs, load {load:.2f}): launch -> window visible "
        f"median {median:.2f} s, worst {max(walls):.2f} s "
        f"(in-process from main(): median {statistics.median(r[1] for r in results):.2f} s); "
        f"target <= {TARGET_S:.1f} s: {'OK' if median <= TARGET_S else 'MISSED'}"
    )
    return 0  # a verdict, not a gate: shared machines are noisy (see the load printed)


if __name__ == "__main__":
    raise SystemExit(main())
