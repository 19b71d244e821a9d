"""PAdES signatures: every PDF the program writes is signed by the institution key.

A partner checks one with our institution certificate alone (pdfsig, Acrobat, or
``lunar-custody verify-pdf FILE --certificate CERT.pem``), without our database (T3). The
signature is PAdES baseline B-B (ETSI.CAdES.detached, SHA-256, ECDSA P-256) added by pyHanko
as an incremental update covering the whole file, the document's metadata included (the
ledger head it carries). No time-stamp authority and no revocation look-up: nothing is
downloaded when a document is written or checked.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.utils import CryptographyDeprecationWarning

# pyHanko imports cryptography's DSA types (cryptography 51 deprecates DSA); we sign with
# ECDSA P-256 only, so the warning is noise to a person printing a form.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "DSA is deprecated", CryptographyDeprecationWarning)
    from pyhanko.sign import fields, signers
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ..domain.keys import InstitutionKey
from ..trust import keys as trust_keys

FIELD_NAME = "LunarCustody"
SIGNATURE_ROOM = 8192  # hex digits in /Contents: 4 KB


def _asn1_certificate(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def sign_document(pdf: bytes, key: InstitutionKey, *, reason: str) -> bytes:
    """``pdf`` with the institution's PAdES signature added as an incremental update."""
    certificate = _asn1_certificate(key.certificate)
    signer = signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=asn1_keys.PrivateKeyInfo.load(trust_keys.private_key_der(key.private_key)),
        cert_registry=SimpleCertificateStore.from_certs([certificate]),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        name=key.institution_name,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    # Room for the CMS signature (about 1.5 KB: the certificate, the signed attributes and
    # an ECDSA value) given outright, instead of pyHanko first measuring a dummy signature
    # (a third of the signing time).
    signed = signers.sign_pdf(writer, metadata, signer=signer, bytes_reserved=SIGNATURE_ROOM)
    return bytes(signed.getvalue())


@dataclass(frozen=True)
class SignatureCheck:
    """What a PDF's PAdES signature says, checked against given trust roots."""

    signed: bool  # it carries a signature at all
    intact: bool  # the signed bytes are unchanged
    valid: bool  # the signature value holds for them
    trusted: bool  # the signer's certificate is (or chains to) one of the trust roots
    whole_file: bool  # nothing was added after the signature
    signer: str  # the signer certificate's common name
    signer_fingerprint: str  # SHA-256 of its DER, lower-case hex ('' if unsigned)
    signed_at: datetime | None  # as the signer reported it
    problem: str  # why it is not ok, in words ('' when ok)

    @property
    def ok(self) -> bool:
        return not self.problem


def _failed(problem: str, **known: object) -> SignatureCheck:
    values: dict[str, object] = {
        "signed": False,
        "intact": False,
        "valid": False,
        "trusted": False,
        "whole_file": False,
        "signer": "",
        "signer_fingerprint": "",
        "signed_at": None,
    }
    values.update(known)
    return SignatureCheck(problem=problem, **values)  # type: ignore[arg-type]


def check_signature(
    pdf: bytes, trust_roots: Sequence[x509.Certificate], roots_named: str = "the certificate given"
) -> SignatureCheck:
    """Validate the last PAdES signature of ``pdf`` with pyHanko against ``trust_roots``
    (``roots_named`` says what they are, for the message when the signer is not one)."""
    # pyHanko logs what it finds wrong in a damaged file; the result says it in words.
    logger = logging.getLogger("pyhanko")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        return _check(pdf, trust_roots, roots_named)
    finally:
        logger.setLevel(level)


def _check(pdf: bytes, trust_roots: Sequence[x509.Certificate], roots_named: str) -> SignatureCheck:
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = reader.embedded_signatures
    except Exception:  # a file pyHanko cannot read is damaged or no PDF: it proves nothing
        return _failed("it cannot be read as a PDF (damaged?), so its signature cannot be checked")
    if not embedded:
        return _failed("it carries no signature")
    signature = embedded[-1]
    try:
        signer_certificate = signature.signer_cert
        signer = _signer_name(signer_certificate)
        fingerprint = signer_certificate.sha256.hex()
    except Exception:
        return _failed("its signature is damaged: the signer's certificate cannot be read")
    context = ValidationContext(
        trust_roots=[_asn1_certificate(root) for root in trust_roots], allow_fetching=False
    )
    try:
        status = validate_pdf_signature(signature, context, skip_diff=True)
    except Exception:
        return _failed(
            "its signature is damaged and cannot be checked",
            signed=True,
            signer=signer,
            signer_fingerprint=fingerprint,
        )
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not status.intact:
        problem = "the signed content was changed after it was signed (the digest does not match)"
    elif not status.valid:
        problem = "the signature value does not hold (the signature was tampered with)"
    elif not whole:
        problem = "something was added to the file after it was signed"
    elif not status.trusted:
        problem = (
            f"it is signed by {signer} (certificate {_short(fingerprint)}), which is not "
            f"{roots_named}"
        )
    else:
        problem = ""
    return SignatureCheck(
        signed=True,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        whole_file=whole,
        signer=signer,
        signer_fingerprint=fingerprint,
        signed_at=status.signer_reported_dt,
        problem=problem,
    )


def _signer_name(certificate: asn1_x509.Certificate) -> str:
    names = certificate.subject.native
    return str(names.get("common_name") or names.get("organization_name") or "an unnamed signer")


def _short(fingerprint: str) -> str:
    return trust_keys.short_fingerprint(fingerprint)
