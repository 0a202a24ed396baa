"""OCR with RapidOCR (PP-OCR models on ONNX Runtime), English and Chinese, fully offline.

The models ship inside the ``rapidocr`` wheel (``rapidocr/models/``); Veil passes their paths
explicitly so the library's download code is never reached (and the network guard would refuse
it anyway). The engine loads once per worker process, on the first picture to read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from core.intake.errors import UnsupportedFormatError
from core.intake.layout import Segment, reading_order

_MODEL_FILES = {
    "Det.model_path": "PP-OCRv6_det_small.onnx",
    "Rec.model_path": "PP-OCRv6_rec_small.onnx",
    "Cls.model_path": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}
_MAX_SIDE = 2400
_engine: Any = None


def model_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).resolve().parent / "models"


def _load() -> Any:
    global _engine
    if _engine is None:
        os.environ["ORT_DISABLE_TELEMETRY"] = "1"  # no 1DS session file, no uploader
        try:
            from rapidocr import RapidOCR
        except ImportError:
            raise UnsupportedFormatError(
                "OCR is not installed, so pictures and scans cannot be read."
            ) from None
        models = model_dir()
        threads = int(os.environ.get("VEIL_OCR_THREADS", "2"))
        params: dict[str, Any] = {
            "Global.log_level": "critical",
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            # Detect on at most 1280 px (the default upsizes a page's short side to 736 px and
            # needs ~1.6 GB of address space); recognition still reads the full-size crops.
            "Det.limit_type": "max",
            "Det.limit_side_len": 1280,
        }
        params.update({key: str(models / name) for key, name in _MODEL_FILES.items()})
        from core.intake.rlimits import trusted_allocation

        with trusted_allocation():
            _engine = RapidOCR(params=params)
    return _engine


def ocr_image(image: Image.Image) -> str:
    """The text in ``image``, lines in reading order (columns too)."""
    from core.intake.rlimits import ocr_page_started

    ocr_page_started()  # OCR is slow: the worker grants this page its own time
    engine = _load()
    image = image.convert("RGB")
    scale = _MAX_SIDE / max(image.size)
    if scale < 1:
        image = image.resize((int(image.width * scale), int(image.height * scale)))
    bgr = np.ascontiguousarray(np.asarray(image)[:, :, ::-1])
    result = engine(bgr)
    boxes = getattr(result, "boxes", None)
    texts = getattr(result, "txts", None)
    if boxes is None or texts is None:
        return ""
    segments = []
    for box, text in zip(boxes, texts, strict=False):
        xs = [float(point[0]) for point in box]
        ys = [float(point[1]) for point in box]
        segments.append(Segment(min(xs), min(ys), max(xs), max(ys), str(text)))
    return reading_order(segments)
