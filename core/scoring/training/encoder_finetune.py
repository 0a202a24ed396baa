"""Optional fine-tuning of the encoder on the recruiter's decisions (``veil learn --encoder``).

Pairs are (requirement, resume evidence segment, decision): the segment the scorer chose as a
requirement's evidence in a decided resume, labelled with a target cosine similarity from the
decision (shortlist high, reject low). The loss is the squared error between the pair's cosine
similarity and that label (sentence-transformers' CosineSimilarityLoss), minimised with AdamW.
Training is a generator yielding (step, total) after every batch, so a CPU run can show progress
and be cancelled (closing the generator); a GPU is used when the encoder is on one.

The result is a new :class:`Encoder` over a copy of the model (the base stays untouched) and its
weights as safetensors bytes, hashed, so the embedding cache keeps the two apart.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from core.scoring.chunking import mask_placeholders
from core.scoring.encoder import MAX_TOKENS, Encoder

if TYPE_CHECKING:
    import torch

#: target cosine similarity of a requirement and its evidence, by decision target 0..1
LABEL_LOW = 0.15
LABEL_HIGH = 0.80


def pair_label(target: float) -> float:
    return LABEL_LOW + (LABEL_HIGH - LABEL_LOW) * float(target)


@dataclass(frozen=True)
class Pair:
    query: str  # a requirement (or the job text)
    passage: str  # a resume segment
    label: float  # target cosine similarity


@dataclass(frozen=True)
class FineTuneConfig:
    epochs: int = 1
    batch_size: int = 16
    learning_rate: float = 2e-5
    seed: int = 0
    max_tokens: int = 128  # requirement and evidence segments are short


@dataclass
class FineTuned:
    encoder: Encoder
    weights: bytes  # safetensors
    weights_sha256: str
    losses: list[float]


def make_pair(requirement: str, segment: str, target: float) -> Pair:
    return Pair(mask_placeholders(requirement), mask_placeholders(segment), pair_label(target))


def _batch_ids(
    encoder: Encoder, texts: Sequence[str], max_tokens: int
) -> tuple[torch.Tensor, torch.Tensor]:
    tokenizer = encoder._tokenizer
    cls_id, sep_id = encoder._cls, encoder._sep
    encodings = tokenizer.encode_batch(list(texts), add_special_tokens=False)
    rows = [[cls_id, *e.ids[: max_tokens - 2], sep_id] for e in encodings]
    return encoder.padded(rows)


def _pooled(model: Any, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    import torch

    hidden = model(input_ids=ids, attention_mask=mask).last_hidden_state
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1)
    return torch.nn.functional.normalize(pooled.float(), p=2.0, dim=1)


def finetune(
    base: Encoder, pairs: Sequence[Pair], config: FineTuneConfig | None = None
) -> Generator[tuple[int, int], None, FineTuned]:
    """Fine-tune a copy of ``base`` on ``pairs``; yields (step, total steps) after each batch."""
    import torch
    from safetensors.torch import save as save_safetensors

    cfg = config or FineTuneConfig()
    if not pairs:
        raise ValueError("no pairs to train on")
    torch.manual_seed(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    model = copy.deepcopy(base._model).float()
    model.train()
    optimiser = torch.optim.AdamW(model.parameters(), lr=cfg.learning_rate)
    steps_per_epoch = (len(pairs) + cfg.batch_size - 1) // cfg.batch_size
    total = steps_per_epoch * cfg.epochs
    losses: list[float] = []
    step = 0
    max_tokens = min(cfg.max_tokens, MAX_TOKENS)
    for _ in range(cfg.epochs):
        order = rng.permutation(len(pairs))
        for at in range(0, len(order), cfg.batch_size):
            batch = [pairs[i] for i in order[at : at + cfg.batch_size]]
            q_ids, q_mask = _batch_ids(base, [p.query for p in batch], max_tokens)
            d_ids, d_mask = _batch_ids(base, [p.passage for p in batch], max_tokens)
            q = _pooled(model, q_ids, q_mask)
            d = _pooled(model, d_ids, d_mask)
            labels = torch.tensor([p.label for p in batch], device=q.device)
            loss = torch.mean(((q * d).sum(dim=1) - labels) ** 2)
            optimiser.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            optimiser.step()
            losses.append(float(loss.detach()))
            step += 1
            yield step, total
    model.eval()
    state = {k: v.detach().cpu().contiguous() for k, v in model.state_dict().items()}
    weights = save_safetensors(state)
    digest = hashlib.sha256(weights).hexdigest()
    tuned = _encoder_over(base, model, digest)
    return FineTuned(encoder=tuned, weights=weights, weights_sha256=digest, losses=losses)


def _encoder_over(base: Encoder, model: Any, digest: str) -> Encoder:
    return Encoder(
        model,
        base._tokenizer,
        model_hash=digest,
        name=f"{base.name}+tuned",
        device=base.device,
        dtype="float32",
        dim=base.dim,
        max_tokens=base.max_tokens,
    )


def load_finetuned(base: Encoder, weights: bytes, expected_sha256: str) -> Encoder:
    """An encoder with fine-tuned ``weights`` (safetensors bytes, hash checked) over ``base``."""
    from safetensors.torch import load as load_safetensors

    from core.errors import ModelError

    digest = hashlib.sha256(weights).hexdigest()
    if digest != expected_sha256:
        raise ModelError(
            "The fine-tuned encoder stored in this workspace failed its integrity check.",
            hint="Switch to another model version with 'veil model use'.",
        )
    model = copy.deepcopy(base._model).float()
    model.load_state_dict(load_safetensors(weights))
    model.eval()
    model.to(base.device)
    return _encoder_over(base, model, digest)
