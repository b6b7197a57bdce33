"""The main window: navigation on the left, the modules on the right, the daily actions on top."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from . import icons
from .board.view import BoardView
from .calendar.view import CalendarView
from .complaints.view import ComplaintsView
from .events import ReminderBanner
from .events.agenda_view import AgendaView
from .library.view import LibraryView
from .reports.view import ReportsView
from .trust.view import TrustView
from .users.view import UsersView

ICON_ROLE = Qt.ItemDataRole.UserRole + 10
ACTION_ICONS = {
    "new_request_action": "fa5s.envelope-open-text",
    "refresh_action": "fa5s.sync-alt",
    "actor_action": "fa5s.user",
    "lock_action": "fa5s.lock",
    "about_action": "fa5s.info-circle",
}


class MainWindow(QMainWindow):
    """Views only; the application controller connects the actions."""

    closing = Signal()
    """The window is closing: controllers stop their timers."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Protokol Desktop")
        self.resize(1440, 860)
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
        menu.addAction(self.new_request_action)
        menu.addAction(self.refresh_action)
        self.office_action = QAction("Ganti profil kantor…", self)
        menu.addAction(self.office_action)
        self.connection_action = QAction("Koneksi basis data…", self)
        menu.addAction(self.connection_action)
        menu.addSeparator()
        self.quit_action = QAction("Keluar", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu("&Bantuan")
        help_menu.addAction(self.about_action)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.setIconSize(QSize(20, 20))
        layout.addWidget(self.navigation)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.board = BoardView()
        self.library = LibraryView()
        self.add_page("Papan Kerja", "fa5s.columns", self.board)
        self.add_page("Pustaka SOP", "fa5s.book", self.library)
        self.agenda = AgendaView()
        self.add_page("Agenda Pimpinan", "fa5s.calendar-day", self.agenda)
        self.complaints = ComplaintsView()
        self.add_page("Pengaduan", "fa5s.comment-dots", self.complaints)
        self.reports = ReportsView()
        self.add_page("Laporan", "fa5s.file-excel", self.reports)
        self.calendar = CalendarView()
        self.add_page("Kalender Kerja", "fa5s.calendar-alt", self.calendar)
        self.trust = TrustView()
        self.add_page("Audit & Cadangan", "fa5s.shield-alt", self.trust)
        self.users = UsersView()
        self.add_page("Pengguna", "fa5s.users-cog", self.users)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self.overdue_label = QLabel()
        self.overdue_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.statusBar().addPermanentWidget(self.overdue_label)
        self.reminder_banner = ReminderBanner()
        self.statusBar().addPermanentWidget(self.reminder_banner, 1)
        self.statusBar().showMessage("Siap")
        icons.load_later(self.set_icons)

    def set_icons(self) -> None:
        for action, name in ACTION_ICONS.items():
            getattr(self, action).setIcon(icons.icon(name))
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            item.setIcon(icons.icon(item.data(ICON_ROLE)))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closing.emit()
        super().closeEvent(event)

    def set_page_visible(self, widget: QWidget, visible: bool) -> None:
        row = self.pages.indexOf(widget)
        self.navigation.item(row).setHidden(not visible)
        if not visible and self.navigation.currentRow() == row:
            self.navigation.setCurrentRow(0)

    def add_page(self, title: str, icon: str, widget: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setData(ICON_ROLE, icon)
        item.setSizeHint(QSize(160, 40))
        self.navigation.addItem(item)
        self.pages.addWidget(widget)
