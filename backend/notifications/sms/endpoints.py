"""An endpoint setting is a host ("dysmsapi.aliyuncs.com") or a URL with its scheme ("http://127.0.0.1:8080", as
the tests' local server): split into the SDKs' scheme and host."""

from urllib.parse import urlsplit


def endpoint_split(endpoint: str) -> tuple[str, str]:
    """("https", host[:port]) for a bare host; the URL's own scheme and host[:port] otherwise."""
    if "://" not in endpoint:
        return "https", endpoint.strip().rstrip("/")
    parts = urlsplit(endpoint.strip())
    return parts.scheme, parts.netloc
