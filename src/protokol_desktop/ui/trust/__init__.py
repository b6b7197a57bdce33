"""The audit trail viewer and the backup/restore page (Admin and Kabag)."""
