"""Which sessions a rule speaks about: a *spec*, written in a rule file as a word or a list of
words, each ``kind`` (any attribute), ``kind:attribute`` or ``kind:a|b`` (one of these
attributes), ``rest``, or ``*`` (any planned day, rest included):

    before = "legs:moderate|heavy"
    after = ["push", "pull:light|moderate", "run:easy"]

A day matches when it is a rest day and the spec holds ``rest``, or when any of its
sessions matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rules.activities import Activity, Intensity, PlannedDay, RunType, Session

Attribute = Intensity | RunType | None
WILDCARD = "*"


def attributes_of(kind: Activity) -> tuple[Attribute, ...]:
    if kind is Activity.RUN:
        return tuple(RunType)
    if kind is Activity.REST:
        return (None,)
    return tuple(Intensity)


EVERY: frozenset[tuple[Activity, Attribute]] = frozenset(
    (kind, attribute) for kind in Activity for attribute in attributes_of(kind)
)


@dataclass(frozen=True, slots=True)
class Spec:
    """A set of (kind, attribute) a session or a rest day (``(rest, None)``) may be."""

    members: frozenset[tuple[Activity, Attribute]]
    # Answers already given: there are only a dozen sessions and a few hundred days, asked
    # about again and again (a week's doses, every arrangement suggest tries).
    _known: dict[Session, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _days: dict[PlannedDay, bool] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )
    _counts: dict[PlannedDay, int] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def session(self, session: Session) -> bool:
        known = self._known.get(session)
        if known is None:
            known = self._known[session] = (session.kind, session.attribute) in self.members
        return known

    def day(self, day: PlannedDay | None) -> bool:
        if day is None:
            return False
        known = self._days.get(day)
        if known is None:
            if not day.is_planned:
                known = False
            elif day.rest:
                known = (Activity.REST, None) in self.members
            else:
                known = any(self.session(s) for s in day.sessions)
            if len(self._days) < _DAYS_KEPT:
                self._days[day] = known
        return known

    def count(self, day: PlannedDay) -> int:
        """How many of the day's sessions it matches, its rest day counting one."""
        known = self._counts.get(day)
        if known is None:
            if day.rest:
                known = int((Activity.REST, None) in self.members)
            else:
                known = sum(1 for s in day.sessions if self.session(s))
            if len(self._counts) < _DAYS_KEPT:
                self._counts[day] = known
        return known

    def sessions(self, day: PlannedDay) -> tuple[Session, ...]:
        """The day's sessions this spec matches, in order."""
        return tuple(s for s in day.sessions if self.session(s))

    @property
    def kinds(self) -> frozenset[Activity]:
        return frozenset(kind for kind, _ in self.members)


# Bounded: a day is at most two sessions, so only a few thousand day values exist.
_DAYS_KEPT = 10_000
ANY = Spec(EVERY)


def parse_word(word: str) -> frozenset[tuple[Activity, Attribute]] | str:
    """The members one word names, or a one-line reason it names none."""
    if word == WILDCARD:
        return EVERY
    kind_name, _, wanted = word.partition(":")
    try:
        kind = Activity(kind_name)
    except ValueError:
        return f"names an unknown activity {kind_name!r} (known: {', '.join(Activity)})"
    allowed = attributes_of(kind)
    if not wanted:
        return frozenset((kind, attribute) for attribute in allowed)
    if kind is Activity.REST:
        return "gives rest an attribute; write plain 'rest'"
    chosen = set()
    for name in wanted.split("|"):
        match = next((a for a in allowed if a is not None and a.value == name), None)
        if match is None:
            known = ", ".join(str(a) for a in allowed)
            return f"gives {kind} an unknown attribute {name!r} (known: {known})"
        chosen.add((kind, match))
    return frozenset(chosen)
