"""Weeks written for other programs and read back: ``ics`` (calendars), ``markdown``,
``json`` (the export ``planner import`` reads), and ``text``, the advice in plain words that
``planner show`` and the exports share."""
