"""Postal address blocks spread over several lines:

    20789 Allika 46            221B Baker Street
     Suite 501                 London NW1 6XE
     Riisa                     United Kingdom
     Estonia 62488

A street line (a house number and a street name, in either order) followed by continuation lines
(unit, city, region, postcode, country) becomes one address span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from anonymize.recognizers.addresses import _SUFFIX
from anonymize.recognizers.base import Hit, ResumeRecognizer, folded
from anonymize.types import ADDRESS

_WORD = r"[^\W\d_][\w'’.\-]*"
_STREET_NUMBER_FIRST = re.compile(
    rf"^(?:\d{{1,6}}[A-Za-z]?[ \t]+)?\d{{1,6}}[A-Za-z]?,?[ \t]+{_WORD}(?:[ \t]+(?:{_WORD}|\d{{1,5}}\.?))*$"  # noqa: E501
)
_STREET_NAME_FIRST = re.compile(
    rf"^{_WORD}(?:[ \t]+{_WORD}){{0,3}}[ \t]+\d{{1,5}}[A-Za-z]?\.?(?:[ \t]+(?:Apt|Suite|Unit)\.?[ \t]+\w+)?$"  # noqa: E501
)
_YEAR_LEAD = re.compile(r"^(?:19|20)\d\d[ \t]+[^\W\d_]")
_UNIT = re.compile(
    r"^(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|Box|Bldg|Building|#|APO|DPO|FPO|PSC)\b"
    r"\.?[ \t]*[\w\-]+(?:[ \t,]+[\w\-]+){0,3}$",
    re.IGNORECASE,
)
_POSTCODE = re.compile(
    r"\b(?:\d{4,6}(?:-\d{3,4})?|\d{3}[ \t]\d{2}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|"
    r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|\d{4}[ \t][A-Z]{2})\b"
)
_PLACE = re.compile(
    rf"^,?[ \t]*(?:{_WORD}|\d{{1,3}})(?:[ \t,()]+(?:{_WORD}|\d{{1,6}}(?:-\d{{3,4}})?)){{0,5}}[ \t)]*$"  # noqa: E501
)
_MAX_LINE = 60
_DIGIT = re.compile(r"\d")
_QUOTE = re.compile(r"^(?:[ \t]*(?:>|\?{2,}|[•·▪►*]))+")  # quoting and bullets


def _is_country(line: str) -> bool:
    low = re.sub(r"[\d,()\-]+", " ", line).strip().casefold()
    return " ".join(low.split()) in _KNOWN_COUNTRIES


_KNOWN_COUNTRIES = frozenset(
    """united kingdom|uk|england|scotland|wales|ireland|usa|united states|canada|australia|
    new zealand|germany|france|spain|portugal|italy|netherlands|belgium|switzerland|austria|sweden|
    norway|denmark|finland|iceland|poland|czech republic|slovakia|hungary|romania|bulgaria|greece|
    cyprus|cyprus greek|turkey|russia|ukraine|estonia|latvia|lithuania|china|japan|korea|
    south korea|india|pakistan|bangladesh|singapore|malaysia|indonesia|philippines|vietnam|
    thailand|nigeria|ghana|kenya|south africa|egypt|morocco|brazil|argentina|chile|colombia|peru|
    mexico|uruguay|israel|uae|saudi arabia|slovenia|croatia|serbia|luxembourg|greenland""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|")
)


_STREET_AT_END = re.compile(
    rf"(?:^|(?<=[\s:,]))(?!(?:19|20)\d\d\b)(\d{{1,6}}[A-Za-z]?[ \t]+(?:\d{{1,5}}[ \t]+)?"
    rf"{_WORD}(?:[ \t]+{_WORD}){{0,4}}[ \t]+\d{{1,5}}[A-Za-z]?\.?)[ \t]*$"
)


_CAP_WORD = r"[^\W\d_a-z][\w'’.\-]*"
# a street at the end of a longer line: "... send it to 1987 74 Diakou Street",
# "... at PSC 0413, Box 8144", "... at Fuglie 41 Popović Dam"
_STREET_TAILS = (
    re.compile(
        rf"(?:^|(?<=[\s:,]))(?!(?:19|20)\d\d\b)(\d{{1,6}}[A-Za-z]?[ \t]+(?:\d{{1,5}}[ \t]+)?"
        rf"(?:{_WORD}[ \t]+){{0,4}}(?:{_SUFFIX})\b\.?(?:[ \t]+{_CAP_WORD}){{0,3}})[ \t]*$"
    ),
    re.compile(
        r"(?:^|(?<=[\s:,]))((?:P\.?[ \t]?O\.?[ \t]?Box|PSC|Unit)[ \t]+\d{1,6}"
        r"(?:,?[ \t]+Box[ \t]+\d{1,6})?"
        rf"(?:[ \t]+{_CAP_WORD}){{0,3}})[ \t]*$",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:^|(?<=[\s:,]))({_CAP_WORD}(?:[ \t]+{_CAP_WORD})?[ \t]+\d{{1,5}}[A-Za-z]?\.?"
        rf"[ \t]+{_CAP_WORD}(?:[ \t]+{_CAP_WORD})?)[ \t]*$"
    ),
)


def _street(line: str) -> int:
    """Where a street starts in this line (-1: no street)."""
    if "@" in line or _DIGIT.search(line) is None or _UNIT.match(line.strip()):
        return -1
    stripped = line.strip()
    short = len(stripped) <= _MAX_LINE and not _YEAR_LEAD.match(stripped)
    if short and (_STREET_NUMBER_FIRST.match(stripped) or _STREET_NAME_FIRST.match(stripped)):
        return len(line) - len(line.lstrip())
    for pattern, may_end_line in _TAIL_GATES:
        if not may_end_line(line):
            continue
        tail = pattern.search(line)
        if tail:
            return tail.start(1)
    return -1


# Each tail pattern is searched from every position of the line; these tests of the line's end
# are true wherever the pattern matches, and false on most lines (dates, bullets, sentences).
def _ends_with_number(line: str) -> bool:
    r"""``\d[A-Za-z]?\.?[ \t]*$``, the end of ``_STREET_AT_END``."""
    end = line.rstrip(" \t")
    end = end.removesuffix(".")
    if end[-1:] in _ASCII_LETTERS:
        end = end[:-1]
    return end[-1:].isdecimal()


def _ends_with_box(line: str) -> bool:
    low = folded(line)
    return low is None or "box" in low or "psc" in low or "unit" in low


def _ends_with_place(line: str) -> bool:
    """A number chunk, then one or two capitalised chunks end the line (``_STREET_TAILS[2]``)."""
    chunks = [c for c in line.replace("\t", " ").split(" ") if c]
    if not chunks or not _CAP_CHUNK.fullmatch(chunks[-1]):
        return False
    return any(_NUMBER_CHUNK.fullmatch(c) for c in chunks[-3:-1])


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CAP_CHUNK = re.compile(_CAP_WORD)
_NUMBER_CHUNK = re.compile(r"\d{1,5}[A-Za-z]?\.?")


def _any_line(line: str) -> bool:
    return True


_TAIL_GATES = (
    (_STREET_AT_END, _ends_with_number),
    (_STREET_TAILS[0], _any_line),
    (_STREET_TAILS[1], _ends_with_box),
    (_STREET_TAILS[2], _ends_with_place),
)


def _kind(line: str) -> str | None:
    """unit / code (has a postcode) / country / place, or None if not an address line."""
    if not line or len(line) > _MAX_LINE or "@" in line:
        return None
    if _UNIT.match(line):
        return "unit"
    if _is_country(line):
        return "country"
    if _PLACE.match(line) or re.fullmatch(r",?[ \t]*[A-Za-z]{2,3}[ \t]*", line):
        if _POSTCODE.search(line) or line.casefold() in ("nan", ", nan"):
            return "code"
        if re.search(r"\d", line):
            return None
        return "place"
    if _POSTCODE.fullmatch(line.strip(", ")):
        return "code"
    return None


class ResumeAddressBlockRecognizer(ResumeRecognizer):
    ENTITIES = (ADDRESS,)

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Hit]:
        lines: list[tuple[int, str]] = []
        offset = 0
        for raw in text.split("\n"):
            quote = _QUOTE.match(raw)  # e-mail quoting ("> 12 Main St")
            cut = quote.end() if quote else 0
            lines.append((offset + cut, raw[cut:]))
            offset += len(raw) + 1
        i = 0
        while i < len(lines):
            start, raw = lines[i]
            lead = _street(raw)
            if lead < 0:
                i += 1
                continue
            kinds: list[str] = []
            last = i
            j = i + 1
            blank = 0
            while j < len(lines) and len(kinds) < 6:
                stripped = lines[j][1].strip()
                if not stripped:
                    blank += 1
                    if blank > 1:
                        break
                    j += 1
                    continue
                ends = stripped[-1] in ".?!" and not _UNIT.match(stripped)
                kind = _kind(stripped.rstrip(".?!") if ends else stripped)
                if kind is None:
                    break
                kinds.append(kind)
                last = j
                j += 1
                if ends:
                    break
            # drop trailing plain places ("Software Engineer" after an address is not a city)
            while kinds and kinds[-1] == "place":
                kinds.pop()
                last -= 1
                while last > i and not lines[last][1].strip():
                    last -= 1
            if kinds and any(k in ("unit", "code", "country") for k in kinds):
                end_offset, end_raw = lines[last]
                yield ADDRESS, start + lead, end_offset + len(end_raw.rstrip()), 0.75
                i = last + 1
            else:
                i += 1
