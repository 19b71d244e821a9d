"""Key pairs and X.509 certificates: one institution certificate per installation, and a
certificate per signing person issued by it.

Every key is ECDSA P-256 with SHA-256 (this machine's pdfsig does not understand Ed25519
PDF signatures). A certificate names its holder by UUID (the ``UID`` attribute), so what
crosses between installations never depends on a local integer id.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

INSTITUTION_VALIDITY = timedelta(days=20 * 365)
PERSON_VALIDITY = timedelta(days=10 * 365)
# A clock a minute behind the issuer's must not see a certificate from the future.
CLOCK_SKEW = timedelta(minutes=5)

PrivateKey = ec.EllipticCurvePrivateKey
PublicKey = ec.EllipticCurvePublicKey


class CertificateError(ValueError):
    """A certificate that cannot be read or is not what it claims to be."""


def new_private_key() -> PrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def fingerprint(certificate: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER, lower-case hex: how records name a certificate."""
    return certificate.fingerprint(hashes.SHA256()).hex()


def short_fingerprint(full: str) -> str:
    """The first 128 bits in eight groups of four, to read aloud and print on an agreement:
    '3F2A 91C0 7B1D E004 55AA 1234 ABCD 9F00'."""
    head = full[:32].upper()
    return " ".join(head[i : i + 4] for i in range(0, 32, 4))


def certificate_pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def load_certificate(pem: str | bytes) -> x509.Certificate:
    data = pem.encode("ascii") if isinstance(pem, str) else pem
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            certificate = x509.load_pem_x509_certificate(data)
        else:
            certificate = x509.load_der_x509_certificate(data)
    except ValueError as error:
        raise CertificateError(f"not an X.509 certificate ({error})") from None
    if not isinstance(certificate.public_key(), ec.EllipticCurvePublicKey):
        raise CertificateError("the certificate's key is not an ECDSA key")
    return certificate


def private_key_der(key: PrivateKey) -> bytes:
    """Unencrypted PKCS#8 DER: only ever handed to sealing or written to a protected file."""
    return key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def load_private_key_der(data: bytes) -> PrivateKey:
    key = serialization.load_der_private_key(data, password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise CertificateError("not an ECDSA private key")
    return key


def _name(common_name: str, organisation: str, uid: str, country: str = "") -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64] or "?"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64] or "?"),
        x509.NameAttribute(NameOID.USER_ID, uid),
    ]
    return x509.Name(attributes)


@dataclass(frozen=True)
class Holder:
    """Who a certificate is for: the names printed in it and the UUID that identifies it."""

    uuid: str
    name: str  # the person's full name, or the institution's name
    organisation: str  # the institution's name
    code: str = ""  # the institution's code (in an institution certificate)


def institution_certificate(
    key: PrivateKey, holder: Holder, now: datetime, *, validity: timedelta = INSTITUTION_VALIDITY
) -> x509.Certificate:
    """A self-signed certificate that may issue the certificates of its people."""
    name = _name(holder.name, holder.organisation, holder.uuid)
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + validity)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
    )
    return builder.sign(key, hashes.SHA256())


def person_certificate(
    issuer_key: PrivateKey,
    issuer: x509.Certificate,
    public: PublicKey,
    holder: Holder,
    now: datetime,
    *,
    validity: timedelta = PERSON_VALIDITY,
) -> x509.Certificate:
    """A person's signing certificate, issued by the institution certificate."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(holder.name, holder.organisation, holder.uuid))
        .issuer_name(issuer.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(min(now + validity, issuer.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.public_key()),  # type: ignore[arg-type]
            critical=False,
        )
    )
    return builder.sign(issuer_key, hashes.SHA256())


def holder_uuid(certificate: x509.Certificate) -> str | None:
    values = certificate.subject.get_attributes_for_oid(NameOID.USER_ID)
    return str(values[0].value) if values else None


def issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    """Whether ``issuer``'s key signed ``certificate`` (and the names chain)."""
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def same_public_key(key: PrivateKey, certificate: x509.Certificate) -> bool:
    der = serialization.Encoding.DER
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    return key.public_key().public_bytes(der, spki) == certificate.public_key().public_bytes(
        der, spki
    )


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
