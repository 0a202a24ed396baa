"""Resource limits of the intake worker process (POSIX ``resource``), per file.

RLIMIT_CPU is cumulative over a process's life, so each file gets "CPU used so far + its
allowance"; RLIMIT_AS gets "address space in use now + its allowance". Only the soft limits
move, so the worker can raise them again for the next file.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_page_hook: Callable[[], None] | None = None


def vm_size() -> int:
    """The process's current address-space size in bytes (0 where unknown)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _capped(value: int, hard: int) -> int:
    return value if hard == resource.RLIM_INFINITY else min(value, hard)


def apply(cpu_seconds: int, memory_bytes: int) -> None:
    """Limit the next piece of work to ``cpu_seconds`` more CPU and ``memory_bytes`` more
    address space."""
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = _capped(int(cpu_used()) + cpu_seconds + 1, cpu_hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, cpu_hard))
    _, as_hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (_capped(vm_size() + memory_bytes, as_hard), as_hard))


def clear_memory_limit() -> None:
    _, as_hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (as_hard, as_hard))


@contextmanager
def trusted_allocation() -> Iterator[None]:
    """Lift the address-space limit while Veil loads its own code or models (the OCR engine),
    then give the file the same allowance on top of the new baseline."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        yield
        return
    allowance = max(soft - vm_size(), 0)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (_capped(vm_size() + allowance, hard), hard))


def grant_cpu(seconds: float) -> None:
    """Give the current piece of work ``seconds`` more CPU time."""
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if soft != resource.RLIM_INFINITY:
        resource.setrlimit(resource.RLIMIT_CPU, (_capped(soft + int(seconds), hard), hard))


def set_ocr_page_hook(hook: Callable[[], None] | None) -> None:
    """The worker's hook, called before each page or picture is OCRed (more time for it)."""
    global _page_hook
    _page_hook = hook


def ocr_page_started() -> None:
    if _page_hook is not None:
        _page_hook()
