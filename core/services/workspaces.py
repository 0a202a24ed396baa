"""Opening and creating a workspace: the one way the GUI gets a ``Workspace``.

Both are slow on purpose (the passphrase's key derivation): call them off the GUI thread.
``Workspace`` is re-exported so that the desktop can name the type without importing storage.
"""

from __future__ import annotations

from pathlib import Path

from core.services.lifecycle import unlock
from core.storage import Workspace

__all__ = ["Workspace", "create_workspace", "open_workspace"]


def create_workspace(path: Path, passphrase: str) -> Workspace:
    """A new encrypted workspace at ``path`` (its folder is created if missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return Workspace.create(path, passphrase)


def open_workspace(path: Path, passphrase: str) -> Workspace:
    """The workspace at ``path``, unlocked (``WrongPassphraseError`` if the passphrase is wrong);
    candidates past the retention period are deleted first."""
    return unlock(path, passphrase)
