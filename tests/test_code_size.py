"""Units stay small where change concentrates: no module over 400 lines and no function over
80 lines in core/, anonymize/ and desktop/ (a desktop widget's ``__init__`` that builds its
layout is the one exception)."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "anonymize", "desktop")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def _modules() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def _long_functions(source: str, *, desktop: bool = False) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            layout = desktop and node.name == "__init__"
            if lines > MAX_FUNCTION_LINES and not layout:
                found.append(f"line {node.lineno}: {node.name} ({lines} lines)")
    return found


def test_the_packages_have_modules() -> None:
    assert len(_modules()) > 50


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_and_its_functions_are_small(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES, f"{source.count(chr(10))} lines"
    assert _long_functions(source, desktop=path.parent.name == "desktop") == []


def test_the_check_sees_a_long_function() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    long_one = f"def build() -> None:\n{body}\n"
    assert _long_functions(long_one) == [f"line 1: build ({MAX_FUNCTION_LINES + 1} lines)"]
    widget = f"class W:\n    def __init__(self) -> None:\n{textwrap.indent(body, '    ')}\n"
    assert _long_functions(widget, desktop=True) == []
    assert _long_functions(widget) != []
