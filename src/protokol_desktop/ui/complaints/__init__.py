"""The complaint register page."""
