"""The SOP library page."""
