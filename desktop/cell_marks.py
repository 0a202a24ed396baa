"""A reviewer's word on a heatmap cell: right-click, "Shown" or "Not shown", with a reason.

Veil's call on a cell is advice; the reviewer who has read the documents marks it, and the
matrix, the team figures and the training plan follow the mark (Veil's own call stays beside
it). The mark is one quick write, made on the GUI thread like a decision; the view then reads
the matrix again on its worker. Beside the matrix, how often Veil's calls matched the marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu

from desktop.error_display import show_error

if TYPE_CHECKING:
    from core.services.people import Agreement, Cell
    from desktop.people_view import PeopleView


def tr(text: str) -> str:
    return QCoreApplication.translate("CellMarks", text)


def mark_text(cell: Cell) -> str:
    """The tooltip line of a checked cell ("" when no one checked it)."""
    if cell.mark is None:
        return ""
    word = tr("shown") if cell.mark.shown else tr("not shown")
    veil = tr("no clear evidence") if cell.own_gap else tr("evidence found")
    text = tr("Checked by %1: %2 (Veil: %3).").replace("%1", cell.mark.reviewer)
    text = text.replace("%2", word).replace("%3", veil)
    return text + (f" “{cell.mark.reason}”" if cell.mark.reason else "")


def agreement_text(found: Agreement) -> str:
    if not found.checked:
        return tr(
            "No cell checked yet. Right-click a cell to mark the competency shown or not shown "
            "after reading the documents; Veil then shows how often its calls matched yours."
        )
    share = f"{found.agreed / found.checked:.0%}"
    return (
        tr("Cells checked by reviewers: %1. Veil's call was the same in %2 of them (%3).")
        .replace("%1", str(found.checked))
        .replace("%2", str(found.agreed))
        .replace("%3", share)
    )


def cell_menu(view: PeopleView, pos: QPoint) -> QMenu | None:
    """The context menu of the cell under ``pos`` (None outside the cells)."""
    index = view.table.indexAt(pos)
    cell = view.model.cell(index)
    if cell is None or view.model.matrix is None:
        return None
    person_id = view.model.matrix.people[index.row()].person_id
    column = index.column()
    menu = QMenu(view.table)
    shown = menu.addAction(tr("Mark as shown…"))
    shown.triggered.connect(lambda: ask_and_mark(view, person_id, column, True))
    not_shown = menu.addAction(tr("Mark as not shown…"))
    not_shown.triggered.connect(lambda: ask_and_mark(view, person_id, column, False))
    clear = menu.addAction(tr("Remove the mark"))
    clear.setEnabled(cell.mark is not None)
    clear.triggered.connect(lambda: mark(view, person_id, column, None, ""))
    return menu


def ask_and_mark(view: PeopleView, person_id: int, column: int, shown: bool) -> None:
    reason, ok = QInputDialog.getText(
        view,
        tr("Mark the cell"),
        tr("What in the documents shows it, or why it is not shown (optional):"),
        QLineEdit.EchoMode.Normal,
    )
    if ok:
        mark(view, person_id, column, shown, reason)


def mark(view: PeopleView, person_id: int, column: int, shown: bool | None, reason: str) -> bool:
    """Store the mark and read the matrix again; False (with a message) when refused."""
    from core.services.people import mark_cell

    try:
        mark_cell(
            view.session.workspace,
            person_id,
            column,
            shown,
            reviewer=view.session.reviewer,
            reason=reason,
        )
    except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was stored
        show_error(view, exc)
        return False
    view.refresh()
    return True
