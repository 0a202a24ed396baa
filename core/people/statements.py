"""Statements that do not claim a competency: negations, lacks, wishes, plans, development areas.

A review discusses what a person has not done as often as what they have ("has not mentored
anyone yet", "I want to learn Kubernetes next year", "还没有独立负责过项目"). A resume rarely does,
so the scorer takes any close sentence as evidence. Before an employee's document is scored,
such statements are blanked (replaced by spaces, so every offset stays the same): a competency
named only in a wish or a development area is not shown.

A statement is a sentence, or the part of one after "but" / "however" / "但": "Led the
migration, but has not mentored anyone" keeps its first half. The cues are generic wording of
absence, limitation, intention and the future, in English and Chinese; they are not fitted to any
labelled set.
"""

from __future__ import annotations

import re

_EN = (
    # negated experience
    r"\b(?:has|have|had|did|does|do|is|am|are|was|were|could|can)\s*(?:not|n't)\b(?!\s+only)",
    r"\b(?:hasn't|haven't|hadn't|didn't|doesn't|don't|isn't|aren't|wasn't|weren't|can't)\b",
    r"\bcannot\b|\bunable to\b|\bnot yet\b|\bnot applicable\b|\bnot (?:confident|comfortable)\b",
    r"\b(?:has|have|had)\s+never\b|\bnever (?:formally|really|actually)\b",
    r"\b(?:no|little|limited|minimal)\s+(?:real\s+|formal\s+|hands-on\s+|practical\s+|direct\s+)?"
    r"(?:experience|exposure|knowledge|background|involvement|understanding|training)\b",
    r"\black(?:s|ed|ing)?\b|\bnone\b|\bincomplete\b|\boverdue\b|\bexpired\b|\blapsed\b",
    r"\bnew to (?:me|him|her|them|us|the)\b|\bis new to\b",
    r"\bweak(?:ness|nesses| point| spot| area)?\b|\bstruggl\w*|\bavoids?\b|\brarely\b|\bseldom\b",
    r"\((?:basic|beginner|elementary|learning|in progress)\)|\bbasic (?:use|knowledge|skills?)\b",
    r"\bin progress\b|\bstudying (?:for|towards)\b",
    # wishes, plans, the future ("to" after the verb: "account plans" is a plan that exists)
    r"\b(?:want|wants|would like|'d like|hope|hopes|plan|plans|planning|aim|aims|intend|"
    r"intends|wish|wishes|need|needs|will need)\s+(?:\S+\s+){0,2}?to\b",
    r"\bshould (?:learn|improve|develop|work on|take|get|build|gain|try|practi[cs]e)\b",
    r"\binterested in\b|\bkeen to\b|\bnext (?:year|step|cycle|quarter|time)\b",
    r"\bin the (?:long run|future)\b|\(planned\)|\b(?:is|are|was) planned\b",
    r"\b(?:career|development|personal|learning) goals?\b|\bgoals? (?:is|are|for next)\b",
    r"\bwould benefit\b|\bthinking about\b|\bexpected (?:next|in|by)\b",
    r"\bbefore (?:applying|taking)\b",
    r"\b(?:area|areas|point)s? (?:to watch|for (?:development|improvement|growth))\b",
    r"\b(?:development|improvement) (?:area|areas|need|needs|plan|point)\b|^\s*development\s*:",
    r"\bif \S+ (?:wants|wishes|is to)\b",
)
_ZH = (
    # "没有出现差错" (no error happened) is a claim, "计划" after a noun is a plan that exists
    r"没(?!有?(?:出现|发生|遗漏|延误|差错|投诉|失误|问题|事故))|尚未|还未|从未|未曾|未能|"
    r"不熟悉|不太|不够|不足|缺乏|欠缺|较弱|薄弱|短板|过期|不会|还不|不擅长|很少|较少|有限|"
    r"希望|(?<![\u4e00-\u9fff]{2})计划(?:学习|明年|下|要|在|参加|考)|打算|想要|想学|想提高|明年|"
    r"下一步|今后|将来|需要(?:提高|加强|提升|学习|改进|更多)|"
    r"有待|待提高|待加强|正在学习|在读|了解一些|初步了解|基础薄弱|发展方向|改进方向|提升空间"
)
_CUE = re.compile("|".join((*_EN, _ZH)), re.IGNORECASE | re.MULTILINE)
# a sentence, or the clause after a contrast ("..., but ...", "；但...")
_STATEMENT = re.compile(
    r"[^.!?;。！？；\n]+?(?=[.!?;。！？；\n]|,?\s+(?:but|however|although|though)\b|[，,]?(?:但是|但|不过|然而)|$)"
    r"[.!?;。！？；]?",
    re.IGNORECASE,
)


def not_claims(text: str) -> list[tuple[int, int]]:
    """Spans of the statements in ``text`` that state an absence, a limit, a wish or a plan."""
    return [(m.start(), m.end()) for m in _STATEMENT.finditer(text) if _CUE.search(m.group(0))]


def blank_non_claims(text: str) -> str:
    """``text`` with those statements replaced by spaces (same length, same offsets)."""
    spans = not_claims(text)
    if not spans:
        return text
    out = list(text)
    for start, end in spans:
        for i in range(start, end):
            if out[i] != "\n":
                out[i] = " "
    return "".join(out)
