"""Controllers: wire view signals to services and refresh the item models."""
