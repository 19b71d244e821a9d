"""The exchange file: a ZIP of two members, read defensively.

    exchange.json    the content: canonical JSON (RFC 8785, JCS), UTF-8
    signature.json   {"algorithm": "ECDSA-P256-SHA256", "certificate": PEM,
                      "signature": base64 DER ECDSA over the bytes of exchange.json}

The certificate is the sender's institution certificate; the receiver trusts a file only
if that certificate is one it imported and confirmed for the sending institution. The
content names its format and version (``FORMAT``, ``VERSION``); README.md "Exchange files"
documents every field so another program can read and check a file.

A file comes from outside: its ZIP is opened with limits (members, names, sizes, ratio)
before anything is decompressed beyond them, and every refusal says what was wrong.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from ..domain.errors import ValidationError
from ..domain.wording import Words
from ..trust import keys as trust_keys
from ..trust.keys import PrivateKey
from ..trust.statements import canonical, sign_statement, signature_holds_over

FORMAT = "lunar-custody-exchange"
VERSION = 1
ALGORITHM = "ECDSA-P256-SHA256"
CONTENT = "exchange.json"
SIGNATURE = "signature.json"
SUFFIX = ".lcx"

# introduction: an institution, its key and its people (trust set-up); the others as in
# DESIGN.md "Between installations"
KINDS = ("introduction", "offer", "answer", "shipment", "legs", "receipt", "report", "return")

# A 500-aliquot shipment with its history is about 2 MB of JSON; these leave room for a
# collection many times that and refuse a decompression bomb long before memory runs out.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_CONTENT_BYTES = 256 * 1024 * 1024
MAX_SIGNATURE_BYTES = 64 * 1024
MAX_RATIO = 200

_domain_exchange_format = Words("_domain_exchange_format")


def kind_word(kind: str) -> str:
    """A kind of file as a report names it ("offer no. 3 from ..."), translatable; an
    unknown kind as the file wrote it."""
    if kind == "introduction":
        return _domain_exchange_format.said("introduction")
    if kind == "offer":
        return _domain_exchange_format.said("offer")
    if kind == "answer":
        return _domain_exchange_format.said("answer")
    if kind == "shipment":
        return _domain_exchange_format.said("shipment")
    if kind == "legs":
        return _domain_exchange_format.said("legs")
    if kind == "receipt":
        return _domain_exchange_format.said("receipt")
    if kind == "report":
        return _domain_exchange_format.said("report")
    if kind == "return":
        return _domain_exchange_format.said("return")
    return kind


class ExchangeFileError(ValidationError):
    """A file that is not a readable, intact exchange file: nothing was written."""


@dataclass(frozen=True)
class Envelope:
    """A file whose signature holds for the certificate it carries (not yet trusted)."""

    content: dict[str, Any]
    certificate: x509.Certificate
    sha256: str  # of the whole file: what the registry of exchange files keeps

    @property
    def fingerprint(self) -> str:
        return trust_keys.fingerprint(self.certificate)


def pack(content: dict[str, Any], key: PrivateKey, certificate_pem: str) -> bytes:
    """The file: ``content`` canonicalised and signed by the institution key."""
    body = canonical(content)
    signature = {
        "algorithm": ALGORITHM,
        "certificate": certificate_pem,
        "signature": sign_statement(key, content),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        # a fixed date: the same content always makes the same bytes
        for name, data in ((CONTENT, body), (SIGNATURE, canonical(signature))):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read one member, never more than ``limit`` bytes whatever its header claims."""
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ExchangeFileError(
            _domain_exchange_format.said(
                "{member} unpacks to more than {megabytes} MB: refused as a decompression bomb.",
                member=info.filename,
                megabytes=limit // (1024 * 1024) or 1,
            )
        )
    return data


def _members(data: bytes) -> tuple[bytes, bytes]:
    if len(data) > MAX_FILE_BYTES:
        raise ExchangeFileError(
            _domain_exchange_format.said(
                "The file is larger than {megabytes} MB.", megabytes=MAX_FILE_BYTES // 2**20
            )
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise ExchangeFileError(
            _domain_exchange_format.said(
                "This is not an exchange file, or it is truncated ({error}).", error=str(error)
            )
        ) from None
    with archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        for name in names:
            if name not in (CONTENT, SIGNATURE):
                shown = name if len(name) < 80 else name[:77] + "..."
                unsafe = name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/")
                raise ExchangeFileError(
                    _domain_exchange_format.said(
                        "The file holds '{name}', a name that points outside any folder: an "
                        "exchange file holds only {content} and {signature}.",
                        name=shown,
                        content=CONTENT,
                        signature=SIGNATURE,
                    )
                    if unsafe
                    else _domain_exchange_format.said(
                        "The file holds '{name}': an exchange file holds only {content} and "
                        "{signature}.",
                        name=shown,
                        content=CONTENT,
                        signature=SIGNATURE,
                    )
                )
        if sorted(names) != sorted((CONTENT, SIGNATURE)):
            raise ExchangeFileError(
                _domain_exchange_format.said(
                    "An exchange file holds {content} and {signature} once each; this one "
                    "holds {names}.",
                    content=CONTENT,
                    signature=SIGNATURE,
                    names=", ".join(names),
                )
                if names
                else _domain_exchange_format.said(
                    "An exchange file holds {content} and {signature} once each; this one "
                    "holds nothing.",
                    content=CONTENT,
                    signature=SIGNATURE,
                )
            )
        by_name = {info.filename: info for info in infos}
        content_info = by_name[CONTENT]
        ratio = content_info.file_size / max(content_info.compress_size, 1)
        if ratio > MAX_RATIO and content_info.file_size > 1024 * 1024:
            raise ExchangeFileError(
                _domain_exchange_format.said(
                    "{content} claims to unpack to {ratio} times its packed size: refused as "
                    "a decompression bomb.",
                    content=CONTENT,
                    ratio=f"{ratio:.0f}",
                )
            )
        try:
            content = _member(archive, content_info, MAX_CONTENT_BYTES)
            signature = _member(archive, by_name[SIGNATURE], MAX_SIGNATURE_BYTES)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
            raise ExchangeFileError(
                _domain_exchange_format.said(
                    "The file is damaged or truncated ({error}); nothing was read from it.",
                    error=str(error),
                )
            ) from None
    return content, signature


def _json_object(data: bytes, name: str) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExchangeFileError(
            _domain_exchange_format.said(
                "{member} is not JSON ({error}).", member=name, error=str(error)
            )
        ) from None
    if not isinstance(value, dict):
        raise ExchangeFileError(
            _domain_exchange_format.said("{member} is not a JSON object.", member=name)
        )
    return value


def unpack(data: bytes) -> Envelope:
    """Open a file and check that its signature holds for the certificate it carries.

    Whether that certificate is a trusted partner's, and what the content may do, is
    decided by the importer (``exchange.importer``).
    """
    body, signature_bytes = _members(data)
    envelope = _json_object(signature_bytes, SIGNATURE)
    content = _json_object(body, CONTENT)
    if content.get("format") != FORMAT:
        raise ExchangeFileError(
            _domain_exchange_format.said(
                "This is not a Lunar Custody exchange file ({content}).", content=CONTENT
            )
        )
    version = content.get("version")
    if version != VERSION:
        raise ExchangeFileError(
            _domain_exchange_format.said(
                "The file is in exchange format version {version}; this program reads version "
                "{ours}. Install the version of Lunar Custody the sender uses, or ask the "
                "sender for a file in version 1.",
                version=repr(version),
                ours=VERSION,
            )
        )
    if envelope.get("algorithm") != ALGORITHM:
        raise ExchangeFileError(
            _domain_exchange_format.said(
                "The file is signed with {algorithm}; expected {expected}.",
                algorithm=repr(envelope.get("algorithm")),
                expected=ALGORITHM,
            )
        )
    try:
        certificate = trust_keys.load_certificate(str(envelope.get("certificate", "")))
    except trust_keys.CertificateError as error:
        raise ExchangeFileError(
            _domain_exchange_format.said(
                "The sender's certificate is {problem}.", problem=str(error)
            )
        ) from None
    if canonical(content) != body:
        raise ExchangeFileError(
            _domain_exchange_format.said(
                "{content} is not in canonical form (RFC 8785): it was changed after it was "
                "signed.",
                content=CONTENT,
            )
        )
    # the body is the content's canonical bytes (checked just above): what was signed
    if not signature_holds_over(certificate, body, str(envelope.get("signature", ""))):
        raise ExchangeFileError(
            _domain_exchange_format.said(
                "The file's signature does not hold: its content was changed after the sender "
                "signed it, or it was signed by another key. Nothing was imported."
            )
        )
    return Envelope(content, certificate, hashlib.sha256(data).hexdigest())
