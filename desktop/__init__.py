"""Veil's PySide6 desktop application. No SQL, no model code: it calls core services."""
