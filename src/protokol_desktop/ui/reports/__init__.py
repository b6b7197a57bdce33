"""The reports page: register, kinerja and rekap exported in the background."""
