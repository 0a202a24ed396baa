"""Import resumes: sources -> sandboxed intake -> redaction -> encrypted workspace (-> encoder).

The stages overlap so that a batch runs about as fast as its slowest stage (the encoder):

- the generator reads each source only when the pipeline has room for it (memory holds the
  files in flight, not the batch), and sorts out unreadable files and duplicates itself;
- intake runs in the pool's sandboxed worker processes, fed by one thread;
- redaction runs in its own child process (``redaction_process``: Presidio and spaCy hold the
  interpreter lock, which the encoder thread needs between its torch operations), fed by a
  second thread with whatever files intake has ready (spaCy reads them as one batch);
- each finished file is stored by the generator itself, one transaction per file (the original
  bytes, the redaction mapping, the redacted text, warnings, the audit entry), then yielded;
- when the caller passes ``prepare=True``, encoding threads encode the redacted texts into the
  workspace's embedding cache (torch releases the GIL), so ranking later only reads the cache.
  Redaction never waits for them: while redaction runs, encoding leaves it one core; afterwards
  there is one encoding thread per core, each running one forward pass at a time
  (``ENCODE_THREADS``).

Closing the generator stops every stage: files stored so far stay, the file in flight is dropped
whole (its transaction never began), and the threads are joined before ``close()`` returns.
"""

from __future__ import annotations

import hashlib
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from core.errors import ModelError, UserError
from core.services.engines import Engines
from core.services.progress import Progress
from core.services.redacting import Prepared, redact_extractions

if TYPE_CHECKING:
    from core.storage import Workspace

log = logging.getLogger(__name__)

Status = Literal["imported", "duplicate", "failed"]
_DONE = object()
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
#: The interpreter's thread switch interval during an import. An encoder stream needs the GIL
#: between torch operations; at Python's default (5 ms) it waits that long behind another thread
#: (the other stream, storage, the feeding threads) after each of its many short operations.
_SWITCH_INTERVAL = 0.0005

#: Encoding during an import: a number N runs N encoding threads, each one forward pass at a
#: time on one core; None runs one thread with the encoder's own setting (a pass per core);
#: "auto" runs one thread per core but leaves one core to redaction while it still has files
#: to redact (on 2 cores: one thread, then two). Each thread encodes whole batches (tokens,
#: forward passes, profiles, cache), so one thread's Python work overlaps another's passes;
#: once a thread has nothing left, the others' calls take its core (``stream_limit``), and a
#: cancel stops every call at its next forward pass.
ENCODE_THREADS: int | Literal["auto"] | None = "auto"


class _EncoderStreams:
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


def _shorten_switch_interval() -> None:
    global _switch_users, _switch_before
    with _switch_lock:
        if _switch_users == 0:
            _switch_before = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_before, _SWITCH_INTERVAL))
        _switch_users += 1


def _restore_switch_interval() -> None:
    global _switch_users
    with _switch_lock:
        _switch_users -= 1
        if _switch_users == 0:
            sys.setswitchinterval(_switch_before)


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
    twins: list[str] = field(default_factory=list)  # labels of the same bytes later on


def import_paths(
    ws: Workspace,
    engines: Engines,
    paths: Iterable[Path | str],
    *,
    job_id: int | None = None,
    prepare: bool = True,
    actor: str = "",
) -> Generator[Progress, None, ImportSummary]:
    """Import files, folders and ZIPs. Yields ``Progress(item=FileOutcome)`` per file.

    The batch is listed first (names and sizes only, for the progress total); each file is
    read only when the pipeline has room for it, so memory holds the files in flight, not the
    batch."""
    from core.intake import iter_entries

    entries = list(iter_entries([Path(p) for p in paths]))
    sources = (entry.read() for entry in entries)
    return (
        yield from import_sources(
            ws, engines, sources, total=len(entries), job_id=job_id, prepare=prepare, actor=actor
        )
    )


def import_sources(
    ws: Workspace,
    engines: Engines,
    sources: Iterable[Any],
    *,
    total: int | None = None,
    job_id: int | None = None,
    prepare: bool = True,
    actor: str = "",
) -> Generator[Progress, None, ImportSummary]:
    """Import sources (``label``, ``data``, ``error``); see ``import_paths``. ``sources`` may
    be a lazy iterable, taken one at a time as the pipeline has room; ``total``, its length,
    is then needed for the progress points (a sequence gives its own)."""
    if job_id is not None:
        ws.jobs.get(job_id)  # a missing job is a NotFoundError before anything is written
    if total is None:
        sources = sources if isinstance(sources, Sequence) else list(sources)
        total = len(sources)
    outcomes: list[FileOutcome] = []

    def finish(outcome: FileOutcome) -> Progress:
        outcomes.append(outcome)
        return Progress(len(outcomes), total, outcome, outcome.status)

    in_flight: dict[str, _Item] = {}  # sha256 -> the file on its way through the stages
    failed: dict[str, str] = {}  # sha256 -> why that content failed earlier in this batch
    pipe: _Pipeline | None = None
    remaining = iter(sources)
    more = True
    taken = 0
    cancelled = True
    try:
        while True:
            # Stage 0, here: unreadable sources and duplicates never reach the workers.
            while more and (pipe is None or pipe.has_room()):
                source: Any = next(remaining, _DONE)
                if source is _DONE:
                    more = False
                    if pipe is not None:
                        pipe.end_of_files()
                    break
                taken += 1
                if source.error is not None or source.data is None:
                    yield finish(FileOutcome(source.label, None, "failed", _message(source.error)))
                    continue
                sha = hashlib.sha256(source.data).hexdigest()
                if sha in in_flight:
                    in_flight[sha].twins.append(source.label)
                    continue
                if sha in failed:
                    yield finish(FileOutcome(source.label, None, "failed", failed[sha]))
                    continue
                existing = ws.candidates.find_by_sha256(sha)
                if existing is not None:
                    if job_id is not None:
                        ws.candidates.attach(job_id, existing.id)
                    yield finish(FileOutcome(source.label, existing.id, "duplicate"))
                    continue
                if pipe is None:
                    intake = engines.intake  # first: its workers warm up while models load
                    redactor = engines.redactor
                    if prepare:  # encode with the workspace's chosen encoder
                        from core.services.models import bind_encoder

                        bind_encoder(ws, engines)
                    warm = _warmer(engines, ws) if prepare else None
                    encoder = engines.encoder if warm is not None else None
                    pipe = _Pipeline(intake, redactor, warm, encoder)
                item = _Item(taken, source, sha)
                in_flight[sha] = item
                pipe.feed(item)
            if pipe is None:
                break  # nothing needed reading
            item = pipe.result(timeout=0.1)
            if item is None:
                continue
            if item is _DONE:
                break
            del in_flight[item.sha256]
            outcome = _store(ws, item, job_id, actor)
            if outcome.status == "failed":
                failed[item.sha256] = outcome.error
            if outcome.candidate_id is not None and item.prepared is not None:
                pipe.encode(item.prepared.redacted_text)
            yield finish(outcome)
            for twin in item.twins:
                status: Status = "failed" if outcome.status == "failed" else "duplicate"
                yield finish(FileOutcome(twin, outcome.candidate_id, status, outcome.error))
        if pipe is None:
            cancelled = False
            return ImportSummary(tuple(outcomes))
        # The encoder may still be working through the last files: wait, still cancellable.
        pipe.end_of_input()
        while not pipe.join(timeout=0.5):
            yield Progress(len(outcomes), total, None, "encoding")
        cancelled = False
    finally:
        if pipe is not None:
            if cancelled:
                pipe.stop()
            pipe.release()
    return ImportSummary(tuple(outcomes), cancelled=False, encoded=pipe.encoded)


def _redact_batch(redactor: Any, batch: list[_Item]) -> None:
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


def _message(error: object) -> str:
    if isinstance(error, UserError):
        return str(error)
    return "The file could not be read." if error is not None else "The file is empty."


def _store(ws: Workspace, item: _Item, job_id: int | None, actor: str) -> FileOutcome:
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


def _warmer(engines: Engines, ws: Workspace) -> Callable[[list[str]], object] | None:
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
    # the real Scorer's ``embeddings`` builds and caches the profiles and scores nothing
    prepare = getattr(scorer, "prepare", None) or getattr(scorer, "embeddings", None)
    if callable(prepare):
        return prepare  # type: ignore[no-any-return]

    def warm(texts: list[str]) -> None:
        for _ in scorer.rank((), dict(enumerate(texts))):
            pass

    return warm


def _drain(source: queue.Queue[Any], batch: list[Any], limit: int) -> bool:
    """Move what ``source`` holds right now into ``batch``, up to ``limit`` items; True when
    the end marker came (it is not added)."""
    while len(batch) < limit:
        try:
            more = source.get_nowait()
        except queue.Empty:
            return False
        if more is _DONE:
            return True
        batch.append(more)
    return False


class _Pipeline:
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
        self._streams = _EncoderStreams(encoder, ENCODE_THREADS, self._redaction_over, self._stop)
        _shorten_switch_interval()  # given back by release()
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

    def _fed(self, by_source: dict[int, _Item]) -> Iterator[Any]:
        """The sources the generator feeds, until its end of files (or a stop)."""
        while not self._stop.is_set():
            item = self._get(self._inbox)
            if item is None:
                continue
            if item is _DONE:
                return
            by_source[id(item.source)] = item
            yield item.source

    def _intake(self, intake: Any) -> None:
        by_source: dict[int, _Item] = {}
        results: Iterator[tuple[Any, Any]] = intake.extract_many(self._fed(by_source))
        try:
            for source, result in results:
                item = by_source.pop(id(source))
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
            done = False
            while not done and not self._stop.is_set():
                item = self._get(self._extracted)
                if item is None:
                    continue
                if item is _DONE:
                    break
                batch = [item]  # and whatever else intake has ready
                done = _drain(self._extracted, batch, _REDACT_BATCH)
                _redact_batch(redactor, batch)
                for item in batch:
                    if not self._put(self._redacted, item):
                        return
        except BaseException as exc:  # noqa: BLE001 - handed to the generator's thread
            self._errors.append(exc)
        finally:
            self._redaction_over.set()
            self._put(self._redacted, _DONE)

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
            if text is _DONE:
                self._encode_over.set()
            else:
                batch.append(text)
                if _drain(self._to_encode, batch, _ENCODE_BATCH):
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

    def feed(self, item: _Item) -> None:
        self._put(self._inbox, item)

    def end_of_files(self) -> None:
        self._put(self._inbox, _DONE)

    def result(self, timeout: float) -> Any:
        """The next finished file, ``_DONE`` after the last, or None if none came in time."""
        try:
            item = self._redacted.get(timeout=timeout)
        except queue.Empty:
            item = None
        if item is None or item is _DONE:
            self._raise_errors()
        return item

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

    def release(self) -> None:
        """The import is over (finished or cancelled): the switch interval goes back."""
        if not self._released:
            self._released = True
            self._streams.restore()
            _restore_switch_interval()

    def _raise_errors(self) -> None:
        if self._errors:
            raise self._errors[0]
