"""Name evidence from context and the gazetteer: "my name is ...", "... lives at", runs of
capitalised known names ("Szabina J Gelencsér"), lone given names, lowercase "first last"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from anonymize.allowlist import Allowlist, overlaps
from anonymize.gazetteer import Gazetteer, gazetteer
from anonymize.recognizers.name_parts import HEADING_WORDS, LOW, ORG_WORDS, PARTICLE, UP

_CAP_WORD = re.compile(rf"[{UP}](?:[{LOW}'’\-]+|[{UP}'’\-]+)?\.?(?<!['’]s)(?<!['’])")
_CAP_RUN = re.compile(
    rf"(?<![\w@./])[{UP}](?:[{LOW}'’\-]+|[{UP}'’\-]+)?\.?"
    rf"(?:[ ](?:(?:{PARTICLE})[ ])*[{UP}](?:[{LOW}'’\-]+|[{UP}'’\-]+)?\.?){{0,3}}(?![\w@])"
)


_ORG_AFTER = re.compile(
    r"(?:,?[ \t]+(?:and|&)[ \t]+[A-Z][\w\-]*|,[ \t]*[A-Z][\w\-]*)*,?[ \t]+"
    r"(?:Inc|LLC|Ltd|PLC|GmbH|Corp|Corporation|Company|Co|Group|Partners|Associates|& Sons)\b"
)
_PERSON_VERB = re.compile(
    r"(?:['’]s)?[ \t]+(?:lives|lived|was\s+born|is\s+from|was\s+from|works|worked|said|says|"
    r"wrote|told|joined|founded|married|grew\s+up)\b"
)
# (?=[...]): the first letters of the phrases, one test per position before trying them all
_INTRO = re.compile(
    r"(?=[cfghilmnorstwy])\b(?:my\s+name\s+is|my\s+name's|name's|i\s+am|i'm|this\s+is|call\s+me|named|"
    r"regards,|thanks,|cheers,|sincerely,|yours\s+truly,|"
    r"(?:maiden|last|first|family|given|middle)\s+name\s+is|surname\s+is|"
    r"(?:last|first|family)\s+name\?|says|said|follow\s+up\s+with|"
    r"(?:my|her|his|our|their)\s+(?:kid|son|daughter|wife|husband|brother|sister|mother|father|"
    r"grandfather|grandmother|colleague|manager|friend)|was\s+called)\s+"
    r"(?P<v>[^\W\d_][\w'’\-]*\.?(?:[ \t]+[^\W\d_][\w'’\-]*\.?){0,2})",
    re.IGNORECASE,
)
_TITLE_WORDS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "madam", "rev"}
)
_LOWER_PAIR = re.compile(rf"(?<![\w@./])([{LOW}]{{2,}}) ([{LOW}]{{2,}})(?![\w@])")


class _Shifted:
    """A match inside a run, seen with offsets into the whole text."""

    def __init__(self, match: re.Match[str], offset: int) -> None:
        self._match = match
        self._offset = offset

    def group(self) -> str:
        return self._match.group()

    def span(self) -> tuple[int, int]:
        a, b = self._match.span()
        return a + self._offset, b + self._offset


def introduced_names(text: str, allowlist: Allowlist) -> Iterable[tuple[int, int]]:
    """Names right after "my name is", "I'm", "call me", "regards," (any case)."""
    names = gazetteer()
    for match in _INTRO.finditer(text):
        words = list(re.finditer(r"[^\W\d_][\w'’\-]*\.?", match.group("v")))
        kept: list[re.Match[str]] = []
        for i, w in enumerate(words):
            word = w.group().rstrip(".")
            known = names.is_name(word) and word not in allowlist
            capital = word[:1].isupper() and word.casefold() not in names.common
            initial = len(word) == 1 and i > 0
            if known or (capital and word not in allowlist) or initial:
                kept.append(w)
            else:
                break
        while kept and len(kept[-1].group().rstrip(".")) == 1:
            kept.pop()
        if kept:
            base = match.start("v")
            yield base + kept[0].start(), base + kept[-1].end()


def _lone_plain_word(run: re.Match[str], text: str, names: Gazetteer) -> bool:
    """A run that is one plain ASCII word ("Python", "Built") and no known name, with no
    "lives"/"said" after it: the checks below would yield nothing for it (most runs)."""
    word = run.group()
    if not (word.isascii() and word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False
    low = word.lower()
    if low in _TITLE_WORDS:
        return True
    if low in names.given or low in names.family:
        return False
    return _PERSON_VERB.match(text, run.end()) is None


def _places(nlp_artifacts: Any) -> list[tuple[int, int]]:
    """Places, and organisations of several words ("Morgan Stanley"); spaCy's small model
    often calls a lone surname an ORG, so those stay candidates."""
    return [
        (e.start_char, e.end_char)
        for e in getattr(nlp_artifacts, "entities", ()) or ()
        if e.label_ in ("GPE", "LOC") or (e.label_ == "ORG" and " " in e.text.strip())
    ]


def _lowercase_pairs(
    text: str, names: Gazetteer, allowlist: Allowlist
) -> Iterable[tuple[int, int, float, bool]]:
    """A known given name followed by a known family name, written in lower case."""
    for pair in _LOWER_PAIR.finditer(text):
        first, last = pair.group(1), pair.group(2)
        if (
            names.is_given(first)
            and names.is_family(last)
            and not (first in allowlist or last in allowlist)
        ):
            yield pair.start(), pair.end(), 0.5, False


def gazetteer_names(
    text: str, nlp_artifacts: Any, allowlist: Allowlist
) -> Iterable[tuple[int, int, float, bool]]:
    """Runs of capitalised known names ("Szabina J Gelencsér"), and lone given names."""
    names = gazetteer()
    protected = allowlist.protected(text)
    places = _places(nlp_artifacts)

    def usable(match: _Shifted) -> bool:
        word = match.group()
        a, b = match.span()
        return (
            names.is_name(word.rstrip("."))
            and word not in allowlist
            and word.casefold() not in HEADING_WORDS
            and not overlaps(protected, a, b)
        )

    def plain(match: _Shifted) -> bool:
        """A capitalised word that is not a skill, a heading or a common word."""
        word = match.group().rstrip(".")
        a, b = match.span()
        return (
            word.casefold() not in names.common
            and word not in allowlist
            and word.casefold() not in HEADING_WORDS
            and not overlaps(protected, a, b)
        )

    for run in _CAP_RUN.finditer(text):
        if _lone_plain_word(run, text, names):
            continue
        if _ORG_AFTER.match(text, run.end()) or any(
            w.casefold().rstrip(".") in ORG_WORDS for w in run.group().split()[1:]
        ):
            continue  # "Garcia, Davis and Jones LLC", "Smith Ltd."
        offset = run.start()
        words = [_Shifted(w, offset) for w in _CAP_WORD.finditer(run.group())]
        while words and words[0].group().rstrip(".").casefold() in _TITLE_WORDS:
            words.pop(0)
        real = [w for w in words if len(w.group().rstrip(".")) > 1]
        if not real:
            continue
        offset = words[0].span()[0]
        if len(real) >= 2 and all(plain(w) for w in real):
            first, last = real[0].group(), real[-1].group().rstrip(".")
            middle_initial = len(real) == 2 and len(words) == 3 and words[1] not in real
            if (
                all(usable(w) for w in real)
                or names.is_given(first)
                or (names.is_family(last) and len(real) <= 3)
                or middle_initial
                or _PERSON_VERB.match(text, run.end())
            ):
                yield words[0].span()[0], run.end(), 0.7, True
                continue
        if len(real) == 1 and plain(real[0]) and _PERSON_VERB.match(text, run.end()):
            a, b = real[0].span()
            yield a, b, 0.6, False
            continue
        for w in real:
            a, b = w.span()
            word = w.group().rstrip(".")
            if (
                word[1:].islower()
                and (names.is_given(word) or names.is_family(word))
                and usable(w)
                and not any(s < b and a < e for s, e in places)
            ):
                yield a, b, 0.55, False
    yield from _lowercase_pairs(text, names, allowlist)
