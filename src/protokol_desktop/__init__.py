"""Protokol Desktop: the SOPs, requests, board and reports of a regional protocol office."""

__version__ = "0.1.0"
