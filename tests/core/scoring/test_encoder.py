from __future__ import annotations

import copy
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch

from core.errors import ModelError
from core.scoring import MINILM_SHA256, Encoder, default_model_dir, load_encoder
from core.scoring.encoder import half_keeps_rankings, read_verified_weights


def _model_copy(tmp_path: Path, *, weights: bytes | None) -> Path:
    folder = tmp_path / "model"
    folder.mkdir()
    for name in ("config.json", "tokenizer.json", "vocab.txt"):
        shutil.copy(default_model_dir() / name, folder / name)
    if weights is not None:
        (folder / "model.safetensors").write_bytes(weights)
    return folder


def test_weights_with_a_wrong_hash_are_refused(tmp_path: Path) -> None:
    folder = _model_copy(tmp_path, weights=b"not the real weights")
    with pytest.raises(ModelError, match="integrity check"):
        load_encoder("cpu", folder)


def test_only_safetensors_are_loaded(tmp_path: Path) -> None:
    folder = _model_copy(tmp_path, weights=None)
    (folder / "pytorch_model.bin").write_bytes(b"pickle")
    with pytest.raises(ModelError, match="only safetensors"):
        load_encoder("cpu", folder)
    (folder / "pytorch_model.bin").unlink()
    with pytest.raises(ModelError, match="missing"):
        load_encoder("cpu", folder)


def test_missing_folder_and_bad_device(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        load_encoder("cpu", tmp_path / "nowhere")
    with pytest.raises(ModelError, match="Unknown device"):
        load_encoder("tpu")


def test_pinned_hash_matches_the_bundled_weights() -> None:
    data = read_verified_weights(default_model_dir(), MINILM_SHA256)
    assert data[:8]  # the safetensors header length


@pytest.mark.slow
def test_encoder_vectors(encoder: Encoder) -> None:
    assert encoder.device == "cpu"
    assert encoder.model_hash == MINILM_SHA256
    vectors = encoder.encode(
        [
            "Built data pipelines in Python",
            "Developed ETL jobs with Python and Airflow",
            "Cared for patients on a cardiac ward",
            "",
        ]
    )
    assert vectors.shape == (4, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.2
    assert not vectors[3].any()  # empty text: a zero vector, no crash


@pytest.mark.slow
def test_long_text_is_chunked_with_overlap(encoder: Encoder) -> None:
    text = " ".join(f"Sentence {i} about logistics and freight planning." for i in range(120))
    (chunks,) = encoder.encode_chunks([text])
    assert len(chunks.offsets) >= 3
    starts, ends = chunks.offsets[:, 0], chunks.offsets[:, 1]
    assert starts[0] == 0
    assert ends[-1] == len(text)
    assert all(starts[1:] < ends[:-1])  # consecutive chunks overlap
    assert np.allclose(np.linalg.norm(chunks.vectors, axis=1), 1.0, atol=1e-5)
    # the same text encoded alone or within a batch of other lengths gives the same vectors
    (alone,) = encoder.encode_chunks([text[:200]])
    batch = encoder.encode_chunks(["short", text[:200], text])
    assert np.allclose(alone.vectors, batch[1].vectors, atol=1e-5)


@pytest.mark.slow
def test_half_precision_check_compares_rankings(encoder: Encoder) -> None:
    assert half_keeps_rankings(encoder, encoder)
    broken_model = copy.deepcopy(encoder._model)
    for param in broken_model.encoder.layer[-1].parameters():
        param.data.normal_(0.0, 1.0, generator=torch.Generator().manual_seed(0))
    broken = Encoder(
        broken_model,
        encoder._tokenizer,
        model_hash=encoder.model_hash,
        name="broken",
        device="cpu",
        dtype="float32",
        dim=encoder.dim,
    )
    assert not half_keeps_rankings(encoder, broken)


@pytest.mark.slow
def test_several_batches_run_as_parallel_single_thread_streams(
    encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a CPU with 2 torch threads, forward passes run two at a time, one thread each; the
    vectors are those of one pass at a time, and the thread count is restored."""
    texts = [
        f"Line {i}: " + "planned freight and warehouse routes " * (i % 40 + 1) for i in range(300)
    ]
    pieces = encoder._pieces(texts)
    assert len(encoder._batches(pieces)) >= 4
    seen: dict[str, int] = {}
    real_embed = encoder._embed

    def spying(batch: list[list[int]]) -> np.ndarray:
        import threading

        seen[threading.current_thread().name] = torch.get_num_threads()
        return real_embed(batch)

    before = torch.get_num_threads()
    try:
        torch.set_num_threads(1)
        one = encoder.encode_chunks(texts)
        torch.set_num_threads(2)
        monkeypatch.setattr(encoder, "_embed", spying)
        two = encoder.encode_chunks(texts)
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)
    assert len(seen) == 2  # the calling thread and one helper stream
    assert set(seen.values()) == {1}  # each stream on one thread
    for a, b in zip(one, two, strict=True):
        assert np.array_equal(a.offsets, b.offsets)
        assert np.allclose(a.vectors, b.vectors, atol=1e-5)


def test_a_failing_stream_raises_in_the_caller(
    encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real_embed = encoder._embed

    def failing(batch: list[list[int]]) -> np.ndarray:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("out of memory")
        return real_embed(batch)

    before = torch.get_num_threads()
    monkeypatch.setattr(encoder, "_embed", failing)
    texts = [f"Row {i} " + "word " * (i % 200) for i in range(200)]
    try:
        torch.set_num_threads(2)
        with pytest.raises(RuntimeError, match="out of memory"):
            encoder.encode_chunks(texts)
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)


@pytest.mark.slow
def test_streams_join_a_call_when_the_limit_rises(encoder: Encoder) -> None:
    """The import raises the limit when redaction ends: a running call starts its second
    stream at its next batch."""
    import threading

    texts = [
        f"Entry {i}: " + "audited ledgers and closed the books " * (i % 30 + 1) for i in range(240)
    ]
    seen: list[str] = []
    real_embed = encoder._embed
    calls = {"n": 0}

    def spying(batch: list[list[int]]) -> np.ndarray:
        calls["n"] += 1
        seen.append(threading.current_thread().name)
        return real_embed(batch)

    encoder._embed = spying  # type: ignore[method-assign]
    encoder.stream_limit = lambda: 1 if calls["n"] < 2 else 2
    try:
        encoder.encode_chunks(texts)
    finally:
        del encoder._embed
        encoder.stream_limit = None
    assert len(seen) >= 4
    assert seen[0] == seen[1] == threading.current_thread().name  # one stream at first
    assert any(name.startswith("veil-encode-stream-") for name in seen[2:])


@pytest.mark.slow
def test_a_limit_of_zero_stops_the_call_between_forward_passes(encoder: Encoder) -> None:
    from core.scoring.encoder import EncodingStopped

    texts = [
        f"Note {i}: " + "inspected the welds and signed off " * (i % 30 + 1) for i in range(240)
    ]
    passes = {"n": 0}
    real_embed = encoder._embed

    def counting(batch: list[list[int]]) -> np.ndarray:
        passes["n"] += 1
        return real_embed(batch)

    encoder._embed = counting  # type: ignore[method-assign]
    encoder.stream_limit = lambda: 1 if passes["n"] < 2 else 0
    try:
        with pytest.raises(EncodingStopped):
            encoder.encode_chunks(texts)
    finally:
        del encoder._embed
        encoder.stream_limit = None
    assert passes["n"] == 2
    assert len(encoder._batches(encoder._pieces(texts))) > 2
