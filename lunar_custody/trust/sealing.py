"""A person's private key sealed under their password: usable only by whoever knows it (T2).

argon2id (argon2-cffi) turns the password and a random salt into a 256-bit key; AES-GCM
(cryptography) encrypts the PKCS#8 key with it and authenticates the result, so a changed
byte or a wrong password fails the same way. The sealed form is a small JSON object that
carries its own parameters, so sealed keys made with older parameters still open.

A short PIN never seals a key: 10^8 guesses against argon2 are quick offline. Couriers who
confirm with a PIN are attested by the institution key instead (README: "Signatures").
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .keys import PrivateKey, load_private_key_der, private_key_der

# The same cost as a password check (domain/identity.py): OWASP's first argon2id profile.
MEMORY_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1
_CONTEXT = b"lunar-custody sealed signing key v1"


class WrongSecret(ValueError):
    """The secret does not open the sealed key (or the sealed key was changed)."""


@dataclass(frozen=True)
class KdfParameters:
    memory_kib: int = MEMORY_KIB
    time_cost: int = TIME_COST
    parallelism: int = PARALLELISM


def derive_key(secret: str, salt: bytes, parameters: KdfParameters) -> bytes:
    """argon2id of the secret: 32 bytes for AES-256-GCM."""
    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=parameters.time_cost,
        memory_cost=parameters.memory_kib,
        parallelism=parameters.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(key: PrivateKey, secret: str, parameters: KdfParameters | None = None) -> str:
    return sealer(secret, parameters)(key)


def sealer(secret: str, parameters: KdfParameters | None = None) -> Callable[[PrivateKey], str]:
    """Seal keys under ``secret`` with one argon2id derivation (one salt, a nonce each): for
    writing many people's keys under one password at once (the benchmark database)."""
    parameters = parameters or KdfParameters()
    salt = os.urandom(16)
    box = AESGCM(derive_key(secret, salt, parameters))

    def sealed(key: PrivateKey) -> str:
        nonce = os.urandom(12)
        return json.dumps(
            {
                "v": 1,
                "kdf": "argon2id",
                "m": parameters.memory_kib,
                "t": parameters.time_cost,
                "p": parameters.parallelism,
                "salt": _b64(salt),
                "nonce": _b64(nonce),
                "key": _b64(box.encrypt(nonce, private_key_der(key), _CONTEXT)),
            },
            sort_keys=True,
        )

    return sealed


def unseal(sealed: str, secret: str) -> PrivateKey:
    """The private key, or WrongSecret."""
    try:
        box = json.loads(sealed)
        parameters = KdfParameters(int(box["m"]), int(box["t"]), int(box["p"]))
        salt = base64.b64decode(box["salt"])
        nonce = base64.b64decode(box["nonce"])
        ciphertext = base64.b64decode(box["key"])
        if box.get("v") != 1 or box.get("kdf") != "argon2id":
            raise WrongSecret("the sealed key is in an unknown form")
    except (ValueError, KeyError, TypeError):
        raise WrongSecret("the sealed key is damaged") from None
    try:
        der = AESGCM(derive_key(secret, salt, parameters)).decrypt(nonce, ciphertext, _CONTEXT)
    except InvalidTag:
        raise WrongSecret("the secret does not open this key") from None
    return load_private_key_der(der)
