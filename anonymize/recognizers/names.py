"""Person names in English-script text.

Evidence, strongest first:
- the resume header: the first name-like line or segment (ALL-CAPS included, "Last, First" too);
- labelled fields ("Name:", "Referee:", "英文名：Kevin"), and titles ("Dr. Amaka Obi", "Ms Lee");
- spaCy's PERSON entities, minus allow-listed skills (spaCy tags Kafka, Hive, Java as people);
- the words of email local parts and profile URLs that also appear capitalised in the text.
Then every capitalised or ALL-CAPS occurrence of those name words anywhere in the document is
marked too, so partial mentions ("Mr. Okafor", "OKAFOR") and two-column layouts are covered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from anonymize.allowlist import Allowlist, overlaps
from anonymize.gazetteer import gazetteer
from anonymize.recognizers.base import Hit, ResumeRecognizer
from anonymize.recognizers.header import (
    ROLE_WORDS,
    everyday,
    find_header,
    name_words,
    title_like,
)
from anonymize.recognizers.name_context import gazetteer_names, introduced_names
from anonymize.recognizers.name_parts import (
    HEADING_WORDS,
    LOW,
    ORG_WORDS,
    PARTICLE,
    PARTICLES,
    TOKEN,
    UP,
    word_set,
)
from anonymize.recognizers.skill_lists import in_skill_list, skill_list_items
from anonymize.types import PERSON

_NAME = rf"{TOKEN}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{TOKEN}){{0,3}}"
_NAME_RE = re.compile(rf"^{_NAME}$")
_LAST_FIRST = re.compile(
    rf"^[ \t]*(?P<v>{TOKEN}(?:[ \t-]{TOKEN})?,[ \t]+{TOKEN}(?:[ \t]+{TOKEN})?)[ \t]*$"
)
_FIELD = re.compile(
    r"(?:(?<=^)|(?<=[\s|(]))(?:full\s+name|first\s+name|last\s+name|surname|given\s+names?|"
    r"family\s+name|name|candidate(?:\s+name)?|applicant|referee|reference|contact\s+person|"
    r"supervisor|line\s+manager|reporting\s+to|mentor|advisor|英文名|English\s+name|姓名|"
    r"nom|nombre|vorname|nachname)\s*[:：]\s*"
    rf"(?P<v>{TOKEN}(?:,?[ \t]+(?:{PARTICLE}[ \t]+)?{TOKEN}){{0,3}})",
    re.IGNORECASE | re.MULTILINE,
)
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Madam|Rev|Mme|Herr|Frau)\.?[ \t]+"
    rf"(?P<v>(?:{PARTICLE}[ \t]+){{0,2}}{TOKEN}(?:[ \t]+(?:{PARTICLE}[ \t]+)?{TOKEN}){{0,2}})"
)
_SEGMENT_SPLIT = re.compile(r"[ \t]{2,}|\t|[|·•●▪◆/]|,[ \t]|[ \t][-–—][ \t]|[ \t]?[–—][ \t]?")
_RESUME_PREFIX = re.compile(
    r"^(?:resume|résumé|cv|curriculum\s+vitae)(?:\s+of|\s*[:\-–—])?\s+", re.IGNORECASE
)
_PARTICLES_BEFORE = re.compile(rf"(?:\b{PARTICLE}[ \t]+)+$", re.IGNORECASE)
# the lookbehind only spares retrying from inside a run (a match starts where its run starts)
_EMAIL_LOCAL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])([A-Za-z0-9._%+\-]+)\s?(?:@|\[at\]|\(at\))", re.IGNORECASE
)
_PROFILE_PATH = re.compile(
    r"(?=[gltmx])(?:linkedin\.com/(?:in|pub)/|github\.com/|gitlab\.com/|twitter\.com/|x\.com/|medium\.com/@?)"
    r"([A-Za-z0-9_\-.]+)",
    re.IGNORECASE,
)
_HAN = re.compile(r"[\u3400-\u9fff]")
_LOCAL_STOP = word_set(
    """info contact hello mail email jobs job admin career careers resume office support team work
    dev hr recruit apply the and name user"""
)


class ResumeNameRecognizer(ResumeRecognizer):
    ENTITIES = (PERSON,)

    def __init__(self, allowlist: Allowlist, language: str = "en") -> None:
        self.allowlist = allowlist
        super().__init__(language=language)

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Hit]:
        hits: list[Hit] = []
        strong_words: set[str] = set()
        header_words: set[str] = set()
        header_lower = False
        title_line = (0, 0)
        skill_items = skill_list_items(text, self.allowlist)

        def add(start: int, end: int, score: float, propagate: bool, weak: bool = False) -> None:
            value = text[start:end]
            if end <= start or any(ch.isdigit() or ch == "@" for ch in value):
                return
            on_title_line = start < title_line[1] and title_line[0] < end
            if weak and on_title_line and not _words(value) <= header_words:
                return  # "Charity officer" below the name: a title, not a person
            if weak and in_skill_list(text, skill_items, start, end):
                return  # "Grafana, Octopus, Jenkins": a tool, not a person
            hits.append((PERSON, start, end, score))
            if propagate:
                strong_words.update(_words(value))

        structural = find_header(text, self.allowlist)
        if structural is not None:
            header_words = name_words(text[structural.start : structural.end])
            header_lower = text[structural.start : structural.end].islower()
            title_line = structural.title or (0, 0)
            add(structural.start, structural.end, 0.9, True)
        else:
            header = _header_name(text, self.allowlist)
            if header is not None:
                add(header[0], header[1], 0.9, True)
        for match in _FIELD.finditer(text):
            start, end = match.span("v")
            if not self.allowlist.covers(match.group("v")):
                add(start, end, 0.9, True)
        for match in _TITLED.finditer(text):
            start, end = match.span("v")
            if not self.allowlist.covers(match.group("v")):
                add(start, end, 0.9, True, weak=True)  # "Professor Emeritus" as a title line
        for start, end in self._ner_people(text, nlp_artifacts):
            add(start, end, 0.75, (text[start:end].count(" ") >= 1), weak=True)
        for start, end in introduced_names(text, self.allowlist):
            add(start, end, 0.8, True, weak=True)
        for start, end, score, pair in gazetteer_names(text, nlp_artifacts, self.allowlist):
            add(start, end, score, pair, weak=True)
        in_contacts = self._words_from_contacts(text)
        strong_words.update(in_contacts)
        strong_words = {w for w in strong_words if len(w) >= 2 and w not in self.allowlist}
        # the header's own words in any case ("priya" in a lower-case resume) if the header was
        # written in lower case, the word is a known name or the e-mail address or profile URL
        # holds it too; never everyday words ("will", "grace"): those only when capitalised
        names = gazetteer()
        any_case = {
            w
            for w in header_words & strong_words
            if len(w) >= 3
            and (header_lower or names.is_name(w) or w in in_contacts)
            and not everyday(w, self.allowlist)
        }
        hits.extend(_propagate(text, strong_words, any_case))
        return hits

    def _ner_people(self, text: str, nlp_artifacts: Any) -> Iterable[tuple[int, int]]:
        if nlp_artifacts is None:
            return
        protected = self.allowlist.protected(text)

        def shielded(tok: Any) -> bool:
            a, b = tok.idx, tok.idx + len(tok.text)
            return tok.text in self.allowlist or overlaps(protected, a, b)

        for ent in getattr(nlp_artifacts, "entities", ()) or ():
            if ent.label_ != "PERSON":
                continue
            tokens = [tok for tok in ent if not tok.is_punct and not tok.is_space]
            # drop allow-listed words at the edges ("Python Developer John" -> "John")
            while tokens and (shielded(tokens[0]) or not tokens[0].text[:1].isupper()):
                tokens.pop(0)
            while tokens and (shielded(tokens[-1]) or tokens[-1].is_punct):
                tokens.pop()
            if not tokens or len(tokens) > 5 or any(shielded(t) for t in tokens):
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            value = text[start:end]
            words = [w.casefold() for w in value.split()]
            names = gazetteer()
            if len(tokens) == 1 and not names.is_name(value):
                continue  # a lone capitalised word spaCy calls a person ("Metallica", "Discipline")
            if not any(names.is_name(t.text) for t in tokens) and any(
                t.text.casefold() in names.common for t in tokens
            ):
                continue  # "Guilty Pleasures", "Cautionary Tales": titles, not people
            if "\n" in value or any(w in HEADING_WORDS for w in words) or words[-1] in ORG_WORDS:
                continue
            if _JOB_LINE.search(_line_of(text, start)) and not self.allowlist.covers(value):
                continue  # "Backend Developer, Tailspin Toys  2019-2021": an employer
            yield start, end

    def _words_from_contacts(self, text: str) -> set[str]:
        """Name words hidden in email local parts and profile URLs that the text also shows."""
        pieces: set[str] = set()
        for regex in (_EMAIL_LOCAL, _PROFILE_PATH):
            for match in regex.finditer(text):
                local = match.group(1).lower()
                pieces.update(p for p in re.split(r"[._\-+%\d]+", local) if len(p) >= 3)
        pieces -= _LOCAL_STOP
        if not pieces:
            return set()
        joined = "|".join(sorted(pieces))
        found: set[str] = set()
        head = text[:800]
        for match in re.finditer(rf"\b[{UP}][{LOW}{UP}'’\-]{{2,}}\b", head):
            word = match.group().casefold()
            if word in pieces or (len(word) >= 4 and word in joined and word not in HEADING_WORDS):
                found.add(word)
        return found


_JOB_LINE = re.compile(
    r"(?:19|20)\d\d\s*(?:[-–—]|to)\s*(?:(?:19|20)\d\d|present|now|current)", re.I
)


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def _words(value: str) -> set[str]:
    words = re.findall(r"[^\W\d_][\w'’\-]*", value)
    return {
        w.casefold()
        for w in words
        if len(w.rstrip(".")) >= 2
        and w.casefold() not in PARTICLES
        and w.casefold() not in HEADING_WORDS
    }


def _header_name(text: str, allowlist: Allowlist) -> tuple[int, int] | None:
    """The first name-like line or line segment in the first lines of the document."""
    offset = 0
    seen = 0
    for line in text[:1200].split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > 8:
            break
        last_first = _LAST_FIRST.match(line)
        after_comma = last_first.group("v").split(",")[1] if last_first else ""
        if last_first and seen <= 2 and not allowlist.covers(after_comma):
            return line_start + last_first.start("v"), line_start + last_first.end("v")
        pos = 0
        for segment in _SEGMENT_SPLIT.split(line):
            seg_start = line.find(segment, pos)
            pos = seg_start + len(segment)
            prefix = _RESUME_PREFIX.match(segment.strip())
            stripped = segment.strip()
            lead = len(segment) - len(segment.lstrip())
            if prefix:
                lead += prefix.end()
                stripped = stripped[prefix.end() :]
            if _looks_like_name(stripped, allowlist):
                start = line_start + seg_start + lead
                return start, start + len(stripped)
    return None


def _looks_like_name(value: str, allowlist: Allowlist) -> bool:
    tokens = value.split()
    if value.islower() and 2 <= len(tokens) <= 3:  # "jane doe" styled in lower case
        names = gazetteer()
        return names.is_given(tokens[0]) and names.is_family(tokens[-1])
    if not 2 <= len(tokens) <= 5 or not _NAME_RE.match(value):
        return False
    words = [t.casefold().strip(".") for t in tokens]
    if any(w in HEADING_WORDS for w in words):
        return False
    if all(len(w) == 1 for w in words):
        return False
    if any(w in ROLE_WORDS for w in words):
        return False
    if title_like([w for w in words if len(w) > 1], allowlist):
        return False  # "BUSINESS DEVELOPMENT", "SOFTWARE ENGINEERINGMANAGER"
    return not allowlist.covers(value)


def _propagate(
    text: str, words: set[str], any_case: frozenset[str] | set[str] = frozenset()
) -> Iterable[Hit]:
    """Every capitalised / ALL-CAPS occurrence of a known name word (with particles before it);
    the words of ``any_case`` in lower case too."""
    if not words:
        return
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # A Han character next to a Latin name is a boundary ("David负责后端"). The pattern is new
    # for every document, and a class holding the Han block takes ~10 ms to compile; so unless a
    # name word has Han in it, Han characters are blanked (same offsets) and plain \w is the test.
    scanned = text
    if _HAN.search(alternation) is None:
        letter = r"\w"
        if _HAN.search(text) is not None:
            scanned = _HAN.sub(" ", text)
    else:
        letter = r"[^\W\u3400-\u9fff]"
    pattern = rf"(?<!{letter})(?<![@./])(?:{alternation})(?!{letter}|@|\.[A-Za-z])"
    for match in re.finditer(pattern, scanned, re.IGNORECASE):
        if match.group()[:1].isupper() or match.group().casefold() in any_case:
            start = match.start()
            particles = _PARTICLES_BEFORE.search(text, max(0, start - 30), start)
            if particles is not None:
                start = particles.start()
            yield PERSON, start, match.end(), 0.8
