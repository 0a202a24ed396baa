"""Files, folders (recursive) and ZIPs into sources; batches through the pool."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from core.intake import (
    ArchiveError,
    Extraction,
    FileTooLargeError,
    IntakeError,
    IntakePool,
    Limits,
    SourceError,
    iter_sources,
)
from tests.core.intake import fixtures as fx


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_folder_recursive_sorted_and_junk_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "a.txt").write_text("Alpha resume text")
    (tmp_path / "b" / "deep" / "c.docx").write_bytes(fx.docx_bytes())
    (tmp_path / "b" / "notes.xlsx").write_bytes(b"ignored")
    (tmp_path / ".DS_Store").write_bytes(b"junk")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden")
    sources = list(iter_sources([tmp_path]))
    assert [Path(s.label).relative_to(tmp_path).as_posix() for s in sources] == [
        "a.txt",
        "b/deep/c.docx",
    ]
    assert all(s.data and s.error is None for s in sources)


def test_zip_entries_nested_folders_and_nested_archive_refused(tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    entries = {
        "one/a.txt": b"First resume",
        "one/two/b.txt": b"Second resume",
        "inner.zip": _zip({"x.txt": b"x"}),
        "__MACOSX/._a.txt": b"junk",
    }
    archive.write_bytes(_zip(entries))
    sources = list(iter_sources([archive]))
    labels = [s.label.removeprefix(str(archive) + "/") for s in sources]
    assert labels == ["inner.zip", "one/a.txt", "one/two/b.txt"]
    assert isinstance(sources[0].error, ArchiveError)
    assert sources[1].data == b"First resume"


def test_missing_path_and_size_cap(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    missing, too_big = iter_sources([tmp_path / "nope.pdf", big], Limits(max_bytes=1000))
    assert isinstance(missing.error, SourceError)
    assert isinstance(too_big.error, FileTooLargeError)
    assert too_big.data is None


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "cv.txt"
    os.mkfifo(fifo)
    (source,) = iter_sources([tmp_path])
    assert isinstance(source.error, SourceError)


def test_workers_do_not_inherit_the_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    from core.intake.sandbox import _worker_env

    monkeypatch.setenv("VEIL_PASSPHRASE", "correct horse battery staple")
    env = _worker_env()
    assert "VEIL_PASSPHRASE" not in env
    assert env["HF_HUB_OFFLINE"] == "1"
    assert env["ORT_DISABLE_TELEMETRY"] == "1"


def test_extract_many_keeps_order_and_reports_errors(pool: IntakePool, tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text("Resume one: welder")
    (tmp_path / "2.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "3.docx").write_bytes(fx.docx_bytes())
    (tmp_path / "4.txt").write_text("Resume one: welder")  # same content as 1.txt
    results = list(pool.extract_many(iter_sources([tmp_path])))
    assert [Path(s.label).name for s, _ in results] == ["1.txt", "2.pdf", "3.docx", "4.txt"]
    first, broken, docx, duplicate = (r for _, r in results)
    assert isinstance(first, Extraction)
    assert first.text == "Resume one: welder"
    assert isinstance(broken, IntakeError)
    assert "damaged" in str(broken)
    assert isinstance(docx, Extraction)
    assert "Tailspin Toys" in docx.text
    assert isinstance(duplicate, Extraction)
    assert duplicate.sha256 == first.sha256


def test_entries_are_listed_without_reading_and_read_one_at_a_time(tmp_path: Path) -> None:
    from core.intake import iter_entries

    (tmp_path / "a.txt").write_text("Alpha resume text")
    (tmp_path / "b.txt").write_text("Beta resume text")
    (tmp_path / "c.zip").write_bytes(_zip({"x.txt": b"Gamma resume", "y.txt": b"Delta resume"}))
    entries = list(iter_entries([tmp_path]))
    assert [Path(e.label).name for e in entries] == ["a.txt", "b.txt", "x.txt", "y.txt"]
    # nothing was read at listing time: content written afterwards is what a read returns
    (tmp_path / "a.txt").write_text("Alpha, rewritten")
    (tmp_path / "b.txt").unlink()
    first, gone, x, y = (e.read() for e in entries)
    assert first.data == b"Alpha, rewritten"
    assert gone.data is None
    assert isinstance(gone.error, SourceError)
    assert (x.data, y.data) == (b"Gamma resume", b"Delta resume")
    assert [s.data for s in iter_sources([tmp_path / "c.zip"])] == [x.data, y.data]
