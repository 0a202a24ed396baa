"""Sentence encoders of a workspace: import one, list them, choose the one in use.

    result = import_encoder(ws, Path("paraphrase-multilingual-MiniLM-L12-v2"), use=True)
    use_encoder(ws, "builtin")          # back to the bundled all-MiniLM-L6-v2
    bind_encoder(ws, engines)           # ranking and import call this: engines load the choice

An import is checked, copied and probed (``core.scoring.model_import``) before anything is
written to the workspace; a refusal leaves the workspace and Veil's model folder as they were.
The workspace records each encoder's SHA-256 manifest; choosing one checks its files again, and
so does every load. Embeddings are cached per model hash, so a switch re-encodes resumes lazily,
at the next ranking, and a switch back finds the old entries. A learned scoring head was trained
on one encoder's scores: switching to another encoder sets the scorer back to the untrained
one (audited ``model.rolled_back``), and the head can be used again after switching back.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import ModelError, NotFoundError, UserError
from core.scoring.encoder import MINILM_SHA256, MODEL_NAME
from core.scoring.manifest import Manifest
from core.scoring.model_import import EncoderSource, install, run_probe, stage
from core.services.engines import Engines

if TYPE_CHECKING:
    from core.storage import Workspace

log = logging.getLogger(__name__)

BUILTIN = "builtin"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_RESERVED = {BUILTIN, "base", MODEL_NAME.lower()}


@dataclass(frozen=True)
class EncoderInfo:
    """One encoder the workspace can use, for listing."""

    name: str
    model_hash: str
    model_type: str
    dim: int
    files: int
    size_bytes: int
    active: bool
    builtin: bool
    imported_at: str = ""
    cached_texts: int = 0


@dataclass(frozen=True)
class ImportResult:
    encoder: EncoderInfo
    created: bool  # False: the same files were imported before (nothing recorded again)
    active: bool
    probe_similarity: float
    rolled_back: str = ""  # the learned version set aside because the encoder changed


def _info(record: Any, active: bool, cached: int = 0) -> EncoderInfo:
    manifest = Manifest.from_json(record.manifest_json)
    return EncoderInfo(
        name=record.name,
        model_hash=record.model_hash,
        model_type=record.model_type,
        dim=record.dim,
        files=len(manifest.files),
        size_bytes=manifest.total_bytes,
        active=active,
        builtin=False,
        imported_at=record.imported_at,
        cached_texts=cached,
    )


def _builtin(active: bool, cached: int = 0) -> EncoderInfo:
    return EncoderInfo(MODEL_NAME, MINILM_SHA256, "bert", 384, 0, 0, active, True, "", cached)


def default_name(folder: Path) -> str:
    """A name for an imported folder: its own name, reduced to letters, digits, ``.-_``."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", folder.expanduser().resolve().name).strip("-._")
    return name[:64] or "encoder"


def check_name(name: str) -> str:
    if not _NAME.match(name) or name.lower() in _RESERVED:
        raise UserError(
            f"'{name[:64]}' cannot name an encoder.",
            hint="Use up to 64 letters, digits, '.', '-' or '_' (not 'builtin' or 'base').",
        )
    return name


def workspace_encoder_hash(ws: Workspace) -> str:
    """The model hash of the encoder the workspace uses (the built-in one's if none chosen)."""
    active = ws.encoders.active()
    return MINILM_SHA256 if active is None else str(active.model_hash)


def encoder_source(ws: Workspace) -> EncoderSource | None:
    """What the engines should load for ``ws``: its chosen encoder, or None (built-in)."""
    active = ws.encoders.active()
    if active is None:
        return None
    return EncoderSource(active.name, Manifest.from_json(active.manifest_json))


def bind_encoder(ws: Workspace, engines: Engines) -> None:
    """Make ``engines`` load the encoder ``ws`` uses (nothing is loaded until it is needed)."""
    engines.use_encoder(encoder_source(ws))


def list_encoders(ws: Workspace) -> list[EncoderInfo]:
    """The built-in encoder first, then the imported ones, oldest first."""
    counts = ws.embeddings.counts()
    records = ws.encoders.list()
    chosen = next((r.id for r in records if r.active), None)
    out = [_builtin(chosen is None, counts.get(MINILM_SHA256, 0))]
    out += [_info(r, r.id == chosen, counts.get(r.model_hash, 0)) for r in records]
    return out


def _set_aside_learned(ws: Workspace, new_hash: str, actor: str) -> str:
    """Inside a transaction: deactivate the adopted head if another encoder trained it."""
    adopted = ws.models.active()
    if adopted is None or adopted.base_model_hash in ("", new_hash):
        return ""
    ws.models.set_active(None)
    ws.audit.append(
        "model.rolled_back",
        actor,
        {"model": "base", "previous": adopted.version, "cause": "encoder_changed"},
    )
    return str(adopted.version)


def _select(ws: Workspace, record: Any, actor: str) -> str:
    """Inside a transaction: use ``record`` (None: built-in); returns a set-aside version."""
    current = ws.encoders.active()
    ws.encoders.set_active(None if record is None else record.id)
    ws.audit.append(
        "encoder.selected",
        actor,
        {
            "encoder": BUILTIN if record is None else record.name,
            "model_hash": MINILM_SHA256 if record is None else record.model_hash,
            "previous": BUILTIN if current is None else current.name,
        },
    )
    return _set_aside_learned(ws, MINILM_SHA256 if record is None else record.model_hash, actor)


def _check_expected(staged: Any, expected: str) -> None:
    digest = staged.manifest.digest
    weights = staged.manifest.entry("model.safetensors")
    if expected not in (digest, weights.sha256 if weights else ""):
        raise ModelError(
            "The model folder does not match the SHA-256 you gave, so it was not imported.",
            hint=f"Expected {expected[:12]}…; its model.safetensors is "
            f"{weights.sha256[:12] if weights else '?'}… and its manifest {digest[:12]}….",
        )


def import_encoder(
    ws: Workspace,
    folder: Path,
    *,
    name: str | None = None,
    use: bool = False,
    actor: str = "",
    expected_sha256: str | None = None,
) -> ImportResult:
    """Check, copy, probe and record the encoder in ``folder``; ``use``: choose it now.

    ``expected_sha256``: the SHA-256 of its ``model.safetensors`` (as a model's download page
    shows it) or a manifest digest from ``veil model list``; the folder must match it.
    Refusals (``ModelError``, ``UserError``) leave the workspace and the models folder as they
    were. Importing the same files again records nothing new (and restores a damaged copy)."""
    label = check_name(name if name is not None else default_name(folder))
    expected = (expected_sha256 or "").strip().lower()
    if expected and not re.fullmatch(r"[0-9a-f]{64}", expected):
        raise UserError("A SHA-256 is 64 hexadecimal characters.")
    staged = stage(folder)
    try:
        if expected:
            _check_expected(staged, expected)
        digest = staged.manifest.digest
        existing = ws.encoders.find(model_hash=digest)
        if existing is None:
            taken = ws.encoders.find(name=label)
            if taken is not None:
                raise UserError(
                    f"Another encoder is already called '{label}'.",
                    hint="Give this one another name with --name.",
                )
        else:
            label = existing.name
        probe = run_probe(staged, name=label)
        install(staged)
    finally:
        staged.discard()
    rolled_back = ""
    with ws.transaction():
        record = existing
        if record is None:
            record = ws.encoders.add(
                name=label,
                model_hash=digest,
                model_type=staged.model_type,
                dim=probe.dim,
                manifest_json=staged.manifest.to_json(),
            )
            ws.audit.append(
                "encoder.imported",
                actor,
                {
                    "encoder": label,
                    "model_hash": digest,
                    "model_type": staged.model_type,
                    "files": len(staged.manifest.files),
                },
            )
        if use and not record.active:
            rolled_back = _select(ws, record, actor)
    active = use or record.active
    log.info("encoder %s imported (new=%s, in use=%s)", digest[:12], existing is None, active)
    return ImportResult(
        encoder=_info(record, active),
        created=existing is None,
        active=active,
        probe_similarity=probe.similarity,
        rolled_back=rolled_back,
    )


def find_encoder(ws: Workspace, which: str) -> Any:
    """The imported encoder named ``which`` (or with that hash prefix); None for built-in."""
    key = which.strip()
    if key.lower() in _RESERVED:
        return None
    record = ws.encoders.find(name=key) or ws.encoders.find(model_hash=key)
    if record is None:
        raise NotFoundError(
            f"There is no encoder called '{key[:64]}' in this workspace.",
            hint="See 'veil model list'; import one with 'veil model import FOLDER'.",
        )
    return record


def use_encoder(ws: Workspace, which: str, *, actor: str = "") -> tuple[EncoderInfo, str]:
    """Use the encoder ``which`` ("builtin", a name or a hash prefix) from now on. Its files
    are checked against the recorded manifest first: a changed or missing file is refused and
    nothing changes. Returns the encoder and the learned version set aside ("" if none)."""
    record = find_encoder(ws, which)
    if record is not None:
        EncoderSource(record.name, Manifest.from_json(record.manifest_json)).verify()
    current = ws.encoders.active()
    if (current is None and record is None) or (
        current is not None and record is not None and current.id == record.id
    ):
        return (_builtin(True) if record is None else _info(record, True)), ""
    with ws.transaction():
        rolled_back = _select(ws, record, actor)
    return (_builtin(True) if record is None else _info(record, True)), rolled_back


def check_learned_fits(ws: Workspace, model: Any) -> None:
    """Refuse a learned version trained on another encoder than the one in use."""
    base = str(getattr(model, "base_model_hash", "") or "")
    if base and base != workspace_encoder_hash(ws):
        raise ModelError(
            f"Model {model.version} was trained on another encoder than the one in use.",
            hint="Switch to that encoder first ('veil model use-encoder NAME'), or learn again.",
        )
