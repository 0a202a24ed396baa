"""The facade: ``Redactor().redact(text)`` -> ``RedactionResult``.

Start-up (spaCy pipeline, recognizers) is paid once per process; ``redact_many`` runs spaCy's
NER over the batch (``greedy_ner``, only on lines that can hold a name, see ner_view) and then
the cheap recognizers document by document. With ``RedactionOptions(processes=2)`` a batch of 48
or more goes to worker processes (see parallel); ``close()`` stops them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

from anonymize import greedy_ner, ner_view, placeholders
from anonymize.allowlist import Allowlist
from anonymize.engine import build_analyzer, english_pipeline
from anonymize.language import analyzer_language
from anonymize.spans import resolve
from anonymize.types import RedactionOptions, RedactionResult

log = logging.getLogger(__name__)
_LABEL_NOISE = re.compile(
    r"\.[A-Za-z0-9]{1,5}$|(?<![^\W_])(?:resume|résumé|cv|curriculum|vitae|final|draft|updated|new|"
    r"copy|v\d+|\d+|简历|个人简历)(?![^\W_])",
    re.IGNORECASE,
)
_POOL_MIN_BATCH = 48  # below this, worker start-up costs more than it saves
_NER_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG"})


def chinese_entities(texts: Sequence[str]) -> list[Any]:
    """LAC's person, place and organisation names of Chinese texts, as recognizers read them."""
    from anonymize.recognizers import chinese

    if chinese.NAME_TAGGER == "jieba":
        return [ner_view.EMPTY for _ in texts]
    from anonymize.lac_tagger import artifacts_many

    return list(artifacts_many(list(texts)))


def build_recognizers(allowlist: Allowlist) -> list[Any]:
    from anonymize.recognizers import all_recognizers

    return all_recognizers(allowlist)


class Redactor:
    """Finds and replaces personal data in resumes (English and Chinese)."""

    def __init__(self, options: RedactionOptions | None = None) -> None:
        self.options = options or RedactionOptions()
        self.allowlist = Allowlist(self.options.extra_allowlist)
        self._wanted = self.options.wanted()
        self._analyzer = build_analyzer(build_recognizers(self.allowlist))
        self._nlp = english_pipeline()
        self._pool: Any = None

    def close(self) -> None:
        """Stop the worker processes, if a large batch started them."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> Redactor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
        log.info("redaction engine ready")

    def redact(self, text: str, language: str | None = None) -> RedactionResult:
        return self.redact_many([text], [language])[0]

    def redact_label(self, label: str, language: str | None = None) -> RedactionResult:
        """Redact a file name or a metadata value ("john_smith-CV.pdf", "Author: J. Smith").

        Separators become spaces and words get capitals for detection only; spans and the
        redacted text refer to the label as given ("<PERSON_1>-CV.pdf").
        """
        probe = _LABEL_NOISE.sub(lambda m: " " * len(m.group()), label)
        probe = re.sub(r"[_.\-+]", " ", probe)
        titled = probe.title()
        if len(titled) != len(probe):
            titled = probe
        # a label is short: give detection the name-only line it expects
        found = self.redact_many([titled], [language])[0]
        redacted, mapping = placeholders.apply(label, found.spans)
        return RedactionResult(redacted, found.spans, mapping, found.language)

    def redact_many(
        self, texts: Sequence[str], languages: Sequence[str | None] | None = None
    ) -> list[RedactionResult]:
        if languages is not None and len(languages) != len(texts):
            raise ValueError("languages must be as long as texts")
        langs = [
            analyzer_language(languages[i] if languages else None, text)
            for i, text in enumerate(texts)
        ]
        if self.options.processes > 1 and len(texts) >= _POOL_MIN_BATCH:
            if self._pool is None:
                from anonymize.parallel import RedactionPool

                self._pool = RedactionPool(self.options, self.options.processes)
            pooled: list[RedactionResult] = self._pool.redact_many(texts, langs)
            return pooled
        results: list[RedactionResult | None] = [None] * len(texts)
        english = [i for i, code in enumerate(langs) if code == "en"]
        views = [ner_view.make_view(texts[i], self.allowlist) for i in english]
        docs = greedy_ner.entity_docs(
            self._nlp, (view.text for view in views), self.options.batch_size
        )
        for index, view, doc in zip(english, views, docs, strict=True):
            artifact = ner_view.artifacts(doc, view, _NER_LABELS)
            results[index] = self._finish(texts[index], "en", artifact)
        chinese = [i for i, code in enumerate(langs) if code == "zh"]
        artifacts = chinese_entities([texts[i] for i in chinese])
        for index, artifact in zip(chinese, artifacts, strict=True):
            results[index] = self._finish(texts[index], "zh", artifact)
        return [r for r in results if r is not None]

    def _finish(self, text: str, language: str, artifact: Any) -> RedactionResult:
        found = self._analyzer.analyze(
            text,
            language,
            nlp_artifacts=artifact,
            score_threshold=self.options.score_threshold,
        )
        spans = resolve(text, found, self._wanted, self.allowlist)
        redacted, mapping = placeholders.apply(text, spans)
        return RedactionResult(text=redacted, spans=spans, mapping=mapping, language=language)
