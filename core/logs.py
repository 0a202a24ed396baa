"""Logging set-up. Logs name events and record ids, never personal data."""

from __future__ import annotations

import logging
import logging.handlers

from core import paths

_configured = False


def setup_logging(level: int = logging.INFO) -> None:
    """Log to a rotating file in the log folder (idempotent)."""
    global _configured
    if _configured:
        return
    handler = logging.handlers.RotatingFileHandler(
        paths.log_dir() / "veil.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = True
