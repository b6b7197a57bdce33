"""Tables of the records the guest-visit, Bimtek and complaint services produce (schema v4).

Nothing here is deleted by the app: an attendance line typed by mistake is withdrawn with a reason.
"""

from __future__ import annotations

from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from .models import BaseModel, Request, UtcDateTimeField, utcnow


class ChecklistTemplateItem(BaseModel):
    """The office's checklist for future visits, first built from the SOP's lists."""

    sop_code = CharField(max_length=40, index=True)
    position = IntegerField()
    section = CharField(max_length=20)  # "peralatan" or "pencatatan"
    text = CharField(max_length=300)
    active = BooleanField(default=True)


class Visit(BaseModel):
    request = ForeignKeyField(Request, unique=True, backref="visits", on_delete="RESTRICT")
    instansi = CharField(max_length=300, default="")
    leader_name = CharField(max_length=200, default="")
    people = IntegerField(default=0)
    arrival = UtcDateTimeField(null=True)
    departure = UtcDateTimeField(null=True)
    host = CharField(max_length=200, default="")
    place = CharField(max_length=300, default="")
    minutes = TextField(default="")
    catering_jumlah = IntegerField(default=0)
    catering_menu = TextField(default="")
    catering_penyedia = CharField(max_length=200, default="")


class VisitChecklistItem(BaseModel):
    visit = ForeignKeyField(Visit, backref="checklist", on_delete="RESTRICT")
    position = IntegerField()
    section = CharField(max_length=20)
    text = CharField(max_length=300)
    done = BooleanField(default=False)
    done_by = CharField(max_length=200, default="")
    done_at = UtcDateTimeField(null=True)
    note = TextField(default="")


class Attendee(BaseModel):
    """A line of an attendance list: a visit's guest book or a Bimtek's participants."""

    request = ForeignKeyField(Request, backref="attendees", on_delete="RESTRICT")
    kind = CharField(max_length=20)  # "tamu" or "peserta"
    nama = CharField(max_length=200)
    jabatan = CharField(max_length=200, default="")
    instansi = CharField(max_length=300, default="")
    telepon = CharField(max_length=40, default="")
    nip = CharField(max_length=30, default="")
    attended = BooleanField(default=True)
    withdrawn = BooleanField(default=False)
    withdrawn_reason = TextField(default="")
    added_at = UtcDateTimeField(default=utcnow)
    added_by = CharField(max_length=200, default="")


class Photo(BaseModel):
    request = ForeignKeyField(Request, backref="photos", on_delete="RESTRICT")
    stored_name = CharField(max_length=300)
    original_name = CharField(max_length=300)
    caption = CharField(max_length=300, default="")
    added_at = UtcDateTimeField(default=utcnow)
    added_by = CharField(max_length=200, default="")


class Bimtek(BaseModel):
    request = ForeignKeyField(Request, unique=True, backref="bimteks", on_delete="RESTRICT")
    start = UtcDateTimeField(null=True)
    end = UtcDateTimeField(null=True)
    venue = CharField(max_length=300, default="")
    invitations_sent = DateField(null=True)
    minutes = TextField(default="")
    report = TextField(default="")


class Narasumber(BaseModel):
    bimtek = ForeignKeyField(Bimtek, backref="speakers", on_delete="RESTRICT")
    nama = CharField(max_length=200)
    instansi = CharField(max_length=300, default="")
    kontak = CharField(max_length=60, default="")
    topik = CharField(max_length=300, default="")
    withdrawn = BooleanField(default=False)


class Complaint(BaseModel):
    received_at = UtcDateTimeField()
    channel = CharField(max_length=30)
    complainant = CharField(max_length=200, default="")  # empty: anonymous
    contact = CharField(max_length=100, default="")
    sop_code = CharField(max_length=40, default="")
    request = ForeignKeyField(Request, null=True, backref="complaints", on_delete="RESTRICT")
    content = TextField()
    classification = CharField(max_length=60, default="")
    handler = CharField(max_length=200, default="")
    due_date = DateField()
    status = CharField(max_length=20, default="baru", index=True)  # baru, ditangani, selesai
    resolution = TextField(default="")
    resolved_at = UtcDateTimeField(null=True)
    created_by = CharField(max_length=200, default="")


class ComplaintNote(BaseModel):
    complaint = ForeignKeyField(Complaint, backref="notes", on_delete="RESTRICT")
    at = UtcDateTimeField(default=utcnow)
    actor = CharField(max_length=200)
    text = TextField()


TABLES: list[type[BaseModel]] = [
    ChecklistTemplateItem,
    Visit,
    VisitChecklistItem,
    Attendee,
    Photo,
    Bimtek,
    Narasumber,
    Complaint,
    ComplaintNote,
]
