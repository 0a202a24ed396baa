"""One hierarchy of Veil's errors.

``UserError`` and its subclasses are meant to be read by a recruiter: their message says what
happened and what to do, in plain words, and never contains personal data (no names, no file
contents; a file is named only by the label the caller chose to show). Everything else is a bug:
the CLI prints a short notice and the log gets the traceback; the GUI opens its crash dialog.
"""

from __future__ import annotations


class VeilError(Exception):
    """Base of every error Veil raises on purpose."""


class UserError(VeilError):
    """An error whose message is written for the user.

    The message must be safe to show and to log: no personal data, no resume text.
    """

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


# --- workspace -------------------------------------------------------------------------------


class WorkspaceError(UserError):
    """The encrypted workspace cannot be created, opened or used."""


class WrongPassphraseError(WorkspaceError):
    """The passphrase does not open the workspace (or the file is not a workspace)."""

    def __init__(self) -> None:
        super().__init__(
            "Wrong passphrase, or this file is not a Veil workspace.",
            hint="Nothing was changed. Check the passphrase and the file, then try again.",
        )


class WorkspaceNotFoundError(WorkspaceError):
    """No workspace exists at the given place."""


class WorkspaceExistsError(WorkspaceError):
    """A workspace (or another file) is already where a new one should be created."""


class WorkspaceCorruptError(WorkspaceError):
    """The workspace opened but failed its integrity check: it was damaged or tampered with."""


class WorkspaceLockedError(WorkspaceError):
    """The workspace was locked (closed); unlock it again to continue."""


class AuditChainError(WorkspaceError):
    """The audit log's hash chain is broken."""


class NotFoundError(UserError):
    """A record the user asked for (job, candidate, model version) does not exist."""


# --- input and models ------------------------------------------------------------------------


class IntakeError(UserError):
    """One file could not be read. A batch reports it and goes on with the next file."""


class RedactionError(UserError):
    """Redaction could not run (e.g. its language model is missing)."""


class ModelError(UserError):
    """A scoring model is missing, fails its hash check, or is in a format Veil refuses."""


class TrainingError(UserError):
    """Learning from decisions was refused or failed (e.g. too few decisions)."""


# --- security --------------------------------------------------------------------------------


class NetworkBlockedError(VeilError, PermissionError):
    """Something tried to reach the network. Veil never does; this is always a bug or an attack."""

    def __init__(self, target: str) -> None:
        super().__init__(
            f"Veil blocked a network connection to {target}: "
            "Veil works offline and never sends data."
        )
