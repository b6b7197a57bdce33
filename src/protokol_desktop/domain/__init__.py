"""Pure domain logic of Protokol Desktop: no Qt, no database."""
