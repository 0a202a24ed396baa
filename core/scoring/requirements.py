"""Job text to requirements: headings and bullets (English and Chinese), else sentences.

A heading opens a section; bullets (and the lines) of a requirement section become requirements:
must-have under "Requirements", "Qualifications", "Must have", "任职要求", ...; nice-to-have under
"Nice to have", "Preferred", "Bonus", "加分项", .... A requirement that itself says it is a plus
("... is a plus", "preferred", "优先") is nice-to-have wherever it stands. Sections about the
company, the duties or the benefits are skipped. A posting without any recognised requirement
section falls back to its bullets, then to its sentences. The user can edit the list afterwards.
"""

from __future__ import annotations

import re

from core.domain import Requirement
from core.scoring.chunking import has_cjk, mask_placeholders

_MUST_HEADINGS = (
    r"requirements?",
    r"(?:minimum|basic|required|key|essential|core|job|candidate)\s+"
    r"(?:qualifications?|requirements?|skills?|criteria)",
    r"qualifications?",
    r"must[\s-]*haves?",
    r"required(?:\s+skills?)?",
    r"what\s+(?:you(?:'ll)?\s+(?:need|bring)|we(?:'re| are)\s+looking\s+for|you\s+have)",
    r"(?:about\s+)?you",
    r"who\s+you\s+are",
    r"you\s+(?:have|bring|should\s+have)",
    r"skills(?:\s+(?:and|&)\s+(?:experience|qualifications))?",
    r"experience(?:\s+(?:and|&)\s+skills)?",
    r"profile",
    r"your\s+profile",
    r"任职要求",
    r"岗位要求",
    r"任职资格",
    r"职位要求",
    r"岗位资格",
    r"基本要求",
    r"要求",
)
_NICE_HEADINGS = (
    r"nice[\s-]*to[\s-]*haves?",
    r"(?:preferred|desired|desirable|additional|bonus)(?:\s+(?:qualifications?|skills?|"
    r"experience|points?|requirements?))?",
    r"bonus(?:\s+points?)?",
    r"(?:it'?s\s+)?a\s+plus",
    r"pluses",
    r"good\s+to\s+have",
    r"extra\s+credit",
    r"加分项",
    r"加分",
    r"优先条件",
    r"优先考虑",
)
_OTHER_HEADINGS = (
    r"about(?:\s+(?:us|the\s+(?:company|team|role|job|position)))?",
    r"(?:key\s+|main\s+|your\s+)?responsibilit(?:y|ies)",
    r"duties",
    r"what\s+you(?:'ll|\s+will)\s+do",
    r"the\s+role",
    r"role(?:\s+(?:overview|description|summary))?",
    r"(?:job\s+)?(?:description|summary|overview)",
    r"(?:what\s+we\s+offer|benefits|perks|compensation|salary)",
    r"how\s+to\s+apply",
    r"(?:location|hours|schedule)",
    r"岗位职责",
    r"工作职责",
    r"职位描述",
    r"工作内容",
    r"公司介绍",
    r"福利待遇",
    r"薪资福利",
    r"我们提供",
)


def _compile(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(alternatives)
    return re.compile(rf"^\s*(?:#+\s*)?(?:{body})\s*[:：]?\s*$", re.IGNORECASE)


_MUST_RE = _compile(_MUST_HEADINGS)
_NICE_RE = _compile(_NICE_HEADINGS)
_OTHER_RE = _compile(_OTHER_HEADINGS)
_BULLET = re.compile(
    r"^\s*(?:[-–—•·*▪◦●○■□➢➤►+]|\d{1,2}\s*[.)、．]|[（(]\d{1,2}[)）]|[a-z][.)])\s*"
)
_NICE_MARK = re.compile(
    r"\b(?:a\s+(?:big\s+|strong\s+)?plus|(?:is\s+)?preferred|nice[\s-]to[\s-]have|bonus|"
    r"desirable|advantageous|an\s+advantage|ideally)\b|优先|加分|更佳",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?。！？；;\n]+[.!?。！？；;]?")
_INLINE_HEADING = re.compile(r"^\s*([^:：]{2,30})[:：]\s*(\S.*)$")
_MIN_CHARS = 4
_MAX_REQUIREMENTS = 40


def _heading(line: str) -> str | None:
    """``must``, ``nice`` or ``other`` if the line is a section heading, else None."""
    text = line.strip().strip("*_#").strip()
    if not text or len(text) > 60:
        return None
    if _NICE_RE.match(text):
        return "nice"
    if _MUST_RE.match(text):
        return "must"
    if _OTHER_RE.match(text):
        return "other"
    return None


def _clean(item: str) -> str:
    item = _BULLET.sub("", item, count=1).strip()
    item = re.sub(r"\s+", " ", item)
    return item.rstrip(" ;；,，")


def _requirement(text: str, section_must: bool) -> Requirement:
    return Requirement(text=text, must=section_must and not _NICE_MARK.search(text))


def _useful(text: str, *, bullet: bool = False) -> bool:
    """Long enough to be a requirement; a bullet may be one short name ("- SQL", "- R")."""
    if bullet:
        return any(ch.isalpha() for ch in text)
    return len(text) >= _MIN_CHARS and any(ch.isalnum() for ch in text)


def _sentence_ok(text: str) -> bool:
    if not _useful(text) or _heading(text) is not None:
        return False
    return len(text.split()) >= 3 or (has_cjk(text) and len(text) >= 6)


def parse_requirements(job_text: str) -> list[Requirement]:
    """The requirements of a job posting, in the order they appear."""
    text = mask_placeholders(job_text)
    lines = text.splitlines()
    section: str | None = None
    found: list[Requirement] = []
    bullets: list[Requirement] = []
    saw_requirement_section = False
    pending: str | None = None  # a wrapped bullet continues on the next line
    for line in lines:
        raw = line
        kind = _heading(raw)
        inline = _INLINE_HEADING.match(raw) if kind is None else None
        if inline is not None and _heading(inline.group(1)) is not None:
            kind = _heading(inline.group(1))  # "Requirements: Python and SQL"
            raw = inline.group(2)
        if kind is not None:
            section = kind
            saw_requirement_section |= kind in ("must", "nice")
            pending = None
            if inline is None or kind == "other":
                continue
        if not raw.strip():
            pending = None
            continue
        is_bullet = bool(_BULLET.match(raw))
        item = _clean(raw)
        if not _useful(item, bullet=is_bullet):
            continue
        if section in ("must", "nice"):
            if not is_bullet and pending is not None and raw[:1].isspace():
                found[-1] = _requirement(f"{found[-1].text} {item}", section == "must")
                continue
            found.append(_requirement(item, section == "must"))
            pending = item
        elif is_bullet and section != "other":
            bullets.append(_requirement(item, True))
    if not saw_requirement_section or not found:
        found = bullets
    if not found:
        found = [
            _requirement(sentence, True)
            for sentence in (_clean(m.group(0)) for m in _SENTENCE.finditer(text))
            if _sentence_ok(sentence)
        ]
    # drop exact duplicates, keep order
    seen: set[str] = set()
    unique: list[Requirement] = []
    for req in found:
        key = req.text.casefold()
        if key not in seen:
            seen.add(key)
            unique.append(req)
    return unique[:_MAX_REQUIREMENTS]
