"""How common an English word is: its rank in the bundled encoder's WordPiece vocabulary.

BERT's uncased vocabulary lists whole words roughly by corpus frequency ("the" first), after the
special tokens and single characters. The rank is a fixed, job-independent measure of how much a
matching word tells (a rare tool name tells more than "team").
"""

from __future__ import annotations

from functools import cache

from core.scoring.encoder import default_model_dir

_FIRST_WORD = "the"


@cache
def _ranks() -> dict[str, int]:
    path = default_model_dir() / "vocab.txt"
    words = path.read_text(encoding="utf-8").splitlines()
    try:
        first = words.index(_FIRST_WORD)
    except ValueError:
        first = 0
    ranks: dict[str, int] = {}
    for word in words[first:]:
        if not word.startswith("##") and word not in ranks:
            ranks[word] = len(ranks)
    return ranks


def word_rank(word: str) -> int | None:
    """0 for the most common word; None for words the vocabulary does not hold whole."""
    return _ranks().get(word.lower())
