"""Identity numbers: PRC resident ID (checksum), SSN, passport, national ID, driver licence, NI."""

from __future__ import annotations

import re

from anonymize.recognizers.base import PatternTableRecognizer, rule
from anonymize.types import ID_NUMBER

_PRC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_PRC_CHECK = "10X98765432"


def prc_id_valid(value: str) -> bool:
    """True for an 18-character PRC resident identity number with a correct check character."""
    value = value.upper()
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    month, day = int(value[10:12]), int(value[12:14])
    if not (1 <= month <= 12 and 1 <= day <= 31 and value[6:8] in ("18", "19", "20")):
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], _PRC_WEIGHTS, strict=True))
    return _PRC_CHECK[total % 11] == value[17]


def _ssn_ok(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    return not (digits[:3] in ("000", "666") or digits[:3] >= "900" or digits[3:5] == "00")


_VALUE = r"(?P<v>[A-Z0-9]{1,12}(?:[ \-](?:\d[\dA-Z]{0,7}|[A-Z]\b)){0,5})"
_LABELS = (
    r"passport(?:\s*(?:no\.?|number|#))?|national\s+id(?:entity)?(?:\s*(?:card|no\.?|number))?|"
    r"id\s*(?:card\s*)?(?:no\.?|number|#)|identity\s+(?:card\s+)?(?:no\.?|number)|"
    r"driver'?s?\s+licen[cs]e(?:\s*(?:no\.?|number|#))?|driving\s+licen[cs]e(?:\s*(?:no\.?|number))?|"
    r"dl\s*(?:no\.?|#)|social\s+security(?:\s+(?:no\.?|number))?|ssn|sin|nin|"
    r"national\s+insurance(?:\s+(?:no\.?|number))?|ni\s+(?:no\.?|number)|dni|nie|tax\s+(?:id|file\s+number)|tfn|aadhaar|pan|"
    r"nric|hkid|身份证(?:号码|号)?|证件号(?:码)?|护照(?:号码|号)?|驾驶证(?:号)?"
)


class ResumeIdRecognizer(PatternTableRecognizer):
    ENTITIES = (ID_NUMBER,)
    RULES = (
        rule(ID_NUMBER, r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])", 0.95, validate=prc_id_valid),
        rule(
            ID_NUMBER,
            r"(?<![\d-])(?P<v>\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})(?![\d-])",
            0.85,
            validate=_ssn_ok,
        ),
        rule(
            ID_NUMBER,
            rf"(?<![A-Za-z])(?:{_LABELS})(?![A-Za-z])\s*[:：#]?\s*{_VALUE}",
            0.85,
            re.IGNORECASE,
            validate=lambda v: sum(ch.isdigit() for ch in v) >= 3,
            first="[adhinpst身证护驾]",
        ),
        # UK National Insurance number
        rule(
            ID_NUMBER, r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b", 0.7
        ),
        # Indian Aadhaar (12 digits in groups of 4)
        rule(ID_NUMBER, r"(?<!\d)[2-9]\d{3} \d{4} \d{4}(?!\d)", 0.6),
        # Passport-like value right after the word (e.g. "Passport E12345678")
        rule(ID_NUMBER, r"(?i:passport)\s+(?P<v>[A-Z]{1,2}\d{6,9})\b", 0.85),
    )
