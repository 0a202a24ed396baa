"""The parts of an encoder import below the workspace: manifest, architecture allow-list, folder
checks, the copy and the probe, loading with a manifest. Tiny real BERT/RoBERTa models."""

from __future__ import annotations

import json
import os
import time
import tomllib
from pathlib import Path

import numpy as np
import pytest

from core.errors import ModelError
from core.scoring.encoder import MINILM_SHA256, Encoder, default_model_dir, load_encoder
from core.scoring.families import FAMILIES, check_config
from core.scoring.manifest import FileEntry, Manifest, read_verified
from core.scoring.model_import import check_folder, install, models_dir, run_probe, stage
from tests.core.scoring.tiny_models import WORDS, TinyModels, edit_json


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> TinyModels:
    return TinyModels(tmp_path_factory.mktemp("tiny-models"))


def test_manifest_digest_covers_every_file_and_round_trips() -> None:
    files = [FileEntry("config.json", 10, "a" * 64), FileEntry("model.safetensors", 99, "b" * 64)]
    manifest = Manifest.of(reversed(files))
    assert [e.path for e in manifest.files] == ["config.json", "model.safetensors"]
    assert Manifest.from_json(manifest.to_json()) == manifest
    changed = [
        Manifest.of([files[0], FileEntry("model.safetensors", 99, "c" * 64)]),
        Manifest.of([files[0], FileEntry("model.safetensors", 98, "b" * 64)]),
        Manifest.of([files[0], FileEntry("weights.safetensors", 99, "b" * 64)]),
        Manifest.of([*files, FileEntry("README.md", 1, "d" * 64)]),
        Manifest.of(files[:1]),
    ]
    assert len({m.digest for m in [manifest, *changed]}) == 6
    with pytest.raises(ModelError, match="unknown format"):
        Manifest.from_json(json.dumps({"format": "other", "files": []}))


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"model_type": "bert", "hidden_size": 8, "auto_map": {}}, "own Python code"),
        ({"model_type": "bert", "hidden_size": 8, "trust_remote_code": True}, "own Python code"),
        ({"model_type": "llama", "hidden_size": 8}, "only BERT-family"),
        ({"model_type": "t5", "hidden_size": 8}, "only BERT-family"),
        ({"hidden_size": 8}, "only BERT-family"),
        ({"model_type": "bert", "hidden_size": 8, "is_decoder": True}, "decoder"),
        ({"model_type": "bert"}, "no valid hidden size"),
        (["bert"], "not a JSON object"),
    ],
)
def test_configs_outside_the_allow_list_are_refused(config: object, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        check_config(config)


def test_allow_list_is_the_bert_family() -> None:
    assert set(FAMILIES) == {
        "bert", "roberta", "xlm-roberta", "camembert", "distilbert", "electra", "mpnet",
        "deberta-v2",
    }  # fmt: skip
    assert check_config({"model_type": "distilbert", "dim": 16}) is FAMILIES["distilbert"]


def test_every_family_loads_from_transformers_and_is_bundled() -> None:
    bundle = tomllib.loads(
        (Path(__file__).parents[3] / "packaging" / "bundle.toml").read_text(encoding="utf-8")
    )
    hidden = set(bundle["imports"]["hidden"])
    for family in FAMILIES.values():
        config_class, model_class = family.classes()
        assert model_class.config_class is config_class
        base = f"transformers.models.{family.module}"
        assert f"{base}.modeling_{family.module}" in hidden
        assert f"{base}.configuration_{family.module}" in hidden


def test_a_model_that_reads_too_few_tokens_is_refused(tmp_path: Path, tiny: TinyModels) -> None:
    folder = tiny.copy("roberta", tmp_path / "rob")
    edit_json(folder / "config.json", max_position_embeddings=200)  # 198 usable after <pad>
    staged = stage(folder)
    try:
        with pytest.raises(ModelError, match="reads at most 198 tokens"):
            run_probe(staged, name="rob")
    finally:
        staged.discard()


def test_stage_copies_and_hashes_what_it_wrote(
    tmp_path: Path, veil_home: Path, tiny: TinyModels
) -> None:
    folder = tiny.copy("bert", tmp_path / "m")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (folder / "README.md").symlink_to(folder / "vocab.txt")  # HF cache snapshots are links
    files, config = check_folder(folder)
    assert config["model_type"] == "bert"
    assert ".git/HEAD" not in {rel for _, rel in files}
    staged = stage(folder)
    try:
        paths = [e.path for e in staged.manifest.files]
        assert paths == sorted(paths)
        assert "README.md" in paths
        assert ".git/HEAD" not in paths
        assert not (staged.folder / "README.md").is_symlink()
        assert staged.folder.parent == models_dir()
        wanted = read_verified(staged.folder, staged.manifest, ["config.json"], name="m")
        assert wanted == {"config.json": (folder / "config.json").read_bytes()}
        probe = run_probe(staged, name="m")
        assert probe.dim == 32
        final = install(staged)
    finally:
        staged.discard()
    assert final.name == staged.manifest.digest
    assert not staged.folder.exists()
    assert [p.name for p in models_dir().iterdir()] == [final.name]
    # an import killed half-way leaves a staging folder: the next import removes it once stale
    stale = models_dir() / ".staging-0123456789abcdef"
    (stale / "sub").mkdir(parents=True)
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    # a damaged copy already in place is replaced by a fresh, intact one
    (final / "vocab.txt").write_text("damaged", encoding="utf-8")
    again = stage(folder)
    try:
        assert install(again) == final
    finally:
        again.discard()
    read_verified(final, staged.manifest, (), name="m")
    assert [p.name for p in models_dir().iterdir()] == [final.name]


def test_linked_folders_are_refused(tmp_path: Path, tiny: TinyModels) -> None:
    folder = tiny.copy("bert", tmp_path / "m")
    (folder / "extra").symlink_to(tmp_path, target_is_directory=True)
    with pytest.raises(ModelError, match="linked folder"):
        check_folder(folder)


def test_loading_with_a_manifest_checks_and_encodes(
    tmp_path: Path, veil_home: Path, tiny: TinyModels
) -> None:
    staged = stage(tiny.copy("bert", tmp_path / "m"))
    try:
        encoder = load_encoder("cpu", staged.folder, manifest=staged.manifest, name="tiny")
        assert encoder.model_hash == staged.manifest.digest
        assert encoder.name == "tiny"
        assert encoder.dim == 32
        long_text = " ".join(WORDS[i % len(WORDS)] for i in range(700))
        vectors = encoder.encode(["python and sql", "patient care", long_text, ""])
        assert np.isfinite(vectors).all()
        assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)
        assert not vectors[3].any()
        (chunks,) = encoder.encode_chunks([long_text])
        assert len(chunks.offsets) >= 3  # 256-token windows, as with the built-in model
        (staged.folder / "tokenizer_config.json").write_text("{}", encoding="utf-8")
        with pytest.raises(ModelError, match=r"tokenizer_config\.json changed"):
            load_encoder("cpu", staged.folder, manifest=staged.manifest, name="tiny")
    finally:
        staged.discard()


def test_a_sentence_transformers_folder_with_mean_pooling_is_accepted(
    tmp_path: Path, veil_home: Path, tiny: TinyModels
) -> None:
    folder = tiny.copy("bert", tmp_path / "st")
    (folder / "modules.json").write_text(
        json.dumps(
            [
                {"idx": 0, "name": "0", "path": "", "type": f"sentence_transformers.models.{t}"}
                if t == "Transformer"
                else {
                    "idx": i,
                    "name": str(i),
                    "path": f"{i}_{t}",
                    "type": f"sentence_transformers.models.{t}",
                }
                for i, t in enumerate(("Transformer", "Pooling", "Normalize"))
            ]
        ),
        encoding="utf-8",
    )
    (folder / "1_Pooling").mkdir()
    (folder / "1_Pooling" / "config.json").write_text(
        json.dumps(
            {
                "word_embedding_dimension": 32,
                "pooling_mode_cls_token": False,
                "pooling_mode_mean_tokens": True,
                "pooling_mode_max_tokens": False,
            }
        ),
        encoding="utf-8",
    )
    (folder / "2_Normalize").mkdir()
    (folder / "sentence_bert_config.json").write_text(
        '{"max_seq_length": 64, "do_lower_case": false}', encoding="utf-8"
    )
    staged = stage(folder)
    try:
        assert "1_Pooling/config.json" in {e.path for e in staged.manifest.files}
        run_probe(staged, name="st")
        encoder = load_encoder("cpu", staged.folder, manifest=staged.manifest, name="st")
        assert encoder.max_tokens == 64  # the length it was trained on, not Veil's 256
        text = " ".join(WORDS[i % len(WORDS)] for i in range(300))
        (chunks,) = encoder.encode_chunks([text])
        assert len(chunks.offsets) >= 5
    finally:
        staged.discard()
    edit_json(folder / "sentence_bert_config.json", do_lower_case=True)
    with pytest.raises(ModelError, match="lower-cases"):
        check_folder(folder)


@pytest.mark.slow
def test_a_real_sentence_encoder_folder_imports_and_matches_the_builtin(
    tmp_path: Path, veil_home: Path, encoder: Encoder
) -> None:
    """The bundled all-MiniLM-L6-v2 folder (a real sentence-transformers BERT) imported like a
    user's own model: accepted, and its vectors are the built-in encoder's, under its own hash."""
    staged = stage(default_model_dir())
    try:
        assert staged.model_type == "bert"
        assert staged.dim == 384
        assert staged.manifest.entry("model.safetensors").sha256 == MINILM_SHA256  # type: ignore[union-attr]
        run_probe(staged, name="minilm-copy")
        imported = load_encoder("cpu", staged.folder, manifest=staged.manifest, name="minilm-copy")
    finally:
        staged.discard()
    assert imported.model_hash == staged.manifest.digest != encoder.model_hash
    assert imported.max_tokens == encoder.max_tokens == 256
    texts = [
        "Built data pipelines in Python",
        "Cared for patients on a cardiac ward",
        WORDS[0] * 400,
    ]
    assert np.array_equal(imported.encode(texts), encoder.encode(texts))
