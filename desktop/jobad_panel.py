"""Side panel of the job editor: the posting's findings as the recruiter types.

The panel reads the posting through ``text()`` (the editor it watches), checks it 250 ms after
the last keystroke in a background worker (the check itself takes a few milliseconds; the first
Chinese check loads jieba's dictionary, which must not freeze the window), lists the findings
with their source, underlines their spans in the editor (errors red, warnings amber, advice
blue), and applies a finding's rewrite with one click (undoable, like typing). For a stored
job it also shows how each must-have cuts the pool of ranked candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.worker import GeneratorWorker, alive, call_in_background

if TYPE_CHECKING:
    from core.services.jobad import Finding, PoolCheck, Report
    from desktop.session import Session

DEBOUNCE_MS = 250
#: severity -> the theme's status colour (readable in the light and the dark scheme)
SEVERITY_STATUS = {"error": "missing", "warning": "partly", "advice": "advice"}


def utf16_offset(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units; Python in code points (they differ past U+FFFF)."""
    return len(text[:index].encode("utf-16-le")) // 2


class JobAdPanel(QWidget):
    checked = Signal(object)  # the Report shown, after each check
    pool_loaded = Signal(object)  # the PoolCheck shown

    def __init__(
        self,
        editor: QPlainTextEdit,
        session: Session | None = None,
        *,
        job_id: Callable[[], int | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._session = session
        self._job_id = job_id
        self._report: Report | None = None
        self._pool_job: int | None = None
        self._running: set[GeneratorWorker[Any, Any]] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Jurisdiction:")))
        self.jurisdiction = QComboBox()
        self.jurisdiction.setAccessibleName(self.tr("Jurisdiction"))
        self.jurisdiction.addItem(self.tr("Any (no pay rules)"), None)
        from core.services.jobad import JURISDICTIONS

        for code in JURISDICTIONS:
            self.jurisdiction.addItem(code, code)
        self.jurisdiction.currentIndexChanged.connect(self.schedule)
        top.addWidget(self.jurisdiction, 1)
        layout.addLayout(top)
        self.summary = QLabel(self.tr("Type or paste a posting to check it."))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.findings = QListWidget()
        self.findings.setAccessibleName(self.tr("Findings in the posting"))
        self.findings.setWordWrap(True)  # a finding's message reads whole, without scrolling
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findings.setResizeMode(QListView.ResizeMode.Adjust)
        self.findings.currentRowChanged.connect(self._show_details)
        self.findings.itemDoubleClicked.connect(lambda _item: self.apply_selected())
        layout.addWidget(self.findings, 2)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.rewrite_button = QPushButton(self.tr("Apply rewrite"))
        self.rewrite_button.setEnabled(False)
        self.rewrite_button.clicked.connect(self.apply_selected)
        layout.addWidget(self.rewrite_button)
        self.pool = QLabel()
        self.pool.setWordWrap(True)
        self.pool.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.pool, 1)

    # --- checking ----------------------------------------------------------------------------

    def text(self) -> str:
        return self._editor.toPlainText()

    def schedule(self) -> None:
        """Check again once typing pauses (connected to the editor's ``textChanged``)."""
        self._timer.start()

    def _start(self, worker: GeneratorWorker[Any, Any]) -> None:
        self._running.add(worker)  # held until done: a check outlives check_now's frame
        worker.signals.done.connect(lambda: self._running.discard(worker))
        if self._session is not None:
            self._session.start(worker)
        else:
            worker.start()

    def check_now(self) -> None:
        from core.services.jobad import check_posting_text

        self._timer.stop()
        text = self.text()
        where = self.jurisdiction.currentData()
        worker = call_in_background(
            lambda: check_posting_text(text, jurisdiction=where), name="check-posting"
        )
        worker.signals.finished.connect(lambda report: self._checked(text, report))
        worker.signals.failed.connect(self._failed)
        self._start(worker)
        self._load_pool()

    def _checked(self, text: str, report: Report) -> None:
        if not alive(self, self._editor) or text != self.text():
            return  # typed on since: a newer check is due
        self._report = report
        self.findings.clear()
        for f in report.findings:
            quoted = f" “{' '.join(f.text.split())[:40]}”" if f.text else ""
            item = QListWidgetItem(f"{self._severity_name(f.severity)}{quoted}: {f.message}")
            item.setForeground(self._color(f.severity))
            item.setToolTip(f"{f.suggestion}\n{f.source}")
            self.findings.addItem(item)
        self.summary.setText(
            self.tr("%1 errors, %2 warnings, %3 advice · %4 words")
            .replace("%1", str(report.count("error")))
            .replace("%2", str(report.count("warning")))
            .replace("%3", str(report.count("advice")))
            .replace("%4", str(report.stats.get("words", 0)))
        )
        self._underline(text, report)
        self._show_details(self.findings.currentRow())
        self.checked.emit(report)

    def _failed(self, exc: BaseException) -> None:
        from desktop.error_display import show_error

        if not alive(self):
            return
        show_error(self, exc)

    def _color(self, severity: str) -> QColor:
        return theme.status_color(SEVERITY_STATUS.get(severity, "advice"), self.palette())

    def _severity_name(self, severity: str) -> str:
        names = {"error": self.tr("Error"), "warning": self.tr("Warning")}
        return names.get(severity, self.tr("Advice"))

    def _underline(self, text: str, report: Report) -> None:
        selections = []
        for f in report.findings:
            if f.document or f.start == f.end:
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(self._color(f.severity))
            fmt.setToolTip(f"{f.message}\n{f.suggestion}")
            selection.format = fmt
            cursor = QTextCursor(self._editor.document())
            cursor.setPosition(utf16_offset(text, f.start))
            cursor.setPosition(utf16_offset(text, f.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self._editor.setExtraSelections(selections)

    def underlined(self) -> list[tuple[int, int]]:
        """The editor's underlined ranges (UTF-16 positions), for tests and accessibility."""
        return [
            (s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in self._editor.extraSelections()
        ]

    # --- details and rewrite -----------------------------------------------------------------

    def selected(self) -> Finding | None:
        row = self.findings.currentRow()
        if self._report is None or not 0 <= row < len(self._report.findings):
            return None
        return self._report.findings[row]

    def _show_details(self, _row: int) -> None:
        f = self.selected()
        self.rewrite_button.setEnabled(bool(f and f.replacement is not None and not f.document))
        if f is None:
            self.details.clear()
            return
        rewrite = ""
        if f.replacement is not None and not f.document:
            shown = f.replacement or self.tr("(remove)")
            rewrite = "\n" + self.tr("Rewrite: %1").replace("%1", shown)
        self.details.setText(
            f"{f.suggestion}{rewrite}\n" + self.tr("Source: %1").replace("%1", f.source)
        )

    def apply_selected(self) -> bool:
        """Put the selected finding's rewrite in the editor (one undo step); False if stale."""
        from core.services.jobad import rewrite_span

        f = self.selected()
        text = self.text()
        span = None if f is None else rewrite_span(text, f)
        if span is None:
            return False
        start, end, new = span
        cursor = QTextCursor(self._editor.document())
        cursor.setPosition(utf16_offset(text, start))
        cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new)
        self.check_now()
        return True

    # --- pool ----------------------------------------------------------------------------------

    def _load_pool(self) -> None:
        job_id = self._job_id()
        if job_id is None or self._session is None or not self._session.is_open:
            self._pool_job = None
            self.pool.clear()
            return
        if job_id == self._pool_job:
            return
        from core.services.jobad import pool_check

        self._pool_job = job_id
        ws = self._session.workspace
        worker = call_in_background(lambda: pool_check(ws, job_id), name="pool-check")
        worker.signals.finished.connect(self._show_pool)
        self._start(worker)

    def refresh_pool(self) -> None:
        """Read the pool check again (after a ranking)."""
        self._pool_job = None
        self._load_pool()

    def _show_pool(self, check: PoolCheck) -> None:
        if not alive(self):
            return
        lines = [
            self.tr("Pool: %1 ranked candidates").replace("%1", str(check.pool)),
            *check.notes,
        ]
        for m in check.must_haves:
            flags = f" [{', '.join(m.flags)}]" if m.flags else ""
            lines.append(
                self.tr("• %1: met by %2% (%3 of %4); meeting every must-have %5 → %6 if nice")
                .replace("%1", " ".join(m.requirement.split())[:60] + flags)
                .replace("%2", f"{100 * m.share_met:.0f}")
                .replace("%3", str(m.met))
                .replace("%4", str(m.candidates))
                .replace("%5", str(m.qualified_now))
                .replace("%6", str(m.qualified_if_nice))
            )
            lines.extend(f"   {note}" for note in m.notes)
        self.pool.setText("\n".join(lines))
        self.pool_loaded.emit(check)

    def clear(self) -> None:
        """Drop what is shown (lock)."""
        self._timer.stop()
        self._report = None
        self._pool_job = None
        self.findings.clear()
        self.details.clear()
        self.pool.clear()
        self._editor.setExtraSelections([])
