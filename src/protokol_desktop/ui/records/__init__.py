"""Tabs for the records of guest visits and Bimtek in the request detail."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..context import AppContext


def visit_tab_factory(request_id: int, sop_code: str, context: AppContext, parent: QWidget):  # noqa: ANN201
    from ...services.visits import VISIT_SOP

    if sop_code != VISIT_SOP:
        return None
    from .visit_tab import VisitTab

    return "Kunjungan Tamu", VisitTab(request_id, context, parent)


def bimtek_tab_factory(request_id: int, sop_code: str, context: AppContext, parent: QWidget):  # noqa: ANN201
    from ...services.bimtek import BIMTEK_SOP

    if sop_code != BIMTEK_SOP:
        return None
    from .bimtek_tab import BimtekTab

    return "Bimtek", BimtekTab(request_id, context, parent)


TAB_FACTORIES = [visit_tab_factory, bimtek_tab_factory]
