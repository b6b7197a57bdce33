"""Dialogs; each offers a classmethod that returns a result or ``None``."""
