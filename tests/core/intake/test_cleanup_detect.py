"""Clean-up, language and format detection: pure functions, no sandbox."""

from __future__ import annotations

import pytest

from core.intake import detect
from core.intake.archive import is_unsafe_name
from core.intake.cleanup import clean_pages, clean_text
from core.intake.language import detect_language
from core.intake.layout import Segment, reading_order
from tests.core.intake import fixtures as fx


def test_nfkc_ligatures_invisible_and_whitespace() -> None:
    raw = "Ofﬁce  ﬂow\u00a0\u00a0manager\u200b\r\nＰｙｔｈｏｎ\t\tdev\u00ad\n\n\n\nend  "
    assert clean_text(raw) == "Office flow manager\nPython dev\n\nend"


def test_bullets_normalised() -> None:
    raw = "• Python\n\uf0b7 SQL\n▪ Go\n  - Rust\n* Kafka\n– Spark\nnot-a-bullet"
    assert clean_text(raw).splitlines() == [
        "- Python", "- SQL", "- Go", "- Rust", "- Kafka", "- Spark", "not-a-bullet",
    ]  # fmt: skip


def test_dehyphenation_only_for_broken_words() -> None:
    raw = "built a distri-\nbuted system\nfull-time role\nPython-\nDjango stack"
    assert clean_text(raw) == "built a distributed system\nfull-time role\nPython-\nDjango stack"


def test_repeated_headers_footers_and_page_numbers() -> None:
    pages = [
        f"Jane Roe — CV\nContent line {i} alpha\nMore content {i}\nPage {i + 1} of 3"
        for i in range(3)
    ]
    text = clean_pages(pages)
    assert "CV" not in text
    assert "of 3" not in text
    fx.assert_in_order(text, ["Content line 0", "More content 0", "Content line 2"])


def test_single_page_keeps_its_first_line() -> None:
    assert clean_pages(["Jane Roe\nEngineer\n3"]) == "Jane Roe\nEngineer"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Senior engineer with Python and Kubernetes experience", "en"),
        ("高级数据工程师，熟悉 Python、Spark 与 Kafka，负责数据平台", "zh"),
        ("張偉 資深工程師 負責 AWS 雲端平台", "zh"),
        ("ソフトウェアエンジニア として 東京 で働いています", "ja"),
        ("소프트웨어 엔지니어 서울 근무 경력 다수", "ko"),
        ("12345 --- !!!", "und"),
    ],
)
def test_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b"%PDF-1.7 ...", detect.PDF),
        (b"\x89PNG\r\n\x1a\n....", detect.PNG),
        (b"\xff\xd8\xff\xe0....", detect.JPEG),
        (b"II*\x00....", detect.TIFF),
        (b"{\\rtf1 hello}", detect.RTF),
        (b"Rar!\x1a\x07\x00", detect.ARCHIVE),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", detect.OLE),
        (b"PK\x03\x04 broken", detect.DAMAGED_ZIP),
        (b"plain words", detect.TEXT),
    ],
)
def test_magic_bytes(data: bytes, media_type: str) -> None:
    assert detect.sniff(data, "whatever.docx") == media_type


def test_office_containers_by_content() -> None:
    assert detect.sniff(fx.docx_bytes(), "cv.pdf") == detect.DOCX
    assert detect.sniff(fx.odt_bytes(), "cv.txt") == detect.ODT
    assert detect.sniff(fx.zip_of_all(), "cv.docx") == detect.ZIP
    assert detect.sniff(b"# Title", "cv.md") == detect.MARKDOWN


@pytest.mark.parametrize(
    ("name", "unsafe"),
    [
        ("../x.txt", True),
        ("a/../../x.txt", True),
        ("/etc/passwd", True),
        ("C:\\x.txt", True),
        ("..\\x.txt", True),
        ("a\x00.txt", True),
        ("folder/cv..final.pdf", False),
        ("folder/sub/cv.pdf", False),
    ],
)
def test_path_traversal_names(name: str, unsafe: bool) -> None:
    assert is_unsafe_name(name) is unsafe


def test_layout_three_columns_and_full_width_lines() -> None:
    segments = [Segment(0, 0, 500, 10, "Full width title")]
    for column, x in enumerate((0, 180, 360)):
        for row in range(4):
            y = 30 + 14 * row
            segments.append(Segment(x, y, x + 120, y + 10, f"c{column}r{row}"))
    segments.append(Segment(0, 200, 500, 210, "Full width footer"))
    order = reading_order(segments).split()
    words = [w for w in order if w.startswith("c")]
    assert words == [f"c{c}r{r}" for c in range(3) for r in range(4)]
    assert order[:3] == ["Full", "width", "title"]
    assert order[-3:] == ["Full", "width", "footer"]


def test_layout_single_column_with_right_aligned_dates_stays_row_wise() -> None:
    segments = []
    for row in range(6):
        y = 14 * row * 2
        segments.append(Segment(0, y, 200, y + 10, f"Job {row} at Company"))
        segments.append(Segment(420, y, 500, y + 10, f"20{10 + row}"))
        segments.append(Segment(0, y + 14, 500, y + 24, f"Long sentence describing job {row}"))
    lines = reading_order(segments).splitlines()
    assert lines[:3] == [
        "Job 0 at Company 2010",
        "Long sentence describing job 0",
        "Job 1 at Company 2011",
    ]


def test_garbled_text_layer_detection() -> None:
    from core.intake.pdf import _garbled

    assert _garbled("\ue001\ue002\ue003 \ue004\ue005\ue006\ue007 " * 5)
    assert _garbled("\ufffd" * 30 + "abc")
    assert not _garbled("\uf0b7 Python developer with ten years of experience in data work")
    assert not _garbled("")
