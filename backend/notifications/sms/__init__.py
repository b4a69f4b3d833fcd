"""SMS: providers behind one interface (base), the console provider for the demo and tests, real adapters for
Alibaba Cloud (aliyun) and Tencent Cloud (tencent), and `queue_sms` for texts that are not notifications (login
codes, invitations), sent by the same task as notices' SMS, once per event."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from notifications.models import Delivery


def queue_sms(
    phone: str, template: str, params: dict, event_key: str, urgent: bool = True, *, recipient=None
) -> Delivery:
    """Queue one SMS of a logical template (notifications.sms.templates.TEMPLATES: its parameters by name) to a
    phone, sent by a Celery task after the caller's transaction commits. Once per event_key: calling again with
    the same key returns the first delivery and sends nothing (a new code needs a new key, e.g. its row's id).
    urgent=False defers it out of quiet hours. Raises ValueError for an unknown template or wrong parameters."""
    from notifications.deliveries import delivery_sms_queue  # the services import the providers of this package

    return delivery_sms_queue(
        phone=phone, template=template, params=params, event_key=event_key, urgent=urgent, recipient=recipient
    )
