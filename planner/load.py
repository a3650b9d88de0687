"""Load over weeks: each week's planned and done load, its hard sessions per muscle family,
Foster's monotony and strain, and how its load compares with the four weeks before.

The figures, all from session load (RPE x minutes, planner.log):

- ``planned``: every planned session at its kind's default effort and length;
  ``done``: what the log says was done on the days logged done (None: no day logged).
- A week's daily loads are what each day holds *as it stands*: what was logged done on a
  logged day, its plan on the others (planner.advice.held_on): what monotony, strain, the
  ratio and the hard sessions read, so a week in the past counts what was done and a week
  ahead what is planned.
- ``monotony``: the mean daily load over the week's seven days divided by their standard
  deviation (population SD, rest and unplanned days as 0); ``strain``: the week's load x
  monotony (Foster 1998). Undefined (None) when every day holds the same load: no
  training, or the same load every day (SD 0).
- ``ratio``: the week's load against the mean weekly load of the four weeks before it
  (7 days against the 28 before them). Gabbett 2016 described an acute:chronic ratio whose
  4-week average included the week itself; here it does not, so the number says plainly
  how this week compares with what came before. None without history: unless at least
  HISTORY_WEEKS of the four weeks before hold some load (a new user's second week is no
  jump from nothing). It describes a change of load; it is no injury predictor (Impellizzeri
  et al. 2021, online in 2020: in one published data set it told injured from uninjured
  hardly better than chance, and no better than the week's own load).

NO Textual here: the load screen, ``planner load`` and the week's panel all read this.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from planner.log import DayLog
from planner.plan import WeekPlan
from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import Finding, Kind, KnowledgeBase, PlannedDay, Session, Source

# Where the figures come from: ids in rules/data/sources.toml (one home for references).
MONOTONY_SOURCE = "foster-1998"
SESSION_LOAD_SOURCE = "foster-2001"
RATIO_SOURCE = "gabbett-2016"
RATIO_CAVEAT_SOURCE = "impellizzeri-2021"
SOURCE_IDS = (MONOTONY_SOURCE, SESSION_LOAD_SOURCE, RATIO_SOURCE, RATIO_CAVEAT_SOURCE)

# The id the caution carries as a finding of the week (no rule file holds it: it reads
# weeks the engine never sees).
CAUTION_ID = "load-jump"
# Weeks of history the ratio compares a week with (28 days).
CHRONIC_WEEKS = 4
# A week at least this many times the four weeks before gets the caution: the planner's own
# line, loosely after the 1.5 "danger zone" Gabbett 2016 proposed for his coupled ratio (his
# 1.5 is about 1.8 on this one when the weeks before are steady; this 1.5, about 1.33 on his).
JUMP_RATIO = 1.5
# Weeks of the four before that must hold some load for a ratio: one week off is history,
# a planner used for one week is not.
HISTORY_WEEKS = 3

Days = Mapping[date, PlannedDay]
Logs = Mapping[date, DayLog]


@dataclass(frozen=True, slots=True)
class WeekLoad:
    """One week's load figures (see the module's text for each)."""

    week: IsoWeek
    planned: int
    done: int | None
    load: int  # as it stands: done on logged days, planned elsewhere
    daily: tuple[int, ...]  # the seven days' loads as they stand, in shown order
    hard: tuple[tuple[str, int], ...]  # (family id, hard sessions), in display order
    monotony: float | None
    strain: int | None
    ratio: float | None

    @property
    def is_empty(self) -> bool:
        """Nothing planned or done: no bar to draw."""
        return not self.planned and not self.done


def held(day: date, days: Days, logs: Logs) -> PlannedDay:
    """What ``day`` holds as it stands: what was logged done, else its plan."""
    log = logs.get(day)
    if log is not None and log.done is not None:
        return log.done
    return days.get(day, PlannedDay.UNPLANNED)


def day_load(day: date, days: Days, logs: Logs, knowledge: KnowledgeBase) -> int:
    """The day's load as it stands (RPE x minutes; defaults where not logged)."""
    log = logs.get(day)
    if log is not None and log.done is not None:
        return log.load(knowledge)
    planned = days.get(day)
    if planned is None:
        return 0
    return sum(knowledge.vocabulary.session(s).load for s in planned.sessions)


def monotony(daily: Sequence[int]) -> float | None:
    """Mean daily load / its population standard deviation; None when the SD is 0."""
    spread = statistics.pstdev(daily)
    if spread == 0:
        return None
    return statistics.fmean(daily) / spread


def is_hard_for(session: Session, groups: Sequence[str], knowledge: KnowledgeBase) -> bool:
    """A session is hard work for a family when it loads one of its groups from the
    knowledge base's hard load up: the same line the strain rules and the doses draw."""
    loads = knowledge.loads(session)
    return any(loads.get(group, 0.0) >= knowledge.hard_load for group in groups)


def week_loads(
    weeks: Sequence[IsoWeek],
    first: FirstWeekday,
    days: Days,
    logs: Logs,
    knowledge: KnowledgeBase,
) -> list[WeekLoad]:
    """The figures of each of ``weeks`` (in order, consecutive or not). ``days`` and
    ``logs`` must hold the four weeks before the first one too, for its ratio."""
    # Every row of the readiness strip, the heart and lungs too: hard runs count there.
    families = [(family.id, family.groups) for family in knowledge.families]
    found = []
    for week in weeks:
        dates = shown_dates(week, first)
        daily = tuple(day_load(day, days, logs, knowledge) for day in dates)
        planned = sum(
            knowledge.vocabulary.session(s).load
            for day in dates
            for s in days.get(day, PlannedDay.UNPLANNED).sessions
        )
        logged = [logs[day] for day in dates if day in logs and logs[day].done is not None]
        done = sum(log.load(knowledge) for log in logged) if logged else None
        sessions = [s for day in dates for s in held(day, days, logs).sessions]
        hard = tuple(
            (family, sum(1 for s in sessions if is_hard_for(s, groups, knowledge)))
            for family, groups in families
        )
        load = sum(daily)
        shape = monotony(daily)
        found.append(
            WeekLoad(
                week=week,
                planned=planned,
                done=done,
                load=load,
                daily=daily,
                hard=hard,
                monotony=shape,
                strain=None if shape is None else round(load * shape),
                ratio=_ratio(load, dates[0], days, logs, knowledge),
            )
        )
    return found


def _ratio(
    load: int, start: date, days: Days, logs: Logs, knowledge: KnowledgeBase
) -> float | None:
    weeks = [
        sum(
            day_load(start - timedelta(days=7 * week + n), days, logs, knowledge)
            for n in range(1, 8)
        )
        for week in range(CHRONIC_WEEKS)
    ]
    if sum(1 for week in weeks if week) < HISTORY_WEEKS:
        return None
    return load / (sum(weeks) / CHRONIC_WEEKS)


def span(first_week: IsoWeek, last_week: IsoWeek, first: FirstWeekday) -> tuple[date, date]:
    """The dates the figures of ``first_week`` .. ``last_week`` read: from four weeks before
    the first (its ratio) to the last's last day."""
    start = shown_dates(first_week, first)[0] - timedelta(days=CHRONIC_WEEKS * 7)
    return start, shown_dates(last_week, first)[-1]


def weeks_from(first_week: IsoWeek, last_week: IsoWeek) -> list[IsoWeek]:
    """``first_week`` to ``last_week`` inclusive."""
    found = []
    week = first_week
    while week <= last_week:
        found.append(week)
        week = week.next()
    return found


@dataclass(frozen=True, slots=True)
class LoadCaution:
    """A week whose load jumps far above the four weeks before it: a caution, not a
    prediction."""

    week: IsoWeek
    ratio: float
    text: str
    source: Source

    def finding(self) -> Finding:
        """The caution as one of the week's findings: a con worth no points. The score is
        the week's own; what came before it only adds this caution."""
        return Finding(CAUTION_ID, Kind.CON, self.text, "", self.source, 0)


def load_caution(figures: WeekLoad, knowledge: KnowledgeBase) -> LoadCaution | None:
    """The caution for a week at least JUMP_RATIO times the four weeks before it."""
    return _caution(figures.week, figures.ratio, knowledge)


def _caution(week: IsoWeek, ratio: float | None, knowledge: KnowledgeBase) -> LoadCaution | None:
    if ratio is None or ratio < JUMP_RATIO:
        return None
    text = (
        f"Load is {ratio:.1f}x your average week over the four weeks before. Sharp rises "
        "like this were proposed as a warning sign in team-sport data: raise load on "
        "purpose, or spread the rise over a few weeks"
    )
    return LoadCaution(week, ratio, text, knowledge.sources[RATIO_SOURCE])


def caution_for(
    plan: WeekPlan, days: Days, logs: Logs, knowledge: KnowledgeBase
) -> LoadCaution | None:
    """The caution for ``plan`` as shown (stored or proposed: its own days count, whatever
    ``days`` holds for them), given the days and logs of the four weeks before it. Only
    the week's load and the ratio are worked out: the panel asks on every key press."""
    own: dict[date, PlannedDay] = dict(plan.dated_days)
    load = sum(day_load(day, own, logs, knowledge) for day in plan.dates)
    return _caution(plan.week, _ratio(load, plan.dates[0], days, logs, knowledge), knowledge)
