"""Week templates: named Monday-to-Sunday layouts shipped in ``data/templates.toml``.

A template names weekdays, not displayed positions: ``plan_for`` puts its Monday entry on
the shown Monday whatever day the week starts on, so "run on Sunday" stays on Sunday in a
Sunday-first week (where that Sunday is shown first). A day the template leaves open
("-" in the file, None here) is unplanned in ``plan_for`` and left as it was by
``apply_to``. The file is validated with the rule files' validator (``rules.schema``).
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

from planner.days import ACTIVITIES, DAYS_IN_WEEK, UnknownName, parse_day
from planner.plan import WeekPlan
from planner.resources import data_file
from planner.spelling import did_you_mean
from planner.weeks import FirstWeekday, IsoWeek
from rules import DataFileError, Goal, PlannedDay
from rules.schema import Table

TEMPLATES_FILE = "templates.toml"
FILE_LABEL = f"data/{TEMPLATES_FILE}"
OPEN_DAY = "-"
NAME_MAX = 40
FIELDS = ("id", "name", "goal", "description", "activities")


class TemplateError(DataFileError):
    """The templates file is broken: one line naming the file, the template and the field,
    e.g. ``data/templates.toml: template 'ppl': field 'activities' must list 7 days``."""


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    goal: Goal  # the goal the layout is built for
    description: str  # one paragraph, whitespace collapsed
    days: tuple[PlannedDay | None, ...]  # Monday..Sunday; None = left open

    def plan_for(self, week: IsoWeek, first: FirstWeekday) -> WeekPlan:
        """The template laid on ``week`` as shown (open days unplanned)."""
        return self.apply_to(WeekPlan.empty(week, first))

    def apply_to(self, plan: WeekPlan) -> WeekPlan:
        """``plan`` with every day the template fixes replaced, by weekday; days it leaves
        open keep what they hold. A new value: undo keeps the old one."""
        mine = (self.days[day.weekday()] for day in plan.dates)
        days = tuple(
            current if fixed is None else fixed
            for fixed, current in zip(mine, plan.days, strict=True)
        )
        return WeekPlan(plan.week, plan.first_weekday, days)


def _table(name: str | None, data: object) -> Table:
    return Table(FILE_LABEL, "template" if name else "file", name, data, error=TemplateError)


def _days(entry: Table) -> tuple[PlannedDay | None, ...]:
    raw = entry.raw("activities")
    if not isinstance(raw, list) or len(raw) != DAYS_IN_WEEK:
        got = f"{len(raw)} entries" if isinstance(raw, list) else repr(raw)
        entry.fail("activities", f"must list {DAYS_IN_WEEK} days, Monday to Sunday (got {got})")
    days: list[PlannedDay | None] = []
    for number, value in enumerate(raw, start=1):
        if value == OPEN_DAY:
            days.append(None)
            continue
        try:
            days.append(parse_day(value) if isinstance(value, str) else None)
        except UnknownName:
            days.append(None)
        if days[-1] is None:
            known = ", ".join(ACTIVITIES)
            entry.fail(f"activities[{number}]", f"must be {known} or '{OPEN_DAY}' (got {value!r})")
    if all(day is None for day in days):
        entry.fail("activities", "leaves every day open; plan at least one")
    return tuple(days)


def _template(data: object, number: int, seen: dict[str, str]) -> Template:
    entry = _table(f"#{number}", data)
    template_id = entry.ident("id")
    entry.name = template_id
    if template_id in seen:
        entry.fail("id", "is used by two templates")
    entry.only(FIELDS)
    name = entry.text("name", one_line=True, max_len=NAME_MAX)
    if name.lower() in seen.values():
        entry.fail("name", f"'{name}' is already the name of another template")
    seen[template_id] = name.lower()
    goal = Goal(entry.choice("goal", tuple(Goal)))
    return Template(
        id=template_id,
        name=name,
        goal=goal,
        description=entry.text("description"),
        days=_days(entry),
    )


def parse_templates(text: str) -> tuple[Template, ...]:
    """Validate and read a templates file's text; TemplateError on the first problem."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(FILE_LABEL, f"is not valid TOML ({error})") from None
    top = _table(None, document)
    top.only(("templates",))
    entries = document.get("templates")
    if not isinstance(entries, list) or not entries:
        top.fail("templates", "must hold at least one [[templates]] entry")
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
    ids = [template.id for template in load_templates()]
    raise LookupError(
        f"no template '{template_id}' (known: {', '.join(ids)}){did_you_mean(template_id, ids)}"
    )
