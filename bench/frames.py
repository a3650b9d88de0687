"""Timing a frame: the one hook every bench that waits for the screen uses.

Headless, Textual composes each frame but skips turning it into terminal output: the hook
does that too, so a sample costs what a real terminal frame does, then calls ``on_frame``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import RenderableType
from textual._compositor import CompositorUpdate
from textual.app import App
from textual.screen import Screen


def on_each_frame(app: App[Any], on_frame: Callable[[], None]) -> None:
    """Call ``on_frame`` after each frame ``app`` draws, rendered as a terminal would."""
    display = app._display

    def timed_display(screen: Screen[object], renderable: RenderableType | None) -> None:
        display(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)
            on_frame()

    app._display = timed_display  # type: ignore[method-assign]
