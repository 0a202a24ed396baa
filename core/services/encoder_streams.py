"""How many encoding threads an import runs, and the interpreter's switch interval meanwhile.

``EncoderStreams`` decides how many threads encode and how many may work right now (one core
left to redaction while it runs), through the encoder's ``stream_limit``. The switch interval is
process-wide state: the first import to start shortens it, the last to end gives it back.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, Literal

#: The interpreter's thread switch interval during an import. An encoder stream needs the GIL
#: between torch operations; at Python's default (5 ms) it waits that long behind another thread
#: (the other stream, storage, the feeding threads) after each of its many short operations.
_SWITCH_INTERVAL = 0.0005


class EncoderStreams:
    """How many encoding threads run and may work now; sets the encoder's ``stream_limit`` for
    the import (each call one stream, plus one per thread that has finished; 0 once stopped)
    and gives the old one back."""

    def __init__(
        self,
        encoder: Any,
        policy: int | Literal["auto"] | None,
        redaction_over: threading.Event,
        stop: threading.Event,
    ) -> None:
        self._encoder = encoder if hasattr(encoder, "stream_limit") else None
        if self._encoder is None:  # a scorer without Veil's encoder: one thread, as it is
            policy = None
        torch = sys.modules.get("torch")
        cores = torch.get_num_threads() if torch is not None else 1
        self.allowed: Callable[[], int]
        if policy == "auto":
            self.workers = max(1, cores)
            busy = max(1, cores - 1)
            self.allowed = lambda: self.workers if redaction_over.is_set() else busy
        elif policy is not None:
            self.workers = max(1, policy)
            self.allowed = lambda: self.workers
        else:
            self.workers = 1
            self.allowed = lambda: 1
        self._finished = 0
        self._lock = threading.Lock()
        self._before = self._encoder.stream_limit if self._encoder is not None else None
        self.limit: Callable[[], int] | None = None
        if self._encoder is not None and policy is not None:
            self.limit = lambda: 0 if stop.is_set() else min(self.workers, 1 + self._finished)
            self._encoder.stream_limit = self.limit

    def finished(self) -> None:
        """An encoding thread has nothing left: its core goes to the others' calls."""
        with self._lock:
            self._finished += 1

    def restore(self) -> None:
        if self._encoder is not None and self.limit is not None:
            self._encoder.stream_limit = self._before


_switch_lock = threading.Lock()
_switch_users = 0
_switch_before = 0.0


def shorten_switch_interval() -> None:
    global _switch_users, _switch_before
    with _switch_lock:
        if _switch_users == 0:
            _switch_before = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_before, _SWITCH_INTERVAL))
        _switch_users += 1


def restore_switch_interval() -> None:
    global _switch_users
    with _switch_lock:
        _switch_users -= 1
        if _switch_users == 0:
            sys.setswitchinterval(_switch_before)
