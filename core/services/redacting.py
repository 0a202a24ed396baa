"""Redact one extracted file: its text, and its file name and metadata too.

A resume's file name ("Jane_Doe_CV.pdf") and document metadata (PDF author, DOCX last-modified-by)
often name the person. They are redacted as well, and whatever personal value they reveal is
also removed from the body wherever it appears, with the same placeholder scheme
(``<PERSON_2>``), even where the recognizers missed it in the body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

_PLACEHOLDER = re.compile(r"<([A-Z_]+)_(\d+)>")
_SEPARATORS = re.compile(r"[_\-.+]+")
_MIN_VALUE_LEN = 3


@dataclass(frozen=True)
class Prepared:
    """A file ready to store: everything here but ``mapping`` may be shown to a reviewer."""

    redacted_text: str
    mapping: dict[str, str]  # placeholder -> original (personal; stored encrypted)
    spans_json: str  # offsets into the original text
    language: str
    warnings: tuple[str, ...]
    redacted_filename: str
    redacted_metadata: dict[str, str]


def filename_words(filename: str) -> str:
    """``"jane_doe-CV.pdf"`` -> ``"jane doe CV"``: a file name as words the recognizers read."""
    stem = PurePath(filename).stem
    return _SEPARATORS.sub(" ", stem).strip()


def _header_lines(extraction: Any) -> list[str]:
    """File name and metadata, one value a line (metadata in key order)."""
    return [filename_words(extraction.filename)] + [
        " ".join(str(extraction.metadata[k]).split()) for k in sorted(extraction.metadata)
    ]


def redact_extraction(redactor: Any, extraction: Any) -> Prepared:
    language = extraction.language or None
    body = redactor.redact(extraction.text, language)
    header = redactor.redact("\n".join(_header_lines(extraction)), language)
    return _prepared(extraction, body, header)


def redact_extractions(redactor: Any, extractions: Sequence[Any]) -> list[Prepared | Exception]:
    """``redact_extraction`` for several files in one ``redact_many`` call (spaCy reads them
    as one batch), when the redactor has one; each file's result, or the exception it raised.

    A batch that fails is redone file by file, so one bad file fails alone."""
    many = getattr(redactor, "redact_many", None)
    if callable(many) and len(extractions) > 1:
        texts: list[str] = []
        languages: list[str | None] = []
        for ex in extractions:
            texts += [ex.text, "\n".join(_header_lines(ex))]
            languages += [ex.language or None] * 2
        try:
            results = many(texts, languages)
            return [
                _prepared(ex, results[2 * i], results[2 * i + 1])
                for i, ex in enumerate(extractions)
            ]
        except Exception:  # noqa: BLE001 - redone one by one below, where it is reported
            pass
    out: list[Prepared | Exception] = []
    for ex in extractions:
        try:
            out.append(redact_extraction(redactor, ex))
        except Exception as exc:  # noqa: BLE001 - the caller reports it for that file only
            out.append(exc)
    return out


def _prepared(extraction: Any, body: Any, header: Any) -> Prepared:
    text: str = extraction.text
    mapping: dict[str, str] = dict(body.mapping)
    spans = [_span_dict(s) for s in body.spans]
    redacted = body.text
    header_lines = _header_lines(extraction)
    meta_keys = sorted(extraction.metadata)
    header_out = header.text.split("\n")
    if len(header_out) != len(header_lines):  # a redactor that changed the lines: keep nothing
        header_out = ["<REDACTED>"] * len(header_lines)

    # Values the header revealed, removed from the body too.
    known = {v.casefold(): p for p, v in mapping.items()}
    extra_warnings: list[str] = []
    for placeholder, value in sorted(header.mapping.items(), key=lambda kv: -len(kv[1])):
        value = value.strip()
        if len(value) < _MIN_VALUE_LEN:
            continue
        match = _PLACEHOLDER.fullmatch(placeholder)
        kind = match.group(1) if match else "PII"
        target = known.get(value.casefold())
        pattern = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)", re.IGNORECASE)
        if not pattern.search(redacted):
            continue
        if target is None:
            target = _next_placeholder(mapping, kind)
            mapping[target] = value
            known[value.casefold()] = target
        redacted = pattern.sub(target, redacted)
        spans.extend(_extra_spans(text, pattern, kind, spans))
    if len(spans) != len(body.spans):
        extra_warnings.append("Some personal data named in the file name or metadata was removed.")
        spans.sort(key=lambda s: (s["start"], s["end"]))

    return Prepared(
        redacted_text=redacted,
        mapping=mapping,
        spans_json=json.dumps(spans),
        language=body.language or extraction.language,
        warnings=tuple(extra_warnings),
        redacted_filename=header_out[0] + PurePath(extraction.filename).suffix,
        redacted_metadata=dict(zip(meta_keys, header_out[1:], strict=True)),
    )


def _span_dict(span: Any) -> dict[str, Any]:
    return {
        "type": span.type,
        "start": span.start,
        "end": span.end,
        "score": float(getattr(span, "score", 1.0)),
        "recognizer": str(getattr(span, "recognizer", "")),
    }


def _next_placeholder(mapping: dict[str, str], kind: str) -> str:
    used = [
        int(m.group(2))
        for p in mapping
        if (m := _PLACEHOLDER.fullmatch(p)) is not None and m.group(1) == kind
    ]
    return f"<{kind}_{max(used, default=0) + 1}>"


def _extra_spans(
    text: str, pattern: re.Pattern[str], kind: str, spans: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    out = []
    for m in pattern.finditer(text):
        if any(s["start"] < m.end() and m.start() < s["end"] for s in spans):
            continue
        out.append(
            {
                "type": kind,
                "start": m.start(),
                "end": m.end(),
                "score": 1.0,
                "recognizer": "file_name_or_metadata",
            }
        )
    return out
