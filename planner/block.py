"""Training blocks: a run of weeks laid from one layout, every K-th of them a deload week.

A deload week keeps every session on its day, so frequency stays, and lowers effort: heavy
lifting becomes moderate, tempo runs and intervals become easy runs. Coaches interviewed by
Bell et al. 2022 describe a deload as about 5-7 days every 4-6 weeks with less volume and
less effort; the athletes Rogerson et al. 2024 surveyed mostly kept their training
frequency in it; the Delphi consensus of Bell et al. 2023 defines it as a spell of reduced
training stress to shed fatigue before the next block (and allows fewer sessions too: the
planner keeps them, as most athletes do). What a long run's length should become is left
to the user: the planner has no distance to shorten.

A block is remembered per week (:class:`BlockWeek`: which block, its place in it, whether
it is a deload), so a block laid over part of another keeps the rest of the older one
readable ("week 3 of 4").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

from planner.log import DayLog
from planner.plan import WeekPlan
from planner.weeks import FirstWeekday, IsoWeek, WeekError, shown_dates
from rules import Intensity, PlannedDay, RunType, Session, Soreness

# Where deload weeks come from: ids in rules/data/sources.toml.
DELOAD_SOURCES = ("bell-2022", "bell-2023", "rogerson-2024")
# What a deload week makes of each attribute it lowers; every other session stays as it is.
DELOADED: Mapping[Intensity | RunType, Intensity | RunType] = {
    Intensity.HEAVY: Intensity.MODERATE,
    RunType.TEMPO: RunType.EASY,
    RunType.INTERVALS: RunType.EASY,
}
MAX_WEEKS = 52  # one block: at most a year
DEFAULT_DELOAD_EVERY = 4  # the short end of the coaches' 4-6 weeks (Bell et al. 2022)


class BlockError(ValueError):
    """A block that cannot be laid; ``str()`` is one line saying what to do."""


@dataclass(frozen=True, slots=True, order=True)
class BlockWeek:
    """One week's place in a block: the block's first week (its name), the week's number in
    it (1-based), how many weeks it has, and whether this week is a deload."""

    start: IsoWeek
    number: int
    weeks: int
    deload: bool

    def __post_init__(self) -> None:
        if not 1 <= self.number <= self.weeks <= MAX_WEEKS:
            raise ValueError(f"week {self.number} of {self.weeks} is not in a block")

    @property
    def label(self) -> str:
        """``week 3 of 4`` or ``week 4 of 4, deload``."""
        return f"week {self.number} of {self.weeks}" + (", deload" if self.deload else "")


def deloaded_session(session: Session) -> Session:
    lowered = DELOADED.get(session.attribute)
    if lowered is None:
        return session
    if isinstance(lowered, Intensity):
        return Session(session.kind, intensity=lowered)
    return Session(session.kind, run_type=lowered)


def deloaded(day: PlannedDay) -> PlannedDay:
    """The day with its effort lowered: the same sessions in the same order."""
    if not day.sessions:
        return day
    return PlannedDay(tuple(deloaded_session(s) for s in day.sessions), together=day.together)


def lowers_nothing(layout: Sequence[PlannedDay | None]) -> bool:
    """Whether a deload of ``layout`` is the layout itself: nothing heavy, no tempo run or
    intervals. The user then has to lower sets and minutes by hand."""
    return all(day is None or deloaded(day) == day for day in layout)


def is_deload(number: int, deload_every: int) -> bool:
    """Whether the ``number``-th week (1-based) of a block is a deload; 0: never."""
    return deload_every > 0 and number % deload_every == 0


@dataclass(frozen=True, slots=True)
class LaidWeek:
    plan: WeekPlan
    mark: BlockWeek


def lay_block(
    layout: Sequence[PlannedDay | None],
    start: IsoWeek,
    weeks: int,
    deload_every: int,
    first: FirstWeekday,
) -> list[LaidWeek]:
    """``weeks`` weeks from ``start``, each the ``layout`` (Monday..Sunday; None leaves a
    day unplanned) on its shown dates, weekday by weekday; every ``deload_every``-th a
    deload week (0: none). BlockError when the numbers cannot make a block."""
    if len(layout) != 7:
        raise ValueError("a layout names the 7 weekdays, Monday first")
    if not 1 <= weeks <= MAX_WEEKS:
        raise BlockError(f"--weeks must be a whole number from 1 to {MAX_WEEKS}")
    if deload_every < 0 or deload_every == 1:
        raise BlockError(
            "--deload-every must be 2 or more (every 4th week: 4), or 0 for no deload week"
        )
    if not any(day is not None and day.is_planned for day in layout):
        raise BlockError("the layout plans no day: plan the repeating week or pick a template")
    laid = []
    week = start
    for number in range(1, weeks + 1):
        deload = is_deload(number, deload_every)
        days = tuple(_day(layout[day.weekday()], deload) for day in shown_dates(week, first))
        laid.append(LaidWeek(WeekPlan(week, first, days), BlockWeek(start, number, weeks, deload)))
        if number < weeks:
            try:
                week = week.next()
            except WeekError:
                raise BlockError(
                    f"a {weeks}-week block from {start} runs past the last week the planner "
                    "supports"
                ) from None
    return laid


def _day(day: PlannedDay | None, deload: bool) -> PlannedDay:
    if day is None:
        return PlannedDay.UNPLANNED
    return deloaded(day) if deload else day


def weekday_layout(plan: WeekPlan) -> tuple[PlannedDay | None, ...]:
    """A stored week as a layout (Monday..Sunday), unplanned days left open."""
    by_weekday = {day.weekday(): held for day, held in plan.dated_days}
    return tuple(by_weekday[index] if by_weekday[index].is_planned else None for index in range(7))


# -- bringing the deload forward -------------------------------------------------------------

# Self-reported well-being tracks training load more consistently than objective markers
# (Saw et al. 2016), and athletes also deload when soreness rises (Rogerson et al. 2024):
# a check-in with energy at or below LOW_RATING (of 5), or a family reported very sore, is
# a low one. Sleep is not counted: it did not respond consistently to load in Saw et al.
CHECKIN_SOURCES = ("saw-2016", "rogerson-2024")
LOW_RATING = 2
# This many low check-ins within CHECKIN_DAYS (today included) suggest the deload sooner.
LOW_CHECKINS = 3
CHECKIN_DAYS = 14


def is_low(log: DayLog) -> bool:
    """A check-in that rated energy low or reported a family very sore."""
    return _low_energy(log) or _very_sore(log)


def _low_energy(log: DayLog) -> bool:
    return log.energy is not None and log.energy <= LOW_RATING


def _very_sore(log: DayLog) -> bool:
    return any(level is Soreness.VERY for _, level in log.sore)


def low_checkins(logs: Mapping[date, DayLog], today: date) -> int:
    """The low check-ins of the CHECKIN_DAYS up to ``today``. Days in a row whose only low
    mark is a very sore family count once: one hard session leaves soreness for days."""
    first = today - timedelta(days=CHECKIN_DAYS - 1)
    count = 0
    for day in sorted(d for d in logs if first <= d <= today):
        log = logs[day]
        if _low_energy(log):
            count += 1
        elif _very_sore(log):
            previous = logs.get(day - timedelta(days=1))
            if previous is None or not _very_sore(previous) or _low_energy(previous):
                count += 1
    return count


@dataclass(frozen=True, slots=True)
class DeloadForward:
    """A suggestion: the block's next deload week (``deload``) comes to ``target`` (next
    week), because of ``low`` low check-ins in the last CHECKIN_DAYS. Never applied by
    itself."""

    low: int
    target: IsoWeek
    deload: IsoWeek

    @property
    def text(self) -> str:
        return (
            f"{self.low} check-ins in {CHECKIN_DAYS} days with low energy or very sore "
            f"muscles: consider moving the deload of {self.deload} to {self.target} (a rule "
            "of thumb, not a tested line)"
        )


def deload_forward(
    today: date, marks: Mapping[IsoWeek, BlockWeek], logs: Mapping[date, DayLog]
) -> DeloadForward | None:
    """The suggestion, when today's week is in a block and not a deload, next week is in the
    same block and not a deload either, a deload comes later in that block, and the last
    CHECKIN_DAYS hold LOW_CHECKINS low check-ins or more."""
    low = low_checkins(logs, today)
    if low < LOW_CHECKINS:
        return None
    this_week = IsoWeek.containing(today)
    mark = marks.get(this_week)
    if mark is None or mark.deload:
        return None
    try:
        target = this_week.next()
    except WeekError:
        return None
    following = marks.get(target)
    if following is None or following.start != mark.start or following.deload:
        return None
    for number in range(following.number + 1, mark.weeks + 1):
        week = mark.start.shifted(number - 1)
        later = marks.get(week)
        if later is not None and later.start == mark.start and later.deload:
            return DeloadForward(low, target, week)
    return None


def brought_forward(
    move: DeloadForward, target: WeekPlan, deload: WeekPlan, marks: Mapping[IsoWeek, BlockWeek]
) -> list[LaidWeek]:
    """The two weeks with their places swapped: the target holds the deload week's days (by
    weekday) and becomes the deload; the old deload week holds the target's days and its
    effort."""

    def moved(plan: WeekPlan, onto: WeekPlan) -> WeekPlan:
        return WeekPlan(onto.week, onto.first_weekday, plan.days)

    now_deload = replace(marks[move.target], deload=True)
    now_normal = replace(marks[move.deload], deload=False)
    return [
        LaidWeek(moved(deload, target), now_deload),
        LaidWeek(moved(target, deload), now_normal),
    ]


class BlocksAndLogs(Protocol):
    """Where the suggestion reads from: a store, or a planning session's edited weeks."""

    def blocks_between(self, first: IsoWeek, last: IsoWeek) -> Mapping[IsoWeek, BlockWeek]: ...

    def logs_between(self, start: date, end: date) -> Mapping[date, DayLog]: ...


def deload_suggestion(days: BlocksAndLogs, today: date) -> DeloadForward | None:
    """:func:`deload_forward` for ``today`` on what ``days`` hold: the block marks from
    today's week on (a block is at most MAX_WEEKS long) and the last CHECKIN_DAYS' logs."""
    try:
        this_week = IsoWeek.containing(today)
    except WeekError:
        return None
    last = this_week
    for ahead in range(MAX_WEEKS, 0, -1):
        try:
            last = this_week.shifted(ahead)
            break
        except WeekError:
            continue
    logs = days.logs_between(today - timedelta(days=CHECKIN_DAYS - 1), today)
    if low_checkins(logs, today) < LOW_CHECKINS:
        return None  # the common case, without reading a block
    return deload_forward(today, days.blocks_between(this_week, last), logs)
