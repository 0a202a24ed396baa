"""Tiny randomly initialised encoders, built with the real transformers and saved as real
safetensors folders (a hidden size of 32, two layers, a vocabulary of a few dozen words)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

WORDS = (
    "python", "sql", "java", "kafka", "spark", "nurse", "care", "patient", "patients", "data",
    "engineer", "engineering", "years", "experience", "with", "and", "the", "of", "in", "a",
    "to", "built", "wrote", "pipelines", "reports", "ward", "icu", "accounting", "ledger",
    "finance", "team", "company", "teaching", "school", "students", "five", "six", "four",
    "registered", "licensed", "gestion", "de", "projets", "et", "comptabilité", "fournisseurs",
    "intensive",
)  # fmt: skip
BERT_SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def build_bert(folder: Path, *, seed: int = 0, tokenizer: bool = True) -> Path:
    """A 2-layer BERT (hidden size 32) with a WordPiece tokenizer from a small vocab.txt."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    folder.mkdir(parents=True)
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join([*BERT_SPECIALS, *WORDS]) + "\n", encoding="utf-8")
    torch.manual_seed(seed)
    config = BertConfig(
        vocab_size=len(BERT_SPECIALS) + len(WORDS),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
    )
    BertModel(config).save_pretrained(folder, safe_serialization=True)
    if tokenizer:
        BertTokenizerFast(str(vocab)).save_pretrained(folder)
    return folder


def build_roberta(folder: Path, *, seed: int = 0) -> Path:
    """A 2-layer RoBERTa whose tokenizer wraps texts in <s> ... </s> (no [CLS]/[SEP])."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import RobertaConfig, RobertaModel

    folder.mkdir(parents=True)
    specials = ["<s>", "<pad>", "</s>", "<unk>"]
    vocab = {w: i for i, w in enumerate([*specials, *WORDS])}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)]
    )
    tok.save(str(folder / "tokenizer.json"))
    torch.manual_seed(seed)
    config = RobertaConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=514,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
    )
    RobertaModel(config).save_pretrained(folder, safe_serialization=True)
    return folder


class TinyModels:
    """Folders built once per session; each test gets its own copy to change."""

    def __init__(self, root: Path) -> None:
        self._root = root

    def _built(self, name: str, build: object, **kw: object) -> Path:
        folder = self._root / name
        if not folder.exists():
            build(folder, **kw)  # type: ignore[operator]
        return folder

    def copy(self, kind: str, dest: Path) -> Path:
        source = {
            "bert": lambda: self._built("bert", build_bert, seed=0),
            "bert2": lambda: self._built("bert2", build_bert, seed=1),
            "roberta": lambda: self._built("roberta", build_roberta, seed=0),
        }[kind]()
        shutil.copytree(source, dest)
        return dest


def edit_json(path: Path, **changes: object) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path.write_text(json.dumps(data), encoding="utf-8")
