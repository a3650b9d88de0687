"""The week screen's widgets, each with its styles beside it."""
