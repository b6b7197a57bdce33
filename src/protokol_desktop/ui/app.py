"""Starting the GUI: QApplication, locale, first-start office choice, the main window and the
application controller that connects the window's actions."""

from __future__ import annotations

import contextlib
import sys
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from .. import __version__
from ..domain.indonesian import format_number
from ..paths import AppPaths, resource_dir
from ..services import ServiceError, training, users
from ..services.office import active_office, apply_office, is_configured, profiles
from ..services.permissions import can_edit_sop, can_manage, is_manager
from ..services.users import Account
from . import icons
from .board.controller import BoardController
from .context import AppContext
from .controllers.request_controller import RequestController
from .dialog_service import DialogService
from .events import TAB_FACTORIES as EVENT_TABS
from .events import ReminderWatcher
from .main_window import VIEW_SOURCES, MainWindow
from .records import TAB_FACTORIES as RECORD_TABS
from .rights import show_permission
from .widgets import literal

IDLE_LOCK_MINUTES = 15
LOCKED_BY_USER = "Sesi dikunci oleh pengguna"
LOCKED_IDLE = f"Sesi dikunci karena tidak ada kegiatan selama {IDLE_LOCK_MINUTES} menit"


class AppController(QObject):
    """Connects the window's actions and pages. The board is wired at once; every other page gets its
    controller when its view is first built (see ``MainWindow.page``); ``controller.library`` etc.
    name a page's controller."""

    def __init__(self, window: MainWindow, context: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.pages: dict[str, QObject] = {}
        self._stale: set[str] = set()
        self._overdue_timer = QTimer(self)
        self._overdue_timer.setSingleShot(True)
        self._overdue_timer.setInterval(0)
        self._overdue_timer.timeout.connect(self._count_overdue)
        self.requests = RequestController(context, self)
        self.requests.tab_factories.extend(EVENT_TABS)
        self.requests.tab_factories.extend(RECORD_TABS)
        self.board = BoardController(window.board, context, self.requests)
        self.reminders = ReminderWatcher(self)
        self.reminders.remindersChanged.connect(window.reminder_banner.set_reminders)
        self.requests.changed.connect(self._request_changed)
        window.pageCreated.connect(self._page_created)
        for key, view in window.built_pages().items():
            if key != "board":
                self._page_created(key, view)
        window.new_request_action.triggered.connect(self.new_request)
        window.refresh_action.triggered.connect(self.refresh)
        window.actor_action.triggered.connect(self.switch_user)
        window.lock_action.triggered.connect(self.lock)
        window.office_action.triggered.connect(self.choose_office)
        window.connection_action.triggered.connect(self.choose_connection)
        window.remove_training_action.triggered.connect(self.remove_training)
        window.about_action.triggered.connect(self.about)
        window.quit_action.triggered.connect(window.close)
        window.closing.connect(self.board.stop)
        window.pages.currentChanged.connect(self._show_page)
        # A start paints the window first, then reads the cards, then loads what can wait.
        window.firstPainted.connect(self._after_first_paint, Qt.ConnectionType.QueuedConnection)
        self._show_identity()
        self.board.show_loading()

    def _after_first_paint(self) -> None:
        """The window is on screen: the board's cards now, the rest once they are painted."""
        self.board.reload()
        QTimer.singleShot(0, self, self._after_cards)

    def _after_cards(self) -> None:
        self._count_overdue()
        self.reminders.start_reminder_timer(60_000)
        icons.load_soon()

    def __getattr__(self, name: str) -> Any:
        """``controller.library`` and every other page's controller by its key: built on first use."""
        if VIEW_SOURCES.get(name):
            return self.page_controller(name)
        raise AttributeError(name)

    def page_controller(self, key: str) -> Any:
        """The controller of page ``key``; builds the page (and so its controller) on first use."""
        self.window.page(key)
        return self.pages[key]

    def _page_created(self, key: str, view: QWidget) -> None:
        """A page's view was built: make its controller and connect it to the rest of the window."""
        context = self.context
        controller: Any
        if key == "library":
            from .library.controller import LibraryController

            controller = LibraryController(view, context)
            controller.set_editable(can_edit_sop(context.actor()))
            controller.libraryChanged.connect(self.board.rebuild)
        elif key == "calendar":
            from .calendar.controller import CalendarController

            controller = CalendarController(view, context)
            controller.calendarChanged.connect(self.board.reload)
        elif key == "users":
            from .users.controller import UsersController

            controller = UsersController(view, context)
        elif key == "trust":
            from .trust.controller import TrustController

            controller = TrustController(view, context)
            controller.restored.connect(self.after_restore)
        elif key == "complaints":
            from .complaints.controller import ComplaintsController

            controller = ComplaintsController(view, context)
            controller.overdueChanged.connect(self._show_overdue)
        elif key == "agenda":
            from .events.agenda_controller import AgendaController

            controller = AgendaController(view, context)
            controller.requestOpened.connect(self._open_request)
        elif key == "reports":
            from .reports.controller import ReportsController

            controller = ReportsController(view, context, self.board.current_filter)
        else:
            raise KeyError(key)
        self.pages[key] = controller
        if hasattr(controller, "reload"):
            self._stale.add(key)  # filled when first shown

    def refresh(self) -> None:
        """The office, the user or the data changed: titles, rights and every page anew."""
        self._show_identity()
        self.board.reload()
        # The other pages fill when next shown.
        self._stale = {key for key, controller in self.pages.items() if hasattr(controller, "reload")}
        self._overdue_timer.start()  # after the board is painted: counting complaints can wait
        self._show_page(self.window.pages.currentIndex())

    def _show_identity(self) -> None:
        office = active_office()
        self.window.setWindowTitle(f"Protokol Desktop — {office.unit}, {office.organisation}")
        self.window.office_label.setText(f"{office.organisation}  ")
        actor = self.context.actor()
        self.window.actor_action.setText(literal(f"{actor.name} ({actor.role})"))
        manager = is_manager(actor)
        show_permission(self.window.office_action, can_manage(actor, "Mengganti profil kantor"))
        show_permission(self.window.connection_action, can_manage(actor, "Mengganti koneksi basis data"))
        self.window.set_page_visible("users", manager)
        self.window.set_page_visible("trust", manager)
        if "library" in self.pages:
            self.pages["library"].set_editable(can_edit_sop(actor))  # type: ignore[attr-defined]
        self._show_training()

    def _show_training(self) -> None:
        """The *mode latihan* banner while the database holds training data (made by ``demo``)."""
        count = training.training_count()
        banner = self.window.training_banner
        banner.setText(
            f"MODE LATIHAN — basis data ini berisi {format_number(count, 0)} permohonan latihan (dibuat oleh perintah "
            "demo, kartu bertanda Latihan). Jangan dipakai untuk surat sungguhan."
            if count
            else ""
        )
        banner.setVisible(bool(count))
        action = self.window.remove_training_action
        action.setVisible(bool(count))  # nothing to remove in an office's own data
        show_permission(action, can_manage(self.context.actor(), "Menghapus data latihan"))

    def remove_training(self) -> None:
        """Take the training requests out (after a yes): the office's own work stays, the trail records it."""
        count = training.training_count()
        if not self.context.dialogs.confirm(
            self.window,
            "Hapus data latihan?",
            f"{format_number(count, 0)} permohonan latihan (dibuat oleh perintah demo) beserta langkah, riwayat "
            "dan catatannya akan dihapus. Permohonan kantor tidak disentuh. Penghapusan dicatat di jejak audit.",
        ):
            return
        try:
            removed = training.remove_training(self.context.actor(), self.context.paths.attachments)
        except ServiceError as exc:
            self.context.dialogs.error(self.window, "Data latihan tidak dihapus", str(exc))
            return
        message = f"{format_number(removed, 0)} permohonan latihan dihapus."
        self.context.dialogs.info(self.window, "Data latihan dihapus", message)
        self.refresh()

    def _count_overdue(self) -> None:
        from ..services import complaints as complaints_service

        self._show_overdue(complaints_service.overdue_count())

    def _show_page(self, index: int) -> None:
        key = self.window.page_key(index)
        if key in self._stale:
            self._stale.discard(key)
            self.pages[key].reload()  # type: ignore[attr-defined]

    def new_request(self) -> int | None:
        from ..services import requests as request_service
        from ..services.library import list_library

        sops = [entry.sop for entry in list_library() if entry.status == "berlaku"]
        created: list[int] = []

        def submit(form: request_service.IntakeForm) -> str | None:
            try:
                created.append(
                    request_service.register_request(form, self.context.actor(), self.context.paths.attachments)
                )
            except ServiceError as exc:
                return str(exc)
            return None

        from .dialogs.intake import IntakeDialog

        IntakeDialog.get_request(
            sops, active_office(), submit, self.context.dialogs, self.window, deadline=request_service.deadline_text
        )
        if not created:
            return None
        self.board.update_card(created[0])
        self.window.statusBar().showMessage("Permohonan didaftarkan", 5000)
        return created[0]

    def _login(self, username: str = "", locked: str = "") -> bool:
        def submit(name: str, password: str) -> str | None:
            try:
                self.context.account = users.authenticate(name, password)
            except ServiceError as exc:
                return str(exc)
            return None

        from .dialogs.login import LoginDialog

        dialog = LoginDialog(submit, self.context.dialogs, username, locked, self.window)
        return bool(dialog.exec())

    def _show_overdue(self, count: int) -> None:
        self.window.overdue_label.setText(f"{count} pengaduan melewati batas jawab" if count else "")

    def _open_request(self, request_id: int) -> None:
        self.board.open_request(request_id)
        self.agenda.reload()

    def _request_changed(self, request_id: int) -> None:
        self.reminders.check_reminders()

    def after_restore(self) -> None:
        """The database was replaced: the office, columns and every page come from it anew."""
        self.board.rebuild()
        self.refresh()

    def switch_user(self) -> None:
        """Log in as someone else without restarting; cancelling keeps the current user."""
        current = self.context.account
        if self._login():
            self.refresh()
        else:
            self.context.account = current

    def lock(self) -> None:
        """*Kunci* / Ctrl+L: the user locks the session (they are away for a moment)."""
        self._lock(LOCKED_BY_USER)

    def lock_idle(self) -> None:
        """No keyboard or mouse for the idle minutes: the session locks itself."""
        self._lock(LOCKED_IDLE)

    def _lock(self, reason: str) -> None:
        """Hide the work until a password is given (the same or another user)."""
        account = self.context.account
        self.window.centralWidget().setVisible(False)
        ok = self._login(account.username if account else "", locked=reason)
        self.window.centralWidget().setVisible(True)
        if not ok:
            self.window.close()
            return
        self.refresh()

    def choose_office(self) -> None:
        from .dialogs.office_choice import OfficeChoiceDialog

        code = OfficeChoiceDialog.get_office(profiles(), self.window)
        if code is None:
            return
        try:
            apply_office(code, actor=self.context.actor())
        except ServiceError as exc:
            self.context.dialogs.error(self.window, "Profil kantor tidak diganti", str(exc))
            return
        self.board.rebuild()
        self.refresh()

    def choose_connection(self) -> None:
        from .dialogs.connection import ConnectionDialog

        if ConnectionDialog(self.context.paths, self.context.dialogs, self.window).exec():
            self.context.dialogs.info(
                self.window, "Koneksi disimpan", "Pengaturan koneksi berlaku setelah aplikasi dibuka ulang."
            )

    def about(self) -> None:
        office = active_office()
        self.context.dialogs.info(
            self.window,
            "Tentang Protokol Desktop",
            f"Protokol Desktop versi {__version__}\n\n"
            f"Kantor: {office.unit}, {office.organisation}\n"
            f"Folder data: {self.context.paths.data}\n\n"
            "Aplikasi luring untuk menjalankan Standar Pelayanan dan SOP Bagian Protokol.",
        )


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    app.setApplicationName("Protokol Desktop")
    app.setOrganizationName("Protokol Desktop")
    app.setApplicationVersion(__version__)
    if not app.property("protokol_translated"):
        # Qt ships no Indonesian catalogue: ours covers the standard buttons and context menus.
        translator = QTranslator(app)
        if translator.load(str(resource_dir() / "translations" / "qtbase_id.qm")):
            app.installTranslator(translator)
        app.setProperty("protokol_translated", True)
        app.setWindowIcon(QIcon(str(resource_dir() / "icons" / "app.png")))
    return app


def ensure_office(parent: QWidget | None = None) -> bool:
    """First start: ask which office this installation serves. False when the user cancels."""
    if is_configured():
        return True
    from .dialogs.office_choice import OfficeChoiceDialog

    code = OfficeChoiceDialog.get_office(profiles(), parent)
    if code is None:
        return False
    apply_office(code)
    return True


def first_login(dialogs: DialogService) -> Account | None:
    """The first start creates the administrator; later starts ask for a login."""
    from .dialogs.login import FirstAdminDialog, LoginDialog

    result: list[Account] = []
    if not users.has_users():

        def create(username: str, full_name: str, password: str, nip: str) -> str | None:
            try:
                result.append(users.create_first_admin(username, full_name, password, nip=nip))
            except ServiceError as exc:
                return str(exc)
            return None

        FirstAdminDialog(create, dialogs).exec()
        return result[0] if result else None

    def submit(name: str, password: str) -> str | None:
        try:
            result.append(users.authenticate(name, password))
        except ServiceError as exc:
            return str(exc)
        return None

    LoginDialog(submit, dialogs).exec()
    return result[0] if result else None


class IdleWatcher(QObject):
    """Locks the session after ``minutes`` without keyboard or mouse input."""

    INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}

    def __init__(self, controller: AppController, minutes: int = IDLE_LOCK_MINUTES) -> None:
        super().__init__(controller)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(minutes * 60_000)
        self.timer.timeout.connect(controller.lock_idle)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self.INPUT:
            self.timer.start()
        return False


def build_main_window(
    paths: AppPaths, account: Account, dialogs: DialogService | None = None
) -> tuple[MainWindow, AppController]:
    """The main window at this PC's saved size and place (kept again when it closes), its cards full
    or compact as this PC last chose."""
    from .main_window import PREFERRED_SIZE
    from .screen_fit import WindowGeometry

    window = MainWindow()
    geometry = WindowGeometry(window, paths.window_state, PREFERRED_SIZE)
    geometry.restore()
    window.closing.connect(geometry.save)
    controller = AppController(window, AppContext(paths, dialogs or DialogService(), account=account))
    controller.board.use_compact_choice(paths.window_state)
    return window, controller


def _integrity_ok(paths: AppPaths, dialogs: DialogService) -> bool:
    """A damaged database is not used for writing: offer the latest good backup instead. The check is
    the store's own, which serves both back ends (a PostgreSQL server checks its own storage)."""
    from ..services import backup
    from ..store.db import integrity_problems
    from ..store.models import database

    problems = integrity_problems(database.obj, quick=True)
    if not problems:
        return True
    result = "; ".join(problems[:3])
    candidates = [
        path for _, path in backup.backups_in(backup.backup_folder(paths)) if not backup.check_backup_file(path)
    ]
    if not candidates:
        dialogs.error(
            None,
            "Basis data rusak",
            f"Pemeriksaan basis data gagal ({result}) dan tidak ada cadangan yang baik di "
            f"{backup.backup_folder(paths)}. Aplikasi ditutup tanpa mengubah apa pun; hubungi petugas TI.",
        )
        return False
    latest = candidates[0]
    if not dialogs.confirm(
        None,
        "Basis data rusak",
        f"Pemeriksaan basis data gagal ({result}). Pulihkan dari cadangan terakhir yang baik?\n\n{latest}\n\n"
        "Basis data yang rusak disimpan terpisah, tidak dihapus.",
    ):
        return False
    try:
        backup.restore(paths, latest, actor="sistem (pemulihan saat mulai)")
    except ServiceError as exc:  # refused: another process holds the folder, or the backup fails its checks
        dialogs.error(None, "Pemulihan ditolak", f"{exc}\n\nAplikasi ditutup tanpa mengubah apa pun.")
        return False
    return True


def run_gui(paths: AppPaths, self_test: bool = False) -> int:
    """The composition root has registered this window in the data folder (a second window on the
    same folder is refused there, see ``__main__._hold_folder``)."""

    app = create_application()
    if self_test:
        return _self_test(paths)
    dialogs = DialogService()
    started = start_gui(paths, dialogs)
    if started is None:
        return 0
    app.aboutToQuit.connect(lambda: _backup_quietly(paths))
    return app.exec()


def start_gui(paths: AppPaths, dialogs: DialogService) -> tuple[MainWindow, AppController] | None:
    """The start after the database is open (the local file or a server): its check, the office, the
    audit anchor, the login, the daily backup, then the main window on screen with its idle lock and
    the watch on a replaced database file. ``None`` when the user stops at one of the questions."""
    from ..services.backup import auto_backup

    if not _integrity_ok(paths, dialogs) or not ensure_office():
        return None
    _anchor_ok(dialogs)
    account = first_login(dialogs)
    if account is None:
        return None
    try:
        auto_backup(paths)
    except OSError as exc:
        dialogs.error(None, "Cadangan otomatis gagal", f"Cadangan harian tidak dapat dibuat: {exc}")
    window, controller = build_main_window(paths, account, dialogs)
    watcher = IdleWatcher(controller)
    QApplication.instance().installEventFilter(watcher)
    window.replaced_watcher = ReplacedWatcher(window, dialogs)
    window.show()
    return window, controller


def _anchor_ok(dialogs: DialogService) -> None:
    """Every start compares the audit chain with the head anchored beside the database."""
    from ..services.audit import anchor_at_start

    problems = anchor_at_start()
    if problems:
        dialogs.error(
            None,
            "Jejak audit tidak lengkap",
            "\n".join(problems)
            + "\n\nEntri jejak audit terbaru hilang dari basis data. Laporkan kepada Kabag dan petugas TI; "
            "halaman Audit & Cadangan menampilkan jejak yang tersisa.",
        )


class ReplacedWatcher(QObject):
    """Notices that the database file was replaced under the running app (another process restored
    a backup, a file was copied over it): says so once and stops every write (the store refuses each
    transaction from then on, see ``GuardedSqliteDatabase``)."""

    INTERVAL_MS = 2000

    def __init__(self, window: QWidget, dialogs: DialogService) -> None:
        from ..store.db import GuardedSqliteDatabase

        super().__init__(window)
        self.window = window
        self.dialogs = dialogs
        self.shown = False
        self.pending = False
        self.message = ""
        GuardedSqliteDatabase.replaced_handler = self._replaced
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        from ..store.db import DatabaseReplacedError, GuardedSqliteDatabase
        from ..store.models import database

        if isinstance(database.obj, GuardedSqliteDatabase):
            with contextlib.suppress(DatabaseReplacedError):
                database.obj.check_identity()

    def _replaced(self, message: str) -> None:
        self.message = message
        if not self.shown:  # the first time: a lasting line in the status bar, no more polling
            self.shown = True
            self.timer.stop()
            from PySide6.QtWidgets import QLabel, QMainWindow

            if isinstance(self.window, QMainWindow):
                self.banner = QLabel("<b>Basis data telah diganti: perubahan TIDAK disimpan lagi.</b> "
                                     "Tutup dan buka kembali aplikasi.")  # fmt: skip
                self.banner.setStyleSheet("color: #a00000;")
                self.window.statusBar().addPermanentWidget(self.banner)
        if not self.pending:  # told once per refused action, after the call that found it returns
            self.pending = True
            QTimer.singleShot(0, self, self._tell)

    def _tell(self) -> None:
        self.pending = False
        self.dialogs.error(self.window, "Basis data telah diganti", self.message)


def _backup_quietly(paths: AppPaths) -> None:
    from ..services.backup import auto_backup

    with contextlib.suppress(OSError):  # reported at the next start, when that backup fails too
        auto_backup(paths)


def run_until(signal: Any, timeout_ms: int = 30_000) -> None:
    """Run the event loop until ``signal`` is emitted (or ``timeout_ms`` passes): the self-test and
    the benchmarks wait so for the start sequence's cards and icons. Connect before it can fire."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def _self_test(paths: AppPaths) -> int:
    """Open the database, build the main window offscreen, run one export, exit 0 on success."""
    import tempfile
    from pathlib import Path

    from ..export.sop_xlsx import write_sop_workbook
    from ..services.library import list_library

    if not is_configured():
        apply_office("ambon")
    account = Account(0, "uji-mandiri", "Uji mandiri", "", "", "Admin", True)
    window, controller = build_main_window(paths, account)
    window.show()
    run_until(controller.board.reloaded)  # the cards are read after the window's first paint
    if not controller.board.loaded:
        raise RuntimeError("papan kerja tidak terisi setelah jendela tampil")
    entries = list_library()
    with tempfile.TemporaryDirectory() as folder:
        out = write_sop_workbook(entries[0].sop, Path(folder) / "self-test.xlsx")
        size = out.stat().st_size
    print(
        f"Uji mandiri berhasil: {len(entries)} SOP, papan {len(controller.board.models)} kolom "
        f"({window.board.summary.text()}), "
        f"ekspor {size} bita, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )
    window.close()
    return 0


def show_fatal_error(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    app = create_application()
    box = QMessageBox(QMessageBox.Icon.Critical, "Protokol Desktop tidak dapat dibuka", message)
    box.addButton("Tutup", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    del app


def ask_server_password(url: str) -> str | None:
    """The server's password, asked once at start; ``None`` when the user cancels."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    create_application()
    dialog = QInputDialog()
    dialog.setWindowTitle("Kata sandi basis data")
    dialog.setLabelText(f"Kata sandi untuk {url}:")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText("Masuk")
    dialog.setCancelButtonText("Batal")
    return dialog.textValue() if dialog.exec() else None
