"""One redaction for every message built from a URL or a server's reply.

Credentials can reach a message three ways: in an endpoint URL (``http://user:pw@host/``),
in a query string (``?password=…``), or echoed back by a server (an ``Authorization``
header, a password in an error page).  :func:`redact` masks all three, plus any literal
``secrets`` the caller knows (the password itself and its Basic-auth encoding), so no
error message, note or log line can print them.

>>> redact("cannot reach http://loader:s3cret@127.0.0.1:8890/crud: refused")
'cannot reach http://loader:***@127.0.0.1:8890/crud: refused'
>>> redact("echo: Authorization: Basic bG9hZGVyOnMzY3JldA==")
'echo: Authorization: ***'
>>> redact("GET /q?user=a&password=hunter2&x=1")
'GET /q?user=a&password=***&x=1'
>>> redact("the server said: wrong s3cret", secrets=("s3cret",))
'the server said: wrong ***'
"""

from __future__ import annotations

import base64
import re
from typing import Iterable

MASK = "***"

_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/@\s:]*):([^/@\s]*)@")
_HEADER = re.compile(r"(?im)\b((?:proxy-)?authorization)(\s*[:=]\s*)[^\r\n]*")
_SCHEME_TOKEN = re.compile(r"(?i)\b(basic|bearer)\s+[A-Za-z0-9+/=._~-]{6,}")
_DIGEST = re.compile(r"(?i)\b(digest)\s+(username\s*=[^\r\n]*)")
_QUERY_SECRET = re.compile(r"(?i)([?&;](?:password|passwd|pwd|pass|token|secret|api[_-]?key)=)[^&#\s]*")


def basic_token(user: str, password: str) -> str:
    """The base64 text of a Basic ``Authorization`` header for ``user``/``password``."""
    return base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with URL passwords, auth headers, secret query values and ``secrets`` masked."""
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = _USERINFO.sub(lambda m: f"{m.group(1)}{m.group(2)}:{MASK}@", text)
    text = _HEADER.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    text = _DIGEST.sub(lambda m: f"{m.group(1)} {MASK}", text)
    text = _SCHEME_TOKEN.sub(lambda m: f"{m.group(1)} {MASK}", text)
    return _QUERY_SECRET.sub(lambda m: m.group(1) + MASK, text)


def auth_secrets(auth: tuple[str, str] | None) -> tuple[str, ...]:
    """The literal strings that give ``auth`` away: the password and its Basic token."""
    if not auth or not auth[1]:
        return ()
    return (auth[1], basic_token(*auth))
