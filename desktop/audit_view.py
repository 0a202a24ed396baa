"""The audit log: every view, reveal, decision and model version, with the hash chain checked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.error_display import show_error

if TYPE_CHECKING:
    from core.domain import AuditVerification
    from core.services.workspaces import Workspace


def _subject_text(subject: dict[str, Any]) -> str:
    return ", ".join(f"{key}={value}" for key, value in sorted(subject.items()))


class AuditView(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Veil — Audit log"))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("When"), self.tr("Event"), self.tr("By"), self.tr("Subject")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Audit log"))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.verified: AuditVerification | None = None
        try:
            self.load(workspace)
        except Exception as exc:  # noqa: BLE001 - shown the one consistent way
            show_error(self, exc)

    def event_label(self, kind: str) -> str:
        return {
            "workspace.created": self.tr("Workspace created"),
            "passphrase.changed": self.tr("Passphrase changed"),
            "candidate.imported": self.tr("Resume imported"),
            "candidate.viewed": self.tr("Candidate viewed"),
            "identity.revealed": self.tr("Identity revealed"),
            "decision.recorded": self.tr("Decision recorded"),
            "job.created": self.tr("Job created"),
            "job.updated": self.tr("Job edited"),
            "ranking.computed": self.tr("Ranking computed"),
            "model.adopted": self.tr("Model adopted"),
            "model.rolled_back": self.tr("Model rolled back"),
        }.get(kind, kind)

    def load(self, workspace: Workspace) -> None:
        from core.services import audit_page

        page = audit_page(workspace)
        events, self.verified = page.events, page.verification
        self.table.setRowCount(len(events))
        for row, event in enumerate(reversed(events)):  # newest first
            values = [
                str(event.seq),
                event.at.replace("T", " ")[:19],
                self.event_label(event.kind),
                event.actor,
                _subject_text(event.subject),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 2:
                    item.setToolTip(event.kind)
                    if event.kind == "identity.revealed":
                        item.setForeground(theme.status_color("partly", self.palette()))
                self.table.setItem(row, col, item)
        if self.verified.ok:
            text = self.tr("Chain verified: all %1 entries are intact and in order.").replace(
                "%1", str(self.verified.checked)
            )
            color = theme.status_color("met", self.palette())
        else:
            text = (
                self.tr("The chain is broken at entry %1: the log was changed outside Veil. %2")
                .replace("%1", str(self.verified.first_bad_seq))
                .replace("%2", self.verified.reason)
            )
            color = theme.status_color("missing", self.palette())
        self.status.setText(("✔ " if self.verified.ok else "✘ ") + text)
        self.status.setStyleSheet(f"color: {color.name()}; font-weight: 600;")
