"""DRF's throttles with their request log kept in Redis by one script: one round trip per throttle and request.

DRF's own throttles read the whole log of a caller's requests (a pickled list of up to the rate's number of
times) from the cache and write it back, two round trips and a list copied both ways on every request. On a Redis
cache the log is a sorted set instead, trimmed, counted and added to by one Lua script; the rule is DRF's (a request
passes when fewer than the rate's number of requests were let through in the last period; refused ones are not
counted) and so is the wait it announces. On any other cache (files, the tests' memory) DRF's own code runs.
"""

import threading
import uuid

import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from rest_framework import throttling

# KEYS[1]: the log; ARGV: now, the period in seconds, the rate's number, this request's member.
# Returns {1} when the request passes (and is logged), else {0, count, the oldest logged time as a string}.
_SCRIPT = """
local now, period, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - period)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('EXPIRE', KEYS[1], math.ceil(period))
  return {1}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, count, oldest[2]}
"""

_scripts: dict[str, redis.commands.core.Script] = {}
_lock = threading.Lock()


def _script(cache: RedisCache) -> redis.commands.core.Script:
    """The registered script on a client of the cache's first (writable) server, one per process and server: a
    client built per call, as Django's cache does, costs more than the round trip."""
    server = cache._servers[0]
    with _lock:
        if server not in _scripts:
            _scripts[server] = redis.Redis.from_url(server).register_script(_SCRIPT)
        return _scripts[server]


class RedisLogMixin:
    """allow_request and wait of SimpleRateThrottle, on a sorted set when the cache is Redis."""

    def allow_request(self, request, view):
        cache = caches["default"]
        if not isinstance(cache, RedisCache) or self.rate is None:
            return super().allow_request(request, view)
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        member = f"{self.now!r}:{uuid.uuid4().hex[:8]}"
        answer = _script(cache)(
            keys=[cache.make_and_validate_key(f"{self.key}:log")],
            args=[repr(self.now), self.duration, self.num_requests, member],
        )
        if answer[0] == 1:
            return True
        self.logged, self.oldest = int(answer[1]), float(answer[2])
        return self.throttle_failure()

    def wait(self):
        if not hasattr(self, "logged"):
            return super().wait()
        # DRF's: the time until the oldest logged request leaves the period, spread over the requests then free.
        available_requests = self.num_requests - self.logged + 1
        if available_requests <= 0:
            return None
        return (self.duration - (self.now - self.oldest)) / available_requests


class AnonRateThrottle(RedisLogMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(RedisLogMixin, throttling.UserRateThrottle):
    pass


class ScopedRateThrottle(RedisLogMixin, throttling.ScopedRateThrottle):
    def allow_request(self, request, view):
        # DRF's: the view's scope names the rate (none: not throttled here), then the log as the others keep it.
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class SimpleRateThrottle(RedisLogMixin, throttling.SimpleRateThrottle):
    pass
