"""Size limits on the real widgets (issue #16, item 6): the SOP editor refuses a step description past
its limit naming the field and the limit and stays open; its one-line fields stop at their limit; the
library's import button refuses an oversized file and the library is unchanged."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from protokol_desktop.domain.sop import TEXT_LIMITS, sop_to_dict
from protokol_desktop.store.models import SopRevision
from protokol_desktop.store.seed import seed_sops
from protokol_desktop.ui.dialogs.sop_editor import SopEditorDialog


def _sambutan():
    return next(s for s in seed_sops() if s.code == "AMB-SAMBUTAN")


def test_editor_refuses_a_step_description_past_its_limit(qtbot, dialogs):
    dialog = SopEditorDialog(_sambutan(), dialogs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.steps_tab)
    dialog.step_list.setCurrentRow(2)
    edit = dialog.step_uraian
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().setText("Menyusun konsep sambutan. " * 80)  # 2,080 characters, pasted
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(edit.toPlainText()) == 2080
    dialog.tabs.setCurrentWidget(dialog.identity_tab)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_sop is None and dialog.isVisible()
    assert dialogs.errors == [
        ("SOP belum dapat disimpan", "Langkah 3, uraian: terlalu panjang (2.079 karakter; maksimal 2.000)")
    ]  # the trailing space is trimmed, as on save
    assert dialog.tabs.currentWidget() is dialog.steps_tab and dialog.current_step_number() == 3
    # One-line fields cannot be typed past their limit at all.
    dialog.tabs.setCurrentWidget(dialog.identity_tab)
    dialog.signer_nip.clear()
    qtbot.keyClicks(dialog.signer_nip, "1" * (TEXT_LIMITS["identity.disahkan_oleh.nip"] + 5))
    assert len(dialog.signer_nip.text()) == TEXT_LIMITS["identity.disahkan_oleh.nip"]


def test_library_import_refuses_an_oversized_file_and_changes_nothing(main_window, tmp_path, dialogs, qtbot):
    window, controller = main_window
    window.navigation.setCurrentRow(window.pages.indexOf(window.library))
    before = [(r.id, r.status, r.data) for r in SopRevision.select().order_by(SopRevision.id)]
    data = sop_to_dict(_sambutan())
    data["steps"][0]["uraian"] = "x" * (5 * 1024 * 1024)
    huge = tmp_path / "sambutan-besar.json"
    huge.write_text(json.dumps(data), encoding="utf-8")
    data["steps"][0]["uraian"] = "Menerima surat " * 200
    long_field = tmp_path / "sambutan-panjang.json"
    long_field.write_text(json.dumps(data), encoding="utf-8")
    dialogs.files = [str(huge)]
    qtbot.mouseClick(window.library.import_button, Qt.MouseButton.LeftButton)
    dialogs.files = [str(long_field)]
    qtbot.mouseClick(window.library.import_button, Qt.MouseButton.LeftButton)
    assert [title for title, _ in dialogs.errors] == ["Impor ditolak", "Impor ditolak"]
    assert "terlalu besar untuk berkas SOP (5,0 MB; maksimal 2 MB)" in dialogs.errors[0][1]
    assert dialogs.errors[1][1].endswith(
        "kolom steps[0].uraian (Langkah 1, uraian): terlalu panjang (2.999 karakter; maksimal 2.000)"
    )
    assert dialogs.infos == []
    assert [(r.id, r.status, r.data) for r in SopRevision.select().order_by(SopRevision.id)] == before
