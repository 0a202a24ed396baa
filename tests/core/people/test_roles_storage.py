"""Roles, courses and ratings in a real encrypted workspace (no models needed)."""

from __future__ import annotations

import pytest

from core.errors import NotFoundError, UserError
from core.people.model import Course, Rating
from core.services.people import create_role, set_competency
from core.services.training import import_catalogue, import_ratings
from core.storage import Workspace

ZH_ROLE = (
    "数据分析师\n\n任职要求\n- 熟练使用SQL进行数据提取\n- 会使用Python\n\n"
    "加分项\n- 有零售行业经验\n"
)


def test_a_chinese_role_profile_parses_into_must_and_nice(ws: Workspace) -> None:
    role = create_role(ws, " 数据分析师 ", ZH_ROLE)
    assert role.language == "zh"
    assert role.title == "数据分析师"
    assert [(c.text, c.must) for c in role.competencies] == [
        ("熟练使用SQL进行数据提取", True),
        ("会使用Python", True),
        ("有零售行业经验", False),
    ]
    assert [e.kind for e in ws.audit.list()][-1] == "role.created"


def test_one_competency_is_edited_and_bad_edits_are_refused(ws: Workspace) -> None:
    role = create_role(ws, "Analyst", "Analyst\n\nRequirements\n- SQL\n- Python\n")
    edited = set_competency(ws, role.id, 1, weight=2.5, must=False, text="  Python  scripting ")
    assert [(c.text, c.must, c.weight) for c in edited.competencies] == [
        ("SQL", True, 1.0),
        ("Python scripting", False, 2.5),
    ]
    assert ws.roles.get(role.id) == edited
    with pytest.raises(UserError):
        set_competency(ws, role.id, 5, weight=1.0)
    with pytest.raises(UserError):
        set_competency(ws, role.id, 0, weight=11.0)
    with pytest.raises(UserError):
        set_competency(ws, role.id, 0, text="   ")
    with pytest.raises(NotFoundError):
        set_competency(ws, 99, 0, weight=1.0)


def test_courses_update_by_title_and_language(ws: Workspace) -> None:
    csv = "title,skills,hours,language\nPython basics,Python,10,en\nPython basics,Python,12,zh\n"
    assert import_catalogue(ws, csv) == (2, 0)
    assert import_catalogue(ws, "title,hours,language\nPython basics,20,en\n") == (0, 1)
    courses = {(c.title, c.language): c for c in ws.courses.list()}
    assert courses[("Python basics", "en")] == Course(
        courses[("Python basics", "en")].id, "Python basics", "", "", 20.0, "en"
    )
    assert courses[("Python basics", "zh")].hours == 12.0


def test_ratings_belong_to_known_people_and_a_repeat_replaces(ws: Workspace) -> None:
    role = create_role(ws, "Analyst", "Analyst\n\nRequirements\n- SQL\n")
    person = ws.people.add(role.id, "Grouping name")
    assert ws.people.find_by_name(role.id, "Grouping name") == person
    text = f"person_id,rating,manager,cycle\n{person.id},3,A,2026\n{person.id},4,A,2026\n"
    assert import_ratings(ws, text) == 2
    assert ws.ratings.list(role.id) == [Rating("2026", person.id, "", 4.0, "A")]
    with pytest.raises(NotFoundError):
        import_ratings(ws, "person_id,rating,manager\n999,3,A\n")


def test_a_role_profile_can_be_edited_and_an_empty_one_is_refused(ws: Workspace) -> None:
    from core.services.people import update_role

    role = create_role(ws, "Analyst", "Analyst\n\nRequirements\n- SQL\n")
    changed = update_role(ws, role.id, role.competencies, title=" Data  analyst ", text=ZH_ROLE)
    assert (changed.id, changed.title, changed.text, changed.language) == (
        role.id,
        "Data analyst",
        ZH_ROLE,
        "zh",
    )
    assert changed.competencies == role.competencies  # the list is the caller's to change
    with pytest.raises(UserError, match="title"):
        update_role(ws, role.id, role.competencies, title="  ")
    with pytest.raises(UserError, match="empty"):
        update_role(ws, role.id, role.competencies, text=" \n")
    assert ws.roles.get(role.id).title == "Data analyst"
