"""Blind review of one candidate: the redacted resume, the requirement checklist with evidence,
the decision, and "Reveal identity" behind a logged confirmation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
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
from desktop.worker import alive, call_in_background

if TYPE_CHECKING:
    from core.domain import Decision, Score

#: set by tests to answer the reveal confirmation without a modal box
CONFIRM_REVEAL = confirm_reveal


class CandidateView(QWidget):
    back_requested = Signal()
    step_requested = Signal(int)  # -1 previous, +1 next candidate in the ranking's order
    decided = Signal(int, str, str)  # candidate id, kind, reason
    erased = Signal(int)  # candidate id

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
        self.data_button = QPushButton(self.tr("Candidate's data"))
        self.data_button.setToolTip(self.tr("Export, explain or erase (GDPR, AI Act); logged"))
        data_menu = QMenu(self.data_button)
        data_menu.addAction(self.tr("Export everything held…"), self.export_data)
        data_menu.addAction(self.tr("Explanation for the candidate…"), self.explain)
        data_menu.addAction(self.tr("Erase this candidate…"), self.erase)
        self.data_button.setMenu(data_menu)
        top.addWidget(self.data_button)
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

    # --- the candidate's data (GDPR Art. 15/17, AI Act Art. 86): in a worker, logged -------

    def _background(self, name: str, fn: Callable[[], Any], done: Callable[[], None]) -> None:
        worker = call_in_background(fn, name=name)
        worker.signals.finished.connect(lambda _result: done() if alive(self) else None)
        worker.signals.failed.connect(lambda exc: show_error(self, exc) if alive(self) else None)
        self.session.start(worker)

    def _told(self, text: str) -> Callable[[], None]:
        def tell() -> None:
            QMessageBox.information(self, self.tr("Veil"), text)

        return tell

    def choose_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, self.tr("Export to folder"))

    def choose_file(self, name: str) -> str:
        return QFileDialog.getSaveFileName(
            self, self.tr("Save the explanation"), name, "HTML (*.html)"
        )[0]

    def confirm_erase(self) -> bool:
        text = self.tr("Delete everything about %1? This cannot be undone.")
        answer = QMessageBox.question(
            self, self.tr("Veil — Erase candidate"), text.replace("%1", self.title.text())
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_data(self) -> None:
        folder = self.choose_folder() if self.candidate_id is not None else ""
        if not folder:
            return
        from core.services.lifecycle import export_candidate

        ws, cid, who = self.session.workspace, self.candidate_id, self.session.reviewer
        done = self._told(self.tr("Exported (plaintext: hand it over securely, then delete it)."))
        self._background(
            "export", lambda: export_candidate(ws, int(cid or 0), Path(folder), actor=who), done
        )

    def explain(self) -> None:
        if self.candidate_id is None or self.job_id is None:
            return
        file = self.choose_file(f"explanation-{self.candidate_id}.html")
        if not file:
            return
        from core.services.lifecycle import explain_to_file

        ws, who = self.session.workspace, self.session.reviewer
        cid, job_id = self.candidate_id, self.job_id
        work = lambda: explain_to_file(ws, cid, job_id, Path(file), actor=who)  # noqa: E731
        self._background("explain", work, self._told(self.tr("The explanation was saved.")))

    def erase(self) -> None:
        if self.candidate_id is None or not self.confirm_erase():
            return
        from core.services.lifecycle import erase

        ws, cid, who = self.session.workspace, self.candidate_id, self.session.reviewer

        def done() -> None:
            self.clear()
            self.erased.emit(cid)

        self._background("erase", lambda: erase(ws, cid, actor=who), done)
