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
  (``import_pipeline.ENCODE_THREADS``).

Closing the generator stops every stage: files stored so far stay, the file in flight is dropped
whole (its transaction never began), and the threads are joined before ``close()`` returns.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from core.errors import ModelError
from core.services.engines import Engines
from core.services.import_pipeline import DONE, Item, Pipeline, error_message
from core.services.progress import Progress

if TYPE_CHECKING:
    from core.storage import Workspace

log = logging.getLogger(__name__)

Status = Literal["imported", "duplicate", "failed"]


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


class Sink(Protocol):
    """Where an import's files are stored: candidates (the default), or another kind of record
    (employees' documents, ``core.services.people``) through the same intake and redaction."""

    @property
    def cache(self) -> Any:
        """The embedding cache the redacted texts are encoded into ahead of scoring."""

    def find(self, sha256: str) -> int | None:
        """The record already holding these bytes (a duplicate), if any."""

    def store(self, item: Item) -> FileOutcome:
        """Store one redacted file (one transaction) and say what became of it."""

    def text_to_encode(self, redacted_text: str) -> str:
        """What scoring will read of a stored file (encoded ahead into ``cache``)."""


class CandidateSink:
    """Candidates, put on ``job_id``'s list when given."""

    def __init__(self, ws: Workspace, job_id: int | None = None, actor: str = "") -> None:
        if job_id is not None:
            ws.jobs.get(job_id)  # a missing job is a NotFoundError before anything is written
        self.ws, self.job_id, self.actor = ws, job_id, actor

    @property
    def cache(self) -> Any:
        return self.ws.embeddings

    def find(self, sha256: str) -> int | None:
        existing = self.ws.candidates.find_by_sha256(sha256)
        if existing is None:
            return None
        if self.job_id is not None:
            self.ws.candidates.attach(self.job_id, existing.id)
        return existing.id

    def store(self, item: Item) -> FileOutcome:
        return _store(self.ws, item, self.job_id, self.actor)

    def text_to_encode(self, redacted_text: str) -> str:
        return redacted_text


def import_paths(
    ws: Workspace,
    engines: Engines,
    paths: Iterable[Path | str],
    *,
    job_id: int | None = None,
    prepare: bool = True,
    actor: str = "",
    sink: Sink | None = None,
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
            ws,
            engines,
            sources,
            total=len(entries),
            job_id=job_id,
            prepare=prepare,
            actor=actor,
            sink=sink,
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
    sink: Sink | None = None,
) -> Generator[Progress, None, ImportSummary]:
    """Import sources (``label``, ``data``, ``error``); see ``import_paths``. ``sources`` may
    be a lazy iterable, taken one at a time as the pipeline has room; ``total``, its length,
    is then needed for the progress points (a sequence gives its own). ``sink``: where the
    files go (default: candidates, on ``job_id``'s list when given)."""
    if sink is None:
        sink = CandidateSink(ws, job_id, actor)
    if total is None:
        sources = sources if isinstance(sources, Sequence) else list(sources)
        total = len(sources)
    run = _Run(ws, engines, sources, total, prepare, sink)
    cancelled = True
    try:
        while True:
            yield from run.feed()
            if run.pipe is None:
                break  # nothing needed reading
            item = run.pipe.result(timeout=0.1)
            if item is None:
                continue
            if item is DONE:
                break
            yield from run.store(item)
        if run.pipe is None:
            cancelled = False
            return ImportSummary(tuple(run.outcomes))
        # The encoder may still be working through the last files: wait, still cancellable.
        run.pipe.end_of_input()
        while not run.pipe.join(timeout=0.5):
            yield Progress(len(run.outcomes), total, None, "encoding")
        cancelled = False
    finally:
        if run.pipe is not None:
            if cancelled:
                run.pipe.stop()
            run.pipe.release()
    return ImportSummary(tuple(run.outcomes), cancelled=False, encoded=run.pipe.encoded)


class _Run:
    """One import's state: the outcomes so far, the files on their way through the stages,
    the pipeline (started with the first file that needs reading)."""

    def __init__(
        self,
        ws: Workspace,
        engines: Engines,
        sources: Iterable[Any],
        total: int,
        prepare: bool,
        sink: Sink,
    ) -> None:
        self.ws, self.engines, self.total, self.prepare, self.sink = (
            ws,
            engines,
            total,
            prepare,
            sink,
        )
        self.outcomes: list[FileOutcome] = []
        self.in_flight: dict[str, Item] = {}  # sha256 -> the file on its way through the stages
        self.failed: dict[str, str] = {}  # sha256 -> why that content failed earlier in this batch
        self.pipe: Pipeline | None = None
        self.remaining = iter(sources)
        self.more = True
        self.taken = 0

    def finish(self, outcome: FileOutcome) -> Progress:
        self.outcomes.append(outcome)
        return Progress(len(self.outcomes), self.total, outcome, outcome.status)

    def feed(self) -> Iterator[Progress]:
        """Stage 0, here: unreadable sources and duplicates never reach the workers; the rest
        go into the pipeline while it has room."""
        while self.more and (self.pipe is None or self.pipe.has_room()):
            source: Any = next(self.remaining, DONE)
            if source is DONE:
                self.more = False
                if self.pipe is not None:
                    self.pipe.end_of_files()
                break
            self.taken += 1
            if source.error is not None or source.data is None:
                yield self.finish(
                    FileOutcome(source.label, None, "failed", error_message(source.error))
                )
                continue
            sha = hashlib.sha256(source.data).hexdigest()
            if sha in self.in_flight:
                self.in_flight[sha].twins.append(source.label)
                continue
            if sha in self.failed:
                yield self.finish(FileOutcome(source.label, None, "failed", self.failed[sha]))
                continue
            existing = self.sink.find(sha)
            if existing is not None:
                yield self.finish(FileOutcome(source.label, existing, "duplicate"))
                continue
            if self.pipe is None:
                self.pipe = self._start_pipe()
            item = Item(self.taken, source, sha)
            self.in_flight[sha] = item
            self.pipe.feed(item)

    def _start_pipe(self) -> Pipeline:
        engines = self.engines
        intake = engines.intake  # first: its workers warm up while models load
        redactor = engines.redactor
        if self.prepare:  # encode with the workspace's chosen encoder
            from core.services.models import bind_encoder

            bind_encoder(self.ws, engines)
        warm = _warmer(engines, self.sink.cache) if self.prepare else None
        encoder = engines.encoder if warm is not None else None
        return Pipeline(intake, redactor, warm, encoder)

    def store(self, item: Item) -> Iterator[Progress]:
        """A file out of the pipeline: stored (its twins as duplicates), then sent to encode."""
        del self.in_flight[item.sha256]
        outcome = self.sink.store(item)
        if outcome.status == "failed":
            self.failed[item.sha256] = outcome.error
        if outcome.candidate_id is not None and item.prepared is not None and self.pipe is not None:
            self.pipe.encode(self.sink.text_to_encode(item.prepared.redacted_text))
        yield self.finish(outcome)
        for twin in item.twins:
            status: Status = "failed" if outcome.status == "failed" else "duplicate"
            yield self.finish(FileOutcome(twin, outcome.candidate_id, status, outcome.error))


def _store(ws: Workspace, item: Item, job_id: int | None, actor: str) -> FileOutcome:
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


def _warmer(engines: Engines, cache: Any) -> Callable[[list[str]], object] | None:
    """A function that encodes redacted texts into the workspace's embedding cache.

    Scoring against no requirements does exactly the encoding work (segments, embeddings, cache)
    and nothing else, so any scorer can warm its cache this way; a scorer may offer a dedicated
    ``prepare(texts)`` instead. None when the model cannot load: the import goes on, and ranking
    reports the model's problem."""
    try:
        scorer = engines.scorer(cache)
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
