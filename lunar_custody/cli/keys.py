"""Keys: this installation's institution certificate, partners' certificates, people's
signing keys (revoke), a new institution key (rotate), and the institution key carried to
another workstation of the same database."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from ..domain import key_admin
from ..domain.errors import ValidationError
from ..domain.keys import CertificateInfo, home_certificate_info, key_file, list_certificates
from ..domain.wording import counted, moment_text
from ..trust.keys import short_fingerprint
from ..whole_files import write_whole
from .common import EXIT_USAGE, Commands, Session, command, common_options

# Scripts (and the tests) give the passphrase of an exported institution key here.
PASSPHRASE_ENVIRONMENT = "LUNAR_CUSTODY_KEY_PASSPHRASE"


def _home(s: Session) -> CertificateInfo:
    info = home_certificate_info(s.db)
    if info is None:
        raise ValidationError(
            "This database has no institution certificate yet: an administrator makes one "
            "with 'lunar-custody keys init'."
        )
    return info


def cmd_keys_show(args: argparse.Namespace, s: Session) -> int:
    info = _home(s)
    held = key_file(info)
    s.data(
        {
            "institution_code": info.institution_code,
            "institution": info.institution_name,
            "short_fingerprint": info.short_fingerprint,
            "fingerprint": info.fingerprint,
            "valid_from": info.valid_from,
            "valid_until": info.valid_until,
            "key_on_this_computer": held.held,
            "key_file": held.path,
        },
        lambda: _print_show(s, info, held.held, held.path),
    )
    return 0


def _print_show(s: Session, info: CertificateInfo, held: bool, path: str) -> None:
    s.say(f"Institution:  {info.institution_name} ({info.institution_code})")
    s.say(f"Fingerprint:  {info.short_fingerprint}")
    s.say(f"  (SHA-256)   {info.fingerprint}")
    s.say(f"Valid:        {info.valid_from:%Y-%m-%d} to {info.valid_until:%Y-%m-%d}")
    if held:
        s.say(f"Key:          on this computer ({path})")
    else:
        s.say(
            "Key:          NOT on this computer: it cannot sign here until an administrator "
            "runs 'lunar-custody keys import-institution-key' with a copy exported from the "
            "computer that holds it."
        )


def cmd_keys_list(args: argparse.Namespace, s: Session) -> int:
    rows = list_certificates(s.db)
    s.data(
        [
            {
                "kind": r.kind,
                "holder": r.holder,
                "username": r.username,
                "institution_code": r.institution_code,
                "short_fingerprint": r.short_fingerprint,
                "fingerprint": r.fingerprint,
                "state": r.state,
                "valid_from": r.valid_from,
                "valid_until": r.valid_until,
                "retired_at": r.retired_at,
                "revoked_at": r.revoked_at,
                "revocation_reason": r.revocation_reason,
            }
            for r in rows
        ],
        lambda: s.table(
            ["kind", "holder", "institution", "fingerprint", "state", "since"],
            [
                (
                    r.kind,
                    r.holder + (f" ({r.username})" if r.username else ""),
                    r.institution_code,
                    r.short_fingerprint,
                    r.state,
                    r.revoked_at or r.retired_at or r.valid_from,
                )
                for r in rows
            ],
        ),
    )
    return 0


def cmd_keys_init(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    row = key_admin.create_institution_key(s.db, actor)
    _report_new_key(s, "Made the institution certificate", row.fingerprint)
    return 0


def _report_new_key(s: Session, what: str, fingerprint: str, after: str = "") -> None:
    info = _home(s)
    path = key_file(info).path

    def render() -> None:
        s.say(f"{what} of {info.institution_name}:")
        s.say(f"  fingerprint {short_fingerprint(fingerprint)}")
        s.say(f"  key file    {path} (keep it safe; it is not in the database)")
        if after:
            s.say(after)

    s.data({"fingerprint": fingerprint, "key_file": str(path)}, render)


def cmd_keys_export(args: argparse.Namespace, s: Session) -> int:
    info = _home(s)
    _write(Path(args.output), info.pem.encode("ascii"))
    s.done(
        f"Wrote the institution certificate {info.short_fingerprint} to {args.output}.",
        fingerprint=info.fingerprint,
        file=args.output,
    )
    return 0


def _write(path: Path, data: bytes, mode: int = 0o644) -> None:
    try:
        write_whole(path, data, mode=mode)  # a new file, so a key's 0600 holds even over an old one
    except OSError as error:
        raise ValidationError(f"Cannot write {path}: {error.strerror}.") from None


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ValidationError(f"Cannot read {path}: {error.strerror}.") from None


def cmd_keys_import_partner(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    row = key_admin.import_partner_certificate(
        s.db, actor, args.code, _read(args.file), args.fingerprint
    )
    s.done(
        f"Trusted the certificate {short_fingerprint(row.fingerprint)} of {args.code.upper()}.",
        code=args.code.upper(),
        fingerprint=row.fingerprint,
    )
    return 0


def _moment(text: str) -> datetime:
    """An argument type: 'YYYY-MM-DD HH:MM' in UTC."""
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a moment like '2026-03-14 09:30' (UTC)"
        ) from None
    return moment.replace(tzinfo=UTC)


def cmd_keys_revoke(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    rows = key_admin.revoke_person(s.db, actor, args.username, reason=args.reason, at=args.start)
    when = rows[0].revoked_at
    assert when is not None
    s.done(
        f"Revoked {counted(len(rows), 'certificate')} of {args.username} from "
        f"{moment_text(when)}: what they signed before stays valid, nothing after is "
        "accepted. A password reset lets them sign again with a new key.",
        username=args.username,
        revoked=len(rows),
        revoked_at=when,
    )
    return 0


def cmd_keys_rotate(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    row = key_admin.rotate_institution_key(s.db, actor)
    _report_new_key(
        s,
        "Made a new institution certificate (the old one is retired)",
        row.fingerprint,
        after="  Earlier signatures stay valid. Send partners the new certificate "
        "('lunar-custody keys export'), and copy the new key to the other workstations.",
    )
    return 0


def _passphrase(prompt: str, *, twice: bool) -> str:
    """From LUNAR_CUSTODY_KEY_PASSPHRASE (scripts), else typed (twice for a new one)."""
    given = os.environ.get(PASSPHRASE_ENVIRONMENT)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise ValidationError(
            f"A passphrase is needed: type it at a terminal, or set {PASSPHRASE_ENVIRONMENT}."
        )
    typed = getpass.getpass(prompt)
    if twice and getpass.getpass("Repeat it: ") != typed:
        raise ValidationError("The two passphrases differ; nothing was written.")
    return typed


def cmd_keys_export_institution_key(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    passphrase = _passphrase("Passphrase to protect the exported key: ", twice=True)
    exported = key_admin.export_institution_key(s.db, actor, passphrase)
    _write(Path(args.output), exported, 0o600)
    s.done(
        f"Wrote the institution key, encrypted under the passphrase, to {args.output}. Carry "
        "it to the other workstation and tell the passphrase separately.",
        file=args.output,
    )
    return 0


def cmd_keys_import_institution_key(args: argparse.Namespace, s: Session) -> int:
    actor, _ = s.signer()
    exported = _read(args.file)
    passphrase = _passphrase("Passphrase of the exported key: ", twice=False)
    path = key_admin.import_institution_key(s.db, actor, exported, passphrase)
    s.done(
        f"This computer now holds the institution key ({path}); it can sign here.",
        key_file=str(path),
    )
    return 0


def register(commands: Commands) -> None:
    keys = commands.add_parser(
        "keys",
        parents=[common_options(argparse.SUPPRESS)],
        help="the institution certificate, partners' certificates and signing keys",
        description="Keys: this installation's institution certificate, partners' "
        "certificates, people's signing keys. README: 'Signatures'.",
    )
    keys.set_defaults(handler=lambda args, s: _usage(keys, s), creates=False)
    actions = keys.add_subparsers(title="actions", metavar="ACTION")

    command(actions, "show", cmd_keys_show, "this installation's institution certificate")
    command(actions, "list", cmd_keys_list, "every certificate: institution, partners, people")
    command(
        actions,
        "init",
        cmd_keys_init,
        "make the institution key of a database from before keys",
        signs=True,
    )
    p = command(
        actions,
        "export",
        cmd_keys_export,
        "write the institution certificate (PEM) for partners and verify-pdf --certificate",
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the certificate file to write"
    )

    p = command(
        actions,
        "import-partner",
        cmd_keys_import_partner,
        "trust a partner institution's certificate, once its fingerprint is confirmed",
        signs=True,
    )
    p.add_argument("code", help="the partner institution's code")
    p.add_argument("file", help="its certificate (PEM or DER)")
    p.add_argument(
        "--fingerprint",
        required=True,
        metavar="FP",
        help="the fingerprint the partner confirmed (at least its first 32 hex digits)",
    )

    p = command(
        actions,
        "revoke",
        cmd_keys_revoke,
        "revoke a person's signing key: nothing they sign from then on is accepted",
        signs=True,
    )
    p.add_argument("username")
    p.add_argument("--reason", required=True, help="why, kept in the audit trail")
    p.add_argument(
        "--from",
        dest="start",
        type=_moment,
        metavar='"YYYY-MM-DD HH:MM"',
        help="revoke from this past moment (UTC) instead of now",
    )

    command(
        actions,
        "rotate",
        cmd_keys_rotate,
        "make a new institution key, endorsed by the old one",
        signs=True,
    )
    p = command(
        actions,
        "export-institution-key",
        cmd_keys_export_institution_key,
        "write the institution key, encrypted under a passphrase, for another workstation",
        signs=True,
    )
    p.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the encrypted key file to write"
    )
    p = command(
        actions,
        "import-institution-key",
        cmd_keys_import_institution_key,
        "put an exported institution key into this computer's keyring",
        signs=True,
    )
    p.add_argument("file")


def _usage(parser: argparse.ArgumentParser, s: Session) -> int:
    parser.print_usage(s.err)
    print("lunar-custody keys: say which action (see --help).", file=s.err)
    return EXIT_USAGE
