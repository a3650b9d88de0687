"""The training log: what was done on a day and how it felt, against what was planned.

A day's log (:class:`DayLog`) holds what was done (``done``: a day value, rest when
nothing was) with each done session's effort and length as logged (``rpe`` on the CR-10
scale, ``minutes``; None when not given), and the day's check-in: the muscle families
reported sore (``sore``), sleep and energy (1-5). Either part may be missing: a check-in
in the morning comes before anything is done.

What it changes (planner.advice): a day with something logged as done is judged on what
was done, not on the plan; a check-in's soreness prices the day's sessions on those
muscles (rules.strains, type ``soreness``). The plan itself is never changed: the store
keeps both.

Session load is RPE x minutes (Foster et al. 2001, J Strength Cond Res 15(1):109-115; for
lifting, Day et al. 2004, J Strength Cond Res 18(2):353-358), in arbitrary units; a
session logged without them, and every planned session, counts the defaults of its kind
(``rpe`` and ``minutes`` in rules/data/activities.toml), so planned and done load compare.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from planner.plan import WeekPlan
from planner.weeks import IsoWeek
from rules import KnowledgeBase, PlannedDay, Session, Sore, Soreness

# Sleep and energy are rated 1 (worst) to 5 (best).
RATING_MIN, RATING_MAX = 1, 5


class Status(StrEnum):
    """How a logged day compares with its plan."""

    DONE = "done"  # as planned
    CHANGED = "changed"  # something else was done (or something where nothing was planned)
    SKIPPED = "skipped"  # training was planned, none was done
    PARTLY = "partly"  # some planned sessions done as planned, others not

    @property
    def mark(self) -> str:
        """One character readable without colour: ✓ done, ~ changed, ✗ skipped, ½ partly."""
        return _MARKS[self]


_MARKS = {Status.DONE: "✓", Status.CHANGED: "~", Status.SKIPPED: "✗", Status.PARTLY: "½"}


@dataclass(frozen=True, slots=True)
class DayLog:
    """One day's log; ``done`` None when only a check-in is logged."""

    done: PlannedDay | None = None
    rpe: tuple[int | None, ...] = ()  # per done session, in order
    minutes: tuple[int | None, ...] = ()
    sore: Sore = ()
    sleep: int | None = None
    energy: int | None = None

    def __post_init__(self) -> None:
        sessions = len(self.done.sessions) if self.done is not None else 0
        if len(self.rpe) not in (0, sessions) or len(self.minutes) not in (0, sessions):
            raise ValueError("rpe and minutes name each done session, in order")
        # None given for every session is none given: one value for one log.
        if all(value is None for value in self.rpe):
            object.__setattr__(self, "rpe", ())
        if all(value is None for value in self.minutes):
            object.__setattr__(self, "minutes", ())

    @property
    def is_empty(self) -> bool:
        return self == EMPTY_LOG

    @property
    def checked_in(self) -> bool:
        return bool(self.sore) or self.sleep is not None or self.energy is not None

    def status(self, planned: PlannedDay) -> Status | None:
        """How what was done compares with ``planned``; None when nothing is logged done."""
        if self.done is None:
            return None
        return status_of(planned, self.done)

    def efforts(self) -> tuple[int | None, ...]:
        """Each done session's RPE as logged (None: not given)."""
        return self.rpe or (None,) * len(self.sessions)

    def lengths(self) -> tuple[int | None, ...]:
        return self.minutes or (None,) * len(self.sessions)

    @property
    def sessions(self) -> tuple[Session, ...]:
        return self.done.sessions if self.done is not None else ()

    def load(self, knowledge: KnowledgeBase) -> int:
        """The done sessions' load, RPE x minutes, a kind's default for what was not given."""
        total = 0
        for session, rpe, minutes in zip(
            self.sessions, self.efforts(), self.lengths(), strict=True
        ):
            profile = knowledge.vocabulary.session(session)
            total += (profile.rpe if rpe is None else rpe) * (
                profile.minutes if minutes is None else minutes
            )
        return total

    def with_done(
        self,
        done: PlannedDay,
        rpe: tuple[int | None, ...] = (),
        minutes: tuple[int | None, ...] = (),
    ) -> DayLog:
        """This log with what was done (and its efforts) replaced; the check-in kept."""
        return replace(self, done=done, rpe=rpe, minutes=minutes)

    def with_checkin(
        self,
        sore: Mapping[str, Soreness] | None = None,
        sleep: int | None = None,
        energy: int | None = None,
    ) -> DayLog:
        """This log with what a check-in gives replaced; what it leaves out kept. A family
        reported ``none`` is no longer sore."""
        merged = dict(self.sore) | dict(sore or {})
        return replace(
            self,
            sore=sore_of(merged),
            sleep=self.sleep if sleep is None else sleep,
            energy=self.energy if energy is None else energy,
        )


EMPTY_LOG = DayLog()


def sore_of(levels: Mapping[str, Soreness]) -> Sore:
    """A report as the engine takes it: the families not ``none``, by family id."""
    return tuple(sorted((f, level) for f, level in levels.items() if level is not Soreness.NONE))


def status_of(planned: PlannedDay, done: PlannedDay) -> Status:
    if (
        done.sessions == planned.sessions
        and done.rest == planned.rest
        and (done.together == planned.together)
    ):
        return Status.DONE
    if not done.sessions and planned.sessions:
        return Status.SKIPPED
    kept = [session for session in planned.sessions if session in done.sessions]
    if kept and len(kept) < len(planned.sessions):
        return Status.PARTLY
    return Status.CHANGED


def planned_load(day: PlannedDay, knowledge: KnowledgeBase) -> int:
    """A planned day's load: each session at its kind's default RPE and minutes."""
    return sum(knowledge.vocabulary.session(s).load for s in day.sessions)


@dataclass(frozen=True, slots=True)
class WeekLog:
    """A week planned against done: ``planned`` counts every planned session of the week
    and their load at the defaults; ``done`` the sessions logged done and their load;
    ``skipped`` the planned sessions of logged days that were not done (a session done
    differently is done, not skipped); ``logged`` the days with something logged done."""

    planned_sessions: int = 0
    done_sessions: int = 0
    skipped_sessions: int = 0
    planned_load: int = 0
    done_load: int = 0
    logged_days: int = 0


def planned_against_done(log: WeekLog) -> str:
    """``Done 5 of 6 planned sessions (1 skipped) · load 2,100 of 2,450 planned``; "" when
    nothing is logged done."""
    if not log.logged_days:
        return ""
    skipped = f" ({log.skipped_sessions} skipped)" if log.skipped_sessions else ""
    return (
        f"Done {log.done_sessions} of {log.planned_sessions} planned sessions{skipped}"
        f"  ·  load {log.done_load:,} of {log.planned_load:,} planned"
    )


def week_log(days: Iterable[tuple[PlannedDay, DayLog | None]], knowledge: KnowledgeBase) -> WeekLog:
    """Planned against done over ``days`` (each day's plan and its log, if any)."""
    planned_sessions = done_sessions = skipped = planned_total = done_total = logged = 0
    for planned, log in days:
        planned_sessions += len(planned.sessions)
        planned_total += planned_load(planned, knowledge)
        if log is None or log.done is None:
            continue
        logged += 1
        done_sessions += len(log.sessions)
        done_total += log.load(knowledge)
        skipped += max(0, len(planned.sessions) - len(log.sessions))
    return WeekLog(planned_sessions, done_sessions, skipped, planned_total, done_total, logged)


def keep_logged(
    before: WeekPlan, after: WeekPlan, logs: Mapping[date, DayLog]
) -> tuple[WeekPlan, list[date]]:
    """``after`` with each day logged done back to its plan in ``before``: a template, a
    copy or a suggestion never changes a day already lived. Also the dates kept so."""
    kept: list[date] = [
        day
        for index, day in enumerate(before.dates)
        if day in logs and logs[day].done is not None and after.days[index] != before.days[index]
    ]
    if not kept:
        return after, []
    index_of: dict[date, int] = {day: index for index, day in enumerate(before.dates)}
    days = list(after.days)
    for day in kept:
        days[index_of[day]] = before.days[index_of[day]]
    return WeekPlan(after.week, after.first_weekday, tuple(days)), kept


# -- what a user writes to log a day: the command line and the log dialog -------------------

DONE, SKIPPED, UNLOG = "done", "skipped", "-"
SESSION_WORDS = ("push", "pull", "legs", "run", "rest")
SORENESS_WORDS = tuple(level.value for level in Soreness)


class LogError(ValueError):
    """A log that cannot be written; ``str()`` is one line saying what to do."""


def parse_done(text: str) -> tuple[str, PlannedDay | None]:
    """``done``, ``skipped``, ``-`` (no longer logged), or what was done in the words of
    ``planner set``: (the word, the day for session words)."""
    from planner.days import UnknownName, parse_day
    from planner.spelling import did_you_mean

    what = text.strip().lower()
    if what in (DONE, SKIPPED, UNLOG):
        return what, None
    try:
        return what, parse_day(what)
    except UnknownName as error:
        if "+" in what or "," in what or ":" in what:  # session words, one of them wrong
            raise LogError(str(error)) from None
        hint = did_you_mean(what, SESSION_WORDS, prefer=(DONE, SKIPPED))
        raise LogError(
            f"'{what}' is not done, skipped or a session ({', '.join(SESSION_WORDS)}){hint}"
        ) from None


def parse_numbers(text: str | None, low: int, high: int) -> tuple[int, ...]:
    """``7`` or ``7,5``: one whole number from ``low`` to ``high`` per session, in order."""
    if text is None or not text.strip():
        return ()
    found = []
    for part in text.split(","):
        part = part.strip()
        if not part.isascii() or not part.isdigit() or not low <= int(part) <= high:
            raise LogError(
                f"each value must be a whole number from {low} to {high}, one per session, "
                "in order (7,5)"
            )
        found.append(int(part))
    return tuple(found)


def parse_rating(text: str | None) -> int | None:
    """Sleep or energy: 1 (worst) to 5 (best)."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    if not value.isascii() or not value.isdigit() or not RATING_MIN <= int(value) <= RATING_MAX:
        raise LogError(f"rate it {RATING_MIN} (worst) to {RATING_MAX} (best)")
    return int(value)


def parse_sore(text: str | None, families: Sequence[str]) -> dict[str, Soreness] | None:
    """``legs=very,back=mild`` as {family: level}; ``families`` the ids it may name (the
    muscle families of the readiness strip)."""
    from planner.spelling import did_you_mean

    if text is None or not text.strip():
        return None
    found: dict[str, Soreness] = {}
    for part in text.split(","):
        family, equals, level = (piece.strip().lower() for piece in part.partition("="))
        if not equals or not family or not level:
            raise LogError("write each family like legs=very")
        if family not in families:
            raise LogError(
                f"'{family}' is not a muscle family; use {', '.join(families)}"
                f"{did_you_mean(family, families)}"
            )
        if level not in SORENESS_WORDS:
            raise LogError(
                f"'{level}' is not a level; use {', '.join(SORENESS_WORDS)}"
                f"{did_you_mean(level, SORENESS_WORDS)}"
            )
        if family in found:
            raise LogError(f"{family} is given twice")
        found[family] = Soreness(level)
    return found


def muscle_families(knowledge: KnowledgeBase) -> tuple[str, ...]:
    """The families of the readiness strip that are muscles: what soreness may name."""
    groups = {group.id: group for group in knowledge.muscle_groups}
    return tuple(
        family.id
        for family in knowledge.families
        if any(groups[g].is_muscle for g in family.groups)
    )


def logged(
    word: str,
    done: PlannedDay | None,
    planned: PlannedDay,
    log: DayLog,
    rpe: tuple[int, ...] = (),
    minutes: tuple[int, ...] = (),
    key: str = "the day",
) -> DayLog:
    """The day's log after logging ``word`` (``done``, ``skipped``, ``-`` or session words
    parsed as ``done``) against its plan, with the efforts given; LogError when it cannot
    apply (``key`` names the day)."""
    from planner.days import day_words

    if word == UNLOG:
        if rpe or minutes:
            raise LogError(f"{key}=- removes what was logged done: it takes no RPE or minutes")
        return DayLog(sore=log.sore, sleep=log.sleep, energy=log.energy)
    if word == DONE:
        if not planned.is_planned:
            raise LogError(
                f"{key} has nothing planned: log what was done instead ({key}=run, {key}=legs)"
            )
        done = planned
    elif word == SKIPPED:
        if not planned.sessions:
            raise LogError(f"{key} has no training planned to skip: log what was done, or nothing")
        done = PlannedDay.REST
    assert done is not None
    count = len(done.sessions)
    for values, what in ((rpe, "RPE"), (minutes, "minutes")):
        if values and len(values) != count:
            sessions = "no session" if count == 0 else f"{count} session{'s' if count > 1 else ''}"
            raise LogError(
                f"{len(values)} {what} value{'s' if len(values) > 1 else ''} given but {key} "
                f"logs {sessions} ({day_words(done)}); give one per session"
            )
    if done == log.done and not rpe and not minutes:
        return log  # logged again as it was: its efforts stay
    return log.with_done(done, rpe or (None,) * count, minutes or (None,) * count)


@dataclass(frozen=True, slots=True)
class WeekLogs:
    """The day logs of one ISO week, as a planning session saves them (the background
    writer's value): every day of it, an empty log for a day with none."""

    week: IsoWeek
    days: tuple[tuple[date, DayLog], ...]

    def as_dict(self) -> dict[date, DayLog]:
        return dict(self.days)
