"""A local stand-in for the SMS providers' APIs: an HTTP server on 127.0.0.1 in a thread of the test process that
records every request and answers with what the test queued (or holds the request until the test releases it),
plus the providers' documented signature checks, done here independently of the SDKs."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, urlsplit


@dataclass
class Recorded:
    method: str
    path: str
    query: dict
    raw_query: str
    headers: dict  # lower-case names
    body: bytes

    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class Answer:
    status: int = 200
    body: dict = field(default_factory=dict)
    content_type: str = "application/json"
    hold: threading.Event | None = None  # wait for the test to set it before answering (a provider that hangs)


class FakeProvider:
    """server.url, server.answer(Answer) (queued, first in first out; the last one repeats), server.requests."""

    def __init__(self):
        self.requests: list[Recorded] = []
        self.answers: list[Answer] = []
        self.received = threading.Condition()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                recorded = Recorded(
                    method="POST",
                    path=parts.path,
                    raw_query=parts.query,
                    query=dict(parse_qsl(parts.query, keep_blank_values=True)),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=self.rfile.read(length),
                )
                with fake.received:
                    fake.requests.append(recorded)
                    answer = fake.answers.pop(0) if len(fake.answers) > 1 else fake.answers[0]
                    fake.received.notify_all()
                if answer.hold is not None:
                    answer.hold.wait()
                payload = json.dumps(answer.body, ensure_ascii=False).encode()
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.content_type)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a time-out)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, *answers: Answer) -> None:
        self.answers.extend(answers)

    def wait_for_requests(self, n: int, timeout: float = 60) -> list[Recorded]:
        with self.received:
            assert self.received.wait_for(lambda: len(self.requests) >= n, timeout), self.requests
            return list(self.requests)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def aliyun_signature_valid(request: Recorded, access_key_id: str, secret: str) -> bool:
    """ACS3-HMAC-SHA256 as Alibaba Cloud documents it (V3 request signature): canonical request of the method,
    path, sorted query, the signed headers and the payload's SHA-256; HMAC-SHA256 of its hash with the secret."""
    algorithm, _, fields = request.headers["authorization"].partition(" ")
    parts = dict(item.split("=", 1) for item in fields.split(","))
    if algorithm != "ACS3-HMAC-SHA256" or parts["Credential"] != access_key_id:
        return False
    payload_hash = _sha256(request.body)
    if request.headers.get("x-acs-content-sha256") != payload_hash:
        return False
    query = sorted(parse_qsl(request.raw_query, keep_blank_values=True))
    canonical_query = "&".join(f"{quote(k, safe='~')}={quote(v, safe='~')}" for k, v in query)
    signed = parts["SignedHeaders"].split(";")
    if not {"host", "x-acs-action", "x-acs-date", "x-acs-signature-nonce"} <= set(signed):
        return False
    canonical_headers = "".join(f"{name}:{request.headers[name].strip()}\n" for name in signed)
    canonical = "\n".join(
        [request.method, request.path or "/", canonical_query, canonical_headers, parts["SignedHeaders"], payload_hash]
    )
    string_to_sign = f"{algorithm}\n{_sha256(canonical.encode())}"
    expected = hmac.new(secret.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["Signature"])


def tencent_signature_valid(request: Recorded, secret_id: str, secret_key: str, service: str = "sms") -> bool:
    """TC3-HMAC-SHA256 as Tencent Cloud documents it (signature v3): canonical request over content-type and host,
    string to sign with the timestamp and the credential scope, key derived from the date, service and tc3_request."""
    import datetime as dt

    algorithm, _, fields = request.headers["authorization"].partition(" ")
    parts = dict(item.strip().split("=", 1) for item in fields.split(","))
    credential_id, date, scope_service, terminator = parts["Credential"].split("/")
    timestamp = request.headers["x-tc-timestamp"]
    if (algorithm, credential_id, scope_service, terminator) != ("TC3-HMAC-SHA256", secret_id, service, "tc3_request"):
        return False
    if dt.datetime.fromtimestamp(int(timestamp), dt.UTC).strftime("%Y-%m-%d") != date:
        return False
    if parts["SignedHeaders"] != "content-type;host":
        return False
    canonical = "\n".join(
        [
            "POST",
            "/",
            "",
            f"content-type:{request.headers['content-type']}\nhost:{request.headers['host']}\n",
            "content-type;host",
            _sha256(request.body),
        ]
    )
    string_to_sign = "\n".join([algorithm, timestamp, f"{date}/{service}/tc3_request", _sha256(canonical.encode())])
    key = _hmac(_hmac(_hmac(("TC3" + secret_key).encode(), date), service), "tc3_request")
    expected = hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["Signature"])
