"""A large agreement for the benchmarks: ``build_large_agreement(500)`` draws a loan agreement
of 500 items (names in Chinese and accented Latin, signed by two parties) without a
database, so the time measured is the drawing of the PDF alone."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..domain.identity import content_hash
from ..domain.queries import AgreementData, ItemLine, Mark, Party, SignatureSlot
from .agreement import render_agreement
from .content import content_dict
from .layout import DocumentInfo
from .terms import agreement_terms


@dataclass(frozen=True)
class BenchResult:
    items: int
    pages: int
    size_bytes: int
    seconds: float
    sha256: str


def large_agreement(items: int = 500) -> AgreementData:
    """Agreement content with ``items`` aliquots of a dozen Chang'e-5 samples."""
    lender = Party(
        "CNSA",
        "Lunar Sample Laboratory, China National Space Administration",
        "国家航天局探月与航天工程中心 月球样品实验室",
        "Haidian District, Beijing",
        "China",
    )
    borrower = Party(
        "KOELN", "Universität zu Köln", "", "Zülpicher Straße 49b, 50674 Köln", "Germany"
    )
    signed = datetime(2026, 3, 14, 9, 12, 5, tzinfo=UTC)
    return AgreementData(
        loan_number="L2026-0500",
        status="active",
        lender=lender,
        borrower=borrower,
        principal_investigator="Jürgen Weiß",
        principal_investigator_local="",
        principal_investigator_email="weiss@uni-koeln.example",
        co_investigators=("Camille Lefèvre", "张敏"),
        purpose="Space weathering and noble gases of Chang'e-5 regolith <bulk & fines>",
        starts_on=date(2026, 4, 1),
        due_on=date(2029, 3, 31),
        destructive_analysis_allowed=True,
        notes="",
        items=tuple(
            ItemLine(
                number=f"CE5C{400 + n // 50:04d}YJFM{n:05d}",
                sample=f"CE5C{400 + n // 50:04d}",
                parent=None,
                form="powder (<1 mm fines)",
                container="N2-purged borosilicate vial, 2 mL",
                seal=f"CNSA-S-{n:05d}",
                mass_ug=50_000 + 137 * n,
            )
            for n in range(1, items + 1)
        ),
        signatures=(
            SignatureSlot(
                "For the Lender", "Zhang Min", lender.name,
                Mark("Zhang Min", "张敏", lender.name, "approved (lender)", signed, "password",
                     "0" * 64),
            ),
            SignatureSlot("Principal investigator", "Jürgen Weiß", borrower.name),
            SignatureSlot("For the Borrower's institution", "", borrower.name),
        ),
    )  # fmt: skip


def build_large_agreement(items: int = 500) -> tuple[bytes, BenchResult]:
    """Draw the agreement of ``large_agreement(items)``; the PDF and how long it took."""
    data = large_agreement(items)
    started = time.perf_counter()
    number = "AGR-260314-BENCH0"
    terms = agreement_terms(data)
    info = DocumentInfo(
        number, "agreement", "Loan agreement", f"Agreement {data.loan_number}",
        content_hash(content_dict("agreement", number, data, {"terms": terms})),
    )  # fmt: skip
    pdf, pages = render_agreement(data, terms, info)
    seconds = time.perf_counter() - started
    return pdf, BenchResult(items, pages, len(pdf), seconds, hashlib.sha256(pdf).hexdigest())


if __name__ == "__main__":  # python -m lunar_custody.documents.bench [ITEMS]
    import sys

    _, result = build_large_agreement(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
    print(
        f"{result.items}-item agreement: {result.pages} pages, {result.size_bytes:,} bytes, "
        f"{result.seconds:.2f} s"
    )
