"""Embedding cache: vectors as BLOBs keyed by (model hash, text key).

Implements ``core.scoring``'s ``EmbeddingCache`` protocol. Every entry belongs to one model hash
(the built-in encoder's weights hash, or an imported encoder's manifest digest), so switching
encoders re-encodes lazily and never reads another model's vectors; switching back finds the
entries that model left. The vectors stay inside the encrypted
workspace, so no cache of resume-derived data ever sits on disk in the clear.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.storage.connection import Connection
from core.storage.database import Database

_BATCH = 500  # stays under SQLite's bound-parameter limit


_TABLES = ("embeddings", "person_embeddings")  # candidates' texts; employees' (issue 21)


class Embeddings:
    def __init__(self, db: Database, table: str = "embeddings") -> None:
        if table not in _TABLES:
            raise ValueError(f"unknown embedding table {table!r}")
        self._db = db
        self._table = table

    def get_many(self, model_hash: str, keys: Sequence[str]) -> dict[str, bytes]:
        wanted = list(dict.fromkeys(keys))

        def work(conn: Connection) -> dict[str, bytes]:
            found: dict[str, bytes] = {}
            for start in range(0, len(wanted), _BATCH):
                chunk = wanted[start : start + _BATCH]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key, vector FROM {self._table}"
                    f" WHERE model_hash = ? AND key IN ({marks})",
                    (model_hash, *chunk),
                )
                found.update((str(k), bytes(v)) for k, v in rows)
            return found

        return self._db.read(work)

    def put_many(self, model_hash: str, items: Mapping[str, bytes]) -> None:
        rows = [(model_hash, key, bytes(value)) for key, value in items.items()]
        if not rows:
            return
        self._db.write(
            lambda conn: conn.executemany(
                f"INSERT INTO {self._table} (model_hash, key, vector) VALUES (?, ?, ?)"
                " ON CONFLICT (model_hash, key) DO UPDATE SET vector = excluded.vector",
                rows,
            )
        )

    def count(self, model_hash: str | None = None) -> int:
        def work(conn: Connection) -> int:
            if model_hash is None:
                row = conn.execute(f"SELECT count(*) FROM {self._table}").fetchone()
            else:
                row = conn.execute(
                    f"SELECT count(*) FROM {self._table} WHERE model_hash = ?", (model_hash,)
                ).fetchone()
            return int(row[0])

        return self._db.read(work)

    def counts(self) -> dict[str, int]:
        """Cached texts per model hash (each encoder has its own entries)."""
        return self._db.read(
            lambda conn: {
                str(h): int(n)
                for h, n in conn.execute(
                    f"SELECT model_hash, count(*) FROM {self._table} GROUP BY model_hash"
                )
            }
        )

    def clear(self, model_hash: str | None = None) -> None:
        if model_hash is None:
            self._db.write(lambda conn: conn.execute(f"DELETE FROM {self._table}"))
        else:
            self._db.write(
                lambda conn: conn.execute(
                    f"DELETE FROM {self._table} WHERE model_hash = ?", (model_hash,)
                )
            )
