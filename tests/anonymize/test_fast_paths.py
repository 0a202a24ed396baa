"""The cheaper code paths give exactly what the plain ones they replaced gave."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from anonymize.allowlist import Allowlist, overlaps
from anonymize.recognizers.base import HAN, Rule, folded, may_match
from anonymize.recognizers.names import _propagate
from anonymize.types import PERSON

_NAMES = ["Anna", "ANNA", "anna", "Lee", "LEE", "Mary-Jane", "O'Brien", "Okafor", "okafor", "Zoë"]
_OTHER = ["张伟", "负责", "後", "䷀", ".", "@", "/", "-", "'", "’", "x", "7", ".com", "_", "ſ", "K"]
_PIECES = [*_NAMES, *_OTHER, "İ", " ", "\u3000", "  ", "\n", "van ", "de "]


def _reference(text: str, words: set[str]) -> list[tuple[str, int, int, float]]:
    """_propagate as first written: one pattern with the Han block in its letter class."""
    from anonymize.recognizers.names import _PARTICLES_BEFORE

    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    letter = r"[^\W\u3400-\u9fff]"
    pattern = rf"(?<!{letter})(?<![@./])(?:{alternation})(?!{letter}|@|\.[A-Za-z])"
    hits = []
    for match in re.finditer(pattern, text, re.IGNORECASE):
        if match.group()[:1].isupper():
            start = match.start()
            particles = _PARTICLES_BEFORE.search(text, max(0, start - 30), start)
            if particles is not None:
                start = particles.start()
            hits.append((PERSON, start, match.end(), 0.8))
    return hits


def test_propagate_matches_the_reference_pattern_on_mixed_script_text() -> None:
    rng = random.Random(3)
    vocab = ["anna", "lee", "mary-jane", "o'brien", "okafor", "zoë", "mary", "jane", "张伟"]
    checked = 0
    for _ in range(300):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        words = set(rng.sample(vocab, rng.randint(1, 4)))
        expected = _reference(text, words)
        assert list(_propagate(text, words)) == expected, (text, words)
        checked += bool(expected)
    assert checked > 50  # the random texts do contain names to find


def _gated_rules() -> list[Rule]:
    from anonymize.recognizers.addresses import ResumeAddressRecognizer
    from anonymize.recognizers.organizations import ResumeOrganizationRecognizer
    from anonymize.recognizers.profile import ResumeProfileRecognizer

    tables = (ResumeProfileRecognizer, ResumeAddressRecognizer, ResumeOrganizationRecognizer)
    return [r for table in tables for r in table.RULES if r.needs or r.han or r.gate]


def test_lower_mirrors_ignorecase_for_the_strings_rules_need() -> None:
    """Outside the few characters ``folded`` refuses, a character matches a needed character
    under IGNORECASE exactly when its lower() is that character (and lower() keeps offsets)."""
    everything = "".join(map(chr, range(0x110000)))
    unfoldable = {c for c in everything if folded(c) is None}
    assert folded("ſtraße") is None
    lowered = [c.lower() for c in everything]
    assert all(
        len(low) == 1 for c, low in zip(everything, lowered, strict=True) if c not in unfoldable
    )
    needed = {
        ch
        for r in _gated_rules()
        if r.regex.flags & re.IGNORECASE
        for need in r.needs
        for ch in need
    }
    assert "a" in needed
    assert "性" in needed
    by_lower: dict[str, set[int]] = {ch: set() for ch in needed}
    for i, low in enumerate(lowered):
        if low in by_lower and everything[i] not in unfoldable:
            by_lower[low].add(i)
    any_needed = re.compile("[" + re.escape("".join(sorted(needed))) + "]", re.IGNORECASE)
    candidates = [m.start() for m in any_needed.finditer(everything)]
    for ch in sorted(needed):
        assert ch == ch.lower()
        single = re.compile(re.escape(ch), re.IGNORECASE)
        by_regex = {i for i in candidates if single.fullmatch(everything[i])}
        assert {i for i in by_regex if everything[i] not in unfoldable} == by_lower[ch], ch


def test_a_gated_rule_never_matches_text_its_gate_refuses() -> None:
    from anonymize.evaluation import load_jsonl, load_marked, load_presidio_synth

    data = Path(__file__).resolve().parents[1] / "data" / "redaction"
    texts = [d.text for d in load_jsonl(data / "en.jsonl") + load_jsonl(data / "zh.jsonl")]
    texts += [d.text for d in load_marked(data / "tricky_en.txt", "en")]
    texts += [d.text for d in load_marked(data / "tricky_zh.txt", "zh")]
    texts += [d.text for d in load_presidio_synth(data / "presidio_synth_dataset_v2.json", 400)]
    texts += [
        "Hauptstraße 12, 10115 Berlin\nVillacher Strasse 89\tPassauer Str. 33 | Kerkstraat 5",
        "HAUPTSTRASSE  7\nAddress: Storgatan 3 / Vej 4 / Monitoring 24/7 / Ring 5\n",
        "my address is 4 Elm Road; he lives at 12 Oak St; the corner of Elm and Oak",
        "Religion: Sikh | Church choir | Parish council | Nationality: French | Age: 34",
    ]
    rules = _gated_rules()
    assert len(rules) >= 30
    matched = skipped = 0
    for text in texts:
        lower, han = folded(text), HAN.search(text) is not None
        for entry in rules:
            found = entry.regex.search(text) is not None
            allowed = may_match(entry, text, lower, han)
            assert allowed or not found, (entry.regex.pattern, text[:80])
            matched += found
            skipped += not allowed
    assert matched > 100
    assert skipped > 1000


def test_overlaps_agrees_with_a_linear_scan_of_the_protected_spans() -> None:
    allowlist = Allowlist()
    rng = random.Random(5)
    words = ["Python", "Kafka", "machine learning", "Anna", "SQL.", "...", "(AWS)", "x", "\n"]
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        protected = allowlist.protected(text)
        for _ in range(20):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text) + 1)
            linear = any(s < b and a < e for s, e in protected)
            assert overlaps(protected, a, b) == linear


def test_ner_view_skips_lines_whose_capitals_all_belong_to_allow_listed_phrases() -> None:
    from anonymize.ner_view import make_view

    allowlist = Allowlist()
    assert "Boot" not in allowlist  # only the phrase is allow-listed
    text = "- Built services in Spring Boot\n- Spring Boot talk with Anna Okafor\n- Ran Boot camp"
    view = make_view(text, allowlist)
    assert view.text == "- Spring Boot talk with Anna Okafor\n- Ran Boot camp"
    assert view.to_original(view.text.index("Anna")) == text.index("Anna")


def test_protected_spans_are_remembered_for_a_bounded_number_of_texts() -> None:
    allowlist = Allowlist()
    texts = [f"Resume {i}: Python and Spring Boot" for i in range(600)]
    first = [allowlist.protected(t) for t in texts]
    assert len(allowlist._recent) <= 256
    assert [allowlist.protected(t) for t in texts] == first
    python, spring = texts[0].index("Python"), texts[0].index("Spring")
    assert first[0] == ((python, python + 6), (spring, spring + len("Spring Boot")))


def _first_chars(pattern: str, flags: int) -> set[str]:
    """Characters a match of ``pattern`` can start with (ranges and classes sampled)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    def of_item(op: object, av: object) -> tuple[set[str], bool]:
        """(first characters, True if the item can match the empty string)"""
        if op is c.LITERAL:
            return {chr(av)}, False  # type: ignore[arg-type]
        if op is c.IN:
            chars: set[str] = set()
            for kind, value in av:  # type: ignore[attr-defined]
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE:
                    chars.update(chr(x) for x in range(value[0], value[1] + 1))
                elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                    chars.update("059٣")
                else:
                    raise AssertionError(f"unexpected class item {kind} {value}")
            return chars, False
        if op is c.BRANCH:
            chars, empty = set(), False
            for branch in av[1]:  # type: ignore[index]
                more, may_be_empty = of_seq(branch)
                chars |= more
                empty = empty or may_be_empty
            return chars, empty
        if op is c.SUBPATTERN:
            return of_seq(av[-1])  # type: ignore[index]
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            chars, empty = of_seq(av[2])  # type: ignore[index]
            return chars, empty or av[0] == 0  # type: ignore[index]
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True
        if op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            return set("059٣"), False
        raise AssertionError(f"unexpected op {op}")

    def of_seq(seq: object) -> tuple[set[str], bool]:
        chars: set[str] = set()
        for op, av in seq:  # type: ignore[attr-defined]
            more, empty = of_item(op, av)
            chars |= more
            if not empty:
                return chars, False
        return chars, True

    return of_seq(_parser.parse(pattern, flags))[0]


def test_first_character_lookaheads_admit_every_first_character_of_their_patterns() -> None:
    from anonymize.recognizers.addresses import ResumeAddressRecognizer
    from anonymize.recognizers.contact import ResumeContactRecognizer
    from anonymize.recognizers.ids import ResumeIdRecognizer
    from anonymize.recognizers.name_context import _INTRO
    from anonymize.recognizers.names import _PROFILE_PATH
    from anonymize.recognizers.profile import ResumeProfileRecognizer

    tables = (
        ResumeAddressRecognizer,
        ResumeContactRecognizer,
        ResumeIdRecognizer,
        ResumeProfileRecognizer,
    )
    checked = [(r.regex, r.first) for t in tables for r in t.RULES if r.first]
    checked += [
        (regex, regex.pattern[3 : regex.pattern.index("]") + 1])
        for regex in (_INTRO, _PROFILE_PATH)
    ]
    assert len(checked) >= 9
    for regex, first in checked:
        prefix = f"(?={first})"
        assert regex.pattern.startswith(prefix)
        starts = _first_chars(regex.pattern[len(prefix) :], regex.flags)
        assert len(starts) >= 5
        lookahead = re.compile(first, regex.flags)
        missing = sorted(ch for ch in starts if not lookahead.fullmatch(ch))
        assert not missing, (first, missing)


def test_email_local_part_lookbehind_changes_no_match() -> None:
    from anonymize.recognizers.names import _EMAIL_LOCAL

    lookbehind = "(?<![A-Za-z0-9._%+\\-])"
    assert _EMAIL_LOCAL.pattern.startswith(lookbehind)
    plain = re.compile(_EMAIL_LOCAL.pattern[len(lookbehind) :], _EMAIL_LOCAL.flags)
    pieces = [
        "anna",
        "Lee",
        ".",
        "_",
        "%",
        "+",
        "-",
        "@",
        " @",
        "[at]",
        "(AT)",
        " ",
        "\n",
        "K",
        "ſ",
    ]
    rng = random.Random(1)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        expected = [(m.span(), m.span(1)) for m in plain.finditer(text)]
        assert [(m.span(), m.span(1)) for m in _EMAIL_LOCAL.finditer(text)] == expected, text
        found += bool(expected)
    assert found > 1000


def _street_as_first_written(line: str) -> int:
    from anonymize.recognizers import address_blocks as ab

    if "@" in line or ab._DIGIT.search(line) is None or ab._UNIT.match(line.strip()):
        return -1
    stripped = line.strip()
    short = len(stripped) <= ab._MAX_LINE and not ab._YEAR_LEAD.match(stripped)
    if short and (ab._STREET_NUMBER_FIRST.match(stripped) or ab._STREET_NAME_FIRST.match(stripped)):
        return len(line) - len(line.lstrip())
    for pattern in (ab._STREET_AT_END, *ab._STREET_TAILS):
        tail = pattern.search(line)
        if tail:
            return tail.start(1)
    return -1


def test_street_line_gates_change_no_street_found() -> None:
    from anonymize.evaluation import load_jsonl, load_marked, load_presidio_synth
    from anonymize.recognizers.address_blocks import _street

    data = Path(__file__).resolve().parents[1] / "data" / "redaction"
    texts = [d.text for d in load_jsonl(data / "en.jsonl")]
    texts += [d.text for d in load_marked(data / "tricky_en.txt", "en")]
    texts += [d.text for d in load_presidio_synth(data / "presidio_synth_dataset_v2.json", 600)]
    ends = ["12", "12a", "12A.", "7.", "5..", "Box 7", "PSC 1234, Box 5678", "UNIT 4 Leeds", "Ave"]
    ends += ["Diakou Street", "41 Popović Dam", "٣", "12 Main St\r", "Main 5 Óbuda Ker", "x 3 éa"]
    heads = ["send it to 1987 74 ", "at ", "Lives at 12 ", "", "Fuglie ", "2019 - 2021 ", "\t"]
    texts += [f"{head}{end}{tail}" for head in heads for end in ends for tail in ("", " ", "\t ")]
    lines = [line for text in texts for line in text.split("\n")]
    found = 0
    for line in lines:
        expected = _street_as_first_written(line)
        assert _street(line) == expected, line
        found += expected >= 0
    assert found > 200


def test_lone_plain_word_shortcut_changes_no_gazetteer_name(monkeypatch: Any) -> None:
    from anonymize.evaluation import load_jsonl, load_marked
    from anonymize.recognizers import name_context

    data = Path(__file__).resolve().parents[1] / "data" / "redaction"
    texts = [d.text for d in load_jsonl(data / "en.jsonl")]
    texts += [d.text for d in load_marked(data / "tricky_en.txt", "en")]
    texts += ["Python said so. Maria lives here; Built it\nMr Grant\nMs. Kafka worked at Lee"]
    allowlist = Allowlist()
    fast = [list(name_context.gazetteer_names(t, None, allowlist)) for t in texts]
    monkeypatch.setattr(name_context, "_lone_plain_word", lambda *_args: False)
    assert [list(name_context.gazetteer_names(t, None, allowlist)) for t in texts] == fast
    assert sum(map(len, fast)) > 50


def test_latin_letter_count_matches_the_regex_count() -> None:
    from anonymize.language import latin_letters

    rng = random.Random(9)
    alphabet = "aZz@ é张\ud800\U0001f600ſKİ\n9_"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert latin_letters(text) == len(re.findall(r"[A-Za-z]", text)), text
