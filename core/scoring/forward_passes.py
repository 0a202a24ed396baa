"""The encoder's forward passes: batches planned by length, run as parallel streams on a CPU.

One pass split across threads waits at every operation's barrier for the slowest thread (on
2 cores, two 1-thread streams took 3.3 s where one 2-thread pass took 4.2 s over the same 1,911
segments), so on a CPU each stream is one thread running whole batches. How many streams may
run is read again before each of the calling thread's batches (``limit``), so streams can join
a call already running, and a limit of 0 stops the call there (``EncodingStopped``).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence

BATCH_TOKENS = 8192  # padded tokens per forward pass (CPU cache friendly, bounded memory)
MAX_BATCH = 64


class EncodingStopped(Exception):
    """The caller's ``stream_limit`` fell to 0: the call stopped between batches."""


def plan_batches(lengths: Sequence[int], most: int = MAX_BATCH) -> list[list[int]]:
    """Indices grouped into forward passes: sorted by length, each batch grown while its
    padded size (longest * count) stays within ``BATCH_TOKENS``, at most ``most``."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    at = 0
    while at < len(order):
        end = at + 1
        while end < len(order) and end - at < most:
            width = lengths[order[end]]
            if width * (end - at + 1) > BATCH_TOKENS:
                break
            end += 1
        batches.append(order[at:end])
        at = end
    return batches


def batch_limit(count: int, streams: int) -> int:
    """Most pieces a batch: several batches a stream, so the streams end close together (48
    full windows in two batches of 32 and 16 left one of two streams idle for a third)."""
    return MAX_BATCH if streams <= 1 else max(1, min(MAX_BATCH, -(-count // (4 * streams))))


def run_streams(
    batches: Sequence[list[int]], embed: Callable[[list[int]], None], limit: Callable[[], int]
) -> None:
    """Run ``embed`` on every batch in up to ``limit()`` single-thread streams, the calling
    thread being one. Each stream takes the next batch when free, longest first: the last ones
    are the cheapest, so the streams end close together. torch's thread count is restored."""
    import torch

    before = torch.get_num_threads()
    todo = deque(batches)
    errors: list[BaseException] = []
    helpers: list[threading.Thread] = []

    def grow() -> None:
        want = min(limit(), len(todo))  # the calling thread is one, each helper one more
        while len(helpers) + 1 < want:
            helper = threading.Thread(
                target=stream,
                args=(False,),
                name=f"veil-encode-stream-{len(helpers) + 1}",
                daemon=True,
            )
            helpers.append(helper)
            helper.start()

    def stream(calling: bool) -> None:
        torch.set_num_threads(1)  # this thread's own operations, on its own core
        try:
            while todo and not errors:
                if calling:
                    if limit() <= 0:
                        raise EncodingStopped()
                    grow()
                try:
                    batch_ids = todo.pop()
                except IndexError:
                    return
                embed(batch_ids)
        except BaseException as exc:  # noqa: BLE001 - raised in the calling thread below
            errors.append(exc)

    try:
        stream(True)
    finally:
        for helper in helpers:
            helper.join()
        torch.set_num_threads(before)
    if errors:
        raise errors[0]
