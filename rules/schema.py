"""Reading one TOML table field by field, failing with the file, entry and field named: for
the rule files, and for planner's own data files (templates)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import NoReturn

from rules.activities import Activity
from rules.errors import DataFileError, RuleFileError
from rules.specs import Attribute, Spec, parse_word

WILDCARD = "*"
_ACTIVITY_NAMES = frozenset(activity.value for activity in Activity)
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _show(value: object) -> str:
    return repr(value) if isinstance(value, str) else f"{value!r} ({type(value).__name__})"


class Table:
    """One entry of a rule file (a rule, a source, an activity) being validated."""

    def __init__(
        self,
        file: str,
        what: str,
        name: str | None,
        data: object,
        *,
        prefix: str = "",
        error: type[DataFileError] = RuleFileError,
    ) -> None:
        self.file = file
        self.what = what
        self.name = name
        self.error = error
        # A nested table names its fields from the entry: "loads.chest", "conditions[1].min".
        self.prefix = prefix
        if not isinstance(data, Mapping):
            self.fail(None, f"must be a table (got {_show(data)})")
        self.data: Mapping[str, object] = data

    def fail(self, field: str | None, problem: str) -> NoReturn:
        if field is not None:
            field = self.prefix + field
        elif self.prefix:
            field = self.prefix.rstrip(".")
        raise self.error(self.file, problem, what=self.what, name=self.name, field=field)

    def only(self, allowed: Collection[str]) -> None:
        """Reject fields nobody reads: a typo must not silently drop a setting."""
        for key in self.data:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.fail(key, f"is not a known field here (known: {known})")

    def has(self, field: str) -> bool:
        return field in self.data

    def raw(self, field: str) -> object:
        if field not in self.data:
            self.fail(field, "is missing")
        return self.data[field]

    def text(self, field: str, *, one_line: bool = False, max_len: int | None = None) -> str:
        value = self.raw(field)
        if not isinstance(value, str) or not value.strip():
            self.fail(field, f"must be a non-empty string (got {_show(value)})")
        if one_line and "\n" in value.strip():
            self.fail(field, "must be a single line")
        # Details are written as wrapped TOML strings; the panel re-wraps them.
        value = " ".join(value.split())
        if max_len is not None and len(value) > max_len:
            self.fail(field, f"must be at most {max_len} characters (got {len(value)})")
        return value

    def ident(self, field: str) -> str:
        value = self.raw(field)
        if not isinstance(value, str) or not _ID.fullmatch(value):
            self.fail(field, f"must be lowercase words joined by '-' (got {_show(value)})")
        return value

    def choice(self, field: str, choices: Collection[str]) -> str:
        value = self.raw(field)
        if not isinstance(value, str) or value not in choices:
            self.fail(field, f"must be one of {', '.join(choices)} (got {_show(value)})")
        return value

    def integer(self, field: str, low: int, high: int) -> int:
        value = self.raw(field)
        # bool is an int subclass: `weight = true` must not pass as 1.
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.fail(field, f"must be a whole number from {low} to {high} (got {_show(value)})")
        return value

    def fraction(self, field: str, *, allow_zero: bool = False) -> float:
        value = self.raw(field)
        low = "0" if allow_zero else "above 0"
        problem = f"must be a number from {low} to 1 (got {_show(value)})"
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(field, problem)
        number = float(value)
        if not 0 <= number <= 1 or (number == 0 and not allow_zero):
            self.fail(field, problem)
        return number

    def flag(self, field: str) -> bool:
        value = self.raw(field)
        if not isinstance(value, bool):
            self.fail(field, f"must be true or false (got {_show(value)})")
        return value

    def activities(self, field: str) -> frozenset[Activity]:
        """An activity name, a list of them, or "*" for any planned activity."""
        value = self.raw(field)
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not names:
            self.fail(
                field, f"must be an activity, a list of activities or '*' (got {_show(value)})"
            )
        if names == [WILDCARD]:
            return frozenset(Activity)
        chosen: set[Activity] = set()
        for name in names:
            if not isinstance(name, str) or name not in _ACTIVITY_NAMES:
                known = ", ".join(Activity)
                self.fail(field, f"names an unknown activity {_show(name)} (known: {known})")
            chosen.add(Activity(name))
        return frozenset(chosen)

    def spec(self, field: str) -> Spec:
        """Sessions as a rule names them (``rules.specs``): a word or a list of words."""
        value = self.raw(field)
        words = [value] if isinstance(value, str) else value
        if not isinstance(words, list) or not words:
            self.fail(field, f"must be a session word or a list of them (got {_show(value)})")
        members: set[tuple[Activity, Attribute]] = set()
        for word in words:
            if not isinstance(word, str):
                self.fail(
                    field, f"must hold session words such as 'legs:heavy' (got {_show(word)})"
                )
            found = parse_word(word)
            if isinstance(found, str):
                self.fail(field, found)
            members |= found
        return Spec(frozenset(members))

    def names(self, field: str, known: Collection[str]) -> tuple[str, ...]:
        """A non-empty list of ids drawn from ``known`` (e.g. muscle groups)."""
        value = self.raw(field)
        if not isinstance(value, list) or not value:
            self.fail(field, f"must be a non-empty list (got {_show(value)})")
        for item in value:
            if not isinstance(item, str) or item not in known:
                self.fail(
                    field, f"names an unknown entry {_show(item)} (known: {', '.join(known)})"
                )
        if len(set(value)) != len(value):
            self.fail(field, "lists an entry twice")
        return tuple(value)

    def ident_value(self, value: str) -> None:
        """Check the entry's own id (a TOML table key) has the id shape."""
        if not _ID.fullmatch(value):
            self.fail(None, "must be named in lowercase words joined by '-'")
