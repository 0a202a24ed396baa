"""Years of experience: what a requirement asks for ("5+ years", "3年以上经验") and what a
resume states (date ranges, "7 years")."""

from __future__ import annotations

import re

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "十": 10,
}  # fmt: skip
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + ")"
_YEARS_EN = re.compile(
    _NUM + r"\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs?)\b", re.IGNORECASE
)
_YEARS_ZH = re.compile(_NUM + r"\s*(?:年|年以上)(?:以上)?(?:的)?(?:\S{0,8})?经验")
_YEAR = r"((?:19|20)\d{2})(?:[./年-](\d{1,2})月?)?"
_MONTH = r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?[ \t]+)?"
_RANGE = re.compile(
    _MONTH
    + _YEAR
    + r"[ \t]*(?:-|–|—|to|until|至|~|－)[ \t]*"
    + _MONTH
    + r"(?:"
    + _YEAR
    + r"|(present|now|current|today|date|至今|今))",
    re.IGNORECASE,
)


def _number(value: str) -> float:
    return float(_NUMBER_WORDS.get(value.lower(), 0) or value) if value else 0.0


def years_required(text: str) -> float | None:
    """Years of experience a requirement asks for, if it names a number."""
    values = [_number(m.group(1)) for m in _YEARS_EN.finditer(text)]
    values += [_number(m.group(1)) for m in _YEARS_ZH.finditer(text)]
    values = [v for v in values if 0 < v <= 40]
    return min(values) if values else None


def experience_spans(text: str) -> tuple[list[tuple[float, float]], float]:
    """Date ranges of a resume ((start, end) in years; end -1 = until now) and the largest
    number of years it states ("7 years"), 0 if none."""
    stated = [_number(m.group(1)) for m in _YEARS_EN.finditer(text)]
    stated += [_number(m.group(1)) for m in _YEARS_ZH.finditer(text)]
    stated = [v for v in stated if 0 < v <= 45]
    spans: list[tuple[float, float]] = []
    for m in _RANGE.finditer(text):
        start = int(m.group(1)) + (int(m.group(2)) - 1) / 12 if m.group(2) else int(m.group(1))
        if m.group(5):
            end = -1.0
        else:
            end = int(m.group(3)) + (int(m.group(4)) / 12 if m.group(4) else 0.5)
            if end < start:
                continue
        if start >= 1960:
            spans.append((float(start), float(end)))
    return spans, max(stated, default=0.0)
