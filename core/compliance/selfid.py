"""Voluntary self-identification from a CSV file: ``candidate_id`` plus one column per category.

    candidate_id,sex,race_ethnicity
    12,Female,Asian
    13,Male,

Categories are free (sex, race/ethnicity, or whatever a jurisdiction asks about); their names are
normalised to ``lower_snake_case``. An empty cell is no answer and is not stored. Errors name the
line and the column, never a value (the answers are personal). Nothing here infers a category
from anything else: a person's group is only ever what they said it is.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from core.errors import UserError

MAX_ROWS = 200_000
MAX_VALUE_LENGTH = 100
MAX_CATEGORIES = 20
ID_COLUMN = "candidate_id"
_CATEGORY = re.compile(r"[^\W\d_]\w{0,39}")  # a letter (any script), then word characters


class SelfIdFormatError(UserError):
    """The CSV file cannot be read as self-identification answers."""


@dataclass(frozen=True)
class SelfIdTable:
    categories: tuple[str, ...]
    answers: dict[int, dict[str, str]]  # candidate id -> category -> value (answered only)

    @property
    def values(self) -> int:
        return sum(len(a) for a in self.answers.values())


def category_name(header: str) -> str:
    """``"Race / Ethnicity"`` -> ``"race_ethnicity"``."""
    return re.sub(r"\W+", "_", header.strip().casefold()).strip("_")


def _header(row: list[str]) -> tuple[str, ...]:
    names = [category_name(h) for h in row]
    if ID_COLUMN not in names:
        raise SelfIdFormatError(
            "The file has no candidate_id column.",
            hint="The first line names the columns: candidate_id, then one column per category.",
        )
    categories = [n for n in names if n != ID_COLUMN]
    if not categories:
        raise SelfIdFormatError("The file has no category column besides candidate_id.")
    if len(set(names)) != len(names):
        raise SelfIdFormatError("Two columns of the file have the same name.")
    if len(categories) > MAX_CATEGORIES:
        raise SelfIdFormatError(f"The file has more than {MAX_CATEGORIES} category columns.")
    for name in categories:
        if not _CATEGORY.fullmatch(name):
            raise SelfIdFormatError(
                "A column name is not usable as a category.",
                hint="Use letters, digits and underscores, starting with a letter "
                "(e.g. sex, race_ethnicity, 性别).",
            )
    return tuple(names)


def _candidate_id(cell: str, line: int) -> int:
    try:
        cid = int(cell.strip())
    except ValueError:
        raise SelfIdFormatError(f"Line {line}: candidate_id is not a number.") from None
    if cid < 1:
        raise SelfIdFormatError(f"Line {line}: candidate_id must be 1 or more.")
    return cid


def parse_selfid_csv(text: str) -> SelfIdTable:
    """The answers in ``text`` (the file's content); raises ``SelfIdFormatError``."""
    text = text.removeprefix("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    try:
        names = _header(next(rows))
    except StopIteration:
        raise SelfIdFormatError("The file is empty.") from None
    answers: dict[int, dict[str, str]] = {}
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(answers) >= MAX_ROWS:
            raise SelfIdFormatError(f"The file has more than {MAX_ROWS} rows.")
        if len(row) != len(names):
            raise SelfIdFormatError(
                f"Line {line} has {len(row)} cells; the first line names {len(names)} columns."
            )
        cells = dict(zip(names, row, strict=True))
        cid = _candidate_id(cells.pop(ID_COLUMN), line)
        if cid in answers:
            raise SelfIdFormatError(f"Line {line}: candidate {cid} appears twice in the file.")
        given: dict[str, str] = {}
        for category, cell in cells.items():
            value = " ".join(cell.split())
            if len(value) > MAX_VALUE_LENGTH:
                raise SelfIdFormatError(f"Line {line}: the {category} answer is too long.")
            if value:
                given[category] = value
        answers[cid] = given
    return SelfIdTable(tuple(n for n in names if n != ID_COLUMN), answers)
