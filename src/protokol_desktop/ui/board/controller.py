"""Wires the board: loads cards from the services, applies filters, turns drops and double-clicks
into service calls, keeps timers ticking and notices changes made elsewhere (another window, the
command line) through a cheap change counter."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QListView, QMenu

from ...services import ServiceError, permissions
from ...services.board_frame import FINISHED, BoardFilter, columns
from ...services.office import active_office
from ...store.db import DriverError
from ..context import AppContext
from ..lazy import lazy_import
from ..rights import show_permission
from .model import REQUEST_ID_ROLE, BoardColumnModel
from .view import COLUMN_MIN_WIDTH, BoardView

if TYPE_CHECKING:
    from ...services.board import Card
    from ..controllers.request_controller import RequestController

# Read with the first cards, after the window's first paint.
board_service = lazy_import("protokol_desktop.services.board")
library_service = lazy_import("protokol_desktop.services.library")
visit_service = lazy_import("protokol_desktop.services.visits")

TICK_MS = 30_000
COMPACT_KEY = "board/compact"
NAVIGATION_AND_MARGINS = 190  # the navigation list and the page's margins beside the columns
POLL_MS = 4_000


class BoardController(QObject):
    reloaded = Signal()
    """The board was filled anew (all columns)."""
    cardUpdated = Signal(int)
    """One request's card was updated in place."""

    def __init__(self, view: BoardView, context: AppContext, requests: RequestController) -> None:
        super().__init__(view)
        self.view = view
        self.context = context
        self.requests = requests
        self.models: dict[str, BoardColumnModel] = {}
        self._cards: dict[int, Card] = {}
        self._counter = -1
        self.loaded = False  # the cards were read at least once
        self.criteria = BoardFilter()
        self._build_columns()
        self._set_choices([], [])  # the services and leaders come with the first reload

        view.search.textChanged.connect(self.apply_filters)
        view.service.currentIndexChanged.connect(self.apply_filters)
        view.leader.currentIndexChanged.connect(self.apply_filters)
        view.state.currentIndexChanged.connect(self.apply_filters)
        view.use_dates.toggled.connect(self._dates_toggled)
        view.date_from.dateChanged.connect(self.apply_filters)
        view.date_to.dateChanged.connect(self.apply_filters)
        requests.changed.connect(self.update_card)

        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self.tick_timer.start()
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()

    # -- set-up
    def _build_columns(self) -> None:
        self.models = {}
        models = []
        for column in columns(active_office()):
            model = BoardColumnModel(column.key, column.title, self)
            model.cardDropped.connect(self.handle_drop)
            self.models[column.key] = model
            models.append(model)
        for widget in self.view.set_columns(models):
            widget.list.doubleClicked.connect(self._open_index)
            widget.list.openRequested.connect(self._open_index)
            widget.list.customContextMenuRequested.connect(self._context_menu)

    def use_compact_choice(self, path: Path) -> None:
        """Full or compact cards as this PC's user last chose; until they choose, compact when the
        office's columns do not fit the screen at their full width (Tangerang's eight on a laptop)."""
        from ..screen_fit import read_choice, room

        choice = read_choice(path, COMPACT_KEY)
        if choice is None:
            needed = len(self.models) * (COLUMN_MIN_WIDTH + self.view.columns_layout.spacing())
            choice = needed > room(self.view).width() - NAVIGATION_AND_MARGINS
        if choice != self.view.compact.isChecked():  # full cards are the view's own default
            self.view.set_compact(choice)
        self._choice_path = path
        self.view.compact.toggled.connect(self._remember_compact)

    def _remember_compact(self, compact: bool) -> None:
        from ..screen_fit import write_choice

        write_choice(self._choice_path, COMPACT_KEY, compact)

    def _fill_filter_choices(self) -> None:
        services = [(entry.sop.service, entry.sop.code) for entry in library_service.list_library()]
        self._set_choices(services, [(title, title) for title in active_office().leaders])

    def _set_choices(self, services: list[tuple[str, str]], leaders: list[tuple[str, str]]) -> None:
        for combo, everything, choices in (
            (self.view.service, "Semua layanan", services),
            (self.view.leader, "Semua pimpinan", leaders),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for label, key in choices:
                combo.addItem(label, key)
            combo.blockSignals(False)

    def rebuild(self) -> None:
        """The office changed (roles, leaders): new columns, new choices, fresh cards."""
        self._build_columns()
        self._fill_filter_choices()
        self.reload()

    # -- loading and filtering
    def show_loading(self) -> None:
        """Before the first :meth:`reload`: the columns stand, the cards are on their way."""
        self.view.summary.setText("Memuat papan…")

    def reload(self) -> None:
        if not self.loaded:
            self._fill_filter_choices()
        now = datetime.now(UTC)
        self._cards = {card.request_id: card for card in board_service.load_cards(now)}
        self._counter = board_service.change_counter()
        self._distribute(now)
        self.loaded = True
        self.reloaded.emit()

    def _read_criteria(self) -> BoardFilter:
        view = self.view
        use_dates = view.use_dates.isChecked()
        text = view.search.text()
        return BoardFilter(
            text=text,
            record_matches=visit_service.matching_requests(text) if len(text.strip()) >= 3 else frozenset(),
            service=view.service.currentData() or "",
            leader=view.leader.currentData() or "",
            state=view.state.currentData() or "",
            date_from=view.date_from.date().toPython() if use_dates else None,
            date_to=view.date_to.date().toPython() if use_dates else None,
        )

    def current_filter(self) -> BoardFilter:
        return self.criteria

    def apply_filters(self) -> None:
        self.criteria = self._read_criteria()
        self._distribute(datetime.now(UTC))

    def _dates_toggled(self, on: bool) -> None:
        self.view.date_from.setEnabled(on)
        self.view.date_to.setEnabled(on)
        self.apply_filters()

    def _distribute(self, now: datetime) -> None:
        zone = active_office().zone
        shown = board_service.filter_cards(list(self._cards.values()), self.criteria, now, zone)
        per_column: dict[str, list[Card]] = {key: [] for key in self.models}
        for card in shown:
            if card.column in per_column:
                per_column[card.column].append(card)
            else:  # an executor no office role matches: shown with the lowest role
                per_column[list(self.models)[-2]].append(card)
        if FINISHED in per_column:
            per_column[FINISHED].sort(key=lambda c: c.finished_at or c.received_at, reverse=True)
        for key, model in self.models.items():
            model.now = now
            model.set_cards(per_column[key])
        self._update_counts(now, len(shown))

    def _update_counts(self, now: datetime, shown: int | None = None) -> None:
        for widget in self.view.columns:
            widget.set_count(widget.model.rowCount())
        active = [c for c in self._cards.values() if c.column != FINISHED]
        overdue = sum(1 for c in active if c.overdue(now))
        held = sum(1 for c in active if c.status == "ditunda")
        incomplete = sum(1 for c in active if c.incomplete)
        if shown is None:
            shown = sum(model.rowCount() for model in self.models.values())
        self.view.summary.setText(
            f"{len(active)} permohonan aktif · {overdue} terlambat · {held} ditunda · "
            f"{incomplete} berkas belum lengkap · {shown} ditampilkan"
        )

    def update_card(self, request_id: int) -> None:
        """Refresh one request's card: moves it between columns with granular updates."""
        now = datetime.now(UTC)
        fresh = board_service.load_cards(now, request_ids=[request_id])
        for model in self.models.values():
            if fresh and model.key == fresh[0].column:
                continue
            model.take(request_id)
        if fresh:
            card = fresh[0]
            self._cards[request_id] = card
            zone = active_office().zone
            if board_service.filter_cards([card], self.criteria, now, zone):
                target = self.models.get(card.column) or self.models[list(self.models)[-2]]
                target.now = now
                target.put(card)
            else:
                self.models.get(card.column, self.models[list(self.models)[-2]]).take(request_id)
        else:
            self._cards.pop(request_id, None)
        self._counter = board_service.change_counter()
        self._update_counts(now)
        self.cardUpdated.emit(request_id)

    def tick(self) -> None:
        now = datetime.now(UTC)
        for model in self.models.values():
            model.tick(now)
        self._update_counts(now)

    def stop(self) -> None:
        """The window closes: no more timers touching the database."""
        self.tick_timer.stop()
        self.poll_timer.stop()

    def poll(self) -> None:
        """Pick up changes made elsewhere (another PC on the server, the CLI): a cheap counter first,
        then only the cards whose version moved are read again. A server out of reach is said on the
        board and tried again at the next poll."""
        try:
            self._poll()
        except DriverError as exc:
            self.view.summary.setText(f"Basis data tidak terjangkau ({exc.__class__.__name__}); dicoba lagi…")

    def _poll(self) -> None:
        counter = board_service.change_counter()
        if counter == self._counter:
            return
        self._counter = counter
        versions = board_service.board_versions()
        changed = [rid for rid, version in versions.items() if self._cards.get(rid, None) is None
                   or self._cards[rid].version != version]  # fmt: skip
        gone = [rid for rid in self._cards if rid not in versions]
        if len(changed) + len(gone) > 200:  # a restore or a bulk import: read everything
            self.reload()
            return
        for request_id in changed + gone:
            self.update_card(request_id)

    # -- user actions
    def handle_drop(self, request_id: int, target: str) -> None:
        card = self._cards.get(request_id)
        if card is not None and card.column == target:
            return
        try:
            plan = board_service.plan_drop(request_id, target)
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "Kartu tidak dapat dipindah", str(exc))
            return
        self.requests.complete_current(request_id, self.view, answer=plan.answer)

    def _open_index(self, index: QModelIndex) -> None:
        request_id = index.data(REQUEST_ID_ROLE)
        if request_id is not None:
            self.open_request(int(request_id))

    def open_request(self, request_id: int) -> None:
        self.requests.open(request_id, self.view)
        self.update_card(request_id)

    def _context_menu(self, point: QPoint) -> None:
        view = self.sender()
        if not isinstance(view, QListView):
            return
        index = view.indexAt(point)
        if not index.isValid():
            return
        request_id = int(index.data(REQUEST_ID_ROLE))
        card = self._cards.get(request_id)
        menu = QMenu(view)
        menu.setToolTipsVisible(True)  # a disabled action says why
        menu.addAction("Buka rincian…", lambda: self.open_request(request_id))
        actor = self.context.actor()
        if card is not None and card.status == "baru":
            start = menu.addAction("Mulai", lambda: self.requests.start(request_id, self.view))
            if card.incomplete:
                show_permission(start, permissions.can_start_incomplete(actor))
        if card is not None and card.status == "berjalan":
            complete = menu.addAction(
                "Selesaikan langkah…", lambda: self.requests.complete_current(request_id, self.view)
            )
            show_permission(complete, permissions.step_authority(actor, card.column).permission)
        menu.exec(view.viewport().mapToGlobal(point))
