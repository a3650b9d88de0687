"""The user's weeks and settings on disk: one TinyDB file, one writer, crash-safe saves.

``Store.open(path)`` takes the lock file and loads the database; every ``save_*`` call is one
atomic file replacement (see :mod:`planner.store.atomic`). A second planner on the same file gets
:class:`DatabaseLocked`, or with ``fallback_read_only=True`` a read-only store that says why.
Damage found on open is moved aside and reported in :attr:`Store.notices`; it is never read as
an empty database and never written over.

Files appear on first save, not on open: the lock file is created on open when the folder
exists; otherwise the folder and the lock are created by the first save.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from types import TracebackType

import pendulum
from tinydb import TinyDB
from tinydb.table import Document, Table

from planner.locations import make_folders, shown
from planner.plan import DatedDay, Settings, WeekPlan
from planner.store import format as fmt
from planner.store.atomic import (
    AtomicJSONStorage,
    DirectorySyncFailed,
    remove_stale_temps,
)
from planner.store.errors import (
    DatabaseLocked,
    ReadOnlyStore,
    SaveFailed,
    StoreError,
    StoreUnavailable,
    os_reason,
    save_failed,
    unavailable,
)
from planner.store.load import checked_path, load, utc_now
from planner.store.lock import DatabaseLock, HeldElsewhere
from planner.weeks import (
    FirstWeekday,
    IsoWeek,
    UnsupportedDay,
    UnsupportedWeek,
    shown_dates,
    stored_week,
)
from rules import PlannedDay


class Store:
    """Weeks and settings of one database file. Thread-safe; one instance per file per process."""

    def __init__(self, path: Path) -> None:
        """Use :meth:`open`."""
        self._path = path
        self._mutex = threading.RLock()
        self._lock: DatabaseLock | None = None
        self._read_only_reason: str | None = None
        self._notices: list[str] = []
        self._closed = False
        self._now: Callable[[], datetime] = utc_now
        self._storage = AtomicJSONStorage(path, fmt.empty_database(), encode=fmt.encode)
        self._db = TinyDB(storage=lambda: self._storage)
        self._weeks: Table = self._db.table(fmt.WEEKS)
        self._settings: Table = self._db.table(fmt.SETTINGS)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        fallback_read_only: bool = False,
        now: Callable[[], datetime] = utc_now,
    ) -> Store:
        """Open the database at ``path`` for writing.

        ``read_only=True`` never locks, never writes, never moves anything. With
        ``fallback_read_only=True`` a database that another planner holds, or that cannot be
        locked (read-only folder), opens read-only instead of raising, with
        :attr:`read_only_reason` saying why. ``now`` names the aside copy of a damaged
        file (tests pass a fixed time). Raises :class:`StoreError` subclasses only.
        """
        store = cls(checked_path(path))
        store._now = now
        try:
            store._start(read_only=read_only, fallback=fallback_read_only)
        except BaseException:
            store.close()
            raise
        return store

    def _start(self, *, read_only: bool, fallback: bool) -> None:
        if read_only:
            self._read_only_reason = f"The database {shown(self._path)} was opened read-only."
        elif self._path.parent.is_dir():
            try:
                self._take_lock()
            except (DatabaseLocked, StoreUnavailable) as error:
                if not fallback:
                    raise
                self._read_only_reason = str(error)
        data, on_disk = load(
            self._path, writer=self._lock is not None, notices=self._notices, now=self._now
        )
        self._storage.replace_data(data, on_disk=on_disk)
        self._note_unsupported()

    def _note_unsupported(self) -> None:
        data = self._storage.read() or {}
        outside = fmt.unsupported_weeks(data)
        if outside:
            self._notices.append(
                f"The database {shown(self._path)} holds {', '.join(outside)}, outside the "
                "weeks the planner supports: kept in the file, but not shown or exported."
            )
        repeating = fmt.unsupported_repeat_week(data)
        if repeating is not None:
            self._notices.append(
                f"The repeating week in {shown(self._path)}, {repeating}, is outside the weeks "
                "the planner supports: no week repeats it."
            )

    # -- what callers see ------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def read_only(self) -> bool:
        return self._read_only_reason is not None

    @property
    def read_only_reason(self) -> str | None:
        return self._read_only_reason

    @property
    def notices(self) -> tuple[str, ...]:
        """One-line messages for the user about what opening (or a late lock) found and did."""
        return tuple(self._notices)

    def load_plan(self, week: IsoWeek, first: FirstWeekday) -> WeekPlan:
        with self._reading():
            dates = shown_dates(week, first)
            return WeekPlan(week, first, tuple(day for _, day in self._days(dates)))

    def days_between(self, start: date, end: date) -> list[DatedDay]:
        """Every day from ``start`` to ``end`` inclusive, unplanned days as ``None``."""
        if end < start:
            raise ValueError(f"end {end} is before start {start}")
        first = pendulum.Date(start.year, start.month, start.day)
        count = (end - start).days + 1
        with self._reading():
            return self._days(first.add(days=offset) for offset in range(count))

    def stored_weeks(self) -> list[IsoWeek]:
        with self._reading():
            weeks = []
            for doc in self._weeks:
                try:
                    weeks.append(fmt.week_from_doc_id(str(doc.doc_id)))
                except UnsupportedWeek:
                    continue  # kept as it is, named in the notices on open
            return sorted(weeks)

    def planned_days(self) -> dict[date, PlannedDay]:
        """Every planned day stored, by date, read in one pass (no per-week date arithmetic):
        what exporting thousands of weeks reads."""
        with self._reading():
            days: dict[date, PlannedDay] = {}
            for doc_id, doc in self._storage.read().get(fmt.WEEKS, {}).items():
                try:
                    week = fmt.week_from_doc_id(doc_id)
                except UnsupportedWeek:
                    continue  # kept as it is, named in the notices on open
                for index, day in fmt.days_of(doc).items():
                    days[date.fromisocalendar(week.year, week.week, index + 1)] = day
            return days

    def all_plans(self) -> list[WeekPlan]:
        """Every stored week, Monday-first, oldest first: for export."""
        with self._reading():
            return [self.load_plan(week, FirstWeekday.MONDAY) for week in self.stored_weeks()]

    def settings(self) -> Settings:
        with self._reading():
            return fmt.settings_from(self._settings.get(doc_id=fmt.SETTINGS_ID))

    def save_plan(self, plan: WeekPlan) -> None:
        """Save the plan's seven days, in one atomic file replacement, into the ISO weeks they
        belong to. A week left with no planned day is removed."""
        with self._writing():
            self._put_days(plan.dated_days)

    def replace_weeks(
        self,
        plans: Sequence[WeekPlan],
        *,
        clear_others: bool = False,
        settings: Settings | None = None,
    ) -> None:
        """Save many plans (and, when given, the settings) in one atomic write: all or
        nothing (import). With ``clear_others`` every week not covered by ``plans`` is
        removed too."""
        changes: dict[IsoWeek, dict[int, PlannedDay]] = {}
        for plan in plans:
            if plan.first_weekday is FirstWeekday.MONDAY:
                # Its days are its ISO week's, in order: no date arithmetic (most of the cost
                # of importing thousands of weeks).
                changes.setdefault(plan.week, {}).update(enumerate(plan.days))
            else:
                _add_changes(changes, plan.dated_days)
        with self._writing():
            self._put_changes(changes, clear_others=clear_others)
            if settings is not None:
                self._put(self._settings, fmt.SETTINGS_ID, fmt.settings_doc(settings))

    def save(self, value: WeekPlan | Settings) -> None:
        """A week or the settings: what the background writer is handed."""
        if isinstance(value, Settings):
            self.save_settings(value)
        else:
            self.save_plan(value)

    def save_settings(self, settings: Settings) -> None:
        with self._writing():
            self._put(self._settings, fmt.SETTINGS_ID, fmt.settings_doc(settings))

    def close(self) -> None:
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            self._db.close()
            self._release_lock()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading and writing documents -----------------------------------------------------

    def _days(self, dates: Iterable[pendulum.Date]) -> list[DatedDay]:
        weeks: dict[IsoWeek, dict[int, PlannedDay]] = {}
        result = []
        for day in dates:
            week = stored_week(day)
            if week is None:  # next to the edge of the supported weeks: never planned
                result.append((day, PlannedDay.UNPLANNED))
                continue
            if week not in weeks:
                weeks[week] = fmt.days_of(self._weeks.get(doc_id=fmt.week_doc_id(week)))
            result.append((day, weeks[week].get(day.weekday(), PlannedDay.UNPLANNED)))
        return result

    def _put_days(self, days: Iterable[tuple[date, PlannedDay]]) -> None:
        changes: dict[IsoWeek, dict[int, PlannedDay]] = {}
        _add_changes(changes, days)
        self._put_changes(changes)

    def _put_changes(
        self, changes: Mapping[IsoWeek, Mapping[int, PlannedDay]], *, clear_others: bool = False
    ) -> None:
        """Set the days of ``changes`` (ISO week -> ISO weekday -> day) in one pass over a copy
        of the weeks table and one write of it: TinyDB's table operations rebuild the whole
        table on every call, which made an import of n weeks cost n rebuilds. Weeks left with
        no planned day go."""
        current = self._storage.read().get(fmt.WEEKS, {})
        weeks = {} if clear_others else dict(current)
        for week, changed in changes.items():
            doc_id = str(fmt.week_doc_id(week))
            planned = fmt.days_of(weeks.get(doc_id))
            for weekday, new in changed.items():
                if new.is_planned:
                    planned[weekday] = new
                else:
                    planned.pop(weekday, None)
            if planned:
                weeks[doc_id] = fmt.week_doc(week, planned)
            else:
                weeks.pop(doc_id, None)
        if weeks != current:  # an unchanged table costs no write
            tables = self._storage.read()
            tables[fmt.WEEKS] = weeks
            self._storage.write(tables)
            self._weeks.clear_cache()

    def _put(self, table: Table, doc_id: int, doc: Mapping[str, object] | None) -> None:
        """Replace one document (``None`` removes it); an unchanged document costs no write."""
        current = table.get(doc_id=doc_id)
        if (None if current is None else dict(current)) == doc:
            return
        if current is not None:
            table.remove(doc_ids=[doc_id])
        if doc is not None:
            table.insert(Document(doc, doc_id=doc_id))

    @contextmanager
    def _reading(self) -> Iterator[None]:
        with self._mutex:
            self._check_open()
            yield

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with self._mutex:
            self._check_open()
            if self._read_only_reason is not None:
                raise ReadOnlyStore(f"Not saved, read-only: {self._read_only_reason}")
            if self._lock is None:
                self._lock_late()
            try:
                with self._storage.batch():
                    yield
            except DirectorySyncFailed as error:
                raise SaveFailed(
                    f"Saved to {shown(self._path)}, but the system could not confirm it reached "
                    f"the disk: {os_reason(error.error)}. Check the disk before relying on it."
                ) from error
            except OSError as error:
                raise save_failed(self._path, error) from error

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"The database {shown(self._path)} is closed; open it again.")

    # -- lock, load, damage ----------------------------------------------------------------

    def _take_lock(self) -> None:
        lock = DatabaseLock(self._path)
        try:
            lock.acquire()
        except HeldElsewhere as held:
            who = f"another planner (pid {held.pid})" if held.pid else "another planner"
            raise DatabaseLocked(
                f"The database {shown(self._path)} is open in {who}; close it or use another --db."
            ) from None
        except OSError as error:
            raise unavailable(self._path, error, "lock") from error
        self._lock = lock
        with suppress(OSError):
            for stale in remove_stale_temps(self._path):
                self._notices.append(
                    f"Removed {stale}, a temporary file left by an interrupted save."
                )

    def _lock_late(self) -> None:
        """First save to a path whose folder did not exist on open: create it, lock, and
        re-read in case another planner created the database meanwhile."""
        try:
            make_folders(self._path.parent)
        except OSError as error:
            raise unavailable(self._path, error, "create the folder of") from error
        self._take_lock()
        try:
            data, on_disk = load(self._path, writer=True, notices=self._notices, now=self._now)
        except BaseException:
            # E.g. a newer planner created the file meanwhile: hold nothing, write nothing.
            self._release_lock()
            raise
        self._storage.replace_data(data, on_disk=on_disk)

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _add_changes(
    changes: dict[IsoWeek, dict[int, PlannedDay]], days: Iterable[tuple[date, PlannedDay]]
) -> None:
    """Group dated days by ISO week and weekday; a later day for the same date wins. A day
    outside the supported weeks may only be left unplanned (UnsupportedDay otherwise)."""
    for day, new in days:
        week = stored_week(day)
        if week is None:
            if new.is_planned:
                raise UnsupportedDay(day)
            continue
        changes.setdefault(week, {})[day.weekday()] = new
