"""Requirements as an editable list (a job's requirements, a role's competencies): text,
must-have / nice-to-have, weight; add, remove and reorder. Keyboard: Insert adds, Delete
removes, Alt+Up/Down moves. ``RequirementsBox`` adds a hint and "suggest from the text";
``TextWithRequirements`` is the frame of the job and role editors: title, text, requirements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain import Requirement
from desktop.error_display import show_error

COL_TEXT, COL_MUST, COL_WEIGHT = range(3)


class WeightDelegate(QStyledItemDelegate):
    """Weights show one decimal and edit in a 0-10 spin box."""

    def displayText(self, value: object, locale: QLocale | QLocale.Language) -> str:
        if not isinstance(locale, QLocale):
            locale = QLocale(locale)
        try:
            return locale.toString(float(value), "f", 1)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return str(value)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QDoubleSpinBox(parent)
        editor.setRange(0.0, 10.0)
        editor.setSingleStep(0.5)
        editor.setDecimals(1)
        return editor


class RequirementsEditor(QWidget):
    """``column`` and ``accessible`` name the items (translated by the caller): "Requirement"
    and "Requirements" unless given."""

    changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, column: str = "", accessible: str = ""
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [column or self.tr("Requirement"), self.tr("Kind"), self.tr("Weight")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_MUST, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WEIGHT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(accessible or self.tr("Requirements"))
        self.table.setItemDelegateForColumn(COL_WEIGHT, WeightDelegate(self.table))
        self.table.itemChanged.connect(self._item_changed)
        layout.addWidget(self.table)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(lambda: self.add_requirement(Requirement("", True, 1.0)))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self.table, self.add_button.click)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.remove_selected)
        QShortcut(QKeySequence("Alt+Up"), self.table, lambda: self.move_selected(-1))
        QShortcut(QKeySequence("Alt+Down"), self.table, lambda: self.move_selected(1))

    # --- data --------------------------------------------------------------------------------

    def set_requirements(self, requirements: Sequence[Requirement]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for requirement in requirements:
            self._append(requirement)
        self.table.blockSignals(False)
        self.changed.emit()

    def requirements(self) -> list[Requirement]:
        result = []
        for row in range(self.table.rowCount()):
            text_item = self.table.item(row, COL_TEXT)
            text = text_item.text().strip() if text_item else ""
            if not text:
                continue
            must_item = self.table.item(row, COL_MUST)
            weight_item = self.table.item(row, COL_WEIGHT)
            must = must_item is not None and must_item.checkState() == Qt.CheckState.Checked
            try:
                weight = float(weight_item.data(Qt.ItemDataRole.EditRole)) if weight_item else 1.0
            except (TypeError, ValueError):
                weight = 1.0
            result.append(Requirement(text=text, must=must, weight=max(0.0, min(weight, 10.0))))
        return result

    # --- editing -----------------------------------------------------------------------------

    def _append(self, requirement: Requirement) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, COL_TEXT, QTableWidgetItem(requirement.text))
        must = QTableWidgetItem(self._kind_text(requirement.must))
        must.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        must.setCheckState(Qt.CheckState.Checked if requirement.must else Qt.CheckState.Unchecked)
        self.table.setItem(row, COL_MUST, must)
        weight = QTableWidgetItem()
        weight.setData(Qt.ItemDataRole.EditRole, float(requirement.weight))
        self.table.setItem(row, COL_WEIGHT, weight)
        return row

    def _kind_text(self, must: bool) -> str:
        return self.tr("Must-have") if must else self.tr("Nice to have")

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == COL_MUST:
            text = self._kind_text(item.checkState() == Qt.CheckState.Checked)
            if item.text() != text:
                self.table.blockSignals(True)
                item.setText(text)
                self.table.blockSignals(False)
        self.changed.emit()

    def add_requirement(self, requirement: Requirement) -> None:
        row = self._append(requirement)
        self.table.setCurrentCell(row, COL_TEXT)
        item = self.table.item(row, COL_TEXT)
        if not requirement.text and item is not None:
            self.table.editItem(item)
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def move_selected(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        items = self.requirements_at(row), self.requirements_at(target)
        self.table.blockSignals(True)
        self._write(row, items[1])
        self._write(target, items[0])
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, self.table.currentColumn())
        self.changed.emit()

    def requirements_at(self, row: int) -> tuple[str, Qt.CheckState, object]:
        text = self.table.item(row, COL_TEXT)
        must = self.table.item(row, COL_MUST)
        weight = self.table.item(row, COL_WEIGHT)
        return (
            text.text() if text else "",
            must.checkState() if must else Qt.CheckState.Checked,
            weight.data(Qt.ItemDataRole.EditRole) if weight else 1.0,
        )

    def _write(self, row: int, values: tuple[str, Qt.CheckState, object]) -> None:
        text, must, weight = values
        text_item = self.table.item(row, COL_TEXT)
        must_item = self.table.item(row, COL_MUST)
        weight_item = self.table.item(row, COL_WEIGHT)
        if text_item is None or must_item is None or weight_item is None:
            return
        text_item.setText(text)
        must_item.setCheckState(must)
        must_item.setText(self._kind_text(must == Qt.CheckState.Checked))
        weight_item.setData(Qt.ItemDataRole.EditRole, weight)


class RequirementsBox(QGroupBox):
    """A titled ``RequirementsEditor`` with a hint above it and a button below that fills it
    from text (a job's posting, a role's profile). The caller translates the labels and
    connects ``suggest_button`` to read its text and call ``suggest_from``."""

    def __init__(
        self,
        title: str,
        hint: str,
        suggest_label: str,
        *,
        column: str = "",
        accessible: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        layout = QVBoxLayout(self)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.editor = RequirementsEditor(column=column, accessible=accessible)
        layout.addWidget(self.editor)
        self.suggest_button = QPushButton(suggest_label)
        layout.addWidget(self.suggest_button)

    def suggest_from(self, text: str) -> int | None:
        """Replace the list with what the requirements parser reads in ``text`` (English or
        Chinese headings); the number found, or None after an error (shown)."""
        from core.services import suggest_requirements

        try:
            suggested = suggest_requirements(text)
        except Exception as exc:  # noqa: BLE001 - shown the one consistent way
            show_error(self, exc)
            return None
        self.editor.set_requirements(suggested)
        return len(suggested)


@dataclass(frozen=True)
class FrameLabels:
    """What ``TextWithRequirements`` shows, translated by the editor that uses it."""

    title_example: str
    title_name: str
    text_box: str
    text_example: str
    text_name: str
    requirements: str
    hint: str
    suggest: str
    column: str = ""
    accessible: str = ""


class TextWithRequirements(QWidget):
    """A title line above a vertical split: the text in a group box (``text_layout`` takes more
    widgets, e.g. a checker beside it) and a ``RequirementsBox`` read from that text."""

    def __init__(self, labels: FrameLabels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setPlaceholderText(labels.title_example)
        self.title.setAccessibleName(labels.title_name)
        form.addRow(self.tr("Title:"), self.title)
        layout.addLayout(form)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        text_box = QGroupBox(labels.text_box)
        self.text_layout = QVBoxLayout(text_box)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(labels.text_example)
        self.text.setAccessibleName(labels.text_name)
        self.text_layout.addWidget(self.text)
        self.splitter.addWidget(text_box)
        self.box = RequirementsBox(
            labels.requirements,
            labels.hint,
            labels.suggest,
            column=labels.column,
            accessible=labels.accessible,
        )
        self.splitter.addWidget(self.box)
        self.splitter.setSizes([250, 300])
        layout.addWidget(self.splitter, 1)
