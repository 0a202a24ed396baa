"""Counterfactual resumes: the same text with names, pronouns and gender markers swapped.

``swap_gender`` turns "Mr John Smith ... he led his team" into "Ms Jane Smith ... she led her
team" (and 先生/女士, 他/她, 男/女 in Chinese). Run through the real redactor and scorer, a resume
and its counterfactual must get the same score: the redactor removes names and gender cues
before the scorer sees anything. Any difference is a leak the report lists.

The swap table is a perturbation, nothing more: it never decides anyone's sex or origin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

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


_GENDERED = _both_ways(_ENGLISH_PAIRS)
# "her" is both "him" and "his"; resumes mostly mean "his" ("her team"), and "his" is "her"
_GENDERED.update({"her": "his", "his": "her"})
_NAMES = _both_ways(_FIRST_NAMES)
# not "Mother's Day" / "Father's Day": a campaign or an event, nothing about the person
_WORD_RE = re.compile(
    r"(?<![\w'])(" + "|".join(sorted(_GENDERED, key=len, reverse=True)) + r")\b(?!['’]s\s+day\b)",
    re.I,
)
# Titles only before a name ("Ms. Walsh", "MR. WALSH"): "MS Office", "MS in Physics" and the
# "MS" of "GC/MS" or "LC-MS" stay
_TITLES = {"Mr": "Ms", "Ms": "Mr", "Mrs": "Mr", "Miss": "Mr"}
_TITLE_RE = re.compile(r"(?<![/\-&])\b(Mr|Ms|Mrs|Miss|MR|MS|MRS|MISS)(\.?)(?=\s+[A-Z])")
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
    names: dict[str, str] = field(default_factory=dict)  # first name (casefolded) -> stand-in


def _swap_names(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, int, dict[str, str]]:
    """The first names the redactor found (``spans``: its PERSON spans in ``text``) that the
    swap table holds, swapped for their pair wherever they appear (Emily -> Brian, a mention the
    redactor missed included). Surnames stay, so the person stays one person. Other words are
    not touched: on real resumes the recognizers take job titles for names ("Outreach
    Manager"), and replacing those would change the resume, not the person's sex."""
    names: dict[str, str] = {}
    for a, b in sorted(set(spans)):
        words = text[a:b].split() if 0 <= a < b <= len(text) else []
        if words and words[0].casefold() in _NAMES:
            names[words[0].casefold()] = _NAMES[words[0].casefold()]
    if not names:
        return text, 0, names
    pattern = re.compile(
        r"(?<![^\W\d_])("
        + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        + r")(?![^\W\d_])",
        re.I,
    )
    out, count = pattern.subn(lambda m: _same_case(names[m.group(0).casefold()], m.group(0)), text)
    return out, count, names


def swap_gender(text: str, names_at: Sequence[tuple[int, int]] = ()) -> Swapped:
    """``text`` with pronouns, titles before a name, gendered words and 先生/女士, 他/她, 男/女
    swapped, and the names at ``names_at`` (the redactor's PERSON spans in ``text``)."""
    out, count, names = _swap_names(text, names_at)

    def english(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return _same_case(_GENDERED[match.group(0).casefold()], match.group(0))

    def chinese(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return _CHINESE.get(match.group(0)) or _CHINESE_SINGLE[match.group(0)]

    def title(match: re.Match[str]) -> str:
        nonlocal count
        word, dot = match.group(1), match.group(2)
        if word.isupper() and not dot:
            return match.group(0)  # "MS Excel", "MS Physics": not a title
        count += 1
        return _same_case(_TITLES[word.capitalize()], word) + dot

    out = _TITLE_RE.sub(title, out)
    out = _WORD_RE.sub(english, out)
    out = _CHINESE_RE.sub(chinese, out)
    return Swapped(out, count, names)


def swap_names_in(text: str, names: dict[str, str]) -> str:
    """``names`` (from a ``Swapped``) applied to another text of the same person, such as the
    file name ("Emily_Walsh_CV.pdf"): whole words between non-letters."""
    if not names:
        return text
    pattern = re.compile(
        r"(?<![^\W\d_])("
        + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        + r")(?![^\W\d_])",
        re.I,
    )
    return pattern.sub(lambda m: _same_case(names[m.group(0).casefold()], m.group(0)), text)


_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})


def swap_one_kind(text: str, kind: str, names_at: Sequence[tuple[int, int]] = ()) -> str:
    """``text`` with only one kind of cue swapped ("names", "pronouns", "words" for the other
    gendered words, "titles", "chinese"): to find which kind moves a score."""
    if kind == "names":
        return _swap_names(text, names_at)[0]
    if kind == "titles":
        return _TITLE_RE.sub(
            lambda m: (
                m.group(0)
                if m.group(1).isupper() and not m.group(2)
                else _same_case(_TITLES[m.group(1).capitalize()], m.group(1)) + m.group(2)
            ),
            text,
        )
    if kind == "chinese":
        return _CHINESE_RE.sub(
            lambda m: _CHINESE.get(m.group(0)) or _CHINESE_SINGLE[m.group(0)], text
        )
    pronouns = kind == "pronouns"
    return _WORD_RE.sub(
        lambda m: (
            _same_case(_GENDERED[m.group(0).casefold()], m.group(0))
            if (m.group(0).casefold() in _PRONOUNS) == pronouns
            else m.group(0)
        ),
        text,
    )


KINDS = ("names", "pronouns", "words", "titles", "chinese")


def person_spans(spans: Iterable[Any]) -> list[tuple[int, int]]:
    """(start, end) of the PERSON spans among redaction spans (objects or dicts)."""
    out = []
    for span in spans:
        fields: dict[str, Any] = span if isinstance(span, dict) else vars(span)
        if str(fields.get("type") or "").upper() in ("PERSON", "NAME"):
            out.append((int(fields.get("start", 0)), int(fields.get("end", 0))))
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
