"""Text-layer PDF (reading order), DOCX (tables, header, text box), plain text encodings."""

from __future__ import annotations

import pytest

from core.intake import IntakePool, PasswordProtectedError
from core.intake.limits import Limits
from core.intake.parse import parse
from tests.core.intake import fixtures as fx


@pytest.mark.parametrize("mode", ["rows", "columns", "sidebar"])
def test_two_column_pdf_reads_each_column_in_order(mode: str) -> None:
    media_type, parsed = parse(fx.two_column_pdf(mode), "cv.pdf", Limits())
    assert media_type == "application/pdf"
    fx.assert_in_order(parsed.text, [*fx.HEADER, *fx.LEFT, *fx.RIGHT, "References available"])
    # no line mixes the two columns
    for line in parsed.text.splitlines():
        assert not (any(x in line for x in fx.LEFT) and any(x in line for x in fx.RIGHT))
    assert parsed.metadata["author"] == "Jordan Avery Quill"


def test_designer_template_sidebar_then_main_column() -> None:
    _, parsed = parse(fx.designer_pdf(), "cv.pdf", Limits())
    fx.assert_in_order(" ".join(parsed.text.split()), fx.DESIGNER_LINES)


def test_repeated_header_and_page_numbers_are_removed() -> None:
    _, parsed = parse(fx.multipage_pdf(pages=3), "cv.pdf", Limits())
    assert parsed.pages == 3
    assert "Curriculum Vitae" not in parsed.text
    assert "of 3" not in parsed.text
    fx.assert_in_order(
        parsed.text, ["Page 1 item 1:", "Page 1 item 40:", "Page 2 item 1:", "Page 3 item 40:"]
    )


def test_chinese_pdf() -> None:
    _, parsed = parse(fx.chinese_pdf(), "简历.pdf", Limits())
    fx.assert_in_order(
        parsed.text, ["张伟 个人简历", "工作经历", "北京星河科技有限公司", "清华大学"]
    )
    assert "求职意向:高级数据工程师" in parsed.text  # NFKC folds the full-width colon


def test_page_cap() -> None:
    from core.intake import TooManyPagesError

    with pytest.raises(TooManyPagesError):
        parse(fx.multipage_pdf(pages=3, lines_per_page=2), "cv.pdf", Limits(max_pages=2))


def test_encrypted_pdf_is_password_protected(pool: IntakePool) -> None:
    with pytest.raises(PasswordProtectedError, match="password-protected"):
        pool.extract(fx.encrypted_pdf(), "locked.pdf")


def test_docx_tables_header_footer_textbox_in_order() -> None:
    media_type, parsed = parse(fx.docx_bytes(), "cv.docx", Limits())
    assert media_type.endswith("wordprocessingml.document")
    fx.assert_in_order(
        parsed.text,
        [
            "Riley Stone | riley.stone@example.org",
            "Profile: platform engineer",
            "Core skills | Terraform and AWS",
            "Employment",
            "Lead Engineer at Tailspin Toys",
            "Migrated 40 services",
            "Award | Engineer of the year 2021",
            "Certifications follow:",
            "Certified Kubernetes Administrator",
            "Closing paragraph",
            "Footer note",
        ],
    )
    assert parsed.text.count("Certified Kubernetes Administrator") == 1  # no Fallback copy
    assert parsed.metadata["author"] == "Riley Stone"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (fx.UTF16_TEXT.encode("utf-16"), "Skills: Linux, Prometheus, Grafana"),
        (fx.UTF16_TEXT.encode("utf-16-le"), "Site reliability engineer"),
        (fx.UTF16_TEXT.encode("utf-16-be"), "Site reliability engineer"),
        (fx.GB_TEXT.encode("gb18030"), "熟悉自动化测试与性能测试,掌握 Python 与 Java"),
        (fx.GB_TEXT.encode("gbk"), "软件测试工程师"),
        (fx.CP1252_TEXT.encode("cp1252"), "Café manager – operations lead"),
        (fx.CP1252_TEXT.encode("utf-8-sig"), "naïve Bayes"),
    ],
)
def test_text_encodings(raw: bytes, expected: str) -> None:
    _, parsed = parse(raw, "cv.txt", Limits())
    assert expected in parsed.text


def test_pool_extracts_with_metadata_and_hash(pool: IntakePool) -> None:
    data = fx.two_column_pdf()
    result = pool.extract(data, "Jordan_Quill.pdf")
    assert result.data == data
    assert result.filename == "Jordan_Quill.pdf"
    assert result.media_type == "application/pdf"
    assert result.language == "en"
    assert result.pages == 1
    assert len(result.sha256) == 64
    assert result.metadata["title"] == "Resume"
    assert "Jordan_Quill" not in repr(result)
    assert "Northwind" not in repr(result)
    fx.assert_in_order(result.text, ["SKILLS", "State University 2014", "EXPERIENCE"])


def test_module_extract_and_wrong_extension() -> None:
    from core.intake import extract

    result = extract(fx.docx_bytes(), "resume.pdf")  # content decides, not the name
    assert result.media_type.endswith("wordprocessingml.document")
    assert "Tailspin Toys" in result.text


def test_word_breaks_drawn_as_gaps_become_spaces() -> None:
    """Real resume PDFs often draw the space between words as a gap with no space character:
    the words must not come out glued ("FinancialAccountant"), on wide and on narrow gaps."""
    _, parsed = parse(fx.gap_spaced_pdf(), "gaps.pdf", Limits())
    line = "Financial Accountant specializing in reporting of the Department of Defense budgets"
    lines = parsed.text.splitlines()
    assert lines.count(line) == 2, parsed.text
    assert "EXPERIENCE" in lines  # a letter-spaced heading stays one word
