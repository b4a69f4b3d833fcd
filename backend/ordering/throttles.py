"""The public order endpoints' limit per number (scope "order_phone", on top of the per-address scope "order" that
their views name), so that tracking numbers cannot be tried in bulk against one number, nor codes against it,
whatever the address. Over the limit: 429 in the error shape."""

from core.phones import phone_parse
from core.throttling import SimpleRateThrottle
from ordering.selectors import phone_digest


class OrderPhoneThrottle(SimpleRateThrottle):
    scope = "order_phone"

    def get_cache_key(self, request, view):
        phone = request.data.get("phone") if hasattr(request.data, "get") else None
        normal = phone_parse(phone) if isinstance(phone, str) else None
        if not normal:
            return None  # no valid number: the serializer refuses the body
        return self.cache_format % {"scope": self.scope, "ident": phone_digest(normal)}
