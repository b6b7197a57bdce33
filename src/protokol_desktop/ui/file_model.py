"""Sizes and dates in Qt's own file dialog (used outside Windows) in the application's locale, the
dates on the office's clock like every other time the app shows."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QIdentityProxyModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFileSystemModel

from ..services.office import active_office
from .dialog_service import DATE_COLUMN, SIZE_COLUMN


class IndonesianFileModel(QIdentityProxyModel):
    """Qt's file dialog formats sizes ("0 bytes") and dates with the system locale, which on a Linux
    machine is often English; this shows them in the application's Indonesian locale."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        source = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and isinstance(source, QFileSystemModel):
            if index.column() == SIZE_COLUMN:
                original = self.mapToSource(index)
                return "" if source.isDir(original) else QLocale().formattedDataSize(source.size(original))
            if index.column() == DATE_COLUMN:
                moment = source.lastModified(self.mapToSource(index)).toUTC().toPython()
                return f"{moment.replace(tzinfo=UTC).astimezone(active_office().zone):%d/%m/%Y %H.%M}"
        return super().data(index, role)
