"""The one error a broken rule file raises."""

from __future__ import annotations


class DataFileError(ValueError):
    """A TOML data file is broken: one line naming the file, the entry and the field.

    ``what`` says which kind of entry is at fault (rule, source, activity, template...);
    ``name`` is its id. :class:`rules.schema.Table` raises it while validating.
    """

    def __init__(
        self,
        file: str,
        problem: str,
        *,
        what: str = "rule",
        name: str | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.what = what
        self.name = name
        self.field = field
        self.problem = problem
        location = file if name is None else f"{file}: {what} '{name}'"
        if field is None:
            message = f"{location}: {problem}"
        else:
            message = f"{location}: field '{field}' {problem}"
        super().__init__(message)


class RuleFileError(DataFileError):
    """A rule file is broken, e.g. ``rules/data/transitions.toml: rule
    'legs-then-pull-fresh-back': field 'kind' must be one of pro, con, tip (got 'good')``.
    Raised before anything is returned, so a knowledge base is either loaded whole or not
    at all."""

    @property
    def rule_id(self) -> str | None:
        """The id of the rule at fault, when the fault is inside a rule."""
        return self.name if self.what == "rule" else None
