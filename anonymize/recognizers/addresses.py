"""Street addresses and postcodes: labelled address fields, English-style street lines,
continental European and Latin American streets, postcodes (US, UK, CA, NL, EU), Chinese
addresses."""

from __future__ import annotations

import re
from collections.abc import Callable

from anonymize.recognizers.base import PatternTableRecognizer, rule
from anonymize.types import ADDRESS

_W = r"[^\W\d_][\w'’.\-]*"  # a word starting with a letter (any script)
_CAP = r"(?:[A-Z][\w'’.\-]*|\d+(?:st|nd|rd|th))"  # a capitalised word or an ordinal
_SUFFIX = (
    r"Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
    r"Terrace|Terr|Crescent|Cres|Close|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Trl|"
    r"Row|Walk|Gardens|Gdns|Grove|Mews|Park|Plaza|Alley|Broadway|Crossing|Path|Pike|Quay|Rise|"
    r"Vale|View|Wharf|Esplanade|Parade|Loop|Run|Hill"
)
_UNIT = r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|Bldg|Building|#)\.?\s*#?\s*[\w\-]+)"  # noqa: E501
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
    "NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_POSTCODE = (
    r"(?:\d{5}-\d{4}|\d{3}-\d{4}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{4,6}"
    r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|\d{4}[ \t]?[A-Z]{2})"
)
# ", Leeds LS6 2AB" / ", Sydney NSW 2000" / ", District 1, Ho Chi Minh City" / ", Moscow 125009"
_CITY_TAIL = (
    rf"(?:,[ \t]*{_CAP}(?:[ \t]+(?:{_CAP}|\d{{1,3}}(?![\d\-])))*"
    rf"(?:[ \t]+(?:[A-Z]{{2,3}}[ \t]+)?{_POSTCODE}\b)?){{0,3}}"
    rf"(?:,?[ \t]+{_POSTCODE}\b)?"
)
_HAN = r"\u4e00-\u9fff"
# street words glued to the name ("Hauptstraße 12") and standing apart ("Villacher Strasse 89")
_STREET_ENDINGS = (
    r"straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|straat|laan|gracht|plein|gatan|"
    r"vägen|gata|veien|vej|gade|katu|tie|utca|ulica"
)
_STREET_WORDS = (
    r"Straße|Strasse|Str\.|Gasse|Weg|Allee|Platz|Ring|Laan|Straat|Gata|Gatan|Vej|Gade|Utca|Ulica|"
    r"útja|út|u\."
)
_SPACES_DIGIT = re.compile(r"[ \t]+\d")


def _before_number(words: str, flags: int = 0) -> Callable[[str], bool]:
    """A gate: True if ``words`` ends right before spaces and a digit somewhere in the text (a
    street word then its house number); the rules using it need exactly that."""
    ending = re.compile(rf"(?:{words})\Z", flags)

    def gate(text: str) -> bool:
        return any(
            ending.search(text, max(0, m.start() - 12), m.start())
            for m in _SPACES_DIGIT.finditer(text)
        )

    return gate


class ResumeAddressRecognizer(PatternTableRecognizer):
    ENTITIES = (ADDRESS,)
    RULES = (
        # labelled fields: the rest of the line (or until a column separator)
        rule(
            ADDRESS,
            r"(?:(?<=^)|(?<=[\s|(]))(?:home\s+|mailing\s+|postal\s+|street\s+|current\s+|permanent\s+)?"
            r"(?:address|addr\.?|adresse|dirección|direccion|endereço|indirizzo|anschrift)\s*[:：]\s*"
            # a value with a number or a comma: "Address: Jo Lee" on a label line is a name
            r"(?P<v>(?=[^\n|;•·\t]*[\d,])[^\n|;•·\t]{4,120})",
            0.85,
            re.IGNORECASE | re.MULTILINE,
            first="[acdehimps]",
        ),
        rule(
            ADDRESS,
            r"(?:(?<=^)|(?<=[\s|(]))(?:家庭住址|通讯地址|现住址|住址|地址|现居住地|居住地|联系地址|户籍地址)\s*[:：]?\s*"
            r"(?P<v>[^\n|;；•·\t]{2,80})",
            0.85,
            re.MULTILINE,
            han=True,
        ),
        # 221B Baker Street, London NW1 6XE / 1600 Pennsylvania Ave NW, Washington, DC 20500
        rule(
            ADDRESS,
            rf"(?:(?:Flat|Apt|Apartment|Unit|Suite|Room|Floor)\.?[ \t]*\w+,?[ \t]+)?"
            rf"(?<![\w.])\d{{1,6}}[A-Za-z]?(?:[-/]\d{{1,5}}|[ \t]\d{{1,5}}(?=[ \t][A-Z]))?,?[ \t]+"
            rf"(?:{_CAP}[ \t]+){{0,4}}(?:{_SUFFIX})\.?"
            rf"(?:[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?{_UNIT}*{_CITY_TAIL}",
            0.8,
        ),
        # 213 Pilekrogen 53 Apt. 263, Grand-Leez, Belgium 18431 (number, street, number, unit)
        rule(
            ADDRESS,
            rf"(?<![\w.])(?!(?:19|20)\d\d\b)\d{{1,6}}[ \t]+(?:\d{{1,5}}[ \t]+)?"
            rf"(?:[^\W\d_][\w'’.\-]*[ \t]+){{1,4}}\d{{1,5}}[A-Za-z]?\.?{_UNIT}+{_CITY_TAIL}",
            0.75,
        ),
        # "lives at 255 hersnapvej 18, københavn k" / "the corner of Dalbraut 99 and ..."
        rule(
            ADDRESS,
            r"\b(?:lives?|living|resides?|residing|located|situated|based|moved|relocated)\s+(?:at|to)\s+"
            r"(?P<v>(?:the\s+corner\s+of\s+)?\d{1,6}[^\n.;!?]{3,80}?)(?=[.;!?]?\s*$|[.;!?]\s)",
            0.75,
            re.IGNORECASE | re.MULTILINE,
            needs="liv resid locat situat based moved",
        ),
        rule(
            ADDRESS,
            r"\b(?:my|our|new|home|mailing|billing|shipping|postal)\s+address\s+is\s+"
            r"(?P<v>[^\n.;!?]{4,80}?)(?=[.;!?]?\s*$|[.;!?]\s)",
            0.75,
            re.IGNORECASE | re.MULTILINE,
            needs="address",
        ),
        rule(
            ADDRESS,
            r"\bthe\s+corner\s+of\s+(?P<v>[^\n.;!?]{3,40}?\s+and\s+[^\n.;!?,]{3,40}?)(?=[.;!?,]|\s*$)",
            0.7,
            re.IGNORECASE | re.MULTILINE,
            needs="corner",
        ),
        # US military mail: "PSC 1234, Box 5678 / APO AE 09012", "USNS Comfort / FPO AA 34055"
        rule(
            ADDRESS,
            r"\b(?:(?:PSC|CMR|Unit)[ \t]+\d{1,5},?[ \t]+Box[ \t]+\d{1,5}"
            r"|US[A-Z]{1,3}[ \t]+[^\W\d_][\w\-]*)"
            r"[ \t]*,?[ \t]*\n?[ \t]*[ADF]PO[ \t]+A[AEP][ \t]+\d{5}\b",
            0.8,
            re.IGNORECASE,
            needs="apo dpo fpo",
        ),
        # a unit then town / region / country to the end of the line or sentence:
        # "Apt. 405 Sindi PR", "Suite 907 Soloi Cyprus", "Apt 12, Leeds"
        rule(
            ADDRESS,
            r"\b(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?[ \t]*#?\d{1,5}[A-Za-z]?"
            r"(?:,?[ \t]+(?:[^\W\d_a-z][\w'’\-]*|\d{4,6}(?:-\d{3,4})?)){1,5}"
            r"(?=[ \t]*(?:$|[.?!;](?:\s|$)))",
            0.7,
            re.MULTILINE,
        ),
        # PO boxes
        rule(
            ADDRESS,
            rf"\b(?:P\.?\s?O\.?\s?Box|Postfach|PSC)\s+\d+(?:,\s*Box\s+\d+)?{_CITY_TAIL}",
            0.75,
        ),
        # Tverskaya ulitsa 7, Moscow 125009 / 2-11-3 Meguro, Meguro-ku, Tokyo 153-0063
        rule(
            ADDRESS,
            r"\b[A-Z][\w\-]+[ \t]+(?:ulitsa|prospekt|pereulok|shosse|naberezhnaya|bulvar|utca|ulica|"  # noqa: E501
            rf"caddesi|sokak|jalan|soi)[ \t]+\d{{1,5}}[a-zA-Z]?{_CITY_TAIL}",
            0.8,
            re.IGNORECASE,
            needs="ulitsa prospekt pereulok shosse naberezhnaya bulvar utca ulica caddesi sokak "
            "jalan soi",
        ),
        rule(
            ADDRESS,
            rf"(?<![\w\-])\d{{1,4}}-\d{{1,4}}(?:-\d{{1,4}})?[ \t][A-Z][\w\-]+(?=,){_CITY_TAIL}",
            0.7,
        ),
        rule(ADDRESS, r"〒\s?\d{3}-\d{4}", 0.9),
        # Hauptstraße 12, Friedhofstrasse 33, Kerkstraat 5, Storgatan 3
        rule(
            ADDRESS,
            rf"\b[^\W\d_][\w\-]*(?:{_STREET_ENDINGS})"
            r"[ \t]+\d{1,5}[a-zA-Z]?(?:[ \t]*[-/][ \t]*\d{1,4})?"
            rf"(?:,?[ \t]*{_POSTCODE}[ \t]+[^\W\d_][\w\-]+(?:[ \t][^\W\d_][\w\-]+)?)?",
            0.8,
            re.IGNORECASE,
            gate=_before_number(f"(?:{_STREET_ENDINGS})", re.IGNORECASE),
        ),
        # Villacher Strasse 89, Passauer Str. 33, Cite Guedouala, Tunisia (street word apart)
        rule(
            ADDRESS,
            rf"\b[^\W\d_][\w\-]*[ \t]+(?:{_STREET_WORDS})[ \t]+\d{{1,5}}[a-zA-Z]?\.?{_CITY_TAIL}",
            0.75,
            gate=_before_number(rf"[ \t](?:{_STREET_WORDS})"),
        ),
        # 12 rue de la Paix, 75002 Paris / 5 Via Roma / Calle Mayor 10 / Rua Augusta, 100
        rule(
            ADDRESS,
            r"(?:\b\d{1,4}(?:\s?bis|\s?ter)?,?[ \t]+)?\b(?:rue|avenue|boulevard|bd|chemin|allée|impasse|"  # noqa: E501
            r"quai|cours|via|viale|piazza|corso|calle|avenida|av\.|carrera|carretera|paseo|plaza|"
            r"rua|travessa|largo|ulica|ul\.)[ \t]+(?:(?:de|del|della|di|da|do|dos|la|le|les|du|des|"
            r"l'|d')[ \t]*)*(?:[^\W\d_][\w'’\-]*[ \t]?){1,4}(?:,?[ \t]*\d{1,5}[a-zA-Z]?\b)?"
            rf"(?:,?[ \t]*{_POSTCODE}[ \t]+[^\W\d_][\w\-]+)?",
            0.75,
            re.IGNORECASE,
            first=r"[\dabcilpqrtuv]",
        ),
        # postcodes: UK, Canada, Netherlands, US ZIP after a state, "75002 Paris"
        rule(ADDRESS, r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}\b", 0.7),
        rule(ADDRESS, r"\b[A-Z]\d[A-Z][ \t]?\d[A-Z]\d\b", 0.7),
        rule(ADDRESS, r"\b\d{4}[ \t]?[A-Z]{2}(?=[ \t]+[A-Z][a-z])", 0.6),
        rule(ADDRESS, rf"(?<=,)[ \t]*(?P<v>(?:{_US_STATES})[ \t]+\d{{5}}(?:-\d{{4}})?)\b", 0.8),
        rule(
            ADDRESS,
            r"(?:(?<=^)|(?<=[,|•·]))[ \t]*(?P<v>(?:[A-Z]{1,2}-)?\d{4,5}[ \t]+[A-Z][a-zäöüéèà]+(?:[ \t\-][A-Z][a-zäöüéèà]+)?)"  # noqa: E501
            r"(?=[ \t]*(?:$|[,|•·]))",
            0.6,
            re.MULTILINE,
        ),
        rule(
            ADDRESS,
            r"(?:邮编|邮政编码|Post\s?code|ZIP(?:\s?code)?|PLZ)\s*[:：]?\s*(?P<v>[A-Z0-9][A-Z0-9 \-]{2,9}[A-Z0-9])",  # noqa: E501
            0.8,
            re.IGNORECASE,
            needs="邮编 邮政编码 post zip plz",
        ),
        # 北京市朝阳区建国路88号 / 上海市浦东新区张江镇科苑路399弄5号1201室
        rule(
            ADDRESS,
            rf"(?:[{_HAN}]{{2,7}}(?:省|自治区))?(?:[{_HAN}]{{2,7}}市)?(?:[{_HAN}]{{1,7}}(?:区|县|旗))?"
            rf"(?:[{_HAN}]{{1,7}}(?:镇|乡|街道))?[{_HAN}0-9]{{1,12}}(?:路|街|大道|巷|胡同|里)"
            rf"(?:[0-9一二三四五六七八九十]+(?:弄|号|号院))+(?:[{_HAN}0-9A-Za-z\-]{{0,12}}(?:室|楼|栋|座|层|单元|号))*",
            0.85,
            han=True,
        ),
        rule(
            ADDRESS,
            rf"[{_HAN}]{{2,7}}(?:省|自治区)[{_HAN}]{{2,7}}市(?:[{_HAN}]{{1,7}}(?:区|县))?",
            0.7,
            han=True,
        ),
    )
