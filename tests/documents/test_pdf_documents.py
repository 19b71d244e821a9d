"""Each document written from the world and read back: text (pdftotext), pages, QR codes
(pdftoppm + zxing-cpp), the record in ``documents``, and verify-pdf's verdicts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lunar_custody.documents import service
from lunar_custody.documents.agreement import render_agreement
from lunar_custody.documents.bench import throwaway_key
from lunar_custody.documents.content import content_dict
from lunar_custody.documents.layout import DocumentInfo, QrClaim, parse_qr_payload, qr_payload
from lunar_custody.documents.signing import sign_document
from lunar_custody.documents.terms import agreement_terms
from lunar_custody.documents.verify import ALTERED, UNCHANGED, UNKNOWN, read_claims, verify_file
from lunar_custody.domain import documents as register
from lunar_custody.domain import queries
from lunar_custody.domain.anchors import GENESIS, chain_heads
from lunar_custody.domain.errors import NotFoundError, ValidationError
from lunar_custody.domain.identity import content_hash
from lunar_custody.domain.models import CustodyEvent, Document
from lunar_custody.trust.keys import short_fingerprint
from tests.documents.conftest import (
    MARKUP_ADDRESS,
    MARKUP_LOCAL,
    MARKUP_NAME,
    PI_LOCAL,
    PI_NAME,
    PURPOSE,
    Papers,
    pages_of,
    qr_codes,
    text_of,
)
from tests.worlds import A1, A2, A3, A4


def document_qr(doc: service.GeneratedDocument) -> str:
    return qr_payload(doc.number, doc.content_hash, doc.heads)


def count_events(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(CustodyEvent)) or 0


def image_count(pdf: Path) -> int:
    reader = PdfReader(pdf)
    return sum(len(page.images) for page in reader.pages)


# ---------------------------------------------------------------------- the loan agreement


def test_agreement_prints_parties_items_terms_and_signatures(
    papers: Papers, tmp_path: Path
) -> None:
    path = tmp_path / "agreement.pdf"
    doc = service.write_agreement(papers.db, papers.world["zhang"], papers.loan, path)
    text = text_of(path)
    for expected in (
        f"Agreement No. {papers.loan}",
        "CNSA Lunar Sample Laboratory",
        "国家航天局月球样品实验室",  # the lender's local name
        MARKUP_NAME,  # markup characters print literally
        MARKUP_LOCAL,
        MARKUP_ADDRESS,
        PI_NAME,
        PI_LOCAL,
        PURPOSE,
        "Camille Lefèvre; 佐藤 遥",
        A1,
        A2,
        "500.000 mg",
        "Total 800.000 mg",
        "Template terms-v1",
        "No transfer to third parties",
        "without the Lender's prior written approval",
        "Annual inventory",
        "Destructive analysis.",  # allowed on this loan: the matching clause
        "Results and publications",
        "Extensions",
        # the lender's and the PI's signatures as given in the program
        "Zhang Wei",
        "Meaning: approved (lender)",
        "Meaning: countersigned (borrower)",
        "UTC",
        f"Agreement {papers.loan} · document {doc.number}",
        f"Page 1 of {doc.pages}",
    ):
        assert expected in text, expected
    assert "No destructive analysis" not in text
    assert "<b>" in text and "</b>" in text and "&" in text
    # the borrower's institution did not sign apart from its PI: lines for ink
    assert "For the Borrower's institution" in text and "Printed name" in text
    assert image_count(path) >= 1  # zhang's drawn signature
    assert pages_of(path) == doc.pages
    assert all(page == [document_qr(doc)] for page in qr_codes(path))
    record = register.find_by_hash(papers.db, doc.sha256)
    assert record is not None
    assert (record.number, record.kind, record.record_type) == (doc.number, "agreement", "loan")
    assert record.record_number == papers.loan and record.created_by == "Zhang Wei"
    assert record.filename == "agreement.pdf"


def test_an_unsigned_draft_leaves_every_signature_to_ink(papers: Papers, tmp_path: Path) -> None:
    path = tmp_path / "draft.pdf"
    service.write_agreement(papers.db, None, papers.draft, path)
    text = text_of(path)
    assert "DRAFT: prepared for review; not valid until signed by the Lender." in text
    assert "Meaning:" not in text
    assert text.count("Write the date, the time and the time zone") == 3
    assert "No destructive analysis" in text  # this loan does not allow it
    assert image_count(path) == 0


def test_a_document_number_and_hash_travel_in_the_qr_code(papers: Papers, tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    doc = service.write_agreement(papers.db, None, papers.loan, path)
    (code,) = qr_codes(path)[0]
    heads = doc.heads
    assert parse_qr_payload(code) == QrClaim(
        doc.number, doc.content_hash, heads.ledger_seq, heads.ledger_hash
    )
    # the ledger's head when it was written (a document adds audit entries, no events)
    with papers.db.read() as session:
        assert chain_heads(session).ledger_seq == heads.ledger_seq == count_events(session)
    # the metadata names both heads, under the signature
    keywords = PdfReader(path).metadata["/Keywords"]
    assert f"ledger-head={heads.ledger_seq}:{heads.ledger_hash}" in keywords
    assert f"audit-head={heads.audit_seq}:{heads.audit_hash}" in keywords
    assert heads.audit_seq > 0 and read_claims(path.read_bytes()).heads == heads
    assert doc.content_hash != doc.sha256  # the file's hash is recorded, not printed
    # the same content written again gets a new number, so a new content hash and file
    again = service.write_agreement(papers.db, None, papers.loan, tmp_path / "b.pdf")
    assert again.number != doc.number and again.sha256 != doc.sha256


# ---------------------------------------------------------------------- custody forms


def test_custody_form_of_a_delivered_transfer(papers: Papers, tmp_path: Path) -> None:
    path = tmp_path / "coc.pdf"
    doc = service.write_custody_form(papers.db, None, path, transfer=papers.delivered)
    text = text_of(path)
    for expected in (
        f"For transfer {papers.delivered} loan {papers.loan} seal SEAL-<42>&",
        MARKUP_NAME,
        A1,
        A2,
        "499.990 mg",  # measured on receipt
        "Release by CNSA",
        "Hand-over",
        "Delivery to MARKUP",
        "Zhang Wei",
        "Chen Courier",
        "Dana Courier",
        PI_NAME,
        "Meaning: relinquished custody",
        "Meaning: accepted custody",
        "Meaning: received",
        "signer's PIN",
        "Seal intact: yes Condition: Packed and sealed by the sender",
        "Seal SEAL-<42>& Seal intact: yes Condition: 1 of 2 items weighed",  # on delivery
    ):
        assert expected in text, expected
    # delivered: no ink rows are left, except that the last courier gave the package up
    # without signing in the program (the receiver signed): one block for ink
    assert text.count("Write the date, the time and the time zone") == 1
    assert image_count(path) == 1  # the receiver's drawn signature
    assert all(page == [document_qr(doc)] for page in qr_codes(path))


def test_custody_form_in_transit_leaves_rows_for_the_rest_of_the_journey(
    papers: Papers, tmp_path: Path
) -> None:
    path = tmp_path / "travel.pdf"
    service.write_custody_form(papers.db, None, path, transfer=papers.travelling)
    text = text_of(path)
    assert "Release by CNSA" in text and "Chen Courier" in text
    # release recorded; four rows wait for ink: a journey of four courier legs
    assert text.count("Write the date, the time and the time zone") == 2 * 4


def test_blank_custody_form_has_rows_for_four_legs(papers: Papers, tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    doc = service.write_custody_form(papers.db, None, path, transfer=papers.delivered, blank=True)
    text = text_of(path)
    assert A1 in text and A2 in text and "SEAL-<42>&" in text
    assert "Meaning:" not in text
    assert text.count("Write the date, the time and the time zone") == 2 * 5
    assert text.count("Seal intact: ☐ yes ☐ no") == 5
    assert all(page == [document_qr(doc)] for page in qr_codes(path))


def test_custody_form_of_one_aliquots_whole_history(papers: Papers, tmp_path: Path) -> None:
    path = tmp_path / "aliquot.pdf"
    doc = service.write_custody_form(papers.db, None, path, aliquot=A1.lower())
    text = text_of(path)
    for expected in (
        f"For aliquot {A1}",
        "Custody events recorded in the ledger",
        "registered",
        "released to courier",
        "handed over between couriers",
        "received",
        "Dana Courier",
        "Meaning: received",
    ):
        assert expected in text, expected
    record = register.find_by_hash(papers.db, doc.sha256)
    assert record is not None and (record.record_type, record.record_number) == ("aliquot", A1)


def test_a_custody_form_is_for_one_transfer_or_one_aliquot(papers: Papers, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="one transfer or for one aliquot"):
        service.write_custody_form(papers.db, None, tmp_path / "x.pdf")
    with pytest.raises(NotFoundError):
        service.write_custody_form(papers.db, None, tmp_path / "x.pdf", transfer="T1999-0001")
    assert not (tmp_path / "x.pdf").exists()
    assert papers.world.count(Document) == 0


# ---------------------------------------------------------------------- manifest and labels


def test_manifest_lists_the_package(papers: Papers, tmp_path: Path) -> None:
    path = tmp_path / "manifest.pdf"
    doc = service.write_manifest(papers.db, papers.world["zhang"], papers.delivered, path)
    text = text_of(path)
    for expected in (
        f"Package {papers.delivered}",
        "CNSA Lunar Sample Laboratory",
        MARKUP_NAME,
        MARKUP_LOCAL,
        f"Attention: {PI_NAME}",
        "Seal number SEAL-<42>&",
        A1,
        A2,
        "Contents: 2 items, 800.000 mg",
        "Packed and sealed by",
        "Contents checked on arrival by",
    ):
        assert expected in text, expected
    assert pages_of(path) == doc.pages == 1
    assert qr_codes(path) == [[document_qr(doc)]]


def test_labels_on_a_roll(papers: Papers, tmp_path: Path) -> None:
    path = tmp_path / "roll.pdf"
    numbers = [A1, A2, A4]
    doc = service.write_labels(papers.db, None, numbers, path)
    assert pages_of(path) == doc.pages == len(numbers)  # one a label, no job label unasked
    codes = qr_codes(path, dpi=300)
    assert codes == [[A1], [A2], [A4]]
    text = text_of(path, 1)
    assert "Sample CE5C0400" in text and "500.000 mg" in text  # A1's book mass
    reader = PdfReader(path)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (144, 72)  # 2 x 1 inch


def test_labels_on_a4_sheets(papers: Papers, tmp_path: Path) -> None:
    path = tmp_path / "sheet.pdf"
    numbers = [A1, A2, A3, A4] * 11  # 44 labels: a sheet of 40 and four more
    doc = service.write_labels(papers.db, None, numbers, path, layout="a4")
    assert pages_of(path) == doc.pages == 2
    first, second = qr_codes(path)
    assert sorted(first) == sorted([document_qr(doc), *numbers[:40]])
    assert sorted(second) == sorted([document_qr(doc), *numbers[40:]])
    assert "Document " + doc.number in text_of(path, 1)


def test_labels_refuse_unknown_aliquots_and_layouts(papers: Papers, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="CE5C0400YJFM09999"):
        service.write_labels(papers.db, None, [A1, "CE5C0400YJFM09999"], tmp_path / "l.pdf")
    with pytest.raises(ValidationError, match="roll or a4"):
        service.write_labels(papers.db, None, [A1], tmp_path / "l.pdf", layout="letter")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------- verify-pdf


def test_verify_accepts_the_untouched_file_and_rejects_a_changed_one(
    papers: Papers, tmp_path: Path
) -> None:
    path = tmp_path / "agreement.pdf"
    doc = service.write_agreement(papers.db, None, papers.loan, path)
    result = verify_file(papers.db, path)
    assert result.outcome == UNCHANGED and result.ok
    assert result.record is not None and result.record.number == doc.number
    assert f"loan agreement {doc.number} for loan {papers.loan}" in result.message()

    # one character changed (in the title, so the file still opens)
    changed = tmp_path / "changed.pdf"
    data = path.read_bytes()
    assert data.count(b"(Loan agreement:") == 1
    changed.write_bytes(data.replace(b"(Loan agreement:", b"(Loan Agreement:"))
    result = verify_file(papers.db, changed)
    assert result.outcome == ALTERED and not result.ok
    assert result.claimed_number == doc.number
    assert "The file was altered" in result.message()

    # re-saved by another program (new structure, same metadata)
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.add_metadata({"/Title": "Edited agreement"})
    resaved = tmp_path / "resaved.pdf"
    with resaved.open("wb") as out:
        writer.write(out)
    assert verify_file(papers.db, resaved).outcome == ALTERED

    # a PDF this database never wrote, and a file that is no PDF at all
    foreign = tmp_path / "foreign.pdf"
    buffer = io.BytesIO()
    blank = PdfWriter()
    blank.add_blank_page(100, 100)
    blank.write(buffer)
    foreign.write_bytes(buffer.getvalue())
    result = verify_file(papers.db, foreign)
    assert result.outcome == UNKNOWN and result.record is None
    assert "not a document written by Lunar Custody" in result.message()
    notes = tmp_path / "notes.txt"
    notes.write_text("not a pdf")
    assert verify_file(papers.db, notes).outcome == UNKNOWN


def test_a_document_of_another_database_names_its_number(papers: Papers, tmp_path: Path) -> None:
    """Drawn and signed as another installation would (its own number and key): the number
    is read back, and the signature says it is not ours."""
    data = queries.agreement_data(papers.db, papers.loan)
    terms = agreement_terms(data)
    number = register.new_number("agreement")
    digest = content_hash(content_dict("agreement", number, data, {"terms": terms}))
    info = DocumentInfo(number, "agreement", "Loan agreement", "Elsewhere", digest, GENESIS)
    other = throwaway_key()
    path = tmp_path / "agreement.pdf"
    path.write_bytes(sign_document(render_agreement(data, terms, info)[0], other, reason="x"))
    result = verify_file(papers.db, path)
    assert result.outcome == UNKNOWN and result.claimed_number == number and not result.ok
    assert result.signature is not None and result.signature.intact
    assert not result.signature.trusted and not result.problems  # its head is not ours
    assert result.message() == (
        f"agreement.pdf names document {number}, which this database has no record of: it "
        "was written by another installation (it is signed by Benchmark Laboratory "
        f"(certificate {short_fingerprint(other.fingerprint)}), which is not this "
        "installation's institution certificate)."
    )


def test_written_files_are_pdfs_in_an_existing_folder(papers: Papers, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"does not end in \.pdf"):
        service.write_manifest(papers.db, None, papers.delivered, tmp_path / "manifest.txt")
    with pytest.raises(ValidationError, match="There is no folder"):
        service.write_manifest(papers.db, None, papers.delivered, tmp_path / "no" / "m.pdf")
    assert papers.world.count(Document) == 0
