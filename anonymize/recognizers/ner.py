"""spaCy's place, group and organisation entities, minus allow-listed skills and languages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from anonymize.allowlist import Allowlist, overlaps
from anonymize.recognizers.base import Hit, ResumeRecognizer
from anonymize.recognizers.header import find_header
from anonymize.recognizers.profile import NATIONALITY_WORDS
from anonymize.recognizers.skill_lists import in_skill_list, skill_list_items
from anonymize.types import LOCATION, NATIONALITY, ORGANIZATION, RELIGION

_RELIGIOUS = re.compile(
    r"christian|catholic|protestant|muslim|islamic|jewish|hindu|buddhist|sikh|mormon|evangelical",
    re.IGNORECASE,
)
_LABELS = {"GPE": LOCATION, "LOC": LOCATION, "NORP": NATIONALITY, "ORG": ORGANIZATION}


class ResumeNerRecognizer(ResumeRecognizer):
    ENTITIES = (LOCATION, NATIONALITY, RELIGION, ORGANIZATION)

    def __init__(self, allowlist: Allowlist, language: str = "en") -> None:
        self.allowlist = allowlist
        super().__init__(language=language)

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Hit]:
        if nlp_artifacts is None:
            return
        protected = self.allowlist.protected(text)
        header = find_header(text, self.allowlist)
        title = header.title if header is not None else None
        skill_items = skill_list_items(text, self.allowlist)
        for ent in getattr(nlp_artifacts, "entities", ()) or ():
            kind = _LABELS.get(ent.label_)
            if kind is None:
                continue
            value = ent.text
            if "\n" in value or self.allowlist.covers(value) or not value[:1].isupper():
                continue
            start, end = ent.start_char, ent.end_char
            if overlaps(protected, start, end):
                continue
            if any(ch.isdigit() for ch in value) and kind != ORGANIZATION:
                continue
            first_word_of_title = title is not None and start == title[0] and " " not in value
            if first_word_of_title and not NATIONALITY_WORDS.fullmatch(value):
                continue  # "Diagnostic radiographer", "Microbiologist": the title line
            if in_skill_list(text, skill_items, start, end):
                continue  # "Tableau, Sigma, Looker": a tool, not a place or a people
            if kind == NATIONALITY and _RELIGIOUS.search(value):
                kind = RELIGION
            yield kind, start, end, 0.6
