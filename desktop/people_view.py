"""People: the skill-gap heatmap of a role (people x competencies), with the evidence a click away.

Each cell is a person's best satisfaction of a competency over their documents; a click opens
the redacted document the evidence came from, the evidence highlighted. Team figures (share of
people with a gap per competency) are shown only for groups of at least five people, and the
view says so when it hides them. Advice for a person who decides: Veil does not rate anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.cell_marks import agreement_text, cell_menu, mark_text
from desktop.error_display import show_error
from desktop.person_data import person_menu
from desktop.worker import GeneratorWorker, alive, call_in_background

if TYPE_CHECKING:
    from core.services.people import Cell, GapMatrix, PersonDocument, Role
    from desktop.people_import import PeopleImportDialog
    from desktop.role_editor import RoleEditor
    from desktop.session import Session

Index = QModelIndex | QPersistentModelIndex
_NONE = QModelIndex()


def heat(satisfaction: float) -> QColor:
    """Red (nothing found) through amber to green (met), light enough for black text."""
    s = max(0.0, min(1.0, satisfaction))
    hue = int(120 * s)  # 0 red .. 120 green
    return QColor.fromHsv(hue, 90, 245)


class GapMatrixModel(QAbstractTableModel):
    """Rows: people; columns: competencies; a cell's text is its satisfaction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: GapMatrix | None = None
        self.gap_share: Sequence[float] | None = None

    def set_matrix(
        self, matrix: GapMatrix | None, gap_share: Sequence[float] | None = None
    ) -> None:
        """``gap_share``: the team's share with a gap per competency (None: hidden)."""
        self.beginResetModel()
        self.matrix = matrix
        self.gap_share = gap_share
        self.endResetModel()

    def rowCount(self, parent: Index = _NONE) -> int:
        return 0 if self.matrix is None or parent.isValid() else len(self.matrix.people)

    def columnCount(self, parent: Index = _NONE) -> int:
        if self.matrix is None or parent.isValid():
            return 0
        return len(self.matrix.role.competencies)

    def cell(self, index: Index) -> Cell | None:
        if self.matrix is None or not index.isValid():
            return None
        return self.matrix.people[index.row()].cells[index.column()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cell = self.cell(index)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{cell.satisfaction:.2f}" + (" ▽" if cell.gap else "")
            return text + (" ✔" if cell.mark is not None else "")
        if role == Qt.ItemDataRole.BackgroundRole:
            return heat(cell.satisfaction)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(Qt.GlobalColor.black)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.tr("No evidence found.")
            if cell.evidence is not None:
                found = f"{cell.document}: {cell.evidence.text.strip()}"
            return "\n".join(t for t in (found, mark_text(cell)) if t)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = self.tr("gap") if cell.gap else self.tr("shown")
            return f"{cell.competency.text}: {cell.satisfaction:.2f}, {state}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.matrix is None or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if orientation == Qt.Orientation.Horizontal:
            text = self.matrix.role.competencies[section].text
            if role == Qt.ItemDataRole.ToolTipRole:
                if self.gap_share is None:
                    return text
                share = f"{self.gap_share[section]:.0%}"
                return text + "\n" + self.tr("Team: %1 with a gap").replace("%1", share)
            return text if len(text) <= 24 else text[:23] + "…"
        return self.tr("Person %1").replace("%1", str(self.matrix.people[section].person_id))


class PeopleView(QDialog):
    """The heatmap of one role, its team figures, and the evidence of the chosen cell."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Veil — People: skills and gaps"))
        self.resize(1100, 700)
        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName(self.tr("Role"))
        self.show_button = QPushButton(self.tr("Show gaps"))
        self.show_button.clicked.connect(self.refresh)
        self.new_button = QPushButton(self.tr("New role…"))
        self.new_button.clicked.connect(self.new_role)
        self.edit_button = QPushButton(self.tr("Edit role…"))
        self.edit_button.clicked.connect(self.edit_role)
        self.import_button = QPushButton(self.tr("Import documents…"))
        self.import_button.clicked.connect(self.import_documents)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Role:")))
        top.addWidget(self.role_combo, 1)
        top.addWidget(self.show_button)
        top.addWidget(self.import_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.new_button)
        for button in (self.show_button, self.import_button, self.edit_button):
            button.setEnabled(False)  # until the roles are read
        self.model = GapMatrixModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Skill-gap matrix"))
        self.table.clicked.connect(self.open_evidence)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.cell_menu)
        people_header = self.table.verticalHeader()
        people_header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        people_header.customContextMenuRequested.connect(self.person_menu)
        people_header.setToolTip(self.tr("Right-click a person to export or erase their data"))
        self.evidence = QPlainTextEdit()
        self.evidence.setReadOnly(True)
        self.evidence.setAccessibleName(self.tr("Evidence"))
        self.evidence_title = QLabel()
        self.evidence_title.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.evidence_title)
        side_layout.addWidget(self.evidence, 1)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.team = QLabel()
        self.team.setWordWrap(True)
        self.status = QLabel(
            self.tr(
                "Advice for a person who decides: Veil does not rate anyone. ▽: no clear "
                "evidence found (read the documents before acting on it); ✔: checked by a "
                "reviewer, whose word the matrix follows."
            )
        )
        self.agreement = QLabel()
        self.agreement.setWordWrap(True)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.team)
        layout.addWidget(self.agreement)
        layout.addWidget(self.status)
        self.worker: GeneratorWorker[None, Any] | None = None
        self.roles: dict[int, Role] = {}
        self.role_editor: RoleEditor | None = None
        self.importer: PeopleImportDialog | None = None
        self._select_role: int | None = None  # after a save: select it and show its gaps
        self.load_roles()

    # --- reading (in workers) ----------------------------------------------------------------

    def run_in_worker(self, fn: Any, on_done: Any, name: str) -> None:
        """``fn`` on a worker; ``on_done(result)`` or the error shown, unless the view is gone."""
        worker: GeneratorWorker[None, Any] = call_in_background(fn, name=name)
        worker.signals.finished.connect(lambda result: on_done(result) if alive(self) else None)
        worker.signals.failed.connect(lambda exc: show_error(self, exc) if alive(self) else None)
        self.worker = worker
        self.session.start(worker)

    def load_roles(self) -> None:
        from core.services.people import list_roles

        ws = self.session.workspace
        self.run_in_worker(lambda: list_roles(ws), self.set_roles, "read-roles")

    def set_roles(self, roles: list[Role]) -> None:
        self.role_combo.clear()
        self.roles = {role.id: role for role in roles}
        for role in roles:
            self.role_combo.addItem(role.title, role.id)
        for button in (self.show_button, self.import_button, self.edit_button):
            button.setEnabled(bool(roles))
        if not roles:
            self.team.setText(self.tr("No roles yet: add one with “New role…”."))
        chosen, self._select_role = self._select_role, None
        if chosen is not None and (index := self.role_combo.findData(chosen)) >= 0:
            self.role_combo.setCurrentIndex(index)
            self.refresh()

    # --- roles (a save is one quick write, on the GUI thread as the job editor's) ------------

    def new_role(self) -> RoleEditor:
        return self._open_editor(None)

    def edit_role(self) -> RoleEditor | None:
        role = self.roles.get(self.role_combo.currentData())
        return None if role is None else self._open_editor(role)

    def _open_editor(self, role: Role | None) -> RoleEditor:
        from desktop.role_editor import RoleEditor

        editor = RoleEditor(self.session, role, self)
        editor.saved.connect(self.role_saved)
        self.role_editor = editor
        editor.open()
        return editor

    def import_documents(self) -> PeopleImportDialog | None:
        """Employees' documents for the chosen role, imported on a worker with progress; the
        heatmap is read again after an import that stored something."""
        from desktop.people_import import PeopleImportDialog

        role = self.roles.get(self.role_combo.currentData())
        if role is None:
            return None
        dialog = PeopleImportDialog(self.session, role, self)
        dialog.panel.imported.connect(self._documents_imported)
        self.importer = dialog
        dialog.open()
        return dialog

    def _documents_imported(self, role_id: int) -> None:
        if self.role_combo.currentData() == role_id:
            self.refresh()

    def role_saved(self, role_id: int) -> None:
        self._select_role = role_id
        self.model.set_matrix(None)
        self.evidence_title.clear()
        self.evidence.clear()
        self.load_roles()

    def refresh(self) -> None:
        from core.services.people import gap_matrix

        role_id = self.role_combo.currentData()
        if role_id is None or not self.session.is_open:  # locked while the roles were read
            return
        ws, engines = self.session.workspace, self.session.engines
        self.show_button.setEnabled(False)
        self.team.setText(self.tr("Reading the documents…"))
        self.run_in_worker(
            lambda: gap_matrix(ws, engines, int(role_id)), self.set_matrix, "read-gaps"
        )

    def cell_menu(self, pos: QPoint) -> None:
        menu = cell_menu(self, pos)
        if menu is not None:
            menu.popup(self.table.viewport().mapToGlobal(pos))

    def person_menu(self, pos: QPoint) -> None:
        menu = person_menu(self, pos)
        if menu is not None:
            menu.popup(self.table.verticalHeader().mapToGlobal(pos))

    def set_matrix(self, matrix: GapMatrix) -> None:
        from core.services.people import role_agreement, team_summary

        self.show_button.setEnabled(True)
        summary = team_summary(matrix.people)
        self.model.set_matrix(matrix, summary.gap_share)
        self.agreement.setText(agreement_text(role_agreement(matrix)))
        self.table.resizeColumnsToContents()  # headers of up to 24 characters, not clipped
        if summary.gap_share is None:
            self.team.setText(
                self.tr(
                    "Team figures hidden: this group has %1 people, fewer than %2, so they "
                    "would reveal individuals."
                )
                .replace("%1", str(summary.people))
                .replace("%2", "5")
            )
            return
        parts = [
            f"{c.text[:30]}: {share:.0%}"
            for c, share in zip(matrix.role.competencies, summary.gap_share, strict=True)
        ]
        self.team.setText(
            self.tr("Team (%1 people), share with a gap: ").replace("%1", str(summary.people))
            + "; ".join(parts)
        )

    def open_evidence(self, index: QModelIndex) -> None:
        from core.services.people import person_document

        cell = self.model.cell(index)
        if cell is None or cell.document_id is None:
            self.evidence_title.setText(self.tr("No evidence found for this competency."))
            self.evidence.setPlainText("")
            return
        ws, doc_id, reviewer = self.session.workspace, cell.document_id, self.session.reviewer
        self.run_in_worker(
            lambda: person_document(ws, doc_id, reviewer=reviewer),
            lambda doc: self.show_document(cell, doc),
            "read-evidence",
        )

    def show_document(self, cell: Cell, doc: PersonDocument) -> None:
        state = self.tr("gap") if cell.gap else self.tr("shown")
        self.evidence_title.setText(
            f"{cell.competency.text} — {cell.satisfaction:.2f} ({state}) — {doc.name}"
            + (f"\n{mark_text(cell)}" if cell.mark is not None else "")
        )
        self.evidence.setPlainText(doc.redacted_text)
        if cell.evidence is None:
            return
        cursor = QTextCursor(self.evidence.document())
        cursor.setPosition(cell.evidence.start)
        cursor.setPosition(cell.evidence.end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe58a"))
        cursor.mergeCharFormat(fmt)
        self.evidence.setTextCursor(cursor)
        self.evidence.centerCursor()
