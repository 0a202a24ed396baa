"""Exact and near-exact term matching: skills, tools, degrees, years of experience.

Words are lower-cased, lightly stemmed ("pipelines" = "pipeline", "managed" = "managing") and
mapped through a small alias table ("k8s" = "kubernetes", "ML" = "machine learning"). Each term of
a requirement carries a weight for how specific it is: common words weigh little, rare words
(tool and skill names) much. The weight comes from the word's rank in the encoder's WordPiece
vocabulary, which is ordered by corpus frequency, so it is fixed and independent of the resumes
being ranked (scores stay comparable across jobs and pools). Chinese runs are cut with jieba.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from core.scoring import vocabulary
from core.scoring.chunking import has_cjk

# what callers read from here (``lex.years_required``), at home in ``years``
from core.scoring.years import experience_spans as experience_spans
from core.scoring.years import years_required as years_required

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*(?:[.\-/'’&][A-Za-z0-9+#]+)*\+*")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    """a about above across after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either
    etc e.g eg i.e ie few for from further had has have having he her here hers him his how i if
    in into is it its itself just me more most my no nor not of off on once only or other our out
    over own same she should so some such than that the their them then there these they this
    those through to too under until up very was we were what when where which while who whom
    why will with within without would you your yours us per via well like using use used
    including include includes e.t.c
    experience experienced years year yrs yr strong solid proven excellent good great deep
    demonstrated demonstrable ability able knowledge understanding familiarity familiar
    proficiency proficient skill skills skilled working hands-on background track record plus
    preferred nice must required requirement requirements least minimum related relevant similar
    equivalent field degree candidate candidates role ideal ideally desirable advantage bonus
    basic advanced expert expertise excellent solid practical professional comfortable
    capable capability effective effectively good-to-have want looking seeking need needs
    opportunity responsible responsibilities job position ideally etc. least one two three four
    five six seven eight nine ten several various multiple other others new key strongly"""
)
_CHINESE_STOPWORDS = _words(
    """的 了 和 与 及 或 等 以上 以及 具有 具备 熟悉 熟练 掌握 了解 精通 能力 良好 较强 经验 工作
    相关 优先 要求 能够 有 者 并 在 对 中 年 及以上 负责 岗位 职位 我们 你 您 一定 至少 以上学历
    学历 专业 或者 可以 能 会 善于 较好 优秀 强 者优先 方面 一种 一个 进行 使用 应用 基础 以及
    熟练掌握 具备较强 扎实 丰富"""
)

#: near-exact spellings of the same skill or tool: surface form -> canonical term
ALIASES: dict[str, str] = {
    "k8s": "kubernetes",
    "postgres": "postgresql",
    "psql": "postgresql",
    "js": "javascript",
    "ecmascript": "javascript",
    "ts": "typescript",
    "nodejs": "node.js",
    "node": "node.js",
    "reactjs": "react",
    "react.js": "react",
    "vuejs": "vue",
    "vue.js": "vue",
    "angularjs": "angular",
    "golang": "go",
    "cpp": "c++",
    "csharp": "c#",
    "ml": "machine_learning",
    "dl": "deep_learning",
    "nlp": "natural_language_processing",
    "aws": "amazon_web_services",
    "gcp": "google_cloud",
    "cicd": "ci/cd",
    "sklearn": "scikit-learn",
    "scikit": "scikit-learn",
    "tf": "tensorflow",
    "powerbi": "power_bi",
    "excel": "excel",
    "mssql": "sql_server",
    "rn": "registered_nurse",
    "cpa": "certified_public_accountant",
    "ux": "user_experience",
    "ui": "user_interface",
    "seo": "search_engine_optimization",
    "hr": "human_resources",
    "qa": "quality_assurance",
    "pm": "project_management",
    "pmp": "project_management_professional",
}
_CANONICAL = frozenset(ALIASES.values())
#: multi-word phrases recognised as one term
PHRASES: dict[tuple[str, ...], str] = {
    ("machine", "learn"): "machine_learning",
    ("deep", "learn"): "deep_learning",
    ("natural", "language", "process"): "natural_language_processing",
    ("amazon", "web", "service"): "amazon_web_services",
    ("google", "cloud"): "google_cloud",
    ("google", "cloud", "platform"): "google_cloud",
    ("ci", "cd"): "ci/cd",
    ("power", "bi"): "power_bi",
    ("sql", "server"): "sql_server",
    ("registered", "nurse"): "registered_nurse",
    ("certified", "public", "accountant"): "certified_public_accountant",
    ("user", "experience"): "user_experience",
    ("user", "interface"): "user_interface",
    ("search", "engine", "optimization"): "search_engine_optimization",
    ("search", "engine", "optimisation"): "search_engine_optimization",
    ("human", "resource"): "human_resources",
    ("quality", "assurance"): "quality_assurance",
    ("project", "management"): "project_management",
    ("computer", "science"): "computer_science",
    ("data", "science"): "data_science",
    ("version", "control"): "version_control",
    ("unit", "test"): "unit_testing",
    ("unit", "testing"): "unit_testing",
}
_MAX_PHRASE = max(len(p) for p in PHRASES)
#: a resume naming the key shows it has the value too ("MySQL" is SQL); never the other way
IMPLIES: dict[str, tuple[str, ...]] = {
    "mysql": ("sql",),
    "postgresql": ("sql",),
    "sqlite": ("sql",),
    "sql_server": ("sql",),
    "t-sql": ("sql",),
    "pl/sql": ("sql",),
    "oracle": ("sql",),
    "typescript": ("javascript",),
    "react": ("javascript",),
    "vue": ("javascript",),
    "angular": ("javascript",),
    "node.js": ("javascript",),
    "kubernetes": ("container",),
    "docker": ("container",),
    "pytorch": ("deep_learning",),
    "tensorflow": ("deep_learning",),
    "keras": ("deep_learning",),
    "scikit-learn": ("machine_learning",),
    "amazon_web_services": ("cloud",),
    "azure": ("cloud",),
    "google_cloud": ("cloud",),
    "phd": ("doctorate",),
}

# degrees: surface form -> level (1 associate, 2 bachelor, 3 master, 4 doctorate)
DEGREES: dict[str, int] = {
    "associate": 1, "associates": 1, "associate's": 1, "hnd": 1, "大专": 1, "专科": 1,
    "bachelor": 2, "bachelors": 2, "bachelor's": 2, "bsc": 2, "b.sc": 2, "b.s": 2, "b.a": 2,
    "beng": 2, "b.eng": 2, "btech": 2, "b.tech": 2, "undergraduate": 2, "本科": 2, "学士": 2,
    "master": 3, "masters": 3, "master's": 3, "msc": 3, "m.sc": 3, "m.s": 3, "m.a": 3,
    "meng": 3, "m.eng": 3, "mba": 3, "mphil": 3, "硕士": 3, "研究生": 3,
    "phd": 4, "ph.d": 4, "doctorate": 4, "doctoral": 4, "dphil": 4, "博士": 4,
}  # fmt: skip
_SHORT_DEGREES = {"bs": 2, "ba": 2, "ms": 3, "ma": 3}  # only when written in capitals
DEGREE_NAMES = {1: "associate degree", 2: "bachelor's degree", 3: "master's degree", 4: "PhD"}
_DEGREE_CONTEXT_STOP = _words(
    "office excel word teams sql access project dynamics azure visio outlook powerpoint"
)


@dataclass(frozen=True)
class Token:
    term: str
    start: int
    end: int
    surface: str = ""  # the lower-cased word as written (weights come from it)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: plural and verb endings only (both sides are stemmed alike)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl, min_stem in (
        ("ies", "y", 3),
        ("sses", "ss", 2),
        ("ing", "", 4),
        ("ed", "", 4),
        ("es", "", 4),
        ("s", "", 3),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= min_stem:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix == "es" and not word.endswith(("shes", "ches", "xes", "sses", "zes")):
                continue
            return word[: len(word) - len(suffix)] + repl
    return word


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """The canonical form of one word (lower case, alias, stem)."""
    lower = word.lower().replace("’", "'").strip("'")
    if lower in ALIASES:
        return ALIASES[lower]
    if lower in _CANONICAL:
        return lower
    if lower.endswith("'s"):
        lower = lower[:-2]
    return ALIASES.get(lower) or stem(lower)


def _english_tokens(text: str, offset: int = 0) -> list[Token]:
    out: list[Token] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        start = offset + match.start()
        lower = word.lower()
        out.append(Token(normalise(word), start, start + len(word), lower))
        if lower in ALIASES or lower in DEGREES or ("/" not in word and "-" not in word):
            continue
        # compound like "client-server" or "ci/cd": the whole plus its parts
        pos = 0
        for part in re.split(r"[-/]", word):
            if part:
                at = word.index(part, pos)
                pos = at + len(part)
                out.append(Token(normalise(part), start + at, start + at + len(part), part.lower()))
    return out


@cache
def _jieba() -> object:
    import jieba

    jieba.setLogLevel(60)
    return jieba


@cache
def _chinese_idf() -> dict[str, float]:
    """jieba's own IDF table (shipped in the package): how specific a Chinese word is."""
    path = Path(str(_jieba().__file__)).parent / "analyse" / "idf.txt"  # type: ignore[attr-defined]
    table: dict[str, float] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            word, _, value = line.rstrip("\n").partition(" ")
            if value:
                table[word] = float(value)
    return table


def _chinese_tokens(text: str, search: bool) -> list[Token]:
    jieba = _jieba()
    out: list[Token] = []
    mode = "search" if search else "default"
    for run in _CJK_RUN.finditer(text):
        for word, start, end in jieba.tokenize(run.group(0), mode=mode):  # type: ignore[attr-defined]
            out.append(Token(word, run.start() + start, run.start() + end, word))
    return out


def compound_parts(word: str) -> tuple[str, ...]:
    """The words a long Chinese word is made of, if jieba splits it into pieces that tile it."""
    if len(word) < 4 or not has_cjk(word):
        return ()
    parts = [p for p in _jieba().cut_for_search(word) if p != word]  # type: ignore[attr-defined]
    return tuple(parts) if "".join(parts) == word and len(parts) > 1 else ()


def tokens(text: str, *, search: bool = True) -> list[Token]:
    """Terms of ``text`` with offsets: English words, known phrases, and jieba words for Chinese
    (``search``: also the shorter words inside long ones, as for a resume to be searched)."""
    out = _english_tokens(text)
    words = [t.term for t in out]
    for n in range(_MAX_PHRASE, 1, -1):
        for i in range(len(words) - n + 1):
            phrase = PHRASES.get(tuple(words[i : i + n]))
            if phrase:
                out.append(Token(phrase, out[i].start, out[i + n - 1].end, phrase))
    if has_cjk(text):
        out.extend(_chinese_tokens(text, search))
        out.sort(key=lambda t: t.start)
    return out


_NUMERIC = re.compile(r"^[\d.+%,]+$")


def with_implied(items: list[Token]) -> list[Token]:
    """``items`` plus the terms they imply (resume side only), at the same offsets."""
    extra = [
        Token(implied, t.start, t.end, t.surface)
        for t in items
        for implied in IMPLIES.get(t.term, ())
    ]
    return items + extra if extra else items


def strip_degrees(text: str) -> str:
    """``text`` without degree names and the word "degree" (what is left names the field)."""
    spans = [(s, e) for _, s, e in degree_levels(text)]
    for m in re.finditer(
        r"\b(?:degree|diploma|or\s+equivalent|or\s+higher|or\s+above)\b", text, re.I
    ):
        spans.append((m.start(), m.end()))
    out = text
    for s, e in sorted(spans, reverse=True):
        out = out[:s] + out[e:]
    return re.sub(r"\s+", " ", out).strip()


def is_stopword(term: str, surface: str = "") -> bool:
    return (
        term in STOPWORDS
        or surface in STOPWORDS
        or term in _CHINESE_STOPWORDS
        or _NUMERIC.match(term) is not None
    )


_UNKNOWN_CHINESE_IDF = 11.0  # words missing from jieba's table are rare ones


def term_weight(term: str, surface: str = "") -> float:
    """How much finding ``term`` tells: about 0.3 for common words up to 3.5 for rare ones."""
    if has_cjk(term):
        idf = _chinese_idf().get(term, _UNKNOWN_CHINESE_IDF)
        return float(min(3.5, max(0.3, (idf - 4.0) / 2.5)))
    ranks = [vocabulary.word_rank(w) for w in {term, surface or term}]
    known = [r for r in ranks if r is not None]
    rank = min(known) if known else None
    if rank is None:
        return 3.5
    return max(0.3, math.log10(rank + 10.0) - 1.0)


# -- degrees (years of experience: ``years``) ---------------------------------------------------


def degree_levels(text: str) -> list[tuple[int, int, int]]:
    """Degrees mentioned in ``text``: (level, start, end)."""
    found: list[tuple[int, int, int]] = []
    words = list(_WORD.finditer(text))
    for i, match in enumerate(words):
        word = match.group(0)
        lower = word.lower().rstrip(".")
        level = DEGREES.get(lower)
        if level is None and lower in _SHORT_DEGREES and word.isupper():
            after = words[i + 1].group(0).lower() if i + 1 < len(words) else ""
            if after not in _DEGREE_CONTEXT_STOP:
                level = _SHORT_DEGREES[lower]
        if level is not None:
            found.append((level, match.start(), match.end()))
    if has_cjk(text):
        for word, level in DEGREES.items():
            if has_cjk(word):
                found.extend((level, m.start(), m.end()) for m in re.finditer(word, text))
    return found


def content_terms(items: Iterable[Token]) -> dict[str, float]:
    """Distinct terms worth matching (weight by term), in order of first appearance.

    Words inside a recognised phrase ("machine learning") count only as the phrase.
    """
    items = list(items)
    phrase_spans = [(t.start, t.end) for t in items if "_" in t.term or t.term in _PHRASE_TERMS]
    out: dict[str, float] = {}
    for token in items:
        term = token.term
        if (
            term in out
            or is_stopword(term, token.surface)
            or term in DEGREES
            or term in _CHINESE_STOPWORDS
        ):
            continue
        if len(term) < 2 and not has_cjk(term) and term not in ("c", "r"):
            continue
        if term not in _PHRASE_TERMS and any(
            s <= token.start and token.end <= e and (s, e) != (token.start, token.end)
            for s, e in phrase_spans
        ):
            continue
        out[term] = term_weight(term, token.surface)
    return out


_PHRASE_TERMS = frozenset(PHRASES.values())
