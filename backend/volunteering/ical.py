"""The personal calendar feed as iCalendar text (RFC 5545), written by hand: CRLF line ends, escaped text,
lines folded at 75 octets, times in UTC. Only the post's own facts go in: no names, numbers or phones of
anyone (digit runs long enough to be a phone number are blanked even inside duties written by a coordinator)."""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone

CRLF = "\r\n"
PRODID = "-//community-volunteering//my posts//ZH"
_PHONE_LIKE = re.compile(r"\+?\d[\d\- ]{5,}\d")


def scrub(text: str) -> str:
    return _PHONE_LIKE.sub("***", text or "")


def escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not pieces else 74  # continuation lines start with one space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(assignment, stamp: str, status_text: str) -> list[str]:
    shift = assignment.shift
    community = shift.community
    place = "，".join(filter(None, [community.name, shift.address or community.address]))
    post = shift.post
    description = [f"岗位：{post.name if post else shift.title}"]
    if post is not None and post.duties:
        description.append(f"职责：{post.duties}")
    description.append(f"状态：{status_text}")
    lines = [
        "BEGIN:VEVENT",
        f"UID:assignment-{assignment.pk}@volunteering",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{_utc(shift.start)}",
        f"DTEND:{_utc(shift.end)}",
        f"SUMMARY:{escape(scrub(shift.title))}",
        f"LOCATION:{escape(scrub(place))}",
    ]
    if shift.lat is not None and shift.lng is not None:
        lines.append(f"GEO:{shift.lat:.6f};{shift.lng:.6f}")
    lines += [
        f"DESCRIPTION:{escape(scrub(chr(10).join(description)))}",
        "STATUS:CONFIRMED" if status_text == "已接受" else "STATUS:TENTATIVE",
        "END:VEVENT",
    ]
    return lines


STATUS_TEXT = {"accepted": "已接受", None: "待确认"}


def render(assignments, *, name: str = "我的志愿岗位", now: dt.datetime | None = None) -> str:
    stamp = _utc(now or timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for assignment in assignments:
        response = getattr(assignment, "response", None)
        lines += _event(assignment, stamp, STATUS_TEXT.get(getattr(response, "status", None), "待确认"))
    lines.append("END:VCALENDAR")
    return CRLF.join(fold(line) for line in lines) + CRLF
