"""An employee's data from the People view (GDPR Art. 15, 17, 20): right-click a person's row
header to export everything held about them or to erase them.

Both run in a worker of the view and are logged by the services; the export is the one place
Veil writes plaintext, on the user's request, so the message says to hand it over securely.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

if TYPE_CHECKING:
    from desktop.people_view import PeopleView


def tr(text: str) -> str:
    return QCoreApplication.translate("PersonData", text)


def person_menu(view: PeopleView, pos: QPoint) -> QMenu | None:
    """The menu of the person whose row header is under ``pos`` (None elsewhere)."""
    row = view.table.verticalHeader().logicalIndexAt(pos)
    if view.model.matrix is None or not 0 <= row < len(view.model.matrix.people):
        return None
    person_id = view.model.matrix.people[row].person_id
    menu = QMenu(view.table)
    menu.addAction(tr("Export everything held…"), lambda: export_person(view, person_id))
    menu.addAction(tr("Erase this person…"), lambda: erase_person(view, person_id))
    return menu


def export_person(view: PeopleView, person_id: int, folder: str | None = None) -> None:
    """Export into ``folder`` (asked for when None): JSON, HTML and the original documents."""
    if folder is None:
        folder = QFileDialog.getExistingDirectory(view, tr("Export to folder"))
    if not folder:
        return
    from core.services.people_rights import current_gaps
    from core.services.people_rights import export_person as export

    ws, engines, who = view.session.workspace, view.session.engines, view.session.reviewer

    def work() -> list[Path]:
        return export(
            ws, person_id, Path(folder), actor=who, gaps=current_gaps(ws, engines, person_id)
        )

    def done() -> None:
        QMessageBox.information(
            view, tr("Veil"), tr("Exported (plaintext: hand it over securely, then delete it).")
        )

    view.run_in_worker(work, lambda _written: done(), "export-person")


def erase_person(view: PeopleView, person_id: int, *, confirmed: bool = False) -> None:
    """Erase the person after a confirmation, then read the matrix again."""
    if not confirmed:
        text = tr("Delete everything about %1? This cannot be undone.")
        label = tr("Person %1").replace("%1", str(person_id))
        answer = QMessageBox.question(view, tr("Veil — Erase person"), text.replace("%1", label))
        if answer != QMessageBox.StandardButton.Yes:
            return
    from core.services.people_rights import erase_person as erase

    ws, who = view.session.workspace, view.session.reviewer
    view.run_in_worker(
        lambda: erase(ws, person_id, actor=who), lambda _e: view.refresh(), "erase-person"
    )
