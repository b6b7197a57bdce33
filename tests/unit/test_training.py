"""Training data (issue #16, item 5): demo refuses an office's work unless told, marks what it makes,
makes data for one office's own SOPs, and schema 7 adds the mark to an older database."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime

import pytest

from protokol_desktop.services import Actor, ServiceError, complaints, training
from protokol_desktop.services import agenda as ag
from protokol_desktop.services import reports as rp
from protokol_desktop.services import requests as rs
from protokol_desktop.services.board import load_cards
from protokol_desktop.services.demo import demo_offices, fill_demo
from protokol_desktop.services.library import list_library, sop_of_revision
from protokol_desktop.services.office import active_office
from protokol_desktop.services.training import OfficeDataPresent
from protokol_desktop.store.models import AuditEntry, Request
from tests.conftest import sambutan_form

NOW = datetime(2026, 11, 27, 6, tzinfo=UTC)
ADMIN = Actor("Admin", "Admin")


def _real_request() -> None:
    rs.register_request(sambutan_form(), Actor("Maria", "Staf"))


def _complaint() -> None:
    complaints.register(ADMIN, datetime(2026, 11, 23, 1, tzinfo=UTC), "surat", "Undangan terlambat")


def _agenda() -> None:
    ag.add_entry(ag.EntryForm("Walikota", date(2026, 11, 25), "08.00", "Rapat Forkopimda"), Actor("Maria", "Staf"))


def _users() -> None:
    from protokol_desktop.services import users

    users.create_first_admin("admin", "Administrator", "rahasia-123")
    users.create_user(ADMIN, "maria", "Maria Tuhumury", "Staf", "rahasia-456")


@pytest.mark.parametrize(
    ("work", "phrase"),
    [(_real_request, "1 permohonan"), (_complaint, "1 pengaduan"), (_agenda, "1 acara agenda pimpinan"),
     (_users, "1 akun pengguna selain admin pertama")],
)  # fmt: skip
def test_demo_refuses_an_offices_work_and_changes_nothing(store, work, phrase):
    work()
    before = (Request.select().count(), AuditEntry.select().count())
    with pytest.raises(OfficeDataPresent, match=phrase) as refused:
        fill_demo(5, seed=1, now=NOW)
    assert phrase in refused.value.work
    assert (Request.select().count(), AuditEntry.select().count()) == before
    # Told explicitly, it adds the training data, marked, beside the office's work.
    assert fill_demo(5, seed=1, now=NOW, into_office_data=True) == 5
    assert Request.select().where(Request.training).count() == 5
    assert Request.select().where(~Request.training).count() == before[0]
    entry = AuditEntry.select().where(AuditEntry.action == "data_latihan").get()
    assert '"ke_data_kantor":true' in entry.after


def test_demo_adds_to_training_data_and_marks_every_request(store):
    assert training.office_work() == [] and not training.holds_training_data()
    fill_demo(20, seed=3, now=NOW)
    fill_demo(4, seed=3, now=NOW)  # a folder holding only training data is not an office's work
    assert Request.select().count() == 24 and training.training_count() == 24
    assert training.holds_training_data() and training.office_work() == []
    rows = rp.register_rows(date(2026, 6, 1), date(2026, 11, 30), now=NOW)
    assert rows and all(row.training and row.status_label.endswith(" (latihan)") for row in rows)
    _real_request()
    cards = {card.request_id: card for card in load_cards(now=NOW)}
    real = Request.select().where(~Request.training).get()
    assert cards[real.id].training is False
    assert any(card.training for card in cards.values())


def test_demo_for_one_office_runs_its_own_sops(paths):
    from protokol_desktop.store import open_store
    from protokol_desktop.store.db import close_database

    open_store(paths)
    try:
        assert demo_offices() == ["ambon", "lumajang", "madiun", "tangerang"]
        with pytest.raises(ServiceError, match='Kantor "bogor" tidak dikenal'):
            fill_demo(3, office="bogor", now=NOW)
        assert fill_demo(15, seed=2, office="tangerang", now=NOW) == 15
        assert active_office().code == "tangerang"
        own = {entry.sop.code for entry in list_library() if entry.sop.office == "tangerang"}
        used = {sop_of_revision(r.revision_id).code for r in Request.select()}
        assert used == own
        with pytest.raises(ServiceError, match="sudah berisi permohonan Kota Tangerang"):
            fill_demo(3, office="madiun", now=NOW)
        assert active_office().code == "tangerang" and Request.select().count() == 15
    finally:
        close_database()


def test_schema_7_adds_the_mark_to_an_older_database(paths):
    """A database of schema 6 (before the mark) opens with the column added, every request unmarked."""
    from protokol_desktop.store import open_store
    from protokol_desktop.store.db import SCHEMA_VERSION, close_database

    open_store(paths)
    from protokol_desktop.services.office import apply_office

    apply_office("ambon")
    _real_request()
    close_database()
    with sqlite3.connect(paths.database) as conn:
        conn.execute("DROP INDEX request_training")
        conn.execute("ALTER TABLE request DROP COLUMN training")
        conn.execute("PRAGMA user_version = 6")
    conn.close()
    open_store(paths)
    try:
        assert Request.select().where(Request.training).count() == 0 and Request.select().count() == 1
        fill_demo(2, seed=1, now=NOW, into_office_data=True)
        assert training.training_count() == 2
    finally:
        close_database()
    with sqlite3.connect(paths.database) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'request_training'").fetchone()
    conn.close()
    assert list(paths.backups.glob("sebelum-migrasi-v6-*.sqlite3"))


def test_remove_training_takes_out_only_the_demo_requests_with_their_records(store):
    from protokol_desktop.services.checks import run_checks
    from protokol_desktop.store.models import History, StepRun

    _real_request()
    real = Request.get(~Request.training)
    fill_demo(40, seed=5, into_office_data=True)
    linked = Request.select().where(Request.training).first()
    complaint = complaints.register(ADMIN, datetime(2026, 11, 23, 1, tzinfo=UTC), "surat", "Undangan terlambat")
    from protokol_desktop.store.records import Complaint

    Complaint.update(request=linked.id).where(Complaint.id == complaint).execute()  # a complaint about one
    assert StepRun.select().join(Request).where(Request.training).count() > 0
    with pytest.raises(ServiceError, match="hanya boleh"):
        training.remove_training(Actor("Maria", "Staf"))
    assert training.training_count() == 40
    assert training.remove_training(ADMIN, store.attachments) == 40
    assert training.training_count() == 0 and [r.id for r in Request.select()] == [real.id]
    assert History.select().where(History.request == real.id).count() >= 1
    assert Complaint.get_by_id(complaint).request is None  # the complaint stays, unlinked
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert last.action == "data_latihan_dihapus" and json.loads(last.before) == {"permohonan_latihan": 40}
    assert run_checks() == []
    with pytest.raises(ServiceError, match="Tidak ada data latihan"):
        training.remove_training(ADMIN)


def test_cli_demo_hapus_latihan(tmp_path):
    import subprocess
    import sys

    data = tmp_path / "latihan"
    run = [sys.executable, "-m", "protokol_desktop", "--data-dir", str(data), "demo"]
    made = subprocess.run([*run, "--requests", "12"], capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    removed = subprocess.run([*run, "--hapus-latihan"], capture_output=True, text=True, timeout=300)
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.startswith("12 permohonan latihan dihapus")
    again = subprocess.run([*run, "--hapus-latihan"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 2 and again.stderr.strip() == "Ditolak: Tidak ada data latihan di basis data ini"
