"""Emails, URLs (profiles, personal sites) and handles (@name, "GitHub: name", WeChat/QQ ids)."""

from __future__ import annotations

import re

from anonymize.recognizers.base import PatternTableRecognizer, rule
from anonymize.types import EMAIL, HANDLE, URL

_TLDS = (
    "com|net|org|edu|gov|io|ai|dev|app|me|info|biz|co|cn|uk|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|"
    "pl|cz|pt|ie|ru|ua|in|jp|kr|sg|hk|tw|au|nz|ca|us|br|mx|ar|cl|za|ng|ke|eg|tr|il|ae|sa|pk|bd|"
    "vn|th|my|ph|id|xyz|tech|site|online|page|blog|cv|name|pro|cc|tv|ly|gl|so|to"
)
_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+'\-]*"
_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
_AT = r"(?:@|＠|\s?[\[(]\s?at\s?[\])]\s?)"
_DOT = r"(?:\.|\s?[\[(]\s?dot\s?[\])]\s?)"

EMAIL_RE = re.compile(
    rf"(?<![\w.+-]){_LOCAL}\s?{_AT}\s?(?:[A-Za-z0-9\-]+{_DOT})+[A-Za-z]{{2,24}}\b", re.IGNORECASE
)
URL_RE = re.compile(
    r"(?<![\w@/])(?:(?:https?://|www\.)[^\s<>\"'，。、）)]+"
    rf"|(?:[A-Za-z0-9\-]+\.)+(?:{_TLDS})(?:/[^\s<>\"'，。、）)]*)?(?![\w.@-]))",
    re.IGNORECASE,
)
_HANDLE_LABELS = (
    r"github|gitlab|bitbucket|twitter|x|linkedin|instagram|facebook|telegram|skype|wechat|weixin|"
    r"whatsapp|signal|discord|kaggle|leetcode|stack\s?overflow|medium|behance|dribbble|"
    r"微信|微信号|QQ|QQ号|微博|钉钉"
)


_NOT_SITES = re.compile(
    r"[\w\-.]+\.(?:js|ts|jsx|tsx|py|java|cpp|pdf|docx?|txt|md|png|jpe?g|csv|xlsx?|json|ya?ml)",
    re.IGNORECASE,
)


def _url_ok(value: str) -> bool:
    """Refuse file names and framework names that look like domains ("resume.pdf", "Vue.js")."""
    return "/" in value or not _NOT_SITES.fullmatch(value.rstrip("."))


class ResumeContactRecognizer(PatternTableRecognizer):
    ENTITIES = (EMAIL, URL, HANDLE)
    RULES = (
        rule(EMAIL, EMAIL_RE.pattern, 0.95, re.IGNORECASE),
        rule(URL, URL_RE.pattern, 0.85, re.IGNORECASE, validate=_url_ok),
        rule(
            HANDLE, r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{1,38}[A-Za-z0-9_])(?![\w@])", 0.7
        ),
        rule(
            HANDLE,
            rf"(?:(?<=^)|(?<=[\s|,;(（]))(?:{_HANDLE_LABELS})\s*(?:id|handle|user(?:name)?|号)?\s*[:：]\s*"
            r"(?P<v>@?[A-Za-z0-9_][A-Za-z0-9_.\-]{1,39})",
            0.8,
            re.IGNORECASE | re.MULTILINE,
            first="[bdfgiklmqstwx微钉]",
        ),
    )
