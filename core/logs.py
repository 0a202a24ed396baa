"""Logging set-up. Logs name events and record ids, never personal data."""

from __future__ import annotations

import logging
import logging.handlers
import os

from core import paths

_configured = False


def setup_logging(level: int = logging.INFO) -> None:
    """Log to a rotating file in the log folder (idempotent)."""
    global _configured
    if _configured:
        return
    log_file = paths.log_dir() / "veil.log"
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    if os.name == "posix":  # private even when an older version (or another umask) made it
        for old in log_file.parent.glob("veil.log*"):
            old.chmod(0o600)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = True
