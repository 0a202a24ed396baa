"""Which analyzer a text needs: Chinese (``zh``) or English-script (``en``)."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


_NOT_LATIN = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))


def latin_letters(text: str) -> int:
    """How many A-Z/a-z the text holds (in UTF-8 only they are those byte values)."""
    return len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_LATIN))


def detect_language(text: str) -> str:
    """ "zh" when Han characters carry a fair share of the text (a Han character is about a word)."""  # noqa: E501
    sample = text[:5000]
    han = len(_HAN.findall(sample))
    latin_words = latin_letters(sample) / 5
    return "zh" if han and han >= latin_words * 0.5 else "en"


def analyzer_language(language: str | None, text: str) -> str:
    """Map a caller's language code ("zh-CN", "en", "de", None) to one we analyze with."""
    if not language:
        return detect_language(text)
    return "zh" if language.lower().startswith("zh") else "en"
