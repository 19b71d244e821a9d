"""The document commands as a script runs them: files written, JSON printed, exit codes."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from lunar_custody import cli
from lunar_custody.storage import Database
from tests.documents.conftest import MARKUP_NAME, Papers, pages_of, qr_codes, text_of
from tests.worlds import A1, A2


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(papers: Papers, *argv: str) -> Run:
    assert isinstance(papers.db, Database)
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([*argv, "--db", papers.db.url], out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


def test_every_document_command_writes_a_recorded_pdf(papers: Papers, tmp_path: Path) -> None:
    commands = {
        "agreement.pdf": ["agreement", papers.loan],
        "form.pdf": ["custody-form", "--transfer", papers.delivered],
        "blank.pdf": ["custody-form", "--aliquot", A1, "--blank"],
        "manifest.pdf": ["manifest", papers.delivered],
        "roll.pdf": ["labels", A1, A2],
        "sheet.pdf": ["labels", A1, A2, "--format", "a4"],
    }
    for name, argv in commands.items():
        path = tmp_path / name
        result = run(papers, *argv, "-o", str(path), "--json")
        assert result.code == 0, result.err
        written = json.loads(result.out)
        assert written["file"] == str(path) and written["pages"] == pages_of(path)
        head = written["ledger_head"]
        document = (
            f"LCDOC:{written['number']}:SHA256:{written['content_sha256'].upper()}"
            f":HEAD:{head['seq']}:{head['hash'].upper()}"
        )
        # a roll is labels only (no job label unless asked): its first code is an aliquot's
        assert qr_codes(path)[0][0] == (A1 if name == "roll.pdf" else document)
        check = run(papers, "verify-pdf", str(path))
        assert check.code == 0, check.err
        assert check.out.startswith(f"{name} is ") and "the file is unchanged" in check.out
    assert MARKUP_NAME in text_of(tmp_path / "agreement.pdf")
    people = run(papers, "manifest", papers.delivered, "-o", str(tmp_path / "m2.pdf"))
    assert people.code == 0 and people.out.startswith(f"Wrote {tmp_path / 'm2.pdf'} (1 page)")


def test_verify_pdf_rejects_a_changed_file(papers: Papers, tmp_path: Path) -> None:
    path = tmp_path / "agreement.pdf"
    assert run(papers, "agreement", papers.loan, "-o", str(path)).code == 0
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle] ^= 0x01  # one bit flipped somewhere inside
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(data))
    result = run(papers, "verify-pdf", str(changed))
    assert result.code == 1
    assert "changed.pdf claims to be loan agreement AGR-" in result.out
    assert "The file was altered." in result.out
    as_json = run(papers, "verify-pdf", str(changed), "--json")
    assert as_json.code == 1 and json.loads(as_json.out)["outcome"] == "altered"
    other = tmp_path / "notes.pdf"
    other.write_text("%PDF-1.4 not really\n")
    unknown = run(papers, "verify-pdf", str(other))
    assert unknown.code == 1 and "is not a document written by Lunar Custody" in unknown.out
    missing = run(papers, "verify-pdf", str(tmp_path / "nowhere.pdf"))
    assert missing.code == 1 and "Cannot read" in missing.err


def test_document_commands_refuse_bad_input(
    papers: Papers, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.pdf")
    unknown = run(papers, "agreement", "L1999-0001", "-o", out)
    assert unknown.code == 1 and unknown.err == "lunar-custody: There is no loan 'L1999-0001'.\n"
    for argv in (
        ["custody-form", "--transfer", papers.delivered, "--aliquot", A1, "-o", out],
        ["custody-form", "-o", out],
        ["labels", A1, "--format", "letter", "-o", out],
        ["manifest", papers.delivered],  # no -o
    ):
        with pytest.raises(SystemExit) as usage:
            run(papers, *argv)
        assert usage.value.code == 2, argv
    errors = capsys.readouterr().err
    assert "not allowed with argument" in errors and "invalid choice" in errors
    assert "one of the arguments --transfer --aliquot is required" in errors
    assert not (tmp_path / "x.pdf").exists()
