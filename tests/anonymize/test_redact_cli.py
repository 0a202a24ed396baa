"""``veil redact``: real intake, real redaction engine, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main

pytestmark = pytest.mark.slow

RESUME = """TUNDE BAKARE
Backend Developer | tunde.bakare@example.org | +234 803 555 0199

Tunde builds Kafka and Go services. He moved billing to PostgreSQL.
"""


def test_redact_json_lines_and_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "resume.txt"
    good.write_text(RESUME, encoding="utf-8")
    zh = tmp_path / "jianli.txt"
    zh.write_text("姓名：周晓明\n手机：13912345678\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code = main(["redact", "--json", str(good), str(missing), str(zh)])
    out, err = capsys.readouterr()
    assert code == 1  # one file failed, the others were still redacted
    assert "missing.txt" in err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [Path(line["path"]).name for line in lines] == ["resume.txt", "jianli.txt"]
    first = lines[0]
    assert "Tunde" not in first["redacted"]
    assert "tunde.bakare@example.org" not in first["redacted"]
    assert "Kafka" in first["redacted"]
    assert first["redacted"].startswith("<PERSON_1>")
    kinds = {span["type"] for span in first["spans"]}
    assert {"PERSON", "EMAIL", "PHONE", "GENDER"} <= kinds
    for span in first["spans"]:
        assert set(span) == {"type", "start", "end", "score"}
        assert 0 <= span["start"] < span["end"] <= len(RESUME)
    assert "周晓明" not in lines[1]["redacted"]
    assert "13912345678" not in lines[1]["redacted"]


def test_redact_plain_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "resume.txt"
    good.write_text(RESUME, encoding="utf-8")
    assert main(["redact", str(good)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<PERSON_1>\nBackend Developer | <EMAIL_1> | <PHONE_1>")
    assert "Tunde" not in out
