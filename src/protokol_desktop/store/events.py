"""Tables of the leaders' agenda, events, speeches and the SOP Protokol (schema v5).

Nothing here is deleted by the app: a row taken back is marked ``withdrawn`` (or ``superseded`` for an
agenda decision replaced by a newer one) and stays for the record. Times of day typed by the office
("09.00") are kept as local-time text with a local date, like :class:`~.models.Request`; instants are
UTC (``UtcDateTimeField``).
"""

from __future__ import annotations

from peewee import BooleanField, CharField, DateField, ForeignKeyField, IntegerField, TextField

from .models import BaseModel, Request, UtcDateTimeField, utcnow


class AgendaEntry(BaseModel):
    """An event typed straight into a leader's agenda (one that did not come in as a request)."""

    leader = CharField(max_length=100, index=True)
    day = DateField(index=True)
    start_time = CharField(max_length=5)  # "09.00", office local time
    end_time = CharField(max_length=5, default="")  # "" when not known: 2 hours are assumed
    title = TextField()
    place = CharField(max_length=300, default="")
    organiser = CharField(max_length=300, default="")
    note = TextField(default="")
    created_at = UtcDateTimeField(default=utcnow)
    created_by = CharField(max_length=200, default="")
    withdrawn = BooleanField(default=False)
    withdrawn_reason = TextField(default="")
    withdrawn_at = UtcDateTimeField(null=True)
    withdrawn_by = CharField(max_length=200, default="")


class AgendaDecision(BaseModel):
    """How the leader takes part in one agenda item (a request's event or a typed entry): attends,
    is represented by a named official, or declines with a reply letter. The newest one counts; the
    ones before it are ``superseded``."""

    request = ForeignKeyField(Request, null=True, backref="agenda_decisions", on_delete="RESTRICT")
    entry = ForeignKeyField(AgendaEntry, null=True, backref="decisions", on_delete="RESTRICT")
    decision = CharField(max_length=20)  # hadir | diwakili | ditolak
    representative = CharField(max_length=300, default="")
    reply_letter = CharField(max_length=300, default="")
    note = TextField(default="")
    decided_at = UtcDateTimeField()
    decided_by = CharField(max_length=200)
    superseded = BooleanField(default=False)


class RundownItem(BaseModel):
    """One line of an event's susunan acara; start times are computed from the event's start."""

    request = ForeignKeyField(Request, backref="rundown_items", on_delete="RESTRICT")
    position = IntegerField()
    description = TextField()
    minutes = IntegerField()
    person = CharField(max_length=200, default="")
    note = TextField(default="")
    created_at = UtcDateTimeField(default=utcnow)
    created_by = CharField(max_length=200, default="")
    withdrawn = BooleanField(default=False)


class EventOfficer(BaseModel):
    """A petugas of the event: MC, dirigen, pembaca doa, ajudan…"""

    request = ForeignKeyField(Request, backref="officers", on_delete="RESTRICT")
    duty = CharField(max_length=100)
    name = CharField(max_length=200)
    contact = CharField(max_length=100, default="")
    note = TextField(default="")
    created_at = UtcDateTimeField(default=utcnow)
    created_by = CharField(max_length=200, default="")
    withdrawn = BooleanField(default=False)


class EventCheck(BaseModel):
    """A location check (cek lokasi) or rehearsal (gladi) report."""

    request = ForeignKeyField(Request, backref="checks", on_delete="RESTRICT")
    kind = CharField(max_length=20)  # cek_lokasi | gladi
    held_at = UtcDateTimeField()
    findings = TextField(default="")
    officers = CharField(max_length=300, default="")  # who went
    recorded_at = UtcDateTimeField(default=utcnow)
    recorded_by = CharField(max_length=200, default="")
    withdrawn = BooleanField(default=False)
    withdrawn_reason = TextField(default="")


class CheckPhoto(BaseModel):
    check = ForeignKeyField(EventCheck, backref="photos", on_delete="RESTRICT")
    original_name = CharField(max_length=300)
    stored_name = CharField(max_length=300)
    sha256 = CharField(max_length=64)
    size = IntegerField()
    added_at = UtcDateTimeField(default=utcnow)
    added_by = CharField(max_length=200, default="")


class EventInfo(BaseModel):
    """Per-event settings: dress code, which checks are required, the host for the seating row."""

    request = ForeignKeyField(Request, unique=True, backref="event_info", on_delete="RESTRICT")
    dress_code = TextField(default="")
    checks_required = CharField(max_length=100, default="")  # "cek_lokasi,gladi"
    host = CharField(max_length=300, default="")  # tuan rumah, beside the highest guest
    updated_at = UtcDateTimeField(default=utcnow)
    updated_by = CharField(max_length=200, default="")


class EventGuest(BaseModel):
    """An official on the event's guest list; ``title`` is their own office (Pasal 15)."""

    request = ForeignKeyField(Request, backref="guests", on_delete="RESTRICT")
    position = IntegerField()  # order of entry: keeps equal ranks stable
    name = CharField(max_length=200, default="")
    title = CharField(max_length=300)
    represents = CharField(max_length=300, default="")
    note = TextField(default="")
    created_at = UtcDateTimeField(default=utcnow)
    created_by = CharField(max_length=200, default="")
    withdrawn = BooleanField(default=False)
    # A rank the clerk chose ("2:9:99", domain.precedence.rank_key_text), for a title the rules do not
    # know or a guest moved up or down; "" = by the rules (schema v7).
    rank_key = CharField(max_length=40, default="")


class SpeechVersion(BaseModel):
    """One version of a speech (konsep, draft, revisi 1…): a text, a file, or both."""

    request = ForeignKeyField(Request, backref="speech_versions", on_delete="RESTRICT")
    number = IntegerField()
    label = CharField(max_length=60)
    text = TextField(default="")
    original_name = CharField(max_length=300, default="")
    stored_name = CharField(max_length=300, default="")
    sha256 = CharField(max_length=64, default="")
    size = IntegerField(default=0)
    note = TextField(default="")
    created_at = UtcDateTimeField(default=utcnow)
    created_by = CharField(max_length=200, default="")
    paraf_by = CharField(max_length=200, default="")
    paraf_at = UtcDateTimeField(null=True)
    withdrawn = BooleanField(default=False)
    withdrawn_reason = TextField(default="")

    class Meta:
        indexes = ((("request", "number"), True),)


class SpeechCorrection(BaseModel):
    """A correction asked for on a speech version, by the Ketua Tim or by the leader (Pimpinan)."""

    version = ForeignKeyField(SpeechVersion, backref="corrections", on_delete="RESTRICT")
    source = CharField(max_length=30)  # Ketua Tim | Pimpinan
    requested_by = CharField(max_length=200)
    text = TextField()
    at = UtcDateTimeField()
    recorded_by = CharField(max_length=200, default="")


class SopProtokolDocument(BaseModel):
    """One round of an event's SOP Protokol: the generated contents (JSON) and files, the Kasubag's
    paraf and the Kabag's signature."""

    request = ForeignKeyField(Request, backref="sop_protokol", on_delete="RESTRICT")
    round = IntegerField()
    content = TextField()
    xlsx_name = CharField(max_length=300, default="")
    pdf_name = CharField(max_length=300, default="")
    generated_at = UtcDateTimeField()
    generated_by = CharField(max_length=200, default="")
    paraf_by = CharField(max_length=200, default="")
    paraf_at = UtcDateTimeField(null=True)
    signed_by = CharField(max_length=200, default="")
    signed_at = UtcDateTimeField(null=True)
    withdrawn = BooleanField(default=False)

    class Meta:
        indexes = ((("request", "round"), True),)


class SopProtokolCorrection(BaseModel):
    document = ForeignKeyField(SopProtokolDocument, backref="corrections", on_delete="RESTRICT")
    by = CharField(max_length=200)
    role = CharField(max_length=60)
    text = TextField()
    at = UtcDateTimeField()


class SopProtokolDistribution(BaseModel):
    """Who received the signed SOP Protokol, and when."""

    document = ForeignKeyField(SopProtokolDocument, backref="distribution", on_delete="RESTRICT")
    kind = CharField(max_length=100)  # Petugas protokol | Ajudan Bupati | Ajudan Wakil Bupati | Lainnya
    recipient = CharField(max_length=200)
    received_at = UtcDateTimeField()
    note = TextField(default="")
    recorded_at = UtcDateTimeField(default=utcnow)
    recorded_by = CharField(max_length=200, default="")
    withdrawn = BooleanField(default=False)


TABLES: list[type[BaseModel]] = [
    AgendaEntry,
    AgendaDecision,
    RundownItem,
    EventOfficer,
    EventCheck,
    CheckPhoto,
    EventInfo,
    EventGuest,
    SpeechVersion,
    SpeechCorrection,
    SopProtokolDocument,
    SopProtokolCorrection,
    SopProtokolDistribution,
]


class PrecedenceAlias(BaseModel):
    """The office's own alias of a title ("Kaban Kesbang" means "Kepala Badan Kesbangpol"), beside the
    shipped defaults in resources/precedence/aliases.json (schema v7). Deleting one is a real delete:
    it is a setting, not a record; the audit trail keeps what it was."""

    alias_key = CharField(max_length=200, unique=True)  # normalised (domain.precedence.normalise)
    written = CharField(max_length=200)  # as the clerk typed it
    meaning = CharField(max_length=300)
    created_at = UtcDateTimeField(default=utcnow)
    created_by = CharField(max_length=200, default="")


V7_TABLES: list[type[BaseModel]] = [PrecedenceAlias]
