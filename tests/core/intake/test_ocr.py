"""OCR of photos and scans (English and Chinese), in one sandboxed worker that loads the engine
once. The network guard is on in the worker (offline.install) and in this process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.intake import IntakePool, Limits
from core.intake.ocr import model_dir
from tests.core.intake import fixtures as fx

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def temp_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ocr-tmp")


@pytest.fixture(scope="module")
def ocr_pool(temp_dir: Path) -> Iterator[IntakePool]:
    """One worker (the engine loads once) whose temp folder is watched: OCR leaves nothing."""
    mp = pytest.MonkeyPatch()
    for name in ("TMPDIR", "TEMP", "TMP"):
        mp.setenv(name, str(temp_dir))
    # 2 s of CPU would not even load the engine: each OCR page brings its own time.
    with IntakePool(size=1, limits=Limits(cpu_seconds=2)) as pool:
        pool.start()
        mp.undo()
        yield pool
    assert list(temp_dir.iterdir()) == []


def test_models_ship_inside_the_package() -> None:
    names = {p.name for p in Path(model_dir()).iterdir()}
    assert {"PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx"} <= names


def test_photo_of_printed_resume(ocr_pool: IntakePool) -> None:
    result = ocr_pool.extract(fx.image_bytes("PNG"), "photo.png")
    assert result.media_type == "image/png"
    assert "OCR" in result.warnings[0]
    fx.assert_in_order(result.text, fx.IMAGE_LINES)


def test_scanned_pdf_goes_to_ocr(ocr_pool: IntakePool) -> None:
    result = ocr_pool.extract(fx.scanned_pdf(), "scan.pdf")
    assert result.warnings == ("page 1: no text layer, OCR used",)
    fx.assert_in_order(result.text, fx.IMAGE_LINES)


def test_heic_photo(ocr_pool: IntakePool) -> None:
    import io

    import pillow_heif

    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    fx.text_image(["Skills: Rust and Terraform", "Remote, full time"]).save(buffer, format="HEIF")
    result = ocr_pool.extract(buffer.getvalue(), "IMG_0042.HEIC")
    assert result.media_type == "image/heic"
    fx.assert_in_order(result.text, ["Skills: Rust and Terraform", "Remote, full time"])


def test_chinese_photo(ocr_pool: IntakePool, temp_dir: Path) -> None:
    lines = ("张伟 个人简历", "工作经历", "清华大学 计算机科学与技术 硕士")
    result = ocr_pool.extract(fx.image_bytes("JPEG", lines), "照片.jpg")
    assert result.language == "zh"
    fx.assert_in_order(result.text.replace(" ", ""), [line.replace(" ", "") for line in lines])
    assert list(temp_dir.iterdir()) == []  # OCR left nothing in the temp folder
