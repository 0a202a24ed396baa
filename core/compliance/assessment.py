"""The impact assessment draft (GDPR Art. 35, PIPL Art. 55-56), in English and Chinese.

``render(facts, lang)`` fills the Markdown template under ``templates/`` with the workspace's
real settings: data categories and volumes, the retention period and its source, the models and
their SHA-256 hashes, the impact and counterfactual audits, the security settings, and, when the
workspace holds employees, a section on them (``assessment_employees``). What only the controller
can say is left marked "[to complete]". Nothing personal goes into it: candidates and employees
are counted, never named, and job and role titles are the only free text. ``fill`` fills any
template of ``templates/`` (the employee notice uses it too).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from string import Template

from core.compliance.assessment_employees import EmployeeFacts, section_values
from core.errors import UserError

LANGUAGES = ("en", "zh")
#: How a template marks what only the controller can say.
TO_COMPLETE = {"en": "[to complete]", "zh": "【待填写】"}
#: The numbers of the last two sections, without and with the employee section.
_LAST = {"en": (("8", "9"), ("9", "10")), "zh": (("八", "九"), ("九", "十"))}


@dataclass(frozen=True)
class JobAudit:
    job_id: int
    title: str
    people: int
    unknown: int
    lowest_selection: tuple[str, float] | None  # (group, impact ratio)
    lowest_scoring: tuple[str, float] | None
    flagged: int  # ratios under 0.8


@dataclass(frozen=True)
class CounterfactualRun:
    job_id: int
    at: str
    candidates: int
    moved: int


@dataclass(frozen=True)
class ModelFact:
    name: str
    sha256: str
    detail: str = ""


@dataclass(frozen=True)
class Facts:
    generated: str
    workspace: str
    created: str
    schema: int
    candidates: int
    jobs: int
    scored: int
    decisions: int
    selfid: int
    selfid_categories: tuple[str, ...]
    retention_days: int | None
    retention_title: str
    retention_source: str
    models: tuple[ModelFact, ...]
    audits: tuple[JobAudit, ...]
    counterfactuals: tuple[CounterfactualRun, ...]
    security: Mapping[str, str] = field(default_factory=dict)
    audit_events: int = 0
    audit_chain_ok: bool = True
    employees: EmployeeFacts | None = None  # None or no role: no employee section


_TEXT = {
    "en": {
        "cats": [
            "Original resumes (file, extracted text, metadata): identity, contact details, "
            "education, work history; kept encrypted, shown only when a reviewer reveals them.",
            "Redacted resume text and the placeholder-to-original mapping.",
            "Scores with their evidence and model version; embeddings of the redacted text.",
            "Decisions (shortlist, hold, reject) with reasons and the reviewer's name.",
            "Audit log (views, reveals, decisions, models), hash-chained, pseudonymous.",
        ],
        "selfid": "Voluntary self-identification ({cats}) of {n} candidates: special-category "
        "data (GDPR Art. 9) / sensitive personal information (PIPL Art. 28), in its own table, "
        "read only by the fairness audit.",
        "no_selfid": "No self-identification has been imported.",
        "ret": "{days} days after the last activity on a candidate ({title}). Source: {source} "
        "Candidates past the period are purged automatically when the workspace is unlocked.",
        "no_ret": "**No retention period is set.** Set one (`veil retention set`) before use.",
        "model": "- {name}: SHA-256 `{sha}`{detail}",
        "audit": "- Job {id} ({title}): {people} people, {unknown} of unknown category; lowest "
        "selection impact ratio {sel}; lowest scoring impact ratio {sco}; {flagged} ratio(s) "
        "under 0.80.",
        "none": "none",
        "no_audit": "- No job has self-identified applicants yet: no audit could be computed.",
        "cf": "- Job {id}, {at}: {n} candidates, {moved} score(s) moved.",
        "no_cf": "- No counterfactual check has been run yet (`veil report counterfactual`).",
        "chain": "- Audit log: {n} events, hash chain {state}.",
        "intact": "intact",
        "broken": "BROKEN",
    },
    "zh": {
        "cats": [
            "简历原件（文件、提取的文本、元数据）：身份、联系方式、教育和工作经历；加密保存，仅在审阅者有意显示身份时可见。",
            "去标识化的简历文本及占位符与原文的对应关系。",
            "评分及其依据和模型版本；去标识化文本的向量。",
            "决定（入围、待定、拒绝）及理由和审阅者姓名。",
            "审计日志（查看、显示身份、决定、模型），哈希链保护，已假名化。",
        ],
        "selfid": "{n} 名候选人自愿填报的身份信息（{cats}）："
        "属于敏感个人信息（《个人信息保护法》第二十八条；GDPR 第 9 条），"
        "单独存表，仅供公平性审计读取。",
        "no_selfid": "尚未导入自愿填报的身份信息。",
        "ret": "候选人最后一次活动后 {days} 天（{title}）。依据：{source} "
        "工作区解锁时自动清除超期的候选人。",
        "no_ret": "**尚未设定保存期限。** 使用前请先设定（`veil retention set`）。",
        "model": "- {name}：SHA-256 `{sha}`{detail}",
        "audit": "- 岗位 {id}（{title}）：{people} 人，其中 {unknown} 人类别未知；"
        "最低选拔影响比 {sel}；最低评分影响比 {sco}；{flagged} 个比率低于 0.80。",
        "none": "无",
        "no_audit": "- 尚无岗位有填报身份信息的申请人，无法计算审计结果。",
        "cf": "- 岗位 {id}，{at}：{n} 名候选人，{moved} 个评分发生变化。",
        "no_cf": "- 尚未运行反事实检验（`veil report counterfactual`）。",
        "chain": "- 审计日志：{n} 条记录，哈希链{state}。",
        "intact": "完整",
        "broken": "已损坏",
    },
}


def _ratio(value: tuple[str, float] | None, none: str) -> str:
    return none if value is None else f"{value[1]:.2f} ({value[0]})"


def _sections(facts: Facts, t: Mapping[str, object]) -> dict[str, str]:
    def s(key: str) -> str:
        return str(t[key])

    cats = [f"- {c}" for c in t["cats"]]  # type: ignore[attr-defined]
    if facts.selfid:
        line = s("selfid").format(cats=", ".join(facts.selfid_categories), n=facts.selfid)
        cats.append(f"- {line}")
    else:
        cats.append(f"- {s('no_selfid')}")
    if facts.retention_days is None:
        retention = s("no_ret")
    else:
        retention = s("ret").format(
            days=facts.retention_days,
            title=facts.retention_title or "-",
            source=facts.retention_source or "-",
        )
    models = [
        s("model").format(name=m.name, sha=m.sha256, detail=f" ({m.detail})" if m.detail else "")
        for m in facts.models
    ]
    audits = [
        s("audit").format(
            id=a.job_id,
            title=a.title,
            people=a.people,
            unknown=a.unknown,
            sel=_ratio(a.lowest_selection, s("none")),
            sco=_ratio(a.lowest_scoring, s("none")),
            flagged=a.flagged,
        )
        for a in facts.audits
    ] or [s("no_audit")]
    cfs = [
        s("cf").format(id=c.job_id, at=c.at, n=c.candidates, moved=c.moved)
        for c in facts.counterfactuals
    ] or [s("no_cf")]
    security = [f"- {k}: {v}" for k, v in sorted(facts.security.items())]
    state = s("intact") if facts.audit_chain_ok else s("broken")
    security.append(s("chain").format(n=facts.audit_events, state=state))
    return {
        "data_categories": "\n".join(cats),
        "retention": retention,
        "models": "\n".join(models),
        "audits": "\n".join(audits),
        "counterfactuals": "\n".join(cfs),
        "security": "\n".join(security),
    }


def fill(name: str, lang: str, values: Mapping[str, object]) -> str:
    """The Markdown template ``templates/{name}_{lang}.md`` with ``values`` filled in."""
    if lang not in LANGUAGES:
        raise UserError(f"No template in the language {lang[:10]!r}.", hint="Use en or zh.")
    template = resources.files("core.compliance").joinpath(f"templates/{name}_{lang}.md")
    return Template(template.read_text(encoding="utf-8")).substitute(values)


def render(facts: Facts, lang: str = "en") -> str:
    """The assessment draft as Markdown, in ``lang`` ("en" or "zh"); with a section on employees
    when the workspace holds roles or people."""
    if lang not in LANGUAGES:
        raise UserError(f"No assessment template for {lang[:10]!r}.", hint="Use en or zh.")
    staff = facts.employees if facts.employees is not None and facts.employees.roles else None
    values: dict[str, object] = {
        "generated": facts.generated,
        "workspace": facts.workspace,
        "created": facts.created,
        "schema": facts.schema,
        "candidates": facts.candidates,
        "jobs": facts.jobs,
        "scored": facts.scored,
        "decisions": facts.decisions,
        "selfid": facts.selfid,
        "employees": "",
    }
    values["risks_no"], values["signoff_no"] = _LAST[lang][staff is not None]
    if staff is not None:
        section = fill("assessment_employees", lang, section_values(staff, lang))
        values["employees"] = section.rstrip("\n") + "\n\n"
    values.update(_sections(facts, _TEXT[lang]))
    return fill("assessment", lang, values)
