"""Which analyzer a text needs: Chinese (``zh``) or English-script (``en``)."""

from __future__ import annotations

import re

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """ "zh" when Han characters carry a fair share of the text (a Han character is about a word)."""  # noqa: E501
    sample = text[:5000]
    han = len(_HAN.findall(sample))
    latin_words = len(_LATIN.findall(sample)) / 5
    return "zh" if han and han >= latin_words * 0.5 else "en"


def analyzer_language(language: str | None, text: str) -> str:
    """Map a caller's language code ("zh-CN", "en", "de", None) to one we analyze with."""
    if not language:
        return detect_language(text)
    return "zh" if language.lower().startswith("zh") else "en"
