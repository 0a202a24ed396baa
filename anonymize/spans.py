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
        start, end = r.start, r.end
        if r.entity_type == PERSON:
            start, end = _trim_person(text, start, end)
            if end <= start:
                continue
        raw.append(Span(r.entity_type, start, end, round(float(r.score), 3), str(name)))
    raw += _coordinated_names(text, raw, allowlist)
    raw.sort(key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in raw:
        if merged and _touches(text, merged[-1], span):
            merged[-1] = _union(merged[-1], span)
        else:
            merged.append(span)
    return tuple(merged)


# words a name span must not start or end with: a greeting or "I'm" before it, a possessive or
# an address unit after it ("Hi Anna", "I'm Jo Lee", "Anna's", "Jo Lee Apt. 5")
_PERSON_LEAD = re.compile(
    r"(?:(?:hi|hello|hey|dear|i['’]m|i\s+am|thanks|thank\s+you)(?:[\s,]+|$))+", re.IGNORECASE
)
_PERSON_TAIL = re.compile(r"(?:['’]s|\s+(?:Apt|Apartment|Suite|Unit|Flat)\.?)$")


# a list of people: "Kónya, Becker and Vasquez", "Hleb, Sheila, Donna"
_LIST_SEP = r"(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]*)?|[ \t]+(?:and|&)[ \t]+)"
_NEXT_IN_LIST = re.compile(rf"{_LIST_SEP}([^\W\d_a-z][\w\-]*)(?:['’]s)?(?![\w@./'’])")
_PREV_IN_LIST = re.compile(rf"(?<![\w@./'’])([^\W\d_a-z][\w\-]*){_LIST_SEP}$")
_TAKEN_OVER = {LOCATION, PERSON}  # a list member tagged as a place may be taken as a name


def _coordinated_names(text: str, raw: list[Span], allowlist: Allowlist) -> list[Span]:
    """Capitalised single words listed with a found name are names too ("founders: Kónya,
    Becker and Vasquez"), unless allow-listed, common words, or already another type."""
    from anonymize.gazetteer import gazetteer
    from anonymize.recognizers.address_blocks import _KNOWN_COUNTRIES as _COUNTRIES

    common = gazetteer().common
    people = [s for s in raw if s.type == PERSON]
    if not people:
        return []
    taken = [(s.start, s.end) for s in raw if s.type not in _TAKEN_OVER]
    have = {(s.start, s.end) for s in people}
    added: list[Span] = []
    queue = list(people)
    while queue and len(added) < 50:
        span = queue.pop()
        found = []
        after = _NEXT_IN_LIST.match(text, span.end)
        if after is not None:
            found.append(after.span(1))
        before = _PREV_IN_LIST.search(text, max(0, span.start - 40), span.start)
        if before is not None:
            found.append(before.span(1))
        for a, b in found:
            word = text[a:b]
            if (
                (a, b) in have
                or len(word) < 2
                or word.isupper()
                or word.casefold() in common
                or word.casefold() in _COUNTRIES
                or allowlist.covers(word)
                or any(s < b and a < e for s, e in taken)
            ):
                continue
            new = Span(PERSON, a, b, span.score, "coordination")
            have.add((a, b))
            added.append(new)
            queue.append(new)
    return added


def _trim_person(text: str, start: int, end: int) -> tuple[int, int]:
    lead = _PERSON_LEAD.match(text, start, end)
    if lead is not None:
        start = lead.end()
    tail = _PERSON_TAIL.search(text, start, end)
    if tail is not None:
        end = tail.start()
    return start, end


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
