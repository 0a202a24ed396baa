"""Gendered common nouns: kinship, "-man"/"-woman" titles, female "-ess" forms, Chinese kin terms.

Pronouns, honorifics and "male"/"women"/"fraternity" are the profile recognizer's; these are the
words it kept, which told a reader (and the scorer) a person's sex all the same: "chairwoman of
the board", "returned to work after becoming a mother", "waitress", "她的丈夫", "宝妈". On 597
real resumes they were most of the redacted texts a sex swap changed. Each is replaced by a
numbered ``<GENDER_n>``, like a pronoun, so "chairman" and "chairwoman" read the same.

Left alone on purpose: words used for everyone ("actor", "host", "freshman", "master's
degree"), clinical terms ("maternal health", "maternity ward") and "steward" ("data steward").
"""

from __future__ import annotations

import re

from anonymize.recognizers.base import PatternTableRecognizer, rule
from anonymize.types import GENDER

# in lower case only: "Lehman Brothers", "Johnson & Sons", "Brother" printers and "Sisters of
# Mercy Hospital" are names; a sentence about the person's own family is written in lower case
# (and "Mother of two" at a line's start is the family-status rule's)
_KIN = (
    r"mothers?|fathers?|moms?|mums?|mommy|mummy|dads?|daddy|husbands?|wife|wives|sons?|"
    r"daughters?|brothers?|sisters?|aunts?|uncles?|nieces?|nephews?|"
    r"grand(?:mother|father|son|daughter|ma|pa)s?|step(?:mother|father|son|daughter)s?|"
    r"girlfriends?|boyfriends?|brides?|bridegrooms?|widows?|widowers?|fianc[ée]e?s?|"
    r"motherhood|fatherhood|boyhood|girlhood|manhood|womanhood"
)
# titles, in any case ("Chairwoman, Student Council"); not "postman" (Postman, the API tool) or
# "foreman" (Foreman, the server tool)
_MAN_WOMAN = (
    r"(?:chair|spokes|sales|business|congress|council|alder|anchor|camera|police|sports|states|"
    r"weather|news|service|committee|ombuds|assembly|crafts|yachts|horse)"
    r"(?:man|men|woman|women)"
)
# jobs named in a female (or a marked male) form; not nobility ("Duke University", "Princess
# Margaret Hospital" are institutions); "Mother's Day" (a campaign) is left too
_FEMININE = (
    r"actress(?:es)?|waitress(?:es)?|waiters?|hostess(?:es)?|stewardess(?:es)?|"
    r"headmistress(?:es)?|headmasters?|heiress(?:es)?|seamstress(?:es)?|governess(?:es)?|"
    r"manageress(?:es)?|authoress(?:es)?|poetess(?:es)?|sculptress(?:es)?|songstress(?:es)?|"
    r"priestess(?:es)?|housewi(?:fe|ves)|househusbands?|"
    r"big[ \t]+(?:brother|sister)s?"  # the mentoring programme: a volunteer's own sex
)
_ZH = (
    r"父亲|母亲|妈妈|爸爸|宝妈|宝爸|丈夫|妻子|老公|老婆|爱人|儿子|女儿|兄弟|姐妹|哥哥|姐姐|弟弟|"
    r"妹妹|女生|男生|女孩|男孩|妇女|女子|男子|女工|男工|家庭主妇|全职妈妈|媳妇|岳父|岳母|公公|婆婆"
)


class ResumeGenderedWordRecognizer(PatternTableRecognizer):
    ENTITIES = (GENDER,)
    RULES = (
        rule(GENDER, rf"\b(?:{_KIN})\b", 0.7, first="[abdfgmnsuw]"),
        rule(
            GENDER,
            rf"\b(?:{_MAN_WOMAN}|{_FEMININE})\b",
            0.7,
            re.IGNORECASE,
            first="[abcghmnopsuwy]",
        ),
        rule(GENDER, _ZH, 0.75, han=True),
    )
