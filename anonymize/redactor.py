"""The facade: ``Redactor().redact(text)`` -> ``RedactionResult``.

Start-up (spaCy pipeline, recognizers) is paid once per instance; ``redact_many`` runs spaCy over
the batch with ``nlp.pipe`` and then the cheap recognizers document by document.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from anonymize import ner_view, placeholders
from anonymize.allowlist import Allowlist
from anonymize.engine import build_analyzer, english_pipeline
from anonymize.language import analyzer_language
from anonymize.spans import resolve
from anonymize.types import RedactionOptions, RedactionResult

log = logging.getLogger(__name__)
_NER_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG"})


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
        log.info("redaction engine ready")

    def redact(self, text: str, language: str | None = None) -> RedactionResult:
        return self.redact_many([text], [language])[0]

    def redact_many(
        self, texts: Sequence[str], languages: Sequence[str | None] | None = None
    ) -> list[RedactionResult]:
        if languages is not None and len(languages) != len(texts):
            raise ValueError("languages must be as long as texts")
        langs = [
            analyzer_language(languages[i] if languages else None, text)
            for i, text in enumerate(texts)
        ]
        results: list[RedactionResult | None] = [None] * len(texts)
        english = [i for i, code in enumerate(langs) if code == "en"]
        views = [ner_view.make_view(texts[i], self.allowlist) for i in english]
        processes = self.options.processes if len(english) >= 4 * self.options.batch_size else 1
        docs = self._nlp.pipe(
            (view.text for view in views), batch_size=self.options.batch_size, n_process=processes
        )
        for index, view, doc in zip(english, views, docs, strict=True):
            artifact = ner_view.artifacts(doc, view, _NER_LABELS)
            results[index] = self._finish(texts[index], "en", artifact)
        for index, code in enumerate(langs):
            if code == "zh":  # no Chinese NER model ships; jieba and patterns do the work
                results[index] = self._finish(texts[index], "zh", ner_view.EMPTY)
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
