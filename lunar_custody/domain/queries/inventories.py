"""The inventory certificate's read model: the inventory, its lines and the PI's signature."""

from __future__ import annotations

from dataclasses import dataclass

from ..inventory import InventoryView, find, view_of
from ..store import Store
from .documents import Mark, SignatureSlot, _Marks


@dataclass(frozen=True, slots=True)
class InventoryCertificateData:
    inventory: InventoryView
    lender: str
    borrower: str
    signature: SignatureSlot


def inventory_certificate_data(store: Store, number: str) -> InventoryCertificateData:
    with store.read() as session:
        row = find(session, number)
        view = view_of(session, row)
        mark: Mark | None = _Marks(session, "inventory", row.id).take("certified")
        return InventoryCertificateData(
            inventory=view,
            lender=view.lender,
            borrower=view.borrower,
            signature=SignatureSlot(
                "Certified by the principal investigator",
                view.principal_investigator,
                view.borrower,
                mark,
            ),
        )
