"""The main window: navigation on the left, the modules on the right, the daily actions on top.

Only the board is built with the window; every other page is a placeholder until it is first shown
(or asked for by name), so a start imports and lays out no more than the board needs.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from . import icons
from .board.view import BoardView
from .events.reminders import ReminderBanner
from .screen_fit import fit_window

PREFERRED_SIZE = QSize(1440, 860)

ICON_ROLE = Qt.ItemDataRole.UserRole + 10
ACTION_ICONS = {
    "new_request_action": "fa5s.envelope-open-text",
    "refresh_action": "fa5s.sync-alt",
    "actor_action": "fa5s.user",
    "lock_action": "fa5s.lock",
    "about_action": "fa5s.info-circle",
}
# key (the window's attribute), navigation title, icon, the view's class as "module:Class" below ui/
PAGES = [
    ("board", "Papan Kerja", "fa5s.columns", ""),
    ("library", "Pustaka SOP", "fa5s.book", "library.view:LibraryView"),
    ("agenda", "Agenda Pimpinan", "fa5s.calendar-day", "events.agenda_view:AgendaView"),
    ("complaints", "Pengaduan", "fa5s.comment-dots", "complaints.view:ComplaintsView"),
    ("reports", "Laporan", "fa5s.file-excel", "reports.view:ReportsView"),
    ("calendar", "Kalender Kerja", "fa5s.calendar-alt", "calendar.view:CalendarView"),
    ("trust", "Audit & Cadangan", "fa5s.shield-alt", "trust.view:TrustView"),
    ("users", "Pengguna", "fa5s.users-cog", "users.view:UsersView"),
]
PAGE_KEYS = [key for key, *_ in PAGES]  # in navigation order, which is also the stack's order
VIEW_SOURCES = {key: source for key, _title, _icon, source in PAGES}


class MainWindow(QMainWindow):
    """Views only; the application controller connects the actions."""

    closing = Signal()
    """The window is closing: controllers stop their timers."""
    pageCreated = Signal(str, QWidget)
    """A page's view was built (its key and the view): the application controller wires it."""
    firstPainted = Signal()
    """The window was painted for the first time (emitted from inside the paint: connect queued)."""

    def __init__(self) -> None:
        super().__init__()
        self._painted = False
        self.setWindowTitle("Protokol Desktop")
        fit_window(self, PREFERRED_SIZE)  # the PC's saved geometry, if any, is restored by the app
        self.setMinimumSize(960, 600)

        toolbar = QToolBar("Tindakan")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self.new_request_action = QAction("Permohonan Baru…", self)
        self.new_request_action.setShortcut(QKeySequence.StandardKey.New)
        toolbar.addAction(self.new_request_action)
        self.refresh_action = QAction("Muat Ulang", self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        toolbar.addAction(self.refresh_action)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy())
        toolbar.addWidget(spacer)
        self.office_label = QLabel()
        self.office_label.setObjectName("officeLabel")
        toolbar.addWidget(self.office_label)
        self.actor_action = QAction("Pengguna", self)
        self.actor_action.setToolTip("Ganti pengguna")
        toolbar.addAction(self.actor_action)
        self.lock_action = QAction("Kunci", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        toolbar.addAction(self.lock_action)
        self.about_action = QAction("Tentang", self)
        toolbar.addAction(self.about_action)

        menu = self.menuBar().addMenu("&Berkas")
        menu.setToolTipsVisible(True)  # a disabled action says why
        menu.addAction(self.new_request_action)
        menu.addAction(self.refresh_action)
        self.office_action = QAction("Ganti profil kantor…", self)
        menu.addAction(self.office_action)
        self.connection_action = QAction("Koneksi basis data…", self)
        menu.addAction(self.connection_action)
        self.remove_training_action = QAction("Hapus data latihan…", self)
        menu.addAction(self.remove_training_action)
        menu.addSeparator()
        self.quit_action = QAction("Keluar", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu("&Bantuan")
        help_menu.addAction(self.about_action)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.training_banner = QLabel()
        """*Mode latihan*: shown while the database holds training data (the controller decides)."""
        self.training_banner.setObjectName("trainingBanner")
        self.training_banner.setWordWrap(True)
        self.training_banner.setStyleSheet(
            "QLabel#trainingBanner { background: #5d4037; color: white; font-weight: bold; padding: 6px 12px; }"
        )
        self.training_banner.hide()
        outer.addWidget(self.training_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        outer.addLayout(layout, 1)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.setIconSize(QSize(20, 20))
        layout.addWidget(self.navigation)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.board = BoardView()
        self._built: dict[str, QWidget] = {"board": self.board}
        for key, title, icon, _source in PAGES:
            self._add_page(title, icon, self._built.get(key) or QWidget())
        self.navigation.currentRowChanged.connect(self._navigate)
        self.navigation.setCurrentRow(0)
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.statusBar().addPermanentWidget(self.overdue_label)
        self.reminder_banner = ReminderBanner()
        self.statusBar().addPermanentWidget(self.reminder_banner, 1)
        self.statusBar().showMessage("Siap")
        # Until qtawesome is loaded (after the board's cards), an empty icon of the same size keeps
        # the toolbar's height and the navigation's text where the real icons will put them.
        blank = QPixmap(20, 20)
        blank.fill(Qt.GlobalColor.transparent)
        self._set_icons(lambda _name: QIcon(blank))
        icons.load_later(self.set_icons)

    def set_icons(self) -> None:
        self._set_icons(icons.icon)

    def _set_icons(self, icon_of: Callable[[str], QIcon]) -> None:
        for action, name in ACTION_ICONS.items():
            getattr(self, action).setIcon(icon_of(name))
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            item.setIcon(icon_of(item.data(ICON_ROLE)))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closing.emit()
        super().closeEvent(event)

    def __getattr__(self, name: str) -> Any:
        """``window.library`` and every other page of :data:`PAGES` by its key: built on first use."""
        if VIEW_SOURCES.get(name):
            return self.page(name)
        raise AttributeError(name)

    def page(self, key: str) -> Any:
        """The view of page ``key``, built now if this is its first use."""
        view = self._built.get(key)
        if view is not None:
            return view
        module, name = VIEW_SOURCES[key].split(":")
        view = getattr(import_module(f"{__package__}.{module}"), name)()
        index = PAGE_KEYS.index(key)
        placeholder = self.pages.widget(index)
        current = self.pages.currentIndex()
        self.pages.blockSignals(True)
        self.pages.insertWidget(index, view)
        self.pages.removeWidget(placeholder)
        self.pages.setCurrentIndex(current)
        self.pages.blockSignals(False)
        placeholder.deleteLater()
        self._built[key] = view
        self.pageCreated.emit(key, view)
        return view

    def built_pages(self) -> dict[str, QWidget]:
        return dict(self._built)

    def page_key(self, index: int) -> str:
        return PAGE_KEYS[index]

    def _navigate(self, row: int) -> None:
        if row >= 0:
            self.page(PAGE_KEYS[row])
        self.pages.setCurrentIndex(row)

    def set_page_visible(self, key: str, visible: bool) -> None:
        row = PAGE_KEYS.index(key)
        self.navigation.item(row).setHidden(not visible)
        if not visible and self.navigation.currentRow() == row:
            self.navigation.setCurrentRow(0)

    def _add_page(self, title: str, icon: str, widget: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setData(ICON_ROLE, icon)
        item.setSizeHint(QSize(160, 40))
        self.navigation.addItem(item)
        self.pages.addWidget(widget)
