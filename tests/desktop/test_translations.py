"""The shipped translations cover every string and their compiled .qm match the .ts sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.i18n import TRANSLATIONS_DIR

BIN = Path(sys.executable).parent
DESKTOP = TRANSLATIONS_DIR.parent


def _tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else (shutil.which(name) or name)


def test_every_string_in_the_code_has_a_chinese_translation(tmp_path: Path) -> None:
    ts = tmp_path / "veil_zh_CN.ts"
    shutil.copy(TRANSLATIONS_DIR / "veil_zh_CN.ts", ts)
    sources = sorted(str(p) for p in DESKTOP.glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    untranslated = [
        m.findtext("source")
        for m in ET.parse(ts).getroot().iter("message")
        if m.find("translation") is not None
        and m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
    ]
    assert untranslated == [], "run lupdate and translate these (see desktop/i18n.py)"


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_compiled_translations_match_their_sources(tmp_path: Path, language: str) -> None:
    out = tmp_path / f"veil_{language}.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TRANSLATIONS_DIR / f"veil_{language}.ts"), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (TRANSLATIONS_DIR / f"veil_{language}.qm").read_bytes()
