"""``veil selfid import --csv FILE``, ``veil report impact|counterfactual|assessment`` and
``veil people notice`` (added to the ``people`` group, registered earlier).

veil selfid import --csv answers.csv
veil report impact --job 3 [--json] [--intersect sex,race_ethnicity] [--keep-small]
veil report counterfactual --job 3 [--json]
veil report assessment [--lang en|zh] [--out FILE]
veil people notice [--lang en|zh] [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.common import group_actions, open_workspace, print_json
from core.cli.progress_bar import drive
from core.cli.review_cmd import reviewer_name
from core.compliance.impact import FOUR_FIFTHS, ImpactReport, ImpactWarning
from core.errors import UserError
from core.paths import write_atomically
from core.services import Engines, compliance


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    selfid = subparsers.add_parser(
        "selfid", help="voluntary self-identification, stored apart, read only by the audit"
    )
    sub = selfid.add_subparsers(dest="selfid_command", metavar="import", required=True)
    imp = sub.add_parser("import", help="import answers: candidate_id plus one column a category")
    imp.add_argument("--csv", type=Path, required=True, metavar="FILE")
    imp.add_argument("--reviewer", default=None, metavar="NAME", help="who imports (audited)")
    imp.set_defaults(func=run_selfid_import)

    report = subparsers.add_parser("report", help="fairness reports and the impact assessment")
    rsub = report.add_subparsers(
        dest="report_command", metavar="impact|counterfactual|assessment", required=True
    )
    imp_r = rsub.add_parser("impact", help="selection and scoring rates, impact ratios (LL144)")
    imp_r.add_argument("--job", type=int, required=True, metavar="ID")
    imp_r.add_argument("--json", action="store_true", help="one JSON object")
    imp_r.add_argument(
        "--intersect",
        action="append",
        default=None,
        metavar="A,B",
        help="audit the intersection of two categories (default: sex and race/ethnicity)",
    )
    imp_r.add_argument(
        "--keep-small",
        action="store_true",
        help="give ratios to categories under 2%% of the data too (6 RCNY 5-301(d) allows "
        "leaving them out)",
    )
    imp_r.add_argument("--reviewer", default=None, metavar="NAME", help="who runs it (audited)")
    imp_r.set_defaults(func=run_impact)

    cf = rsub.add_parser(
        "counterfactual", help="swap names and gender cues in each resume: scores must not move"
    )
    cf.add_argument("--job", type=int, required=True, metavar="ID")
    cf.add_argument("--json", action="store_true", help="one JSON object")
    cf.add_argument("--reviewer", default=None, metavar="NAME", help="who runs it (audited)")
    cf.set_defaults(func=run_counterfactual)

    dpia = rsub.add_parser("assessment", help="a DPIA / PIPL impact assessment draft (Markdown)")
    dpia.add_argument("--lang", choices=("en", "zh"), default="en")
    dpia.add_argument("--out", type=Path, default=None, metavar="FILE", help="write it here")
    dpia.add_argument("--reviewer", default=None, metavar="NAME", help="who runs it (audited)")
    dpia.set_defaults(func=run_assessment)
    _register_notice(subparsers)


def _register_notice(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub = group_actions(subparsers, "people", "notice")
    if sub is None:
        return
    notice = sub.add_parser(
        "notice", help="the notice to employees before use (AI Act Art. 26(7); Markdown)"
    )
    notice.add_argument("--lang", choices=("en", "zh"), default="en")
    notice.add_argument("--out", type=Path, default=None, metavar="FILE", help="write it here")
    notice.add_argument("--reviewer", default=None, metavar="NAME", help="who runs it (audited)")
    notice.set_defaults(func=run_people_notice)


def run_selfid_import(args: argparse.Namespace) -> int:
    text = compliance.read_selfid_csv(args.csv)
    with open_workspace(args) as ws:
        table = compliance.import_selfid(ws, text, actor=reviewer_name(args))
    print(
        f"Imported {table.values} answer(s) of {len(table.answers)} candidate(s) in "
        f"{len(table.categories)} categor{'y' if len(table.categories) == 1 else 'ies'}: "
        + ", ".join(table.categories)
    )
    return 0


def _intersections(values: list[str] | None) -> list[tuple[str, ...]] | None:
    if values is None:
        return None
    out = []
    for value in values:
        keys = tuple(k.strip() for k in value.split(",") if k.strip())
        if len(keys) < 2:
            raise UserError("--intersect needs two categories: --intersect sex,race_ethnicity")
        out.append(keys)
    return out


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:5.1f}%"


def _ratio(value: float | None) -> str:
    if value is None:
        return "   - "
    return f"{value:.3f}" + ("!" if value < FOUR_FIFTHS else " ")


def _p(value: float | None) -> str:
    return "-" if value is None else f"{value:.3g}"


_WARNINGS = {
    "small_sample": "{category} = {group}: only {n} people; the ratios are unstable",
    "excluded_small": "{category} = {group}: under 2% of the data ({n} people), left out of "
    "the ratios (6 RCNY 5-301(d)); counts and rate shown",
    "adverse_impact": "{category} = {group}: {measure} impact ratio {value:.2f} is under 0.80",
    "significant": "{category} = {group}: the {measure} difference is statistically "
    "significant (p = {value:.3g}) though the ratio is 0.80 or more",
    "no_decisions": "nobody is shortlisted yet: selection rates are 0 and have no ratio",
    "no_scores": "the job has no scores yet: rank it first for scoring rates",
    "no_self_identification": "no self-identification imported: 'veil selfid import --csv FILE'",
}


def warning_text(w: ImpactWarning) -> str:
    template = _WARNINGS.get(w.kind, w.kind)
    return template.format(
        category=w.category,
        group=w.group,
        measure=w.measure,
        n=int(w.value or 0),
        value=w.value or 0.0,
    )


def impact_table(report: ImpactReport) -> str:
    median = "-" if report.median_score is None else f"{report.median_score:.2f}"
    lines = [
        f"Impact report, job {report.job}: {report.people} people, median score {median}, "
        f"{report.unknown} of unknown category",
        "",
        f"{'Category':<24} {'Group':<34} {'n':>5} {'sel':>5} {'rate':>6} {'ratio':>6} "
        f"{'p':>7}  {'score':>6} {'ratio':>6} {'p':>7}",
    ]
    for g in report.groups:
        lines.append(
            f"{g.category[:24]:<24} {g.group[:34]:<34} {g.n:>5} {g.selected:>5} "
            f"{_pct(g.selection.rate):>6} {_ratio(g.selection.ratio):>6} "
            f"{_p(g.selection.p_value):>7}  {_pct(g.scoring.rate):>6} "
            f"{_ratio(g.scoring.ratio):>6} {_p(g.scoring.p_value):>7}"
            + ("  (under 2%)" if g.excluded_small else "")
        )
    lines += ["", "rate: shortlisted share; score: share above the median; ! under 0.80"]
    lines += [f"warning: {warning_text(w)}" for w in report.warnings]
    return "\n".join(lines)


def run_impact(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        report = compliance.impact_report(
            ws,
            args.job,
            intersections=_intersections(args.intersect),
            exclude_small=not args.keep_small,
            actor=reviewer_name(args),
        )
    if args.json:
        print_json(report.as_json())
    else:
        print(impact_table(report))
    return 0


def run_counterfactual(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws, Engines() as engines:
        result = drive(
            compliance.counterfactual_check(ws, engines, args.job, actor=reviewer_name(args)),
            desc="Counterfactual",
            unit="cand",
        )
    if args.json:
        print_json(result.as_json())
        return 1 if result.moved else 0
    print(
        f"Counterfactual check, job {result.job}: {len(result.rows)} candidates, "
        f"{sum(r.swaps for r in result.rows)} words swapped, "
        f"{result.texts_changed} redacted text(s) changed, largest score change "
        f"{result.max_change:.6f}"
    )
    if not result.moved:
        print("No score moved: names, pronouns and gender markers do not reach the scorer.")
        return 0
    print("Scores that moved (the redaction lets a name or gender cue through):")
    for row in result.moved:
        print(
            f"  candidate {row.candidate_id}: {row.score:.2f} -> {row.swapped_score:.2f} "
            f"({row.change:+.4f})"
        )
    return 1


def _deliver(text: str, out: Path | None, what: str) -> None:
    """Print ``text``, or write it atomically to ``out`` and say so."""
    if out is None:
        sys.stdout.write(text)
        return
    try:
        write_atomically(out.expanduser(), text.encode("utf-8"))
    except OSError as exc:
        raise UserError(
            f"Cannot write the {what}.", hint=f"({exc.strerror or 'unwritable'})"
        ) from None
    print(f"Wrote the {what} to {out}")


def run_assessment(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        text = compliance.assessment(ws, lang=args.lang, actor=reviewer_name(args))
    _deliver(text, args.out, f"{args.lang} assessment draft")
    return 0


def run_people_notice(args: argparse.Namespace) -> int:
    with open_workspace(args) as ws:
        text = compliance.employee_notice(ws, lang=args.lang, actor=reviewer_name(args))
    _deliver(text, args.out, f"{args.lang} notice to employees")
    return 0
