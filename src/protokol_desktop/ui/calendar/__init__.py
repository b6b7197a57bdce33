"""The working-day calendar page."""
