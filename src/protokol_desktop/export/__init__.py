"""Writers of printable files (Excel); pure functions of service data, no Qt."""
