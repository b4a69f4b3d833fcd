"""Writes on volunteers: creating a profile creates the person's account too."""
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max

from people.models import Volunteer

User = get_user_model()


def volunteer_number_next() -> str:
    """The next internal number after the highest one given (ZY + 7 digits, so text order is number order)."""
    last = Volunteer.objects.filter(number__regex=r"^ZY[0-9]{7}$").aggregate(last=Max("number"))["last"]
    return f"ZY{int(last[2:]) + 1 if last else 1:07d}"


@transaction.atomic
def volunteer_create(*, phone: str = "", **fields) -> Volunteer:
    number = volunteer_number_next()
    user = User(username=number, display_name=fields.get("name", ""), phone=phone, role=User.Role.VOLUNTEER)
    user.set_unusable_password()
    user.save()
    return Volunteer.objects.create(user=user, number=number, **fields)


@transaction.atomic
def volunteer_update(*, volunteer: Volunteer, phone: str | None = None, **fields) -> Volunteer:
    for name, value in fields.items():
        setattr(volunteer, name, value)
    volunteer.save()
    if phone is not None or "name" in fields:
        user = volunteer.user
        if phone is not None:
            user.phone = phone
        user.display_name = volunteer.name
        user.save(update_fields=["phone", "display_name"])
    return volunteer
