"""Import orchestration: stages, outcomes, duplicates, broken files, cancellation."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest

from core.errors import IntakeError
from core.services import Engines, FileOutcome, Progress, import_sources, run_to_end
from tests.core.services.fakes import FakeIntake, FakeRedactor, FakeSource, fake_scorer_factory


def _resume(i: int) -> bytes:
    return f"Resume {i}\nAlice wrote Python and SQL. Mail alice{i}@example.com\n".encode()


def _sources(n: int) -> list[FakeSource]:
    return [FakeSource(f"in/resume_{i}.txt", _resume(i)) for i in range(n)]


def _veil_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("veil-import-")]


def test_import_stores_redacted_and_reports_each_file(
    ws: Any, engines: Engines, job_id: int
) -> None:
    sources = [
        *_sources(3),
        FakeSource("in/broken.pdf", b"BROKEN pdf bytes"),
        FakeSource("in/unreadable.docx", None, IntakeError("This file type is not supported.")),
        FakeSource("in/copy_of_0.txt", _resume(0)),
    ]
    points: list[Progress] = []
    gen = import_sources(ws, engines, sources, job_id=job_id, actor="tester")
    while True:
        try:
            points.append(next(gen))
        except StopIteration as stop:
            summary = stop.value
            break
    outcomes = {o.label: o for o in summary.outcomes}
    assert (summary.imported, summary.duplicates, summary.failed) == (3, 1, 2)
    assert outcomes["in/broken.pdf"].error == "This file is damaged and cannot be read."
    assert outcomes["in/unreadable.docx"].error == "This file type is not supported."
    assert outcomes["in/copy_of_0.txt"].candidate_id == outcomes["in/resume_0.txt"].candidate_id
    per_file = [p for p in points if isinstance(p.item, FileOutcome)]
    assert [p.done for p in per_file] == list(range(1, 7))
    assert all(p.total == 6 for p in per_file)

    cid = outcomes["in/resume_1.txt"].candidate_id
    assert cid is not None
    candidate = ws.candidates.get(cid)
    assert "Alice" not in candidate.redacted_text
    assert "<PERSON_1>" in candidate.redacted_text
    assert "<EMAIL_1>" in candidate.redacted_text
    assert ws.candidates.mapping(cid)["<EMAIL_1>"] == "alice1@example.com"
    doc = ws.candidates.document(cid)
    assert doc.data == _resume(1)
    assert doc.filename == "resume_1.txt"
    assert sorted(ws.candidates.ids_for_job(job_id)) == sorted(
        o.candidate_id
        for o in summary.outcomes
        if o.candidate_id is not None and o.status == "imported"
    )
    imported_events = [e for e in ws.audit.list() if e.kind == "candidate.imported"]
    assert len(imported_events) == 3
    assert _veil_threads() == []


def test_reimport_is_all_duplicates_and_attaches_to_new_job(ws: Any, engines: Engines) -> None:
    run_to_end(import_sources(ws, engines, _sources(4)))
    other = ws.jobs.add("Other", "text", []).id
    again = run_to_end(import_sources(ws, engines, _sources(4), job_id=other))
    assert again.duplicates == 4
    assert again.imported == 0
    assert len(ws.candidates.list()) == 4
    assert len(ws.candidates.ids_for_job(other)) == 4


def test_redaction_runs_in_its_own_thread(ws: Any, counter: dict[str, int]) -> None:
    redactor = FakeRedactor()
    engines = Engines(
        intake=FakeIntake(), redactor=redactor, scorer_factory=fake_scorer_factory(counter)
    )
    run_to_end(import_sources(ws, engines, _sources(3)))
    assert redactor.threads == {"veil-import-redact"}
    assert counter["encoded"] == 3  # encoded ahead of ranking, in the encoder thread


def test_cancelled_import_keeps_finished_files_and_nothing_half_written(
    ws: Any, counter: dict[str, int]
) -> None:
    intake = FakeIntake(delay=0.02)
    engines = Engines(
        intake=intake, redactor=FakeRedactor(), scorer_factory=fake_scorer_factory(counter)
    )
    sources = _sources(30)
    gen = import_sources(ws, engines, sources, actor="tester")
    seen = [next(gen) for _ in range(4)]
    gen.close()
    assert _veil_threads() == []
    finished = [p.item for p in seen if isinstance(p.item, FileOutcome)]
    assert len(finished) == 4
    stored = ws.candidates.list()
    assert sorted(c.id for c in stored) == sorted(o.candidate_id for o in finished)
    assert all(c.redacted_text and "Alice" not in c.redacted_text for c in stored)
    assert intake.extracted < len(sources)  # the rest was never read
    assert len([e for e in ws.audit.list() if e.kind == "candidate.imported"]) == 4
    assert ws.audit.verify().ok
    # Resuming the batch imports the rest; the finished ones are duplicates.
    summary = run_to_end(import_sources(ws, engines, sources))
    assert (summary.imported, summary.duplicates) == (26, 4)


def test_file_name_and_metadata_are_redacted_and_their_names_removed_from_the_body(
    ws: Any, counter: dict[str, int]
) -> None:
    intake = FakeIntake(metadata={"author": "Carol Okafor"})
    engines = Engines(
        intake=intake, redactor=FakeRedactor(), scorer_factory=fake_scorer_factory(counter)
    )
    body = b"CAROL OKAFOR\nData engineer. Carol okafor built pipelines in Python.\n"
    summary = run_to_end(import_sources(ws, engines, [FakeSource("cv/Carol_Okafor_CV.txt", body)]))
    cid = summary.outcomes[0].candidate_id
    text = ws.candidates.get(cid).redacted_text
    assert "carol" not in text.lower()
    assert "okafor" not in text.lower()
    assert "Data engineer." in text
    mapping = ws.candidates.mapping(cid)
    assert {"Carol", "Okafor"} <= set(mapping.values())


def test_a_failing_redaction_fails_that_file_only(ws: Any, counter: dict[str, int]) -> None:
    class Flaky(FakeRedactor):
        def redact(self, text: str, language: str | None = None) -> Any:
            if "poison" in text:
                raise RuntimeError("boom")
            return super().redact(text, language)

    engines = Engines(
        intake=FakeIntake(), redactor=Flaky(), scorer_factory=fake_scorer_factory(counter)
    )
    sources = [*_sources(2), FakeSource("in/poison.txt", b"poison pill resume")]
    summary = run_to_end(import_sources(ws, engines, sources))
    assert (summary.imported, summary.failed) == (2, 1)
    failed = next(o for o in summary.outcomes if o.status == "failed")
    assert "internal error" in failed.error
    assert "poison" not in failed.error


def test_import_goes_on_when_the_model_cannot_load(ws: Any) -> None:
    from core.errors import ModelError

    def broken(encoder: Any, cache: Any) -> Any:
        raise ModelError("The scoring model failed its integrity check.")

    engines = Engines(intake=FakeIntake(), redactor=FakeRedactor(), scorer_factory=broken)
    summary = run_to_end(import_sources(ws, engines, _sources(2)))
    assert summary.imported == 2
    assert summary.encoded == 0


def test_sources_are_taken_as_the_pipeline_has_room_not_all_at_once(
    ws: Any, engines: Engines
) -> None:
    taken = 0

    def lazy(n: int) -> Any:
        nonlocal taken
        for source in _sources(n):
            taken += 1
            yield source

    gen = import_sources(ws, engines, lazy(120), total=120)
    first = next(p for p in gen if isinstance(p.item, FileOutcome))
    assert first.total == 120
    assert taken < 60  # the files in flight, not the batch
    rest = [p for p in gen if isinstance(p.item, FileOutcome)]
    assert taken == 120
    assert len(rest) == 119
    assert len(ws.candidates.list()) == 120


def test_switch_interval_is_short_during_an_import_and_restored_after(
    ws: Any, engines: Engines
) -> None:
    import sys

    before = sys.getswitchinterval()
    gen = import_sources(ws, engines, _sources(3))
    next(gen)
    assert sys.getswitchinterval() < before
    run_to_end(gen)
    assert sys.getswitchinterval() == before
    cancelled = import_sources(ws, engines, _sources(6)[3:])
    next(cancelled)
    cancelled.close()
    assert sys.getswitchinterval() == before


def test_encoding_threads_leave_one_core_to_redaction_while_it_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from core.services import encoder_streams

    class FakeTorch:
        def __init__(self, threads: int) -> None:
            self.threads = threads

        def get_num_threads(self) -> int:
            return self.threads

    class Encoder:
        stream_limit: Any = None

    for cores, busy in ((2, 1), (8, 7), (1, 1)):
        monkeypatch.setitem(sys.modules, "torch", FakeTorch(cores))
        encoder, over, stop = Encoder(), threading.Event(), threading.Event()
        streams = encoder_streams.EncoderStreams(encoder, "auto", over, stop)
        assert streams.workers == cores
        assert streams.allowed() == busy
        assert encoder.stream_limit() == 1  # each thread's call: one forward pass at a time
        over.set()
        assert streams.allowed() == cores
        streams.finished()  # a thread with nothing left: its core joins the others' calls
        assert encoder.stream_limit() == min(2, cores)
        stop.set()
        assert encoder.stream_limit() == 0  # running calls stop at their next forward pass
        streams.restore()
        assert encoder.stream_limit is None
    encoder = Encoder()
    fixed = encoder_streams.EncoderStreams(encoder, 3, threading.Event(), threading.Event())
    assert (fixed.workers, fixed.allowed(), encoder.stream_limit()) == (3, 3, 1)
    fake = encoder_streams.EncoderStreams(object(), "auto", threading.Event(), threading.Event())
    assert fake.workers == 1  # a scorer without Veil's encoder keeps one thread
