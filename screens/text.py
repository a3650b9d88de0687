"""User and file text on screen: shown as text, never read as markup.

Textual's ``markup.escape`` protects ``[`` but not a backslash just before the markup that
follows it (``sat=run\\`` then ``[/]`` breaks the tag), so texts are either passed as
variables of ``Content.from_markup``, which inserts them literally, or, inside markup built
as a string, given a lookalike for the backslash.
"""

from __future__ import annotations

from textual.content import Content
from textual.markup import escape

from planner.text_safety import printable

# U+29F5 REVERSE SOLIDUS OPERATOR: reads as a backslash and means nothing to markup.
_BACKSLASH = "\u29f5"


def literal(text: str) -> str:
    """``text`` made safe to put inside a markup string: no control character, no markup."""
    # The text's own backslashes first: printable's escapes (\x1b) are backslashes too.
    return escape(printable(text.replace("\\", _BACKSLASH)))


def styled(text: str, style: str) -> Content:
    """``text`` shown as it is, in ``style`` (e.g. ``$readable-error``)."""
    return Content.from_markup(f"[{style}]$text[/]", text=printable(text))
