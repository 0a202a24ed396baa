"""Blind review of one candidate: the redacted resume, the requirement checklist with evidence,
the decision, and "Reveal identity" behind a logged confirmation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.error_display import show_error
from desktop.ranking_model import candidate_label, status_label
from desktop.redacted_text_view import RedactedTextView
from desktop.reveal_dialog import RevealDialog, confirm_reveal
from desktop.session import Session

if TYPE_CHECKING:
    from core.domain import Decision, Score

#: set by tests to answer the reveal confirmation without a modal box
CONFIRM_REVEAL = confirm_reveal


class CandidateView(QWidget):
    back_requested = Signal()
    step_requested = Signal(int)  # -1 previous, +1 next candidate in the ranking's order
    decided = Signal(int, str, str)  # candidate id, kind, reason

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job_id: int | None = None
        self.candidate_id: int | None = None
        self.score: Score | None = None
        self.reveal_window: RevealDialog | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Ranking"))
        self.back_button.setToolTip(self.tr("Back to the ranking (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.score_label = QLabel()
        self.reveal_button = QPushButton(self.tr("Reveal identity…"))
        self.reveal_button.setToolTip(self.tr("Shows the original resume; this is logged"))
        self.reveal_button.clicked.connect(self.reveal)
        top.addWidget(self.back_button)
        top.addWidget(self.title)
        top.addWidget(self.score_label)
        top.addStretch(1)
        self.previous_button = QPushButton(self.tr("‹ Previous"))
        self.previous_button.setToolTip(self.tr("Previous candidate in the ranking (Ctrl+Up)"))
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button = QPushButton(self.tr("Next ›"))
        self.next_button.setToolTip(self.tr("Next candidate in the ranking (Ctrl+Down)"))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.reveal_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.text = RedactedTextView()
        splitter.addWidget(self.text)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.legend = QLabel(
            self.tr(
                "Marked words like <PERSON_1> were hidden so that you judge skills, not identity."
            )
        )
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)
        side_layout.addWidget(self.legend)
        self.checklist = QTreeWidget()
        self.checklist.setColumnCount(3)
        self.checklist.setHeaderLabels(
            [self.tr("Requirement"), self.tr("Fit"), self.tr("Similarity")]
        )
        self.checklist.setRootIsDecorated(False)
        self.checklist.setAccessibleName(self.tr("Requirement checklist"))
        self.checklist.currentItemChanged.connect(lambda item, _prev: self.show_evidence(item))
        self.checklist.itemClicked.connect(lambda item, _col: self.show_evidence(item))
        header = self.checklist.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        side_layout.addWidget(self.checklist, 1)

        decision_box = QGroupBox(self.tr("Decision"))
        decision_layout = QVBoxLayout(decision_box)
        self.current_decision = QLabel()
        self.current_decision.setWordWrap(True)
        decision_layout.addWidget(self.current_decision)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (recommended, kept in the record)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        decision_layout.addWidget(self.reason)
        buttons = QHBoxLayout()
        self.shortlist_button = QPushButton(self.tr("&Shortlist"))
        self.hold_button = QPushButton(self.tr("&Hold"))
        self.reject_button = QPushButton(self.tr("&Reject"))
        self.shortlist_button.clicked.connect(lambda: self.decide("shortlist"))
        self.hold_button.clicked.connect(lambda: self.decide("hold"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        for button in (self.shortlist_button, self.hold_button, self.reject_button):
            buttons.addWidget(button)
        decision_layout.addLayout(buttons)
        side_layout.addWidget(decision_box)
        splitter.addWidget(side)
        splitter.setSizes([560, 440])
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit)
        QShortcut(QKeySequence("Alt+Left"), self, self.back_requested.emit)
        QShortcut(QKeySequence("Ctrl+Up"), self, lambda: self.step_requested.emit(-1))
        QShortcut(QKeySequence("Ctrl+Down"), self, lambda: self.step_requested.emit(1))

    # --- data --------------------------------------------------------------------------------

    def show_candidate(self, job_id: int, candidate_id: int) -> bool:
        from core.services import review_candidate

        try:
            review = review_candidate(
                self.session.workspace, candidate_id, reviewer=self.session.reviewer, job_id=job_id
            )
        except Exception as exc:  # noqa: BLE001 - shown the one consistent way
            show_error(self, exc)
            return False
        candidate, score, decision = review.candidate, review.score, review.decision
        self.job_id, self.candidate_id, self.score = job_id, candidate_id, score
        self.title.setText(candidate_label(candidate.id))
        self.score_label.setText(
            self.tr("Score %1 of 100").replace("%1", f"{score.score:.0f}")
            if score
            else self.tr("Not scored")
        )
        # the breakdown: every component's points (the scorer's first note), then other notes
        self.score_label.setToolTip("\n".join(score.notes) if score else "")
        self.text.set_text(candidate.redacted_text)
        self._fill_checklist(score)
        self._show_decision(decision)
        self.reason.clear()
        self.checklist.setFocus()
        return True

    def _fill_checklist(self, score: Score | None) -> None:
        self.checklist.clear()
        if score is None:
            return
        for index, req in enumerate(score.requirements):
            must = self.tr("must") if req.requirement.must else self.tr("nice")
            item = QTreeWidgetItem(
                [
                    f"{req.requirement.text}  ({must})",
                    {
                        "met": self.tr("Met"),
                        "partly": self.tr("Partly"),
                        "missing": self.tr("Missing"),
                    }[req.status],
                    f"{req.similarity:.2f}",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setForeground(1, theme.status_color(req.status, self.palette()))
            tip = req.evidence.text if req.evidence is not None else self.tr("No evidence found")
            item.setToolTip(0, f"{req.requirement.text}\n\n{tip}")
            self.checklist.addTopLevelItem(item)

    def _show_decision(self, decision: Decision | None) -> None:
        if decision is None:
            self.current_decision.setText(self.tr("No decision yet. Scores advise; you decide."))
        else:
            text = status_label(decision.kind.value)
            if decision.reason:
                text += " — " + decision.reason
            self.current_decision.setText(text)

    def show_evidence(self, item: QTreeWidgetItem | None) -> None:
        if item is None or self.score is None:
            return
        req = self.score.requirements[int(item.data(0, Qt.ItemDataRole.UserRole))]
        if req.evidence is not None:
            self.text.highlight(req.evidence.start, req.evidence.end)
        else:
            self.text.setExtraSelections([])

    def clear(self) -> None:
        """Drop everything shown (lock)."""
        self.job_id = self.candidate_id = self.score = None
        self.text.set_text("")
        self.checklist.clear()
        self.title.clear()
        self.reason.clear()
        if self.reveal_window is not None:
            self.reveal_window.close()
            self.reveal_window = None

    # --- actions -----------------------------------------------------------------------------

    def decide(self, kind: str) -> None:
        if self.job_id is None or self.candidate_id is None:
            return
        from core.services import decide

        reason = self.reason.text().strip()
        try:
            decision = decide(
                self.session.workspace,
                self.job_id,
                self.candidate_id,
                kind,
                reason=reason,
                reviewer=self.session.reviewer,
            )
        except Exception as exc:  # noqa: BLE001 - shown the one consistent way
            show_error(self, exc)
            return
        self._show_decision(decision)
        self.reason.clear()
        self.decided.emit(self.candidate_id, kind, reason)

    def reveal(self) -> None:
        if self.candidate_id is None:
            return
        label = self.title.text()
        if not CONFIRM_REVEAL(self, label):
            return
        from core.services import reveal_identity

        try:
            document = reveal_identity(
                self.session.workspace,
                self.candidate_id,
                reviewer=self.session.reviewer,
                job_id=self.job_id,
            )
        except Exception as exc:  # noqa: BLE001 - shown the one consistent way
            show_error(self, exc)
            return
        self.reveal_window = RevealDialog(label, document, self)
        self.reveal_window.show()
