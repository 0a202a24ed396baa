"""Importing a user's own sentence encoder: check the folder, copy it, probe it.

    staged = stage(folder)              # refusals raise ModelError; the copy is hashed
    try:
        probe = run_probe(staged)       # loads it offline from the copy and encodes sentences
        place = install(staged)         # data/models/<manifest digest>/
    finally:
        staged.discard()

A folder is refused, before anything is copied, when it holds pickle-based weights (``*.bin``,
``*.pt``, ``*.pkl``, ``*.ckpt``, ...: unpickling runs code), any code (``*.py``, shared
libraries), a config with ``auto_map`` or ``trust_remote_code``, an architecture outside the
BERT family (``core.scoring.families``), sentence-transformers modules Veil does not apply
(a Dense layer, pooling other than the mean), or when it lacks ``config.json``,
``tokenizer.json`` or ``model.safetensors``. The copy is hashed from the very bytes written, so
the manifest describes the copy Veil loads, and every later load checks it again.

Where the copy lives: the weights are not personal data, so they sit beside the workspaces in
Veil's data folder (``data/models/<digest>``, user-only permissions), one copy per model shared
by the workspaces that import it; each workspace records the manifest inside its encrypted
database, so a changed file on disk is caught at load and cannot be hidden by editing a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core import paths
from core.errors import ModelError
from core.scoring.families import check_config
from core.scoring.manifest import FileEntry, Manifest, read_verified, relative_name

log = logging.getLogger(__name__)

REQUIRED_FILES = ("config.json", "tokenizer.json", "model.safetensors")
#: Weight formats that unpickle (run code) or that Veil does not load; refused outright.
PICKLE_SUFFIXES = (
    ".bin", ".pt", ".pth", ".pkl", ".pickle", ".ckpt", ".joblib", ".npy", ".npz",
    ".h5", ".hdf5", ".keras", ".msgpack", ".ot", ".pb",
)  # fmt: skip
#: Code: a model folder that carries code is refused even though Veil would never run it.
CODE_SUFFIXES = (".py", ".pyc", ".pyo", ".pyd", ".pyw", ".so", ".dll", ".dylib", ".exe", ".sh")
#: Sentence-transformers modules Veil applies itself (mean pooling, L2 normalisation).
_ST_MODULES = ("Transformer", "Pooling", "Normalize")
MAX_FILES = 500
MAX_TOTAL_BYTES = 5 * 1024**3
_COPY_BLOCK = 1 << 20

#: Probe sentences (no personal data); two languages, so a multilingual model shows it works.
PROBE_SENTENCES = (
    "Five years of experience with Python and SQL.",
    "Registered nurse with intensive care experience.",
    "Gestion de projets et comptabilité fournisseurs.",
)


def models_dir() -> Path:
    """Where imported encoders are kept: ``<Veil data folder>/models``."""
    folder = paths.data_dir() / "models"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _refuse(message: str, hint: str = "") -> ModelError:
    return ModelError(message, hint=hint)


def _kind_of(rel: str) -> str:
    lower = rel.lower()
    name = lower.rsplit("/", 1)[-1]
    if name.endswith(CODE_SUFFIXES):
        return "code"
    if name.endswith(PICKLE_SUFFIXES) or ".ckpt" in name:
        return "pickle"
    return ""


def _read_json(path: Path, label: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise _refuse(f"The model's {label} cannot be read as JSON.") from None


def _check_sentence_transformers(folder: Path) -> None:
    """Refuse sentence-transformers pipelines whose output Veil would not reproduce."""
    modules_file = folder / "modules.json"
    if not modules_file.is_file():
        return  # a plain transformers folder: mean pooling and L2 normalisation, as built-in
    modules = _read_json(modules_file, "modules.json")
    if not isinstance(modules, list):
        raise _refuse("The model's modules.json is not a list of modules.")
    for module in modules:
        kind = str(module.get("type", "")) if isinstance(module, dict) else ""
        short = kind.rsplit(".", 1)[-1]
        if not kind.startswith("sentence_transformers.") or short not in _ST_MODULES:
            raise _refuse(
                f"This sentence encoder adds a step Veil does not apply ({short or 'unknown'}); "
                "Veil uses the transformer's output with mean pooling and L2 normalisation.",
                hint="Choose a model made of Transformer, Pooling (mean) and Normalize only.",
            )
        if short == "Transformer" and str(module.get("path", "")) not in ("", "."):
            raise _refuse("The model's weights must sit at the top of the folder.")
        if short == "Pooling":
            config = _read_json(folder / str(module.get("path", "")) / "config.json", "pooling")
            if not isinstance(config, dict) or not _is_mean_pooling(config):
                raise _refuse(
                    "This sentence encoder pools its tokens differently (not by the mean); "
                    "Veil would compute other vectors than the model was trained for.",
                    hint="Choose a model that uses mean pooling.",
                )
    bert_config = folder / "sentence_bert_config.json"
    if bert_config.is_file():
        config = _read_json(bert_config, "sentence_bert_config.json")
        if isinstance(config, dict) and config.get("do_lower_case"):
            raise _refuse("This sentence encoder lower-cases its input, which Veil does not do.")


def _is_mean_pooling(config: dict[str, Any]) -> bool:
    if "pooling_mode" in config:
        return bool(config["pooling_mode"] == "mean")
    modes = {k for k, v in config.items() if k.startswith("pooling_mode_") and v is True}
    return modes == {"pooling_mode_mean_tokens"}


def check_folder(folder: Path) -> tuple[list[tuple[Path, str]], Any]:
    """Every file to copy (path, relative name) and the parsed ``config.json``, or a refusal."""
    if not folder.is_dir():
        raise _refuse("The model folder does not exist or is not a folder.")
    files: list[tuple[Path, str]] = []
    total = 0
    for path in sorted(folder.rglob("*")):
        rel = relative_name(path, folder)
        if any(part.startswith(".") for part in rel.split("/")):
            continue  # .git, .cache: never loaded, not copied
        if path.is_symlink() and path.is_dir():
            raise _refuse(f"The model folder holds a linked folder ({rel}); copy it in full.")
        if path.is_dir():
            continue
        kind = _kind_of(rel)
        if kind == "pickle":
            raise _refuse(
                f"This model folder holds weights in a pickle-based format ({rel}), which can "
                "run code when loaded; Veil loads only safetensors.",
                hint="Remove that file (model.safetensors is enough) and import again.",
            )
        if kind == "code":
            raise _refuse(
                f"This model folder holds program code ({rel}); Veil never runs code from a "
                "model folder.",
                hint="Use a model that needs no custom code, without its code files.",
            )
        if not path.is_file():
            raise _refuse(f"The model folder holds something that is not a file ({rel}).")
        files.append((path, rel))
        total += path.stat().st_size
        if len(files) > MAX_FILES or total > MAX_TOTAL_BYTES:
            raise _refuse(
                f"The model folder is too large (over {MAX_FILES} files or "
                f"{MAX_TOTAL_BYTES // 1024**3} GB)."
            )
    names = {rel for _, rel in files}
    if missing := [f for f in REQUIRED_FILES if f not in names]:
        hint = (
            "Save the tokenizer as a fast tokenizer (tokenizer.json)."
            if missing[0] == "tokenizer.json"
            else "A model folder needs config.json, tokenizer.json and model.safetensors."
        )
        raise _refuse(f"The model folder has no {missing[0]}.", hint=hint)
    config = _read_json(folder / "config.json", "config.json")
    check_config(config)
    for extra in ("tokenizer_config.json", "config_sentence_transformers.json"):
        if extra in names:
            other = _read_json(folder / extra, extra)
            if isinstance(other, dict) and ("auto_map" in other or other.get("trust_remote_code")):
                raise _refuse(
                    f"This model needs its own Python code to run (auto_map in {extra}); "
                    "Veil never runs code from a model folder."
                )
    _check_sentence_transformers(folder)
    return files, config


@dataclass(frozen=True)
class Staged:
    """A checked copy of a model folder, waiting to be probed and installed."""

    folder: Path  # the copy
    manifest: Manifest
    model_type: str
    dim: int

    def discard(self) -> None:
        if self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)


def _copy(src: Path, dest: Path) -> tuple[int, str]:
    """Copy one file, hashing the bytes as they are written; fsync; size and SHA-256."""
    digest = hashlib.sha256()
    size = 0
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with src.open("rb") as fin, os.fdopen(fd, "wb") as fout:
        while block := fin.read(_COPY_BLOCK):
            digest.update(block)
            fout.write(block)
            size += len(block)
        fout.flush()
        os.fsync(fout.fileno())
    return size, digest.hexdigest()


def _remove_leftovers(older_than_s: float = 3600.0) -> None:
    """Staging and trash folders an interrupted import left behind (an hour old or more)."""
    now = time.time()
    for entry in models_dir().iterdir():
        if entry.name.startswith((".staging-", ".trash-")) and entry.is_dir():
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime > older_than_s:
                    shutil.rmtree(entry, ignore_errors=True)


def stage(folder: Path) -> Staged:
    """Check ``folder`` and copy it into a fresh staging folder under :func:`models_dir`."""
    folder = folder.expanduser()
    files, config = check_folder(folder)
    _remove_leftovers()
    target = models_dir() / f".staging-{secrets.token_hex(8)}"
    target.mkdir(mode=0o700)
    try:
        entries = [FileEntry(rel, *_copy(path, target / rel)) for path, rel in files]
    except OSError as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise _refuse(
            "The model folder could not be copied.", hint=f"({exc.strerror or 'I/O error'})"
        ) from None
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    dim = int(config.get("hidden_size", config.get("dim", 0)))
    return Staged(target, Manifest.of(entries), str(config["model_type"]), dim)


@dataclass(frozen=True)
class Probe:
    dim: int
    device: str
    similarity: float  # cosine of the first two probe sentences (information only)


def run_probe(staged: Staged, *, name: str) -> Probe:
    """Load the staged copy offline (every file checked against the manifest) and encode the
    probe sentences: the vectors must be finite, of the configured size and unit length."""
    from core.scoring.encoder import load_encoder

    encoder = load_encoder("cpu", staged.folder, manifest=staged.manifest, name=name, half=False)
    if encoder.dim != staged.dim:
        raise _refuse("The model's output size does not match its configuration.")
    vectors = encoder.encode(list(PROBE_SENTENCES))
    if vectors.shape != (len(PROBE_SENTENCES), staged.dim) or not np.isfinite(vectors).all():
        raise _refuse("The model produced invalid vectors (not finite) on test sentences.")
    norms = np.linalg.norm(vectors, axis=1)
    if not np.allclose(norms, 1.0, atol=1e-3):
        raise _refuse("The model produced empty vectors for test sentences.")
    return Probe(encoder.dim, encoder.device, float(vectors[0] @ vectors[1]))


def install(staged: Staged) -> Path:
    """Move the staged copy to ``data/models/<digest>``; a copy already there is kept if it
    still matches the manifest, else replaced. Returns the folder."""
    final = models_dir() / staged.manifest.digest
    if final.exists():
        try:
            read_verified(final, staged.manifest, (), name=final.name[:12])
        except ModelError:
            trash = final.with_name(f".trash-{secrets.token_hex(8)}")
            final.rename(trash)
            shutil.rmtree(trash, ignore_errors=True)
        else:
            staged.discard()
            return final
    staged.folder.rename(final)
    log.info("encoder installed: %s", final.name[:12])
    return final


def model_folder(model_hash: str) -> Path:
    """Where the imported encoder with this manifest digest is kept."""
    return models_dir() / model_hash


@dataclass(frozen=True)
class EncoderSource:
    """An imported encoder to load: its folder, the manifest recorded at import, its name."""

    name: str
    manifest: Manifest

    @property
    def model_hash(self) -> str:
        return self.manifest.digest

    @property
    def folder(self) -> Path:
        return model_folder(self.model_hash)

    def verify(self) -> None:
        """Check every file against the manifest without loading (``ModelError`` if not)."""
        read_verified(self.folder, self.manifest, (), name=self.name)

    def load(self, device: str = "auto") -> Any:
        """The encoder, its files checked against the manifest on the bytes that are loaded."""
        from core.scoring.encoder import load_encoder

        return load_encoder(device, self.folder, manifest=self.manifest, name=self.name)
