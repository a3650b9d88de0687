"""The advice panel's scrolling list: the week's findings and its transitions, each entry
a block of :class:`~screens.widgets.hanging_text.Line` s, drawn with Textual's Line API."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import partial

from rich.segment import Segment
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from screens.widgets.hanging_text import Line, hang
from screens.widgets.kept_lines import KeptLines

Entry = tuple[Line, ...]

THUMB = "▐"


def thumb_rows(height: int, lines: int, top: int) -> range:
    """The rows of a list ``height`` rows high, showing ``lines`` lines from line ``top``,
    where the scroll thumb is drawn: none when everything fits; else as tall as the share
    shown (at least one row), as far down as the list is scrolled."""
    if height <= 0 or lines <= height:
        return range(0)
    size = max(1, round(height * height / lines))
    travel = lines - height
    start = round((height - size) * min(top, travel) / travel)
    return range(start, start + size)


class AdviceList(ScrollView, can_focus=True, inherit_bindings=False):
    """The week's findings and its transitions as one scrolling list of pre-rendered lines
    (Textual's Line API). Each entry comes with a key (the view's version, its place, its
    form), is rendered once per text and width and kept, so a key press renders only the
    entries whose text changed, and the list scrolls to the selected day's transitions in
    the same frame. Focused only to read it (``tab``): then it scrolls
    with the arrows, pgup/pgdn and home/end, while ←/→ still move the selection (they are
    not bound here)."""

    # At once, not animated: a key pressed while an animated scroll runs could leave the
    # list short of its first or last line.
    BINDINGS = [
        Binding("up", "scroll_by(-1)", "Scroll up", show=False),
        Binding("down", "scroll_by(1)", "Scroll down", show=False),
        Binding("pageup", "scroll_pages(-1)", "Page up", show=False),
        Binding("pagedown", "scroll_pages(1)", "Page down", show=False),
        Binding("home", "scroll_to_end(-1)", "Top", show=False),
        Binding("end", "scroll_to_end(1)", "Bottom", show=False),
    ]

    # Scrolls (keys, wheel) with Textual's own scrolling, but its scrollbar takes no room:
    # the list draws where it is in its last column itself. Textual's scrollbar is a widget
    # of its own, drawn again whenever the list scrolls, which it does on every move of the
    # selection, and it cost as much as the rest of the list.
    DEFAULT_CSS = """
    AdviceList {
        height: 1fr;
        overflow-y: scroll;
        scrollbar-size-vertical: 0;
    }
    AdviceList > .advice-list--thumb {
        color: $readable-muted;
    }
    AdviceList:focus > .advice-list--thumb {
        color: $readable-accent;
    }
    """
    COMPONENT_CLASSES = {"advice-list--thumb"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: tuple[Hashable, ...] = ()
        self._entries: tuple[Entry, ...] = ()
        self._focus: int | None = None
        # (entry, its first line) last scrolled to the top
        self._scrolled_to: tuple[int, int] | None = None
        # (entry's key, width) -> lines: a move of the selection finds the entries of the
        # same view by their key, cheaper than comparing their lines.
        self._by_key: KeptLines[tuple[Hashable, int], list[Strip]] = KeptLines(64)
        # (entry, width) -> lines: an edit finds the transitions it left as they were by
        # what they say, since they belong to a new version of the view.
        self._rendered: KeptLines[tuple[Entry, int], list[Strip]] = KeptLines(64)
        self._lines: list[Strip] = []
        self._starts: list[int] = []  # first line of each entry
        self._width = 0

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    def show(self, entries: Sequence[tuple[Hashable, Entry]], *, focus: int | None = None) -> None:
        """Show ``entries`` (each with its key: the same key, the same lines), scrolled so
        entry ``focus`` is at the top when the focus moved to another entry."""
        keys = tuple(key for key, _ in entries)
        if keys == self._keys and focus == self._focus:
            return
        self._keys, self._entries = keys, tuple(entry for _, entry in entries)
        self._focus = focus
        self._build()

    def _build(self) -> None:
        width = self.scrollable_content_region.width
        self._width = width
        if width <= 0:  # not laid out yet: built on the first resize
            return
        lines: list[Strip] = []
        starts: list[int] = []
        blank = Strip.blank(width, self.rich_style)
        for key, entry in zip(self._keys, self._entries, strict=True):
            if lines:
                lines.append(blank)  # one blank line between entries
            starts.append(len(lines))
            lines.extend(self._by_key.get((key, width), partial(self._entry_lines, entry, width)))
        self._lines, self._starts = lines, starts
        self._set_extent(Size(width, len(lines)))
        # Scrolled only when the focus moved to another entry or its place in the list (an
        # edit above it): not on every edit, so reading with tab is not jumped around.
        focus = self._focus
        place = (focus, starts[focus]) if focus is not None and focus < len(starts) else None
        if place is not None and place != self._scrolled_to:
            self.scroll_to(y=place[1], animate=False, immediate=True)
            self._scrolled_to = place
        self.refresh()

    def _set_extent(self, size: Size) -> None:
        """How far the list scrolls. The list's own size is the layout's (``1fr``) and
        never its content's, so a change of content needs no new layout of the screen (the
        ``virtual_size`` reactive would ask for one, and with it a repaint of everything
        around the list): only the scrollbar follows, as Textual updates it after a
        layout."""
        if size != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)

    def _entry_lines(self, entry: Entry, width: int) -> list[Strip]:
        return self._rendered.get((entry, width), partial(self._draw, entry, width))

    def _draw(self, entry: Entry, width: int) -> list[Strip]:
        # Two columns kept free on the right: a gap, and the scroll thumb's.
        text_width = max(1, width - 2)
        text = Content("\n").join(hang(entry, text_width))
        return [
            strip.extend_cell_length(width, self.rich_style)
            for strip in Visual.to_strips(self, text, text_width, None, self.visual_style)
        ]

    def action_scroll_by(self, lines: int) -> None:
        self.scroll_relative(y=lines, animate=False, immediate=True)

    def action_scroll_pages(self, pages: int) -> None:
        self.scroll_relative(y=pages * self.scrollable_content_region.height, animate=False)

    def action_scroll_to_end(self, end: int) -> None:
        """The list's first line (``end`` < 0) or its last one at the bottom."""
        y = 0 if end < 0 else self.max_scroll_y
        self.scroll_to(y=y, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        width, height = self.size
        index = self.scroll_offset.y + y
        if index < len(self._lines):
            line = self._lines[index]
        else:
            line = Strip.blank(width, self.rich_style)
        thumb = thumb_rows(height, len(self._lines), self.scroll_offset.y)
        if y not in thumb:
            return line
        # The thumb goes in the column kept free on the right of the text.
        mark = Strip([Segment(THUMB, self.get_component_rich_style("advice-list--thumb"))], 1)
        return Strip.join((line.crop(0, width - 1), mark))

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            # The text wraps anew, so the line the list was scrolled to means something
            # else: back to the selected day's transitions.
            self._scrolled_to = None
            self._build()

    def notify_style_update(self) -> None:
        """The theme or styles changed: the kept lines hold the old colours."""
        super().notify_style_update()
        self._rendered.clear()
        self._by_key.clear()
        self._build()
