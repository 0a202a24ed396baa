from __future__ import annotations

from core.scoring import terms
from core.scoring.glossary import _tables, translations


def test_translations_go_both_ways_on_normalised_terms() -> None:
    assert "管理" in translations(terms.normalise("managing"))
    assert "管理" in translations(terms.normalise("management"))
    assert "团队" in translations(terms.normalise("teams"))
    assert "team" in translations("团队")
    assert "customs" not in translations("报关")  # English side is normalised like resume words
    assert terms.normalise("customs") in translations("报关")
    assert translations("python") == frozenset()
    assert translations("") == frozenset()


def test_chinese_words_are_whole_words() -> None:
    # Chinese words are looked for in the text as written: one character alone ("云") would
    # match inside unrelated words (company names), so every entry has two or more
    _, to_en = _tables()
    assert len(to_en) > 150
    assert [w for w in to_en if len(w) < 2] == []


def test_english_forms_are_content_terms() -> None:
    # a glossary row whose English side a requirement never yields would be dead weight
    to_zh, _ = _tables()
    stop = [t for t in to_zh if terms.is_stopword(t)]
    assert stop == []
