"""The save state shown in the top bar: saved, saving, read-only or failed.

Colours are in the label's own markup (theme variables), not CSS classes: the state changes
twice per key press and a class change costs a stylesheet pass."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SaveState:
    label: str

    @classmethod
    def saved(cls) -> SaveState:
        return cls("[$readable-success]● saved[/]")

    @classmethod
    def saving(cls, pending: int) -> SaveState:
        return cls(
            f"[$readable-warning]◌ saving ({pending})[/]"
            if pending > 1
            else "[$readable-warning]◌ saving[/]"
        )

    @classmethod
    def read_only(cls) -> SaveState:
        return cls("[$readable-warning b]read-only[/]")

    @classmethod
    def failed(cls, weeks: int) -> SaveState:
        noun = "week" if weeks == 1 else "weeks"
        return cls(f"[$readable-error b]✗ {weeks} {noun} not saved: ctrl+s[/]")

    @classmethod
    def changed_elsewhere(cls) -> SaveState:
        """Changes kept in memory: another program wrote the database (planner.store)."""
        return cls("[$readable-error b]✗ not saved: ctrl+s[/]")
