"""Signed statements: canonical JSON (RFC 8785, JCS) signed with ECDSA P-256 / SHA-256.

What is signed is ``rfc8785.dumps(statement)``: any JCS implementation rebuilds the same
bytes from the same JSON, so another program can check a signature with the certificate
alone. Signatures are DER-encoded ECDSA values, stored and exchanged as base64.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509 import Certificate

from .keys import PrivateKey

_ALGORITHM = ec.ECDSA(hashes.SHA256())


# Python's JSON writer gives RFC 8785's bytes for what our statements hold: keys sorted by
# code point (UTF-16 order is the same for ASCII keys), strings with the same escapes
# (\" \\ \b \f \n \r \t, other control characters as lower-case \u00xx, everything else
# as itself), integers as digits. It is five times faster than the rfc8785 package, which
# still writes anything else: a float, a key outside ASCII, a lone surrogate, an integer JCS
# cannot carry. tests/trust/test_statements.py holds the two to the same bytes.
_FAST = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
_MAX_EXACT = 2**53 - 1


def _plain(value: Any) -> bool:
    """Whether Python's JSON writer gives RFC 8785's bytes for ``value`` (see above).

    One pass without recursion, the common types first: a statement of an exchange file
    has some 100,000 values, and this check ran longer than the encoding itself."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            if not item.isascii() and any(0xD800 <= ord(c) <= 0xDFFF for c in item):
                return False
        elif kind is dict:
            for key in item:
                if not (isinstance(key, str) and key.isascii()):
                    return False
            stack.extend(item.values())
        elif kind is list or kind is tuple:
            stack.extend(item)
        elif kind is int:
            if not -_MAX_EXACT <= item <= _MAX_EXACT:
                return False
        elif item is None or kind is bool:
            continue
        elif not _plain_subclass(item, stack):
            return False
    return True


def _plain_subclass(value: Any, stack: list[Any]) -> bool:
    """``_plain`` for the subclasses of str, int, dict, list and tuple (an enum's value)."""
    if isinstance(value, str):
        return value.isascii() or not any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return -_MAX_EXACT <= value <= _MAX_EXACT
    if isinstance(value, dict):
        if not all(isinstance(k, str) and k.isascii() for k in value):
            return False
        stack.extend(value.values())
        return True
    if isinstance(value, list | tuple):
        stack.extend(value)
        return True
    return False


def canonical(statement: dict[str, Any]) -> bytes:
    """The RFC 8785 (JCS) bytes of ``statement``."""
    if _plain(statement):
        return _FAST.encode(statement).encode("utf-8")
    return rfc8785.dumps(statement)


def utc_text(moment: datetime) -> str:
    """'2026-03-14T09:26:53.589793Z': microseconds always, so the text is one per moment."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def sign_statement(key: PrivateKey, statement: dict[str, Any]) -> str:
    return base64.b64encode(key.sign(canonical(statement), _ALGORITHM)).decode("ascii")


def signature_holds(certificate: Certificate, statement: dict[str, Any], signature: str) -> bool:
    """Whether ``signature`` (base64) is the certificate's key's over this statement."""
    return signature_holds_over(certificate, canonical(statement), signature)


def signature_holds_over(certificate: Certificate, content: bytes, signature: str) -> bool:
    """``signature_holds`` for a statement's canonical bytes the caller has already."""
    try:
        raw = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        return False
    public = certificate.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey):
        return False
    try:
        public.verify(raw, content, _ALGORITHM)
    except InvalidSignature:
        return False
    return True
