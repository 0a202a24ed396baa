"""Text preparation for scoring: placeholder masking, sentence segments, language detection.

Redacted text carries placeholders such as ``<PERSON_1>``. They say nothing about fit, so they are
blanked out (replaced by spaces of the same length, which keeps every offset valid) before any
encoding or matching: two resumes that differ only in placeholders score the same.

A resume is cut into *segments*, the units of evidence: lines, and sentences within lines, with
bullets and list markers stripped. Offsets always point into the original (redacted) text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*_\d+>")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
# sentence ends: western punctuation followed by space, or CJK full stops
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'])|(?<=[。！？；])")
_BULLET = re.compile(
    r"^[\s\-–—•·*▪◦●○■□➢➤►>+|]+|^\s*(?:\d{1,2}|[a-z])[.)、](?=\s)|^\s*[（(]\d{1,2}[)）]"
)
_MIN_SEGMENT_CHARS = 3
MAX_SEGMENT_CHARS = 600  # longer lines are cut at sentence ends, else by the encoder's chunks

#: Bumped when segmentation or indexing changes, so that cached entries are not reused wrongly.
SEGMENTER_VERSION = "seg-3"

# resume sections, by heading; evidence prefers statements of work done (experience) over
# keyword lists and self-descriptions
EXPERIENCE, SUMMARY, SKILLS, EDUCATION, OTHER, HEADER = range(6)
_SECTION_HEADINGS = (
    (
        EXPERIENCE,
        r"(?:(?:work|professional|relevant|clinical|teaching|research|industry|employment|"
        r"career|volunteer|leadership)\s+)?(?:experience|history)|employment|career|"
        r"(?:selected\s+|key\s+)?projects?|工作经历|项目经历|实习经历|工作经验|项目经验|实践经历",
    ),
    (
        SUMMARY,
        r"summary|(?:professional\s+)?profile|about(?:\s+me)?|objective|personal\s+statement|"
        r"个人简介|自我评价|个人总结|求职意向|个人优势",
    ),
    (
        SKILLS,
        r"(?:technical\s+|core\s+|key\s+|other\s+)?(?:skills|competencies|tools|technologies|"
        r"expertise|languages)(?:\s+(?:and|&)\s+\w+)?|专业技能|技能|技能特长|技能证书",
    ),
    (
        EDUCATION,
        r"education|academic\s+background|qualifications?|training|"
        r"certifications?|certificates?|licen[cs]es?(?:\s+(?:and|&)\s+certifications?)?|"
        r"教育背景|教育经历|学历|证书|资格证书",
    ),
)
_SECTION_RE = [
    (kind, re.compile(rf"^\s*(?:{pattern})\s*[:：]?\s*$", re.IGNORECASE))
    for kind, pattern in _SECTION_HEADINGS
]
_LIST_SEPARATORS = re.compile(r"[,;|、，；/·•]")


def mask_placeholders(text: str) -> str:
    """``text`` with every placeholder replaced by spaces of the same length."""
    return PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among letters (CJK + Latin)."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    total = cjk + latin / 4  # about four Latin letters per word, one CJK character per morpheme
    return cjk / total if total else 0.0


def is_chinese(text: str) -> bool:
    """True when Chinese carries most of the text's content."""
    return cjk_ratio(text) >= 0.5


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    section: int = OTHER
    listy: bool = False  # a keyword list ("Python, SQL, Docker, ...") rather than a statement
    label: bool = False  # a role line with dates, or a short label: names, does not state


_CJK_HEADING = re.compile(r"^[\u4e00-\u9fff]{2,8}[:：]?$")
_CJK_SECTION_WORDS = (
    (SKILLS, ("技能", "技术栈", "专长")),
    (EXPERIENCE, ("经历", "经验", "履历")),
    (SUMMARY, ("概况", "简介", "评价", "优势", "总结", "概述", "意向")),
    (EDUCATION, ("教育", "学历", "证书", "培训", "资质")),
)
_DATE_RANGE = re.compile(
    r"(?:19|20)\d{2}(?:[./年-]\d{1,2}月?)?\s*(?:-|–|—|to|until|至|~|－)\s*"
    r"(?:(?:19|20)\d{2}|present|now|current|today|至今|今)",
    re.IGNORECASE,
)


def section_of(line: str) -> int | None:
    """The section a heading line opens, or None if the line is not a known heading."""
    stripped = line.strip().strip("#*_=-").strip()
    if not stripped or len(stripped) > 40:
        return None
    for kind, pattern in _SECTION_RE:
        if pattern.match(stripped):
            return kind
    if _CJK_HEADING.match(stripped):
        for kind, words in _CJK_SECTION_WORDS:
            if any(word in stripped for word in words):
                return kind
    return None


def is_label(text: str) -> bool:
    """True for lines that name rather than state: a role with its dates, a lone label."""
    if _DATE_RANGE.search(text):
        return True
    words = len(text.split()) + len(_CJK.findall(text)) / 2
    return words < 4


def is_listy(text: str) -> bool:
    """True for keyword lists: several separators and few words between them."""
    separators = len(_LIST_SEPARATORS.findall(text))
    if separators < 3:
        return False
    words = len(_CJK.findall(text)) / 2 + len(text.split())
    return words / (separators + 1) <= 3.5


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segments(text: str) -> list[Segment]:
    """Lines and sentences of ``text`` (already masked), with offsets into it."""
    out: list[Segment] = []
    pos = 0
    section = HEADER
    for line in text.splitlines(keepends=True):
        line_start, line_end = pos, pos + len(line)
        pos = line_end
        heading = section_of(line)
        if heading is not None:
            section = heading
            continue
        marker = _BULLET.match(line)
        begin = line_start + (marker.end() if marker else 0)
        cuts = [begin]
        cuts.extend(line_start + m.end() for m in _SENTENCE_END.finditer(line, begin - line_start))
        cuts.append(line_end)
        for a, b in itertools.pairwise(cuts):
            s, e = _strip(text, a, b)
            if e - s < _MIN_SEGMENT_CHARS or not any(ch.isalnum() for ch in text[s:e]):
                continue
            piece = text[s:e]
            out.append(Segment(s, e, piece, section, is_listy(piece), is_label(piece)))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the segments (convenience for evaluation and tests)."""
    return [(s.start, s.end) for s in segments(text)]
