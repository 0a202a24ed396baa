"""The threads of an import: intake, redaction and encoding around the generator's storing loop.

See ``core.services.importing`` for how the stages overlap; this module holds the stages
themselves (``Pipeline``), the file on its way through them (``Item``) and their batch sizes.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from core.errors import UserError
from core.services.encoder_streams import (
    EncoderStreams,
    restore_switch_interval,
    shorten_switch_interval,
)
from core.services.redacting import Prepared, redact_extractions

log = logging.getLogger(__name__)

DONE = object()
_QUEUE_SIZE = 8
#: Files redacted together at most (spaCy reads them as one batch): whatever intake has ready.
#: The redaction child spent about 7% less CPU per resume on batches of 16 than of 8 (median
#: of 6 paired runs); the queue from intake holds as many, at most 20 MB of original each.
_REDACT_BATCH = 16
#: Resumes encoded together at most: whatever storage has ready. The encoder sorts a batch's
#: segments by length and pads each forward pass to its longest, so small batches waste work:
#: padded tokens per resume on the generated bench set, 4 resumes: +23% over one sorted run of
#: all 200; 16: +7%; 32: +3% (+4% measured again on 200 TXT resumes, and 64: +2%). A cancel
#: stops a batch at its next forward pass, so a large one costs no waiting; an encoding thread
#: that runs out of work lends its core to the other's batch, so a large last batch leaves no
#: core idle.
_ENCODE_BATCH = 64
#: Encoding during an import: a number N runs N encoding threads, each one forward pass at a
#: time on one core; None runs one thread with the encoder's own setting (a pass per core);
#: "auto" runs one thread per core but leaves one core to redaction while it still has files
#: to redact (on 2 cores: one thread, then two). Each thread encodes whole batches (tokens,
#: forward passes, profiles, cache), so one thread's Python work overlaps another's passes;
#: once a thread has nothing left, the others' calls take its core (``stream_limit``), and a
#: cancel stops every call at its next forward pass.
ENCODE_THREADS: int | Literal["auto"] | None = "auto"


@dataclass
class Item:
    """A file on its way through the stages."""

    index: int
    source: Any
    sha256: str
    extraction: Any = None
    prepared: Prepared | None = None
    error: str = ""
    twins: list[str] = field(default_factory=list)  # labels of the same bytes later on


def redact_batch(redactor: Any, batch: list[Item]) -> None:
    """Redact the extracted files of ``batch`` together; each gets its result or its error."""
    todo = [item for item in batch if item.extraction is not None]
    if not todo:
        return
    results = redact_extractions(redactor, [item.extraction for item in todo])
    for item, result in zip(todo, results, strict=True):
        if isinstance(result, Prepared):
            item.prepared = result
        elif isinstance(result, UserError):
            item.error = str(result)
        else:  # one file fails, not the batch
            log.error("redaction failed on file #%d: %s", item.index, type(result).__name__)
            item.error = "Redaction failed on this file (internal error)."


def error_message(error: object) -> str:
    if isinstance(error, UserError):
        return str(error)
    return "The file could not be read." if error is not None else "The file is empty."


def drain(source: queue.Queue[Any], batch: list[Any], limit: int) -> bool:
    """Move what ``source`` holds right now into ``batch``, up to ``limit`` items; True when
    the end marker came (it is not added)."""
    while len(batch) < limit:
        try:
            more = source.get_nowait()
        except queue.Empty:
            return False
        if more is DONE:
            return True
        batch.append(more)
    return False


class Pipeline:
    """The intake, redaction and encoding threads around the generator's own storing loop.

    The generator ``feed``s files while ``has_room``, takes each finished one from ``result``
    (in the order fed), and says ``end_of_files`` after the last."""

    def __init__(
        self,
        intake: Any,
        redactor: Any,
        warm: Callable[[list[str]], object] | None,
        encoder: Any = None,
    ) -> None:
        self._stop = threading.Event()
        self._inbox: queue.Queue[Any] = queue.Queue(_QUEUE_SIZE)
        self._extracted: queue.Queue[Any] = queue.Queue(_REDACT_BATCH)
        self._redacted: queue.Queue[Any] = queue.Queue(_QUEUE_SIZE)
        # Unbounded: only redacted texts wait here (a few kB each), and redaction must not wait
        # for the encoder. It runs ahead on one core while the encoder, on the others, works
        # through the backlog; once redaction is done, the encoder takes every core.
        self._to_encode: queue.Queue[Any] = queue.Queue()
        self._warm = warm
        self._encoded = 0
        self._encoded_lock = threading.Lock()
        self._errors: list[BaseException] = []
        self._redaction_over = threading.Event()
        self._encode_over = threading.Event()  # the end marker came: no more texts
        self._streams = EncoderStreams(encoder, ENCODE_THREADS, self._redaction_over, self._stop)
        shorten_switch_interval()  # given back by release()
        self._released = False
        self._threads = [
            threading.Thread(target=self._intake, args=(intake,), name="veil-import-intake"),
            threading.Thread(target=self._redact, args=(redactor,), name="veil-import-redact"),
        ]
        if warm is not None:
            self._threads += [
                threading.Thread(
                    target=self._encode,
                    args=(index,),
                    name="veil-import-encode" + (f"-{index + 1}" if index else ""),
                )
                for index in range(self._streams.workers)
            ]
        for t in self._threads:
            t.daemon = True
            t.start()

    # --- stages --------------------------------------------------------------------------------
    def _put(self, q: queue.Queue[Any], value: object) -> bool:
        while not self._stop.is_set():
            try:
                q.put(value, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _fed(self, by_source: dict[int, Item]) -> Iterator[Any]:
        """The sources the generator feeds, until its end of files (or a stop)."""
        while not self._stop.is_set():
            item = self._get(self._inbox)
            if item is None:
                continue
            if item is DONE:
                return
            by_source[id(item.source)] = item
            yield item.source

    def _intake(self, intake: Any) -> None:
        by_source: dict[int, Item] = {}
        results: Iterator[tuple[Any, Any]] = intake.extract_many(self._fed(by_source))
        try:
            for source, result in results:
                item = by_source.pop(id(source))
                if isinstance(result, BaseException):
                    item.error = error_message(result)
                else:
                    item.extraction = result
                if not self._put(self._extracted, item):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the generator's thread
            self._errors.append(exc)
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
            self._put(self._extracted, DONE)

    def _redact(self, redactor: Any) -> None:
        try:
            done = False
            while not done and not self._stop.is_set():
                item = self._get(self._extracted)
                if item is None:
                    continue
                if item is DONE:
                    break
                batch = [item]  # and whatever else intake has ready
                done = drain(self._extracted, batch, _REDACT_BATCH)
                redact_batch(redactor, batch)
                for item in batch:
                    if not self._put(self._redacted, item):
                        return
        except BaseException as exc:  # noqa: BLE001 - handed to the generator's thread
            self._errors.append(exc)
        finally:
            self._redaction_over.set()
            self._put(self._redacted, DONE)

    def _encode(self, index: int) -> None:
        try:
            self._encode_all(index)
        finally:
            self._streams.finished()

    def _encode_all(self, index: int) -> None:
        """Encoding thread ``index``: batches of whatever storage has ready, while it may work."""
        assert self._warm is not None
        while not self._stop.is_set():
            if index >= self._streams.allowed():  # its core is redaction's for now
                if self._encode_over.is_set():
                    return
                self._stop.wait(0.05)
                continue
            text = self._get(self._to_encode)
            if text is None:
                if self._encode_over.is_set():
                    return
                continue
            batch: list[str] = []
            if text is DONE:
                self._encode_over.set()
            else:
                batch.append(text)
                if drain(self._to_encode, batch, _ENCODE_BATCH):
                    self._encode_over.set()
            if batch and not self._stop.is_set():
                try:
                    self._warm(batch)
                except Exception as exc:  # noqa: BLE001 - a cache miss only: ranking encodes anyway
                    if self._stop.is_set():  # cancelled between two forward passes
                        return
                    log.error("encoding ahead of ranking failed: %s", type(exc).__name__)
                else:
                    with self._encoded_lock:
                        self._encoded += len(batch)
            if self._encode_over.is_set():
                return

    def _get(self, q: queue.Queue[Any]) -> Any:
        try:
            return q.get(timeout=0.1)
        except queue.Empty:
            return None

    # --- the generator's side ------------------------------------------------------------------
    def has_room(self) -> bool:
        return not self._inbox.full()

    def feed(self, item: Item) -> None:
        self._put(self._inbox, item)

    def end_of_files(self) -> None:
        self._put(self._inbox, DONE)

    def result(self, timeout: float) -> Any:
        """The next finished file, ``DONE`` after the last, or None if none came in time."""
        try:
            item = self._redacted.get(timeout=timeout)
        except queue.Empty:
            item = None
        if item is None or item is DONE:
            self._raise_errors()
        return item

    def encode(self, text: str) -> None:
        if self._warm is not None:
            self._put(self._to_encode, text)

    def end_of_input(self) -> None:
        """Every file is stored: the encoder finishes what it has, then stops."""
        if self._warm is not None:
            self._put(self._to_encode, DONE)

    def join(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the stages to end; True when all have ended."""
        deadline = time.monotonic() + timeout
        for t in self._threads:
            t.join(max(0.0, deadline - time.monotonic()))
        self._raise_errors()
        return not any(t.is_alive() for t in self._threads)

    @property
    def encoded(self) -> int:
        return self._encoded

    def stop(self) -> None:
        """Cancel: stop every stage and wait for the threads (the file in flight is dropped)."""
        self._stop.set()
        for t in self._threads:
            t.join()

    def release(self) -> None:
        """The import is over (finished or cancelled): the switch interval goes back."""
        if not self._released:
            self._released = True
            self._streams.restore()
            restore_switch_interval()

    def _raise_errors(self) -> None:
        if self._errors:
            raise self._errors[0]
