"""The advice panel's scrolling list: the week's findings and its transitions, each entry
a block of :class:`~screens.widgets.hanging_text.Line` s, drawn with Textual's Line API."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from screens.widgets.hanging_text import Line, hang

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
    (Textual's Line API). Each entry is rendered once per text and width and kept, so a key
    press renders only the entries whose text changed, and the list scrolls to the selected
    day's transitions in the same frame. Focused only to read it (``tab``): then it scrolls
    with the arrows, pgup/pgdn and home/end, while ←/→ still move the selection (they are
    not bound here)."""

    BINDINGS = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
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
        self._entries: tuple[tuple[Line, ...], ...] = ()
        self._focus: int | None = None
        self._scrolled_to: int | None = None  # the entry last scrolled to the top
        # (entry, width) -> lines: moving the selection back and forth reuses both forms.
        self._rendered: LRUCache[tuple[tuple[Line, ...], int], list[Strip]] = LRUCache(64)
        self._by_identity: LRUCache[int, tuple[tuple[Line, ...], int, list[Strip]]]
        self._by_identity = LRUCache(64)
        self._lines: list[Strip] = []
        self._starts: list[int] = []  # first line of each entry
        self._width = 0

    @property
    def entries(self) -> tuple[tuple[Line, ...], ...]:
        return self._entries

    def show(self, entries: Sequence[tuple[Line, ...]], *, focus: int | None = None) -> None:
        """Show ``entries``, scrolled so entry ``focus`` is at the top when the focus moved
        to another entry."""
        entries = tuple(entries)
        if entries == self._entries and focus == self._focus:
            return
        self._entries, self._focus = entries, focus
        self._build()

    def _build(self) -> None:
        width = self.scrollable_content_region.width
        self._width = width
        if width <= 0:  # not laid out yet: built on the first resize
            return
        lines: list[Strip] = []
        starts: list[int] = []
        blank = Strip.blank(width, self.rich_style)
        for entry in self._entries:
            if lines:
                lines.append(blank)  # one blank line between entries
            starts.append(len(lines))
            lines.extend(self._render_entry(entry, width))
        self._lines, self._starts = lines, starts
        self._set_extent(Size(width, len(lines)))
        focus = self._focus
        if focus != self._scrolled_to and focus is not None and focus < len(starts):
            # Only when the focus moved to another entry, not on every edit.
            self.scroll_to(y=starts[focus], animate=False, immediate=True)
            self._scrolled_to = focus
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

    def _render_entry(self, entry: tuple[Line, ...], width: int) -> list[Strip]:
        # The panel hands back the same entry objects for unchanged transitions: found by
        # identity first, as hashing an entry's lines costs more than the lookup saves.
        kept = self._by_identity.get(id(entry))
        if kept is not None and kept[0] is entry and kept[1] == width:
            return kept[2]
        key = (entry, width)
        strips = self._rendered.get(key)
        if strips is None:
            # Two columns kept free on the right: a gap, and the scroll thumb's.
            text_width = max(1, width - 2)
            text = Content("\n").join(hang(entry, text_width))
            strips = [
                strip.extend_cell_length(width, self.rich_style)
                for strip in Visual.to_strips(self, text, text_width, None, self.visual_style)
            ]
            self._rendered[key] = strips
        self._by_identity[id(entry)] = (entry, width, strips)
        return strips

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
        self._by_identity.clear()
        self._build()
