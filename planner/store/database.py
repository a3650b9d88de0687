"""The user's weeks and settings on disk: one TinyDB file, one writer, crash-safe saves.

``Store.open(path)`` takes the lock file and loads the database; every ``save_*`` call is one
atomic file replacement (see :mod:`planner.store.atomic`). A second planner on the same file gets
:class:`DatabaseLocked`, or with ``fallback_read_only=True`` a read-only store that says why.
Damage found on open is moved aside and reported in :attr:`Store.notices`; it is never read as
an empty database and never written over.

Files appear on first save, not on open: the lock file is created on open when the folder
exists; otherwise the folder and the lock are created by the first save.

Before every write the store checks that its lock file is still the one it locked (taking it
again if it was removed) and that the file holds what it last read or wrote. When another
program wrote the file meanwhile, nothing is written over it: the edit is kept in memory
(:mod:`planner.store.conflict`), :class:`DatabaseChanged` says so, and :meth:`Store.merge`
or :meth:`Store.save_elsewhere` saves the kept edits.

Documents are written one way, through TinyDB's table API (:mod:`planner.store.documents`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime, timedelta
from pathlib import Path
from types import TracebackType

import pendulum
from tinydb import TinyDB
from tinydb.table import Document, Table

from planner.block import BlockWeek, LaidWeek
from planner.block_plan import LaidBlock
from planner.days import DAYS_IN_WEEK, WEEKDAY_KEYS
from planner.locations import make_folders, shown
from planner.log import EMPTY_LOG, DayLog, WeekLogs, keep_logged
from planner.plan import DatedDay, Settings, WeekPlan
from planner.store import blocks as blockbook
from planner.store import format as fmt
from planner.store import logs as logbook
from planner.store import revisions as rev
from planner.store.atomic import (
    AtomicJSONStorage,
    ChangedOnDisk,
    DirectorySyncFailed,
    remove_stale_temps,
)
from planner.store.conflict import (
    BlockChanges,
    DayChanges,
    LogChanges,
    Unsaved,
    group_by_week,
    logs_by_week,
)
from planner.store.documents import documents, put_days, put_documents
from planner.store.errors import (
    DatabaseLocked,
    ReadOnlyStore,
    SaveFailed,
    StoreError,
    StoreUnavailable,
    changed_under,
    os_reason,
    save_failed,
    unavailable,
)
from planner.store.load import checked_path, load, utc_now
from planner.store.lock import DatabaseLock, HeldElsewhere, lock_path
from planner.store.revisions import DayRevision
from planner.weeks import (
    FirstWeekday,
    IsoWeek,
    UnsupportedWeek,
    shown_dates,
    stored_week,
)
from rules import PlannedDay


def _supported(table: Table) -> Iterator[tuple[IsoWeek, Document]]:
    """Each document of a per-week table with its week, in table order; a week outside the
    supported weeks (an older planner's) is kept in the file as it is, named in the notices
    on open, and never read."""
    for doc in table:
        try:
            yield fmt.week_from_doc_id(str(doc.doc_id)), doc
        except UnsupportedWeek:
            continue


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
        self._unsaved = Unsaved()
        self._storage = AtomicJSONStorage(
            path, fmt.empty_database(), encode=fmt.encode, before_commit=self._hold_lock
        )
        self._db = TinyDB(storage=lambda: self._storage)
        self._weeks: Table = self._db.table(fmt.WEEKS)
        self._settings: Table = self._db.table(fmt.SETTINGS)
        self._logs: Table = self._db.table(fmt.LOGS)
        self._blocks: Table = self._db.table(fmt.BLOCKS)

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
        data, disk = load(
            self._path, writer=self._lock is not None, notices=self._notices, now=self._now
        )
        # Only a writer checks the file before a save; a reader keeps no copy of its bytes.
        self._storage.replace_data(data, disk=disk if self._lock is not None else None)
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
            return sorted(week for week, _ in _supported(self._weeks))

    def planned_dates(self) -> Iterator[date]:
        """Every planned day's date, one stored week at a time, decoding no day: which weeks
        an export shows, without holding every day of thousands of weeks."""
        with self._reading():
            for week, doc in _supported(self._weeks):
                for index, key in enumerate(WEEKDAY_KEYS):
                    if key in doc:
                        yield date.fromisocalendar(week.year, week.week, index + 1)

    def planned_days(self) -> dict[date, PlannedDay]:
        """Every planned day stored, by date, read in one pass (no per-week date arithmetic):
        what exporting thousands of weeks reads."""
        with self._reading():
            days: dict[date, PlannedDay] = {}
            for week, doc in _supported(self._weeks):
                for index, day in fmt.days_of(doc).items():
                    days[date.fromisocalendar(week.year, week.week, index + 1)] = day
            return days

    def logs_between(self, start: date, end: date) -> dict[date, DayLog]:
        """The day logs from ``start`` to ``end`` (inclusive), by date: days with nothing
        logged are left out."""
        with self._reading():
            found: dict[date, DayLog] = {}
            day = start
            while day <= end:
                week = stored_week(day)
                if week is None:
                    day += timedelta(days=1)
                    continue
                monday = date.fromisocalendar(week.year, week.week, 1)
                for index, log in logbook.entries(
                    self._logs.get(doc_id=fmt.week_doc_id(week))
                ).items():
                    dated = monday + timedelta(days=index)
                    if start <= dated <= end:
                        found[dated] = log
                day = monday + timedelta(days=7)
            return found

    def all_logs(self) -> dict[date, DayLog]:
        """Every day log, by date (export)."""
        with self._reading():
            found: dict[date, DayLog] = {}
            for week, doc in _supported(self._logs):
                monday = date.fromisocalendar(week.year, week.week, 1)
                for index, log in logbook.entries(doc).items():
                    found[monday + timedelta(days=index)] = log
            return found

    def save_logs(self, logs: Mapping[date, DayLog]) -> None:
        """Set the logs of the given days (an empty log removes one), in one atomic write.
        The plan is never touched."""
        self._save_changes({}, logs=logs_by_week(logs))

    def blocks_between(self, first: IsoWeek, last: IsoWeek) -> dict[IsoWeek, BlockWeek]:
        """The block marks of the weeks from ``first`` to ``last`` (inclusive), by week:
        weeks in no block are left out."""
        with self._reading():
            found: dict[IsoWeek, BlockWeek] = {}
            ids = range(fmt.week_doc_id(first), fmt.week_doc_id(last) + 1)
            for doc in self._blocks.get(doc_ids=[i for i in ids if i % 100 and i % 100 <= 53]):
                mark = blockbook.decode(doc)
                if mark is not None:
                    found[fmt.week_from_doc_id(str(doc.doc_id))] = mark
            return found

    def all_blocks(self) -> dict[IsoWeek, BlockWeek]:
        """Every week's block mark (export)."""
        with self._reading():
            found: dict[IsoWeek, BlockWeek] = {}
            for week, doc in _supported(self._blocks):
                mark = blockbook.decode(doc)
                if mark is not None:
                    found[week] = mark
            return found

    def lay_block(self, laid: Sequence[LaidWeek]) -> list[date]:
        """Save the weeks of a block and their marks in one atomic write: each week is
        replaced whole, except days already logged done, which keep their plan (a block
        never rewrites a day lived). Returns the dates so kept."""
        with self._mutex:
            plans = []
            kept: list[date] = []
            for week in laid:
                before = self.load_plan(week.plan.week, week.plan.first_weekday)
                dates = week.plan.dates
                logs = self.logs_between(dates[0], dates[-1])
                plan, kept_here = keep_logged(before, week.plan, logs)
                plans.append(plan)
                kept += kept_here
            changes: DayChanges = {}
            for plan in plans:
                for week_of_day, days in group_by_week(plan.dated_days).items():
                    changes.setdefault(week_of_day, {}).update(days)
            marks: BlockChanges = {week.plan.week: week.mark for week in laid}
            self._save_changes(changes, blocks=marks)
            return kept

    def revisions(self) -> dict[date, DayRevision]:
        """Every day's revision kept (planner.store.revisions), by date, in one pass: days
        that were cleared keep theirs."""
        with self._reading():
            found: dict[date, DayRevision] = {}
            for doc_id, doc in self._storage.read().get(fmt.REVISIONS, {}).items():
                try:
                    week = fmt.week_from_doc_id(doc_id)
                except UnsupportedWeek:
                    continue
                monday = date.fromisocalendar(week.year, week.week, 1)
                for index, entry in rev.entries(doc).items():
                    found[monday + timedelta(days=index)] = entry
            return found

    def note_exported(self, counts: Mapping[date, int]) -> None:
        """Keep that a calendar export wrote ``counts[day]`` events for each day (one atomic
        write, none when nothing is new)."""
        keyed = {}
        for day, count in counts.items():
            week = IsoWeek.containing(day)
            doc_id = str(fmt.week_doc_id(week))
            keyed[(doc_id, str(week), day.weekday())] = count
        with self._writing():
            tables = self._storage.read()
            current = tables.get(fmt.REVISIONS, {})
            noted = rev.with_exported(current, keyed)
            if noted != current:
                tables[fmt.REVISIONS] = noted
                self._storage.write(tables)

    def all_plans(self) -> list[WeekPlan]:
        """Every stored week, Monday-first, oldest first: for export."""
        with self._reading():
            return [self.load_plan(week, FirstWeekday.MONDAY) for week in self.stored_weeks()]

    def settings(self) -> Settings:
        with self._reading():
            return fmt.settings_from(self._settings.get(doc_id=fmt.SETTINGS_ID))

    @property
    def unsaved_weeks(self) -> list[IsoWeek]:
        """Weeks with edits kept in memory because another program wrote the file."""
        with self._mutex:
            return self._unsaved.weeks

    @property
    def in_conflict(self) -> bool:
        """Whether edits are kept in memory (see :meth:`merge`, :meth:`save_elsewhere`)."""
        with self._mutex:
            return bool(self._unsaved)

    def save_plan(self, plan: WeekPlan) -> None:
        """Save the plan's seven days, in one atomic file replacement, into the ISO weeks they
        belong to. A week left with no planned day is removed."""
        self._save_changes(group_by_week(plan.dated_days))

    def replace_weeks(
        self,
        plans: Sequence[WeekPlan],
        *,
        clear_others: bool = False,
        settings: Settings | None = None,
        logs: Mapping[date, DayLog] | None = None,
        blocks: Mapping[IsoWeek, BlockWeek] | None = None,
    ) -> None:
        """Save many plans (and, when given, the settings, the day logs of the weeks of
        ``plans``, which replace theirs, and block marks, which replace those of the weeks
        of ``plans`` and are set on their own weeks) in one atomic write: all or nothing
        (import). With ``clear_others`` every week not covered by ``plans`` is removed too."""
        changes: DayChanges = {}
        for plan in plans:
            if plan.first_weekday is FirstWeekday.MONDAY:
                # Its days are its ISO week's, in order: no date arithmetic (most of the cost
                # of importing thousands of weeks).
                changes.setdefault(plan.week, {}).update(enumerate(plan.days))
            else:
                for week, days in group_by_week(plan.dated_days).items():
                    changes.setdefault(week, {}).update(days)
        replaced: LogChanges | None = None
        if logs is not None:
            replaced = {plan.week: dict.fromkeys(range(DAYS_IN_WEEK), EMPTY_LOG) for plan in plans}
            for week, logged in logs_by_week(logs).items():
                replaced.setdefault(week, {}).update(logged)
        marks: BlockChanges | None = None
        if blocks is not None:
            marks = {plan.week: None for plan in plans}
            marks.update(blocks)
        self._save_changes(
            changes, clear_others=clear_others, settings=settings, logs=replaced, blocks=marks
        )

    def save(self, value: WeekPlan | Settings | WeekLogs | LaidBlock) -> None:
        """A week, the settings, a week's day logs or a training block: what the background
        writer is handed."""
        if isinstance(value, LaidBlock):
            self.lay_block(value.weeks)
        elif isinstance(value, Settings):
            self.save_settings(value)
        elif isinstance(value, WeekLogs):
            self.save_logs(value.as_dict())
        else:
            self.save_plan(value)

    def save_settings(self, settings: Settings) -> None:
        self._save_changes({}, settings=settings)

    def merge(self) -> None:
        """Replay the edits kept in memory on the file as it is now, and save: both this
        store's edits and the other program's are kept (this store's win on a day both
        changed). Afterwards every read gives the merged data."""
        with self._mutex:
            self._check_open()
            if self._lock is None or self._lock.lost():
                self._retake_lock()
            data, disk = load(self._path, writer=True, notices=self._notices, now=self._now)
            self._storage.replace_data(data, disk=disk)
            kept, self._unsaved = self._unsaved, Unsaved()
            try:
                self._save_changes(
                    kept.days,
                    settings=kept.settings_on(self.settings()),
                    logs=kept.logs,
                    blocks=kept.blocks,
                )
            except BaseException:
                self._unsaved = kept
                raise

    def save_elsewhere(self, path: Path | str) -> Path:
        """Save everything as this store shows it, its kept edits included, to a new file at
        ``path``, and use that file from now on; the file left is as the other program wrote
        it. StoreUnavailable if ``path`` exists (nothing is written over a file not read) or
        cannot be written; then nothing changes."""
        with self._mutex:
            self._check_open()
            target = checked_path(path)
            if target == self._path or target.exists():
                raise StoreUnavailable(
                    f"{shown(target)} already exists: nothing is written over a file the "
                    "planner did not read. Choose a new file."
                )
            lock = DatabaseLock(target)
            try:
                make_folders(target.parent)
                lock.acquire()
            except HeldElsewhere:
                raise DatabaseLocked(f"{shown(target)} is open in another planner.") from None
            except OSError as error:
                raise unavailable(target, error, "lock") from error
            before = self._path, self._lock, self._storage.disk
            self._path, self._lock = target, lock
            self._storage.path = target
            self._storage.replace_data(self._storage.read(), disk=None)  # no file there yet
            kept, self._unsaved = self._unsaved, Unsaved()
            try:
                self._save_changes(
                    kept.days,
                    settings=kept.settings_on(self.settings()),
                    logs=kept.logs,
                    blocks=kept.blocks,
                    force=True,
                )
            except BaseException:
                lock.release()
                self._path, self._lock, disk = before
                self._storage.path = self._path
                self._storage.replace_data(self._storage.read(), disk=disk)
                self._unsaved = kept
                raise
            if before[1] is not None:
                before[1].release()
            return target

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

    def _save_changes(
        self,
        changes: DayChanges,
        *,
        clear_others: bool = False,
        settings: Settings | None = None,
        logs: LogChanges | None = None,
        blocks: BlockChanges | None = None,
        force: bool = False,
    ) -> None:
        """Every write: the days of ``changes`` (ISO week -> weekday -> day), the settings
        and the day logs, in one atomic file replacement; ``force`` writes even when
        nothing changed."""
        with self._mutex:
            try:
                with self._writing():
                    if self._unsaved:  # the file changed under this store: keep, not write
                        raise ChangedOnDisk(str(self._path))
                    self._put_changes(changes, clear_others=clear_others)
                    if settings is not None:
                        self._put(self._settings, fmt.SETTINGS_ID, fmt.settings_doc(settings))
                    if logs:
                        self._put_logs(logs)
                    if blocks:
                        self._put_blocks(blocks)
                    if force:
                        self._storage.write(self._storage.read())
            except ChangedOnDisk:
                base = self._storage.read()
                self._unsaved.add_days(base, changes)
                if settings is not None:
                    self._unsaved.add_settings(base, settings)
                if logs:
                    self._unsaved.add_logs(base, logs)
                if blocks:
                    self._unsaved.add_blocks(base, blocks)
                raise changed_under(self._path, self._lock_file()) from None

    def _put_logs(self, logs: LogChanges) -> None:
        ids = {fmt.week_doc_id(week): week for week in logs}
        current = documents(self._logs, ids)
        new = {}
        for doc_id, week in ids.items():
            days = logbook.entries(current.get(doc_id))
            days.update(logs[week])
            new[doc_id] = logbook.document(str(week), days)
        put_documents(self._logs, new, current)

    def _put_blocks(self, blocks: BlockChanges) -> None:
        put_documents(
            self._blocks,
            {
                fmt.week_doc_id(week): blockbook.document(str(week), mark)
                for week, mark in blocks.items()
            },
        )

    def _put_changes(self, changes: DayChanges, *, clear_others: bool = False) -> None:
        """Set the days, then move each changed day one revision on, for calendars
        (planner.store.revisions); in the batch of the write around it."""
        before = dict(self._storage.read().get(fmt.WEEKS, {}))
        put_days(self._weeks, changes, clear_others=clear_others)
        tables = self._storage.read()
        after = tables.get(fmt.WEEKS, {})
        if after == before:
            return
        touched = (
            set(before) | set(after) if clear_others else map(str, map(fmt.week_doc_id, changes))
        )
        current = tables.get(fmt.REVISIONS, {})
        revised = rev.revised(current, before, after, touched, self._now())
        if revised != current:
            tables[fmt.REVISIONS] = revised
            self._storage.write(tables)

    def _put(self, table: Table, doc_id: int, doc: Mapping[str, object] | None) -> None:
        put_documents(table, {doc_id: doc})

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

    def _take_lock(self, *, clean: bool = True) -> None:
        """Lock the database; with ``clean``, remove what interrupted saves left (never while
        retaking a removed lock mid-save: the temporary files there are this save's)."""
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
        if not clean:
            return
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
            data, disk = load(self._path, writer=True, notices=self._notices, now=self._now)
        except BaseException:
            # E.g. a newer planner created the file meanwhile: hold nothing, write nothing.
            self._release_lock()
            raise
        self._storage.replace_data(data, disk=disk)

    def _hold_lock(self) -> None:
        """Just before each write (planner.store.atomic): the lock file must still be the
        one this store locked. If it was removed, lock a new one; if another process has
        locked that first, the database is theirs now: write nothing."""
        if self._lock is not None and not self._lock.lost():
            return
        try:
            self._retake_lock()
        except DatabaseLocked:
            raise ChangedOnDisk(str(self._path)) from None

    def _retake_lock(self) -> None:
        self._release_lock()
        self._take_lock(clean=False)

    def _lock_file(self) -> Path:
        return lock_path(self._path)

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
