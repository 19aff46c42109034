"""What makes an endpoint URL usable: checked once, where a URL comes in (an option, a client).

Shared by the remote SPARQL clients (:mod:`hcc_kg.query.remote`) and the command line's
argument types (:mod:`hcc_kg.cli.arg_types`), so both refuse the same URLs with the same message.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..errors import BadParameterError
from .redaction import redact


def check_endpoint_url(url: str) -> str:
    """``url`` if it is a usable http(s) endpoint: a host, a numeric port if any, no spaces or
    control characters (a newline would forge a request header).  A BadParameterError otherwise;
    the message never shows a password that was in the URL.

    >>> check_endpoint_url("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/query'
    >>> check_endpoint_url("http://u:pw@host:x/q")
    Traceback (most recent call last):
    ...
    hcc_kg.errors.BadParameterError: not a usable http(s) endpoint URL ('http://u:***@host:x/q'): the port must be a number from 1 to 65535
    """
    def bad(why: str) -> BadParameterError:
        return BadParameterError(f"not a usable http(s) endpoint URL ({redact(repr(url))}): {why}")

    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise bad("it holds a space or a control character")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise bad("the scheme must be http or https")
    if not parts.hostname:
        raise bad("it names no host")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0 or (port is None and parts.netloc.rpartition("@")[2].rstrip("]").endswith(":")):
        raise bad("the port must be a number from 1 to 65535")
    return url
