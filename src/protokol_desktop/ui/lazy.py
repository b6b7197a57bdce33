"""Modules the window needs only after its first paint, imported when first used.

A start paints the main window before it reads the cards; the services behind the cards, the request
detail and the record search (the SOP library, the request workflow and their dataclasses, ~15 ms
of imports) are not needed for that paint. :func:`lazy_import` returns such a module at once and runs
it at its first attribute access (the standard library's ``importlib.util.LazyLoader``).
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_import(name: str) -> ModuleType:
    """The module ``name`` (absolute), executed when one of its attributes is first read."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
