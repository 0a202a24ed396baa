"""Text clean-up shared by every format: NFKC, ligatures, invisible characters, bullets,
de-hyphenation at line ends, whitespace, and headers/footers repeated on every page."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

# Characters that carry no text: soft hyphen, zero-width marks, BOM, bidi marks.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"),
    None,
)
# Bullet glyphs (Unicode and the private-use code points of Symbol/Wingdings fonts).
_BULLETS = "•●▪■◦○◆◇►▶▸▹➢➤✓✔✗❖⦿⁃∙·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8\uf0de"
_BULLET_LINE = re.compile(rf"^[ \t]*(?:[{re.escape(_BULLETS)}]|[-*–—](?=\s))[ \t]*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u0080-\u009f]")
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+")
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])[-\u2010](?:\n)(?=[a-z])")
_BLANK_RUNS = re.compile(r"\n{3,}")
_PAGE_NUMBER = re.compile(
    r"^(?:page|pg\.?|seite|第)?\s*[-–(]?\s*\d{1,3}\s*(?:(?:/|of|von|共)\s*\d{1,3})?\s*[-–)]?\s*页?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def clean_text(text: str) -> str:
    """Clean one document's text (no page structure)."""
    return _finish(_normalise(text))


def clean_pages(pages: Sequence[str]) -> str:
    """Clean a paged document: drop headers/footers repeated across pages, then clean."""
    normalised = [_normalise(page) for page in pages]
    if len(normalised) >= 2:
        normalised = _drop_repeated_margins(normalised)
    normalised = [_drop_page_number_lines(page) for page in normalised]
    return _finish("\n\n".join(page for page in normalised if page.strip()))


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0b", "\n")
    text = text.translate(_INVISIBLE)
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub("", text)
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        line = _BULLET_LINE.sub("- ", line) if line else line
        lines.append(line.rstrip())
    return "\n".join(lines)


def _finish(text: str) -> str:
    text = _HYPHEN_BREAK.sub("", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


_PAGE_WORD = re.compile(r"\b(?:page|pg|seite|p)\b|第|页")


def _margin_key(line: str) -> str:
    """Page-number lines compare without their numbers ("Page 2 of 3" repeats as "page # of
    #"); every other line must repeat exactly (dates and figures are content)."""
    key = line.strip().lower()
    if len(key) <= 30 and (_PAGE_WORD.search(key) or _PAGE_NUMBER.match(key)):
        return _DIGITS.sub("#", key)
    return key


def _depth(lines: Sequence[object], depth: int) -> int:
    return max(1, min(depth, len(lines) // 4))


def _drop_repeated_margins(pages: list[str], depth: int = 3) -> list[str]:
    """Remove lines that sit in the top or bottom ``depth`` lines of most pages."""
    counts: Counter[str] = Counter()
    for page in pages:
        lines = [line for line in page.split("\n") if line.strip()]
        d = _depth(lines, depth)
        margin = set(map(_margin_key, lines[:d] + lines[-d:]))
        counts.update(margin)
    needed = max(2, (len(pages) + 1) // 2 + (1 if len(pages) > 2 else 0))
    repeated = {key for key, count in counts.items() if count >= needed and len(key) < 120}
    if not repeated:
        return pages
    result = []
    for page in pages:
        lines = page.split("\n")
        content = [i for i, line in enumerate(lines) if line.strip()]
        d = _depth(content, depth)
        edge = set(content[:d] + content[-d:])
        kept = [
            line
            for i, line in enumerate(lines)
            if i not in edge or _margin_key(line) not in repeated
        ]
        result.append("\n".join(kept))
    return result


def _drop_page_number_lines(page: str) -> str:
    lines = page.split("\n")
    content = [i for i, line in enumerate(lines) if line.strip()]
    edge = set(content[:1] + content[-1:])
    return "\n".join(
        line for i, line in enumerate(lines) if i not in edge or not _PAGE_NUMBER.match(line)
    )
