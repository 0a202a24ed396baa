"""Qt item models over a job's ranking (``core.services.ranking`` rows).

Candidates appear as "Candidate N", never by file name. Sorting uses a raw sort key per cell
(``SORT_ROLE``); filtering matches text and can keep one decision status or only candidates
who meet every must-have.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.theme import status_color

if TYPE_CHECKING:
    from core.domain import Score
    from core.services import RankedRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 2
SCORE_ROLE = Qt.ItemDataRole.UserRole + 3  # 0..100 float, for the bar delegate
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4  # decision kind value or ""

COL_RANK, COL_CANDIDATE, COL_SCORE, COL_MUST, COL_EVIDENCE, COL_STATUS, COL_DATE = range(7)

AnyIndex = QModelIndex | QPersistentModelIndex


def status_label(kind: str) -> str:
    return {
        "": QCoreApplication.translate("RankingModel", "Not decided"),
        "shortlist": QCoreApplication.translate("RankingModel", "Shortlisted"),
        "hold": QCoreApplication.translate("RankingModel", "On hold"),
        "reject": QCoreApplication.translate("RankingModel", "Rejected"),
    }.get(kind, kind)


def candidate_label(candidate_id: int) -> str:
    """How a candidate is named everywhere in the GUI: a number, never a file or person name."""
    return QCoreApplication.translate("RankingModel", "Candidate %1").replace(
        "%1", str(candidate_id)
    )


@dataclass(frozen=True)
class RankRow:
    """What one line of the table shows (built from a service row)."""

    rank: int
    candidate_id: int
    score: float
    must_met: int
    must_total: int
    evidence: str
    status: str  # "" or a DecisionKind value
    reason: str
    date: str

    @property
    def label(self) -> str:
        return candidate_label(self.candidate_id)

    @property
    def all_musts_met(self) -> bool:
        return self.must_met >= self.must_total


def top_evidence(score: Score) -> str:
    """The evidence of the best-satisfied requirement (must-haves first), on one line."""
    best = sorted(
        (r for r in score.requirements if r.evidence is not None and r.evidence.text.strip()),
        key=lambda r: (not r.requirement.must, -r.satisfaction),
    )
    evidence = best[0].evidence if best else None
    if evidence is None:
        return ""
    return " ".join(evidence.text.split()).lstrip("-–•*· ")


def rows_from_service(
    rows: Sequence[RankedRow], dates: Mapping[int, str] | None = None
) -> list[RankRow]:
    dates = dates or {}
    result = []
    for row in rows:
        score = row.score
        decision = row.decision
        result.append(
            RankRow(
                rank=int(row.rank),
                candidate_id=int(row.candidate_id),
                score=float(score.score),
                must_met=int(score.must_met),
                must_total=int(score.must_total),
                evidence=top_evidence(score),
                status=str(decision.kind.value) if decision is not None else "",
                reason=decision.reason if decision is not None else "",
                date=(dates.get(int(row.candidate_id), "") or "")[:10],
            )
        )
    return result


class RankingTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RankRow] = []

    def set_rows(self, rows: Sequence[RankRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def rows(self) -> list[RankRow]:
        return list(self._rows)

    def row_at(self, row: int) -> RankRow:
        return self._rows[row]

    def update_status(self, candidate_id: int, status: str, reason: str = "") -> None:
        for i, row in enumerate(self._rows):
            if row.candidate_id == candidate_id:
                self._rows[i] = RankRow(**{**row.__dict__, "status": status, "reason": reason})
                left, right = self.index(i, 0), self.index(i, COL_DATE)
                self.dataChanged.emit(left, right)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            QCoreApplication.translate("RankingModel", "#"),
            QCoreApplication.translate("RankingModel", "Candidate"),
            QCoreApplication.translate("RankingModel", "Score"),
            QCoreApplication.translate("RankingModel", "Must-haves"),
            QCoreApplication.translate("RankingModel", "Top evidence"),
            QCoreApplication.translate("RankingModel", "Status"),
            QCoreApplication.translate("RankingModel", "Imported"),
        ][section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == CANDIDATE_ROLE:
            return row.candidate_id
        if role == SCORE_ROLE:
            return row.score
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                str(row.rank),
                row.label,
                f"{row.score:.0f}",
                f"{row.must_met} / {row.must_total}",
                row.evidence,
                status_label(row.status),
                row.date,
            ][col]
        if role == SORT_ROLE:
            return [
                row.rank,
                row.candidate_id,
                row.score,
                (row.must_met / row.must_total) if row.must_total else 1.0,
                row.evidence.lower(),
                row.status,
                row.date,
            ][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_EVIDENCE and row.evidence:
                return row.evidence
            if col == COL_STATUS and row.reason:
                return row.reason
            if col == COL_MUST:
                return (
                    QCoreApplication.translate(
                        "RankingModel", "Must-have requirements met: %1 of %2"
                    )
                    .replace("%1", str(row.must_met))
                    .replace("%2", str(row.must_total))
                )
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS and row.status:
            return status_color(
                {"shortlist": "met", "hold": "partly", "reject": "missing"}.get(row.status, "")
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_RANK, COL_SCORE, COL_MUST):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == COL_SCORE:
            return QCoreApplication.translate("RankingModel", "Score %1 of 100").replace(
                "%1", f"{row.score:.0f}"
            )
        return None


class RankingFilter(QSortFilterProxyModel):
    """Text filter (candidate number, evidence) plus a status filter and a must-haves switch."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._status: str | None = None  # None: any; "": not decided; else a kind
        self._musts_only = False
        self._needle = ""

    def set_text(self, text: str) -> None:
        self._needle = text.strip().lower()
        self.invalidate()

    def set_status(self, status: str | None) -> None:
        self._status = status
        self.invalidate()

    def set_musts_only(self, musts_only: bool) -> None:
        self._musts_only = musts_only
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RankingTableModel):
            return True
        row = model.row_at(source_row)
        if self._status is not None and row.status != self._status:
            return False
        if self._musts_only and not row.all_musts_met:
            return False
        needle = self._needle
        if not needle:
            return True
        haystack = f"{row.label} {row.candidate_id} {row.evidence} {status_label(row.status)}"
        return needle in haystack.lower()
