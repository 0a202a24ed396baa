"""Entity-level measures of redaction: is each labelled name wholly gone, each title wholly kept?

Two kinds of data use them:
- character-level BMES files (ResumeNER: NAME, CONT, RACE, TITLE, ORG, EDU, PRO, LOC), grouped
  into one document per bio (a bio starts at a sentence that opens with a name);
- generated English resume headers: a name line in one of six shapes, then a title, contact or
  heading line, then a short body that mentions the first name again (``header_documents``).

"Fully masked": every character of the entity lies in some redacted span (of any type: the text
is gone either way). "Left": not fully masked. "Lost": at least one character redacted.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

Predicted = Sequence[tuple[str, int, int]]


@dataclass(frozen=True)
class EntityDoc:
    id: str
    language: str
    text: str
    entities: tuple[tuple[str, int, int], ...]  # (label, start, end)
    group: str = ""  # e.g. "lower/South Asia" for a generated header


def load_bmes(path: Path) -> list[EntityDoc]:
    """A BMES file as documents: consecutive sentences joined, a new one at each opening name."""
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        char, tag = line.split()
        sentences[-1].append((char, tag))
    groups: list[list[list[tuple[str, str]]]] = []
    for sentence in filter(None, sentences):
        if not groups or sentence[0][1] in ("B-NAME", "S-NAME"):
            groups.append([])
        groups[-1].append(sentence)
    docs = []
    for i, group in enumerate(groups):
        chars = [pair for sentence in group for pair in sentence]
        text = "".join(c for c, _ in chars)
        entities: list[tuple[str, int, int]] = []
        start = 0
        for j, (_, tag) in enumerate(chars):
            if tag[0] in "BS":
                start = j
            if tag[0] in "ES":
                entities.append((tag[2:], start, j + 1))
        docs.append(EntityDoc(f"{path.stem}-{i:04d}", "zh", text, tuple(entities)))
    return docs


@dataclass
class EntityTally:
    total: Counter[str] = field(default_factory=Counter)
    masked: Counter[str] = field(default_factory=Counter)  # every character redacted
    touched: Counter[str] = field(default_factory=Counter)  # some character redacted

    def masked_rate(self, label: str) -> float:
        return self.masked[label] / self.total[label] if self.total[label] else float("nan")

    def left_rate(self, label: str) -> float:
        return 1.0 - self.masked_rate(label)

    def lost_rate(self, label: str) -> float:
        return self.touched[label] / self.total[label] if self.total[label] else float("nan")


def _covered(text: str, start: int, end: int, spans: Predicted) -> tuple[bool, bool]:
    """(every non-space character covered, some character covered)."""
    hit = [False] * (end - start)
    for _, a, b in spans:
        for k in range(max(a, start), min(b, end)):
            hit[k - start] = True
    wanted = [h for k, h in enumerate(hit) if not text[start + k].isspace()]
    return all(wanted), any(wanted)


def tally_entities(
    docs: Sequence[EntityDoc], predictions: Sequence[Predicted], by_group: bool = False
) -> dict[str, EntityTally]:
    """Tallies keyed by group ("" for all documents, and each group too if ``by_group``)."""
    tallies: dict[str, EntityTally] = {"": EntityTally()}
    for doc, predicted in zip(docs, predictions, strict=True):
        keys = [""] + ([doc.group] if by_group else [])
        for label, start, end in doc.entities:
            masked, touched = _covered(doc.text, start, end, predicted)
            for key in keys:
                t = tallies.setdefault(key, EntityTally())
                t.total[label] += 1
                t.masked[label] += masked
                t.touched[label] += touched
    return tallies


# --- generated English resume headers ------------------------------------------------------

SHAPES = ("title", "lower", "upper", "first_initial", "initial_first", "middle_initial")
_HEADINGS = ("SUMMARY", "Professional Summary", "PROFILE", "Experience", "WORK EXPERIENCE")
_BODY = (
    "{first} has eight years of experience with Python, SQL and Tableau, and enjoys mentoring.",
    "Over the last decade {first} shipped data pipelines on Kafka, Spark and Airflow.",
    "Hands-on with Jenkins, Selenium and Grafana; {first} led the migration to Kubernetes.",
    "{first} built dashboards in Power BI and Looker and automated reporting with Excel.",
)


@dataclass(frozen=True)
class HeaderName:
    region: str
    first: str
    last: str


def _shape_name(shape: str, first: str, last: str, rng: random.Random) -> str:
    dot = "." if rng.random() < 0.5 else ""
    if shape == "title":
        return f"{first} {last}"
    if shape == "lower":
        return f"{first} {last}".lower()
    if shape == "upper":
        return f"{first} {last}".upper()
    if shape == "first_initial":
        return f"{first} {last[0].upper()}{dot}"
    if shape == "initial_first":
        return f"{last[0].upper()}{dot} {first}"
    middle = rng.choice("ABCDEFGHJKLMNPRSTVW")
    return f"{first} {middle}. {last}"


def _email(first: str, last: str, rng: random.Random) -> str:
    plain = re.sub(r"[^a-z]", "", (first + " " + last).lower().split(" ")[0]) or "cv"
    surname = re.sub(r"[^a-z]", "", last.lower()) or "mail"
    choice = rng.randrange(3)
    if choice == 0:
        return f"{plain}.{surname}@example.com"
    if choice == 1:
        return f"{plain[0]}{surname}{rng.randrange(10, 99)}@mail.example.org"
    return f"careers{rng.randrange(100, 999)}@example.net"


def header_documents(
    names: Sequence[HeaderName], titles: Sequence[str], rng: random.Random
) -> list[EntityDoc]:
    """One resume opening per name and shape: labels NAME (every mention) and TITLE (the line)."""
    docs = []
    for i, person in enumerate(names):
        for shape in SHAPES:
            name_line = _shape_name(shape, person.first, person.last, rng)
            title = rng.choice(titles)
            contact = f"{_email(person.first, person.last, rng)} | +1 555 01{rng.randrange(10, 99)}"
            layout = rng.randrange(3)
            lines = [name_line]
            if layout == 0:
                lines += [title, contact]
            elif layout == 1:
                lines += [contact, "", rng.choice(_HEADINGS)]
            else:
                lines += [title, "", rng.choice(_HEADINGS)]
            body = rng.choice(_BODY).format(first=person.first)
            text = "\n".join([*lines, "", "SUMMARY", body, ""])
            entities: list[tuple[str, int, int]] = []
            tokens = {t for t in name_line.replace(".", " ").split() if len(t) > 1}
            for token in tokens:
                for m in re.finditer(rf"(?<!\w){re.escape(token)}(?!\w)", text, re.IGNORECASE):
                    entities.append(("NAME", m.start(), m.end()))
            if title in lines:
                start = text.index("\n" + title + "\n") + 1
                entities.append(("TITLE", start, start + len(title)))
            docs.append(
                EntityDoc(
                    f"header-{i:04d}-{shape}",
                    "en",
                    text,
                    tuple(entities),
                    f"{shape}/{person.region}",
                )
            )
    return docs


def regions(names: Iterable[HeaderName]) -> list[str]:
    return sorted({n.region for n in names})
