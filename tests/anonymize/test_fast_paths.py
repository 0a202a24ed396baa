"""The cheaper code paths give exactly what the plain ones they replaced gave."""

from __future__ import annotations

import random
import re

from anonymize.allowlist import Allowlist, overlaps
from anonymize.recognizers.names import _propagate
from anonymize.types import PERSON

_NAMES = ["Anna", "ANNA", "anna", "Lee", "LEE", "Mary-Jane", "O'Brien", "Okafor", "okafor", "Zoë"]
_OTHER = ["张伟", "负责", "後", "䷀", ".", "@", "/", "-", "'", "’", "x", "7", ".com", "_", "ſ", "K"]
_PIECES = [*_NAMES, *_OTHER, "İ", " ", "\u3000", "  ", "\n", "van ", "de "]


def _reference(text: str, words: set[str]) -> list[tuple[str, int, int, float]]:
    """_propagate as first written: one pattern with the Han block in its letter class."""
    from anonymize.recognizers.names import _PARTICLES_BEFORE

    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    letter = r"[^\W\u3400-\u9fff]"
    pattern = rf"(?<!{letter})(?<![@./])(?:{alternation})(?!{letter}|@|\.[A-Za-z])"
    hits = []
    for match in re.finditer(pattern, text, re.IGNORECASE):
        if match.group()[:1].isupper():
            start = match.start()
            particles = _PARTICLES_BEFORE.search(text, max(0, start - 30), start)
            if particles is not None:
                start = particles.start()
            hits.append((PERSON, start, match.end(), 0.8))
    return hits


def test_propagate_matches_the_reference_pattern_on_mixed_script_text() -> None:
    rng = random.Random(3)
    vocab = ["anna", "lee", "mary-jane", "o'brien", "okafor", "zoë", "mary", "jane", "张伟"]
    checked = 0
    for _ in range(600):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        words = set(rng.sample(vocab, rng.randint(1, 4)))
        expected = _reference(text, words)
        assert list(_propagate(text, words)) == expected, (text, words)
        checked += bool(expected)
    assert checked > 100  # the random texts do contain names to find


def test_overlaps_agrees_with_a_linear_scan_of_the_protected_spans() -> None:
    allowlist = Allowlist()
    rng = random.Random(5)
    words = ["Python", "Kafka", "machine learning", "Anna", "SQL.", "...", "(AWS)", "x", "\n"]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        protected = allowlist.protected(text)
        for _ in range(20):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text) + 1)
            linear = any(s < b and a < e for s, e in protected)
            assert overlaps(protected, a, b) == linear
