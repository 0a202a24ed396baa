"""Learned model versions: every trained model, kept inside the encrypted workspace.

A version holds its weights as bytes (the scoring head, and optionally a fine-tuned encoder),
the hash of the decisions it was trained on, its cross-validation metrics, its date and the hash
of the base encoder. At most one version is active (adopted); the others stay for rollback.
``Encoders`` records the sentence encoders imported into the workspace (name, SHA-256 manifest)
and which one is in use (none: the built-in all-MiniLM-L6-v2).
``None`` as the active version means the untrained scorer. Adoption and rollback are audited by
the service that calls :meth:`Models.set_active`, in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.domain import ModelVersion
from core.errors import NotFoundError
from core.storage.codec import dumps, loads, now
from core.storage.connection import Connection
from core.storage.database import Database

_COLUMNS = (
    "id, kind, created_at, data_hash, base_model_hash, encoder_hash, metrics_json, examples,"
    " active, adopted_at"
)


def version_label(model_id: int) -> str:
    return f"v{model_id}"


def parse_label(version: str) -> int | None:
    text = version.strip().lower().removeprefix("v")
    return int(text) if text.isdigit() else None


def _row(row: tuple[Any, ...]) -> ModelVersion:
    return ModelVersion(
        id=int(row[0]),
        version=version_label(int(row[0])),
        kind=str(row[1]),
        created_at=str(row[2]),
        data_hash=str(row[3]),
        base_model_hash=str(row[4]),
        encoder_hash=str(row[5]),
        metrics=loads(row[6]),
        examples=int(row[7]),
        active=bool(row[8]),
        adopted_at=str(row[9] or ""),
    )


class Models:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self,
        *,
        kind: str,
        data_hash: str,
        base_model_hash: str,
        metrics: dict[str, Any],
        examples: int,
        weights: bytes,
        encoder_weights: bytes | None = None,
        encoder_hash: str = "",
    ) -> ModelVersion:
        """Store a trained version (not active yet)."""

        def work(conn: Connection) -> ModelVersion:
            cur = conn.execute(
                "INSERT INTO models (kind, created_at, data_hash, base_model_hash, encoder_hash,"
                " metrics_json, examples, weights, encoder_weights, active)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                (
                    kind,
                    now(),
                    data_hash,
                    base_model_hash,
                    encoder_hash,
                    dumps(metrics),
                    int(examples),
                    bytes(weights),
                    None if encoder_weights is None else bytes(encoder_weights),
                ),
            )
            found = conn.execute(
                f"SELECT {_COLUMNS} FROM models WHERE id = ?", (cur.lastrowid,)
            ).fetchone()
            return _row(found)

        return self._db.write(work)

    def list(self) -> list[ModelVersion]:
        """Every stored version, oldest first."""
        return self._db.read(
            lambda conn: [
                _row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM models ORDER BY id")
            ]
        )

    def get(self, version: str | int) -> ModelVersion:
        model_id = version if isinstance(version, int) else parse_label(version)

        def work(conn: Connection) -> ModelVersion | None:
            if model_id is None:
                return None
            row = conn.execute(f"SELECT {_COLUMNS} FROM models WHERE id = ?", (model_id,))
            found = row.fetchone()
            return None if found is None else _row(found)

        model = self._db.read(work)
        if model is None:
            raise NotFoundError(
                "There is no model version of that name.",
                hint="See 'veil model list' for the stored versions.",
            )
        return model

    def active(self) -> ModelVersion | None:
        """The adopted version, or None for the untrained scorer."""

        def work(conn: Connection) -> ModelVersion | None:
            row = conn.execute(f"SELECT {_COLUMNS} FROM models WHERE active = 1").fetchone()
            return None if row is None else _row(row)

        return self._db.read(work)

    def weights(self, model_id: int) -> tuple[bytes, bytes | None]:
        """The head's weights and the fine-tuned encoder's (None when not fine-tuned)."""

        def work(conn: Connection) -> tuple[bytes, bytes | None]:
            row = conn.execute(
                "SELECT weights, encoder_weights FROM models WHERE id = ?", (model_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError("There is no model version of that name.")
            return bytes(row[0]), None if row[1] is None else bytes(row[1])

        return self._db.read(work)

    def set_active(self, model_id: int | None) -> None:
        """Make ``model_id`` the active version (None: the untrained scorer)."""

        def work(conn: Connection) -> None:
            if model_id is not None and (
                conn.execute("SELECT 1 FROM models WHERE id = ?", (model_id,)).fetchone() is None
            ):
                raise NotFoundError("There is no model version of that name.")
            conn.execute("UPDATE models SET active = 0 WHERE active = 1")
            if model_id is not None:
                conn.execute(
                    "UPDATE models SET active = 1, adopted_at = ? WHERE id = ?", (now(), model_id)
                )

        self._db.write(work)


# -- imported encoders -----------------------------------------------------------------------


@dataclass(frozen=True)
class EncoderRecord:
    """A sentence encoder imported into this workspace (its files live in Veil's data folder;
    the manifest here is what they are checked against at every load)."""

    id: int
    name: str
    model_hash: str  # the manifest's digest: the model's identity and embedding-cache key
    model_type: str  # bert, xlm-roberta, ...
    dim: int
    manifest_json: str
    imported_at: str
    active: bool = False
    selected_at: str = ""


_ENCODER_COLUMNS = (
    "id, name, model_hash, model_type, dim, manifest_json, imported_at, active, selected_at"
)


def _encoder_row(row: tuple[Any, ...]) -> EncoderRecord:
    return EncoderRecord(
        id=int(row[0]),
        name=str(row[1]),
        model_hash=str(row[2]),
        model_type=str(row[3]),
        dim=int(row[4]),
        manifest_json=str(row[5]),
        imported_at=str(row[6]),
        active=bool(row[7]),
        selected_at=str(row[8] or ""),
    )


class Encoders:
    """The imported encoders; at most one is active (none: the built-in model)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self, *, name: str, model_hash: str, model_type: str, dim: int, manifest_json: str
    ) -> EncoderRecord:
        def work(conn: Connection) -> EncoderRecord:
            cur = conn.execute(
                "INSERT INTO encoders (name, model_hash, model_type, dim, manifest_json,"
                " imported_at, active) VALUES (?, ?, ?, ?, ?, ?, 0)",
                (name, model_hash, model_type, int(dim), manifest_json, now()),
            )
            found = conn.execute(
                f"SELECT {_ENCODER_COLUMNS} FROM encoders WHERE id = ?", (cur.lastrowid,)
            ).fetchone()
            return _encoder_row(found)

        return self._db.write(work)

    def list(self) -> list[EncoderRecord]:
        return self._db.read(
            lambda conn: [
                _encoder_row(r)
                for r in conn.execute(f"SELECT {_ENCODER_COLUMNS} FROM encoders ORDER BY id")
            ]
        )

    def find(
        self, *, name: str | None = None, model_hash: str | None = None
    ) -> EncoderRecord | None:
        """The encoder of that name, or of that hash (or unique hash prefix of 8+ characters)."""

        def work(conn: Connection) -> EncoderRecord | None:
            if name is not None:
                rows = conn.execute(
                    f"SELECT {_ENCODER_COLUMNS} FROM encoders WHERE name = ?", (name,)
                ).fetchall()
            elif model_hash is not None and len(model_hash) >= 8:
                rows = conn.execute(
                    f"SELECT {_ENCODER_COLUMNS} FROM encoders WHERE substr(model_hash, 1, ?) = ?",
                    (len(model_hash), model_hash.lower()),
                ).fetchall()
            else:
                return None
            return _encoder_row(rows[0]) if len(rows) == 1 else None

        return self._db.read(work)

    def active(self) -> EncoderRecord | None:
        """The encoder the workspace uses, or None for the built-in model."""

        def work(conn: Connection) -> EncoderRecord | None:
            row = conn.execute(
                f"SELECT {_ENCODER_COLUMNS} FROM encoders WHERE active = 1"
            ).fetchone()
            return None if row is None else _encoder_row(row)

        return self._db.read(work)

    def set_active(self, encoder_id: int | None) -> None:
        """Use ``encoder_id`` from now on (None: the built-in model)."""

        def work(conn: Connection) -> None:
            if encoder_id is not None and (
                conn.execute("SELECT 1 FROM encoders WHERE id = ?", (encoder_id,)).fetchone()
                is None
            ):
                raise NotFoundError("There is no imported encoder of that name.")
            conn.execute("UPDATE encoders SET active = 0 WHERE active = 1")
            if encoder_id is not None:
                conn.execute(
                    "UPDATE encoders SET active = 1, selected_at = ? WHERE id = ?",
                    (now(), encoder_id),
                )

        self._db.write(work)
