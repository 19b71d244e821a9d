"""The domain's words as the window shows them: statuses, event kinds, roles, what a
signature means, kinds of document, package and institution, in the window's language.

The domain imports no Qt, so its tables (ledger.STATUS_LABELS, ledger.EVENT_KINDS,
permissions.ROLE_LABELS, ...) hold English; every label of them is marked here for lupdate,
with its group as the disambiguation (an event "received" is 接收, a package "received" is
已接收), and ``word(group, label)`` translates one where it is shown.
tests/gui/test_translations.py fails when a table gains a label that is not marked here.
"""

from __future__ import annotations

from ..translation import Translator

_vocabulary = Translator("_vocabulary")

GROUPS = ("status", "event", "role", "signature", "document", "kind", "answer")

WORDS = (
    # aliquot, loan and package statuses, a discrepancy's state and resolution
    _vocabulary.noop("in storage", "status"),
    _vocabulary.noop("in transit", "status"),
    _vocabulary.noop("fully split", "status"),
    _vocabulary.noop("consumed", "status"),
    _vocabulary.noop("lost", "status"),
    _vocabulary.noop("draft", "status"),
    _vocabulary.noop("approved", "status"),
    _vocabulary.noop("active", "status"),
    _vocabulary.noop("closed", "status"),
    _vocabulary.noop("cancelled", "status"),
    _vocabulary.noop("awaiting deliverables", "status"),
    _vocabulary.noop("prepared", "status"),
    _vocabulary.noop("received", "status"),
    _vocabulary.noop("open", "status"),
    _vocabulary.noop("seal broken", "status"),
    _vocabulary.noop("record the missing mass as lost", "status"),
    _vocabulary.noop("correct the book mass to the measured mass", "status"),
    _vocabulary.noop("accept as is (no change to the masses)", "status"),
    # custody event kinds (ledger.EVENT_KINDS)
    _vocabulary.noop("registered", "event"),
    _vocabulary.noop("split off its parent", "event"),
    _vocabulary.noop("split (child made)", "event"),
    _vocabulary.noop("released to courier", "event"),
    _vocabulary.noop("handed over between couriers", "event"),
    _vocabulary.noop("received", "event"),
    _vocabulary.noop("returned to lender", "event"),
    _vocabulary.noop("consumed by analysis", "event"),
    _vocabulary.noop("loss recorded", "event"),
    _vocabulary.noop("reported lost", "event"),
    _vocabulary.noop("correction", "event"),
    _vocabulary.noop("found at inventory", "event"),
    # roles (permissions.ROLE_LABELS)
    _vocabulary.noop("administrator", "role"),
    _vocabulary.noop("curator", "role"),
    _vocabulary.noop("lab manager", "role"),
    _vocabulary.noop("courier", "role"),
    _vocabulary.noop("viewer", "role"),
    # what a signature means (identity.SIGNATURE_MEANINGS)
    _vocabulary.noop("approved (lender)", "signature"),
    _vocabulary.noop("countersigned (borrower)", "signature"),
    _vocabulary.noop("extension approved", "signature"),
    _vocabulary.noop("reconciled and closed", "signature"),
    _vocabulary.noop("relinquished custody", "signature"),
    _vocabulary.noop("accepted custody", "signature"),
    _vocabulary.noop("received", "signature"),
    _vocabulary.noop("discrepancy resolved", "signature"),
    _vocabulary.noop("inventory certified", "signature"),
    # kinds of document (documents.KIND_LABELS)
    _vocabulary.noop("loan agreement", "document"),
    _vocabulary.noop("chain-of-custody form", "document"),
    _vocabulary.noop("manifest", "document"),
    _vocabulary.noop("return accounting form", "document"),
    _vocabulary.noop("labels", "document"),
    _vocabulary.noop("inventory certificate", "document"),
    # kinds of package and institution
    _vocabulary.noop("outbound", "kind"),
    _vocabulary.noop("return", "kind"),
    _vocabulary.noop("internal", "kind"),
    _vocabulary.noop("lender", "kind"),
    _vocabulary.noop("borrower", "kind"),
    _vocabulary.noop("courier", "kind"),
    # a yes/no column
    _vocabulary.noop("yes", "answer"),
    _vocabulary.noop("no", "answer"),
)


def word(group: str, label: str) -> str:
    """A label of the domain's ``group`` in the window's language (itself if unknown)."""
    return _vocabulary.tr(label, group)
