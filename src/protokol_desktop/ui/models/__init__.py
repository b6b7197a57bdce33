"""Item models shared by several views."""
