"""Words, sentences and readability of a posting or review, in English and Chinese.

English readability is Flesch reading ease and Flesch-Kincaid grade with syllables counted from
pyphen's hyphenation dictionary (shipped in its wheel: nothing is downloaded), the way textstat
counted them before it moved to a pronunciation dictionary that it downloads at run time.
Chinese readability is sentence length in jieba words and the mean word length in characters.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_EN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_EN_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|\n(?=\s*(?:[-*•·]|\d+[.)])\s)|\n")
_ZH_SENTENCE_END = re.compile(r"[。！？；!?;\n]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_PUNCT = re.compile(r"^[\W_]+$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: int


def sentence_bounds(text: str, pos: int, language: str) -> tuple[int, int]:
    """The sentence (or bullet line) around ``pos``: start and end offsets."""
    ends = _ZH_SENTENCE_END if language == "zh" else _EN_SENTENCE_END
    start = 0
    for before in ends.finditer(text, 0, pos):
        start = before.end()
    after = ends.search(text, pos)
    return start, (after.start() if after else len(text))


def _spans(text: str, language: str) -> Iterator[tuple[int, int]]:
    ends = _ZH_SENTENCE_END if language == "zh" else _EN_SENTENCE_END
    start = 0
    for m in ends.finditer(text):
        if text[start : m.start()].strip():
            yield start, m.start()
        start = m.end()
    if text[start:].strip():
        yield start, len(text)


@functools.cache
def _pyphen() -> Any:
    import pyphen  # pure Python; its dictionaries are files inside the wheel

    return pyphen.Pyphen(lang="en_US")


@functools.lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables of an English word: hyphenation points + 1 (textstat 0.7.3's method)."""
    return len(_pyphen().positions(word.lower())) + 1


@functools.cache
def _jieba() -> Any:
    import jieba  # the dictionary ships in the package

    jieba.setLogLevel(60)
    return jieba


@functools.lru_cache(maxsize=16)
def word_spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the words (English: letters and digits; Chinese: jieba tokens without spaces
    and punctuation). Cached: one check asks for the same text's words several times."""
    if language != "zh":
        return tuple(m.span() for m in _EN_WORD.finditer(text))
    out = []
    for token, start, end in _jieba().tokenize(text, HMM=False):  # HMM: slow, no gain here
        if token.strip() and not _PUNCT.match(token):
            out.append((start, end))
    return tuple(out)


def words(text: str, language: str) -> list[str]:
    return [text[s:e] for s, e in word_spans(text, language)]


def sentences(text: str, language: str) -> list[Sentence]:
    starts = [s for s, _ in word_spans(text, language)]
    out = []
    for start, end in _spans(text, language):
        n = bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)
        if n:
            out.append(Sentence(start, end, n))
    return out


def readability(text: str, language: str) -> dict[str, float]:
    """Readability figures: for English Flesch reading ease and Flesch-Kincaid grade, for both
    languages words per sentence; for Chinese also characters per word."""
    sents = sentences(text, language)
    tokens = words(text, language)
    n_sent = max(1, len(sents))
    n_words = max(1, len(tokens))
    out: dict[str, float] = {
        "sentences": float(len(sents)),
        "words": float(len(tokens)),
        "words_per_sentence": round(len(tokens) / n_sent, 2),
    }
    if language == "zh":
        chars = sum(len(_CJK.findall(t)) for t in tokens)
        out["characters_per_word"] = round(chars / n_words, 2)
        return out
    syl = sum(syllables(t) for t in tokens)
    out["syllables_per_word"] = round(syl / n_words, 3)
    out["flesch_reading_ease"] = round(
        206.835 - 1.015 * (n_words / n_sent) - 84.6 * (syl / n_words), 1
    )
    out["flesch_kincaid_grade"] = round(
        0.39 * (n_words / n_sent) + 11.8 * (syl / n_words) - 15.59, 1
    )
    return out
