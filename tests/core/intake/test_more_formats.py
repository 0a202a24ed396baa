"""ODT, RTF, a ZIP of every format through the pool, and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.cli import main
from core.intake import Extraction, IntakePool, iter_sources
from core.intake.limits import Limits
from core.intake.parse import parse
from tests.core.intake import fixtures as fx


def test_odt_paragraphs_table_and_metadata() -> None:
    media_type, parsed = parse(fx.odt_bytes(), "cv.odt", Limits())
    assert media_type == "application/vnd.oasis.opendocument.text"
    fx.assert_in_order(
        parsed.text,
        ["Casey Fern", "Quality engineer", "Selenium | Playwright", "References on request."],
    )
    assert parsed.metadata == {"creator": "Casey Fern"}


def test_rtf_code_page_and_unicode() -> None:
    _, parsed = parse(fx.rtf_bytes(), "cv.rtf", Limits())
    assert parsed.text.splitlines() == [
        "Taylor Brook",
        "Data engineer, café analytics team",
        "Skills: Spark, Airflow",
        "Unicode name: 日本",
    ]


def test_chinese_rtf_with_ansi_code_page() -> None:
    body = "李娜 测试工程师".encode("gbk")
    escaped = "".join(f"\\'{b:02x}" for b in body).encode()
    data = rb"{\rtf1\ansi\ansicpg936 " + escaped + rb"\par}"
    _, parsed = parse(data, "cv.rtf", Limits())
    assert parsed.text == "李娜 测试工程师"


def test_zip_of_every_format(pool: IntakePool, tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    archive.write_bytes(fx.zip_of_all())
    sources = [s for s in iter_sources([archive]) if not s.label.endswith(".png")]  # OCR: own tests
    assert len(sources) == 7
    results = {Path(source.label).name: result for source, result in pool.extract_many(sources)}
    assert sorted(results) == [
        "chinese.pdf", "gb.txt", "resume.odt", "resume.rtf", "tables.docx", "two_column.pdf",
        "utf16.txt",
    ]  # fmt: skip
    assert all(isinstance(r, Extraction) for r in results.values())
    texts = {name: r.text for name, r in results.items() if isinstance(r, Extraction)}
    languages = {name: r.language for name, r in results.items() if isinstance(r, Extraction)}
    assert languages["chinese.pdf"] == languages["gb.txt"] == "zh"
    assert languages["two_column.pdf"] == languages["resume.odt"] == "en"
    assert "北京星河科技有限公司" in texts["chinese.pdf"]
    assert "软件测试工程师" in texts["gb.txt"]
    assert "Site reliability engineer" in texts["utf16.txt"]
    assert "Selenium | Playwright" in texts["resume.odt"]
    assert "Award | Engineer of the year 2021" in texts["tables.docx"]
    fx.assert_in_order(texts["two_column.pdf"], ["State University 2014", "EXPERIENCE"])


def test_cli_extract_prints_text_and_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "cv.docx"
    good.write_bytes(fx.docx_bytes())
    assert main(["extract", str(good), "--info"]) == 0
    out, err = capsys.readouterr()
    fx.assert_in_order(out, ["Riley Stone", "Core skills | Terraform and AWS", "Footer note"])
    assert "type: application/vnd.openxmlformats" in err
    bad = tmp_path / "locked.pdf"
    bad.write_bytes(fx.encrypted_pdf())
    assert main(["extract", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "password-protected" in err
