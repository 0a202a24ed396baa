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

from anonymize.allowlist import Allowlist
from anonymize.gazetteer import gazetteer
from anonymize.recognizers.base import Hit, ResumeRecognizer
from anonymize.types import PERSON


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_UP = r"A-ZÀ-ÖØ-ÞĀ-ŽА-Я"
_LOW = r"a-zß-öø-ÿā-žа-я"
_PARTICLES = _word_set(
    """van von der den de da del della di du le la bin binti al el ibn ter ten dos das do y e"""
)
_TOKEN = (
    rf"(?:(?:Mc|Mac|O['’]|D['’]|L['’])?[{_UP}](?:[{_LOW}]+|[{_UP}]+)"
    rf"(?:['’\-][{_UP}]?(?:[{_LOW}]+|[{_UP}]+))*|[{_UP}]\.)"
)
_PARTICLE = r"(?:van|von|der|den|de|da|del|della|di|du|le|la|bin|binti|al|el|ibn|ter|dos|das)"
_NAME = rf"{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_TOKEN}){{0,3}}"
_NAME_RE = re.compile(rf"^{_NAME}$")
_LAST_FIRST = re.compile(
    rf"^[ \t]*(?P<v>{_TOKEN}(?:[ \t-]{_TOKEN})?,[ \t]+{_TOKEN}(?:[ \t]+{_TOKEN})?)[ \t]*$"
)
_FIELD = re.compile(
    r"(?:(?<=^)|(?<=[\s|(]))(?:full\s+name|first\s+name|last\s+name|surname|given\s+names?|"
    r"family\s+name|name|candidate(?:\s+name)?|applicant|referee|reference|contact\s+person|"
    r"supervisor|line\s+manager|reporting\s+to|mentor|advisor|英文名|English\s+name|姓名|"
    r"nom|nombre|vorname|nachname)\s*[:：]\s*"
    rf"(?P<v>{_TOKEN}(?:,?[ \t]+(?:{_PARTICLE}[ \t]+)?{_TOKEN}){{0,3}})",
    re.IGNORECASE | re.MULTILINE,
)
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Madam|Rev|Mme|Herr|Frau)\.?[ \t]+"
    rf"(?P<v>(?:{_PARTICLE}[ \t]+){{0,2}}{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_TOKEN}){{0,2}})"
)
_SEGMENT_SPLIT = re.compile(r"[ \t]{2,}|\t|[|·•●▪◆/]|,[ \t]|[ \t][-–—][ \t]|[ \t]?[–—][ \t]?")
_RESUME_PREFIX = re.compile(
    r"^(?:resume|résumé|cv|curriculum\s+vitae)(?:\s+of|\s*[:\-–—])?\s+", re.IGNORECASE
)
_HEADING_WORDS = _word_set(
    """resume résumé cv curriculum vitae profile summary contact contacts experience education
    skills objective references reference personal information details address phone email mobile
    page confidential portfolio projects work employment history professional career technical core
    competencies certifications languages interests hobbies achievements awards about me gender
    age nationality dob birth date marital status religion ethnicity passport aadhaar ssn id tel
    linkedin github website photo attached headshot picture data head the and of for in at to with
    on by from a an as our your my"""
)
_ROLE_WORDS = _word_set(
    """engineer engineering developer manager management scientist analyst designer consultant
    architect director lead senior junior intern specialist officer administrator assistant
    associate executive coordinator president vice head chief principal staff university college
    school institute inc ltd llc gmbh corp company group bank street road avenue city"""
)
# An NER "person" ending in one of these is an employer ("Tailspin Toys", "Globex Corporation").
_ORG_WORDS = _word_set(
    """inc inc. ltd ltd. llc plc gmbh ag sa corp corp. corporation company co co. group holdings
    labs lab technologies technology tech systems solutions software analytics consulting partners
    healthcare health bank capital ventures works industries international global services toys
    media studios games foods motors airlines energy pharma university college institute school
    academy hospital clinic foundation trust council ministry agency"""
)
_PARTICLES_BEFORE = re.compile(rf"(?:\b{_PARTICLE}[ \t]+)+$", re.IGNORECASE)
_EMAIL_LOCAL = re.compile(r"([A-Za-z0-9._%+\-]+)\s?(?:@|\[at\]|\(at\))", re.IGNORECASE)
_PROFILE_PATH = re.compile(
    r"(?:linkedin\.com/(?:in|pub)/|github\.com/|gitlab\.com/|twitter\.com/|x\.com/|medium\.com/@?)"
    r"([A-Za-z0-9_\-.]+)",
    re.IGNORECASE,
)
_LOCAL_STOP = _word_set(
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

        def add(start: int, end: int, score: float, propagate: bool) -> None:
            value = text[start:end]
            if end <= start or any(ch.isdigit() or ch == "@" for ch in value):
                return
            hits.append((PERSON, start, end, score))
            if propagate:
                strong_words.update(_words(value))

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
                add(start, end, 0.9, True)
        for start, end in self._ner_people(text, nlp_artifacts):
            add(start, end, 0.75, (text[start:end].count(" ") >= 1))
        for start, end in self._introduced(text):
            add(start, end, 0.8, True)
        for start, end, score, pair in self._gazetteer_names(text, nlp_artifacts):
            add(start, end, score, pair)
        strong_words.update(self._words_from_contacts(text))
        strong_words = {w for w in strong_words if len(w) >= 2 and w not in self.allowlist}
        hits.extend(_propagate(text, strong_words))
        return hits

    def _ner_people(self, text: str, nlp_artifacts: Any) -> Iterable[tuple[int, int]]:
        if nlp_artifacts is None:
            return
        protected = self.allowlist.protected(text)

        def shielded(tok: Any) -> bool:
            a, b = tok.idx, tok.idx + len(tok.text)
            return tok.text in self.allowlist or any(s < b and a < e for s, e in protected)

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
            if "\n" in value or any(w in _HEADING_WORDS for w in words) or words[-1] in _ORG_WORDS:
                continue
            if _JOB_LINE.search(_line_of(text, start)) and not self.allowlist.covers(value):
                continue  # "Backend Developer, Tailspin Toys  2019-2021": an employer
            yield start, end

    def _introduced(self, text: str) -> Iterable[tuple[int, int]]:
        """Names right after "my name is", "I'm", "call me", "regards," (any case)."""
        names = gazetteer()
        for match in _INTRO.finditer(text):
            words = list(re.finditer(r"[^\W\d_][\w'’\-]*\.?", match.group("v")))
            kept: list[re.Match[str]] = []
            for i, w in enumerate(words):
                word = w.group().rstrip(".")
                known = names.is_name(word) and word not in self.allowlist
                capital = word[:1].isupper() and word.casefold() not in names.common
                initial = len(word) == 1 and i > 0
                if known or (capital and word not in self.allowlist) or initial:
                    kept.append(w)
                else:
                    break
            while kept and len(kept[-1].group().rstrip(".")) == 1:
                kept.pop()
            if kept:
                base = match.start("v")
                yield base + kept[0].start(), base + kept[-1].end()

    def _gazetteer_names(
        self, text: str, nlp_artifacts: Any
    ) -> Iterable[tuple[int, int, float, bool]]:
        """Runs of capitalised known names ("Szabina J Gelencsér"), and lone given names."""
        names = gazetteer()
        protected = self.allowlist.protected(text)
        # places, and organisations of several words ("Morgan Stanley"); spaCy's small model
        # often calls a lone surname an ORG, so those stay candidates
        places = [
            (e.start_char, e.end_char)
            for e in getattr(nlp_artifacts, "entities", ()) or ()
            if e.label_ in ("GPE", "LOC") or (e.label_ == "ORG" and " " in e.text.strip())
        ]

        def usable(match: _Shifted) -> bool:
            word = match.group()
            a, b = match.span()
            return (
                names.is_name(word.rstrip("."))
                and word not in self.allowlist
                and word.casefold() not in _HEADING_WORDS
                and not any(s < b and a < e for s, e in protected)
            )

        def plain(match: _Shifted) -> bool:
            """A capitalised word that is not a skill, a heading or a common word."""
            word = match.group().rstrip(".")
            a, b = match.span()
            return (
                word.casefold() not in names.common
                and word not in self.allowlist
                and word.casefold() not in _HEADING_WORDS
                and not any(s < b and a < e for s, e in protected)
            )

        for run in _CAP_RUN.finditer(text):
            if _ORG_AFTER.match(text, run.end()) or any(
                w.casefold().rstrip(".") in _ORG_WORDS for w in run.group().split()[1:]
            ):
                continue  # "Garcia, Davis and Jones LLC", "Smith Ltd."
            offset = run.start()
            words = [_Shifted(w, offset) for w in _CAP_WORD.finditer(run.group())]
            while words and words[0].group().rstrip(".").casefold() in _TITLE_WORDS:
                words.pop(0)
            real = [w for w in words if len(w.group().rstrip(".")) > 1]
            if not real:
                continue
            offset = words[0].span()[0]
            if len(real) >= 2 and all(plain(w) for w in real):
                first, last = real[0].group(), real[-1].group().rstrip(".")
                middle_initial = len(real) == 2 and len(words) == 3 and words[1] not in real
                if (
                    all(usable(w) for w in real)
                    or names.is_given(first)
                    or (names.is_family(last) and len(real) <= 3)
                    or middle_initial
                    or _PERSON_VERB.match(text, run.end())
                ):
                    yield words[0].span()[0], run.end(), 0.7, True
                    continue
            if len(real) == 1 and plain(real[0]) and _PERSON_VERB.match(text, run.end()):
                a, b = real[0].span()
                yield a, b, 0.6, False
                continue
            for w in real:
                a, b = w.span()
                word = w.group().rstrip(".")
                if (
                    word[1:].islower()
                    and (names.is_given(word) or names.is_family(word))
                    and usable(w)
                    and not any(s < b and a < e for s, e in places)
                ):
                    yield a, b, 0.55, False
        for pair in _LOWER_PAIR.finditer(text):
            first, last = pair.group(1), pair.group(2)
            if (
                names.is_given(first)
                and names.is_family(last)
                and not (first in self.allowlist or last in self.allowlist)
            ):
                yield pair.start(), pair.end(), 0.5, False

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
        for match in re.finditer(rf"\b[{_UP}][{_LOW}{_UP}'’\-]{{2,}}\b", head):
            word = match.group().casefold()
            if word in pieces or (len(word) >= 4 and word in joined and word not in _HEADING_WORDS):
                found.add(word)
        return found


_CAP_WORD = re.compile(rf"[{_UP}](?:[{_LOW}'’\-]+|[{_UP}'’\-]+)?\.?(?<!['’]s)(?<!['’])")
_CAP_RUN = re.compile(
    rf"(?<![\w@./])[{_UP}](?:[{_LOW}'’\-]+|[{_UP}'’\-]+)?\.?"
    rf"(?:[ ](?:(?:{_PARTICLE})[ ])*[{_UP}](?:[{_LOW}'’\-]+|[{_UP}'’\-]+)?\.?){{0,3}}(?![\w@])"
)


_ORG_AFTER = re.compile(
    r"(?:,?[ \t]+(?:and|&)[ \t]+[A-Z][\w\-]*|,[ \t]*[A-Z][\w\-]*)*,?[ \t]+"
    r"(?:Inc|LLC|Ltd|PLC|GmbH|Corp|Corporation|Company|Co|Group|Partners|Associates|& Sons)\b"
)
_PERSON_VERB = re.compile(
    r"(?:['’]s)?[ \t]+(?:lives|lived|was\s+born|is\s+from|was\s+from|works|worked|said|says|"
    r"wrote|told|joined|founded|married|grew\s+up)\b"
)
_INTRO = re.compile(
    r"\b(?:my\s+name\s+is|my\s+name's|name's|i\s+am|i'm|this\s+is|call\s+me|named|"
    r"regards,|thanks,|cheers,|sincerely,|yours\s+truly,)\s+"
    r"(?P<v>[^\W\d_][\w'’\-]*\.?(?:[ \t]+[^\W\d_][\w'’\-]*\.?){0,2})",
    re.IGNORECASE,
)
_TITLE_WORDS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "madam", "rev"}
)
_LOWER_PAIR = re.compile(rf"(?<![\w@./])([{_LOW}]{{2,}}) ([{_LOW}]{{2,}})(?![\w@])")


class _Shifted:
    """A match inside a run, seen with offsets into the whole text."""

    def __init__(self, match: re.Match[str], offset: int) -> None:
        self._match = match
        self._offset = offset

    def group(self) -> str:
        return self._match.group()

    def span(self) -> tuple[int, int]:
        a, b = self._match.span()
        return a + self._offset, b + self._offset


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
        and w.casefold() not in _PARTICLES
        and w.casefold() not in _HEADING_WORDS
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
    if not 2 <= len(tokens) <= 5 or not _NAME_RE.match(value):
        return False
    words = [t.casefold().strip(".") for t in tokens]
    if any(w in _HEADING_WORDS for w in words):
        return False
    if all(len(w) == 1 for w in words):
        return False
    if any(w in _ROLE_WORDS for w in words):
        return False
    return not allowlist.covers(value)


def _propagate(text: str, words: set[str]) -> Iterable[Hit]:
    """Every capitalised / ALL-CAPS occurrence of a known name word."""
    if not words:
        return
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    for match in re.finditer(
        rf"(?<![\w@./])(?:{alternation})(?![\w@]|\.[A-Za-z])", text, re.IGNORECASE
    ):
        value = match.group()
        if value[:1].isupper():
            yield PERSON, match.start(), match.end(), 0.8
