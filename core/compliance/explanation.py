"""The explanation a candidate may ask for (EU AI Act Art. 86, GDPR Art. 22(3), PIPL Art. 24).

One page, in plain words: what part the tool played, the job's requirements and the evidence the
tool found for each in the candidate's (anonymized) application, what a person decided, and how
to ask for a human review. Built from plain data; rendered as text or as HTML in which every
value is escaped (resume text is hostile input). The service logs each one produced.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from core.domain import Decision, Job, Score

TOOL_ROLE = (
    "Veil is a screening aid that runs on the organisation's own computer, offline. It removed "
    "names, contact details and other personal cues from your application first, then compared "
    "the remaining text with the job's requirements and gave an advisory score from 0 to 100. "
    "The score only orders the applications for a reviewer; it rejects no one. People review "
    "the applications and make every decision."
)

SCORING_LOGIC = (
    "The job is split into requirements, each marked must-have or nice-to-have. For each one, "
    "a language model running locally (a small BERT-family encoder) looks for the passage of "
    "your anonymized application that supports it best, and exact skill words are matched too. "
    "A requirement counts as met, partly met or missing from how close that passage is. The "
    "score combines how many requirements are covered (must-haves count more), how well the "
    "whole application fits the job, and the exact matches; it is relative to the other "
    "applications for the same job. If the organisation taught the tool from its reviewers' "
    "past decisions, that learned adjustment is part of the score and its version is named. "
    "Name, sex, age, origin, photo and contact details are removed before any of this."
)

SIGNIFICANCE = (
    "The score decides the order in which reviewers see applications; it can make an "
    "application be read sooner or later. It never decides on its own: every shortlist, hold or "
    "rejection is recorded by a named person, with a reason."
)

STATUS_WORDS = {"met": "found", "partly": "partly found", "missing": "not found"}


def review_text(contact: str) -> str:
    where = contact.strip() or "the organisation you applied to (reply to its last message)"
    return (
        f"You may ask for a person to review the decision again, to give your point of view and "
        f"to contest it (GDPR Art. 22(3), PIPL Art. 24, EU AI Act Art. 86). Write to {where}, "
        f"naming the job and your candidate number; the review is done by a person, not the tool."
    )


@dataclass(frozen=True)
class Explanation:
    candidate_id: int
    job: Job
    score: Score | None
    decision: Decision | None
    contact: str = ""
    organisation: str = ""

    def requirement_lines(self) -> list[tuple[str, str, str, str]]:
        """(requirement, must or nice, status in words, evidence or '') per requirement."""
        if self.score is None:
            return [
                (r.text, "must-have" if r.must else "nice-to-have", "not scored", "")
                for r in self.job.requirements
            ]
        return [
            (
                rs.requirement.text,
                "must-have" if rs.requirement.must else "nice-to-have",
                STATUS_WORDS.get(rs.status, rs.status),
                " ".join(rs.evidence.text.split()) if rs.evidence is not None else "",
            )
            for rs in self.score.requirements
        ]

    def decision_text(self) -> str:
        if self.decision is None:
            return "No decision has been recorded yet."
        text = f"A reviewer recorded: {self.decision.kind.value} ({self.decision.created_at[:10]})."
        return f"{text} Reason given: {self.decision.reason}" if self.decision.reason else text

    def score_text(self) -> str:
        if self.score is None:
            return "The tool has not scored this application for this job."
        return (
            f"Advisory score {self.score.score:.0f} of 100 (model version "
            f"{self.score.model_version or 'unknown'}); "
            f"{self.score.must_met} of {self.score.must_total} must-have requirements found."
        )


def render_text(ex: Explanation) -> str:
    org = f" at {ex.organisation}" if ex.organisation else ""
    lines = [
        f"Explanation for candidate {ex.candidate_id}: job {ex.job.id}, {ex.job.title}{org}",
        "",
        "The tool's role",
        TOOL_ROLE,
        "",
        "How the score is made",
        SCORING_LOGIC,
        "",
        "Requirements and the evidence found",
    ]
    for text, kind, status, evidence in ex.requirement_lines():
        lines.append(f"- {text} ({kind}): {status}")
        if evidence:
            lines.append(f'    evidence: "{evidence}"')
    lines += ["", ex.score_text(), "", "The decision", ex.decision_text(), SIGNIFICANCE, ""]
    lines += ["How to ask for a human review", review_text(ex.contact), ""]
    return "\n".join(lines)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def render_html(ex: Explanation) -> str:
    rows = "".join(
        f"<tr><td>{_e(text)}</td><td>{_e(kind)}</td><td>{_e(status)}</td>"
        f"<td>{_e(evidence)}</td></tr>"
        for text, kind, status, evidence in ex.requirement_lines()
    )
    org = f" at {_e(ex.organisation)}" if ex.organisation else ""
    body = (
        f"<h1>Explanation for candidate {ex.candidate_id}</h1>"
        f"<p>Job {ex.job.id}: {_e(ex.job.title)}{org}</p>"
        f"<h2>The tool's role</h2><p>{_e(TOOL_ROLE)}</p>"
        f"<h2>How the score is made</h2><p>{_e(SCORING_LOGIC)}</p>"
        "<h2>Requirements and the evidence found</h2><table><tr><th>Requirement</th>"
        f"<th>Kind</th><th>Status</th><th>Evidence</th></tr>{rows}</table>"
        f"<p>{_e(ex.score_text())}</p>"
        f"<h2>The decision</h2><p>{_e(ex.decision_text())}</p><p>{_e(SIGNIFICANCE)}</p>"
        f"<h2>How to ask for a human review</h2><p>{_e(review_text(ex.contact))}</p>"
    )
    return page(f"Explanation for candidate {ex.candidate_id}", body)


_STYLE = (
    "body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;"
    "vertical-align:top;text-align:left}pre{white-space:pre-wrap;word-break:break-word}"
)


def page(title: str, body: str) -> str:
    """A standalone HTML page that runs nothing and loads nothing (``body`` already escaped)."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>{body}</body></html>\n"
    )
