"""Rules files: one TOML file per jurisdiction and language under ``core/jobad/rules/``.

A file has a ``[file]`` table (``language``, ``kind`` = "posting" or "review", ``jurisdiction``,
``title``, optional ``notice`` for copied word lists) and ``[[rule]]`` tables with ``id``,
``category``, ``severity``, ``source``, ``suggestion`` and one of ``patterns`` (regular
expressions), ``words`` (whole words or phrases) or ``check`` (a whole-document check), plus
optional ``unless``, ``applies``, ``error_in``, ``sources``, ``replace``, ``replacement`` and
``params``. English patterns and words match whole words, case-insensitively; Chinese ones
match where they stand. HR can read and review these files; the code holds no rule text.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.jobad.model import SEVERITIES, Rule

RULES_DIR = Path(__file__).with_name("rules")


class RulesFileError(ValueError):
    """A rules file is malformed (a bug in the shipped data, caught by the tests)."""


@dataclass(frozen=True)
class RulesFile:
    name: str
    language: str
    kind: str
    jurisdiction: str
    title: str
    notice: str
    rules: tuple[Rule, ...]
    data: dict[str, Any]


def _word_regex(word: str) -> str:
    """A word or phrase as a regular expression: spaces and hyphens inside match either."""
    parts = re.split(r"[\s-]+", word.strip())
    return r"[\s-]?".join(re.escape(p) for p in parts)


def _compile(alternatives: list[str], language: str) -> re.Pattern[str] | None:
    if not alternatives:
        return None
    body = "|".join(f"(?:{a})" for a in alternatives)
    if language == "en":
        return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
    return re.compile(body)


def _rule(item: dict[str, Any], name: str, language: str) -> Rule:
    missing = [k for k in ("id", "category", "severity", "source", "suggestion") if k not in item]
    if missing:
        raise RulesFileError(f"{name}: rule {item.get('id', '?')} lacks {', '.join(missing)}")
    severity = str(item["severity"])
    if severity not in SEVERITIES:
        raise RulesFileError(f"{name}: rule {item['id']} has severity {severity!r}")
    if not str(item["source"]).strip():
        raise RulesFileError(f"{name}: rule {item['id']} has no source")
    patterns = [str(p) for p in item.get("patterns", [])]
    patterns += [_word_regex(str(w)) for w in item.get("words", [])]
    check = str(item.get("check", ""))
    if not patterns and not check:
        raise RulesFileError(f"{name}: rule {item['id']} has neither patterns, words nor check")
    replace = {str(k).lower(): str(v) for k, v in item.get("replace", {}).items()}
    replacement = item.get("replacement")
    return Rule(
        id=str(item["id"]),
        category=str(item["category"]),
        severity=severity,
        source=str(item["source"]),
        suggestion=str(item["suggestion"]),
        message=str(item.get("message", "")),
        file=name,
        language=language,
        pattern=_compile(patterns, language),
        unless=_compile([str(p) for p in item.get("unless", [])], language),
        check=check,
        applies=tuple(str(j) for j in item.get("applies", [])),
        error_in=tuple(str(j) for j in item.get("error_in", [])),
        sources={str(k): str(v) for k, v in item.get("sources", {}).items()},
        replace=replace,
        replacement=None if replacement is None else str(replacement),
        params=dict(item.get("params", {})),
    )


def read_rules_file(path: Path) -> RulesFile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RulesFileError(f"{path.name}: {exc}") from None
    meta = data.get("file", {})
    language = str(meta.get("language", "en"))
    name = path.stem
    rules = tuple(_rule(item, name, language) for item in data.get("rule", []))
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise RulesFileError(f"{name}: duplicate rule ids")
    return RulesFile(
        name=name,
        language=language,
        kind=str(meta.get("kind", "posting")),
        jurisdiction=str(meta.get("jurisdiction", "")),
        title=str(meta.get("title", name)),
        notice=str(meta.get("notice", "")),
        rules=rules,
        data=data,
    )


@functools.cache
def rules_files() -> tuple[RulesFile, ...]:
    """Every shipped rules file, read and compiled once per process."""
    return tuple(read_rules_file(p) for p in sorted(RULES_DIR.glob("*.toml")))


def files_for(kind: str, language: str) -> tuple[RulesFile, ...]:
    return tuple(f for f in rules_files() if f.kind == kind and f.language == language)


def rule_by_id(rule_id: str) -> Rule:
    for f in rules_files():
        for r in f.rules:
            if r.id == rule_id:
                return r
    raise KeyError(rule_id)
