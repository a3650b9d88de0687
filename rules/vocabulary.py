"""Activities, the muscle groups they load and the recovery guideline, read from
``rules/data/activities.toml``.

A load is a number from 0 to 1: how hard a typical session of that activity works the
group (1 = a main target trained hard). Loads at or above ``hard_load`` count as training
the group hard; those are what the 48 h recovery rules compare. The readiness feature reuses
the same numbers with ``recovery_hours``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from rules.activities import Activity
from rules.errors import RuleFileError
from rules.model import MuscleGroup
from rules.schema import Table

REGIONS = ("upper", "lower", "trunk", "system")


@dataclass(frozen=True)
class ActivityProfile:
    """What one activity is: its display name, how a sentence names it ("leg day",
    "a run"), whether it is a training session, and its loads."""

    activity: Activity
    name: str
    noun: str
    training: bool
    loads: Mapping[str, float]


@dataclass(frozen=True)
class Vocabulary:
    groups: tuple[MuscleGroup, ...]
    profiles: Mapping[Activity, ActivityProfile]
    hard_load: float
    recovery_hours: int

    def group(self, group_id: str) -> MuscleGroup:
        return next(group for group in self.groups if group.id == group_id)

    def hard_groups(
        self, activity: Activity, threshold: float, among: tuple[str, ...]
    ) -> tuple[str, ...]:
        """The groups in ``among`` this activity loads at least ``threshold``, in
        vocabulary order (so texts list them the same way every time)."""
        loads = self.profiles[activity].loads
        return tuple(group for group in among if loads.get(group, 0.0) >= threshold)

    def muscle_ids(self) -> tuple[str, ...]:
        return tuple(group.id for group in self.groups if group.is_muscle)

    def group_ids(self) -> tuple[str, ...]:
        return tuple(group.id for group in self.groups)

    def describe(self, group_ids: tuple[str, ...]) -> str:
        """'quads, hamstrings and glutes': group names for a sentence."""
        names = [self.group(group_id).name.lower() for group_id in group_ids]
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} and {names[-1]}"


def parse_vocabulary(file: str, document: Mapping[str, Any]) -> Vocabulary:
    top = Table(file, "file", None, document)
    top.only(("recovery", "groups", "activities"))

    recovery = Table(file, "table", "recovery", top.raw("recovery"))
    recovery.only(("hours", "hard_load"))
    hours = recovery.integer("hours", 1, 168)
    hard_load = recovery.fraction("hard_load")

    groups_table = top.raw("groups")
    if not isinstance(groups_table, Mapping) or not groups_table:
        raise RuleFileError(file, "must list at least one muscle group", field="groups")
    groups = []
    for group_id, data in groups_table.items():
        entry = Table(file, "group", group_id, data)
        entry.only(("name", "region"))
        groups.append(
            MuscleGroup(
                id=group_id,
                name=entry.text("name", one_line=True, max_len=30),
                region=entry.choice("region", REGIONS),
            )
        )
    known_groups = tuple(group.id for group in groups)

    activities_table = top.raw("activities")
    if not isinstance(activities_table, Mapping):
        raise RuleFileError(file, "must be a table of activities", field="activities")
    profiles: dict[Activity, ActivityProfile] = {}
    for name, data in activities_table.items():
        entry = Table(file, "activity", name, data)
        if name not in {activity.value for activity in Activity}:
            entry.fail(None, f"is not an activity (known: {', '.join(Activity)})")
        entry.only(("name", "noun", "training", "loads"))
        loads_table = Table(file, "activity", name, entry.raw("loads"), prefix="loads.")
        loads: dict[str, float] = {}
        for group_id in loads_table.data:
            if group_id not in known_groups:
                loads_table.fail(
                    group_id, f"is not a muscle group (known: {', '.join(known_groups)})"
                )
            loads[group_id] = loads_table.fraction(group_id, allow_zero=True)
        activity = Activity(name)
        profiles[activity] = ActivityProfile(
            activity=activity,
            name=entry.text("name", one_line=True, max_len=20),
            noun=entry.text("noun", one_line=True, max_len=20),
            training=entry.flag("training"),
            loads=MappingProxyType(loads),
        )
    missing = [activity.value for activity in Activity if activity not in profiles]
    if missing:
        raise RuleFileError(file, f"has no entry for {', '.join(missing)}", field="activities")
    return Vocabulary(
        groups=tuple(groups),
        profiles=MappingProxyType({activity: profiles[activity] for activity in Activity}),
        hard_load=hard_load,
        recovery_hours=hours,
    )
