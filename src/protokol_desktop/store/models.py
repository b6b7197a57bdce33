"""The peewee models: every table of the office database.

All instants are stored as naive UTC datetimes (``UtcDateTimeField``) and shown in the office's time
zone by the layers above. SOP revisions keep the whole SOP in the exchange format as JSON, so a
request started on a revision keeps exactly the steps it started with, whatever later edits do.
"""

from __future__ import annotations

from datetime import UTC, datetime

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database = DatabaseProxy()


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTimeField(DateTimeField):
    """Aware datetimes in, aware UTC datetimes out; stored as naive UTC text (sortable)."""

    def db_value(self, value):  # type: ignore[no-untyped-def]
        if value is not None and isinstance(value, datetime):
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTC field")
            value = value.astimezone(UTC).replace(tzinfo=None)
        return super().db_value(value)

    def python_value(self, value):  # type: ignore[no-untyped-def]
        value = super().python_value(value)
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Setting(BaseModel):
    key = CharField(primary_key=True, max_length=100)
    value = TextField()


class OfficeProfile(BaseModel):
    code = CharField(unique=True, max_length=40)
    data = TextField()  # office profile JSON (domain.office)


class OfficeDay(BaseModel):
    """An office-specific holiday (``is_holiday``) or an extra working day."""

    day = DateField(unique=True)
    is_holiday = BooleanField()
    name = CharField(max_length=200, default="")


class SopRecord(BaseModel):
    code = CharField(unique=True, max_length=40)
    created_at = UtcDateTimeField(default=utcnow)


class SopRevision(BaseModel):
    sop = ForeignKeyField(SopRecord, backref="revisions", on_delete="RESTRICT")
    revision = IntegerField()  # 0 = the document as first loaded
    status = CharField(max_length=20)  # draft, berlaku, diganti
    data = TextField()  # the SOP in the exchange format
    tanggal_revisi = DateField(null=True)
    note = TextField(default="")
    created_at = UtcDateTimeField(default=utcnow)
    created_by = CharField(max_length=100, default="")

    class Meta:
        indexes = ((("sop", "revision"), True),)


class User(BaseModel):
    """A person who logs in. The password is kept only as a salted scrypt hash."""

    username = CharField(unique=True, max_length=60)
    full_name = CharField(max_length=200)
    nip = CharField(max_length=30, default="")
    jabatan = CharField(max_length=200, default="")
    role = CharField(max_length=60)  # "Admin" or a role of the office
    password_hash = CharField(max_length=300)
    active = BooleanField(default=True)
    failed_attempts = IntegerField(default=0)
    locked_until = UtcDateTimeField(null=True)
    last_login = UtcDateTimeField(null=True)
    created_at = UtcDateTimeField(default=utcnow)


class Request(BaseModel):
    """A permohonan: a letter asking the leadership for a service, run through its SOP."""

    revision = ForeignKeyField(SopRevision, backref="requests", on_delete="RESTRICT")
    nomor_surat = CharField(max_length=120)
    tanggal_surat = DateField()
    received_at = UtcDateTimeField()
    perihal = TextField()
    pengirim = CharField(max_length=300)
    contact_name = CharField(max_length=200, default="")
    contact_phone = CharField(max_length=40, default="")
    leader = CharField(max_length=100, default="")
    event_date = DateField(null=True)
    event_time = CharField(max_length=5, default="")  # "14.05" local time of the office
    event_place = CharField(max_length=300, default="")
    srikandi = CharField(max_length=100, default="")
    status = CharField(max_length=20, index=True)  # baru, berjalan, ditunda, batal, selesai
    current_step = IntegerField(null=True)
    current_round = IntegerField(default=1)
    assigned_to = CharField(max_length=200, default="")
    hold_reason = TextField(default="")
    override_reason = TextField(default="")
    due_at = UtcDateTimeField(null=True)
    started_at = UtcDateTimeField(null=True)
    finished_at = UtcDateTimeField(null=True, index=True)
    created_at = UtcDateTimeField(default=utcnow)
    created_by = CharField(max_length=100, default="")
    version = IntegerField(default=0)  # bumped on every change: optimistic concurrency
    training = BooleanField(default=False)  # training data made by ``demo`` (schema 7), shown as such


class RequestRequirement(BaseModel):
    request = ForeignKeyField(Request, backref="requirements", on_delete="RESTRICT")
    position = IntegerField()
    text = TextField()
    required = BooleanField()
    fulfilled = BooleanField(default=False)
    fulfilled_at = UtcDateTimeField(null=True)
    fulfilled_by = CharField(max_length=100, default="")


class StepRun(BaseModel):
    """One pass through one step of a request (a loop makes a new round)."""

    request = ForeignKeyField(Request, backref="step_runs", on_delete="RESTRICT")
    step_number = IntegerField()
    round = IntegerField(default=1)
    executor = CharField(max_length=100)  # the SOP executor column
    role = CharField(max_length=60)  # the office role it maps to
    started_at = UtcDateTimeField()
    ended_at = UtcDateTimeField(null=True)
    # The step timer's limit: the Mutu Baku in minutes, or for a standard in days the minutes those
    # days give from this run's start (domain.calendar.WorkingCalendar.step_limit_minutes).
    standard_minutes = IntegerField(null=True)
    paused_seconds = IntegerField(default=0)  # closed pauses only; an open pause is in StepPause
    completed_by = CharField(max_length=100, default="")
    on_behalf = BooleanField(default=False)  # completed "atas nama" the executor role
    output = TextField(default="")
    note = TextField(default="")
    answer = BooleanField(null=True)  # the keputusan's answer

    class Meta:
        indexes = ((("request", "ended_at"), False),)


class StepPause(BaseModel):
    step_run = ForeignKeyField(StepRun, backref="pauses", on_delete="RESTRICT")
    paused_at = UtcDateTimeField()
    resumed_at = UtcDateTimeField(null=True)
    reason = TextField()


class Attachment(BaseModel):
    request = ForeignKeyField(Request, backref="attachments", on_delete="RESTRICT")
    step_run = ForeignKeyField(StepRun, null=True, backref="attachments", on_delete="RESTRICT")
    kind = CharField(max_length=60, default="lampiran")
    original_name = CharField(max_length=300)
    stored_name = CharField(max_length=300)
    sha256 = CharField(max_length=64)
    size = IntegerField()
    added_at = UtcDateTimeField(default=utcnow)
    added_by = CharField(max_length=100, default="")


class History(BaseModel):
    """What happened to a request, in order. Never edited, never deleted."""

    request = ForeignKeyField(Request, backref="history", on_delete="RESTRICT")
    at = UtcDateTimeField(default=utcnow)
    actor = CharField(max_length=100)
    action = CharField(max_length=40)
    detail = TextField(default="")


class AuditEntry(BaseModel):
    """One change, hash-chained to the entry before it. Appended only."""

    at = UtcDateTimeField()
    actor = CharField(max_length=200)
    action = CharField(max_length=60)
    entity = CharField(max_length=60)
    entity_id = CharField(max_length=100)
    before = TextField(default="")
    after = TextField(default="")
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)


ALL_MODELS: list[type[BaseModel]] = [
    Setting,
    OfficeProfile,
    OfficeDay,
    SopRecord,
    SopRevision,
    User,
    Request,
    RequestRequirement,
    StepRun,
    StepPause,
    Attachment,
    History,
    AuditEntry,
]
