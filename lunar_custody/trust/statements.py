"""Signed statements: canonical JSON (RFC 8785, JCS) signed with ECDSA P-256 / SHA-256.

What is signed is ``rfc8785.dumps(statement)``: any JCS implementation rebuilds the same
bytes from the same JSON, so another program can check a signature with the certificate
alone. Signatures are DER-encoded ECDSA values, stored and exchanged as base64.
"""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime
from typing import Any

import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509 import Certificate

from .keys import PrivateKey

_ALGORITHM = ec.ECDSA(hashes.SHA256())


def canonical(statement: dict[str, Any]) -> bytes:
    return rfc8785.dumps(statement)


def utc_text(moment: datetime) -> str:
    """'2026-03-14T09:26:53.589793Z': microseconds always, so the text is one per moment."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def sign_statement(key: PrivateKey, statement: dict[str, Any]) -> str:
    return base64.b64encode(key.sign(canonical(statement), _ALGORITHM)).decode("ascii")


def signature_holds(certificate: Certificate, statement: dict[str, Any], signature: str) -> bool:
    """Whether ``signature`` (base64) is the certificate's key's over this statement."""
    try:
        raw = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        return False
    public = certificate.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey):
        return False
    try:
        public.verify(raw, canonical(statement), _ALGORITHM)
    except InvalidSignature:
        return False
    return True
