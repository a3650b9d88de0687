"""Everything Textual: the App, its screens and widgets. Talks to planner/ and rules/ only."""
