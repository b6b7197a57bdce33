"""The user accounts page (Admin and Kabag)."""
