"""Language of a resume, from its script: simple, fast and robust for the languages Veil
redacts (English and Chinese). Chinese resumes hold many Latin words (skills, employers), so a
modest share of Han characters already means Chinese."""

from __future__ import annotations


def detect_language(text: str) -> str:
    """``"zh"``, ``"ja"``, ``"ko"``, ``"en"`` (any Latin-script text) or ``"und"``."""
    han = kana = hangul = latin = other = 0
    for char in text[:20000]:
        code = ord(char)
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FA1F:
            han += 1
        elif 0x3040 <= code <= 0x30FF:
            kana += 1
        elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
            hangul += 1
        elif char.isalpha():
            if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
                latin += 1
            else:
                other += 1
    # Weigh each CJK character like a short word (~4 Latin letters).
    cjk = 4 * (han + kana + hangul)
    total = cjk + latin + other
    if total == 0:
        return "und"
    if kana >= 10 and kana * 10 >= han:
        return "ja"
    if hangul >= 10 and hangul >= han:
        return "ko"
    if cjk / total >= 0.2:
        return "zh"
    if latin / total >= 0.5:
        return "en"
    return "und"
