"""Counterfactual resumes: the same text with names, pronouns and gender markers swapped.

``swap_gender`` turns "Mr John Smith ... he led his team" into "Ms Jane Smith ... she led her
team" (and 先生/女士, 他/她, 男/女 in Chinese). Run through the real redactor and scorer, a resume
and its counterfactual must get the same score: the redactor removes names and gender cues
before the scorer sees anything. Any difference is a leak the report lists.

The swap table is a perturbation, nothing more: it never decides anyone's sex or origin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_ENGLISH_PAIRS = (
    ("he", "she"),
    ("him", "her"),
    ("his", "hers"),
    ("himself", "herself"),
    ("sir", "madam"),
    ("male", "female"),
    ("man", "woman"),
    ("men", "women"),
    ("boy", "girl"),
    ("husband", "wife"),
    ("father", "mother"),
    ("son", "daughter"),
    ("brother", "sister"),
    ("gentleman", "lady"),
    ("chairman", "chairwoman"),
    ("spokesman", "spokeswoman"),
    ("fraternity", "sorority"),
)

#: Common first names paired across sexes (a swap table, not a classifier of people).
_FIRST_NAMES = (
    ("john", "jane"),
    ("james", "mary"),
    ("michael", "michelle"),
    ("robert", "roberta"),
    ("david", "diana"),
    ("william", "emma"),
    ("richard", "rachel"),
    ("thomas", "sarah"),
    ("daniel", "danielle"),
    ("paul", "paula"),
    ("marcus", "maria"),
    ("peter", "linda"),
    ("kevin", "karen"),
    ("brian", "emily"),
    ("george", "olivia"),
    ("joseph", "jessica"),
    ("charles", "charlotte"),
    ("christopher", "christina"),
    ("matthew", "megan"),
    ("andrew", "andrea"),
    ("steven", "stephanie"),
    ("eric", "erica"),
    ("alexander", "alexandra"),
    ("patrick", "patricia"),
    ("rahul", "priya"),
    ("arjun", "ananya"),
    ("mohammed", "fatima"),
    ("ahmed", "aisha"),
    ("wei", "fang"),
    ("jose", "josefina"),
    ("carlos", "carla"),
    ("juan", "juana"),
    ("luis", "luisa"),
    ("emeka", "ngozi"),
    ("hiroshi", "yuki"),
    ("liam", "amelia"),
    ("noah", "mia"),
    ("oliver", "ava"),
    ("elijah", "isabella"),
    ("benjamin", "evelyn"),
    ("lucas", "luna"),
    ("henry", "harper"),
    ("theodore", "sophia"),
)

_CHINESE_PAIRS = (
    ("先生", "女士"),
    ("他们", "她们"),
    ("男性", "女性"),
    ("男士", "女士"),
    ("丈夫", "妻子"),
    ("父亲", "母亲"),
    ("儿子", "女儿"),
    ("兄弟", "姐妹"),
)


def _both_ways(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for a, b in pairs:
        table.setdefault(a, b)
        table.setdefault(b, a)
    return table


_WORDS = _both_ways(_ENGLISH_PAIRS + _FIRST_NAMES)
# "her" is both "him" and "his"; resumes mostly mean "his" ("her team"), and "his" is "her"
_WORDS.update({"her": "his", "his": "her"})
_WORD_RE = re.compile(
    r"(?<![\w'])(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b", re.I
)
# Titles only before a name ("Ms. Walsh", "MR. WALSH"): "MS Office" and "MS in Physics" stay
_TITLES = {"Mr": "Ms", "Ms": "Mr", "Mrs": "Mr", "Miss": "Mr"}
_TITLE_RE = re.compile(r"\b(Mr|Ms|Mrs|Miss|MR|MS|MRS|MISS)(\.?)(?=\s+[A-Z])")
_CHINESE = _both_ways(_CHINESE_PAIRS)
# 他/她 and 男/女 alone; 其他 ("other") and 他人 ("others") are not about a person's sex
_CHINESE_RE = re.compile(
    "|".join(sorted(map(re.escape, _CHINESE), key=len, reverse=True))
    + r"|(?<!其)他(?!人)|(?<!其)她(?!人)|(?<![男女])男(?![女])|(?<![男女])女(?![男])"
)
_CHINESE_SINGLE = {"他": "她", "她": "他", "男": "女", "女": "男"}


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@dataclass(frozen=True)
class Swapped:
    text: str
    swaps: int  # how many words were replaced


def swap_gender(text: str, extra_names: Mapping[str, str] | None = None) -> Swapped:
    """``text`` with gendered words, titles and common first names swapped; ``extra_names``
    (e.g. the person's own names as the redactor found them) are replaced too, by the given
    substitutes."""
    count = 0
    extra = {k.casefold(): v for k, v in (extra_names or {}).items() if k.strip()}

    def english(match: re.Match[str]) -> str:
        nonlocal count
        word = match.group(0)
        count += 1
        return _same_case(_WORDS[word.casefold()], word)

    def chinese(match: re.Match[str]) -> str:
        nonlocal count
        word = match.group(0)
        count += 1
        return _CHINESE.get(word) or _CHINESE_SINGLE[word]

    def title(match: re.Match[str]) -> str:
        nonlocal count
        word, dot = match.group(1), match.group(2)
        if word.isupper() and not dot:
            return match.group(0)  # "MS Excel", "MS Physics": not a title
        count += 1
        return _same_case(_TITLES[word.capitalize()], word) + dot

    out = text
    if extra:
        names = sorted(extra, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)", re.I)

        def name(match: re.Match[str]) -> str:
            nonlocal count
            count += 1
            return _same_case(extra[match.group(0).casefold()], match.group(0))

        out = pattern.sub(name, out)
    out = _TITLE_RE.sub(title, out)
    out = _WORD_RE.sub(english, out)
    out = _CHINESE_RE.sub(chinese, out)
    return Swapped(out, count)


#: Stand-ins for first names the swap table does not hold (never in the table themselves).
_PROBE_FIRST = ("Jordan", "Morgan", "Taylor", "Casey", "Riley", "Avery", "Quinn", "Rowan")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")


def _name_shaped(value: str) -> bool:
    """Two to four words, each capitalised or in capitals: the shape of a person's name
    (a skill the recognizers mistook for a name, such as "sales", is not swapped)."""
    words = value.split()
    return 2 <= len(words) <= 4 and all(
        _NAME_WORD.fullmatch(w) and (w[0].isupper() or w.isupper()) for w in words
    )


def own_name(text: str, names: Iterable[str]) -> str | None:
    """Of the person names the redactor found, the one that comes first in the text and has
    the shape of a name: on a resume, the candidate's own (at the top)."""
    found = [(pos, n) for n in names if _name_shaped(n) and (pos := text.find(n)) >= 0]
    return min(found)[1] if found else None


def substitute_names(names: Iterable[str | None]) -> dict[str, str]:
    """Stand-ins for the first names the swap table does not hold ("Oluwaseun" -> "Jordan"),
    a different one for each; the rest of a name stays, so the person stays one person (the
    table swaps the first names it holds: "Emily Walsh" becomes "Brian Walsh")."""
    out: dict[str, str] = {}
    for name in names:
        if not name:
            continue
        first = name.split()[0].casefold()
        if first not in _WORDS and first not in out:
            out[first] = _PROBE_FIRST[len(out) % len(_PROBE_FIRST)]
    return out


@dataclass(frozen=True)
class CounterfactualRow:
    candidate_id: int
    score: float
    swapped_score: float
    swaps: int
    redacted_changed: bool  # the redacted text differs between the two versions

    @property
    def change(self) -> float:
        return self.swapped_score - self.score


@dataclass(frozen=True)
class CounterfactualResult:
    job: int
    rows: tuple[CounterfactualRow, ...]
    tolerance: float = 1e-6

    @property
    def max_change(self) -> float:
        return max((abs(r.change) for r in self.rows), default=0.0)

    @property
    def moved(self) -> tuple[CounterfactualRow, ...]:
        """The candidates whose score moved (beyond float noise), largest change first."""
        moved = [r for r in self.rows if abs(r.change) > self.tolerance]
        return tuple(sorted(moved, key=lambda r: (-abs(r.change), r.candidate_id)))

    @property
    def texts_changed(self) -> int:
        return sum(r.redacted_changed for r in self.rows)

    def as_json(self) -> dict[str, object]:
        return {
            "job": self.job,
            "candidates": len(self.rows),
            "swaps": sum(r.swaps for r in self.rows),
            "max_change": self.max_change,
            "redacted_texts_changed": self.texts_changed,
            "moved": [
                {
                    "candidate_id": r.candidate_id,
                    "score": r.score,
                    "swapped_score": r.swapped_score,
                    "change": r.change,
                }
                for r in self.moved
            ],
        }
