"""Employers and schools by their shape ("Contoso Ltd", "University of Leeds"), for the setting
that redacts organisations too (off by default: they are what the job depends on)."""

from __future__ import annotations

from anonymize.recognizers.base import PatternTableRecognizer, rule
from anonymize.types import ORGANIZATION

_CAP = r"(?:[A-Z][\w&'’.\-]*|&)"
_SUFFIX = (
    r"Inc|Ltd|LLC|LLP|PLC|GmbH|AG|SA|S\.A\.|Corp|Corporation|Company|Co|Group|Holdings|Bank|"
    r"Technologies|Technology|Systems|Solutions|Labs|Partners|Consulting|Analytics|Software|"
    r"University|College|Institute|School|Academy|Hospital|Foundation"
)


class ResumeOrganizationRecognizer(PatternTableRecognizer):
    ENTITIES = (ORGANIZATION,)
    RULES = (
        rule(ORGANIZATION, rf"\b(?:{_CAP}[ \t]+){{1,4}}(?:{_SUFFIX})\b\.?", 0.6),
        rule(
            ORGANIZATION,
            rf"\b(?:University|Universidad|Université|Universität|Institute|College|School)"
            rf"[ \t]+(?:of|de|du|für)[ \t]+{_CAP}(?:[ \t]+(?:{_CAP}|of|de|and))*",
            0.6,
        ),
        rule(
            ORGANIZATION,
            r"[\u4e00-\u9fff]{2,12}(?:有限公司|公司|集团|银行|大学|学院|研究院)",
            0.6,
            han=True,
        ),
    )
