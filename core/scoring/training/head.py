"""The scoring head: one linear layer over the named summary features, trained across jobs.

It starts as the untrained scorer (all weight on the untrained score) and is trained by
mini-batch gradient descent (Adam) on the squared error between its output and the decision
targets (shortlist 1, hold 0.5, reject 0), with a penalty that pulls the weights back towards
that start, so few decisions move it little. Training stops early when the error on held-out
jobs stops falling and keeps the best weights; the seed is fixed, so the same decisions give the
same head. Being linear over named features, the head explains itself: each weight's change
from the start says which requirement kinds and signals gained or lost weight.

Training is a generator (one step per epoch) so callers can show progress and cancel.
"""

from __future__ import annotations

import json
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from core.scoring.training.features import FEATURE_NAMES, FEATURE_WORDS

FloatArray = npt.NDArray[np.float32]
HEAD_FORMAT = "veil-head-1"


@dataclass(frozen=True)
class HeadConfig:
    learning_rate: float = 0.02
    batch_size: int = 32
    max_epochs: int = 400
    patience: int = 25
    prior_strength: float = 0.02  # L2 pull towards the untrained scorer, per example
    validation_share: float = 0.25
    seed: int = 0


@dataclass
class Head:
    """A trained head: standardisation, weights and bias over :data:`FEATURE_NAMES`."""

    mean: FloatArray
    scale: FloatArray
    weight: FloatArray
    bias: float
    names: tuple[str, ...] = FEATURE_NAMES
    history: list[tuple[float, float]] = field(default_factory=list)  # (train, validation) MSE

    def predict(self, summary: FloatArray) -> FloatArray:
        """Predicted targets (about 0 = reject .. 1 = shortlist) of an (n, features) matrix."""
        x = (np.atleast_2d(summary) - self.mean) / self.scale
        out: FloatArray = (x @ self.weight + self.bias).astype(np.float32)
        return out

    def effective_weights(self) -> dict[str, float]:
        """The weight of each raw feature (per unit of the feature)."""
        return {
            n: float(w / s) for n, w, s in zip(self.names, self.weight, self.scale, strict=True)
        }

    def to_bytes(self) -> bytes:
        payload = {
            "format": HEAD_FORMAT,
            "names": list(self.names),
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "weight": self.weight.tolist(),
            "bias": self.bias,
        }
        return json.dumps(payload, sort_keys=True).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Head:
        payload = json.loads(data.decode())
        if payload.get("format") != HEAD_FORMAT or tuple(payload["names"]) != FEATURE_NAMES:
            raise ValueError("not a head of this Veil version")
        return cls(
            mean=np.asarray(payload["mean"], np.float32),
            scale=np.asarray(payload["scale"], np.float32),
            weight=np.asarray(payload["weight"], np.float32),
            bias=float(payload["bias"]),
        )


def prior_head(summary: FloatArray) -> Head:
    """The head equal to the untrained scorer (its output is the untrained score, 0..1)."""
    mean = summary.mean(axis=0).astype(np.float32)
    scale = summary.std(axis=0).astype(np.float32)
    scale[scale < 1e-6] = 1.0
    weight = np.zeros(len(FEATURE_NAMES), np.float32)
    weight[0] = scale[0]
    return Head(mean=mean, scale=scale, weight=weight, bias=float(mean[0]))


def _validation_split(
    groups: Sequence[object], share: float, rng: np.random.Generator
) -> npt.NDArray[np.bool_]:
    """A held-out mask: whole jobs when there are at least 3, else a share of examples."""
    keys = sorted(set(groups), key=str)
    n = len(groups)
    if len(keys) >= 3:
        count = max(1, round(share * len(keys)))
        held = {keys[i] for i in rng.permutation(len(keys))[:count]}
        return np.array([g in held for g in groups])
    mask = np.zeros(n, bool)
    mask[rng.permutation(n)[: max(1, round(share * n))]] = True
    return mask


def train_head(
    summary: FloatArray,
    targets: FloatArray,
    groups: Sequence[object],
    config: HeadConfig | None = None,
) -> Generator[tuple[int, int], None, Head]:
    """Train a head on (n, features) ``summary`` and ``targets``; yields (epoch, max_epochs).

    ``groups`` (the job of each example) keeps held-out jobs whole for early stopping.
    """
    import torch

    cfg = config or HeadConfig()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matrices: threads only add overhead
    try:
        head = yield from _train(torch, summary, targets, groups, cfg)
    finally:
        torch.set_num_threads(threads)
    return head


def _train(
    torch: Any,
    summary: FloatArray,
    targets: FloatArray,
    groups: Sequence[object],
    cfg: HeadConfig,
) -> Generator[tuple[int, int], None, Head]:
    torch.manual_seed(cfg.seed)
    rng = np.random.default_rng(cfg.seed)
    start = prior_head(summary)
    held = _validation_split(groups, cfg.validation_share, rng)
    x_all = torch.from_numpy(((summary - start.mean) / start.scale).astype(np.float32))
    y_all = torch.from_numpy(targets.astype(np.float32))
    train_idx = torch.from_numpy(np.flatnonzero(~held))
    val_idx = torch.from_numpy(np.flatnonzero(held))
    w0 = torch.from_numpy(start.weight.copy())
    linear = torch.nn.Linear(len(FEATURE_NAMES), 1)
    with torch.no_grad():
        linear.weight.copy_(w0[None, :])
        linear.bias.fill_(start.bias)
    optimiser = torch.optim.Adam(linear.parameters(), lr=cfg.learning_rate)
    generator = torch.Generator().manual_seed(cfg.seed)
    prior = cfg.prior_strength

    def loss_on(idx: torch.Tensor) -> float:
        with torch.no_grad():
            pred = linear(x_all[idx]).squeeze(1)
            return float(torch.mean((pred - y_all[idx]) ** 2))

    best = (loss_on(val_idx), linear.weight.detach().clone(), linear.bias.detach().clone())
    history: list[tuple[float, float]] = []
    stale = 0
    for epoch in range(1, cfg.max_epochs + 1):
        order = train_idx[torch.randperm(len(train_idx), generator=generator)]
        for at in range(0, len(order), cfg.batch_size):
            batch = order[at : at + cfg.batch_size]
            pred = linear(x_all[batch]).squeeze(1)
            loss = torch.mean((pred - y_all[batch]) ** 2)
            loss = loss + prior * torch.sum((linear.weight[0] - w0) ** 2)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        val = loss_on(val_idx)
        history.append((loss_on(train_idx), val))
        if val < best[0] - 1e-6:
            best = (val, linear.weight.detach().clone(), linear.bias.detach().clone())
            stale = 0
        else:
            stale += 1
        yield epoch, cfg.max_epochs
        if stale >= cfg.patience:
            break
    return Head(
        mean=start.mean,
        scale=start.scale,
        weight=best[1][0].numpy().astype(np.float32),
        bias=float(best[2][0]),
        history=history,
    )


def fit_head(
    summary: FloatArray,
    targets: FloatArray,
    groups: Sequence[object],
    config: HeadConfig | None = None,
) -> Head:
    """:func:`train_head` run to its end."""
    gen = train_head(summary, targets, groups, config)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            head: Head = stop.value
            return head


@dataclass(frozen=True)
class Change:
    feature: str
    words: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before


def explain(head: Head) -> list[Change]:
    """How much each feature's share of the score changed from the untrained scorer, largest
    change first. Shares are the standardised weights normalised to sum (in absolute value) to 1,
    so "before" is 1.0 for the untrained score and 0 for everything else."""
    after = np.abs(head.weight).sum() or 1.0
    shares = head.weight / after
    changes = [
        Change(n, FEATURE_WORDS[n], 1.0 if i == 0 else 0.0, float(shares[i]))
        for i, n in enumerate(head.names)
    ]
    return sorted(changes, key=lambda c: -abs(c.delta))


def explain_words(head: Head, top: int = 5) -> list[str]:
    """The largest changes in plain words."""
    lines = []
    for c in explain(head)[:top]:
        if abs(c.delta) < 0.01:
            continue
        direction = "gained" if c.delta > 0 else "lost"
        lines.append(f"{c.words} {direction} weight: share {c.before:+.2f} -> {c.after:+.2f}")
    return lines or ["the decisions did not change what matters (weights as before)"]
