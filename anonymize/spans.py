"""From raw recognizer results to the final, non-overlapping spans."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from anonymize.allowlist import Allowlist
from anonymize.types import (
    ADDRESS,
    AGE,
    DATE_OF_BIRTH,
    EMAIL,
    ETHNICITY,
    FAMILY_STATUS,
    GENDER,
    HANDLE,
    ID_NUMBER,
    LOCATION,
    MARITAL_STATUS,
    NATIONALITY,
    ORGANIZATION,
    PERSON,
    PHONE,
    PHOTO,
    POLITICAL_AFFILIATION,
    RELIGION,
    URL,
    Span,
)

# When spans of different types overlap, the merged span takes the first type in this order.
PRIORITY = (
    EMAIL,
    URL,
    ID_NUMBER,
    PHONE,
    DATE_OF_BIRTH,
    ADDRESS,
    PERSON,
    HANDLE,
    AGE,
    POLITICAL_AFFILIATION,
    ETHNICITY,
    NATIONALITY,
    RELIGION,
    MARITAL_STATUS,
    FAMILY_STATUS,
    PHOTO,
    GENDER,
    LOCATION,
    ORGANIZATION,
)
_RANK = {kind: i for i, kind in enumerate(PRIORITY)}
# Same-type neighbours separated only by these characters become one span.
_JOIN = {PERSON: re.compile(r"[ \t]*[-.]?[ \t]*"), ADDRESS: re.compile(r"[ \t]*,?[ \t]*")}
_ALLOWLIST_CHECKED = {URL, HANDLE, LOCATION, ORGANIZATION}


def resolve(
    text: str, results: Iterable[Any], wanted: frozenset[str], allowlist: Allowlist
) -> tuple[Span, ...]:
    raw: list[Span] = []
    for r in results:
        if r.entity_type not in wanted or r.end <= r.start:
            continue
        if r.entity_type in _ALLOWLIST_CHECKED and allowlist.covers(text[r.start : r.end]):
            continue
        name = (r.recognition_metadata or {}).get("recognizer_name", "")
        raw.append(Span(r.entity_type, r.start, r.end, round(float(r.score), 3), str(name)))
    raw.sort(key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in raw:
        if merged and _touches(text, merged[-1], span):
            merged[-1] = _union(merged[-1], span)
        else:
            merged.append(span)
    return tuple(merged)


def _touches(text: str, left: Span, right: Span) -> bool:
    if right.start < left.end:
        return True
    if left.type == right.type and left.type in _JOIN:
        gap = text[left.end : right.start]
        return _JOIN[left.type].fullmatch(gap) is not None
    return False


def _union(a: Span, b: Span) -> Span:
    winner = a if _RANK.get(a.type, 99) <= _RANK.get(b.type, 99) else b
    a_len, b_len = a.end - a.start, b.end - b.start
    if a.start <= b.start and b.end <= a.end and a_len > b_len:
        winner = a  # a span inside a longer one ("1100-053" in an address) takes its type
    elif b.start <= a.start and a.end <= b.end and b_len > a_len:
        winner = b
    if a.type == b.type:
        winner = a if a.score >= b.score else b
    return Span(
        winner.type,
        min(a.start, b.start),
        max(a.end, b.end),
        max(a.score, b.score),
        winner.recognizer,
    )
