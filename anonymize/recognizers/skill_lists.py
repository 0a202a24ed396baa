"""Skill lists as evidence: in a line that lists known skills, the unknown items are skills too.

"Monitoring: Grafana, Icinga, Zabbix, Datadog" or "Tableau | Sigma | Looker": when most items of a
list of short items are allow-listed skills, the rest are tools the allow-list has not met yet
(spaCy calls "Icinga" a place and "Octopus" a person). Weak evidence (spaCy's entities, the name
gazetteer) inside such an item is ignored; strong evidence (the header, a "Name:" field) is not.
The same words elsewhere in the document are the same tool. A list of places or people
("Offices: London, Paris, Berlin") has no skills in it and is left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymize.allowlist import Allowlist

_ITEM_SPLIT = re.compile(r"[,;|/•·●▪]|\t|[ \t]{2,}")
_LABEL = re.compile(r"^[ \t]*[-*•]?[ \t]*[^\W\d][^:：\n]{0,40}[:：][ \t]*")
_MIN_ITEMS = 3
_MAX_WORDS = 4


def in_skill_list(text: str, spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True if [start, end) lies inside one item of a skill list, or holds the words of one
    ("Built dashboards in Sigma" after "BI: Tableau, Sigma, Looker"; "Ran Sigma daily")."""
    if not spans:
        return False
    if any(a <= start and end <= b for a, b in spans):
        return True
    value = " ".join(text[start:end].split()).casefold()
    items = {" ".join(text[a:b].split()).casefold() for a, b in spans}
    return value in items or any(word in items for word in value.split())


def skill_list_items(text: str, allowlist: Allowlist) -> tuple[tuple[int, int], ...]:
    """The items (character spans) of the lines of ``text`` that are lists of skills."""
    return _items(text, allowlist)


@lru_cache(maxsize=16)
def _items(text: str, allowlist: Allowlist) -> tuple[tuple[int, int], ...]:
    found: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if line.count(",") + line.count("|") + line.count(";") + line.count("/") < 2:
            continue
        label = _LABEL.match(line)
        body_start = label.end() if label else 0
        items: list[tuple[int, int]] = []
        pos = body_start
        for piece in _ITEM_SPLIT.split(line[body_start:]):
            at = line.find(piece, pos)
            pos = at + len(piece)
            stripped = piece.strip(" .()")
            if not stripped:
                continue
            lead = piece.find(stripped)
            items.append((start + at + lead, start + at + lead + len(stripped)))
        items = [(a, b) for a, b in items if len(text[a:b].split()) <= _MAX_WORDS]
        if len(items) < _MIN_ITEMS:
            continue
        known = sum(allowlist.covers(text[a:b]) for a, b in items)
        if known * 2 >= len(items):
            found += items
    return tuple(found)
