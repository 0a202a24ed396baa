"""Check the labelled people set (issue 21) in this folder for consistency.

Run with: python tests/data/people/validate.py [path/to/set.json]
Exits with status 1 and prints every problem found; prints a summary otherwise.
Also checks the real-data labels (bench/data/people_real_labels.json: offsets and hashes into
resume_scraper resumes, no text): their roles and competency lines against this set, and, where
the git-ignored cache bench/data/cache/resume_scraper/set.json exists, every text and span hash.
Imports nothing from Veil on purpose: the data must stand on its own, and the competency
lines are read here with a parser of its own, not Veil's.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SET_FILE = HERE / "set.json"
ROOT = HERE.parents[2]
REAL_LABELS = ROOT / "bench" / "data" / "people_real_labels.json"
REAL_CACHE = ROOT / "bench" / "data" / "cache" / "resume_scraper" / "set.json"

MUST_HEADINGS = {"Requirements", "任职要求"}
NICE_HEADINGS = {"Nice to have", "加分项"}
KINDS = {"self_review", "manager_review", "project_summary", "cv"}
LANGUAGES = ("en", "zh")
ROLE_ID = re.compile(r"^r-(en|zh)-\d+$")
PERSON_ID = re.compile(r"^p-(en|zh)-\d{2}$")

MIN_ROLES_PER_LANGUAGE = 4
MIN_PEOPLE_PER_LANGUAGE = 20
COMPETENCIES = (6, 12)
DOCUMENTS_PER_PERSON = 3
EN_WORDS = (120, 400)  # per document
ZH_CHARS = (250, 800)  # per document, characters other than white space
SHOWN_SHARE = (0.50, 0.70)  # over all labels

# Traces of real contact data: the set is fictitious and must hold none.
EMAIL_LIKE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE_LIKE = re.compile(r"\+?\d[\d ()-]{8,}\d")
URL_LIKE = re.compile(r"(?:https?://|www\.)\S+")


def competencies(role_text: str) -> list[tuple[str, bool]]:
    """(line, must-have) for every ``- `` line under a requirements heading, in order."""
    found: list[tuple[str, bool]] = []
    must: bool | None = None
    for raw in role_text.splitlines():
        line = raw.strip()
        if line in MUST_HEADINGS or line in NICE_HEADINGS:
            must = line in MUST_HEADINGS
        elif line.startswith("- ") and must is not None:
            found.append((line[2:].strip(), must))
        elif line:
            must = None  # any other heading or prose ends the list
    return found


def document_size(text: str, language: str) -> tuple[int, tuple[int, int], str]:
    if language == "en":
        return len(text.split()), EN_WORDS, "words"
    return len(re.sub(r"\s", "", text)), ZH_CHARS, "characters"


def check_roles(roles: list[dict[str, Any]], problems: list[str]) -> dict[str, list[str]]:
    lines_by_role: dict[str, list[str]] = {}
    for role in roles:
        rid = role.get("id", "?")
        if rid in lines_by_role:
            problems.append(f"role {rid}: duplicate id")
        if not ROLE_ID.match(rid) or rid.split("-")[1] != role.get("language"):
            problems.append(f"role {rid}: id and language {role.get('language')!r} disagree")
        if not role.get("title"):
            problems.append(f"role {rid}: no title")
        found = competencies(role.get("text", ""))
        lines = [line for line, _ in found]
        lo, hi = COMPETENCIES
        if not lo <= len(lines) <= hi:
            problems.append(f"role {rid}: {len(lines)} competencies, expected {lo}-{hi}")
        if len(set(lines)) != len(lines):
            problems.append(f"role {rid}: a competency line appears twice")
        if not any(must for _, must in found) or all(must for _, must in found):
            problems.append(f"role {rid}: needs both must-have and nice-to-have lines")
        lines_by_role[rid] = lines
    per_language = Counter(role.get("language") for role in roles)
    for language in LANGUAGES:
        if per_language[language] < MIN_ROLES_PER_LANGUAGE:
            problems.append(f"{per_language[language]} {language} roles, expected >= 4")
    return lines_by_role


def check_documents(person: dict[str, Any], problems: list[str]) -> dict[str, str]:
    pid, language = person["id"], person.get("language")
    texts: dict[str, str] = {}
    kinds = []
    for doc in person.get("documents", []):
        name, text = doc.get("name", ""), doc.get("text", "")
        if name in texts:
            problems.append(f"{pid}: duplicate document name {name}")
        texts[name] = text
        if doc.get("kind") not in KINDS:
            problems.append(f"{pid}/{name}: unknown kind {doc.get('kind')!r}")
        kinds.append(doc.get("kind"))
        size, (lo, hi), unit = document_size(text, str(language))
        if not lo <= size <= hi:
            problems.append(f"{pid}/{name}: {size} {unit}, expected {lo}-{hi}")
        for pattern, what in ((EMAIL_LIKE, "e-mail"), (PHONE_LIKE, "phone"), (URL_LIKE, "URL")):
            if pattern.search(text):
                problems.append(f"{pid}/{name}: looks like a real {what}")
    if len(texts) != DOCUMENTS_PER_PERSON:
        problems.append(f"{pid}: {len(texts)} documents, expected {DOCUMENTS_PER_PERSON}")
    if "self_review" not in kinds or "manager_review" not in kinds:
        problems.append(f"{pid}: needs a self_review and a manager_review")
    if not {"project_summary", "cv"} & set(kinds):
        problems.append(f"{pid}: needs a project_summary or a cv")
    return texts


def check_labels(
    person: dict[str, Any], lines: list[str], texts: dict[str, str], problems: list[str]
) -> None:
    pid = person["id"]
    labelled = [label.get("competency") for label in person.get("labels", [])]
    if sorted(labelled) != sorted(lines):
        missing = sorted(set(lines) - set(labelled))
        extra = sorted(set(labelled) - set(lines))
        dupes = sorted(c for c, n in Counter(labelled).items() if n > 1)
        problems.append(
            f"{pid}: labels differ from role; missing {missing} extra {extra} twice {dupes}"
        )
    for label in person.get("labels", []):
        what = f"{pid} [{label.get('competency')}]"
        shown, name, sentence = label.get("shown"), label.get("document"), label.get("sentence")
        if shown is True:
            if name not in texts:
                problems.append(f"{what}: document {name!r} is not one of the person's")
            elif not isinstance(sentence, str) or not sentence.strip():
                problems.append(f"{what}: shown without a sentence")
            elif sentence not in texts[name]:
                problems.append(f"{what}: sentence is not an exact substring of {name}")
            for extra in label.get("also", []):  # optional: further sentences that show it
                other = extra.get("document")
                if other not in texts or not extra.get("sentence"):
                    problems.append(f"{what}: an 'also' entry names no document or sentence")
                elif extra["sentence"] not in texts[other]:
                    problems.append(f"{what}: an 'also' sentence is not a substring of {other}")
        elif shown is False:
            if name is not None or sentence is not None or label.get("also"):
                problems.append(f"{what}: not shown, but document, sentence or also is set")
        else:
            problems.append(f"{what}: shown must be true or false")


def validate(payload: dict[str, Any]) -> tuple[list[str], list[str]]:
    problems: list[str] = []
    lines_by_role = check_roles(payload.get("roles", []), problems)
    roles = {role["id"]: role for role in payload.get("roles", [])}
    seen: set[str] = set()
    rows: list[str] = []
    totals: Counter[str] = Counter()
    for person in payload.get("people", []):
        pid = person.get("id", "?")
        if pid in seen:
            problems.append(f"{pid}: duplicate person id")
        seen.add(pid)
        role = roles.get(person.get("role", ""))
        if role is None:
            problems.append(f"{pid}: unknown role {person.get('role')!r}")
            continue
        if not PERSON_ID.match(pid) or person.get("language") != role["language"]:
            problems.append(f"{pid}: id, language and role language disagree")
        texts = check_documents(person, problems)
        check_labels(person, lines_by_role[role["id"]], texts, problems)
        language = role["language"]
        totals[f"{language} people"] += 1
        for label in person.get("labels", []):
            totals[f"{language} labels"] += 1
            totals[f"{language} shown"] += label.get("shown") is True
            if label.get("shown") is True:
                totals[f"{language} in {label.get('document', '').split('.')[0]}"] += 1
    for language in LANGUAGES:
        if totals[f"{language} people"] < MIN_PEOPLE_PER_LANGUAGE:
            problems.append(f"{totals[f'{language} people']} {language} people, expected >= 20")
    for rid in roles:
        if not any(p.get("role") == rid for p in payload.get("people", [])):
            problems.append(f"role {rid}: nobody holds it")
    labels = totals["en labels"] + totals["zh labels"]
    shown = totals["en shown"] + totals["zh shown"]
    share = shown / labels if labels else 0.0
    lo, hi = SHOWN_SHARE
    if not lo <= share <= hi:
        problems.append(f"{share:.0%} of labels shown, expected {lo:.0%}-{hi:.0%}")
    for language in LANGUAGES:
        n, s = totals[f"{language} labels"], totals[f"{language} shown"]
        where = ", ".join(
            f"{kind} {totals[f'{language} in {kind}']}"
            for kind in ("self_review", "manager_review", "project_summary", "cv")
        )
        rows.append(
            f"{language}: {totals[f'{language} people']} people, {n} labels, {s} shown "
            f"({s / max(1, n):.0%}), {n - s} not shown; evidence in {where}"
        )
    rows.append(f"all: {len(roles)} roles, {len(seen)} people, {labels} labels, {share:.0%} shown")
    return problems, rows


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validate_real(
    real: dict[str, Any], lines_by_role: dict[str, list[str]], cache: dict[str, Any] | None
) -> tuple[list[str], str]:
    """Problems in the real-data labels, and a one-line summary."""
    problems: list[str] = []
    texts: dict[str, Any] = (cache or {}).get("resumes", {})
    seen: set[str] = set()
    shown = total = 0
    for person in real.get("people", []):
        rid, role = person.get("resume_id", "?"), person.get("role")
        if rid in seen:
            problems.append(f"real {rid}: listed twice")
        seen.add(rid)
        if role not in lines_by_role or role not in real.get("roles", []):
            problems.append(f"real {rid}: unknown role {role!r}")
            continue
        labelled = [label.get("competency") for label in person.get("labels", [])]
        if sorted(labelled) != sorted(lines_by_role[role]):
            problems.append(f"real {rid}: labels differ from the competencies of {role}")
        text = texts.get(rid, {}).get(real.get("text", "redacted")) if cache else None
        if cache is not None and (text is None or sha256(text) != person.get("sha256")):
            problems.append(f"real {rid}: text missing from the cache or its hash differs")
            text = None
        for label in person.get("labels", []):
            total += 1
            start, end = label.get("sentence_start"), label.get("sentence_end")
            digest = label.get("sentence_sha256")
            if label.get("shown") is True:
                shown += 1
                spans = [(start, end, digest)] + [
                    (e.get("sentence_start"), e.get("sentence_end"), e.get("sentence_sha256"))
                    for e in label.get("also", [])
                ]
                for at, to, want in spans:
                    if not (isinstance(at, int) and isinstance(to, int) and 0 <= at < to):
                        problems.append(f"real {rid} [{label.get('competency')}]: bad span")
                    elif text is not None and sha256(text[at:to]) != want:
                        problems.append(
                            f"real {rid} [{label.get('competency')}]: span hash differs"
                        )
            elif label.get("shown") is False:
                if start is not None or end is not None or digest is not None or label.get("also"):
                    problems.append(f"real {rid} [{label.get('competency')}]: span on not shown")
            else:
                problems.append(f"real {rid} [{label.get('competency')}]: shown not a boolean")
    checked = "hashes checked against the cache" if cache else "no cache: hashes not checked"
    summary = (
        f"real: {len(seen)} resumes, {total} labels, {shown} shown "
        f"({shown / max(1, total):.0%}); {checked}"
    )
    return problems, summary


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else SET_FILE
    payload = json.loads(path.read_text(encoding="utf-8"))
    problems, rows = validate(payload)
    if REAL_LABELS.exists():
        lines_by_role = {r["id"]: [c for c, _ in competencies(r["text"])] for r in payload["roles"]}
        cache = json.loads(REAL_CACHE.read_text(encoding="utf-8")) if REAL_CACHE.exists() else None
        real = json.loads(REAL_LABELS.read_text(encoding="utf-8"))
        real_problems, summary = validate_real(real, lines_by_role, cache)
        problems += real_problems
        rows.append(summary)
    for problem in problems:
        print(f"PROBLEM: {problem}")
    for row in rows:
        print(row)
    if problems:
        print(f"{len(problems)} problems")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
