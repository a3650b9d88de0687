"""The save state shown in the top bar: saved, saving, read-only or failed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class SaveState:
    label: str
    css_class: str

    CLASSES: ClassVar[tuple[str, ...]] = ("-saved", "-saving", "-read-only", "-failed")

    @classmethod
    def saved(cls) -> SaveState:
        return cls("● saved", "-saved")

    @classmethod
    def saving(cls, pending: int) -> SaveState:
        return cls(f"◌ saving ({pending})" if pending > 1 else "◌ saving", "-saving")

    @classmethod
    def read_only(cls) -> SaveState:
        return cls("read-only", "-read-only")

    @classmethod
    def failed(cls, weeks: int) -> SaveState:
        noun = "week" if weeks == 1 else "weeks"
        return cls(f"✗ {weeks} {noun} not saved: ctrl+s", "-failed")
