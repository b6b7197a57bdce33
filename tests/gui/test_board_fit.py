"""The board at a glance and from the keyboard: cards that show their key facts whole at the default
column width, Tangerang's eight columns on one screen in the compact mode, "&" in role names, and
Enter / arrow keys / a visible focus on the real list views."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6 import QtWidgets
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette

from protokol_desktop.domain.workflow import StepTimer
from protokol_desktop.services import Actor
from protokol_desktop.services import requests as rs
from protokol_desktop.services.board import Card
from protokol_desktop.services.office import apply_office
from protokol_desktop.ui import screen_fit
from protokol_desktop.ui.board.view import COLUMN_MIN_WIDTH
from tests.conftest import sambutan_form
from tests.gui.conftest import account

NOW = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)
LONG_STEP = "Mengkoreksi sambutan dan membubuhkan paraf sebelum diteruskan kepada Walikota"


def card(request_id: int, **values) -> Card:
    """A card with long, realistic values: a letter number of 23 characters, a subject of 52, a step
    timer of days against a standard of hours and minutes, service days overrun."""
    fields = dict(
        request_id=request_id, column="", sop_code="AMB-SAMBUTAN", service="Sambutan Walikota",
        icon="fa5s.microphone", nomor_surat="045/0055/Disdikbud/2026",
        perihal="Permohonan sambutan Walikota pada Hari Guru Nasional", pengirim="Dinas Pendidikan",
        leader="Walikota", status="berjalan", step_number=6, step_text=LONG_STEP, step_count=11, round=1,
        timer=StepTimer(NOW - timedelta(days=12, hours=23, minutes=40), None, 0, None, 7 * 60 + 55),
        due_at=NOW - timedelta(days=60), event_date=date(2026, 12, 14), assigned_to="Maria Latupeirissa",
        incomplete=False, received_at=NOW - timedelta(days=70), finished_at=None, days_left=-54, version=1,
    )  # fmt: skip
    fields.update(values)
    return Card(**fields)


def laptop(monkeypatch, window, width=1366, height=768):
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(0, 0, width, height - 40))
    window.resize(screen_fit.room())
    settle(window)


def settle(window):
    """Lay every column out now (Qt does so at the next event loop turn)."""
    window.board.layout().activate()
    window.board.columns_host.layout().activate()
    for column in window.board.columns:
        column.layout().activate()


def tangerang(window, controller):
    apply_office("tangerang", Actor("Admin", "Admin"))
    controller.board.rebuild()
    controller.refresh()


def option_for(column, row):
    option = QtWidgets.QStyleOptionViewItem()
    option.rect = column.list.visualRect(column.model.index(row))
    option.font = column.list.font()
    option.palette = column.list.palette()
    return option


def test_cards_show_their_key_facts_whole_at_the_default_width(main_window, qtbot, monkeypatch):
    window, controller = main_window
    tangerang(window, controller)
    laptop(monkeypatch, window)
    column = window.board.columns[1]
    assert column.width() <= COLUMN_MIN_WIDTH + 2  # eight columns do not fit: each at its narrowest
    cards = [
        card(1),
        card(2, incomplete=True),  # "Belum lengkap" beside the letter number
        card(3, status="ditunda", timer=StepTimer(NOW - timedelta(days=3), None, 0, NOW - timedelta(hours=2), 45)),
        card(4, round=3, days_left=-7),
        card(5, days_left=4, nomor_surat="800/1234/Disdikbud/XI/2026"),  # breaks after a slash
    ]
    column.model.now = NOW
    column.model.set_cards(cards)
    # The real list at its real width, with its scroll bar (rebuilt columns are shown by the event loop).
    qtbot.waitUntil(lambda: column.list.isVisible() and column.list.viewport().width() < column.width() - 8)
    qtbot.waitUntil(column.list.verticalScrollBar().isVisible)
    delegate = window.board.delegate
    for row, shown in enumerate(cards):
        option = option_for(column, row)
        frame = delegate.card_rect(option)
        pieces = {piece.key: piece for piece in delegate.pieces(option, column.model.index(row))}
        for piece in pieces.values():
            assert frame.contains(piece.rect), (shown.request_id, piece.key, piece.rect, frame)
        assert option.rect.width() <= column.list.viewport().width()
        for key in ("nomor", "nomor2", "timer", "deadline"):
            piece = pieces.get(key)
            if piece is None:
                continue
            assert piece.text == piece.full, (shown.request_id, key, piece.text)
            assert QFontMetrics(piece.font).horizontalAdvance(piece.full) <= piece.rect.width(), (shown.request_id, key)
        assert "".join(pieces[k].text for k in ("nomor", "nomor2") if k in pieces) == shown.nomor_surat
        assert pieces["timer"].full.startswith("12 h 23 j / 7 j 55 m") or shown.request_id == 3
        assert pieces["deadline"].full in ("Lewat 54 hari kerja", "Lewat 7 hari kerja", "Sisa 4 hari kerja")
        subject = " ".join(pieces[k].text for k in ("perihal1", "perihal2", "perihal3") if k in pieces)
        if "nomor2" in pieces:  # the number took a line of the subject's: the subject is whole in the tooltip
            assert subject.endswith("…") and shown.perihal.startswith(subject[:-1].rstrip())
        else:
            assert subject == shown.perihal
        assert pieces["step"].text.startswith("Langkah 6/11: ")  # the step text itself may be elided
        boxes = list(pieces.values())
        for first in boxes:  # nothing drawn over anything else
            for second in boxes:
                if first is not second:
                    assert not first.rect.intersects(second.rect), (shown.request_id, first.key, second.key)
        if shown.incomplete or shown.status == "ditunda" or shown.round > 1:
            assert "badge" in pieces
    # The tooltip says it all, the step timer included.
    tip = column.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Waktu langkah: 12 h 23 j / 7 j 55 m" in tip and "Lewat 54 hari kerja" in tip and LONG_STEP in tip


def test_a_subject_too_long_for_its_lines_ends_in_an_ellipsis_and_is_whole_in_the_tooltip(
    main_window, qtbot, monkeypatch
):
    window, controller = main_window
    laptop(monkeypatch, window)
    column = window.board.columns[1]
    qtbot.waitUntil(lambda: column.list.viewport().width() < column.width())
    long = ("Permohonan sambutan Walikota pada acara pembukaan Musyawarah Perencanaan Pembangunan Kecamatan "
            "Sirimau dan Kecamatan Nusaniwe Tahun Anggaran 2027")  # fmt: skip
    column.model.now = NOW
    column.model.set_cards([card(1, perihal=long)])
    pieces = [p for p in window.board.delegate.pieces(option_for(column, 0), column.model.index(0))
              if p.key.startswith("perihal")]  # fmt: skip
    assert len(pieces) == 3 and all(p.text == p.full for p in pieces[:2]) and pieces[2].text.endswith("…")
    assert long in column.model.index(0).data(Qt.ItemDataRole.ToolTipRole)


def test_tangerang_columns_fit_one_screen_in_compact_mode(main_window, qtbot, monkeypatch):
    window, controller = main_window
    tangerang(window, controller)
    laptop(monkeypatch, window)
    board = window.board
    assert len(board.columns) == 8
    sideways = board.scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: sideways.maximum() > 0)  # full cards: the columns scroll sideways
    qtbot.mouseClick(board.compact, Qt.MouseButton.LeftButton)
    assert board.compact.isChecked() and board.delegate.compact
    qtbot.waitUntil(lambda: sideways.maximum() == 0)  # all eight columns on one screen
    assert all(c.visibleRegion().boundingRect().width() == c.width() for c in board.columns)
    list_view = board.columns[1].list
    full = window.board.delegate.sizeHint(option_for(board.columns[1], 0), board.columns[1].model.index(0))
    assert full.height() < 90  # compact cards
    # Headers: wrapped onto two lines, the whole title on hover, "&" as written.
    header = next(c.header for c in board.columns if c.model.title == "Subag Umum & Kepegawaian")
    assert header.textFormat() == Qt.TextFormat.PlainText
    lines = header.text().split("\n")
    assert len(lines) <= 2 and header.shown_text().startswith("Subag Umum & Kepegawaian (")
    assert all(header.fontMetrics().horizontalAdvance(line) <= header.contentsRect().width() for line in lines)
    assert "Subag Umum & Kepegawaian" in header.toolTip()
    header.resize(110, header.height())  # narrower than two lines of it: cut, the count kept
    lines = header.text().split("\n")
    assert len(lines) == 2 and lines[-1].endswith(f"({header.count})") and "…" in lines[-1]
    assert all(header.fontMetrics().horizontalAdvance(line) <= header.contentsRect().width() for line in lines)
    assert all(c.header.height() == board.columns[0].header.height() for c in board.columns)
    qtbot.mouseClick(board.compact, Qt.MouseButton.LeftButton)
    assert not board.delegate.compact and list_view.parent() is board.columns[1]


def test_columns_share_the_width_when_they_fit(main_window, monkeypatch):
    window, _controller = main_window
    laptop(monkeypatch, window)
    columns = window.board.columns
    assert len(columns) == 5
    widths = [c.width() for c in columns]
    assert min(widths) >= COLUMN_MIN_WIDTH and max(widths) - min(widths) <= 2
    assert window.board.scroll.horizontalScrollBar().maximum() == 0  # Ambon's five at 1366 pixels
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(0, 0, 1920, 1040))
    window.resize(screen_fit.room())
    window.board.columns_host.layout().activate()
    assert min(c.width() for c in columns) > COLUMN_MIN_WIDTH + 60  # wider screen, wider columns


def test_ampersand_in_a_role_is_shown_in_the_toolbar(main_window):
    window, controller = main_window
    tangerang(window, controller)
    controller.context.account = account("Rina Wulandari", "Subag Umum & Kepegawaian")
    controller.refresh()
    # iconText is what a tool button shows: a lone "&" would be taken as a mnemonic and vanish.
    assert window.actor_action.iconText() == "Rina Wulandari (Subag Umum & Kepegawaian)"


def _focus_pixel(list_view, row) -> QColor:
    image = list_view.viewport().grab().toImage()
    rect = list_view.visualRect(list_view.model().index(row)).adjusted(5, 3, -5, -3)
    return image.pixelColor(rect.center().x(), rect.top() + 1)


def test_board_from_the_keyboard(main_window, qtbot, monkeypatch):
    window, controller = main_window
    laptop(monkeypatch, window)
    ids = [rs.register_request(sambutan_form(nomor_surat=f"005/{n}/Disdik/2026"), Actor("Maria", "Staf"))
           for n in (101, 102, 103)]  # fmt: skip
    rs.start_request(ids[2], Actor("Drs. Ahmad", "Kabag"))
    controller.board.reload()
    board = window.board
    waiting, kabag = board.columns[0], board.columns[1]
    assert waiting.model.rowCount() == 2 and kabag.model.rowCount() == 1
    opened = []
    monkeypatch.setattr(controller.requests, "open", lambda request_id, parent: opened.append(request_id))

    qtbot.mouseClick(waiting.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=waiting.list.visualRect(waiting.model.index(0)).center())  # fmt: skip
    assert waiting.list.hasFocus() or QtWidgets.QApplication.focusWidget() is waiting.list
    assert waiting.focused and not kabag.focused
    highlight = waiting.palette().color(QPalette.ColorRole.Highlight)
    assert waiting.header.palette().color(QPalette.ColorRole.Window) == highlight  # the column says it
    qtbot.keyClick(waiting.list, Qt.Key.Key_Down)
    assert waiting.list.currentIndex().row() == 1
    qtbot.keyClick(waiting.list, Qt.Key.Key_Return)  # Enter opens, as a double-click does
    assert opened == [waiting.model.cards()[1].request_id]
    qtbot.keyClick(waiting.list, Qt.Key.Key_Right)
    assert kabag.focused and not waiting.focused
    assert kabag.list.currentIndex().row() == 0  # row 1 does not exist there: the last card
    assert not waiting.list.selectionModel().hasSelection()  # one selected card on the board
    qtbot.keyClick(kabag.list, Qt.Key.Key_Enter)
    assert opened[-1] == ids[2]
    qtbot.keyClick(kabag.list, Qt.Key.Key_Right)  # to an empty column: the focus is still drawn
    assert board.columns[2].focused
    qtbot.keyClick(board.columns[2].list, Qt.Key.Key_Left)
    qtbot.keyClick(kabag.list, Qt.Key.Key_Left)
    assert waiting.focused and waiting.list.currentIndex().row() == 0
    # The focused card carries a frame in the highlight colour that the other card does not.
    focus_colour = highlight.darker(115)
    focused_pixel, other_pixel = _focus_pixel(waiting.list, 0), _focus_pixel(waiting.list, 1)

    def distance(a: QColor, b: QColor) -> int:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

    assert distance(focused_pixel, focus_colour) < distance(other_pixel, focus_colour)
    assert distance(focused_pixel, focus_colour) < 90


def test_compact_mode_by_default_where_the_columns_do_not_fit_and_the_choice_is_kept(store, qtbot, monkeypatch):
    from protokol_desktop.ui.app import build_main_window, create_application

    create_application()
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(0, 0, 1366, 728))

    def start():
        window, controller = build_main_window(store, account("Drs. Ahmad", "Admin"))
        qtbot.addWidget(window)
        return window, controller

    window, _controller = start()
    assert not window.board.compact.isChecked()  # Ambon's five columns fit 1366 pixels
    window.close()
    apply_office("tangerang", Actor("Admin", "Admin"))
    window, _controller = start()
    assert window.board.compact.isChecked() and window.board.delegate.compact  # eight do not
    qtbot.mouseClick(window.board.compact, Qt.MouseButton.LeftButton)  # this user wants full cards
    window.close()
    window, _controller = start()
    assert not window.board.compact.isChecked() and not window.board.delegate.compact
    window.close()
