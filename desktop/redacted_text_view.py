"""The redacted resume: placeholders (``<PERSON_1>``) visibly marked, evidence highlighted."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from desktop import theme

PLACEHOLDER = re.compile(r"<[A-Z_]+_\d+>")


class PlaceholderHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.refresh_colors()

    def refresh_colors(self) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(theme.placeholder_background())
        fmt.setFontWeight(QFont.Weight.DemiBold)
        fmt.setToolTip(QCoreApplication.translate("RedactedTextView", "Hidden by redaction"))
        self._format = fmt
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for match in PLACEHOLDER.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self._format)


class RedactedTextView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(self.tr("Redacted resume"))
        self.highlighter = PlaceholderHighlighter(self.document())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.refresh_colors()

    def set_text(self, text: str) -> None:
        self.setExtraSelections([])
        self.setPlainText(text)

    def placeholder_count(self) -> int:
        return len(PLACEHOLDER.findall(self.toPlainText()))

    def highlight(self, start: int, end: int) -> None:
        """Mark ``[start, end)`` (offsets into the text) as evidence and scroll to it."""
        length = len(self.toPlainText())
        start, end = max(0, min(start, length)), max(0, min(end, length))
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(theme.evidence_background(self.palette()))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor(theme.status_color("met", self.palette())))
        selection.format = fmt
        self.setExtraSelections([selection])
        caret = QTextCursor(self.document())
        caret.setPosition(start)
        self.setTextCursor(caret)
        self.centerCursor()

    def highlighted_range(self) -> tuple[int, int] | None:
        selections = self.extraSelections()
        if not selections:
            return None
        cursor = selections[0].cursor
        return cursor.selectionStart(), cursor.selectionEnd()
