"""The command palette (ctrl+p, the template picker, the theme picker): Textual's, made safe
under a key storm where its own code is not.

- Dismissed once (:class:`screens.dialogs.base.DismissOnce`): a second enter ran the chosen
  command twice and popped the week screen.
- PageUp or PageDown before the command list is laid out does nothing. Textual's
  ``OptionList`` pages through the lines it has laid out, and lays none out while its region
  is empty, so ``ctrl+p`` then at once ``pagedown`` raised ``KeyError: 0`` inside Textual
  (``OptionList._move_page``). The root cause is Textual's: ``_update_lines`` returns early
  on an empty region (upstream issue Textualize/textual#5794). A minimal reproduction is
  kept in tests/ui/test_key_storm.py; remove this guard when Textual fixes it.
- A key that arrives once the palette is closing finds no ``CommandList`` (``NoMatches``):
  ignored.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.css.query import NoMatches

from screens.dialogs.base import DismissOnce

PAGE_ACTIONS = frozenset({"page_up", "page_down"})


class PlannerPalette(DismissOnce, CommandPalette):
    def _action_command_list(self, action: str) -> None:
        if self.dismissed:
            return
        try:
            commands = self.query_one(CommandList)
        except NoMatches:
            return
        if action in PAGE_ACTIONS and not commands.scrollable_content_region:
            return  # nothing laid out yet to page through (see the module's doc)
        super()._action_command_list(action)

    def _action_cursor_down(self) -> None:
        if not self.dismissed:
            self._unless_gone(super()._action_cursor_down)

    def _select_or_command(self, event: Any = None) -> None:
        if self.dismissed:
            if event is not None:
                event.stop()
            return
        self._unless_gone(lambda: super(PlannerPalette, self)._select_or_command(event))

    def _unless_gone(self, action: Any) -> None:
        with suppress(NoMatches):  # closing: its widgets are being removed
            action()
