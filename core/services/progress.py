"""Progress points yielded by the long-running services (import, rank).

A service is a plain generator: each ``yield Progress(...)`` is a progress point and a place where
the caller may stop (``gen.close()``); the generator's return value is the final result.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    """``done`` of ``total`` units finished; ``item`` the unit just finished (service-specific)."""

    done: int
    total: int
    item: object | None = None
    message: str = ""

    @property
    def fraction(self) -> float:
        return 1.0 if self.total <= 0 else min(1.0, self.done / self.total)


def run_to_end(gen: Generator[Progress, None, T]) -> T:
    """Drive a service generator to its end without showing progress; return its result."""
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            result: T = stop.value
            return result
