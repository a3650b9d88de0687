"""Week templates: named Monday-to-Sunday layouts shipped in ``data/templates.toml``.

A template names weekdays, not displayed positions: ``plan_for`` puts its Monday entry on
the shown Monday whatever day the week starts on, so "run on Sunday" stays on Sunday in a
Sunday-first week (where that Sunday is shown first). A day the template leaves open
("-" in the file, None here) is unplanned in ``plan_for`` and left as it was by
``apply_to``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NoReturn

from planner.plan import DAYS_IN_WEEK, WeekPlan
from planner.resources import data_file
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity

TEMPLATES_FILE = "templates.toml"
FILE_LABEL = f"data/{TEMPLATES_FILE}"
OPEN_DAY = "-"
NAME_MAX = 40
FIELDS = ("id", "name", "description", "activities")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ACTIVITIES = {activity.value: activity for activity in Activity}


class TemplateError(ValueError):
    """The templates file is broken: one line naming the file, the template and the field,
    e.g. ``data/templates.toml: template 'ppl': field 'activities' must list 7 days``."""


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    description: str  # one paragraph, whitespace collapsed
    activities: tuple[Activity | None, ...]  # Monday..Sunday; None = left open

    def plan_for(self, week: IsoWeek, first: FirstWeekday) -> WeekPlan:
        """The template laid on ``week`` as shown (open days unplanned)."""
        return self.apply_to(WeekPlan.empty(week, first))

    def apply_to(self, plan: WeekPlan) -> WeekPlan:
        """``plan`` with every day the template fixes replaced, by weekday; days it leaves
        open keep what they hold. A new value: undo keeps the old one."""
        mine = (self.activities[day.weekday()] for day in plan.dates)
        activities = tuple(
            current if fixed is None else fixed
            for fixed, current in zip(mine, plan.activities, strict=True)
        )
        return WeekPlan(plan.week, plan.first_weekday, activities)


def _fail(template: str | None, field: str | None, problem: str) -> NoReturn:
    where = FILE_LABEL if template is None else f"{FILE_LABEL}: template '{template}'"
    raise TemplateError(
        f"{where}: {problem}" if field is None else f"{where}: field '{field}' {problem}"
    )


def _text(entry: Mapping[str, object], name: str, field: str) -> str:
    value = entry.get(field)
    if not isinstance(value, str) or not value.strip():
        _fail(name, field, f"must be non-empty text (got {value!r})")
    return " ".join(value.split())


def _activities(entry: Mapping[str, object], name: str) -> tuple[Activity | None, ...]:
    raw = entry.get("activities")
    if not isinstance(raw, list) or len(raw) != DAYS_IN_WEEK:
        got = f"{len(raw)} entries" if isinstance(raw, list) else repr(raw)
        _fail(name, "activities", f"must list {DAYS_IN_WEEK} days, Monday to Sunday (got {got})")
    days: list[Activity | None] = []
    for number, value in enumerate(raw, start=1):
        if value != OPEN_DAY and value not in _ACTIVITIES:
            known = ", ".join(_ACTIVITIES)
            _fail(name, f"activities[{number}]", f"must be {known} or '{OPEN_DAY}' (got {value!r})")
        days.append(None if value == OPEN_DAY else _ACTIVITIES[value])
    if all(day is None for day in days):
        _fail(name, "activities", "leaves every day open; plan at least one")
    return tuple(days)


def _template(entry: object, number: int, seen: dict[str, str]) -> Template:
    if not isinstance(entry, Mapping):
        _fail(f"#{number}", None, f"must be a table (got {entry!r})")
    template_id = entry.get("id")
    if not isinstance(template_id, str) or not _ID.fullmatch(template_id):
        _fail(f"#{number}", "id", f"must be lowercase words joined by dashes (got {template_id!r})")
    if template_id in seen:
        _fail(template_id, "id", "is used by two templates")
    for field in entry:
        if field not in FIELDS:
            _fail(template_id, field, f"is not a known field (known: {', '.join(FIELDS)})")
    name = _text(entry, template_id, "name")
    if len(name) > NAME_MAX:
        _fail(template_id, "name", f"must be at most {NAME_MAX} characters (got {len(name)})")
    if name.lower() in seen.values():
        _fail(template_id, "name", f"'{name}' is already the name of another template")
    seen[template_id] = name.lower()
    return Template(
        id=template_id,
        name=name,
        description=_text(entry, template_id, "description"),
        activities=_activities(entry, template_id),
    )


def parse_templates(text: str) -> tuple[Template, ...]:
    """Validate and read a templates file's text; TemplateError on the first problem."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        _fail(None, None, f"is not valid TOML ({error})")
    for key in document:
        if key != "templates":
            _fail(None, key, "is not a known table (known: templates)")
    entries = document.get("templates")
    if not isinstance(entries, list) or not entries:
        _fail(None, "templates", "must hold at least one [[templates]] entry")
    seen: dict[str, str] = {}
    return tuple(_template(entry, number, seen) for number, entry in enumerate(entries, start=1))


@functools.cache
def load_templates() -> tuple[Template, ...]:
    """The shipped templates, in file order; read and validated once per process."""
    return parse_templates(data_file(TEMPLATES_FILE).read_text(encoding="utf-8"))


def template_by_id(template_id: str) -> Template:
    """The shipped template ``template_id``; LookupError naming the known ids otherwise."""
    for template in load_templates():
        if template.id == template_id:
            return template
    known = ", ".join(template.id for template in load_templates())
    raise LookupError(f"no template '{template_id}' (known: {known})")
