"""Resume recognizers, one small module per family."""

from __future__ import annotations

from typing import Any

from anonymize.allowlist import Allowlist


def all_recognizers(allowlist: Allowlist) -> list[Any]:
    """Every recognizer, once per analyzed language ("en" and "zh")."""
    from anonymize.recognizers.addresses import AddressRecognizer
    from anonymize.recognizers.chinese import ChineseNameRecognizer
    from anonymize.recognizers.contact import ContactRecognizer
    from anonymize.recognizers.ids import IdNumberRecognizer
    from anonymize.recognizers.names import PersonNameRecognizer
    from anonymize.recognizers.ner import NerRecognizer
    from anonymize.recognizers.phones import PhoneRecognizer
    from anonymize.recognizers.profile import ProfileRecognizer

    chinese = ChineseNameRecognizer(allowlist, language="zh")
    recognizers: list[Any] = []
    for language in ("en", "zh"):
        recognizers += [
            ContactRecognizer(language),
            PhoneRecognizer(language),
            IdNumberRecognizer(language),
            AddressRecognizer(language),
            ProfileRecognizer(language),
            PersonNameRecognizer(allowlist, language),
            NerRecognizer(allowlist, language),
        ]
    recognizers.append(chinese)
    # Han-script names inside English resumes ("Wei Zhang 张伟") share the same jieba tagger.
    english_chinese = ChineseNameRecognizer(allowlist, language="en")
    english_chinese._posseg = None
    recognizers.append(english_chinese)
    return recognizers
