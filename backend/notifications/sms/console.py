"""The console provider (the demo's and the tests' default): logs one masked line per text and keeps the last
ones in memory for tests. Never the whole number, the code or any parameter's value in the log."""

from __future__ import annotations

import logging
import uuid
from collections import deque

from core.masking import mask_phone
from notifications.sms.base import SmsProvider, SmsResult
from notifications.sms.templates import template_params

log = logging.getLogger(__name__)

# What this process "sent", newest last: tests read it (a worker process keeps its own).
outbox: deque[dict] = deque(maxlen=1000)


class ConsoleProvider(SmsProvider):
    name = "console"

    def send(self, phone: str, template: str, params: dict) -> SmsResult:
        template_params(template, params)  # refused as a real provider would
        provider_id = f"console-{uuid.uuid4().hex[:16]}"
        outbox.append({"phone": phone, "template": template, "params": dict(params), "provider_id": provider_id})
        log.info(
            "sms %s to %s (template %s, parameters %s)",
            provider_id,
            mask_phone(phone),
            template,
            ", ".join(sorted(params)) or "none",
        )
        return SmsResult(provider_id=provider_id)
