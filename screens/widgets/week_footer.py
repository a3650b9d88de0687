"""The footer: Textual's, showing the keys a user needs most that fit the width, whole.

Textual's footer shows every binding marked ``show``, in order, and cuts what does not fit
(at 80 columns it lost Quit: ``^q▏^p palette``). This one takes the entries in the order of
their rank (``ranks``: an action, or a binding group's description) while they fit, and
shows them in ``order`` (the bindings' own order: Textual lists a key first that a base
class binds first, such as tab). It composes again only when the width changes which fit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from screens.keys import footer_name

# Cells around a key and its description (Textual's FooterKey: " k desc "), around each key
# of a group (" p u g r . ": the margins between keys overlap) and after a group's label.
_KEY_PADDING = 3
_GROUP_PADDING = 1
_LABEL_MARGIN = 1
# The palette key, docked on the right: "^p palette" and its border.
_PALETTE_WIDTH = 12

Entry = tuple[str, list[tuple[Binding, bool, str]]]  # (rank name, its bindings)


class WeekFooter(Footer):
    def __init__(
        self, ranks: Sequence[str], order: Sequence[str], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._ranks = tuple(ranks)
        self._order = {name: place for place, name in enumerate(order)}
        self._fitted: tuple[int, frozenset[str]] | None = None  # (width, names shown)

    def _entries(self) -> list[Entry]:
        """Each rank name with its active bindings, in the footer's order."""
        entries: dict[str, list[tuple[Binding, bool, str]]] = {}
        seen: set[str] = set()
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            name = footer_name(binding)
            if name in self._ranks and binding.action not in seen:
                seen.add(binding.action)  # a binding of several keys is one entry
                entries.setdefault(name, []).append((binding, enabled, tooltip))
        return sorted(entries.items(), key=lambda entry: self._order.get(entry[0], 0))

    def _width(self, entry: Entry) -> int:
        name, bindings = entry
        keys = [self.app.get_key_display(binding) for binding, _, _ in bindings]
        binding = bindings[0][0]
        if binding.group is not None:
            return sum(map(len, keys)) + len(keys) + _GROUP_PADDING + len(name) + _LABEL_MARGIN
        return len(keys[0]) + len(binding.description) + _KEY_PADDING

    def shown(self, width: int) -> frozenset[str]:
        """The rank names that fit ``width`` cells, the first ranks first."""
        widths = {name: self._width((name, b)) for name, b in self._entries()}
        room = width - (_PALETTE_WIDTH if self.show_command_palette else 0)
        shown: set[str] = set()
        for name in self._ranks:
            if name in widths and widths[name] <= room:
                shown.add(name)
                room -= widths[name]
            elif name in widths:
                break  # the next ranks are needed less: never one past a gap
        return frozenset(shown)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        width = self.app.size.width
        shown = self.shown(width)
        self._fitted = (width, shown)
        for name, bindings in self._entries():
            if name in shown:
                yield from self._keys(name, bindings)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if active is not None:
                _, binding, enabled, _ = active
                yield FooterKey(
                    binding.key, self.app.get_key_display(binding), binding.description,
                    binding.action, classes="-command-palette", disabled=not enabled,
                    tooltip=binding.tooltip or binding.description,
                )  # fmt: skip

    def _keys(self, name: str, bindings: list[tuple[Binding, bool, str]]) -> Iterable[Widget]:
        """As Textual's footer draws them: a group's keys then its label, else key and
        description."""
        grouped = bindings[0][0].group is not None
        keys = [
            FooterKey(
                binding.key, self.app.get_key_display(binding),
                "" if grouped else binding.description, binding.action,
                disabled=not enabled, tooltip=tooltip or binding.tooltip or binding.description,
                classes="-grouped" if grouped else "",
            ).data_bind(compact=Footer.compact)
            for binding, enabled, tooltip in bindings
        ]  # fmt: skip
        if grouped:
            with KeyGroup():
                yield from keys
            yield FooterLabel(name)
        else:
            yield from keys

    def on_resize(self) -> None:
        width = self.app.size.width
        if self._fitted is not None and self._fitted[0] != width:
            if self.shown(width) != self._fitted[1]:
                self.call_after_refresh(self.recompose)
            else:
                self._fitted = (width, self._fitted[1])
