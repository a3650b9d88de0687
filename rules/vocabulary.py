"""Activities, the sessions they come as, the muscle groups each session loads and how long
those groups need to recover: read from ``rules/data/activities.toml``.

A load is a number from 0 to 1: how hard one session works the group (1 = a main target
trained hard). Loads at or above ``hard_load`` count as hard work for the group, which then
needs the session's ``hours`` before its next hard work. That is the one recovery model:
the recovery rules, the week's frequency counts and the readiness strip all read it here
(:mod:`rules.recovery`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from rules.activities import Activity, Intensity, RunType, Session
from rules.errors import RuleFileError
from rules.model import MuscleGroup
from rules.schema import Table

REGIONS = ("upper", "lower", "trunk", "system")
MAX_RECOVERY_HOURS = 96


@dataclass(frozen=True)
class SessionProfile:
    """One kind of session at one attribute: how a sentence names it, its loads and the
    hours a group it works hard needs before the next hard work."""

    noun: str
    loads: Mapping[str, float]
    hours: int


@dataclass(frozen=True)
class ActivityProfile:
    """What one activity is: its display name, how a sentence names it ("leg day",
    "a run"), whether it is a training session, and its sessions by attribute."""

    activity: Activity
    name: str
    noun: str
    training: bool
    sessions: Mapping[Intensity | RunType, SessionProfile]


@dataclass(frozen=True)
class Vocabulary:
    groups: tuple[MuscleGroup, ...]
    profiles: Mapping[Activity, ActivityProfile]
    hard_load: float

    def group(self, group_id: str) -> MuscleGroup:
        return next(group for group in self.groups if group.id == group_id)

    def session(self, session: Session) -> SessionProfile:
        return self.profiles[session.kind].sessions[session.attribute]

    def hard_groups(
        self, session: Session, threshold: float, among: tuple[str, ...]
    ) -> tuple[str, ...]:
        """The groups in ``among`` this session loads at least ``threshold``, in
        vocabulary order (so texts list them the same way every time)."""
        loads = self.session(session).loads
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


def _attributes(activity: Activity) -> tuple[Intensity | RunType, ...]:
    if activity is Activity.RUN:
        return tuple(RunType)
    return tuple(Intensity) if activity is not Activity.REST else ()


def parse_vocabulary(file: str, document: Mapping[str, Any]) -> Vocabulary:
    top = Table(file, "file", None, document)
    top.only(("recovery", "groups", "activities"))

    recovery = Table(file, "table", "recovery", top.raw("recovery"))
    recovery.only(("hard_load",))
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
        activity = Activity(name)
        attributes = _attributes(activity)
        entry.only(("name", "noun", "training", *attributes))
        sessions: dict[Intensity | RunType, SessionProfile] = {}
        for attribute in attributes:
            sessions[attribute] = _session(file, name, attribute, entry, known_groups)
        profiles[activity] = ActivityProfile(
            activity=activity,
            name=entry.text("name", one_line=True, max_len=20),
            noun=entry.text("noun", one_line=True, max_len=20),
            training=entry.flag("training"),
            sessions=MappingProxyType(sessions),
        )
    missing = [activity.value for activity in Activity if activity not in profiles]
    if missing:
        raise RuleFileError(file, f"has no entry for {', '.join(missing)}", field="activities")
    return Vocabulary(
        groups=tuple(groups),
        profiles=MappingProxyType({activity: profiles[activity] for activity in Activity}),
        hard_load=hard_load,
    )


def _session(
    file: str, name: str, attribute: str, entry: Table, known_groups: tuple[str, ...]
) -> SessionProfile:
    if not entry.has(attribute):
        entry.fail(attribute, f"is missing: every {name} session needs its loads and hours")
    table = Table(file, "activity", name, entry.raw(attribute), prefix=f"{attribute}.")
    table.only(("noun", "loads", "hours"))
    loads_table = Table(file, "activity", name, table.raw("loads"), prefix=f"{attribute}.loads.")
    loads: dict[str, float] = {}
    for group_id in loads_table.data:
        if group_id not in known_groups:
            loads_table.fail(group_id, f"is not a muscle group (known: {', '.join(known_groups)})")
        loads[group_id] = loads_table.fraction(group_id, allow_zero=True)
    return SessionProfile(
        noun=table.text("noun", one_line=True, max_len=30),
        loads=MappingProxyType(loads),
        hours=table.integer("hours", 1, MAX_RECOVERY_HOURS),
    )
