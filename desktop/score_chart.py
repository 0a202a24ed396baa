"""A small histogram of a job's scores (0-100 in ten bins), drawn with QPainter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop import theme

BINS = 10


class ScoreChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = [0] * BINS
        self.highlight: int | None = None
        self.setMinimumHeight(110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Score distribution"))

    def sizeHint(self) -> QSize:
        return QSize(320, 120)

    def set_scores(self, scores: Sequence[float], highlight: float | None = None) -> None:
        self.counts = [0] * BINS
        for score in scores:
            self.counts[self._bin(score)] += 1
        self.highlight = None if highlight is None else self._bin(highlight)
        self.setToolTip(
            self.tr("%n candidate(s) scored", "", len(scores))
            if scores
            else self.tr("No scores yet")
        )
        self.update()

    @staticmethod
    def _bin(score: float) -> int:
        return min(BINS - 1, max(0, int(score // (100 / BINS))))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        label_h = metrics.height() + 2
        # title, then room for the count above the tallest bar, then the bars, then the axis
        area = QRectF(self.rect()).adjusted(8, 4 + 2 * label_h, -8, -(label_h + 4))
        painter.setPen(text_color)
        painter.drawText(
            QRectF(8, 2, self.width() - 16, label_h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.tr("Score distribution"),
        )
        top = max(self.counts) or 1
        width = area.width() / BINS
        bar_color = theme.accent(palette)
        faded = bar_color.lighter(150) if not theme.is_dark(palette) else bar_color.darker(150)
        for i, count in enumerate(self.counts):
            height = area.height() * count / top
            bar = QRectF(area.left() + i * width + 2, area.bottom() - height, width - 4, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bar_color if self.highlight in (None, i) else faded)
            if count:
                painter.drawRoundedRect(bar, 2, 2)
                painter.setPen(text_color)
                painter.drawText(
                    QRectF(bar.left(), bar.top() - label_h, bar.width(), label_h),
                    int(Qt.AlignmentFlag.AlignCenter),
                    str(count),
                )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.setPen(text_color)
        for value, align in (
            (0, Qt.AlignmentFlag.AlignLeft),
            (50, Qt.AlignmentFlag.AlignHCenter),
            (100, Qt.AlignmentFlag.AlignRight),
        ):
            x = area.left() + area.width() * value / 100
            left = {0: x, 50: x - 20, 100: x - 40}[value]
            painter.drawText(
                QRectF(left, area.bottom() + 2, 40, label_h),
                int(align | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )
        painter.end()
