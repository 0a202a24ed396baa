"""Draws a 0-100 score as a bar with its number, in the palette's colours (light and dark)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop import theme
from desktop.ranking_model import SCORE_ROLE


class ScoreBarDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(SCORE_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        score = max(0.0, min(float(value), 100.0))
        palette: QPalette = option.palette
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        track = QRectF(rect.adjusted(6, 6, -40, -6))
        groove = QColor(palette.color(QPalette.ColorRole.Mid))
        groove.setAlpha(70)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(groove)
        painter.drawRoundedRect(track, 3, 3)
        fill = QRectF(track)
        fill.setWidth(track.width() * score / 100.0)
        bar = theme.accent(palette)
        if selected:
            bar = palette.color(QPalette.ColorRole.HighlightedText)
        painter.setBrush(bar)
        painter.drawRoundedRect(fill, 3, 3)
        text_rect = rect.adjusted(rect.width() - 38, 0, -4, 0)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            f"{score:.0f}",
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 140), hint.height())
