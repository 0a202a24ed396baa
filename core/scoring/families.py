"""Which encoder architectures Veil loads, and how: the BERT family, from transformers' own code.

The allow-list holds the encoder-only transformers with bidirectional attention whose classes ship
inside ``transformers`` (nothing from the model folder is ever run), whose forward pass takes
``input_ids`` and ``attention_mask`` and returns ``last_hidden_state``, and which sentence
encoders use with mean pooling, as Veil does for all-MiniLM-L6-v2:

- ``bert`` (all-MiniLM, paraphrase-multilingual-MiniLM-L12-v2, multilingual-e5-small,
  text2vec-base-chinese), ``roberta``, ``xlm-roberta`` (paraphrase-multilingual-mpnet-base-v2,
  multilingual-e5-base/large), ``camembert``, ``distilbert``, ``electra``, ``mpnet``
  (all-mpnet-base-v2) and ``deberta-v2`` (mDeBERTa-v3).

Left out on purpose: decoders and encoder-decoders (GPT, Llama, Qwen, T5: not mean-pooled
sentence encoders, and far larger), architectures that need the folder's own Python code
(``auto_map``: nomic-bert, jina-bert, gte "new"), and rarer encoders nobody asked for yet
(ALBERT, XLNet, Longformer, ModernBERT); adding one is one line here once it is tested.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from typing import Any

from core.errors import ModelError

MIN_POSITIONS = 256  # Veil reads text in windows of 256 tokens (encoder.MAX_TOKENS)


@dataclass(frozen=True)
class Family:
    module: str  # transformers.models.<module>.{configuration,modeling}_<module>
    config_class: str
    model_class: str
    position_offset: bool = False  # RoBERTa-style position ids start after the padding id

    def classes(self) -> tuple[Any, Any]:
        """The configuration and model classes, imported by their module path (which the
        installer's hidden imports list, since transformers loads them lazily)."""
        base = f"transformers.models.{self.module}"
        config = importlib.import_module(f"{base}.configuration_{self.module}")
        model = importlib.import_module(f"{base}.modeling_{self.module}")
        return getattr(config, self.config_class), getattr(model, self.model_class)


FAMILIES: dict[str, Family] = {
    "bert": Family("bert", "BertConfig", "BertModel"),
    "roberta": Family("roberta", "RobertaConfig", "RobertaModel", position_offset=True),
    "xlm-roberta": Family(
        "xlm_roberta", "XLMRobertaConfig", "XLMRobertaModel", position_offset=True
    ),
    "camembert": Family("camembert", "CamembertConfig", "CamembertModel", position_offset=True),
    "distilbert": Family("distilbert", "DistilBertConfig", "DistilBertModel"),
    "electra": Family("electra", "ElectraConfig", "ElectraModel"),
    "mpnet": Family("mpnet", "MPNetConfig", "MPNetModel", position_offset=True),
    "deberta-v2": Family("deberta_v2", "DebertaV2Config", "DebertaV2Model"),
}


def _refuse(message: str, hint: str = "") -> ModelError:
    return ModelError(message, hint=hint)


def check_config(config: Any) -> Family:
    """The family of a parsed ``config.json``; ``ModelError`` for remote code, a decoder or an
    architecture outside the allow-list."""
    if not isinstance(config, dict):
        raise _refuse("The model's config.json is not a JSON object.")
    if "auto_map" in config or config.get("trust_remote_code"):
        raise _refuse(
            "This model needs its own Python code to run (auto_map / trust_remote_code in "
            "config.json); Veil never runs code from a model folder.",
            hint="Choose a model that runs on the standard transformers architectures.",
        )
    model_type = config.get("model_type")
    family = FAMILIES.get(str(model_type)) if isinstance(model_type, str) else None
    if family is None:
        raise _refuse(
            f"Veil imports only BERT-family sentence encoders; this model's type is "
            f"{str(model_type)[:40]!r}.",
            hint="Supported types: " + ", ".join(sorted(FAMILIES)) + ".",
        )
    if config.get("is_decoder") or config.get("add_cross_attention"):
        raise _refuse("This model is configured as a decoder, not a sentence encoder.")
    hidden = config.get("hidden_size", config.get("dim"))
    if not isinstance(hidden, int) or hidden <= 0:
        raise _refuse("The model's config.json gives no valid hidden size.")
    return family


def usable_positions(config: Any, family: Family) -> int:
    """How many tokens (special tokens included) the model can read at once."""
    positions = int(getattr(config, "max_position_embeddings", 0) or 0)
    if family.position_offset:
        positions -= int(getattr(config, "pad_token_id", 0) or 0) + 1
    return positions


def build_model(config_json: dict[str, Any]) -> tuple[Any, Any]:
    """An untrained model (no pooling layer) and its config, from a checked ``config.json``."""
    family = check_config(config_json)
    config_class, model_class = family.classes()
    config = config_class.from_dict(
        {k: v for k, v in config_json.items() if k not in ("model_type", "auto_map")}
    )
    positions = usable_positions(config, family)
    if positions < MIN_POSITIONS:
        raise _refuse(
            f"This model reads at most {positions} tokens at once; Veil needs {MIN_POSITIONS}.",
        )
    if "add_pooling_layer" in inspect.signature(model_class.__init__).parameters:
        model = model_class(config, add_pooling_layer=False)
    else:
        model = model_class(config)
    return model, config


def load_model(config_bytes: bytes, weights: bytes) -> tuple[Any, Any]:
    """The base model (eval mode, on the CPU) with its safetensors ``weights``, and its config;
    ``ModelError`` for anything Veil does not load or weights that do not fit."""
    import json

    from safetensors.torch import load as load_safetensors

    try:
        config_json = json.loads(config_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _refuse("The model's config.json is not valid JSON.") from exc
    model, config = build_model(config_json)
    try:
        state = load_safetensors(weights)
    except Exception as exc:  # any failure here means a bad weights file
        raise _refuse(
            "The scoring model folder is incomplete or not a BERT-family model.",
            hint=f"({type(exc).__name__})",
        ) from exc
    try:
        missing, _unexpected = model.load_state_dict(state_for(model, state), strict=False)
    except RuntimeError:  # tensors of another shape than the configuration says
        missing = ["(shapes)"]
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing:
        raise _refuse(
            "The scoring model's weights do not fit its configuration.",
            hint=f"({len(missing)} tensors missing or of another shape)",
        )
    model.eval()
    return model, config


def state_for(model: Any, state: dict[str, Any]) -> dict[str, Any]:
    """Checkpoint tensors renamed for the base model (``bert.x`` -> ``x``), heads dropped."""
    prefix = f"{model.base_model_prefix}."
    return {
        k.removeprefix(prefix): v
        for k, v in state.items()
        if not k.removeprefix(prefix).startswith("pooler.")
    }
