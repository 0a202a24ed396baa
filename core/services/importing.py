"""Import resumes: sources -> sandboxed intake -> redaction -> encrypted workspace (-> encoder).

The stages overlap so that a batch runs about as fast as its slowest stage:

- intake runs in the pool's sandboxed worker processes, fed by one thread;
- redaction (Presidio, in this process) runs in a second thread;
- each finished file is stored by the generator itself, one transaction per file (the original
  bytes, the redaction mapping, the redacted text, warnings, the audit entry), then yielded;
- when the caller passes ``prepare=True``, a third thread encodes the redacted texts into the
  workspace's embedding cache (torch releases the GIL), so ranking later only reads the cache.

Closing the generator stops every stage: files stored so far stay, the file in flight is dropped
whole (its transaction never began), and the threads are joined before ``close()`` returns.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from core.errors import ModelError, UserError
from core.services.engines import Engines
from core.services.progress import Progress
from core.services.redacting import Prepared, redact_extraction

log = logging.getLogger(__name__)

Status = Literal["imported", "duplicate", "failed"]
_DONE = object()
_QUEUE_SIZE = 8
_ENCODE_BATCH = 4

#: Torch threads for encoding during an import (None: torch's own setting, all cores). On the
#: 2-core machine, one encoder thread (the other core left to redaction, storage and the intake
#: workers) measured no better than torch's two (paired runs, bench/pipeline.py --encode-threads).
ENCODE_THREADS: int | None = None


@contextlib.contextmanager
def _torch_threads(count: int | None) -> Iterator[None]:
    """Run the block with torch's intra-op thread count set to ``count`` (then restore it)."""
    torch = sys.modules.get("torch")
    if count is None or torch is None:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file. ``label`` is the path the user gave (personal: never logged)."""

    label: str
    candidate_id: int | None
    status: Status
    error: str = ""


@dataclass(frozen=True)
class ImportSummary:
    """The result of a finished import (a cancelled one returns nothing: its files so far are
    stored, and were reported one by one). ``encoded``: resumes encoded ahead of ranking."""

    outcomes: tuple[FileOutcome, ...] = ()
    cancelled: bool = False
    encoded: int = 0

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def imported(self) -> int:
        return self.count("imported")

    @property
    def duplicates(self) -> int:
        return self.count("duplicate")

    @property
    def failed(self) -> int:
        return self.count("failed")


@dataclass
class _Item:
    """A file on its way through the stages."""

    index: int
    source: Any
    sha256: str
    extraction: Any = None
    prepared: Prepared | None = None
    error: str = ""
    twins: list[Any] = field(default_factory=list)  # same bytes later in the batch


def import_paths(
    ws: Any,
    engines: Engines,
    paths: Iterable[Path | str],
    *,
    job_id: int | None = None,
    prepare: bool = True,
    actor: str = "",
) -> Generator[Progress, None, ImportSummary]:
    """Import files, folders and ZIPs. Yields ``Progress(item=FileOutcome)`` per file."""
    from core.intake import iter_sources

    sources = list(iter_sources([Path(p) for p in paths]))
    return (
        yield from import_sources(ws, engines, sources, job_id=job_id, prepare=prepare, actor=actor)
    )


def import_sources(
    ws: Any,
    engines: Engines,
    sources: Sequence[Any],
    *,
    job_id: int | None = None,
    prepare: bool = True,
    actor: str = "",
) -> Generator[Progress, None, ImportSummary]:
    """Import already-expanded sources (``label``, ``data``, ``error``); see ``import_paths``."""
    if job_id is not None:
        ws.jobs.get(job_id)  # a missing job is a NotFoundError before anything is written
    total = len(sources)
    outcomes: list[FileOutcome] = []

    def finish(outcome: FileOutcome) -> Progress:
        outcomes.append(outcome)
        return Progress(len(outcomes), total, outcome, outcome.status)

    # Stage 0, here: unreadable sources and duplicates never reach the workers.
    pending: list[_Item] = []
    first_of: dict[str, _Item] = {}
    for index, source in enumerate(sources):
        if source.error is not None or source.data is None:
            yield finish(FileOutcome(source.label, None, "failed", _message(source.error)))
            continue
        sha = hashlib.sha256(source.data).hexdigest()
        if sha in first_of:
            first_of[sha].twins.append(source)
            continue
        existing = ws.candidates.find_by_sha256(sha)
        if existing is not None:
            if job_id is not None:
                ws.candidates.attach(job_id, existing.id)
            yield finish(FileOutcome(source.label, existing.id, "duplicate"))
            continue
        item = _Item(index, source, sha)
        first_of[sha] = item
        pending.append(item)

    if not pending:
        return ImportSummary(tuple(outcomes))

    intake = engines.intake  # first: its worker processes warm up while the models load
    redactor = engines.redactor
    warm = _warmer(engines, ws) if prepare else None
    pipe = _Pipeline(intake, redactor, warm, pending)
    cancelled = True
    try:
        for item in pipe.results():
            outcome = _store(ws, item, job_id, actor)
            if outcome.candidate_id is not None and item.prepared is not None:
                pipe.encode(item.prepared.redacted_text)
            yield finish(outcome)
            for twin in item.twins:
                status: Status = "failed" if outcome.status == "failed" else "duplicate"
                yield finish(FileOutcome(twin.label, outcome.candidate_id, status, outcome.error))
        # The encoder may still be working through the last files: wait, still cancellable.
        pipe.end_of_input()
        while not pipe.join(timeout=0.5):
            yield Progress(len(outcomes), total, None, "encoding")
        encoded = pipe.encoded
        cancelled = False
    finally:
        if cancelled:
            pipe.stop()
    return ImportSummary(tuple(outcomes), cancelled=False, encoded=encoded)


def _message(error: object) -> str:
    if isinstance(error, UserError):
        return str(error)
    return "The file could not be read." if error is not None else "The file is empty."


def _store(ws: Any, item: _Item, job_id: int | None, actor: str) -> FileOutcome:
    label = item.source.label
    if item.prepared is None:
        return FileOutcome(label, None, "failed", item.error or "The file could not be read.")
    ex, pr = item.extraction, item.prepared
    with ws.transaction():
        candidate, created = ws.candidates.add(
            sha256=item.sha256,
            filename=ex.filename,
            media_type=ex.media_type,
            data=ex.data,
            text=ex.text,
            metadata=dict(ex.metadata),
            redacted_text=pr.redacted_text,
            redaction_mapping=pr.mapping,
            spans_json=pr.spans_json,
            language=pr.language,
            warnings=tuple(ex.warnings) + pr.warnings,
        )
        if job_id is not None:
            ws.candidates.attach(job_id, candidate.id)
        if created:
            subject: dict[str, int | str] = {"candidate_id": candidate.id}
            if job_id is not None:
                subject["job_id"] = job_id
            ws.audit.append("candidate.imported", actor, subject)
    return FileOutcome(label, candidate.id, "imported" if created else "duplicate")


def _warmer(engines: Engines, ws: Any) -> Callable[[list[str]], object] | None:
    """A function that encodes redacted texts into the workspace's embedding cache.

    Scoring against no requirements does exactly the encoding work (segments, embeddings, cache)
    and nothing else, so any scorer can warm its cache this way; a scorer may offer a dedicated
    ``prepare(texts)`` instead. None when the model cannot load: the import goes on, and ranking
    reports the model's problem."""
    try:
        scorer = engines.scorer(ws.embeddings)
    except ModelError as exc:
        log.warning("import without encoding ahead: %s", type(exc).__name__)
        return None
    prepare = getattr(scorer, "prepare", None)
    if callable(prepare):
        return prepare  # type: ignore[no-any-return]

    def warm(texts: list[str]) -> None:
        for _ in scorer.rank((), dict(enumerate(texts))):
            pass

    return warm


class _Pipeline:
    """The intake, redaction and encoding threads around the generator's own storing loop."""

    def __init__(
        self,
        intake: Any,
        redactor: Any,
        warm: Callable[[list[str]], object] | None,
        items: list[_Item],
    ) -> None:
        self._stop = threading.Event()
        self._extracted: queue.Queue[Any] = queue.Queue(_QUEUE_SIZE)
        self._redacted: queue.Queue[Any] = queue.Queue(_QUEUE_SIZE)
        self._to_encode: queue.Queue[Any] = queue.Queue(4 * _QUEUE_SIZE)
        self._warm = warm
        self._encoded = 0
        self._errors: list[BaseException] = []
        self._threads = [
            threading.Thread(target=self._intake, args=(intake, items), name="veil-import-intake"),
            threading.Thread(target=self._redact, args=(redactor,), name="veil-import-redact"),
        ]
        if warm is not None:
            self._threads.append(threading.Thread(target=self._encode, name="veil-import-encode"))
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

    def _intake(self, intake: Any, items: list[_Item]) -> None:
        by_source = {id(i.source): i for i in items}
        results: Iterator[tuple[Any, Any]] = intake.extract_many([i.source for i in items])
        try:
            for source, result in results:
                item = by_source[id(source)]
                if isinstance(result, BaseException):
                    item.error = _message(result)
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
            self._put(self._extracted, _DONE)

    def _redact(self, redactor: Any) -> None:
        try:
            while not self._stop.is_set():
                item = self._get(self._extracted)
                if item is None:
                    continue
                if item is _DONE:
                    break
                if item.extraction is not None:
                    try:
                        item.prepared = redact_extraction(redactor, item.extraction)
                    except UserError as exc:
                        item.error = str(exc)
                    except Exception as exc:  # noqa: BLE001 - one file fails, not the batch
                        log.error(
                            "redaction failed on file #%d: %s", item.index, type(exc).__name__
                        )
                        item.error = "Redaction failed on this file (internal error)."
                if not self._put(self._redacted, item):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the generator's thread
            self._errors.append(exc)
        finally:
            self._put(self._redacted, _DONE)

    def _encode(self) -> None:
        with _torch_threads(ENCODE_THREADS):
            self._encode_all()

    def _encode_all(self) -> None:
        assert self._warm is not None
        batch: list[str] = []
        done = False
        while not done and not self._stop.is_set():
            text = self._get(self._to_encode)
            if text is None:
                continue
            if text is _DONE:
                done = True
            else:
                batch.append(text)
                while len(batch) < _ENCODE_BATCH:
                    try:
                        more = self._to_encode.get_nowait()
                    except queue.Empty:
                        break
                    if more is _DONE:
                        done = True
                        break
                    batch.append(more)
            if batch and not self._stop.is_set():
                try:
                    self._warm(batch)
                    self._encoded += len(batch)
                except Exception as exc:  # noqa: BLE001 - a cache miss only: ranking encodes anyway
                    log.error("encoding ahead of ranking failed: %s", type(exc).__name__)
                batch = []

    def _get(self, q: queue.Queue[Any]) -> Any:
        try:
            return q.get(timeout=0.1)
        except queue.Empty:
            return None

    # --- the generator's side ------------------------------------------------------------------
    def results(self) -> Iterator[_Item]:
        while True:
            item = self._get(self._redacted)
            if item is None:
                self._raise_errors()
                continue
            if item is _DONE:
                self._raise_errors()
                return
            yield item

    def encode(self, text: str) -> None:
        if self._warm is not None:
            self._put(self._to_encode, text)

    def end_of_input(self) -> None:
        """Every file is stored: the encoder finishes what it has, then stops."""
        if self._warm is not None:
            self._put(self._to_encode, _DONE)

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

    def _raise_errors(self) -> None:
        if self._errors:
            raise self._errors[0]
