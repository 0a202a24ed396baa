"""Save a PNG of each main screen, for people to look at: ``make screenshots`` (under Xvfb).

    python bench/screenshots.py OUT_DIR [--fake]

It drives the real app through the bundled fictitious sample (core/sample) in a throwaway
workspace and VEIL_HOME: first run, create, job, import, ranking, candidate, audit, settings,
the role editor and the people heatmap, locked; then the ranking and the candidate again in the
dark scheme and in Simplified Chinese (with the role editor).
``--fake`` uses the test suite's quick stand-ins for redaction and scoring (a source checkout
only) to check layout in seconds; the default runs the real pipeline. It lives in bench/, not in
the desktop package, because it drives the app with the test suite's fakes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's core, desktop and tests packages

from core import offline  # noqa: E402

offline.install()

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

PASSPHRASE = "screenshot lantern meadow 19"


def wait_until(predicate: Callable[[], bool], timeout_s: float = 600.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not reach the expected state in time")
        QApplication.processEvents()
        time.sleep(0.02)


def settle(seconds: float = 0.2) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.saved: list[Path] = []

    def __call__(self, widget: QWidget, name: str) -> None:
        settle()
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        self.saved.append(path)
        print(f"saved {path}")


def make_engines(fake: bool) -> Any:
    from core.services import Engines

    if not fake:
        return Engines()
    from tests.desktop.fakes import PatternRedactor, keyword_scorer_factory

    return Engines(redactor=PatternRedactor(), scorer_factory=keyword_scorer_factory())


def review_screens(window: Any, shoot: Shooter, suffix: str) -> None:
    """Ranking and the first candidate with its first evidence highlighted."""
    view = window.workspace_view
    view.tabs.setCurrentIndex(0)
    view.back_to_ranking()
    view.ranking.table.selectRow(0)
    shoot(window, f"05-ranking{suffix}")
    view.open_candidate(int(view.ranking.current_candidate() or 0))
    checklist = view.candidate.checklist
    for i in range(checklist.topLevelItemCount()):
        req = view.candidate.score.requirements[i] if view.candidate.score else None
        if req is not None and req.evidence is not None:
            checklist.setCurrentItem(checklist.topLevelItem(i))
            break
    shoot(window, f"06-candidate{suffix}")


ROLE_PROFILE = """Data Engineer (platform team)

Requirements
- Python and SQL for data pipelines
- Apache Spark or another distributed processing framework
- Workflow orchestration with Airflow

Nice to have
- Kafka streaming
- Docker and Kubernetes
"""
ROLE_PROFILE_ZH = """数据工程师（平台组）

任职要求
- 熟练使用 Python 和 SQL 构建数据管道
- 熟悉 Spark 等分布式计算框架

加分项
- 有 Kafka 流处理经验
"""


def open_people(window: Any) -> Any:
    """The People view, once its role list is read."""
    from desktop.people_view import PeopleView

    view = PeopleView(window.session, window)
    view.resize(1200, 720)
    view.show()
    wait_until(lambda: view.worker is not None and not view.worker.is_running(), 60)
    settle()
    return view


def people_screens(window: Any, shoot: Shooter) -> None:
    """The role editor (new, then edit) and the heatmap of the sample resumes read as people."""
    from core.sample import resume_paths
    from core.services import run_to_end
    from core.services.people import import_people

    view = open_people(window)
    editor = view.new_role()
    editor.title.setText("Data Engineer (platform team)")
    editor.profile.setPlainText(ROLE_PROFILE)
    editor.box.suggest_button.click()
    shoot(editor, "11-role-new")
    role_id = editor.save()
    session = window.session
    paths = resume_paths()[:6]
    run_to_end(import_people(session.workspace, session.engines, paths, role_id=role_id))
    view.role_saved(int(role_id or 0))  # reads the roles again and shows the gaps
    wait_until(lambda: view.model.rowCount() == len(paths), 600)
    from desktop.cell_marks import mark

    person = view.model.matrix.people[0].person_id
    mark(view, person, 0, True, "led the migration of the nightly jobs")  # a reviewer's check
    wait_until(lambda: "✔" in str(view.model.data(view.model.index(0, 0))), 600)
    view.table.selectRow(0)
    view.open_evidence(view.model.index(0, 0))
    wait_until(lambda: bool(view.evidence.toPlainText()), 600)
    shoot(view, "12-people")
    editor = view.edit_role()
    shoot(editor, "13-role-edit")
    editor.reject()
    importer = view.import_documents()
    shoot(importer, "14-people-import")
    importer.reject()
    view.close()


def people_screens_zh(window: Any, shoot: Shooter) -> None:
    from core.sample import resume_paths

    view = open_people(window)
    importer = view.import_documents()
    importer.panel.import_paths(resume_paths()[6:9])  # one folder: one more person
    wait_until(lambda: importer.panel.worker is None, 600)
    shoot(importer, "14-people-import-zh_CN")
    importer.reject()
    editor = view.edit_role()
    shoot(editor, "13-role-edit-zh_CN")
    editor.reject()
    editor = view.new_role()
    editor.title.setText("数据工程师（平台组）")
    editor.profile.setPlainText(ROLE_PROFILE_ZH)
    editor.box.suggest_button.click()
    shoot(editor, "11-role-new-zh_CN")
    editor.done(0)  # closes without asking about the typed profile
    view.close()


def run(out: Path, fake: bool) -> list[Path]:
    from core.sample import JOB_TITLE, job_text, resume_paths
    from desktop.app import create_application
    from desktop.audit_view import AuditView
    from desktop.create_dialog import CreateWorkspaceDialog
    from desktop.i18n import install_translations
    from desktop.main_window import MainWindow
    from desktop.preferences import Preferences
    from desktop.session import Session
    from desktop.settings_dialog import SettingsDialog
    from desktop.theme import set_scheme

    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="veil-shots-"))
    os.environ["VEIL_HOME"] = str(home)
    app = create_application()
    install_translations(app, "en")
    shoot = Shooter(out)
    engines = make_engines(fake)
    path = home / "Recruiting.veil"

    window = MainWindow(Session(path, engines=engines, reviewer="screenshots"), Preferences())
    window.resize(1280, 800)
    window.show()
    shoot(window, "01-first-run")

    dialog = CreateWorkspaceDialog(path, window)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    dialog.show()
    shoot(dialog, "02-create-workspace")
    dialog.close()
    window.create_at(path, PASSPHRASE)
    wait_until(lambda: window.stack.currentWidget() is window.workspace_view, 60)

    editor = window.workspace_view.editor
    checked: list[object] = []
    editor.jobad.checked.connect(checked.append)
    editor.title.setText(JOB_TITLE)
    editor.posting.setPlainText(job_text())
    editor.suggest_requirements()
    editor.save()
    window.workspace_view.tabs.setCurrentIndex(2)
    wait_until(lambda: bool(checked), 30)  # the job-ad check runs once typing pauses
    shoot(window, "03-job")

    importer = window.workspace_view.importer
    window.workspace_view.tabs.setCurrentIndex(1)
    importer.import_paths(resume_paths())
    wait_until(lambda: importer.worker is None)
    ranking = window.workspace_view.ranking
    wait_until(lambda: ranking.worker is None and ranking.model.rowCount() > 0)
    window.workspace_view.tabs.setCurrentIndex(1)
    shoot(window, "04-import")
    review_screens(window, shoot, "")
    window.workspace_view.candidate.reason.setText("Strong pipelines and streaming work")
    window.workspace_view.candidate.decide("shortlist")
    shoot(window, "06b-decided")

    audit = AuditView(window.session.workspace, window)
    audit.show()
    shoot(audit, "07-audit")
    audit.close()
    settings = SettingsDialog(
        window.prefs, workspace_path=str(path), engines=engines, parent=window
    )
    settings.show()
    shoot(settings, "08-settings")
    settings.close()
    people_screens(window, shoot)

    window.lock()
    window.unlock_view.passphrase.setText("a wrong guess")
    window.unlock_view.unlock_button.click()
    wait_until(lambda: window.unlock_worker is None, 60)
    shoot(window, "09-locked-wrong-passphrase")

    # the dark scheme: Qt repaints with the dark palette
    set_scheme(Qt.ColorScheme.Dark, app)
    window.unlock_view.passphrase.setText(PASSPHRASE)
    window.unlock_view.unlock_button.click()
    wait_until(lambda: window.stack.currentWidget() is window.workspace_view, 60)
    window.workspace_view.open_job(int(window.workspace_view.jobs.current_job_id() or 1))
    review_screens(window, shoot, "-dark")
    window.close()
    set_scheme(Qt.ColorScheme.Light, app)

    # Simplified Chinese: a new window picks the translation up
    install_translations(app, "zh_CN")
    window_zh = MainWindow(Session(path, engines=engines, reviewer="screenshots"), Preferences())
    window_zh.resize(1280, 800)
    window_zh.show()
    shoot(window_zh, "10-locked-zh_CN")
    window_zh.unlock(PASSPHRASE)
    wait_until(lambda: window_zh.stack.currentWidget() is window_zh.workspace_view, 60)
    review_screens(window_zh, shoot, "-zh_CN")
    people_screens_zh(window_zh, shoot)
    window_zh.close()
    engines.close()
    return shoot.saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/screenshots.py")
    parser.add_argument("out", type=Path, nargs="?", default=Path("screenshots"))
    parser.add_argument("--fake", action="store_true", help="quick stand-in scorer (layout only)")
    args = parser.parse_args(argv)
    saved = run(args.out, args.fake)
    print(f"{len(saved)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
