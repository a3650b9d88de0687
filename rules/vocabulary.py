"""Activities, the sessions they come as, the muscle groups each session loads, the families
those groups are shown and judged in, and the hours of the day sessions take place at: read
from ``rules/data/activities.toml``.

A load is a number from 0 to 1: how hard one session works the group (1 = a main target
trained hard). Loads at or above ``hard_load`` count as hard work for the group; from
``light_load`` up, as light work. The strain rules (:mod:`rules.strains`), the week's
doses (:mod:`rules.doses`) and the readiness strip all read them here.
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
# The session RPE scale (CR-10) and the longest session a log takes, in minutes.
RPE_MAX = 10
MINUTES_MAX = 600


@dataclass(frozen=True)
class SessionProfile:
    """One kind of session at one attribute: how a sentence names it, its loads, and the
    effort (``rpe``, CR-10) and ``minutes`` assumed for it when a log gives none."""

    noun: str
    loads: Mapping[str, float]
    rpe: int
    minutes: int

    @property
    def load(self) -> int:
        """Its session load (RPE x minutes, arbitrary units) as planned."""
        return self.rpe * self.minutes

    @property
    def bare(self) -> str:
        """The noun without its article, after "the evening": "easy run", "heavy legs"."""
        for article in ("a ", "an "):
            if self.noun.startswith(article):
                return self.noun[len(article) :]
        return self.noun


@dataclass(frozen=True)
class Family:
    """Muscle groups shown and judged as one (a row of the readiness strip; what a strain
    names): ``noun`` is how a sentence names them ("back and biceps")."""

    id: str
    name: str
    noun: str
    groups: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    """The hour of the day each session starts at: a day's one session at ``single``, two
    apart at ``morning`` and ``evening``, two together back to back at ``single``."""

    single: int
    morning: int
    evening: int


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
    families: tuple[Family, ...]
    profiles: Mapping[Activity, ActivityProfile]
    hard_load: float
    light_load: float
    timeline: Timeline

    def family(self, family_id: str) -> Family:
        return next(family for family in self.families if family.id == family_id)

    def family_of(self, group_id: str) -> Family:
        return next(family for family in self.families if group_id in family.groups)

    def hard_families(self, session: Session) -> frozenset[str]:
        """The families of which ``session`` works some group hard."""
        return self._families_from(session, self.hard_load)

    def worked_families(self, session: Session) -> frozenset[str]:
        """The families of which ``session`` works some group at least lightly."""
        return self._families_from(session, self.light_load)

    def _families_from(self, session: Session, load: float) -> frozenset[str]:
        loads = self.session(session).loads
        return frozenset(
            family.id
            for family in self.families
            if any(loads.get(group, 0.0) >= load for group in family.groups)
        )

    def describe_families(self, family_ids: tuple[str, ...]) -> str:
        """'legs and back and biceps': family nouns for a sentence, in vocabulary order."""
        names = [f.noun for f in self.families if f.id in family_ids]
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} and {names[-1]}"

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
    top.only(("loads", "timeline", "groups", "families", "activities"))

    thresholds = Table(file, "table", "loads", top.raw("loads"))
    thresholds.only(("hard", "light"))
    hard_load = thresholds.fraction("hard")
    light_load = thresholds.fraction("light")
    if light_load > hard_load:
        thresholds.fail("light", f"must not exceed hard ({light_load} > {hard_load})")
    timeline = _timeline(file, top.raw("timeline"))

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
    families = _families(file, top.raw("families"), known_groups)

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
        families=families,
        profiles=MappingProxyType({activity: profiles[activity] for activity in Activity}),
        hard_load=hard_load,
        light_load=light_load,
        timeline=timeline,
    )


# Two sessions apart are at least this far apart (rules.activities: "apart").
MIN_APART_HOURS = 6


def _timeline(file: str, raw: object) -> Timeline:
    table = Table(file, "table", "timeline", raw)
    table.only(("single", "morning", "evening"))
    hours = {name: table.integer(name, 0, 23) for name in ("single", "morning", "evening")}
    if hours["evening"] - hours["morning"] < MIN_APART_HOURS:
        table.fail("evening", f"must be at least {MIN_APART_HOURS} h after morning")
    return Timeline(**hours)


def _families(file: str, raw: object, known: tuple[str, ...]) -> tuple[Family, ...]:
    """Every group in exactly one family, so each strain and each strip row is one place."""
    if not isinstance(raw, Mapping) or not raw:
        raise RuleFileError(file, "must list at least one family", field="families")
    families = []
    for family_id, data in raw.items():
        entry = Table(file, "family", family_id, data)
        entry.ident_value(family_id)
        entry.only(("name", "noun", "groups"))
        families.append(
            Family(
                id=family_id,
                name=entry.text("name", one_line=True, max_len=30),
                noun=entry.text("noun", one_line=True, max_len=40),
                groups=entry.names("groups", known),
            )
        )
    placed = [group for family in families for group in family.groups]
    for group in known:
        if placed.count(group) != 1:
            where = "no family" if group not in placed else "two families"
            raise RuleFileError(file, f"puts group {group!r} in {where}", field="families")
    return tuple(families)


def _session(
    file: str, name: str, attribute: str, entry: Table, known_groups: tuple[str, ...]
) -> SessionProfile:
    if not entry.has(attribute):
        entry.fail(attribute, f"is missing: every {name} session needs its noun and loads")
    table = Table(file, "activity", name, entry.raw(attribute), prefix=f"{attribute}.")
    table.only(("noun", "loads", "rpe", "minutes"))
    loads_table = Table(file, "activity", name, table.raw("loads"), prefix=f"{attribute}.loads.")
    loads: dict[str, float] = {}
    for group_id in loads_table.data:
        if group_id not in known_groups:
            loads_table.fail(group_id, f"is not a muscle group (known: {', '.join(known_groups)})")
        loads[group_id] = loads_table.fraction(group_id, allow_zero=True)
    return SessionProfile(
        noun=table.text("noun", one_line=True, max_len=30),
        loads=MappingProxyType(loads),
        rpe=table.integer("rpe", 0, RPE_MAX),
        minutes=table.integer("minutes", 1, MINUTES_MAX),
    )
