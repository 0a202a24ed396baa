"""``veil role``, ``veil people`` and ``veil training``: employees' competencies, gaps, plans.

Advisory only: the figures are evidence for a person who decides; nothing here rates anyone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TypeAlias

from core.cli.common import open_workspace, print_json
from core.cli.import_cmd import EXIT_SOME_FAILED, print_summary
from core.cli.people_json import matrix_json, plan_json, role_json
from core.cli.progress_bar import drive
from core.errors import UserError
from core.paths import read_user_text
from core.people.gaps import team_summary
from core.people.model import Role
from core.services import Engines, FileOutcome, Progress

SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def register(subparsers: SubParsers) -> None:
    role = subparsers.add_parser("role", help="role profiles: the competencies of a role")
    sub = role.add_subparsers(dest="role_command", metavar="add|list|show", required=True)
    add = sub.add_parser("add", help="add a role from its profile text; prints the new role id")
    add.add_argument("--title", required=True)
    add.add_argument("--file", type=Path, required=True, help="the profile, as a text file")
    add.set_defaults(func=run_role_add)
    lst = sub.add_parser("list", help="list the roles")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_role_list)
    show = sub.add_parser("show", help="show a role with its competencies")
    show.add_argument("role_id", type=int, metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_role_show)
    edit = sub.add_parser("set", help="edit one competency: its text, weight, must or nice")
    edit.add_argument("role_id", type=int, metavar="ID")
    edit.add_argument("index", type=int, metavar="N", help="the competency's number in 'show'")
    edit.add_argument("--text", default=None)
    edit.add_argument("--weight", type=float, default=None, help="0 to 10 (default 1)")
    kind = edit.add_mutually_exclusive_group()
    kind.add_argument("--must", dest="must", action="store_true", default=None)
    kind.add_argument("--nice", dest="must", action="store_false")
    edit.set_defaults(func=run_role_set)
    _register_people(subparsers)
    training = subparsers.add_parser("training", help="the company's course catalogue")
    tsub = training.add_subparsers(dest="training_command", metavar="import|list", required=True)
    imp = tsub.add_parser("import", help="add or update courses from a CSV file")
    imp.add_argument(
        "--csv",
        type=Path,
        required=True,
        metavar="FILE",
        help="columns: title, description, skills, hours, language",
    )
    imp.set_defaults(func=run_training_import)
    tls = tsub.add_parser("list", help="list the courses")
    tls.add_argument("--json", action="store_true")
    tls.set_defaults(func=run_training_list)


def _register_people(subparsers: SubParsers) -> None:
    people = subparsers.add_parser(
        "people", help="employees: documents, skill gaps, training plans, calibration"
    )
    sub = people.add_subparsers(
        dest="people_command", metavar="import|list|gaps|mark|plan|calibrate", required=True
    )
    imp = sub.add_parser(
        "import",
        help="import employees' documents (self-reviews, manager reviews, project summaries, "
        "CVs): read, redacted and stored encrypted, apart from candidates",
    )
    imp.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    imp.add_argument("--role", type=int, required=True, metavar="ID")
    imp.add_argument(
        "--person",
        default="",
        metavar="NAME",
        help="all files belong to this person (else: one "
        "new person per file); the name only groups documents and is never shown in blind views",
    )
    imp.add_argument(
        "--person-by-folder",
        action="store_true",
        help="each file belongs to the person its folder is named after (one folder a person)",
    )
    imp.add_argument(
        "--kind",
        default="",
        choices=["", "self_review", "manager_review", "project_summary", "cv", "document"],
        help="the documents' kind (default: told by each file name)",
    )
    imp.add_argument("--json", action="store_true", help="one JSON object per file on stdout")
    imp.set_defaults(func=run_people_import)
    lst = sub.add_parser("list", help="the people of a role (numbers, not names)")
    lst.add_argument("--role", type=int, required=True, metavar="ID")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=run_people_list)
    gaps = sub.add_parser("gaps", help="the skill-gap matrix of a role, with its evidence")
    gaps.add_argument("--role", type=int, required=True, metavar="ID")
    gaps.add_argument("--json", action="store_true")
    gaps.set_defaults(func=run_people_gaps)
    mark = sub.add_parser(
        "mark", help="your word on a cell of the matrix: the competency is shown or not (audited)"
    )
    mark.add_argument("person_id", type=int, metavar="PERSON_ID")
    mark.add_argument("index", type=int, metavar="N", help="the competency's number in 'gaps'")
    word = mark.add_mutually_exclusive_group(required=True)
    word.add_argument("--shown", dest="shown", action="store_const", const=True)
    word.add_argument("--not-shown", dest="shown", action="store_const", const=False)
    word.add_argument("--clear", dest="clear", action="store_true", help="take the mark away")
    mark.add_argument("--reason", default="", help="what in the documents shows it or not")
    mark.add_argument("--reviewer", default=None, metavar="NAME", help="who marks (audited)")
    mark.set_defaults(func=run_people_mark)
    plan = sub.add_parser("plan", help="courses of the catalogue for each of a person's gaps")
    plan.add_argument("person_id", type=int, metavar="PERSON_ID")
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(func=run_people_plan)
    cal = sub.add_parser(
        "calibrate",
        help="questions for a calibration meeting: where managers' ratings and the evidence "
        "disagree (never corrections)",
    )
    cal.add_argument("--role", type=int, required=True, metavar="ID")
    cal.add_argument(
        "--ratings",
        type=Path,
        default=None,
        metavar="CSV",
        help="store these ratings first (person_id, rating, manager[, competency, cycle])",
    )
    cal.add_argument("--cycle", default=None, metavar="NAME", help="only this review cycle")
    cal.add_argument("--json", action="store_true")
    cal.set_defaults(func=run_people_calibrate)


# -- roles ------------------------------------------------------------------------------------


def run_role_add(args: argparse.Namespace) -> int:
    from core.services.people import create_role

    text = read_user_text(args.file, "role file")
    with open_workspace(args) as ws:
        role = create_role(ws, args.title, text)
    print(role.id)
    return 0


def run_role_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        roles = ws.roles.list()
    if args.json:
        print_json([role_json(r) for r in roles])
        return 0
    if not roles:
        print(
            "No roles yet. Add one with: veil role add --title TITLE --file ROLE.txt",
            file=sys.stderr,
        )
    for r in roles:
        musts = sum(1 for c in r.competencies if c.must)
        print(f"{r.id:>4}  {r.title}  ({musts} must-have, {len(r.competencies) - musts} nice)")
    return 0


def run_role_set(args: argparse.Namespace) -> int:
    from core.services.people import set_competency

    with open_workspace(args) as ws:
        role = set_competency(
            ws, args.role_id, args.index - 1, text=args.text, weight=args.weight, must=args.must
        )
    print_role(role)
    return 0


def run_role_show(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        role = ws.roles.get(args.role_id)
    if args.json:
        print_json(role_json(role, with_text=True))
        return 0
    print_role(role)
    return 0


def print_role(role: Role) -> None:
    print(f"Role {role.id}: {role.title} ({role.language})")
    print("Competencies:")
    for i, c in enumerate(role.competencies, start=1):
        weight = f"  (weight {c.weight:g})" if c.weight != 1.0 else ""
        print(f"  {i:>2}. [{'must' if c.must else 'nice'}] {c.text}{weight}")
    if not role.competencies:
        print("  (none found: the profile needs a 'Requirements' list)")


# -- people -----------------------------------------------------------------------------------


def run_people_import(args: argparse.Namespace) -> int:
    from core.services.people import folder_person, import_people

    if args.person and args.person_by_folder:
        raise UserError("Give --person or --person-by-folder, not both.")

    def show(point: Progress) -> None:
        if args.json and isinstance(point.item, FileOutcome):
            o = point.item
            line = {"path": o.label, "person_id": o.candidate_id, "status": o.status}
            line["error"] = o.error
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            sys.stdout.flush()

    with open_workspace(args) as ws, Engines() as engines:
        summary = drive(
            import_people(
                ws,
                engines,
                args.paths,
                role_id=args.role,
                person=args.person,
                kind=args.kind,
                person_of=folder_person if args.person_by_folder else None,
            ),
            desc="Importing",
            on_progress=show,
        )
    print_summary(summary, sys.stderr if args.json else sys.stdout)
    return EXIT_SOME_FAILED if summary.failed else 0


def run_people_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        ws.roles.get(args.role)
        people = ws.people.list(args.role)
    if args.json:
        print_json([{"person_id": p.id, "documents": p.documents} for p in people])
        return 0
    for p in people:
        print(f"{p.id:>4}  {p.label}  ({p.documents} documents)")
    return 0


def run_people_gaps(args: argparse.Namespace) -> int:
    from core.services.people import gap_matrix, role_agreement

    with open_workspace(args) as ws, Engines() as engines:
        matrix = gap_matrix(ws, engines, args.role)
    if args.json:
        print_json(matrix_json(matrix))
        return 0
    comps = matrix.role.competencies
    print(f"Role {matrix.role.id}: {matrix.role.title}. Competencies:")
    for i, c in enumerate(comps, start=1):
        print(f"  {i:>2}. {c.text}")
    for row in matrix.people:
        shown = len(comps) - len(row.gaps)
        print(f"Person {row.person_id}: {shown} of {len(comps)} shown")
        for i, cell in enumerate(row.cells, start=1):
            flag = "gap " if cell.gap else "    "
            where = (
                f'  "{cell.evidence.text.strip()[:80]}" ({cell.document})' if cell.evidence else ""
            )
            if cell.mark is not None:
                where += f"  [checked by {cell.mark.reviewer}]"
            print(f"   {flag}{i:>2}. {cell.satisfaction:.2f}{where}")
    team = team_summary(matrix.people)
    if team.gap_share is None:
        print(team.reason)
    else:
        print(f"Team ({team.people} people), share with a gap per competency:")
        for i, share in enumerate(team.gap_share, start=1):
            print(f"  {i:>2}. {share:.0%}")
    print(role_agreement(matrix).summary())
    print("Advisory: evidence for a person who decides; Veil does not rate anyone.")
    return 0


def run_people_mark(args: argparse.Namespace) -> int:
    from core.cli.review_cmd import reviewer_name
    from core.services.people import mark_cell

    with open_workspace(args) as ws:
        shown = None if args.clear else bool(args.shown)
        mark_cell(
            ws,
            args.person_id,
            args.index - 1,
            shown,
            reviewer=reviewer_name(args),
            reason=args.reason,
        )
    word = {None: "no longer marked", True: "marked shown", False: "marked not shown"}[shown]
    print(f"Person {args.person_id}, competency {args.index}: {word}.")
    return 0


def run_people_plan(args: argparse.Namespace) -> int:
    from core.services.training import training_plan

    with open_workspace(args) as ws, Engines() as engines:
        plan = training_plan(ws, engines, args.person_id)
    if args.json:
        print_json(plan_json(plan))
        return 0
    if not plan.gaps:
        print(f"Person {plan.person_id}: no gaps found in the documents.")
    for g in plan.gaps:
        checked = "" if g.cell.mark is not None else " (Veil's call, not checked by a reviewer)"
        print(f"Gap: {g.cell.competency.text}{checked}")
        if not g.courses:
            print("   (no course in the catalogue covers it)")
        for m in g.courses:
            hours = f", {m.course.hours:g} h" if m.course.hours is not None else ""
            print(f"   - {m.course.title} ({m.course.language}{hours}): {m.reason}")
    return 0


def run_people_calibrate(args: argparse.Namespace) -> int:
    from core.services.training import calibration_questions, import_ratings

    with open_workspace(args) as ws, Engines() as engines:
        ws.roles.get(args.role)
        if args.ratings is not None:
            text = read_user_text(args.ratings, "ratings file")
            import_ratings(ws, text, cycle=args.cycle or "")
        found = calibration_questions(ws, engines, args.role, cycle=args.cycle)
    if args.json:
        print_json(
            {
                "role": args.role,
                "questions": [
                    {
                        "question": q.text,
                        "competency": q.competency,
                        "person_ids": list(q.person_ids),
                        "managers": list(q.managers),
                        "ratings": list(q.ratings),
                    }
                    for q in found
                ],
            }
        )
        return 0
    if not found:
        print("No rating disagrees with the evidence by two steps or more.")
    for i, q in enumerate(found, start=1):
        print(f"{i:>3}. {q.text}")
    return 0


def run_training_import(args: argparse.Namespace) -> int:
    from core.services.training import import_catalogue

    text = read_user_text(args.csv, "catalogue")
    with open_workspace(args) as ws:
        added, updated = import_catalogue(ws, text)
    print(f"Courses added {added}, updated {updated}.")
    return 0


def run_training_list(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        courses = ws.courses.list()
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "title": c.title,
                    "skills": c.skills,
                    "hours": c.hours,
                    "language": c.language,
                }
                for c in courses
            ]
        )
        return 0
    for c in courses:
        print(f"{c.id:>4}  {c.title} ({c.language})")
    return 0
