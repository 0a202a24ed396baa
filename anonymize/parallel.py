"""Redaction in worker processes, for large batches on several cores.

spaCy's NER holds the GIL, so threads do not help; each worker process builds its own Redactor
once (start-up is paid once per worker, in parallel) and then redacts chunks of the batch.
Workers start with "forkserver", never by forking a process that may hold threads and locks
(the GUI's workers, the database thread). ``worker_init`` names a function ("module:function")
each worker runs first, e.g. the application's network guard.
"""

from __future__ import annotations

import importlib
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from anonymize.types import RedactionOptions, RedactionResult

_worker: Any = None


def _init(options: RedactionOptions) -> None:
    global _worker
    if options.worker_init:
        module, _, name = options.worker_init.partition(":")
        getattr(importlib.import_module(module), name)()
    from anonymize.redactor import Redactor

    _worker = Redactor(options)


def _work(texts: Sequence[str], languages: Sequence[str | None]) -> list[RedactionResult]:
    assert _worker is not None
    results: list[RedactionResult] = _worker.redact_many(texts, languages)
    return results


class RedactionPool:
    """A pool of worker processes, each with its own engine."""

    def __init__(self, options: RedactionOptions, processes: int) -> None:
        self.processes = processes
        context = multiprocessing.get_context("forkserver")
        self._executor = ProcessPoolExecutor(
            max_workers=processes,
            mp_context=context,
            initializer=_init,
            initargs=(replace(options, processes=1),),
        )

    def redact_many(
        self, texts: Sequence[str], languages: Sequence[str | None]
    ) -> list[RedactionResult]:
        size = max(1, -(-len(texts) // (self.processes * 4)))
        futures = [
            self._executor.submit(_work, texts[i : i + size], languages[i : i + size])
            for i in range(0, len(texts), size)
        ]
        return [result for future in futures for result in future.result()]

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
