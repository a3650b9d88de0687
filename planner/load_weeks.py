"""The run of weeks the load screen and ``planner load`` show: each week's load figures
(:mod:`planner.load`) with its block mark (:mod:`planner.block`) and its load-jump caution,
read from anything that has days, logs and block marks: the store (the command) or the
planning session's edited weeks over it (the screen, so an edit not yet written shows).

NO Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Protocol

from planner.block import BlockWeek
from planner.load import (
    CHRONIC_WEEKS,
    MONOTONY_SOURCE,
    RATIO_CAVEAT_SOURCE,
    RATIO_SOURCE,
    SESSION_LOAD_SOURCE,
    LoadCaution,
    Logs,
    WeekLoad,
    load_caution,
    span,
    week_loads,
    weeks_from,
)
from planner.plan import DatedDay
from planner.weeks import FIRST_WEEK, LAST_WEEK, FirstWeekday, IsoWeek, WeekError
from rules import KnowledgeBase, PlannedDay

# The window the screen opens on and the command prints by default, around the shown week
# (or this week): the 8 weeks back and 4 ahead, the week itself too.
WEEKS_BACK = 8
WEEKS_AHEAD = 4
# The longest run one call reads: ten years, so a mistyped year cannot read for minutes.
MAX_WEEKS = 520
# The earliest week with four supported weeks before it to read its ratio from.
FIRST_LOAD_WEEK = FIRST_WEEK.shifted(CHRONIC_WEEKS)


class FigureNote(NamedTuple):
    """What one figure is, in our words, and the id of its source (None: our own count)."""

    name: str
    words: str
    source: str | None


# What the screen's help and `planner load` say each figure is: one home for the words.
FIGURE_NOTES = (
    FigureNote(
        "Load",
        "session RPE (effort 0-10) x minutes, summed over the week: planned sessions at "
        "their kind's usual effort and length, done ones as logged",
        SESSION_LOAD_SOURCE,
    ),
    FigureNote(
        "Hard",
        "sessions working a muscle family hard, per family (c chest, b back, l legs, h heart "
        "and lungs), as the week stands: done where logged, planned elsewhere",
        None,
    ),
    FigureNote(
        "Monotony",
        "the mean daily load over its standard deviation: high when every day is alike",
        MONOTONY_SOURCE,
    ),
    FigureNote("Strain", "the week's load x its monotony: much load, all alike", MONOTONY_SOURCE),
    FigureNote(
        "Ratio",
        "the week's load over the average of the 4 weeks before it (not counting this week); "
        "1.5 or more is marked as a jump: the planner's own line, loosely after the 1.5 "
        "proposed for a ratio that counted the week itself",
        RATIO_SOURCE,
    ),
    FigureNote(
        "Not a forecast",
        "re-checking one published data set, the ratio predicted injuries barely better than "
        "a coin toss and no better than the week's load alone: read it as how fast load "
        "changed, no forecast of injury",
        RATIO_CAVEAT_SOURCE,
    ),
)


def figure_lines(knowledge: KnowledgeBase) -> list[str]:
    """Each note as one paragraph: ``Strain: ... (Foster 1998, Med Sci Sports Exerc)``."""
    return [
        f"{note.name}: {note.words}"
        + ("" if note.source is None else f" ({knowledge.sources[note.source].citation})")
        for note in FIGURE_NOTES
    ]


class DaysAndLogs(Protocol):
    """What the figures read: :class:`planner.store.Store` and
    :class:`planner.edited_weeks.EditedWeeks` both are one."""

    def days_between(self, start: date, end: date) -> list[DatedDay]: ...

    def logs_between(self, start: date, end: date) -> Logs: ...


class BlockMarks(Protocol):
    def blocks_between(self, first: IsoWeek, last: IsoWeek) -> dict[IsoWeek, BlockWeek]: ...


@dataclass(frozen=True, slots=True)
class LoadedWeek:
    """One row: the week's figures, its place in a block (None: in none) and the caution a
    jump in load raises (None: no jump)."""

    figures: WeekLoad
    block: BlockWeek | None
    caution: LoadCaution | None

    @property
    def week(self) -> IsoWeek:
        return self.figures.week

    @property
    def block_mark(self) -> str:
        """``B2/4``, ``deload`` (a deload week), or empty outside a block."""
        mark = self.block
        if mark is None:
            return ""
        return "deload" if mark.deload else f"B{mark.number}/{mark.weeks}"


def window_around(week: IsoWeek) -> tuple[IsoWeek, IsoWeek]:
    """WEEKS_BACK before ``week`` to WEEKS_AHEAD after it, moved inside the weeks whose
    figures can be read when ``week`` is near the edge of the calendar (same length)."""
    length = WEEKS_BACK + WEEKS_AHEAD
    first = _clamped(week, -WEEKS_BACK)
    if first < FIRST_LOAD_WEEK:
        first = FIRST_LOAD_WEEK
    last = _clamped(first, length)
    if last == LAST_WEEK:
        first = LAST_WEEK.shifted(-length)
    return first, last


def _clamped(week: IsoWeek, weeks: int) -> IsoWeek:
    try:
        return week.shifted(weeks)
    except WeekError:
        return FIRST_WEEK if weeks < 0 else LAST_WEEK


def check_range(first_week: IsoWeek, last_week: IsoWeek) -> None:
    """WeekError (one line) for a run of weeks that cannot be read."""
    if last_week < first_week:
        raise WeekError(f"{first_week} is after {last_week}: the first week comes first")
    if first_week < FIRST_LOAD_WEEK:
        raise WeekError(
            f"{first_week} has fewer than {CHRONIC_WEEKS} supported weeks before it to compare "
            f"its load with: start at {FIRST_LOAD_WEEK} or later"
        )
    if first_week.shifted(MAX_WEEKS - 1) < last_week:
        raise WeekError(
            f"{first_week} to {last_week} is more than {MAX_WEEKS} weeks: ask for fewer"
        )


def loaded_weeks(
    reader: DaysAndLogs,
    marks: BlockMarks,
    first_week: IsoWeek,
    last_week: IsoWeek,
    first: FirstWeekday,
    knowledge: KnowledgeBase,
) -> list[LoadedWeek]:
    """``first_week`` to ``last_week`` (inclusive), each with its figures, block mark and
    caution. WeekError when the run cannot be read (:func:`check_range`)."""
    check_range(first_week, last_week)
    start, end = span(first_week, last_week, first)
    days: dict[date, PlannedDay] = dict(reader.days_between(start, end))
    logs = reader.logs_between(start, end)
    blocks = marks.blocks_between(first_week, last_week)
    return [
        LoadedWeek(figures, blocks.get(figures.week), load_caution(figures, knowledge))
        for figures in week_loads(weeks_from(first_week, last_week), first, days, logs, knowledge)
    ]
