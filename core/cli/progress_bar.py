"""Drive a service generator with a progress bar on stderr (tqdm; hidden when not a terminal)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator
from typing import TypeVar

from tqdm import tqdm

from core.cli.terminal import safe
from core.services import Progress

T = TypeVar("T")


def drive(
    gen: Generator[Progress, None, T],
    *,
    desc: str,
    unit: str = "file",
    on_progress: Callable[[Progress], None] | None = None,
) -> T:
    """Run ``gen`` to its end, showing its progress; closing it if interrupted (Ctrl-C), so the
    service stops cleanly and the workspace stays consistent."""
    bar = tqdm(desc=desc, unit=unit, file=sys.stderr, disable=None, leave=False, dynamic_ncols=True)
    try:
        while True:
            try:
                point = next(gen)
            except StopIteration as stop:
                result: T = stop.value
                return result
            if bar.total != point.total:
                bar.total = point.total
            bar.n = point.done
            if point.message:
                bar.set_postfix_str(safe(point.message), refresh=False)
            bar.refresh()
            if on_progress is not None:
                on_progress(point)
    finally:
        gen.close()
        bar.close()
