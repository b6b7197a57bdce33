"""Editing SOP values: executor columns, steps that keep their keputusan targets, "Buat dari SOP lain"."""

from __future__ import annotations

import pytest

from protokol_desktop.domain import sop_edit
from protokol_desktop.domain.sop import Decision, SopFormatError, Step
from protokol_desktop.domain.sop_edit import SopEditError
from protokol_desktop.store.seed import seed_sops

SEEDS = {sop.code: sop for sop in seed_sops()}


@pytest.fixture
def sambutan():
    return SEEDS["AMB-SAMBUTAN"]


def targets(sop):
    return {s.number: (s.decision.yes, s.decision.no) for s in sop.steps if s.decision}


def test_edits_return_new_values_and_leave_the_original(sambutan):
    edited = sop_edit.replace_step(sambutan, 3, waktu="4 jam")
    assert edited.step(3).waktu == "4 jam"
    assert sambutan.step(3).waktu == "5 jam"
    assert sop_edit.validate(edited) == edited


# Executor columns


def test_add_executor_refuses_blank_and_duplicates(sambutan):
    sop = sop_edit.add_executor(sambutan, "  Tim   Sambutan ")
    assert sop.executors == ("KABAG", "KASUBBAG", "STAF", "Tim Sambutan")
    with pytest.raises(SopEditError, match="sudah ada"):
        sop_edit.add_executor(sop, "kabag")
    with pytest.raises(SopEditError, match="wajib diisi"):
        sop_edit.add_executor(sop, "   ")
    assert sop_edit.validate(sop) == sop


def test_rename_executor_renames_every_step(sambutan):
    sop = sop_edit.rename_executor(sambutan, "STAF", "Anggota Tim")
    assert sop.executors == ("KABAG", "KASUBBAG", "Anggota Tim")
    assert [s.number for s in sop.steps if s.executor == "Anggota Tim"] == [3, 4, 8]
    assert not any(s.executor == "STAF" for s in sop.steps)
    assert sop_edit.validate(sop) == sop
    # only the case changes: allowed; another column's name: refused
    assert sop_edit.rename_executor(sop, "KABAG", "Kabag").executors[0] == "Kabag"
    with pytest.raises(SopEditError, match="sudah ada"):
        sop_edit.rename_executor(sop, "KABAG", "kasubbag")
    with pytest.raises(SopEditError, match="tidak ada"):
        sop_edit.rename_executor(sop, "STAF", "X")


def test_move_executor_stops_at_the_ends(sambutan):
    assert sop_edit.move_executor(sambutan, "STAF", -1).executors == ("KABAG", "STAF", "KASUBBAG")
    assert sop_edit.move_executor(sambutan, "STAF", 1).executors == sambutan.executors
    assert sop_edit.move_executor(sambutan, "KABAG", 5).executors == ("KASUBBAG", "STAF", "KABAG")


def test_remove_executor_only_while_unused(sambutan):
    with pytest.raises(SopEditError) as refused:
        sop_edit.remove_executor(sambutan, "KASUBBAG")
    assert str(refused.value) == "Kolom KASUBBAG masih dipakai langkah 5"
    with pytest.raises(SopEditError, match="Kolom KABAG masih dipakai langkah 1, 2, 6, 7"):
        sop_edit.remove_executor(sambutan, "KABAG")
    sop = sop_edit.replace_step(sambutan, 5, executor="STAF")
    sop = sop_edit.remove_executor(sop, "KASUBBAG")
    assert sop.executors == ("KABAG", "STAF")
    assert sop_edit.validate(sop) == sop


# Steps


def test_moving_step_3_down_keeps_the_keputusan_on_it(sambutan):
    assert targets(sambutan) == {8: (3, None)}
    moved = sop_edit.move_step(sambutan, 3, 1)
    assert [s.number for s in moved.steps] == list(range(1, 9))
    assert moved.step(4).uraian == "Menerima disposisi dan membuat sambutan"
    assert moved.step(3).uraian == "Mencetak sambutan yang sudah selesai dikerjakan"
    assert targets(moved) == {8: (4, None)}
    assert sop_edit.validate(moved) == moved
    assert sop_edit.move_step(moved, 4, -1) == sambutan


def test_moving_the_keputusan_itself_and_past_the_ends(sambutan):
    moved = sop_edit.move_step(sambutan, 8, -6)  # the keputusan becomes step 2, its target step 4
    assert moved.step(2).is_decision
    assert targets(moved) == {2: (4, None)}
    assert moved.step(4).uraian == sambutan.step(3).uraian
    assert sop_edit.move_step(sambutan, 1, -1) == sambutan
    assert sop_edit.move_step(sambutan, 8, 3) == sambutan


def test_loops_of_another_seed_follow_too():
    pengaduan = SEEDS["AMB-PENGADUAN"]
    assert targets(pengaduan) == {5: (4, 6)}
    moved = sop_edit.move_step(pengaduan, 6, -5)  # step 6 goes first: 1..5 move down one
    assert targets(moved) == {6: (5, 1)}
    assert moved.step(1).uraian == pengaduan.step(6).uraian
    assert sop_edit.validate(moved) == moved


def test_removing_a_keputusan_target_is_refused(sambutan):
    with pytest.raises(SopEditError) as refused:
        sop_edit.remove_step(sambutan, 3)
    assert str(refused.value) == "Langkah 3 menjadi tujuan keputusan langkah 8"
    removed = sop_edit.remove_step(sambutan, 2)
    assert len(removed.steps) == 7
    assert [s.number for s in removed.steps] == list(range(1, 8))
    assert targets(removed) == {7: (2, None)}
    assert removed.step(2).uraian == sambutan.step(3).uraian
    assert sop_edit.validate(removed) == removed


def test_removing_the_keputusan_itself_and_the_last_step():
    pengaduan = SEEDS["AMB-PENGADUAN"]
    removed = sop_edit.remove_step(pengaduan, 5)
    assert targets(removed) == {}
    assert sop_edit.validate(removed) == removed
    single = pengaduan.with_steps((pengaduan.steps[0],))
    with pytest.raises(SopEditError, match="minimal satu langkah"):
        sop_edit.remove_step(single, 1)


def test_insert_then_validate(sambutan):
    sop = sop_edit.insert_step(sambutan, 3)
    assert len(sop.steps) == 9
    new = sop.step(3)
    assert (new.uraian, new.executor, new.kinds) == ("Langkah baru", "KABAG", ("proses",))
    assert sop.step(4).uraian == sambutan.step(3).uraian
    assert targets(sop) == {9: (4, None)}
    assert sop_edit.validate(sop) == sop
    at_end = sop_edit.insert_step(sambutan, 9, Step(0, "Mengarsipkan sambutan", "STAF", waktu="5 menit"))
    assert at_end.step(9).uraian == "Mengarsipkan sambutan"
    assert targets(at_end) == {8: (3, None)}
    assert sop_edit.validate(at_end) == at_end
    with pytest.raises(SopEditError, match="antara 1 dan 9"):
        sop_edit.insert_step(sambutan, 10)
    with pytest.raises(SopEditError, match="bukan kolom pelaksana"):
        sop_edit.insert_step(sambutan, 1, Step(0, "x", "Sekda"))


def test_a_template_keputusan_follows_the_steps_it_names(sambutan):
    template = Step(0, "Sambutan sudah diparaf?", "KABAG", ("keputusan",), Decision("Sudah diparaf?", 6, 3))
    sop = sop_edit.insert_step(sambutan, 5, template)
    assert targets(sop) == {5: (7, 3), 9: (3, None)}
    assert sop_edit.validate(sop) == sop


def test_replace_step_keeps_kinds_and_decision_together(sambutan):
    sop = sop_edit.replace_step(sambutan, 8, kinds=("proses", "selesai"))
    assert sop.step(8).decision is None
    assert sop_edit.validate(sop) == sop
    sop = sop_edit.replace_step(sop, 6, kinds=("keputusan",))
    assert sop.step(6).decision == Decision("", None, None)
    with pytest.raises(SopFormatError) as bad:
        sop_edit.validate(sop)
    assert bad.value.field == "steps[5].decision.question"
    assert sop_edit.field_label(bad.value.field) == "Langkah 6, pertanyaan keputusan"
    sop = sop_edit.replace_step(sop, 6, decision=Decision("Perlu koreksi?", 3, None))
    assert sop_edit.validate(sop).step(6).decision == Decision("Perlu koreksi?", 3, None)
    with pytest.raises(SopEditError, match="tidak ada"):
        sop_edit.replace_step(sop, 6, decision=Decision("Perlu koreksi?", 12, None))
    with pytest.raises(SopEditError, match="bukan keputusan"):
        sop_edit.replace_step(sop, 2, decision=Decision("?", 1, None))
    with pytest.raises(SopEditError, match="bukan kolom pelaksana"):
        sop_edit.replace_step(sop, 2, executor="Sekda")
    with pytest.raises(SopEditError, match="tidak dikenal"):
        sop_edit.replace_step(sop, 2, number=5)
    assert sop_edit.replace_step(sop, 1, kinds=("proses", "mulai", "proses")).step(1).kinds == ("mulai", "proses")


def test_a_bad_waktu_is_held_and_named_by_validate(sambutan):
    sop = sop_edit.replace_step(sambutan, 3, waktu="lima jam")
    with pytest.raises(SopFormatError) as bad:
        sop_edit.validate(sop)
    assert bad.value.field == "steps[2].waktu"
    assert sop_edit.field_label(bad.value.field) == "Langkah 3, waktu"
    assert "lima jam" in str(bad.value)


# Buat dari SOP lain


def test_copy_as_new(sambutan):
    copy = sop_edit.copy_as_new(sambutan, "LMJ-SAMBUTAN", "Sambutan Bupati Lumajang", "lumajang")
    assert (copy.code, copy.name, copy.service, copy.office) == (
        "LMJ-SAMBUTAN",
        "Sambutan Bupati Lumajang",
        "Sambutan Bupati Lumajang",
        "lumajang",
    )
    assert copy.status == "draft"
    assert copy.source.kind == "disusun_kantor"
    assert copy.source.note == "Dibuat dari SOP AMB-SAMBUTAN"
    ident = copy.identity
    assert (ident.nomor, ident.tanggal_pembuatan, ident.tanggal_revisi) == ("", "", "")
    assert (ident.tanggal_pengesahan, ident.tanggal_efektif) == ("", "")
    assert ident.organisation == sambutan.identity.organisation
    assert copy.steps == sambutan.steps
    assert copy.executors == sambutan.executors
    assert copy.standard == sambutan.standard
    assert sop_edit.validate(copy) == copy


def test_copy_as_new_clears_the_dates_of_a_signed_document():
    signed = next(s for s in SEEDS.values() if s.identity.tanggal_pengesahan)
    copy = sop_edit.copy_as_new(signed, "BARU-1", "SOP baru", signed.office)
    assert copy.identity.tanggal_pengesahan == copy.identity.tanggal_pembuatan == ""
    assert copy.identity.disahkan_oleh == signed.identity.disahkan_oleh
    with pytest.raises(SopEditError, match="tanpa spasi"):
        sop_edit.copy_as_new(signed, "KODE BARU", "SOP baru", signed.office)
    with pytest.raises(SopEditError, match="Kode SOP wajib"):
        sop_edit.copy_as_new(signed, " ", "SOP baru", signed.office)
    with pytest.raises(SopEditError, match="Nama SOP wajib"):
        sop_edit.copy_as_new(signed, "BARU-1", "", signed.office)


@pytest.mark.parametrize("sop", list(SEEDS.values()), ids=lambda s: s.code)
def test_every_seed_survives_a_round_of_edits(sop):
    edited = sop_edit.insert_step(sop, 1)
    edited = sop_edit.move_step(edited, 1, len(edited.steps))
    edited = sop_edit.remove_step(edited, len(edited.steps))
    assert edited == sop
    assert sop_edit.validate(edited) == sop
