"""Why a seat stays empty, and what would fill it, in the reader's language.

The optimizer explains in English with skill codes (its reasons carry a code, the skill and level, and how
many people they concern). What coordinators read is rendered here per request from those fields, the
shift's own time and place and the skill catalogue's names, so Chinese readers read Chinese. A reason this
module does not know (a review's "removed") keeps the message it was stored with.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from people.models import Skill
from planning import mapper
from resources.models import Resource

_WHEN = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d\d)-(\d\d) (\d\d:\d\d)-(\d\d:\d\d)$")
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


class Explainer:
    """Renders reasons, suggestions and recruitment lines; skill names are read once per request."""

    def __init__(self):
        self._skills: dict[str, Skill] | None = None

    # ------------------------------------------------------------ pieces

    def skill(self, code: str) -> str:
        if self._skills is None:
            self._skills = {s.code: s for s in Skill.objects.all()}
        found = self._skills.get(code)
        if found is None:
            return code
        english = (get_language() or "").startswith("en")
        return (found.name_en or found.name) if english else found.name

    def skills(self, required: dict) -> str:
        wanted = [(code, level) for code, level in sorted(required.items()) if level > 0]
        if not wanted:
            return _("no particular skill")
        return _(", ").join(
            _("%(skill)s at level %(level)s or above") % {"skill": self.skill(code), "level": level}
            for code, level in wanted
        )

    @staticmethod
    def when(start: dt.datetime, end: dt.datetime) -> str:
        start, end = timezone.localtime(start), timezone.localtime(end)
        return f"{WEEKDAYS_ABBR[start.weekday()]} {start:%m-%d} {start:%H:%M}–{end:%H:%M}"

    @staticmethod
    def when_text(text: str) -> str:
        """The optimizer's "Sat 12-05 09:00-11:00" with the weekday in the reader's language."""
        found = _WHEN.match(text or "")
        if not found:
            return text
        day, month, date, start, end = found.groups()
        return f"{WEEKDAYS_ABBR[_DAYS.index(day)]} {month}-{date} {start}–{end}"

    @staticmethod
    def kind(code: str) -> str:
        try:
            return str(Resource.Category(code).label)
        except ValueError:
            return code

    def room(self, *, kind: str, capacity: int, features) -> str:
        text = _("%(kind)s for at least %(capacity)s people") % {"kind": self.kind(kind), "capacity": capacity}
        if features:
            text += _(" with %(features)s") % {"features": _(", ").join(features)}
        return text

    # ------------------------------------------------------------ what the API shows

    def reason(self, reason: dict, shift) -> str:
        code, count = reason.get("code"), reason.get("count")
        if code == "no_room":
            request = getattr(shift, "resource_request", None)
            if request is None:
                return reason.get("message", "")
            limit = request.max_distance_km if request.max_distance_km is not None else mapper.default_max_distance_km()
            return _("No %(room)s is free at that time within %(km)g km.") % {
                "room": self.room(kind=request.kind, capacity=request.min_capacity, features=request.features),
                "km": limit,
            }
        if code == "no_skill_in_range":
            if reason.get("skill"):
                return _("Nobody with %(skill)s at level %(level)s or above lives within range.") % {
                    "skill": self.skill(reason["skill"]),
                    "level": reason.get("level"),
                }
            return _("Nobody with all of %(skills)s lives within range.") % {
                "skills": self.skills(shift.required_skills)
            }
        if count is None:
            return reason.get("message", "")
        texts = {
            "no_one_free": ngettext(
                "%(count)d person with %(skills)s lives within range; they are not free at that time.",
                "%(count)d people with %(skills)s live within range; none of them is free at that time.",
                count,
            ),
            "all_busy": ngettext(
                "%(count)d qualified person free at that time is on an overlapping shift.",
                "%(count)d qualified people free at that time are on overlapping shifts.",
                count,
            ),
            "all_at_hour_limit": ngettext(
                "%(count)d qualified person free at that time has used their weekly hours.",
                "%(count)d qualified people free at that time have used their weekly hours.",
                count,
            ),
            "not_used": ngettext(
                "%(count)d qualified person is free but was not assigned (the plan is not proven optimal, or a "
                "coordinator removed them).",
                "%(count)d qualified people are free but were not assigned (the plan is not proven optimal, or a "
                "coordinator removed them).",
                count,
            ),
        }
        if code not in texts:
            return reason.get("message", "")
        return texts[code] % {"count": count, "skills": self.skills(shift.required_skills)}

    def suggestion(self, seat) -> str:
        shift = seat.shift
        request = getattr(shift, "resource_request", None)
        where = shift.address or shift.community.name
        if any(r.get("code") == "no_room" for r in seat.reasons) and request is not None:
            return _("Find a %(room)s free %(when)s near %(place)s.") % {
                "room": self.room(kind=request.kind, capacity=request.min_capacity, features=request.features),
                "when": self.when(shift.start, shift.end),
                "place": where,
            }
        text = ngettext(
            "Recruit %(count)d more volunteer with %(skills)s, free %(when)s, within %(km)g km of %(place)s.",
            "Recruit %(count)d more volunteers with %(skills)s, free %(when)s, within %(km)g km of %(place)s.",
            seat.missing,
        ) % {
            "count": seat.missing,
            "skills": self.skills(shift.required_skills),
            "when": self.when(shift.start, shift.end),
            "km": mapper.default_max_distance_km(),
            "place": where,
        }
        if seat.reasons and all(r.get("code") == "all_at_hour_limit" for r in seat.reasons):
            hours = (shift.end - shift.start).total_seconds() / 3600
            text += " " + _("Or ask %(count)d of the qualified people at their limit for %(hours)g more hours.") % {
                "count": seat.missing,
                "hours": hours,
            }
        return text

    def recruitment(self, entry: dict) -> dict:
        """One line of the week's recruitment list with `what` in the reader's language."""
        count = entry.get("count", 0)
        if entry.get("kind") == "volunteers" and "skills" in entry:
            what = ngettext(
                "%(count)d more volunteer with %(skills)s, free %(when)s, near %(place)s",
                "%(count)d more volunteers with %(skills)s, free %(when)s, near %(place)s",
                count,
            ) % {
                "count": count,
                "skills": self.skills(entry["skills"]),
                "when": self.when_text(entry.get("when", "")),
                "place": entry.get("near", ""),
            }
        elif entry.get("kind") == "resource" and "resource_kind" in entry:
            what = _("%(room)s free %(when)s near %(place)s") % {
                "room": self.room(
                    kind=entry["resource_kind"],
                    capacity=entry.get("min_capacity", 0),
                    features=entry.get("features", []),
                ),
                "when": self.when_text(entry.get("when", "")),
                "place": entry.get("near", ""),
            }
        else:
            return entry
        return {**entry, "what": what}
