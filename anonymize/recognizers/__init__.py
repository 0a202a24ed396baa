"""Resume recognizers, one small module per family."""

from __future__ import annotations

from typing import Any

from anonymize.allowlist import Allowlist


def all_recognizers(allowlist: Allowlist) -> list[Any]:
    """Every recognizer, once per analyzed language ("en" and "zh")."""
    from anonymize.recognizers.address_blocks import ResumeAddressBlockRecognizer
    from anonymize.recognizers.addresses import ResumeAddressRecognizer
    from anonymize.recognizers.chinese import ResumeChineseNameRecognizer
    from anonymize.recognizers.contact import ResumeContactRecognizer
    from anonymize.recognizers.gendered import ResumeGenderedWordRecognizer
    from anonymize.recognizers.ids import ResumeIdRecognizer
    from anonymize.recognizers.names import ResumeNameRecognizer
    from anonymize.recognizers.ner import ResumeNerRecognizer
    from anonymize.recognizers.organizations import ResumeOrganizationRecognizer
    from anonymize.recognizers.phones import ResumePhoneRecognizer
    from anonymize.recognizers.places import ResumeChinesePlaceRecognizer
    from anonymize.recognizers.profile import ResumeProfileRecognizer

    chinese = ResumeChineseNameRecognizer(allowlist, language="zh")
    recognizers: list[Any] = []
    for language in ("en", "zh"):
        recognizers += [
            ResumeContactRecognizer(language),
            ResumePhoneRecognizer(language),
            ResumeIdRecognizer(language),
            ResumeAddressRecognizer(language),
            ResumeAddressBlockRecognizer(language),
            ResumeProfileRecognizer(language),
            ResumeGenderedWordRecognizer(language),
            ResumeNameRecognizer(allowlist, language),
            ResumeNerRecognizer(allowlist, language),
            ResumeOrganizationRecognizer(language),
            ResumeChinesePlaceRecognizer(allowlist, language),
        ]
    recognizers.append(chinese)
    # Han-script names inside English resumes ("Wei Zhang 张伟") share the same jieba tagger.
    english_chinese = ResumeChineseNameRecognizer(allowlist, language="en")
    english_chinese._posseg = None
    recognizers.append(english_chinese)
    return recognizers
