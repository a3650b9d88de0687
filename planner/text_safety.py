"""Text from a file or the user, made safe to print: no control character reaches the terminal.

A crafted file can hold escape sequences (``\\x1b]0;title\\x07``, ``\\x1b[2J``) that retitle or
clear the terminal when a message echoes them. :func:`printable` writes every C0 and C1 control
character and DEL as an escape, as ``repr`` would, and leaves all other text alone.
"""

from __future__ import annotations

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
_ESCAPES = {code: _NAMED.get(chr(code), f"\\x{code:02x}") for code in _CONTROLS}


def printable(text: str) -> str:
    """``text`` with every control character (U+0000-U+001F, U+007F, U+0080-U+009F) written
    as ``\\n``, ``\\t``, ``\\r`` or ``\\xNN``. Backslashes are left as they are: the result is
    for reading, not for parsing back."""
    return text.translate(_ESCAPES)
