"""A large agreement for the benchmarks: ``build_large_agreement(500)`` draws a loan agreement
of 500 items (names in Chinese and accented Latin, signed by two parties) without a
database, so the time measured is the drawing of the PDF alone; ``sign=True`` adds the
PAdES signature by a throwaway institution key, as every written document gets."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..domain.anchors import ChainHeads
from ..domain.identity import content_hash
from ..domain.keys import InstitutionKey
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
    signing_seconds: float = 0.0  # of ``seconds``


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


def throwaway_key() -> InstitutionKey:
    """An institution key made for the benchmark, never stored."""
    from ..trust import keys as trust_keys

    private = trust_keys.new_private_key()
    holder = trust_keys.Holder("bench", "Benchmark Laboratory", "Benchmark Laboratory", "BENCH")
    certificate = trust_keys.institution_certificate(private, holder, datetime.now(UTC))
    fingerprint = trust_keys.fingerprint(certificate)
    return InstitutionKey(0, fingerprint, certificate, private, "BENCH", holder.name)


def build_large_agreement(items: int = 500, *, sign: bool = False) -> tuple[bytes, BenchResult]:
    """Draw the agreement of ``large_agreement(items)`` (and sign it); the PDF and how long
    it took."""
    key = throwaway_key() if sign else None
    data = large_agreement(items)
    started = time.perf_counter()
    number = "AGR-260314-BENCH0"
    terms = agreement_terms(data)
    heads = ChainHeads(123_456, "ab" * 32, 654_321, "cd" * 32)
    info = DocumentInfo(
        number, "agreement", "Loan agreement", f"Agreement {data.loan_number}",
        content_hash(content_dict("agreement", number, data, {"terms": terms})), heads,
    )  # fmt: skip
    pdf, pages = render_agreement(data, terms, info)
    signing = 0.0
    if key is not None:
        from .signing import sign_document

        drawn = time.perf_counter()
        pdf = sign_document(pdf, key, reason=f"Loan agreement {number}")
        signing = time.perf_counter() - drawn
    seconds = time.perf_counter() - started
    digest = hashlib.sha256(pdf).hexdigest()
    return pdf, BenchResult(items, pages, len(pdf), seconds, digest, signing)


if __name__ == "__main__":  # python -m lunar_custody.documents.bench [ITEMS] [--sign]
    import sys

    counts = [int(a) for a in sys.argv[1:] if a.isdigit()]
    _, result = build_large_agreement(counts[0] if counts else 500, sign="--sign" in sys.argv)
    print(
        f"{result.items}-item agreement: {result.pages} pages, {result.size_bytes:,} bytes, "
        f"{result.seconds:.2f} s"
        + (f" ({result.signing_seconds:.2f} s signing)" if result.signing_seconds else "")
    )
