"""Text wrapped with a hanging indent: a finding's mark (``+ pro``, ``+6``) stays alone at
the left and every continuation line starts under the finding's text, so a list of findings
reads as a list at any width. Textual's own wrapping starts continuation lines at column 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from screens.widgets.kept_lines import KeptLines
from screens.widgets.text_block import parse_markup


class Line(NamedTuple):
    """One paragraph: ``lead`` (markup) starts it, ``text`` (markup) wraps under itself.
    A named tuple: the advice list keeps rendered entries by their lines, and a tuple
    hashes and compares in C, a dataclass in Python, on every key press."""

    lead: str
    text: str


def hang(lines: Sequence[Line], width: int, *, wrap: bool = True) -> list[Content]:
    """``lines`` wrapped to ``width`` cells, continuation lines indented by their lead;
    without ``wrap``, one line each (the widget's ``text-overflow`` cuts them)."""
    out: list[Content] = []
    for line in lines:
        out.extend(hang_line(line, width, wrap))
    return out


@lru_cache(maxsize=2048)
def hang_line(line: Line, width: int, wrap: bool = True) -> tuple[Content, ...]:
    """One line, hung (see :func:`hang`). Kept per line and width: an edit wraps again only
    the lines it changed (the day's brief measures the whole week's on every edit); the
    Content it returns is immutable."""
    lead, text = parse_markup(line.lead), parse_markup(line.text)
    indent = lead.cell_length
    if not wrap:
        return (lead + text,)
    if indent * 2 > width:  # too narrow to hang: wrap lead and text as one
        return tuple((lead + text).wrap(max(1, width)))
    pad = Content(" " * indent)
    wrapped = text.wrap(width - indent) if text else [text]
    return tuple((lead if number == 0 else pad) + part for number, part in enumerate(wrapped))


def height(lines: Sequence[Line], width: int) -> int:
    """How many rows ``lines`` take wrapped to ``width``."""
    return sum(len(hang_line(line, width)) for line in lines)


class HangingText(Widget):
    """A block of :class:`Line` s, as tall as its wrapped text (one row a line with CSS
    ``text-wrap: nowrap``). ``show`` asks for a new layout only when the height changes,
    and repaints nothing when the lines are the same."""

    DEFAULT_CSS = """
    HangingText {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: tuple[Line, ...] = ()
        # (width, wrap, lines, text) last drawn
        self._wrapped: tuple[int, bool, int, Content] | None = None
        self._rendered: KeptLines[tuple[tuple[Line, ...], int, bool], list[Strip]]
        self._rendered = KeptLines(32)

    @property
    def lines(self) -> tuple[Line, ...]:
        return self._lines

    def show(self, lines: Sequence[Line]) -> None:
        lines = tuple(lines)
        if lines == self._lines:
            return
        old = self._wrapped
        self._lines, self._wrapped = lines, None
        width = self.content_region.width
        same_height = old is not None and old[:3] == self._at(width)[:3]
        self.refresh(layout=not same_height)

    def _at(self, width: int) -> tuple[int, bool, int, Content]:
        wrap = self.styles.text_wrap != "nowrap"
        if self._wrapped is None or self._wrapped[:2] != (width, wrap):
            lines = hang(self._lines, max(1, width), wrap=wrap)
            self._wrapped = (width, wrap, len(lines), Content("\n").join(lines))
        return self._wrapped

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._at(width)[2]

    def render(self) -> Content:
        return self._at(self.content_region.width)[3]

    def render_line(self, y: int) -> Strip:
        """Drawn from lines kept per text and width (the verdict comes back to the same
        few texts as edits are undone and redone)."""
        width = self.size.width
        wrap, text = self._at(width)[1::2]
        lines = self._rendered.get(
            (self._lines, width, wrap),
            lambda: Visual.to_strips(self, text, width, None, self.visual_style, pad=True),
        )
        return lines[y] if y < len(lines) else Strip.blank(width, self.rich_style)

    def notify_style_update(self) -> None:
        """The theme or styles changed: the kept lines hold the old colours."""
        super().notify_style_update()
        self._rendered.clear()
