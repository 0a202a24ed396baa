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

#: Bumped when segmentation changes, so that cached segment embeddings are not reused wrongly.
SEGMENTER_VERSION = "seg-1"


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
    for line in text.splitlines(keepends=True):
        line_start, line_end = pos, pos + len(line)
        pos = line_end
        marker = _BULLET.match(line)
        begin = line_start + (marker.end() if marker else 0)
        cuts = [begin]
        cuts.extend(line_start + m.end() for m in _SENTENCE_END.finditer(line, begin - line_start))
        cuts.append(line_end)
        for a, b in itertools.pairwise(cuts):
            s, e = _strip(text, a, b)
            if e - s < _MIN_SEGMENT_CHARS or not any(ch.isalnum() for ch in text[s:e]):
                continue
            out.append(Segment(s, e, text[s:e]))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the segments (convenience for evaluation and tests)."""
    return [(s.start, s.end) for s in segments(text)]
