"""The encrypted workspace: SQLCipher file, schema migrations, repositories, one facade.

from core.storage import Workspace
"""

from core.domain import AuditVerification
from core.storage.migrations import LATEST_VERSION
from core.storage.workspace import MIN_PASSPHRASE_LENGTH, Workspace, validate_new_passphrase

__all__ = [
    "LATEST_VERSION",
    "MIN_PASSPHRASE_LENGTH",
    "AuditVerification",
    "Workspace",
    "validate_new_passphrase",
]
