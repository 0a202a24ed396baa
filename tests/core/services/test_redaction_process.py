"""The redaction child process, with the real Presidio engine inside it."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core import child_process
from core.errors import RedactionError
from core.services import Engines, import_paths, run_to_end
from core.services import redaction_process as rp
from core.services.redaction_process import RedactionProcess

pytestmark = pytest.mark.slow

RESUME = (
    "Imogen Thistlewood\n"
    "imogen.thistlewood@example.org | +44 20 7946 0958\n"
    "Data engineer in Leeds. Built Kafka and Spark pipelines for a retail bank.\n"
)
CHINESE = "姓名：欧阳晓岚\n手机：13912345678\n负责数据仓库建设。"


@pytest.fixture(scope="module")
def process() -> Iterator[RedactionProcess]:
    with RedactionProcess() as proc:
        proc.wait_ready()
        yield proc


def _pid(proc: RedactionProcess) -> int:
    assert proc._process is not None
    return proc._process.pid


def test_the_child_redacts_exactly_as_the_engine_in_process(process: RedactionProcess) -> None:
    from anonymize import Redactor

    texts = [RESUME, CHINESE, ""]
    languages: list[str | None] = [None, "zh", None]
    got = process.redact_many(texts, languages)
    want = Redactor().redact_many(texts, languages)
    assert [r.text for r in got] == [r.text for r in want]
    assert [r.spans for r in got] == [r.spans for r in want]
    assert [r.mapping for r in got] == [r.mapping for r in want]
    assert [r.language for r in got] == ["en", "zh", "en"]
    assert "Thistlewood" not in got[0].text
    assert "Kafka" in got[0].text
    assert "13912345678" not in got[1].text
    assert process.redact(RESUME).text == got[0].text


def test_a_dead_child_fails_the_call_in_flight_and_the_next_call_starts_a_fresh_one(
    process: RedactionProcess,
) -> None:
    first = _pid(process)
    os.kill(first, signal.SIGKILL)
    with pytest.raises(RedactionError, match="stopped"):
        process.redact(RESUME)
    again = process.redact(RESUME)
    assert "Thistlewood" not in again.text
    assert _pid(process) != first


def test_a_hung_child_is_killed_after_its_deadline(
    process: RedactionProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    process.wait_ready()
    hung = _pid(process)
    monkeypatch.setattr(rp, "BASE_TIMEOUT", 0.5)
    monkeypatch.setattr(rp, "SECONDS_PER_TEXT", 0.0)
    os.kill(hung, signal.SIGSTOP)
    started = time.monotonic()
    with pytest.raises(RedactionError, match="too long"):
        process.redact(RESUME)
    assert time.monotonic() - started < 15
    with pytest.raises(ProcessLookupError):  # killed, and reaped
        os.kill(hung, 0)
    monkeypatch.undo()
    assert "Thistlewood" not in process.redact(RESUME).text


def test_close_ends_the_child() -> None:
    proc = RedactionProcess()
    proc.wait_ready()
    pid = _pid(proc)
    proc.close()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert proc._process is None


def test_the_child_gets_no_passphrase_and_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VEIL_PASSPHRASE", "correct horse battery staple")
    env = child_process.environment("1")
    assert "VEIL_PASSPHRASE" not in env
    assert env["HF_HUB_OFFLINE"] == "1"
    assert env["OMP_NUM_THREADS"] == env["OPENBLAS_NUM_THREADS"] == "1"


def test_import_reports_files_whose_redaction_process_died_and_goes_on(
    ws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child dies whenever it is handed one of the files: that file fails with a clear
    message and nothing of it is stored; the others import through a fresh child."""
    real = RedactionProcess.redact_many

    def dying(self: RedactionProcess, texts: Any, languages: Any = None) -> Any:
        if any("Zanzibar-7" in text for text in texts):
            self.wait_ready()
            os.kill(_pid(self), signal.SIGKILL)
        return real(self, texts, languages)

    monkeypatch.setattr(RedactionProcess, "redact_many", dying)
    for name, extra in (("a.txt", "Welder."), ("b.txt", "Project Zanzibar-7."), ("c.txt", "Cook.")):
        (tmp_path / name).write_text(RESUME + extra + "\n", encoding="utf-8")
    with Engines(redactor=RedactionProcess(), scorer_factory=_no_scorer) as engines:
        summary = run_to_end(import_paths(ws, engines, [tmp_path], prepare=False))
    by_name = {Path(o.label).name: o for o in summary.outcomes}
    assert by_name["b.txt"].status == "failed"
    assert "redaction engine stopped" in by_name["b.txt"].error
    assert by_name["a.txt"].status == by_name["c.txt"].status == "imported"
    stored = ws.candidates.list()
    assert len(stored) == 2
    assert not any("Zanzibar" in c.redacted_text for c in stored)


def _no_scorer(encoder: Any, cache: Any) -> Any:
    raise AssertionError("not used: the import does not encode here")
