"""rules: the knowledge base (activities, muscle loads, rule files) and its pure engine.

Knows nothing of weeks, storage or screens, and never imports Textual.
"""

from rules.activities import Activity

__all__ = ["Activity"]
