"""The notice to employees before Veil reads documents about their work (EU AI Act Art. 26(7);
GDPR Art. 13 and 14; PIPL Art. 17), in English and Chinese.

``render(facts, lang)`` fills ``templates/notice_employee_{lang}.md`` with what the workspace
knows: the organisation and privacy contact (``veil retention contact``, as the candidates'
export and explanation name them) and the titles of the roles Veil is used for. What only the
employer can say (the retention period of personnel records, when the representatives were
informed) stays marked "[to complete]". Nothing about any person goes into it.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.compliance.assessment import LANGUAGES, TO_COMPLETE, fill
from core.errors import UserError

_SEPARATOR = {"en": ", ", "zh": "、"}


@dataclass(frozen=True)
class NoticeFacts:
    generated: str  # the date the draft was made
    organisation: str = ""
    contact: str = ""
    roles: tuple[str, ...] = ()  # role titles


def render(facts: NoticeFacts, lang: str = "en") -> str:
    """The notice as Markdown, in ``lang`` ("en" or "zh")."""
    if lang not in LANGUAGES:
        raise UserError(f"No notice template for {lang[:10]!r}.", hint="Use en or zh.")
    todo = TO_COMPLETE[lang]
    return fill(
        "notice_employee",
        lang,
        {
            "generated": facts.generated,
            "organisation": facts.organisation or todo,
            "contact": facts.contact or todo,
            "roles": _SEPARATOR[lang].join(facts.roles) or todo,
        },
    )
