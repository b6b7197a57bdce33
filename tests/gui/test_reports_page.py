"""The reports page exports in the background, can be cancelled, and offers the file afterwards."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import QDate, Qt

from protokol_desktop.services.demo import fill_demo


def _page(window):
    window.navigation.setCurrentRow(window.pages.indexOf(window.reports))
    return window.reports


def test_export_runs_in_the_background(main_window, qtbot, tmp_path):
    window, controller = main_window
    fill_demo(25, seed=4)
    view = _page(window)
    view.kind.setCurrentIndex(view.kind.findData("kinerja"))
    view.date_from.setDate(QDate.currentDate().addDays(-200))
    out = tmp_path / "kinerja.xlsx"
    with qtbot.waitSignal(controller.reports.exportFinished, timeout=60_000) as finished:
        controller.reports.export(out)
    assert finished.args[0].path == out
    assert "Kinerja Layanan" in openpyxl.load_workbook(out).sheetnames
    assert view.open_file.isVisibleTo(view) and "disimpan ke" in view.result.text()


def test_cancel_leaves_no_file(main_window, qtbot, tmp_path):
    window, controller = main_window
    fill_demo(10, seed=5)
    view = _page(window)
    out = tmp_path / "register.xlsx"
    with qtbot.waitSignal(controller.reports.exportEnded, timeout=60_000):
        job = controller.reports.export(out)
        job.cancel()
    assert not out.exists()
    assert "dibatalkan" in view.result.text()


def test_reversed_period_is_refused(main_window, dialogs):
    window, controller = main_window
    view = _page(window)
    view.date_from.setDate(QDate.currentDate())
    view.date_to.setDate(QDate.currentDate().addDays(-3))
    assert controller.reports.export() is None
    assert "tidak boleh sebelum" in dialogs.errors[-1][1]


# ---------------------------------------------------------------------------------------------
# Acceptance: the way a person does it, by clicking the page's button


def test_clicking_export_writes_the_chosen_file(main_window, qtbot, dialogs, tmp_path):
    window, controller = main_window
    fill_demo(12, seed=6)
    view = _page(window)
    view.kind.setCurrentIndex(view.kind.findData("register"))
    view.date_from.setDate(QDate.currentDate().addDays(-200))
    out = tmp_path / "register.xlsx"
    dialogs.files = [str(out)]  # the save dialog's answer
    with qtbot.waitSignal(controller.reports.exportEnded, timeout=60_000):
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors == []
    assert openpyxl.load_workbook(out).sheetnames == ["Register", "Riwayat Langkah"]
    assert view.export_button.isEnabled() and not controller.reports.task.dialog.isVisible()
    assert str(out) in view.result.text()


def test_a_job_that_raises_ends_its_dialog_and_enables_the_button(main_window, qtbot, dialogs, tmp_path,
                                                                  monkeypatch):  # fmt: skip
    from protokol_desktop.ui.reports import controller as reports_controller

    def broken(*args, **kwargs):
        raise AttributeError("'bool' object has no attribute 'suffix'")

    monkeypatch.setattr(reports_controller, "write_report", broken)
    window, controller = main_window
    view = _page(window)
    dialogs.files = [str(tmp_path / "rekap.xlsx")]
    with qtbot.waitSignal(controller.reports.exportEnded, timeout=60_000):
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        assert not view.export_button.isEnabled()  # while the job runs
    title, message = dialogs.errors[-1]
    assert title == "Laporan gagal dibuat" and "kesalahan yang tidak terduga" in message
    assert not controller.reports.task.dialog.isVisible() and not controller.reports.task.running
    assert view.export_button.isEnabled()
    assert not (tmp_path / "rekap.xlsx").exists()
    dialogs.files = [str(tmp_path / "lagi.xlsx")]  # and the button works again
    monkeypatch.undo()
    with qtbot.waitSignal(controller.reports.exportEnded, timeout=60_000):
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "lagi.xlsx").exists()
