"""How long candidates' data is kept: presets with their sources, and who is past the limit.

A workspace has no retention period until someone sets one (never a silent default): then every
candidate is deleted once that many days have passed since their *last activity*, the later of
their import and the last decision recorded on them (the decision is when a claim period starts
to run, and "last contact" in the French guidance). The audit log is not personal data and is
kept regardless (the EU AI Act wants deployers' logs kept at least six months, Art. 26(6)); an
erasure leaves a pseudonymous tombstone in it. Nothing here is legal advice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from core.errors import UserError
from core.storage.lifecycle import Activity

SETTING_DAYS = "retention_days"
SETTING_PRESET = "retention_preset"
MAX_DAYS = 36_500


@dataclass(frozen=True)
class Preset:
    name: str
    days: int
    title: str
    source: str


PRESETS: tuple[Preset, ...] = (
    Preset(
        "germany",
        183,
        "Germany: six months after the decision",
        "AGG §15(4) (two months to claim discrimination in writing) and ArbGG §61b (three months "
        "more to sue); six months after the decision is the usual practice.",
    ),
    Preset(
        "france",
        730,
        "France: up to two years after the last contact, with the candidate's consent",
        "CNIL, recruitment guidance (référentiel recrutement): without consent, delete when the "
        "process ends.",
    ),
    Preset(
        "us",
        365,
        "United States: one year after the record or the hiring decision (minimum to keep)",
        "29 CFR 1602.14 (EEOC): application records are kept one year from the record or the "
        "personnel action, whichever is later.",
    ),
)


def preset(name: str) -> Preset:
    for item in PRESETS:
        if item.name == name.strip().lower():
            return item
    names = ", ".join(p.name for p in PRESETS)
    raise UserError(f"Unknown retention preset: {name[:40]!r}.", hint=f"Use one of: {names}.")


def check_days(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise UserError(
            "The retention period must be a whole number of days from 1 to 36,500.",
            hint="For example 183 (six months) or 730 (two years).",
        )
    return days


def parse_days(value: str | None) -> int | None:
    """The stored setting as days, or None when none is set (or it is unreadable)."""
    if value is None or not value.strip().isdigit():
        return None
    days = int(value.strip())
    return days if 1 <= days <= MAX_DAYS else None


def _when(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def delete_after(activity: Activity, days: int) -> datetime:
    """When this candidate's data falls due for deletion."""
    return _when(activity.last_activity) + timedelta(days=days)


def due(activities: Iterable[Activity], days: int | None, now: datetime | None = None) -> list[int]:
    """Candidate numbers past the retention period (none when no period is set)."""
    if days is None:
        return []
    moment = now or datetime.now(UTC)
    return [a.candidate_id for a in activities if delete_after(a, days) <= moment]


def describe(days: int | None, preset_name: str | None) -> str:
    """One line for people: the period and where it comes from."""
    if days is None:
        return "No retention period is set: nothing is deleted automatically."
    for item in PRESETS:
        if item.name == preset_name and item.days == days:
            return f"{days} days after the last activity ({item.title}; {item.source})"
    return f"{days} days after the last activity (set by this organisation)"
