"""The resume header: the candidate's own name on the first content line, in any case.

A resume opens with its owner's name, then a title, contact or heading line. That structure is
the evidence, not the spelling: "priya raghunathan", "K. Priya", "PRIYA R", "Oluwaseun Adeyemi"
are found whether or not a model or the gazetteer knows the name. The first content line (after
a "Resume" / "Curriculum Vitae" label) qualifies when its first segment is 1-4 alphabetic tokens
(initials and particles allowed; no digits, no @), is not a heading, a job title or a skill, and
the next line is short (a title or a heading) or holds contact details. A lone word must be a
known name. The line after the name is the title line: weak name evidence (spaCy, the gazetteer)
on it is ignored, so "Charity officer" or "Press photographer" below a name stay as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from anonymize.allowlist import Allowlist, overlaps
from anonymize.gazetteer import gazetteer
from anonymize.recognizers.name_parts import HEADING_WORDS, ORG_WORDS, PARTICLES, word_set

ROLE_WORDS = word_set(
    """engineer engineering developer manager management scientist analyst designer consultant
    architect director lead senior junior intern specialist officer administrator assistant
    associate executive coordinator president vice head chief principal staff university college
    school institute inc ltd llc gmbh corp company group bank street road avenue city nurse
    teacher lecturer professor accountant attorney lawyer technician technologist photographer
    writer editor researcher student graduate trainee apprentice supervisor representative
    programmer tester administrator strategist advisor adviser auditor economist pharmacist
    therapist physician surgeon doctor clerk secretary receptionist recruiter owner founder
    partner freelancer contractor expert professional candidate"""
)
_LABEL_LINE = re.compile(
    r"^(?:resume|résumé|cv|c\.v\.|curriculum\s+vitae|bio[- ]?data|personal\s+(?:profile|details))"
    r"[\s:.\-–—]*$",
    re.IGNORECASE,
)
_RESUME_PREFIX = re.compile(
    r"^(?:resume|résumé|cv|curriculum\s+vitae)(?:\s+of|\s*[:\-–—])?\s+", re.IGNORECASE
)
# what ends the name on its line: a wide gap, a bar or bullet, a dash between spaces ("Jane Doe
# | jane@example.org", "JANE DOE — Data Engineer"); a comma only before credentials ("Jane Doe,
# PhD"), since "Owens, Duran and Oneal" is a firm
_SEGMENT_SPLIT = re.compile(r"[ \t]{2,}|\t|[|·•●▪◆/]|[ \t][-–—][ \t]|[ \t]?[–—][ \t]?")
_CREDENTIALS = re.compile(r"(?:,[ \t]*[A-Z][A-Za-z.]{1,7}\.?)+[ \t]*$")
# a name token: letters with inner apostrophes or hyphens ("O'Reilly", "I-Hsiung"), or an initial
_WORD = re.compile(r"^(?:[^\W\d_]+(?:['’\-][^\W\d_]+)*|[^\W\d_]\.?)$")
_CONTACT = re.compile(r"@|\d{3}|https?:|www\.|linkedin|github|\.com\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。]\s*$")
_MAX_TOKENS = 4
_TOKENS = re.compile(r"\S+")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words job titles are made of (``data/title_words.txt``, from Faker's job list)."""
    text = resources.files("anonymize").joinpath("data/title_words.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def everyday(word: str, allowlist: Allowlist) -> bool:
    """A word of titles, headings, organisations or everyday English, or an allow-listed term."""
    w = word.casefold()
    return (
        w in title_words()
        or w in ROLE_WORDS
        or w in HEADING_WORDS
        or w in ORG_WORDS
        or w in gazetteer().common
        or w in allowlist
    )


def title_like(words: list[str], allowlist: Allowlist) -> bool:
    """True if every word is an everyday word, or two or three run together by a PDF's text
    layer ("DEVELOPMENTMANAGER", "DIRECTOROF"), and none is a known given name: a job title or
    a field ("BUSINESS DEVELOPMENT", "AIRCRAFT SALES"), not a person."""
    names = gazetteer()
    if any(names.is_given(w) for w in words):
        return False
    return all(_everyday_run(w.casefold(), allowlist, 3) for w in words)


def _everyday_run(word: str, allowlist: Allowlist, parts: int) -> bool:
    word = word.strip(".'’-")
    if not word or everyday(word, allowlist) or word in STOP_WORDS:
        return True
    if parts <= 1:
        return False
    return any(
        (everyday(word[:i], allowlist) or word[:i] in STOP_WORDS)
        and _everyday_run(word[i:], allowlist, parts - 1)
        for i in range(2, len(word) - 1)
    )


@dataclass(frozen=True)
class Header:
    start: int  # the name in the original text
    end: int
    title: tuple[int, int] | None  # the line below it, unless that is contact data or a heading


def find_header(text: str, allowlist: Allowlist) -> Header | None:
    """The structural header name of ``text``, if its first content line is one."""
    return _find_header(text, allowlist)


@lru_cache(maxsize=16)
def _find_header(text: str, allowlist: Allowlist) -> Header | None:
    lines = _content_lines(text[:1500], 4)
    while lines and _LABEL_LINE.match(lines[0][2].strip()):
        lines.pop(0)
    if not lines:
        return None
    start, _, line = lines[0]
    segment = _SEGMENT_SPLIT.split(line)[0]
    credentials = _CREDENTIALS.search(segment)
    if credentials is not None:
        segment = segment[: credentials.start()]
    lead = len(segment) - len(segment.lstrip())
    value = segment.strip()
    prefix = _RESUME_PREFIX.match(value)
    if prefix:
        lead += prefix.end()
        value = value[prefix.end() :]
    value = value.rstrip(",;:")
    if not _is_name(value, allowlist):
        return None
    rest_of_line = line[len(segment) :]
    following = lines[1][2] if len(lines) > 1 else ""
    if not (_CONTACT.search(rest_of_line) or _fits_below_name(following)):
        return None
    name_start = start + lead
    title = None
    if len(lines) > 1 and not _CONTACT.search(following):
        title = (lines[1][0], lines[1][1])
    return Header(name_start, name_start + len(value), title)


def _content_lines(text: str, limit: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        offset += len(line) + 1
        if line.strip():
            out.append((start, start + len(line.rstrip()), line.rstrip()))
            if len(out) >= limit:
                break
    return out


def _is_name(value: str, allowlist: Allowlist) -> bool:
    tokens = value.split()
    # single letters are initials ("A Zeynab", "Y Younès"), never particles or function words
    core = [t for t in tokens if len(t.strip(".")) == 1 or t.casefold() not in PARTICLES]
    if not 1 <= len(core) <= _MAX_TOKENS or len(tokens) > _MAX_TOKENS + 2:
        return False
    if not all(_WORD.match(t) for t in tokens):
        return False
    words = [t.casefold().strip(".") for t in core]
    long_words = [w for w in words if len(w.replace("-", "").replace("'", "")) >= 2]
    if not long_words:
        return False  # initials only
    if any(w in HEADING_WORDS or w in ROLE_WORDS or w in ORG_WORDS for w in long_words):
        return False
    if not _one_case([t for t in core if len(t.strip(".")) > 1]):
        return False  # "Hello I moved": a sentence
    if allowlist.covers(value):
        return False
    names = gazetteer()
    initial = len(long_words) < len(words)  # "K August", "Ever C.": the shape of a name
    if not initial and title_like(long_words, allowlist):
        return False  # "BUSINESS DEVELOPMENT", "Human Resources": a title or a field
    shielded = sum(overlaps(allowlist.protected(value), *m.span()) for m in _TOKENS.finditer(value))
    if shielded * 2 > len(tokens):
        return False  # "Machine Learning Enthusiast": mostly skills
    if len(core) == 1:
        return names.is_name(value.strip("."))
    # "we are proud ...", "Thank you"
    return not any(
        w in STOP_WORDS and w not in names.given and w not in names.family for w in long_words
    )


def _one_case(tokens: list[str]) -> bool:
    """All Title Case (or Mc/O' forms), all lower case, or all upper case."""
    if all(t.islower() for t in tokens) or all(t.isupper() for t in tokens):
        return True
    return all(t[:1].isupper() for t in tokens)


def _fits_below_name(line: str) -> bool:
    """A title, a heading or contact details: short, and not a sentence."""
    if not line:
        return True
    if _CONTACT.search(line):
        return True
    words = line.split()
    return len(words) <= 10 and not _SENTENCE_END.search(line)


def name_words(value: str) -> set[str]:
    """The header's words worth finding again: two letters or more, no particles."""
    return {
        w.casefold()
        for w in re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", value)
        if len(w) >= 2 and w.casefold() not in PARTICLES and w.casefold() not in HEADING_WORDS
    }
