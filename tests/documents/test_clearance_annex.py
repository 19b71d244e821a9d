"""The agreement's annex lists the loan's clearance: each item, its status, who attested or
waived it and when, the waiver's reason, and the file by name and SHA-256; in English and
Chinese."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from lunar_custody.documents import service
from lunar_custody.documents.wording import BOTH
from lunar_custody.domain import clearance
from tests.documents.conftest import text_of
from tests.domain.test_clearance import PERMIT, _draft
from tests.worlds import World


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_annex_lists_the_clearance_items(world: World, tmp_path: Path) -> None:
    number = _draft(world, borrower="KOLN", pi="koln_lm")
    clearance.attest_item(
        world.db, world["koln_lm"], number, "import_permit", note="Permit 17",
        file_name="permit.pdf", file_content=PERMIT,
    )  # fmt: skip
    clearance.waive_item(world.db, world["zhang"], number, "insurance", reason="Lender's policy")
    path = tmp_path / "agreement.pdf"
    service.write_agreement(world.db, None, number, path, languages=BOTH)
    text = text_of(path)
    annex = text[text.index("Annex: clearance before approval") :]
    for words in (
        "附件：批准前审查",
        "Import permit",
        "进口许可",
        "Klaus Mezger",
        "Permit 17",
        "Insurance",
        "保险",
        "Zhang Wei",
        "Lender's policy",
        "Security plan",
        "安全计划",
    ):
        assert words in annex, words
    # three items open, one attested, one waived, each said in both languages
    assert (annex.count("not yet attested 未办"), annex.count("已确认")) == (3, 1)
    assert annex.count("waived 已豁免") == 1
    # the hash wraps in its column: read in drawing order, without the line breaks
    raw = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert f"permit.pdf{hashlib.sha256(PERMIT).hexdigest()}" in "".join(raw.split())
