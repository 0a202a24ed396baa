"""Pictures of resumes (phone photos, scans): PNG, JPEG, HEIC (iPhone photos), TIFF
(multi-page), GIF, BMP, WebP, read with OCR. EXIF rotation is applied; oversized images are
refused before decoding."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from core.intake.errors import (
    CorruptFileError,
    ResourceLimitError,
    TooManyPagesError,
    UnsupportedFormatError,
)
from core.intake.limits import Limits
from core.intake.model import Parsed

MAX_PIXELS = 60_000_000  # a 600 dpi A4 scan is ~35 Mpx


def read_image(data: bytes, limits: Limits) -> Parsed:
    if not limits.ocr:
        raise UnsupportedFormatError("This is a picture and OCR is turned off.")
    from core.intake.ocr import ocr_image

    if data[4:8] == b"ftyp":
        _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise ResourceLimitError("This picture is too large to read (over 60 megapixels).")
            frames = getattr(image, "n_frames", 1)
            if frames > limits.max_pages:
                raise TooManyPagesError(limits.max_pages)
            parsed = Parsed(text="", pages=frames)
            texts = []
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                if index >= limits.max_ocr_pages:
                    parsed.warnings.append(f"pages after {index} not read (OCR page limit)")
                    break
                texts.append(ocr_image(ImageOps.exif_transpose(frame.copy())))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ResourceLimitError("This picture is too large to read.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise CorruptFileError("picture") from None
    parsed.text = "\n\n".join(texts)
    parsed.warnings.insert(0, "picture: text read with OCR, check it")
    return parsed


def _register_heif() -> None:
    try:
        import pillow_heif
    except ImportError:
        raise UnsupportedFormatError(
            "HEIC photos need pillow-heif; save it as JPEG or PNG."
        ) from None
    pillow_heif.register_heif_opener()
