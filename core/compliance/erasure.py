"""Erasure of one person (GDPR Art. 17, PIPL Art. 47) and the purge of those past retention.

What goes: the original document and its text, the redacted text and the redaction mapping, the
job lists, every score and decision, self-identification, and the embedding-cache entries made
from the person's text (keyed by a hash of the placeholder-masked redacted text, the same key the
scorer uses; another candidate with the very same text just re-encodes it). Each person is one
transaction, with a pseudonymous tombstone in the audit log (see ``core.storage.lifecycle``), so
a purge killed half-way leaves every person either whole or gone. After the deletes the WAL is
copied into the main file and truncated; ``secure_delete`` has zeroed the freed space, so no
plaintext of the person is left in the database file, its WAL or anywhere else Veil writes.

What stays: the audit log (append-only, ids only, pseudonymous; kept for the AI Act's six months
and more), learned model weights (numbers, no text) and exports a user wrote on purpose outside
the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from core.compliance import retention
from core.storage.lifecycle import Erased

if TYPE_CHECKING:
    from core.storage import Workspace

REASON_REQUEST = "request"  # the person asked (GDPR Art. 17, PIPL Art. 47)
REASON_RETENTION = "retention"  # the retention period ran out (GDPR Art. 5(1)(e), PIPL Art. 19)


@dataclass(frozen=True)
class PurgeResult:
    """What a purge did (or, dry, would do): candidate numbers only."""

    days: int | None
    due: tuple[int, ...]
    erased: tuple[Erased, ...] = ()
    dry_run: bool = False


def cache_keys(redacted_text: str) -> list[str]:
    """The embedding-cache keys made from this redacted text (every model uses the same key)."""
    from core.scoring.cache import text_key
    from core.scoring.chunking import mask_placeholders

    return [text_key(mask_placeholders(redacted_text))]


def erase_one(ws: Workspace, cid: int, *, reason: str, actor: str) -> Erased:
    """Delete candidate ``cid`` in one transaction, tombstone included (no checkpoint yet)."""
    candidate = ws.candidates.get(cid)
    erased: Erased = ws.lifecycle.erase(
        cid, reason=reason, actor=actor, embedding_keys=cache_keys(candidate.redacted_text)
    )
    return erased


def erase(ws: Workspace, cid: int, *, actor: str, reason: str = REASON_REQUEST) -> Erased:
    """Erase one person now, then leave no copy of them in the WAL."""
    erased = erase_one(ws, cid, reason=reason, actor=actor)
    ws.lifecycle.checkpoint()
    return erased


def retention_days(ws: Workspace) -> int | None:
    return retention.parse_days(ws.settings.get(retention.SETTING_DAYS))


def due(ws: Workspace, now: datetime | None = None) -> list[int]:
    """Candidates past the workspace's retention period (none when no period is set)."""
    return retention.due(ws.lifecycle.activity(), retention_days(ws), now)
