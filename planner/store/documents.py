"""Writing TinyDB documents, the store's one way: its table API, several documents per call.

TinyDB rebuilds the whole table on every ``insert``, ``remove`` or ``update``, so a call per
document made an import of n weeks cost n rebuilds. Here each write reads the documents it
changes in one pass (``get(doc_ids=...)``), then makes at most one ``remove`` and one
``insert_multiple``; unchanged documents cost nothing. A document is replaced whole (removed,
then inserted with its id): TinyDB's ``update`` and ``upsert`` merge fields, which would keep
a day the new week no longer plans.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tinydb.table import Document, Table

from planner.store import format as fmt
from planner.store.conflict import DayChanges


def documents(table: Table, doc_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The documents of ``doc_ids`` that exist, read in one pass over the table."""
    wanted = list(doc_ids)
    return {doc.doc_id: dict(doc) for doc in table.get(doc_ids=wanted)} if wanted else {}


def put_documents(
    table: Table,
    new: Mapping[int, Mapping[str, object] | None],
    current: Mapping[int, Mapping[str, object]] | None = None,
) -> None:
    """Replace each document of ``new`` (``None`` removes it), given what the table holds now
    (``current``: read here when not given)."""
    if current is None:
        current = documents(table, new)
    changed = {doc_id: doc for doc_id, doc in new.items() if current.get(doc_id) != doc}
    removed = [doc_id for doc_id in changed if doc_id in current]
    if removed:
        table.remove(doc_ids=removed)
    added = [Document(doc, doc_id) for doc_id, doc in changed.items() if doc is not None]
    if added:
        table.insert_multiple(added)


def put_days(weeks: Table, changes: DayChanges, *, clear_others: bool = False) -> None:
    """Set the days of ``changes`` (ISO week -> weekday -> day) in the weeks table; a week
    left with no planned day goes, and with ``clear_others`` every other week too."""
    ids = {fmt.week_doc_id(week): week for week in changes}
    current = {doc.doc_id: dict(doc) for doc in weeks} if clear_others else documents(weeks, ids)
    new: dict[int, dict[str, str] | None] = {}
    for doc_id, week in ids.items():
        planned = fmt.days_of(current.get(doc_id))
        for weekday, day in changes[week].items():
            if day.is_planned:
                planned[weekday] = day
            else:
                planned.pop(weekday, None)
        new[doc_id] = fmt.week_doc(week, planned) if planned else None
    if not clear_others:
        put_documents(weeks, new, current)
        return
    kept = {doc_id: doc for doc_id, doc in new.items() if doc is not None}
    if current != kept:
        weeks.truncate()
        weeks.insert_multiple(Document(doc, doc_id) for doc_id, doc in kept.items())
