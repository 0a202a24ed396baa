"""The SHA-256 manifest of a model folder: every file, its size and its hash.

An imported encoder is identified by its manifest's digest (``Manifest.digest``): the SHA-256
of the sorted list of (path, size, SHA-256) lines, so a change to any file (weights, tokenizer,
config) gives another identity, and the embedding cache, keyed by that identity, never mixes
two models' vectors. The manifest is recorded inside the encrypted workspace at import and
checked again at every load: :func:`read_verified` hashes every file, refuses a missing, changed
or added one, and returns the bytes of the files the caller loads, so what is checked is what
is loaded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from core.errors import ModelError

MANIFEST_FORMAT = "veil-manifest-1"
_BLOCK = 1 << 20


@dataclass(frozen=True)
class FileEntry:
    path: str  # relative, POSIX separators
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    files: tuple[FileEntry, ...]  # sorted by path

    @classmethod
    def of(cls, entries: Iterable[FileEntry]) -> Manifest:
        return cls(tuple(sorted(entries, key=lambda e: e.path)))

    @property
    def digest(self) -> str:
        """The model's identity: SHA-256 over every file's path, size and hash."""
        h = hashlib.sha256(MANIFEST_FORMAT.encode() + b"\n")
        for e in self.files:
            h.update(f"{e.path}\0{e.size}\0{e.sha256}\n".encode())
        return h.hexdigest()

    @property
    def total_bytes(self) -> int:
        return sum(e.size for e in self.files)

    def entry(self, path: str) -> FileEntry | None:
        return next((e for e in self.files if e.path == path), None)

    def to_json(self) -> str:
        return json.dumps(
            {"format": MANIFEST_FORMAT, "files": [[e.path, e.size, e.sha256] for e in self.files]},
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data: Any = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
            raise ModelError("The recorded model manifest is in an unknown format.")
        return cls.of(FileEntry(str(p), int(s), str(h)) for p, s, h in data["files"])


def relative_name(path: Path, root: Path) -> str:
    return PurePosixPath(*path.relative_to(root).parts).as_posix()


def hash_file(path: Path) -> tuple[int, str]:
    """Size and SHA-256 of a file, read in blocks."""
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while block := f.read(_BLOCK):
            h.update(block)
            size += len(block)
    return size, h.hexdigest()


def iter_files(root: Path) -> Iterator[Path]:
    """Every regular file under ``root`` (sorted; hidden entries such as ``.git`` skipped)."""
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file():
            yield path


def _integrity_error(name: str, what: str) -> ModelError:
    return ModelError(
        f"The encoder '{name}' failed its integrity check: {what} since it was imported, "
        "so Veil will not load it.",
        hint="Import the original model folder again ('veil model import FOLDER'), or switch "
        "back to the built-in model ('veil model use-encoder builtin').",
    )


def read_verified(
    folder: Path, manifest: Manifest, wanted: Iterable[str], *, name: str
) -> dict[str, bytes]:
    """Check every file of ``folder`` against ``manifest`` (none missing, changed or added) and
    return the bytes of the ``wanted`` files, exactly the bytes that were hashed."""
    want = set(wanted)
    if not folder.is_dir():
        raise ModelError(
            f"The encoder '{name}' recorded in this workspace is not on this computer.",
            hint="Import its folder again ('veil model import FOLDER'), or switch back to the "
            "built-in model ('veil model use-encoder builtin').",
        )
    present = {relative_name(p, folder) for p in iter_files(folder)}
    expected = {e.path for e in manifest.files}
    if missing := sorted(expected - present):
        raise _integrity_error(name, f"{missing[0]} is missing")
    if added := sorted(present - expected):
        raise _integrity_error(name, f"{added[0]} was added")
    out: dict[str, bytes] = {}
    for entry in manifest.files:
        path = folder / entry.path
        try:
            if entry.path in want:
                data = path.read_bytes()
                size, digest = len(data), hashlib.sha256(data).hexdigest()
                out[entry.path] = data
            else:
                size, digest = hash_file(path)
        except OSError as exc:
            raise _integrity_error(name, f"{entry.path} cannot be read ({exc.strerror})") from None
        if size != entry.size or digest != entry.sha256:
            raise _integrity_error(name, f"{entry.path} changed")
    return out
