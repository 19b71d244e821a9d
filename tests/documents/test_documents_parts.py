"""The parts the documents are made of: fonts and escaping, the terms template, the QR
payload, the record in ``documents``, and the large agreement the benchmarks build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from lunar_custody.documents import fonts
from lunar_custody.documents.bench import build_large_agreement
from lunar_custody.documents.layout import STYLES, QrClaim, para, parse_qr_payload, qr_payload
from lunar_custody.documents.terms import load_terms, template_path
from lunar_custody.domain import documents as register
from lunar_custody.domain.anchors import ChainHeads
from lunar_custody.domain.errors import DuplicateError, NotFoundError, ValidationError
from lunar_custody.resources_path import resource
from tests.documents.conftest import pages_of, qr_codes, text_of
from tests.worlds import World

TERMS_VALUES = {
    "lender": "CNSA",
    "borrower": "Universität zu Köln",
    "principal_investigator": "Jürgen Weiß",
    "loan_number": "L2026-0001",
    "starts_on": "2026-01-01",
    "due_on": "2027-01-01",
}


def test_runs_pick_the_fallback_font_for_chinese_only() -> None:
    assert fonts.runs("Universität zu Köln") == [("Universität zu Köln", fonts.SANS)]
    assert fonts.runs("CNSA 国家航天局 lab") == [
        ("CNSA ", fonts.SANS),
        ("国家航天局", fonts.FALLBACK),
        (" lab", fonts.SANS),
    ]


def test_markup_is_escaped_before_paragraphs_read_it() -> None:
    assert fonts.markup("<b>Lab & Co</b>") == "&lt;b&gt;Lab &amp; Co&lt;/b&gt;"
    assert fonts.markup("a\nb") == "a<br/>b"
    assert fonts.markup("国家 & <x>", bold=True) == (
        f'<b><font name="{fonts.FALLBACK}">国家</font> &amp; &lt;x&gt;</b>'
    )


def test_text_in_every_script_prints_as_text(tmp_path: Path) -> None:
    names = [
        "Universität zu Köln",
        "Université Paris Cité",
        "国家航天局",
        "中国科学院国家天文台",
        "大阪大学 (Osaka) <b>not bold</b> & <unclosed",
        "Jürgen Weiß, Camille Lefèvre, Zhang Min 张敏",
    ]
    path = tmp_path / "scripts.pdf"
    fonts.register()
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm).build(
        [para(name) for name in names]
    )
    text = text_of(path)
    for name in names:
        assert name in text
    fonts_used = path.read_bytes()
    assert b"DejaVuSans" in fonts_used and b"DroidSansFallback" in fonts_used
    assert STYLES["body"].fontName == fonts.SANS


def test_the_fonts_ship_with_their_licences() -> None:
    folder = resource("fonts")
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf"):
        assert (folder / name).stat().st_size > 100_000
    assert "Bitstream" in (folder / "DejaVu-LICENSE.txt").read_text()
    assert "Apache" in (folder / "DroidSansFallback-LICENSE.txt").read_text()
    assert "Apache License" in (folder / "Apache-2.0.txt").read_text()


def test_terms_fill_in_the_loan_and_choose_clauses() -> None:
    allowed = load_terms(TERMS_VALUES, destructive=True)
    refused = load_terms(TERMS_VALUES, destructive=False)
    assert allowed.id == "terms-v1" and allowed.version == 1
    headings = [c.heading for c in allowed.clauses]
    assert "Destructive analysis" in headings and "No destructive analysis" not in headings
    assert "No destructive analysis" in [c.heading for c in refused.clauses]
    assert "Universität zu Köln (the Borrower)" in allowed.preamble
    text = " ".join(c.text for c in allowed.clauses)
    assert "by 2027-01-01" in text and "{" not in text


def test_an_administrator_replaces_the_terms_with_a_newer_version(tmp_path: Path) -> None:
    shutil.copy(template_path(), tmp_path / "terms-v1.json")
    newer = {
        "id": "terms-v2",
        "version": 2,
        "effective": "2027-01-01",
        "title": "Terms of loan (2027)",
        "preamble": "Loan {loan_number} to {borrower}.",
        "clauses": [{"heading": "Custody", "text": "Kept by {principal_investigator}."}],
    }
    (tmp_path / "terms-v2.json").write_text(json.dumps(newer), encoding="utf-8")
    (tmp_path / "terms-v10-draft.json").write_text("{}", encoding="utf-8")  # not a version
    assert template_path(tmp_path).name == "terms-v2.json"
    terms = load_terms(TERMS_VALUES, destructive=True, path=template_path(tmp_path))
    assert (terms.id, terms.preamble) == ("terms-v2", "Loan L2026-0001 to Universität zu Köln.")
    assert terms.clauses[0].text == "Kept by Jürgen Weiß."
    newer["clauses"] = [{"heading": "Typo", "text": "Return by {due_date}."}]
    (tmp_path / "terms-v3.json").write_text(json.dumps(newer), encoding="utf-8")
    with pytest.raises(ValidationError, match=r"unknown placeholder \{due_date\}"):
        load_terms(TERMS_VALUES, destructive=True, path=template_path(tmp_path))
    with pytest.raises(ValidationError, match="no terms-of-loan template"):
        template_path(tmp_path / "nowhere")


def test_qr_payload_round_trip() -> None:
    digest, head = "ab" * 32, "0c" * 32
    heads = ChainHeads(1234, head, 99, "ee" * 32)
    payload = qr_payload("AGR-260314-K7Q2MX", digest, heads)
    assert payload == f"LCDOC:AGR-260314-K7Q2MX:SHA256:{digest.upper()}:HEAD:1234:{head.upper()}"
    assert payload == payload.upper()  # the QR code's compact alphanumeric mode
    assert parse_qr_payload(payload) == QrClaim("AGR-260314-K7Q2MX", digest, 1234, head)
    # a document printed before the ledger head was carried still reads
    old = f"LCDOC:AGR-260314-K7Q2MX:SHA256:{digest.upper()}"
    assert qr_payload("AGR-260314-K7Q2MX", digest) == old
    assert parse_qr_payload(old) == QrClaim("AGR-260314-K7Q2MX", digest)
    for other in ("CE5C0400YJFM00501", f"{old}:HEAD:x:{head}", f"{old}:TAIL:1:{head}"):
        assert parse_qr_payload(other) is None


def test_document_numbers_and_records(world: World) -> None:
    number = register.new_number("manifest")
    assert register.NUMBER_PATTERN.fullmatch(number) and number.startswith("MAN-")
    with pytest.raises(ValidationError, match="Unknown document kind"):
        register.new_number("invoice")
    record = register.record_document(
        world.db, world["auditor"], number=number, kind="manifest", record_type="transfer",
        record_number=None, sha256="0" * 64, filename="m.pdf",
    )  # fmt: skip
    assert record.created_by == "Olga Auditor"  # a viewer may print documents
    assert register.find_by_number(world.db, number) == record
    assert register.find_by_hash(world.db, "0" * 64) == record
    with world.refused(DuplicateError, number, "already recorded"):
        register.record_document(
            world.db, None, number=number, kind="manifest", record_type="transfer",
            record_number=None, sha256="1" * 64,
        )  # fmt: skip
    with world.refused(ValidationError, "not a number for a labels document"):
        register.record_document(
            world.db, None, number=number, kind="labels", record_type="aliquots",
            record_number=None, sha256="1" * 64,
        )  # fmt: skip
    with world.refused(NotFoundError, "no loan"):
        register.record_document(
            world.db, None, number=register.new_number("agreement"), kind="agreement",
            record_type="loan", record_number="L1999-0001", sha256="1" * 64,
        )  # fmt: skip
    with world.refused(ValidationError, "SHA-256"):
        register.record_document(
            world.db, None, number=register.new_number("labels"), kind="labels",
            record_type="aliquots", record_number=None, sha256="XYZ",
        )  # fmt: skip


def test_large_agreement_for_the_benchmarks(tmp_path: Path) -> None:
    pdf, result = build_large_agreement(120)
    path = tmp_path / "large.pdf"
    path.write_bytes(pdf)
    assert result.items == 120 and pages_of(path) == result.pages >= 4
    last = text_of(path, result.pages)
    assert f"Page {result.pages} of {result.pages}" in last
    assert "Signatures" in last and "Zhang Min 张敏" in last
    text = text_of(path)
    # the items table's header repeats on every page it runs over
    assert text.count("Container and seal") >= result.pages - 2 >= 2
    assert "CE5C0402YJFM00120" in text and "Total" in text
    codes = qr_codes(path, dpi=100)
    assert len(codes) == result.pages and len({c[0] for c in codes}) == 1
