"""Importing one's own encoder into a real workspace: recorded, chosen, used for ranking with its
own embedding-cache entries, refused when tampered with, and nothing changed by a refusal.
The encoders are tiny randomly initialised BERT/RoBERTa models built with real transformers."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from core.domain import Requirement
from core.errors import ModelError, NotFoundError, UserError
from core.scoring.encoder import MINILM_SHA256, Encoder
from core.scoring.manifest import Manifest
from core.scoring.model_import import models_dir
from core.services import Engines, import_sources, rank_job, run_to_end
from core.services.learning import use_model
from core.services.models import (
    import_encoder,
    list_encoders,
    use_encoder,
    workspace_encoder_hash,
)
from tests.core.scoring.tiny_models import TinyModels, edit_json
from tests.core.services.fakes import FakeIntake, FakeRedactor, FakeSource

RESUMES = (
    "Built data pipelines with python and sql for five years at a company.",
    "Registered nurse, intensive care ward, six years with patients.",
    "Wrote finance reports and kept the ledger for the accounting team.",
)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> TinyModels:
    return TinyModels(tmp_path_factory.mktemp("tiny-models"))


@pytest.fixture
def home(veil_home: Path) -> Path:
    return veil_home


@pytest.fixture
def real_engines() -> Iterator[Engines]:
    with Engines(intake=FakeIntake(), redactor=FakeRedactor(), device="cpu") as engines:
        yield engines


def add_text_candidates(ws: Any, job_id: int, texts: Sequence[str] = RESUMES) -> list[int]:
    """Plain-text candidates for ``job_id`` whose redacted text is ``texts`` (nothing to redact)."""
    ids = []
    for i, text in enumerate(texts):
        cand, _ = ws.candidates.add(
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            filename=f"r{i}.txt",
            media_type="text/plain",
            data=text.encode(),
            text=text,
            metadata={},
            redacted_text=text,
            redaction_mapping={},
            spans_json="[]",
            language="en",
            warnings=(),
        )
        ws.candidates.attach(job_id, cand.id)
        ids.append(int(cand.id))
    return ids


def _state(ws: Any) -> tuple[Any, ...]:
    """Everything an import or a switch may change."""
    folder = models_dir()
    return (
        ws.encoders.list(),
        ws.models.active(),
        len(ws.audit.list()),
        ws.embeddings.counts(),
        sorted(p.name for p in folder.iterdir()),
    )


def test_import_records_the_manifest_of_every_file(ws: Any, home: Path, tiny: TinyModels) -> None:
    folder = tiny.copy("bert", home / "my-encoder")
    result = import_encoder(ws, folder, actor="ana")
    assert result.created
    assert not result.active
    assert result.encoder.name == "my-encoder"
    assert (result.encoder.model_type, result.encoder.dim) == ("bert", 32)
    (record,) = ws.encoders.list()
    manifest = Manifest.from_json(record.manifest_json)
    expected = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }
    assert {e.path: e.sha256 for e in manifest.files} == expected
    assert set(expected) >= {"config.json", "model.safetensors", "tokenizer.json", "vocab.txt"}
    assert record.model_hash == manifest.digest != MINILM_SHA256
    copy = models_dir() / record.model_hash
    assert {p.name: p.read_bytes() for p in copy.iterdir()} == {
        p.name: p.read_bytes() for p in folder.iterdir()
    }
    assert not [p for p in models_dir().iterdir() if p.name.startswith(".")]  # no staging left
    event = ws.audit.list()[-1]
    assert (event.kind, event.actor) == ("encoder.imported", "ana")
    assert event.subject["model_hash"] == record.model_hash
    # not in use until chosen; the same files again record nothing new
    assert workspace_encoder_hash(ws) == MINILM_SHA256
    before = _state(ws)
    again = import_encoder(ws, folder, name="other-name")
    assert not again.created
    assert again.encoder.name == "my-encoder"
    assert _state(ws) == before


def test_ranking_uses_the_chosen_encoder_with_its_own_cache(
    ws: Any,
    home: Path,
    tiny: TinyModels,
    real_engines: Engines,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    encoded: list[int] = []
    original = Encoder.encode_chunks

    def counting(self: Encoder, texts: Any) -> Any:
        encoded.append(len(texts))
        return original(self, texts)

    monkeypatch.setattr(Encoder, "encode_chunks", counting)
    a = import_encoder(ws, tiny.copy("bert", home / "a"), use=True).encoder
    b = import_encoder(ws, tiny.copy("bert2", home / "b")).encoder
    assert a.model_hash != b.model_hash
    job = ws.jobs.add(
        "Data engineer", "python and sql", [Requirement("python"), Requirement("sql")]
    )
    add_text_candidates(ws, job.id)

    def rank() -> tuple[dict[int, float], str]:
        encoded.clear()
        scores = run_to_end(rank_job(ws, real_engines, job.id))
        return {int(s.candidate_id or 0): s.score for s in scores}, scores[0].model_version

    first, version = rank()
    assert version.startswith(f"a@{a.model_hash[:12]}/")
    assert sum(encoded) >= len(RESUMES)  # the resumes were encoded with a
    counts = ws.embeddings.counts()
    assert counts[a.model_hash] == len(RESUMES)
    assert b.model_hash not in counts

    use_encoder(ws, "b")
    with_b, version = rank()
    assert version.startswith(f"b@{b.model_hash[:12]}/")
    assert sum(encoded) >= len(RESUMES)  # re-encoded lazily: a's vectors are not b's
    counts = ws.embeddings.counts()
    assert counts[b.model_hash] == counts[a.model_hash] == len(RESUMES)
    assert with_b != first

    use_encoder(ws, a.model_hash[:10])  # a hash prefix names it too
    again, version = rank()
    assert version.startswith(f"a@{a.model_hash[:12]}/")
    assert again == first  # a's own cached vectors, not b's
    assert ws.embeddings.counts() == counts
    listed = {e.name: e for e in list_encoders(ws)}
    assert listed["a"].active
    assert not listed["b"].active
    assert listed["all-MiniLM-L6-v2"].builtin
    assert listed["b"].cached_texts == len(RESUMES)
    kinds = [e.kind for e in ws.audit.list()]
    assert kinds.count("encoder.selected") == 3


def test_resume_import_encodes_with_the_chosen_encoder(
    ws: Any, home: Path, tiny: TinyModels, real_engines: Engines
) -> None:
    chosen = import_encoder(ws, tiny.copy("bert", home / "tiny"), use=True).encoder
    sources = [FakeSource(f"r{i}.txt", t.encode()) for i, t in enumerate(RESUMES)]
    summary = run_to_end(import_sources(ws, real_engines, sources))
    assert [o.status for o in summary.outcomes] == ["imported"] * len(RESUMES)
    assert ws.embeddings.counts() == {chosen.model_hash: len(RESUMES)}  # none for MiniLM
    assert real_engines.encoder is not None
    assert real_engines.encoder.model_hash == chosen.model_hash


def test_a_changed_missing_or_added_file_is_refused_at_load(
    ws: Any, home: Path, tiny: TinyModels, real_engines: Engines
) -> None:
    folder = tiny.copy("bert", home / "tiny")
    info = import_encoder(ws, folder, use=True).encoder
    job = ws.jobs.add("Nurse", "patient care", [Requirement("patient care")])
    add_text_candidates(ws, job.id)
    run_to_end(rank_job(ws, real_engines, job.id))
    copy = models_dir() / info.model_hash
    weights = copy / "model.safetensors"
    good = weights.read_bytes()
    weights.write_bytes(good[:-1] + bytes([good[-1] ^ 1]))

    def rank_fails(match: str) -> None:
        with (
            Engines(intake=FakeIntake(), redactor=FakeRedactor(), device="cpu") as fresh,
            pytest.raises(ModelError, match=match) as caught,
        ):
            run_to_end(rank_job(ws, fresh, job.id))
        assert "veil model import" in caught.value.hint

    rank_fails("integrity check: model.safetensors changed")
    weights.write_bytes(good)
    (copy / "pytorch_model.bin").write_bytes(b"pickle")
    rank_fails("pytorch_model.bin was added")
    (copy / "pytorch_model.bin").unlink()
    (copy / "vocab.txt").unlink()
    rank_fails("vocab.txt is missing")
    # switching to it is refused too, and changes nothing
    use_encoder(ws, "builtin")
    before = _state(ws)
    with pytest.raises(ModelError, match="integrity check"):
        use_encoder(ws, "tiny")
    assert _state(ws) == before
    # importing the original folder again restores the copy
    assert not import_encoder(ws, folder, use=True).created
    run_to_end(rank_job(ws, real_engines, job.id))


def _pickle(folder: Path) -> None:
    (folder / "pytorch_model.bin").write_bytes(b"\x80\x04K\x01.")


def _checkpoint(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "model.ckpt").write_bytes(b"x")


def _code(folder: Path) -> None:
    (folder / "modeling_tiny.py").write_text("import os\n", encoding="utf-8")


def _auto_map(folder: Path) -> None:
    edit_json(folder / "config.json", auto_map={"AutoModel": "modeling_tiny.TinyModel"})


def _trust(folder: Path) -> None:
    edit_json(folder / "config.json", trust_remote_code=True)


def _tokenizer_code(folder: Path) -> None:
    edit_json(folder / "tokenizer_config.json", auto_map={"AutoTokenizer": ["tok.T", None]})


def _gpt2(folder: Path) -> None:
    edit_json(folder / "config.json", model_type="gpt2")


def _no_type(folder: Path) -> None:
    edit_json(folder / "config.json", model_type=None)


def _decoder(folder: Path) -> None:
    edit_json(folder / "config.json", is_decoder=True)


def _no_weights(folder: Path) -> None:
    (folder / "model.safetensors").unlink()


def _no_tokenizer(folder: Path) -> None:
    (folder / "tokenizer.json").unlink()


def _wrong_shape(folder: Path) -> None:
    edit_json(folder / "config.json", hidden_size=64, intermediate_size=128)


def _bad_weights(folder: Path) -> None:
    (folder / "model.safetensors").write_bytes(b"not safetensors at all")


def _dense(folder: Path) -> None:
    (folder / "modules.json").write_text(
        '[{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},'
        '{"idx":1,"name":"1","path":"2_Dense","type":"sentence_transformers.models.Dense"}]',
        encoding="utf-8",
    )


def _cls_pooling(folder: Path) -> None:
    (folder / "modules.json").write_text(
        '[{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},'
        '{"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.models.Pooling"}]',
        encoding="utf-8",
    )
    (folder / "1_Pooling").mkdir()
    (folder / "1_Pooling" / "config.json").write_text(
        '{"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}', encoding="utf-8"
    )


REFUSALS = [
    (_pickle, "pickle-based format"),
    (_checkpoint, "pickle-based format"),
    (_code, "program code"),
    (_auto_map, "own Python code"),
    (_trust, "own Python code"),
    (_tokenizer_code, "own Python code"),
    (_gpt2, "only BERT-family"),
    (_no_type, "only BERT-family"),
    (_decoder, "decoder"),
    (_no_weights, "no model.safetensors"),
    (_no_tokenizer, "no tokenizer.json"),
    (_wrong_shape, "do not fit its configuration"),
    (_bad_weights, "incomplete or not a BERT-family"),
    (_dense, "adds a step Veil does not apply"),
    (_cls_pooling, "not by the mean"),
]


@pytest.mark.parametrize(("spoil", "message"), REFUSALS, ids=[f.__name__ for f, _ in REFUSALS])
def test_a_refused_folder_changes_nothing(
    ws: Any, home: Path, tiny: TinyModels, spoil: Any, message: str
) -> None:
    import_encoder(ws, tiny.copy("bert2", home / "kept"), use=True)
    folder = tiny.copy("bert", home / "spoilt")
    spoil(folder)
    before = _state(ws)
    with pytest.raises(ModelError, match=message) as caught:
        import_encoder(ws, folder, use=True)
    assert caught.value.message  # a sentence for the user, not a traceback
    assert _state(ws) == before


def test_a_wrong_expected_hash_a_bad_name_or_no_folder_changes_nothing(
    ws: Any, home: Path, tiny: TinyModels
) -> None:
    folder = tiny.copy("bert", home / "tiny")
    weights_sha = hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest()
    before = _state(ws)
    with pytest.raises(ModelError, match="does not match the SHA-256 you gave"):
        import_encoder(ws, folder, expected_sha256="ab" * 32)
    with pytest.raises(UserError, match="64 hexadecimal"):
        import_encoder(ws, folder, expected_sha256="abc")
    with pytest.raises(UserError, match="cannot name an encoder"):
        import_encoder(ws, folder, name="builtin")
    with pytest.raises(ModelError, match="does not exist"):
        import_encoder(ws, home / "nowhere")
    with pytest.raises(NotFoundError):
        use_encoder(ws, "tiny")
    assert _state(ws) == before
    assert import_encoder(ws, folder, expected_sha256=weights_sha.upper()).created
    # another model may not take a name in use
    with pytest.raises(UserError, match="already called 'tiny'"):
        import_encoder(ws, tiny.copy("bert2", home / "b2"), name="tiny")


def test_roberta_family_model_imports_and_encodes(ws: Any, home: Path, tiny: TinyModels) -> None:
    result = import_encoder(ws, tiny.copy("roberta", home / "rob"), use=True)
    assert result.encoder.model_type == "roberta"
    assert result.active
    from core.scoring.model_import import EncoderSource

    record = ws.encoders.active()
    encoder = EncoderSource(record.name, Manifest.from_json(record.manifest_json)).load("cpu")
    assert encoder.model_hash == record.model_hash
    assert (encoder._cls, encoder._sep) == (0, 2)  # <s> ... </s>


def test_switching_encoder_sets_aside_a_head_trained_on_another(
    ws: Any, home: Path, tiny: TinyModels
) -> None:
    version = ws.models.add(
        kind="head",
        data_hash="d" * 64,
        base_model_hash=MINILM_SHA256,
        metrics={},
        examples=20,
        weights=b"head",
    )
    ws.models.set_active(version.id)
    result = import_encoder(ws, tiny.copy("bert", home / "tiny"), use=True, actor="ana")
    assert result.rolled_back == "v1"
    assert ws.models.active() is None
    event = ws.audit.list()[-1]
    assert (event.kind, event.subject["cause"]) == ("model.rolled_back", "encoder_changed")
    before = _state(ws)
    with pytest.raises(ModelError, match="trained on another encoder"):
        use_model(ws, "v1")
    assert _state(ws) == before
    _, rolled_back = use_encoder(ws, "builtin")
    assert rolled_back == ""
    assert use_model(ws, "v1") is not None
