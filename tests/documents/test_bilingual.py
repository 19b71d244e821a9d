"""Documents in English, Chinese or both: the agreement, the custody form, the manifest and
the labels, written by the command line and read back with pdftotext and pdffonts; the
languages remembered per partner institution; the terms' translation; what a signature is
bound to unchanged by the language."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from lunar_custody import cli
from lunar_custody.documents import service
from lunar_custody.documents.agreement import render_agreement
from lunar_custody.documents.layout import DocumentInfo
from lunar_custody.documents.service import GeneratedDocument
from lunar_custody.documents.terms import agreement_terms, translated_terms
from lunar_custody.documents.wording import Languages, Words, chinese
from lunar_custody.domain import document_languages, queries
from lunar_custody.domain.anchors import ChainHeads
from lunar_custody.domain.errors import PermissionDenied, ValidationError
from lunar_custody.domain.loans import signed_terms
from lunar_custody.domain.masses import format_mass
from lunar_custody.domain.models import AuditEntry, Institution, Loan
from lunar_custody.exchange.records import SPECS
from lunar_custody.storage import Database
from lunar_custody.storage.integrity import verify_database
from tests.documents.conftest import Papers, text_of
from tests.worlds import A1, A2, A3, KOLN, PASSWORD


@dataclasses.dataclass
class Run:
    code: int
    out: str
    err: str


def run(papers: Papers, *argv: str) -> Run:
    assert isinstance(papers.db, Database)
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([*argv, "--db", papers.db.url], out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


def password_file(tmp_path: Path) -> str:
    path = tmp_path / "password.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return str(path)


def lines_of(pdf: Path) -> str:
    """pdftotext's text in reading order, lines kept (the blocks of each language)."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    return out.decode("utf-8")


def fonts_of(pdf: Path) -> list[tuple[str, str]]:
    """(font name, embedded?) for every font pdffonts lists."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True)
    rows = out.stdout.splitlines()[2:]
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]


def between(text: str, start: str, end: str) -> str:
    assert start in text, start
    after = text[text.index(start) :]
    assert end in after, end
    return after[: after.index(end)]


# ---------------------------------------------------------------------- the agreement


def test_a_bilingual_agreement_from_the_command_line(papers: Papers, tmp_path: Path) -> None:
    """The Done-when: `agreement LOAN --lang en,zh -o a.pdf` writes a bilingual agreement
    whose text pdftotext reads back: the loan number, every item number and mass under the
    schedule's headings in both languages, and each language's terms naming the loan and
    the mass lent."""
    pdf = tmp_path / "a.pdf"
    result = run(papers, "agreement", papers.loan, "--lang", "en,zh", "-o", str(pdf), "--json")
    assert result.code == 0, result.err
    written = json.loads(result.out)
    assert written["languages"] == "en,zh" and written["remembered_for"] is None

    data = queries.agreement_data(papers.db, papers.loan)
    masses = {item.number: format_mass(item.mass_ug or 0) for item in data.items}
    total = format_mass(sum(item.mass_ug or 0 for item in data.items))
    assert set(masses) == {A1, A2}
    text = lines_of(pdf)
    # every heading and label in both languages: the English line over the Chinese one, or
    # side by side where the line is short
    for both in [
        "Loan agreement for lunar samples\n月球样品借用协议",
        "Lender / 出借方",
        "Borrower / 借用方",
        "Principal investigator\n项目负责人",
        "Loan period\n借用期限",
        "Mass issued\n出借质量",
        "Container and seal\n容器和封签",
        "Signatures\n签名",
        "not yet exchanged / 尚未交换",
    ]:
        assert both in text, both
    assert f"Agreement No. / 协议编号 {papers.loan}" in " ".join(text.split())

    # Schedule A: one table under headers in both languages; data printed as recorded
    schedule = between(text, "Schedule A: samples lent", "Languages.")
    assert "附表A：出借样品（2 项，" + total + "）" in schedule
    for number, mass in masses.items():
        assert number in schedule and mass in schedule, number
    # the terms: the English block, then the Chinese one; each names the loan and the mass
    english = between(text, "Terms of loan", "借用条款\n")
    chinese_block = between(text, "借用条款\n", "Signatures")
    assert "Ownership and purpose" in english and "所有权与用途" not in english
    assert "所有权与用途" in chinese_block and "Ownership and purpose" not in chinese_block
    for block in (english, chinese_block):
        folded = " ".join(block.split())
        assert papers.loan in folded and total in folded
    # which text governs, and that the Chinese one is a translation still to be reviewed
    governs = " ".join(between(text, "Languages.", "Terms of loan").split())
    assert "The English text (template terms-v1) governs" in governs
    assert "to be reviewed by the lender's legal office before real use" in governs
    assert "以英文文本（模板terms-v1）为准" in governs.replace(" ", "")
    assert "须经出借方法务部门审核后方可正式使用" in governs.replace(" ", "")

    assert {embedded for _, embedded in fonts_of(pdf)} == {"yes"}
    assert any("DroidSansFallback" in name for name, _ in fonts_of(pdf))
    check = run(papers, "verify-pdf", str(pdf))
    assert check.code == 0 and "the file is unchanged" in check.out, check.out + check.err


def test_a_chinese_agreement_prints_the_translation_and_says_english_governs(
    papers: Papers, tmp_path: Path
) -> None:
    pdf = tmp_path / "zh.pdf"
    assert run(papers, "agreement", papers.loan, "--lang", "zh", "-o", str(pdf)).code == 0
    text = text_of(pdf)
    assert "月球样品借用协议" in text and "所有权与用途" in text
    assert "Loan agreement for lunar samples" not in text and "Ownership and purpose" not in text
    assert "以英文文本（模板terms-v1）为准" in text.replace(" ", "")
    # names, numbers and masses print as recorded
    assert papers.loan in text and A1 in text and "魏于尔根" in text


def test_the_language_does_not_change_what_a_signature_is_bound_to(
    papers: Papers, tmp_path: Path
) -> None:
    """The loan's signed content (and so every signature on it) is the same before and after
    documents in other languages are printed and the partner's choice is remembered."""

    def terms_now() -> tuple[str, bool]:
        with papers.db.read() as session:
            loan_id = session.scalar(select(Loan.id).where(Loan.number == papers.loan))
            assert loan_id is not None
            (signed,) = signed_terms(session, [loan_id])
            return signed.terms_hash, signed.holds

    before = terms_now()
    assert before[1]
    for languages in ("zh", "en,zh"):
        pdf = tmp_path / f"{languages}.pdf"
        assert run(papers, "agreement", papers.loan, "--lang", languages, "-o", str(pdf)).code == 0
    document_languages.set_document_languages(
        papers.db, papers.world["zhang"], "MARKUP", ("en", "zh")
    )
    assert terms_now() == before
    assert isinstance(papers.db, Database)
    report = verify_database(papers.db)
    assert report.ok, report.summary()


# ---------------------------------------------------------------------- the other documents


def test_chinese_custody_form_manifest_and_labels(papers: Papers, tmp_path: Path) -> None:
    """In Chinese only: the Chinese headings and labels, not the English ones; the records'
    numbers, seals and masses as recorded; every font embedded."""
    documents = {
        "form.pdf": ["custody-form", "--transfer", papers.delivered],
        "history.pdf": ["custody-form", "--aliquot", A1],
        "blank.pdf": ["custody-form", "--transfer", papers.travelling, "--blank"],
        "manifest.pdf": ["manifest", papers.delivered],
        "sheet.pdf": ["labels", A1, A2, "--format", "a4"],
        "roll.pdf": ["labels", A1],
    }
    texts = {}
    for name, argv in documents.items():
        pdf = tmp_path / name
        result = run(papers, *argv, "--lang", "zh", "-o", str(pdf))
        assert result.code == 0, result.err
        assert {embedded for _, embedded in fonts_of(pdf)} == {"yes"}, name
        texts[name] = text_of(pdf)
    form = texts["form.pdf"]
    for label in ("保管交接单", "交接记录", "交出人", "接收人", "封签和状况", "实测质量"):
        assert label in form, label
    for english in ("Chain-of-custody form", "Handoffs", "Relinquished by", "Seal and condition"):
        assert english not in form, english
    assert papers.delivered in form and "SEAL-<42>&" in form
    assert "保管台账中记录的保管事件" in texts["history.pdf"]
    assert "请写明日期、时间和时区" in texts["blank.pdf"]
    manifest = texts["manifest.pdf"]
    for label in ("装箱清单", "样品包", "押运员", "封签号", "已装箱", "已到达", "合计"):
        assert label in manifest, label
    assert "Packed and checked" not in manifest and "Seal number" not in manifest
    data = queries.manifest_data(papers.db, papers.delivered)
    for item in data.items:
        assert item.number in manifest and format_mass(item.mass_ug or 0) in manifest
    assert "分样标签" in texts["sheet.pdf"] and "样品" in texts["roll.pdf"]
    assert "Sample " not in texts["roll.pdf"]


def test_every_document_prints_in_each_choice_of_languages(papers: Papers, tmp_path: Path) -> None:
    """Every fixed word of every document has its Chinese (a missing one is refused), and a
    document in both languages holds both."""

    def writers(languages: Languages) -> dict[str, Callable[[Path], GeneratedDocument]]:
        db = papers.db
        return {
            "agreement": lambda p: service.write_agreement(
                db, None, papers.loan, p, languages=languages
            ),
            "draft": lambda p: service.write_agreement(
                db, None, papers.draft, p, languages=languages
            ),
            "form": lambda p: service.write_custody_form(
                db, None, p, transfer=papers.travelling, languages=languages
            ),
            "manifest": lambda p: service.write_manifest(
                db, None, papers.travelling, p, languages=languages
            ),
            "roll": lambda p: service.write_labels(
                db, None, [A3], p, job_label=True, languages=languages
            ),
        }

    for languages in document_languages.CHOICES:
        words = Words(languages)
        for name, write in writers(languages).items():
            pdf = tmp_path / f"{name}-{'-'.join(languages)}.pdf"
            doc = write(pdf)
            assert doc.languages == languages
            text = text_of(pdf)
            if name == "roll":  # a roll's job label names the document, no pages
                assert ("Job label" in text) == words.english
                assert ("作业标签" in text) == words.chinese
            else:
                assert ("Page 1 of" in text) == words.english, name
                assert ("第 1 页" in text) == words.chinese, name


def test_a_long_chinese_text_wraps_inside_its_table_cell(papers: Papers, tmp_path: Path) -> None:
    """Chinese has no spaces: a long text in Schedule A's narrow 'Form' column breaks
    between its characters onto several lines, every one inside the cell."""
    data = queries.agreement_data(papers.db, papers.loan)
    long_form = "月壤细粒样品经过筛分后装入氮气保护的硼硅玻璃小瓶并以双层密封袋封装运输" * 2
    first = dataclasses.replace(data.items[0], form=long_form)
    data = dataclasses.replace(data, items=(first, *data.items[1:]))
    heads = ChainHeads(1, "0" * 64, 1, "0" * 64)
    info = DocumentInfo(
        "AGR-TEST", "agreement", "Loan agreement", "Agreement X", "0" * 64, heads, ("en", "zh")
    )
    pdf_bytes, _ = render_agreement(data, agreement_terms(data), info, translated_terms(data, "zh"))
    pdf = tmp_path / "wrap.pdf"
    pdf.write_bytes(pdf_bytes)
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    words = [
        (float(x0), float(y0), float(x1), word)
        for x0, y0, x1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            html,
        )
    ]
    # the header 'Form / 形态' is the column's left edge; 'Mass issued' the next one's
    form_left, form_top = next((x0, y0) for x0, y0, _, word in words if word == "Form")
    mass_left = next(x0 for x0, _, _, word in words if word == "Mass")
    below_header = [w for w in words if w[1] > form_top + 12]
    pieces = [w for w in below_header if w[3] and set(w[3]) <= set(long_form)]
    rows = {round(y0) for _, y0, _, _ in pieces}
    assert "".join(w[3] for w in sorted(pieces, key=lambda w: (w[1], w[0]))) == long_form
    assert len(rows) >= 5  # 70 characters in a column some ten characters wide
    for x0, _, x1, _ in pieces:
        assert form_left - 1 <= x0 and x1 <= mass_left, (x0, x1)


# ---------------------------------------------------------------------- remembered per partner


def test_the_partners_languages_are_remembered(papers: Papers, tmp_path: Path) -> None:
    secret = password_file(tmp_path)
    shown = run(papers, "institution-languages", "markup", "--json")
    assert shown.code == 0 and json.loads(shown.out) == {"institution": "MARKUP", "languages": "en"}
    # without --lang, a document follows its partner's remembered choice (English at first)
    plain = tmp_path / "plain.pdf"
    assert (
        json.loads(run(papers, "agreement", papers.loan, "-o", str(plain), "--json").out)[
            "languages"
        ]
        == "en"
    )
    assert "借用条款" not in text_of(plain)

    # a curator prints the manifest in Chinese and remembers it for the receiver, MARKUP
    manifest = tmp_path / "m.pdf"
    result = run(
        papers, "manifest", papers.delivered, "--lang", "zh", "--remember",
        "--user", "zhang", "--password-file", secret, "-o", str(manifest), "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert json.loads(result.out)["remembered_for"] == "MARKUP"
    assert document_languages.document_languages(papers.db, "MARKUP") == ("zh",)
    following = tmp_path / "next.pdf"
    result = run(papers, "agreement", papers.loan, "-o", str(following), "--json")
    assert json.loads(result.out)["languages"] == "zh"
    assert "月球样品借用协议" in text_of(following)
    form = tmp_path / "form.pdf"
    assert run(papers, "custody-form", "--transfer", papers.delivered, "-o", str(form)).code == 0
    assert "保管交接单" in text_of(form)

    # set directly; the audit trail records who changed it
    result = run(
        papers, "institution-languages", "MARKUP", "--lang", "en,zh",
        "--user", "zhang", "--password-file", secret,
    )  # fmt: skip
    assert result.code == 0 and "now print in en,zh" in result.out, result.err
    with papers.db.read() as session:
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.field == "document_languages")
            .order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None and (entry.old_value, entry.new_value) == ("zh", "en,zh")
    # another partner keeps its own choice; a package to it is printed in English
    assert document_languages.document_languages(papers.db, KOLN) == ("en",)


def test_who_may_remember_and_what_may_be_remembered(papers: Papers, tmp_path: Path) -> None:
    world = papers.world
    with pytest.raises(PermissionDenied):
        document_languages.set_document_languages(papers.db, world["auditor"], "MARKUP", ("zh",))
    with pytest.raises(ValidationError, match="en, zh or en,zh"):
        document_languages.parse_languages("fr")
    assert document_languages.parse_languages(" ZH, en ") == ("en", "zh")
    assert document_languages.set_document_languages(
        papers.db, world["admin"], "MARKUP", ("zh", "en")
    ) == ("en", "zh")
    # refused before anything is written: a viewer cannot remember, --remember needs --lang
    pdf = tmp_path / "refused.pdf"
    secret = password_file(tmp_path)
    viewer = run(
        papers, "agreement", papers.loan, "--lang", "zh", "--remember",
        "--user", "auditor", "--password-file", secret, "-o", str(pdf),
    )  # fmt: skip
    assert viewer.code == 1 and not pdf.exists(), viewer.err
    bare = run(papers, "agreement", papers.loan, "--remember", "-o", str(pdf))
    assert bare.code == 1 and "--lang" in bare.err and not pdf.exists()
    wrong = run(papers, "agreement", papers.loan, "--lang", "de", "-o", str(pdf))
    assert wrong.code == 1 and "en, zh or en,zh" in wrong.err and not pdf.exists()
    assert document_languages.document_languages(papers.db, "MARKUP") == ("en", "zh")
    assert document_languages.languages_by_institution(papers.db)["MARKUP"] == ("en", "zh")
    # each installation prints for its own readers: the choice never travels in an exchange
    columns = {field.column for field in SPECS[Institution]}
    assert "document_languages" not in columns and "name" in columns


# ---------------------------------------------------------------------- the words themselves


def test_the_catalogue_and_the_terms_translation_follow_their_sources(tmp_path: Path) -> None:
    catalogue = chinese()
    # placeholders survive translation: the same record data fills both languages
    for english, text in catalogue.items():
        wanted = set(re.findall(r"\{(\w+)\}", english)) - {"items"}
        assert wanted <= set(re.findall(r"\{(\w+)\}", text)), english
    assert catalogue["Mass"] == "质量" and catalogue["Lender"] == "出借方"  # the glossary's

    templates = Path(__file__).resolve().parents[2] / "resources" / "templates"
    english = json.loads((templates / "terms-v1.json").read_text(encoding="utf-8"))
    translation = json.loads((templates / "terms-v1.zh_CN.json").read_text(encoding="utf-8"))
    assert translation["translation_of"] == "terms-v1" and translation["language"] == "zh_CN"
    assert "legal office" in translation["status"]
    assert [c.get("when") for c in translation["clauses"]] == [
        c.get("when") for c in english["clauses"]
    ]
    # a translation that does not follow its source clause by clause is refused
    (tmp_path / "terms-v1.json").write_text(json.dumps(english), encoding="utf-8")
    broken = dict(translation, clauses=translation["clauses"][:-1])
    (tmp_path / "terms-v1.zh_CN.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValidationError, match="clause by clause"):
        translated_terms(_agreement_stub(), "zh", tmp_path / "terms-v1.json")
    (tmp_path / "terms-v1.zh_CN.json").unlink()
    with pytest.raises(ValidationError, match="no translation"):
        translated_terms(_agreement_stub(), "zh", tmp_path / "terms-v1.json")


def _agreement_stub() -> queries.AgreementData:
    from datetime import date

    party = queries.Party("CNSA", "Lunar Sample Laboratory", "月球样品实验室", "", "China")
    return queries.AgreementData(
        loan_number="L2026-0001", status="draft", lender=party, borrower=party,
        principal_investigator="Haruka Sato", principal_investigator_local="佐藤 遥",
        principal_investigator_email="", co_investigators=(), purpose="",
        starts_on=date(2026, 1, 1), due_on=date(2027, 1, 1),
        destructive_analysis_allowed=False, notes="", items=(), signatures=(),
    )  # fmt: skip
