"""The impact report of a job: per category, a chart of selection and scoring rates with the
four-fifths line, the impact ratios and p-values in a table, and the warnings.

The report is computed in a worker (``core.services.compliance.impact_report``); this screen only
draws what it returns. Self-identification answers appear here as group names and counts only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import theme
from desktop.error_display import show_error
from desktop.worker import GeneratorWorker, call_in_background

if TYPE_CHECKING:
    from core.services.workspaces import Workspace

FOUR_FIFTHS = 0.8


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


class ImpactChart(QWidget):
    """Two bars per group (selection rate, scoring rate), each measure's four-fifths line
    (0.8 x the top group's rate) dashed; a bar under its line is drawn in the warning color."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[Any] = []
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Selection and scoring rates by group"))

    def sizeHint(self) -> QSize:
        return QSize(560, 260)

    def set_groups(self, groups: Sequence[Any]) -> None:
        self.groups = list(groups)
        self.update()

    @staticmethod
    def threshold(groups: Sequence[Any], measure: str) -> float | None:
        """0.8 x the rate of the reference group (the top rate among groups with a ratio)."""
        rates = [r.rate for g in groups if (r := getattr(g, measure)).ratio is not None and r.rate]
        return FOUR_FIFTHS * max(rates) if rates else None

    def _colors(self) -> tuple[QColor, QColor, QColor, QColor]:
        palette = self.palette()
        selection = theme.accent(palette)
        scoring = selection.darker(160) if not theme.is_dark(palette) else selection.lighter(160)
        return (
            selection,
            scoring,
            theme.status_color("missing", palette),
            palette.color(QPalette.ColorRole.WindowText),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selection_color, scoring_color, warn, text = self._colors()
        label_h = painter.fontMetrics().height() + 2
        area = QRectF(self.rect()).adjusted(40, 2 * label_h + 6, -10, -(2 * label_h + 4))
        x = 8.0
        for label, color in (
            (self.tr("selection rate"), selection_color),
            (self.tr("scoring rate"), scoring_color),
            (self.tr("four-fifths line (0.8 × the top rate)"), text),
        ):
            painter.fillRect(QRectF(x, 2 + label_h / 2 - 5, 10, 10), color)
            painter.setPen(text)
            width = painter.fontMetrics().horizontalAdvance(label) + 4
            painter.drawText(QRectF(x + 14, 2, width, label_h), 0, label)
            x += 14 + width + 16
        if not self.groups:
            painter.setPen(text)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self.tr("No groups"))
            painter.end()
            return
        mid = self.palette().color(QPalette.ColorRole.Mid)
        painter.setPen(mid)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        for tick in (0.0, 0.5, 1.0):
            y = area.bottom() - area.height() * tick
            painter.setPen(mid)
            painter.drawLine(QPointF(area.left() - 4, y), QPointF(area.left(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - label_h / 2, area.left() - 6, label_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{int(tick * 100)}%",
            )
        slot = area.width() / len(self.groups)
        bar_w = max(4.0, min(28.0, slot / 2 - 6))
        for i, group in enumerate(self.groups):
            x = area.left() + i * slot + slot / 2
            for offset, measure, color in (
                (-bar_w - 1, "selection", selection_color),
                (1, "scoring", scoring_color),
            ):
                rate = getattr(group, measure)
                height = area.height() * (rate.rate or 0.0)
                under = rate.ratio is not None and rate.ratio < FOUR_FIFTHS
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(warn if under else color)
                painter.drawRect(QRectF(x + offset, area.bottom() - height, bar_w, height))
            painter.setPen(text)
            painter.drawText(
                QRectF(x - slot / 2, area.bottom() + 2, slot, 2 * label_h),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
                painter.fontMetrics().elidedText(
                    str(group.group), Qt.TextElideMode.ElideRight, int(slot * 2)
                ),
            )
        for measure, color in (("selection", selection_color), ("scoring", scoring_color)):
            line = self.threshold(self.groups, measure)
            if line is None:
                continue
            y = area.bottom() - area.height() * line
            painter.setPen(QPen(color, 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.end()


class ImpactView(QDialog):
    """The impact report of one job, computed off the GUI thread."""

    def __init__(
        self, workspace: Workspace, job_id: int, *, actor: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Veil — Impact report"))
        self.resize(900, 640)
        self.report: Any = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Computing the impact report…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Category"))
        self.category.currentIndexChanged.connect(self._show_category)
        layout.addWidget(self.category)
        self.chart = ImpactChart()
        layout.addWidget(self.chart, 2)
        self.table = self._make_table()
        layout.addWidget(self.table, 2)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.warnings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.worker: GeneratorWorker[None, Any] = call_in_background(
            lambda: _compute(workspace, job_id, actor), name="impact-report"
        )
        self.worker.signals.finished.connect(self.show_report)
        self.worker.signals.failed.connect(lambda exc: show_error(self, exc))
        self.worker.start()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 9)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Group"),
                self.tr("People"),
                self.tr("Shortlisted"),
                self.tr("Selection rate"),
                self.tr("Impact ratio"),
                self.tr("p"),
                self.tr("Scoring rate"),
                self.tr("Scoring ratio"),
                self.tr("p (scoring)"),
            ]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 9):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        table.setAccessibleName(self.tr("Impact ratios"))
        return table

    def show_report(self, report: Any) -> None:
        self.report = report
        median = _num(report.median_score)
        self.summary.setText(
            self.tr("Job %1: %2 people, median score %3, %4 of unknown category.")
            .replace("%1", str(report.job))
            .replace("%2", str(report.people))
            .replace("%3", median)
            .replace("%4", str(report.unknown))
        )
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItems(list(report.categories))
        self.category.blockSignals(False)
        self._show_category()

    def groups(self) -> list[Any]:
        if self.report is None:
            return []
        name = self.category.currentText()
        return [g for g in self.report.groups if g.category == name]

    def _show_category(self) -> None:
        groups = self.groups()
        self.chart.set_groups(groups)
        self.table.setRowCount(len(groups))
        warn = theme.status_color("missing", self.palette())
        for row, g in enumerate(groups):
            note = self.tr(" (under 2%: no ratio)") if g.excluded_small else ""
            values = [
                str(g.group) + note,
                str(g.n),
                str(g.selected),
                _pct(g.selection.rate),
                _num(g.selection.ratio),
                _num(g.selection.p_value, 3),
                _pct(g.scoring.rate),
                _num(g.scoring.ratio),
                _num(g.scoring.p_value, 3),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                ratio = {4: g.selection.ratio, 7: g.scoring.ratio}.get(col)
                if ratio is not None and ratio < FOUR_FIFTHS:
                    item.setForeground(warn)
                self.table.setItem(row, col, item)
        name = self.category.currentText()
        warnings = self.report.warnings if self.report is not None else ()
        shown = [w for w in warnings if w.category in ("", name)]
        self.warnings.setText("\n".join("⚠ " + self.warning_text(w) for w in shown))

    def warning_text(self, w: Any) -> str:
        texts = {
            "small_sample": self.tr("%1 = %2: only %3 people; the ratios are unstable."),
            "excluded_small": self.tr(
                "%1 = %2: under 2% of the data (%3 people), left out of the ratios."
            ),
            "adverse_impact": self.tr("%1 = %2: %4 impact ratio %5 is under 0.80."),
            "significant": self.tr("%1 = %2: the %4 difference is significant (p = %5)."),
            "no_decisions": self.tr("Nobody is shortlisted yet: selection rates have no ratio."),
            "no_scores": self.tr("The job has no scores yet: rank it for scoring rates."),
            "no_self_identification": self.tr(
                "No self-identification has been imported (veil selfid import --csv FILE)."
            ),
        }
        measure = {"selection": self.tr("selection"), "scoring": self.tr("scoring")}
        value = "" if w.value is None else f"{w.value:.3g}"
        text: str = texts.get(w.kind, str(w.kind))
        return (
            text.replace("%1", str(w.category))
            .replace("%2", str(w.group))
            .replace("%3", str(int(w.value or 0)))
            .replace("%4", measure.get(w.measure, str(w.measure)))
            .replace("%5", value)
        )

    def done(self, result: int) -> None:
        self.worker.cancel()
        super().done(result)


def _compute(workspace: Workspace, job_id: int, actor: str) -> Any:
    from core.services import compliance

    return compliance.impact_report(workspace, job_id, actor=actor)
