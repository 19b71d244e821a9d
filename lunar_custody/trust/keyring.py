"""Where this machine keeps the institution's private key: a file outside the database.

A copy of the database alone cannot sign as the institution (T2): the key is a PKCS#8 PEM
file named by its certificate's fingerprint, in ``LUNAR_CUSTODY_KEYS`` or the user's data
folder (``.../lunar-custody/keys``), readable by its owner only. Workstations that share
one PostgreSQL database each get a copy (``keys export-institution-key`` writes one
encrypted under a passphrase, ``keys import-institution-key`` reads it).

Beside each key lies its certificate (``institution-<fp32>.crt``, public). It ties the key
file to its institution, so ``verify`` on this machine names a database whose institution
certificate was replaced by someone else's: the replacement has no key file here, but the
real certificate, whose key is here, names the same institution.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from platformdirs import user_data_path

from ..whole_files import write_whole
from .keys import CertificateError, PrivateKey, certificate_pem, load_certificate

ENVIRONMENT = "LUNAR_CUSTODY_KEYS"


class KeyringError(OSError):
    """The key file is missing, unreadable, or not the key that was asked for."""


def key_directory() -> Path:
    chosen = os.environ.get(ENVIRONMENT)
    if chosen:
        return Path(chosen)
    return user_data_path("lunar-custody", appauthor=False) / "keys"


def key_path(fingerprint: str, directory: Path | None = None) -> Path:
    return (directory or key_directory()) / f"institution-{fingerprint[:32]}.pem"


def certificate_path(fingerprint: str, directory: Path | None = None) -> Path:
    return key_path(fingerprint, directory).with_suffix(".crt")


def store_key(
    key: PrivateKey,
    fingerprint: str,
    directory: Path | None = None,
    *,
    certificate: x509.Certificate | None = None,
) -> Path:
    """Write the key for the certificate ``fingerprint``, owner-only, appearing whole or not;
    and the certificate beside it when given (see the module's docstring)."""
    path = key_path(fingerprint, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    if certificate is not None:
        write_whole(
            certificate_path(fingerprint, directory),
            certificate_pem(certificate).encode("ascii"),
            mode=0o644,
        )
    write_whole(path, pem, mode=0o600)
    return path


def held_certificates(directory: Path | None = None) -> list[x509.Certificate]:
    """The certificates whose key file this machine holds (those stored with their key).

    Whether each key file still holds its certificate's key is for the caller to ask
    (``load_key`` and ``keys.same_public_key``): most callers want only a few of them.
    """
    folder = directory or key_directory()
    try:
        paths = sorted(folder.glob("institution-*.crt"))
    except OSError:
        return []
    held = []
    for path in paths:
        if not path.with_suffix(".pem").exists():
            continue
        try:
            held.append(load_certificate(path.read_bytes()))
        except (OSError, CertificateError):
            continue  # not ours to judge: only a certificate with its key counts
    return held


def load_key(fingerprint: str, directory: Path | None = None) -> PrivateKey | None:
    """The key for ``fingerprint`` if this machine holds it, else None."""
    path = key_path(fingerprint, directory)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise KeyringError(f"Cannot read the institution key {path}: {error.strerror}.") from None
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise KeyringError(f"{path} is not a readable private key.") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise KeyringError(f"{path} is not an ECDSA key.")
    return key


def export_key(key: PrivateKey, passphrase: str) -> bytes:
    """The key as encrypted PKCS#8 PEM, to carry to another workstation of the institution."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def import_key(data: bytes, passphrase: str) -> PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise KeyringError("Wrong passphrase, or not an exported institution key.") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise KeyringError("Not an ECDSA key.")
    return key
