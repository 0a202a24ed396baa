"""The unlocked state of one workspace: the open Workspace, the engines, who is reviewing.

The GUI reaches data only through this object and core.services. ``lock()`` closes the
Workspace (the database forgets its key) and tells every view to drop what it shows.
Engines (models) hold no personal data and stay loaded across locks so unlocking is quick.
"""

from __future__ import annotations

import getpass
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from core.errors import WorkspaceLockedError
from desktop.worker import GeneratorWorker, ReturnT, YieldT

if TYPE_CHECKING:
    from core.services import Engines
    from core.services.workspaces import Workspace

log = logging.getLogger(__name__)


def default_reviewer() -> str:
    try:
        return getpass.getuser() or "reviewer"
    except (KeyError, OSError):
        return "reviewer"


class Session(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        path: Path,
        *,
        engines: Engines | None = None,
        engines_factory: Callable[[], Engines] | None = None,
        reviewer: str | None = None,
    ) -> None:
        super().__init__()
        self.path = Path(path).expanduser()
        self.reviewer = reviewer or default_reviewer()
        self._workspace: Workspace | None = None
        self._engines = engines
        self._engines_factory = engines_factory
        self._workers: set[GeneratorWorker[Any, Any]] = set()
        self._engines_lock = threading.Lock()

    # --- workspace (open/create are slow: key derivation; call them off the GUI thread) -----

    def exists(self) -> bool:
        return self.path.exists()

    def create(self, passphrase: str) -> None:
        from core.services.workspaces import create_workspace

        self._workspace = create_workspace(self.path, passphrase)
        log.info("workspace created")

    def open(self, passphrase: str) -> None:
        from core.services.workspaces import open_workspace

        self._workspace = open_workspace(self.path, passphrase)
        log.info("workspace unlocked")

    @property
    def is_open(self) -> bool:
        return self._workspace is not None

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            raise WorkspaceLockedError("The workspace is locked.", hint="Unlock it to continue.")
        return self._workspace

    def close(self) -> None:
        workspace, self._workspace = self._workspace, None
        if workspace is not None:
            workspace.close()
            log.info("workspace locked")

    # --- background work and locking --------------------------------------------------------

    def start(self, worker: GeneratorWorker[YieldT, ReturnT]) -> GeneratorWorker[YieldT, ReturnT]:
        """Start ``worker`` and keep track of it, so that locking can stop it first."""
        self._workers.add(worker)
        worker.signals.done.connect(lambda: self._workers.discard(worker))
        return worker.start()

    def busy(self) -> bool:
        return any(worker.is_running() for worker in self._workers)

    def lock(self) -> None:
        """Stop background work, close the workspace, tell the views to drop what they show."""
        workers = list(self._workers)
        for worker in workers:
            worker.cancel()
        for worker in workers:
            if not worker.wait(60):
                log.warning("%s did not stop within 60 s; locking anyway", worker.name)
        self.close()
        self.locked.emit()

    # --- engines (lazy: model code loads in a worker, after the window shows) ---------------

    @property
    def engines(self) -> Engines:
        """The engines, created on first use (any thread: the preload worker usually wins)."""
        with self._engines_lock:
            if self._engines is None:
                if self._engines_factory is not None:
                    self._engines = self._engines_factory()
                else:
                    from core.services import Engines

                    self._engines = Engines()
            return self._engines

    @property
    def loaded_engines(self) -> Engines | None:
        """The engines if they were created already (never creates them)."""
        return self._engines

    def set_engines(self, engines: Engines) -> None:
        self._engines = engines
