"""Phone numbers in international and local formats (US, UK, China, India, Germany, France, ...).

One broad regex finds digit runs with phone-like separators; a validator then refuses dates, year
ranges, IP addresses, money and version numbers. Context words ("Tel", "手机") raise the score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from anonymize.recognizers.base import Hit, ResumeRecognizer
from anonymize.types import PHONE

_SEP = r"(?:[ \t]?[.\-][ \t]?|[ \t]|/)"
PHONE_RE = re.compile(
    r"(?<![\w+/.-])(?<!\d,)"
    r"(?:(?:(?:\+|00)[ \t]?\d{1,3}|\(\+\d{1,3}\))(?:[ \t]?[.\-]?[ \t]?))?"  # country code
    r"(?:\([ \t]?0?\d{1,5}[ \t]?\)[ \t.\-]?|\(0\)[ \t]?)?"  # (area) or (0)
    rf"(?:\d{{1,8}}(?:{_SEP}\d{{1,8}}){{1,6}}|\d{{7,15}})"
    r"(?:[ \t]?(?:x|ext\.?|extension|#|分机|转)[ \t]?\d{1,6})?"
    r"(?![\w/]|-\d|[.,]\d)",
    re.IGNORECASE,
)
_CONTEXT = re.compile(
    r"(?:phone|tel|telephone|mobile|mob|cell|call|fax|whatsapp|contact|电话|手机|联系|"
    r"座机|移动电话|☎|📞)",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\d{4}[./\-]\d{1,2}(?:[./\-]\d{1,2})?|\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}|\d{1,2}[./\-]\d{4}"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_IP = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def is_phone(value: str, *, has_context: bool) -> bool:
    digits = re.sub(r"\D", "", value.split("x")[0].split("ext")[0])
    plus = value.lstrip("(").startswith(("+", "00"))
    if "\n" in value or not 7 <= len(digits) <= 15:
        return False
    if len(digits) >= 12 and not plus and not has_context and luhn_ok(digits):
        return False  # a payment card number, not a phone
    if _IP.fullmatch(value) or _DATE.fullmatch(value.strip()):
        return False
    groups = re.findall(r"\d+", value)
    if all(_YEAR.fullmatch(group) for group in groups):  # "2019 2021", "2018-2020"
        return False
    years = sum(1 for g in groups if _YEAR.fullmatch(g))
    if years and all(_YEAR.fullmatch(g) or len(g) <= 2 for g in groups) and not plus:
        return False  # "2019.01 - 2021.06" style date ranges
    separators = len(re.findall(r"[\s.\-/()]", value))
    if not plus and not has_context and separators == 0 and len(digits) < 9:
        return False  # a bare 7-8 digit run without context is more likely an amount or an id
    return not (re.search(r"\d\.\d+\.\d", value) and not has_context and value.count(".") >= 3)


class ResumePhoneRecognizer(ResumeRecognizer):
    ENTITIES = (PHONE,)

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Hit]:
        for match in PHONE_RE.finditer(text):
            start, end = match.span()
            value = match.group()
            # a match may swallow a neighbouring date range; cut at a line break
            window = text[max(0, start - 30) : start]
            has_context = bool(_CONTEXT.search(window))
            if not is_phone(value, has_context=has_context):
                continue
            if text[start - 1 : start] == "(" and ")" in value and "(" not in value:
                start -= 1
            score = 0.9 if has_context or value.startswith(("+", "00")) else 0.6
            yield PHONE, start, end, score
