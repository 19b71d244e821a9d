"""Document tests: PDFs written from the shared world, read back as a person and a scanner would.

- ``world``: the shared test world (tests/worlds.py) on SQLite and PostgreSQL.
- ``papers``: the world with what the documents print: a borrower whose names hold markup
  characters, accents and Chinese, an active loan signed with a drawn signature, a package
  that went through two couriers and was received and weighed, one still in transit.

Helpers: ``text_of(pdf)`` (pdftotext, whitespace folded), ``qr_codes(pdf)`` (pdftoppm pages
decoded with zxing-cpp, a list per page), ``pages_of(pdf)``.
"""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from lunar_custody.domain import custody, loans, registry
from lunar_custody.domain.store import Store
from tests.worlds import A1, A2, A3, KOLN, World, actor, reused_hashes, world

__all__ = ["world"]

MARKUP_NAME = "<b>Köln</b> Lunar Lab & Co <i>"
MARKUP_LOCAL = "中国科学院国家天文台"
MARKUP_ADDRESS = "Zülpicher Straße 49b, 50674 Köln <Germany> & more"
PI_NAME = "Jürgen <Weiß> & Söhne"
PI_LOCAL = "魏于尔根"
PURPOSE = "Noble gases in <fines> & space weathering; Universität zu Köln, Université Paris Cité"


def text_of(pdf: Path, *pages: int) -> str:
    """The PDF's text as pdftotext reads it, with all whitespace folded to single spaces."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    out = subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True).stdout
    return " ".join(out.decode("utf-8").split())


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert match, info.stdout
    return int(match.group(1))


def qr_codes(pdf: Path, dpi: int = 150) -> list[list[str]]:
    """Every page rendered by pdftoppm, every QR code on it decoded by zxing-cpp."""
    folder = pdf.parent / f"{pdf.stem}-pages"
    folder.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(folder / "p")], check=True)
    found = []
    for png in sorted(folder.glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
        with Image.open(png) as image:
            # QR codes only: the custody timeline's lanes and ticks can pass for a 1D barcode
            codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        found.append([c.text for c in codes])
    return found


def drawing_png() -> bytes:
    """A signature as the signature pad saves it: strokes on a transparent background."""
    image = Image.new("RGBA", (240, 80), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.line([(10, 60), (50, 20), (90, 65), (130, 25), (170, 55), (230, 30)], fill="black", width=4)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@dataclass
class Papers:
    world: World
    loan: str  # active, approved by zhang with a drawing, countersigned by the PI
    draft: str  # drafted, nobody signed
    delivered: str  # released, handed between couriers, received and weighed
    travelling: str  # released to courier1, not yet delivered

    @property
    def db(self) -> Store:
        return self.world.db


@pytest.fixture
def papers(world: World) -> Papers:
    admin = world["admin"]
    with reused_hashes():
        registry.create_institution(
            world.db, admin, code="MARKUP", name=MARKUP_NAME, kind="borrower",
            local_name=MARKUP_LOCAL, country="Germany", address=MARKUP_ADDRESS,
        )  # fmt: skip
        registry.create_person(
            world.db, admin, username="mk_pi", full_name=PI_NAME, institution_code="MARKUP",
            roles="lab_manager", password=world.PASSWORD, local_name=PI_LOCAL,
            email="pi@koeln.example",
        )  # fmt: skip
    world.actors["mk_pi"] = actor(world.db, "mk_pi")
    zhang = world["zhang"]
    loan = loans.create_loan(
        world.db, zhang, borrower_code="MARKUP", principal_investigator="mk_pi",
        purpose=PURPOSE, starts_on=world.today, due_on=world.today + timedelta(days=730),
        destructive_analysis_allowed=True, co_investigators="Camille Lefèvre\n佐藤 遥",
    ).number  # fmt: skip
    loans.add_loan_items(world.db, zhang, loan, [A1, A2])
    world.clear(loan)
    loans.approve_loan(world.db, zhang, loan, world.cred("zhang", drawing=drawing_png()))
    loans.countersign_loan(world.db, world["mk_pi"], loan, world.cred("mk_pi"))
    draft = loans.create_loan(
        world.db, zhang, borrower_code=KOLN, principal_investigator="koln_lm",
        purpose="Draft purpose", starts_on=world.today,
        due_on=world.today + timedelta(days=365),
    ).number  # fmt: skip
    delivered = world.release([A1, A2], receiver="mk_pi", loan=loan, seal="SEAL-<42>&")
    custody.hand_over(
        world.db, world["courier1"], delivered, to_courier="courier2",
        from_credential=world.pin("courier1"), to_credential=world.pin("courier2"),
    )  # fmt: skip
    custody.confirm_receipt(
        world.db, world["mk_pi"], delivered,
        credential=world.cred("mk_pi", drawing=drawing_png()),
        seal_intact=True, measured_ug={A1: 499_990},
    )  # fmt: skip
    brown = world.active_loan([A3])
    travelling = world.release([A3], loan=brown, seal="SEAL-T")
    return Papers(world, loan, draft, delivered, travelling)
