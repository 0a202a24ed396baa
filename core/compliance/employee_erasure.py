"""Erasure of one employee (GDPR Art. 17, PIPL Art. 47), as ``erasure`` does for candidates.

What goes, in one transaction: every document of the person (original bytes, text, redacted
text, placeholder mapping), their review ratings, their row (with the name that grouped their
documents), every other row keyed to them, and the entries of the employees' embedding cache made
from their documents. Those entries are keyed by a hash of the text the import and the gap
matrix encode (the redacted text with non-claims blanked, ``PersonSink.text_to_encode``, then
placeholder-masked, the same key the scorer uses), so the keys are derived here the same way.
A pseudonymous ``person.erased`` tombstone goes to the audit log in the same transaction; the WAL
is then copied into the main file and truncated, so no plaintext of the person is left behind.

What stays: the audit log (ids only), the role and the course catalogue (not about the person).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from core.compliance.erasure import REASON_REQUEST, REASON_RETENTION, cache_keys
from core.errors import UserError
from core.people.statements import blank_non_claims
from core.storage.people import ErasedPerson

if TYPE_CHECKING:
    from core.storage import Workspace

REASONS = (REASON_REQUEST, REASON_RETENTION, "left", "other")


def person_cache_keys(redacted_texts: Iterable[str]) -> list[str]:
    """The employees' embedding-cache keys made from these redacted documents."""
    return [key for text in redacted_texts for key in cache_keys(blank_non_claims(text))]


def erase_person(
    ws: Workspace, person_id: int, *, actor: str, reason: str = REASON_REQUEST
) -> ErasedPerson:
    """Erase one employee in one transaction, then leave no copy of them in the WAL."""
    if reason not in REASONS:
        raise UserError("Unknown reason for the erasure.", hint="Use: " + ", ".join(REASONS))
    with ws.transaction():  # the documents read are the documents erased
        texts = [doc.redacted_text for doc in ws.people.documents(person_id)]
        erased: ErasedPerson = ws.people.erase(
            person_id, reason=reason, actor=actor, embedding_keys=person_cache_keys(texts)
        )
    ws.lifecycle.checkpoint()
    return erased
