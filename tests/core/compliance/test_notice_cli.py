"""``veil people notice`` as scripts use it: a real ``veil`` process and encrypted workspace; the
notice needs no model, so none is loaded."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.core.cli.processes import veil

PASSPHRASE = "notice cli test passphrase 7"
NO_MODELS = (
    "import sys; from core.cli import main; code = main(sys.argv[1:]); "
    "loaded = sorted(m for m in ('torch', 'transformers', 'presidio_analyzer', 'spacy') "
    "if m in sys.modules); print('loaded:', loaded, file=sys.stderr); sys.exit(code)"
)


def _veil(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    workspace = str(home / "ws.veil")
    return veil(
        *args,
        home=home,
        passphrase=PASSPHRASE,
        code=NO_MODELS,
        VEIL_WORKSPACE=workspace,
        VEIL_REVIEWER="Officer",
    )


def test_people_notice_contract(tmp_path: Path) -> None:
    assert _veil(tmp_path, "init").returncode == 0
    helped = _veil(tmp_path, "people", "--help")
    assert "|erase|export|notice" in helped.stdout
    contact = _veil(
        tmp_path, "retention", "contact", "--organisation", "Fictitious Tiles Ltd",
        "--contact", "privacy@tiles.example",
    )  # fmt: skip
    assert contact.returncode == 0, contact.stderr

    shown = _veil(tmp_path, "people", "notice", "--lang", "zh")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("# 关于使用 Veil 分析工作相关文件的告知书\n")
    assert "privacy@tiles.example" in shown.stdout
    assert "$" not in shown.stdout
    assert "loaded: []" in shown.stderr  # no model was loaded for it

    out = tmp_path / "notice.md"
    written = _veil(tmp_path, "people", "notice", "--out", str(out))
    assert written.returncode == 0, written.stderr
    assert written.stdout == f"Wrote the en notice to employees to {out}\n"
    text = out.read_text(encoding="utf-8")
    assert "**Human review and contest**" in text
    assert "Fictitious Tiles Ltd" in text

    refused = _veil(tmp_path, "people", "notice", "--out", str(tmp_path / "none" / "n.md"))
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert "Cannot write the en notice to employees." in refused.stderr
    assert "Traceback" not in refused.stderr

    bad = _veil(tmp_path, "people", "notice", "--lang", "fr")
    assert bad.returncode == 2
    assert "invalid choice: 'fr'" in bad.stderr
