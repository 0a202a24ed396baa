"""Shared pieces of name detection: character classes, name tokens, word lists."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


UP = r"A-ZÀ-ÖØ-ÞĀ-ŽА-Я"
LOW = r"a-zß-öø-ÿā-žа-я"
PARTICLES = word_set(
    """van von der den de da del della di du le la bin binti al el ibn ter ten dos das do y e"""
)
TOKEN = (
    rf"(?:(?:Mc|Mac|O['’]|D['’]|L['’])?[{UP}](?:[{LOW}]+|[{UP}]+)"
    rf"(?:['’\-][{UP}]?(?:[{LOW}]+|[{UP}]+))*|[{UP}]\.)"
)
PARTICLE = r"(?:van|von|der|den|de|da|del|della|di|du|le|la|bin|binti|al|el|ibn|ter|dos|das)"
HEADING_WORDS = word_set(
    """resume résumé cv curriculum vitae profile summary contact contacts experience education
    skills objective references reference personal information details address phone email mobile
    page confidential portfolio projects work employment history professional career technical core
    competencies certifications languages interests hobbies achievements awards about me gender
    age nationality dob birth date marital status religion ethnicity passport aadhaar ssn id tel
    linkedin github website photo attached headshot picture data head the and of for in at to with
    on by from a an as our your my"""
)
# An NER "person" ending in one of these is an employer ("Tailspin Toys", "Globex Corporation").
ORG_WORDS = word_set(
    """inc inc. ltd ltd. llc plc gmbh ag sa corp corp. corporation company co co. group holdings
    labs lab technologies technology tech systems solutions software analytics consulting partners
    healthcare health bank capital ventures works industries international global services toys
    media studios games foods motors airlines energy pharma university college institute school
    academy hospital clinic foundation trust council ministry agency"""
)
