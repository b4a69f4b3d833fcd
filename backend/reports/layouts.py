"""What each export holds: the columns, in order, and how a row is read from a service record or a unit ledger.
Personal data is masked here, once for every format: phones (but the volunteer's own) and recipients' names.
The product never stores ID numbers, so no file can carry one."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from core.masking import mask_name, mask_phone
from core.phones import phone_national
from ledgers.models import UnitLedger
from records.models import ServiceRecord

# The fixed wording that marks a file as the platform's own ledger. Not translated: it is the notice the regulations
# ask for, in the language of the national system the columns mirror.
INTERNAL_LEDGER_MARK = "内部台账，非志愿服务证明"
INTERNAL_LEDGER_NOTE = (
    "内部台账，非志愿服务证明：本表按全国志愿服务信息系统字段顺序整理平台内已审核的服务记录，"
    "仅供录入时对照，证件号码平台不采集，须在全国志愿服务信息系统中核实填写。"
)

# Service records in the field order of the national volunteer information system (全国志愿服务信息系统), so that a
# coordinator can copy them across column by column. The titles are the system's own and are never translated.
NATIONAL_COLUMNS = (
    "志愿者姓名",  # the volunteer's name
    "证件类型",  # ID document type: left blank, the platform collects no ID documents
    "证件号码",  # ID number: left blank (it would be masked); the coordinator fills it in the national system
    "联系电话",  # phone, masked (138****5678) except in the volunteer's own export
    "服务项目名称",  # the activity or post (the record's title)
    "服务开始时间",  # the shift's start, local time; the service date alone for a manual entry
    "服务结束时间",  # the shift's end, local time; the service date alone for a manual entry
    "服务时长(小时)",  # hours actually served, travel excluded, two decimals
    "服务地点",  # the place
    "服务内容",  # what was done
    "服务对象",  # the recipient, masked (王**)
    "服务评价",  # the recipient's rating, 1-5, blank when not rated
    "负责人",  # the person in charge on site
    "记录人",  # the account that recorded the service (blank when written from attendance)
    "记录日期",  # the day the record was made
    "平台志愿者编号",  # the platform's internal volunteer number, to find the person again
)


def _phone(record: ServiceRecord, user) -> str:
    phone = record.volunteer.user.phone
    return phone_national(phone) if record.volunteer.user_id == user.pk else mask_phone(phone)


def _person(user) -> str:
    return str(user) if user is not None else ""


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def service_record_header() -> list[str]:
    return [
        _("Volunteer number"),
        _("Volunteer"),
        _("Phone"),
        _("Community"),
        _("Activity or post"),
        _("Date"),
        _("Place"),
        _("Recipient"),
        _("Content"),
        _("Hours"),
        _("Rating"),
        _("Person in charge"),
        _("Recorder"),
        _("Status"),
        _("Source"),
    ]


def service_record_row(record: ServiceRecord, user) -> list:
    return [
        record.volunteer.number,
        record.volunteer.name,
        _phone(record, user),
        record.community.name,
        record.title,
        record.date.isoformat(),
        record.place,
        mask_name(record.recipient),
        record.content,
        record.hours,
        record.rating,
        record.person_in_charge,
        _person(record.recorder),
        record.get_status_display(),
        record.get_source_display(),
    ]


def national_record_row(record: ServiceRecord, user) -> list:
    shift = record.shift
    start = _local(shift.start) if shift is not None else record.date.isoformat()
    end = _local(shift.end) if shift is not None else record.date.isoformat()
    return [
        record.volunteer.name,
        "",
        "",
        _phone(record, user),
        record.title,
        start,
        end,
        record.hours,
        record.place,
        record.content,
        mask_name(record.recipient),
        record.rating,
        record.person_in_charge,
        _person(record.recorder),
        timezone.localdate(record.created_at).isoformat(),
        record.volunteer.number,
    ]


def ledger_header() -> list[str]:
    return [
        _("Unit"),
        _("Month"),
        _("Projects"),
        _("Resource bookings"),
        _("Hours of resource use"),
        _("Members who served"),
        _("Hours served by members"),
        _("Row"),
        _("Entry kind"),
        _("Entry date"),
        _("Entry title"),
        _("Entry note"),
    ]


def ledger_rows(ledger: UnitLedger) -> Iterator[list]:
    """The ledger's figures on one row, then one row per entry (meetings, activities, notes) under it."""
    figures = [
        ledger.unit.name,
        ledger.month.strftime("%Y-%m"),
        ledger.project_count,
        ledger.booking_count,
        round(ledger.resource_minutes / 60, 2),
        ledger.member_count,
        round(ledger.member_minutes / 60, 2),
    ]
    yield [*figures, _("Figures"), "", "", "", ""]
    for entry in ledger.entries.all():
        yield [
            ledger.unit.name,
            ledger.month.strftime("%Y-%m"),
            "",
            "",
            "",
            "",
            "",
            _("Entry"),
            entry.get_kind_display(),
            entry.date.isoformat() if entry.date else "",
            entry.title,
            entry.note,
        ]
