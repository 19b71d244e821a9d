"""Signed PDFs: every document carries the institution's PAdES signature, which poppler's
pdfsig and ``verify-pdf --certificate`` check without our database; a person's signature
block shows their certificate and whether their signature checks; the agreement prints
both institutions' key fingerprints; a computer without the institution key writes none."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy import select, text

from lunar_custody import cli
from lunar_custody.documents import service
from lunar_custody.documents.bench import throwaway_key
from lunar_custody.documents.layout import DocumentInfo
from lunar_custody.documents.manifest import render_manifest
from lunar_custody.documents.verify import ALTERED, UNCHANGED, UNKNOWN, verify_file
from lunar_custody.domain import documents as register
from lunar_custody.domain import key_admin, keys, queries
from lunar_custody.domain.anchors import GENESIS
from lunar_custody.domain.keys import KeyUnavailable
from lunar_custody.domain.models import Document, Signature
from lunar_custody.storage import Database
from lunar_custody.trust.keys import short_fingerprint
from tests.documents.conftest import Papers, text_of
from tests.documents.test_anchors import drop_guards, restore_guards

LENDER = "CNSA Lunar Sample Laboratory"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(*argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


def pdfsig(path: Path, trusting: Path | None = None) -> str:
    """pdfsig's report; ``trusting`` an NSS database of the certificates a partner trusts."""
    nss = ["-nssdir", f"sql:{trusting}"] if trusting else []
    return subprocess.run(["pdfsig", *nss, str(path)], capture_output=True, text=True).stdout


def nss_trusting(folder: Path, pem: str) -> Path:
    """An NSS database trusting ``pem`` for signatures, as a partner makes one with certutil
    (README: Documents)."""
    folder.mkdir()
    certificate = folder / "institution.pem"
    certificate.write_text(pem)
    subprocess.run(["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"], check=True)
    subprocess.run(
        ["certutil", "-A", "-d", f"sql:{folder}", "-n", "partner", "-t", ",C,", "-i",
         str(certificate)],
        check=True,
    )  # fmt: skip
    return folder


def one_byte_changed(data: bytes, old: bytes, new: bytes, path: Path) -> Path:
    """A copy of ``data`` with the first occurrence of ``old`` replaced (same length)."""
    assert len(old) == len(new) and old in data
    changed = data.replace(old, new, 1)
    assert sum(a != b for a, b in zip(data, changed, strict=True)) == 1
    path.write_bytes(changed)
    return path


def signature_value_hex(pdf: bytes) -> bytes:
    """The ECDSA value inside the PDF's CMS signature, as it is written in /Contents."""
    signed_data = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0].signed_data
    value = bytes(signed_data["signer_infos"][0]["signature"].native)
    for written in (value.hex().encode(), value.hex().upper().encode()):
        if written in pdf:
            return written
    raise AssertionError("the signature value is not in the file")


# What the file says does not depend on the database it was written from: SQLite alone.
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@SQLITE_ONLY
def test_pdfsig_reports_a_written_document_valid_and_a_changed_copy_not(
    papers: Papers, tmp_path: Path
) -> None:
    path = tmp_path / "agreement.pdf"
    doc = service.write_agreement(papers.db, None, papers.loan, path)
    report = pdfsig(path)
    assert "Signature Validation: Signature is Valid." in report, report
    assert f"Signer Certificate Common Name: {LENDER}" in report
    assert "Total document signed" in report and "ETSI.CAdES.detached" in report
    home = keys.home_certificate_info(papers.db)
    assert home is not None and doc.signer_fingerprint == home.fingerprint
    assert "Certificate issuer isn't Trusted." in report  # nobody told pdfsig to trust it
    # a partner who trusts our certificate (and not one who trusts another institution's)
    trusted = pdfsig(path, nss_trusting(tmp_path / "partner", home.pem))
    assert "Signature is Valid." in trusted and "Certificate is Trusted." in trusted, trusted
    elsewhere = pdfsig(path, nss_trusting(tmp_path / "other", throwaway_key().pem))
    assert "Signature is Valid." in elsewhere and "Certificate is Trusted." not in elsewhere

    data = path.read_bytes()
    # one byte of the signed content: the digest no longer matches
    edited = one_byte_changed(data, b"(Loan agreement:", b"(Loan Agreement:", tmp_path / "e.pdf")
    report = pdfsig(edited)
    assert "Signature is Valid" not in report and "Digest Mismatch." in report, report
    # one byte of the signature value itself
    value = signature_value_hex(data)
    flipped = value[:10] + (b"0" if value[10:11] != b"0" else b"1") + value[11:]
    forged = one_byte_changed(data, value, flipped, tmp_path / "f.pdf")
    report = pdfsig(forged)
    assert "Signature Validation: Signature is Invalid." in report, report


@SQLITE_ONLY
def test_verify_pdf_offline_with_our_certificate(papers: Papers, tmp_path: Path) -> None:
    path = tmp_path / "manifest.pdf"
    doc = service.write_manifest(papers.db, None, papers.delivered, path)
    home = keys.home_certificate_info(papers.db)
    assert home is not None
    certificate = tmp_path / "cnsa.pem"
    certificate.write_text(home.pem)
    nowhere = tmp_path / "no-database.db"  # a partner's machine: no database at all

    def offline(pdf: Path, cert: Path, *more: str) -> Run:
        return run("verify-pdf", str(pdf), "--certificate", str(cert), "--db", str(nowhere), *more)

    result = offline(path, certificate)
    assert result.code == 0, result.err
    assert result.out.startswith("manifest.pdf is intact and signed on ")
    assert (
        f"by {LENDER} (certificate {home.short_fingerprint}), the institution whose "
        f"certificate ({home.short_fingerprint}) was given."
    ) in result.out
    heads = doc.heads
    assert (
        f"It claims to be document {doc.number}, content SHA-256 {doc.content_hash}, written "
        f"when the ledger ended at event #{heads.ledger_seq} (SHA-256 {heads.ledger_hash}) "
        f"and the audit trail at entry #{heads.audit_seq}."
    ) in result.out
    as_json = json.loads(offline(path, certificate, "--json").out)
    assert as_json["ok"] and as_json["signature"]["trusted"]
    assert as_json["claims"]["ledger_head"] == {"seq": heads.ledger_seq, "hash": heads.ledger_hash}
    assert not nowhere.exists()

    # one byte changed: not intact
    edited = one_byte_changed(
        path.read_bytes(), b"(Lunar Custody document", b"(Lunar custody document",
        tmp_path / "edited.pdf",
    )  # fmt: skip
    result = offline(edited, certificate)
    assert result.code == 1
    assert result.out.startswith(
        "edited.pdf is NOT a document intact and signed by the institution whose certificate "
        f"({home.short_fingerprint}) was given: the signed content was changed after it was "
        "signed"
    )
    # another institution's certificate: intact, but not signed by that institution
    other = tmp_path / "other.pem"
    other.write_text(throwaway_key().pem)
    result = offline(path, other)
    assert result.code == 1 and "NOT a document intact and signed by" in result.out
    assert (
        f"it is signed by {LENDER} (certificate {home.short_fingerprint}), which is not the "
        "certificate given."
    ) in result.out
    # what is no certificate, or no signed PDF
    result = offline(path, path)
    assert result.code == 1 and "manifest.pdf is not a certificate" in result.err
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(b"%PDF-1.4 not really\n")
    result = offline(plain, certificate)
    assert result.code == 1 and "cannot be read as a PDF" in result.out
    assert not nowhere.exists()


def test_signature_blocks_show_the_certificate_and_whether_it_checks(
    papers: Papers, tmp_path: Path
) -> None:
    db = papers.db
    home = keys.home_certificate_info(db)
    assert home is not None
    path = tmp_path / "agreement.pdf"
    service.write_agreement(db, papers.world["zhang"], papers.loan, path)
    printed = text_of(path)
    by_person = {c.username: c for c in keys.list_certificates(db, (keys.PERSON,))}
    for username in ("zhang", "mk_pi"):
        short = by_person[username].short_fingerprint
        assert f"Key {short}; signature checked" in printed, username
    assert f"Lender's key (CNSA) {home.short_fingerprint}" in printed
    assert "Borrower's key (MARKUP) not yet exchanged" in printed
    assert "Both parties confirm these fingerprints with each other before signing" in printed

    # the borrower's certificate once it is imported and confirmed
    partner = throwaway_key()
    key_admin.import_partner_certificate(
        db, papers.world["admin"], "MARKUP", partner.pem, partner.fingerprint[:32]
    )
    # the PI's signature changed outside the program: it no longer checks
    guards = drop_guards(db, ("signatures",))
    with db.write() as session:
        session.execute(
            text("UPDATE signatures SET printed_name = 'Someone Else' WHERE id = :id"),
            {"id": _signature_id(papers, "mk_pi")},
        )
    restore_guards(db, guards)
    again = tmp_path / "again.pdf"
    service.write_agreement(db, None, papers.loan, again)
    printed = text_of(again)
    assert f"Borrower's key (MARKUP) {short_fingerprint(partner.fingerprint)}" in printed
    assert f"Key {by_person['zhang'].short_fingerprint}; signature checked" in printed
    assert f"Key {by_person['mk_pi'].short_fingerprint}; signature does NOT check" in printed

    # a courier's PIN is attested by the institution key
    form = tmp_path / "form.pdf"
    service.write_custody_form(db, None, form, transfer=papers.delivered)
    printed = text_of(form)
    assert printed.count(f"Institution key {home.short_fingerprint}; signature checked") == 3


def _signature_id(papers: Papers, username: str) -> int:
    person = papers.world.person(username)
    with papers.db.read() as session:
        found = session.scalar(
            select(Signature.id).where(Signature.person_id == person.id).order_by(Signature.id)
        )
    assert found is not None
    return found


def test_a_computer_without_the_institution_key_writes_no_document(
    papers: Papers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LUNAR_CUSTODY_KEYS", str(tmp_path / "empty-keyring"))
    with pytest.raises(KeyUnavailable, match="This computer does not hold the institution key"):
        service.write_manifest(papers.db, None, papers.delivered, tmp_path / "m.pdf")
    assert papers.world.count(Document) == 0 and not (tmp_path / "m.pdf").exists()
    assert not list(tmp_path.glob(".lunar-*"))
    assert isinstance(papers.db, Database)
    result = run("agreement", papers.loan, "-o", str(tmp_path / "a.pdf"), "--db", papers.db.url)
    assert result.code == 1 and not (tmp_path / "a.pdf").exists()
    assert "does not hold the institution key of CNSA Lunar Sample Laboratory" in result.err


def test_verify_pdf_tells_a_changed_register_from_a_changed_file(
    papers: Papers, tmp_path: Path
) -> None:
    db = papers.db
    path = tmp_path / "manifest.pdf"
    doc = service.write_manifest(db, None, papers.delivered, path)
    assert verify_file(db, path).ok

    # a file from before documents were signed: recorded, so the register vouches for it
    data = queries.manifest_data(db, papers.delivered)
    number = register.new_number("manifest")
    info = DocumentInfo(number, "manifest", "Manifest", "Older", "0" * 64, GENESIS)
    older = tmp_path / "older.pdf"
    older.write_bytes(render_manifest(data, info)[0])
    register.record_document(
        db, None, number=number, kind="manifest", record_type="transfer",
        record_number=papers.delivered, sha256=hashlib.sha256(older.read_bytes()).hexdigest(),
    )  # fmt: skip
    result = verify_file(db, older)
    assert result.ok and result.unsigned and result.outcome == UNCHANGED
    assert "It was written before documents were signed, so only this database vouches" in (
        result.message()
    )

    # the register changed outside the program: the intact, signed file says so
    guards = drop_guards(db, ("documents",))
    with db.write() as session:
        session.execute(
            text("UPDATE documents SET sha256 = :h WHERE number = :n"),
            {"h": "1" * 64, "n": doc.number},
        )
    result = verify_file(db, path)
    assert result.outcome == ALTERED and not result.ok and result.authentic
    assert "intact and signed by CNSA Lunar Sample Laboratory" in result.message()
    assert "the register's record was changed" in result.message()
    # ... or its record removed
    with db.write() as session:
        session.execute(text("DELETE FROM documents WHERE number = :n"), {"n": doc.number})
    restore_guards(db, guards)
    result = verify_file(db, path)
    assert result.outcome == UNKNOWN and not result.ok and result.authentic
    assert result.message() == (
        f"manifest.pdf names document {doc.number}, which this database has no record of, "
        "yet it is intact and signed with this installation's institution key: its record "
        "was removed from the register, or it was written from a copy of this database."
    )
