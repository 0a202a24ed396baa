"""The notice to employees (EU AI Act Art. 26(7); GDPR Art. 13/14; PIPL Art. 17), filled from a
real encrypted workspace: every right, the stored contact, nothing left unfilled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.compliance.notice import NoticeFacts, render
from core.errors import UserError
from core.services import compliance
from core.services.lifecycle import set_contact
from core.services.people import create_role
from core.storage import Workspace
from tests.core.compliance.conftest import PASSPHRASE

ORGANISATION = "Fictitious Tiles Ltd"
CONTACT = "privacy@tiles.example"

#: Every right the notice must name, with its articles, per language.
RIGHTS = {
    "en": [
        "**Access and a copy**",
        "GDPR Art. 15 and 20; PIPL Art. 45",
        "**Erasure**",
        "GDPR Art. 17; PIPL Art. 47",
        "**Explanation**",
        "EU AI Act Art. 86",
        "**Human review and contest**",
        "Art. 22(3); PIPL Art. 24",
        "**Complaint**",
        "GDPR Art. 77",
        "PIPL Art. 65",
    ],
    "zh": [
        "**查阅和复制**",
        "《个人信息保护法》第四十五条；GDPR 第 15、20 条",
        "**删除**",
        "《个人信息保护法》第四十七条；GDPR 第 17 条",
        "**要求说明**",
        "欧盟《人工智能法》第 86 条",
        "**人工复核和提出异议**",
        "《个人信息保护法》第二十四条；GDPR 第 22(3) 条",
        "**投诉**",
        "《个人信息保护法》第六十五条",
        "GDPR 第 77 条",
    ],
}

#: What the notice must say about the processing, per language.
STATEMENTS = {
    "en": [
        "Art. 26(7)",
        "self-reviews, manager reviews, project summaries and CVs",
        "it removes names, contact details",
        "evidence per competency",
        "never a rating",
        "A person decides",
        "the reviewer's mark replaces Veil's finding",
        "runs offline on the organisation's own computer. Nothing is sent anywhere",
        "Veil deletes nothing about employees automatically",
    ],
    "zh": [
        "第 26(7) 条",
        "自我评价、上级评价、项目总结和履历",
        "删除姓名、联系方式",
        "每项能力的依据",
        "绝不是对您的评分或评级",
        "最终由人作出决定",
        "审阅者的标记取代 Veil 的判断",
        "离线运行，不向任何地方发送数据",
        "Veil 不会自动删除任何员工信息",
    ],
}

TO_COMPLETE = {"en": "[to complete]", "zh": "【待填写】"}


@pytest.fixture
def ws(tmp_path: Path) -> Any:
    with Workspace.create(tmp_path / "notice.veil", PASSPHRASE) as workspace:
        yield workspace


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_notice_names_every_right_and_the_stored_contact(ws: Any, lang: str) -> None:
    set_contact(ws, organisation=ORGANISATION, contact=CONTACT, actor="dpo")
    create_role(ws, "Data analyst", "Data analyst\n\nRequirements\n- SQL\n")
    create_role(ws, "Support engineer", "Support engineer\n\nRequirements\n- Linux\n")
    text = compliance.employee_notice(ws, lang=lang, actor="dpo")
    assert "$" not in text
    for needle in RIGHTS[lang] + STATEMENTS[lang]:
        assert needle in text, needle
    assert ORGANISATION in text
    assert text.count(CONTACT) == 2  # who to ask, and where to use the rights
    sep = "、" if lang == "zh" else ", "
    assert f"Data analyst{sep}Support engineer" in text
    retention = text.split("\n## ")[5]
    assert retention.startswith(("How long it is kept", "五、保存期限"))
    assert TO_COMPLETE[lang] in retention  # the employer sets the period
    event = ws.audit.list()[-1]
    assert (event.kind, event.actor, event.subject) == (
        "employee_notice.generated",
        "dpo",
        {"lang": lang},
    )


def test_the_chinese_notice_is_written_in_chinese(ws: Any) -> None:
    text = compliance.employee_notice(ws, lang="zh")
    assert text.startswith("# 关于使用 Veil 分析工作相关文件的告知书")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    assert han > 3 * latin  # article numbers and "Veil", "GDPR" aside, it is Chinese
    assert "[to complete]" not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_a_contact_or_roles_the_notice_asks_for_them(ws: Any, lang: str) -> None:
    text = compliance.employee_notice(ws, lang=lang)
    assert "$" not in text
    todo = TO_COMPLETE[lang]
    lead = {
        "en": "- Contact for questions and for using your rights: ",
        "zh": "- 咨询及行使权利的联系方式：",
    }
    assert f"{lead[lang]}{todo}\n" in text
    assert text.count(todo) >= 5


def test_render_refuses_an_unknown_language() -> None:
    with pytest.raises(UserError, match="en or zh"):
        render(NoticeFacts("2026-12-01"), "fr")


# --- veil people notice, in process --------------------------------------------------------------


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.veil"
    with Workspace.create(path, PASSPHRASE) as workspace:
        set_contact(workspace, organisation=ORGANISATION, contact=CONTACT, actor="dpo")
    monkeypatch.setenv("VEIL_WORKSPACE", str(path))
    monkeypatch.setenv("VEIL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("VEIL_REVIEWER", "Officer")
    return path


def test_the_notice_is_printed_or_written_to_a_file(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["people", "notice"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# How Veil is used to read documents about your work")
    assert CONTACT in printed

    out = tmp_path / "notice_zh.md"
    assert main(["people", "notice", "--lang", "zh", "--out", str(out)]) == 0
    assert f"Wrote the zh notice to employees to {out}" in capsys.readouterr().out
    written = out.read_text(encoding="utf-8")
    assert "查阅和复制" in written
    assert CONTACT in written
    assert oct(out.stat().st_mode & 0o777) == oct(0o600)  # written atomically, private
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".veil-")] == []
    with Workspace.open(cli_env, PASSPHRASE) as ws:
        kinds = [(e.kind, e.actor) for e in ws.audit.list()]
    assert kinds[-2:] == [("employee_notice.generated", "Officer")] * 2


def test_an_unwritable_place_is_a_clear_message(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "notice.md"
    assert main(["people", "notice", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "Cannot write the en notice to employees." in err
    assert "No such file or directory" in err
    assert not target.parent.exists()
