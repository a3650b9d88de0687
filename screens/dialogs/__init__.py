"""Modal screens: help, suggest, go to week."""
