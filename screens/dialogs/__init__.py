"""Modal screens: help, suggest, go to week; what they share is in base.PlannerDialog."""
