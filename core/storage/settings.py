"""Workspace settings: text values by key (preferences that belong to this workspace)."""

from __future__ import annotations

from core.storage.connection import Connection
from core.storage.database import Database


class Settings:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        def work(conn: Connection) -> str | None:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
            return default if row is None else str(row[0])

        return self._db.read(work)

    def set(self, key: str, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("setting values are text")
        self._db.write(
            lambda conn: conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
        )

    def delete(self, key: str) -> None:
        self._db.write(lambda conn: conn.execute("DELETE FROM settings WHERE key = ?", (key,)))

    def all(self) -> dict[str, str]:
        return self._db.read(
            lambda conn: {
                str(k): str(v)
                for k, v in conn.execute("SELECT key, value FROM settings ORDER BY key")
            }
        )
