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

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from core.errors import ModelError
from core.scoring.families import load_model
from core.scoring.forward_passes import MAX_BATCH, batch_limit, plan_batches, run_streams
from core.scoring.forward_passes import EncodingStopped as EncodingStopped
from core.scoring.manifest import Manifest, read_verified

# what callers import from here, at home in model_files
from core.scoring.model_files import MAX_TOKENS as MAX_TOKENS
from core.scoring.model_files import MINILM_SHA256 as MINILM_SHA256
from core.scoring.model_files import MODEL_FILES, ST_CONFIG, WEIGHTS_FILE, trained_length
from core.scoring.model_files import MODEL_NAME as MODEL_NAME
from core.scoring.model_files import default_model_dir as default_model_dir
from core.scoring.model_files import machine_threads as machine_threads
from core.scoring.model_files import read_verified_weights as read_verified_weights

if TYPE_CHECKING:
    import torch

log = logging.getLogger(__name__)

CHUNK_OVERLAP = 32  # tokens shared by consecutive chunks of a long text

Float32Array = npt.NDArray[np.float32]
Int32Array = npt.NDArray[np.int32]


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
        """Piece indices grouped into forward passes (``forward_passes.plan_batches``)."""
        return plan_batches([len(piece.ids) for piece in pieces], most)

    def _embed_pieces(self, pieces: Sequence[_Piece]) -> Float32Array:
        """Embeddings of ``pieces``. On a CPU the forward passes run as parallel streams, one
        thread each, as many as ``stream_limit()`` allows (default: torch's thread count; see
        ``forward_passes``); on a GPU, one pass at a time."""
        result = np.zeros((len(pieces), self.dim), dtype=np.float32)
        import torch

        before = torch.get_num_threads()
        limit = self.stream_limit or (lambda: before)
        streams = limit() if self.device == "cpu" else 1
        batches = self._batches(pieces, batch_limit(len(pieces), streams))

        def embed(batch_ids: list[int]) -> None:
            result[batch_ids] = self._embed([pieces[i].ids for i in batch_ids])

        if self.device != "cpu" or len(batches) < 2:
            for batch_ids in batches:
                embed(batch_ids)
            return result
        run_streams(batches, embed, limit)
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
        files = read_verified(folder, manifest, (*MODEL_FILES, ST_CONFIG), name=label)
        if missing := [f for f in MODEL_FILES if f not in files]:
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
        max_tokens=trained_length(files.get(ST_CONFIG)),
        model_hash=model_hash,
        name=label,
        device=device,
        half=half,
    )


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
