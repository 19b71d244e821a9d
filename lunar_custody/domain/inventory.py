"""Annual inventories: the borrower checks every aliquot it holds under a loan and signs.

Start lists what is expected (every aliquot held under the loan at the borrower, not
consumed, lost or emptied); each scan or tick marks one found, a number not expected is
recorded as unexpected; a missing aliquot becomes a loss report (a ``lost`` event), never a
silent correction. Certifying needs the principal investigator's password signature and
writes one ``inventoried`` custody event per aliquot found (it changes no custody state and
no mass: it says the aliquot was where the books say, on that day).

Each call is one transaction; a scan touches one line, so a scanner at the bench is answered
at once however long the inventory is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import clock
from . import operation as op
from .errors import NotFoundError, PermissionDenied, RuleViolation, ValidationError
from .identity import Credential, sign
from .installation import number_prefix
from .inventory_schedule import (
    CERTIFIED,
    GRACE_DAYS_KEY,
    InventoryDue,
    answering,
    grace_days,
    inventories_owed,
)
from .ledger import Ledger
from .masses import check_mass, format_mass
from .models import (
    Aliquot,
    InstallationSetting,
    Inventory,
    InventoryLine,
    LedgerHead,
    Loan,
)
from .numbering import normalize
from .operation import Context, operation
from .permissions import Actor
from .registry import MAX_TEXT, clean_text, report_lost_in
from .states import AliquotStatus, EventKind, LoanStatus
from .store import Store
from .wording import Words

_domain_inventory = Words("_domain_inventory")

OPEN = "open"
CANCELLED = "cancelled"
PENDING, FOUND, MISSING, UNEXPECTED = "pending", "found", "missing", "unexpected"
OUTCOMES = (PENDING, FOUND, MISSING, UNEXPECTED)
LOST_RESOLUTION = "lost"


# ---------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class LineView:
    id: int
    aliquot_number: str
    expected: bool
    outcome: str
    book_mass_ug: int | None
    measured_mass_ug: int | None
    checked_at: datetime | None
    note: str
    resolution: str | None


@dataclass(frozen=True, slots=True)
class InventoryView:
    """An inventory as its window, the CLI and the certificate read it."""

    number: str
    loan_number: str
    borrower: str
    principal_investigator: str
    lender: str
    due_on: date | None
    started_at: datetime
    started_by: str
    status: str
    certified_at: datetime | None
    certified_by: str | None
    note: str
    lines: tuple[LineView, ...]

    def count(self, outcome: str) -> int:
        return sum(1 for line in self.lines if line.outcome == outcome)

    @property
    def expected(self) -> int:
        return sum(1 for line in self.lines if line.expected)

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "loan": self.loan_number,
            "borrower": self.borrower,
            "principal_investigator": self.principal_investigator,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "started_at": self.started_at.isoformat(),
            "status": self.status,
            "certified_at": self.certified_at.isoformat() if self.certified_at else None,
            "certified_by": self.certified_by,
            "counts": {
                "expected": self.expected,
                **{outcome: self.count(outcome) for outcome in OUTCOMES},
            },
            "lines": [
                {
                    "aliquot": line.aliquot_number,
                    "expected": line.expected,
                    "outcome": line.outcome,
                    "book_mass_ug": line.book_mass_ug,
                    "measured_mass_ug": line.measured_mass_ug,
                    "resolution": line.resolution,
                    "note": line.note,
                }
                for line in self.lines
            ],
        }


def view_of(session: Session, inventory: Inventory) -> InventoryView:
    loan = inventory.loan
    masses = dict(
        session.execute(
            select(InventoryLine.id, Aliquot.current_mass_ug)
            .join(Aliquot, Aliquot.id == InventoryLine.aliquot_id)
            .where(InventoryLine.inventory_id == inventory.id)
        ).all()
    )
    return InventoryView(
        number=inventory.number,
        loan_number=loan.number,
        borrower=loan.borrower.name,
        principal_investigator=loan.principal_investigator.full_name,
        lender=loan.lender.name,
        due_on=inventory.due_on,
        started_at=inventory.started_at,
        started_by=inventory.started_by.full_name,
        status=inventory.status,
        certified_at=inventory.certified_at,
        certified_by=inventory.certified_by.full_name if inventory.certified_by else None,
        note=inventory.note,
        lines=tuple(
            LineView(
                line.id,
                line.scanned_number,
                line.expected,
                line.outcome,
                masses.get(line.id),
                line.measured_mass_ug,
                line.checked_at,
                line.note,
                line.resolution,
            )
            for line in inventory.lines
        ),
    )


def find(session: Session, number: str) -> Inventory:
    row = session.scalars(select(Inventory).where(Inventory.number == normalize(number))).first()
    if row is None:
        raise NotFoundError(
            _domain_inventory.said("There is no inventory '{number}'.", number=number.strip())
        )
    return row


def show(store: Store, number: str) -> InventoryView:
    with store.read() as session:
        return view_of(session, find(session, number))


@dataclass(frozen=True, slots=True)
class InventoryRow:
    number: str
    loan_number: str
    borrower: str
    due_on: date | None
    status: str
    started_at: datetime
    certified_at: datetime | None


def list_inventories(store: Store, loan_number: str | None = None) -> list[InventoryRow]:
    """Every inventory (of one loan if given), newest first."""
    with store.read() as session:
        statement = (
            select(Inventory).join(Loan, Loan.id == Inventory.loan_id).order_by(Inventory.id.desc())
        )
        if loan_number:
            statement = statement.where(Loan.number == normalize(loan_number))
        return [
            InventoryRow(
                row.number,
                row.loan.number,
                row.loan.borrower.name,
                row.due_on,
                row.status,
                row.started_at,
                row.certified_at,
            )
            for row in session.scalars(statement)
        ]


def open_inventory_of(store: Store, loan_number: str) -> str | None:
    """The number of the loan's inventory in progress, if any."""
    with store.read() as session:
        return session.scalar(
            select(Inventory.number)
            .join(Loan, Loan.id == Inventory.loan_id)
            .where(Loan.number == normalize(loan_number), Inventory.status == OPEN)
        )


# ---------------------------------------------------------------- the rules


def why_not_take_inventory(person_institution_id: int, loan: Loan) -> str | None:
    """Why this person's side may not take an inventory of ``loan`` (None: it may)."""
    if loan.status != LoanStatus.ACTIVE:
        return _domain_inventory.said(
            "Loan {loan} is not active: there is nothing held under it to inventory.",
            loan=loan.number,
        )
    if person_institution_id != loan.borrower_institution_id:
        return _domain_inventory.said(
            "Only {institution}, which holds the material of loan {loan}, takes its inventory.",
            institution=loan.borrower.name,
            loan=loan.number,
        )
    return None


def _next_number(session: Session, year: int) -> str:
    """'INV2026-0003' (with the installation's code where numbers need it)."""
    session.execute(select(LedgerHead.id).where(LedgerHead.id == 1).with_for_update())
    stem = f"{number_prefix(session)}INV{year}-"
    last = session.scalar(
        select(Inventory.number)
        .where(Inventory.number.like(f"{stem}%"))
        .order_by(func.length(Inventory.number).desc(), Inventory.number.desc())
        .limit(1)
    )
    n = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{stem}{n:04d}"


def _held_under(session: Session, loan: Loan) -> list[Aliquot]:
    """What the borrower holds under the loan: in its storage, with mass left."""
    return list(
        session.scalars(
            select(Aliquot)
            .where(
                Aliquot.loan_id == loan.id,
                Aliquot.status == AliquotStatus.IN_STORAGE,
                Aliquot.custodian_institution_id == loan.borrower_institution_id,
                Aliquot.current_mass_ug > 0,
            )
            .order_by(Aliquot.number)
        )
    )


def _still_held(row: Aliquot, loan: Loan) -> bool:
    """Whether the borrower still holds ``row`` under ``loan`` (an aliquot found at the scan
    may have been sent back, and received by the lender, before the PI certifies)."""
    return (
        row.status == AliquotStatus.IN_STORAGE
        and row.loan_id == loan.id
        and row.custodian_institution_id == loan.borrower_institution_id
    )


def _open(ctx: Context, number: str) -> Inventory:
    inventory = find(ctx.session, number)
    if inventory.status != OPEN:
        raise RuleViolation(
            _domain_inventory.said(
                "Inventory {number} is {status}; it cannot be changed.",
                number=inventory.number,
                status=inventory.status,
            )
        )
    why_not = why_not_take_inventory(ctx.person.institution_id, inventory.loan)
    if why_not is not None:
        raise PermissionDenied(why_not)
    return inventory


def _line(inventory: Inventory, aliquot_number: str) -> InventoryLine | None:
    wanted = normalize(aliquot_number)
    return next((line for line in inventory.lines if line.scanned_number == wanted), None)


def _expected_line(inventory: Inventory, aliquot_number: str) -> InventoryLine:
    line = _line(inventory, aliquot_number)
    if line is None or not line.expected:
        raise RuleViolation(
            _domain_inventory.said(
                "Aliquot {aliquot} is not expected in inventory {number}.",
                aliquot=normalize(aliquot_number),
                number=inventory.number,
            )
        )
    return line


# ---------------------------------------------------------------- the services


def start_inventory(store: Store, actor: Actor, loan_number: str, *, note: str = "") -> Inventory:
    """Open an inventory of what the borrower holds under the loan: one line per aliquot.

    It answers the loan's anniversary falling within the next 30 days or last passed (an
    inventory on demand before the first anniversary answers none)."""
    with operation(store, actor, "take_inventory") as ctx:
        session = ctx.session
        loan = op.loan(session, loan_number, lock=True)
        why_not = why_not_take_inventory(ctx.person.institution_id, loan)
        if why_not is not None:
            raise PermissionDenied(why_not)
        running = session.scalar(
            select(Inventory.number).where(Inventory.loan_id == loan.id, Inventory.status == OPEN)
        )
        if running:
            raise RuleViolation(
                _domain_inventory.said(
                    "Inventory {number} of loan {loan} is still open: finish or cancel it first.",
                    number=running,
                    loan=loan.number,
                )
            )
        inventory = Inventory(
            number=_next_number(session, ctx.now.year),
            loan_id=loan.id,
            due_on=answering(loan.starts_on, ctx.now.date()),
            started_at=ctx.now,
            started_by_id=ctx.person.id,
            status=OPEN,
            note=clean_text(note, _domain_inventory.said("note"), limit=MAX_TEXT),
        )
        for aliquot in _held_under(session, loan):
            inventory.lines.append(
                InventoryLine(
                    aliquot_id=aliquot.id,
                    scanned_number=aliquot.number,
                    expected=True,
                    outcome=PENDING,
                )
            )
        session.add(inventory)
        session.flush()
        return inventory


@dataclass(frozen=True, slots=True)
class Scanned:
    """What one scan did: the line's aliquot number and outcome, and if it was new."""

    line_id: int
    aliquot_number: str
    outcome: str
    expected: bool
    already: bool  # scanned before: nothing changed


def scan(store: Store, actor: Actor, number: str, aliquot_number: str) -> Scanned:
    """One aliquot seen (scanned or ticked): found if expected, else recorded as unexpected."""
    with operation(store, actor, "take_inventory") as ctx:
        return _scan(ctx, _open(ctx, number), aliquot_number)


def scan_many(store: Store, actor: Actor, number: str, aliquot_numbers: list[str]) -> list[Scanned]:
    """Several scans in one transaction (numbers read from a file or a scanner's memory)."""
    with operation(store, actor, "take_inventory") as ctx:
        inventory = _open(ctx, number)
        return [_scan(ctx, inventory, n) for n in aliquot_numbers if n.strip()]


def _scan(ctx: Context, inventory: Inventory, aliquot_number: str) -> Scanned:
    scanned = normalize(aliquot_number)
    if not scanned:
        raise ValidationError(_domain_inventory.said("Scan or type an aliquot number."))
    # the one line scanned, not the whole inventory: a scan answers at once at any size
    line = ctx.session.scalars(
        select(InventoryLine).where(
            InventoryLine.inventory_id == inventory.id, InventoryLine.scanned_number == scanned
        )
    ).first()
    if line is not None:
        already = line.outcome in (FOUND, UNEXPECTED)
        if line.outcome == MISSING and line.resolution is not None:
            raise RuleViolation(
                _domain_inventory.said(
                    "Aliquot {aliquot} was reported lost in this inventory; a find now is a "
                    "correction for the lender's curator.",
                    aliquot=scanned,
                )
            )
        if line.expected and not already:
            line.outcome, line.checked_at, line.checked_by_id = FOUND, ctx.now, ctx.person.id
        return Scanned(line.id, line.scanned_number, line.outcome, line.expected, already)
    known = ctx.session.scalar(select(Aliquot.id).where(Aliquot.number == scanned))
    line = InventoryLine(
        inventory_id=inventory.id,
        aliquot_id=known,
        scanned_number=clean_text(scanned, _domain_inventory.said("aliquot number"), limit=60),
        expected=False,
        outcome=UNEXPECTED,
        checked_at=ctx.now,
        checked_by_id=ctx.person.id,
    )
    ctx.session.add(line)
    ctx.session.flush()
    return Scanned(line.id, line.scanned_number, UNEXPECTED, False, False)


def weigh(
    store: Store, actor: Actor, number: str, aliquot_number: str, measured_mass_ug: int
) -> Scanned:
    """Record the mass weighed at the inventory (the aliquot is found, too)."""
    with operation(store, actor, "take_inventory") as ctx:
        inventory = _open(ctx, number)
        check_mass(measured_mass_ug, what=_domain_inventory.said("measured mass"))
        line = _expected_line(inventory, aliquot_number)
        if line.outcome == MISSING and line.resolution is not None:
            raise RuleViolation(
                _domain_inventory.said(
                    "Aliquot {aliquot} was reported lost in this inventory.",
                    aliquot=line.scanned_number,
                )
            )
        line.measured_mass_ug = measured_mass_ug
        line.outcome, line.checked_at, line.checked_by_id = FOUND, ctx.now, ctx.person.id
        return Scanned(line.id, line.scanned_number, FOUND, True, False)


def mark_missing(
    store: Store,
    actor: Actor,
    number: str,
    aliquot_number: str,
    *,
    note: str,
    report_lost: bool = True,
) -> Scanned:
    """An expected aliquot not found. With ``report_lost`` it is reported lost at once (a
    ``lost`` custody event, the loss report the lender sees); otherwise it stays missing and
    unresolved, and certifying asks for it to be resolved."""
    with operation(store, actor, "take_inventory") as ctx:
        inventory = _open(ctx, number)
        line = _expected_line(inventory, aliquot_number)
        note = clean_text(note, _domain_inventory.said("note"), required=True, limit=MAX_TEXT)
        if line.resolution is not None:
            raise RuleViolation(
                _domain_inventory.said(
                    "Aliquot {aliquot} is reported lost already.", aliquot=line.scanned_number
                )
            )
        line.outcome, line.checked_at, line.checked_by_id = MISSING, ctx.now, ctx.person.id
        line.note = note
        if report_lost:
            _report_lost(ctx, inventory, line, note)
        return Scanned(line.id, line.scanned_number, MISSING, True, False)


def _report_lost(ctx: Context, inventory: Inventory, line: InventoryLine, note: str) -> None:
    assert line.aliquot_id is not None
    row = ctx.session.get(Aliquot, line.aliquot_id, with_for_update=True)
    assert row is not None
    event = report_lost_in(
        ctx,
        row,
        note=_domain_inventory.said(
            "Missing at inventory {number}: {note}", number=inventory.number, note=note
        ),
    )
    ctx.session.flush()
    line.resolution, line.resolution_event_id = LOST_RESOLUTION, event.id


def inventory_content(inventory: Inventory) -> dict[str, Any]:
    """What the certifying signature is bound to: the inventory and every line's outcome."""
    return {
        "inventory": inventory.number,
        "loan": inventory.loan.number,
        "due_on": inventory.due_on.isoformat() if inventory.due_on else None,
        "lines": [
            {
                "aliquot": line.scanned_number,
                "expected": line.expected,
                "outcome": line.outcome,
                "measured_mass_ug": line.measured_mass_ug,
                "resolution": line.resolution,
            }
            for line in inventory.lines
        ],
    }


def why_not_certify(inventory: Inventory) -> str | None:
    """Why the inventory cannot be signed yet, as the window's button and the CLI say it."""
    pending = sum(1 for line in inventory.lines if line.outcome == PENDING)
    if pending:
        return _domain_inventory.said(
            "{count} expected aliquot(s) are neither found nor marked missing.", count=pending
        )
    return None


def may_certify(inventory: Inventory, person_id: int) -> bool:
    """The loan's principal investigator certifies its inventory."""
    return person_id == inventory.loan.principal_investigator_id


def certify(
    store: Store,
    actor: Actor,
    number: str,
    credential: Credential,
    *,
    missing_as_lost: bool = False,
    missing_note: str = "",
) -> Inventory:
    """The PI signs the inventory; found aliquots get an ``inventoried`` event each.

    Missing aliquots not yet reported lost are refused, or with ``missing_as_lost`` reported
    lost in the same transaction (``missing_note`` says why)."""
    with operation(store, actor, "take_inventory") as ctx:
        inventory = _open(ctx, number)
        why_not = why_not_certify(inventory)
        if why_not is not None:
            raise RuleViolation(why_not)
        if not may_certify(inventory, ctx.person.id):
            raise PermissionDenied(
                _domain_inventory.said(
                    "Only {pi}, the principal investigator of loan {loan}, certifies its "
                    "inventory.",
                    pi=inventory.loan.principal_investigator.full_name,
                    loan=inventory.loan.number,
                )
            )
        if credential.username.strip() != ctx.person.username:
            raise PermissionDenied(
                _domain_inventory.said("You sign with your own password, not someone else's.")
            )
        unresolved = [
            line for line in inventory.lines if line.outcome == MISSING and line.resolution is None
        ]
        if unresolved and not missing_as_lost:
            raise RuleViolation(
                _domain_inventory.said(
                    "Aliquot {aliquot} is missing and not reported lost: report it lost first.",
                    aliquot=unresolved[0].scanned_number,
                )
            )
        for line in unresolved:
            note = line.note or clean_text(
                missing_note, _domain_inventory.said("note"), required=True, limit=MAX_TEXT
            )
            _report_lost(ctx, inventory, line, note)
        ledger = Ledger(ctx.session)
        for line in inventory.lines:
            if line.outcome != FOUND or line.aliquot_id is None:
                continue
            row = ctx.session.get(Aliquot, line.aliquot_id, with_for_update=True)
            assert row is not None
            if not _still_held(row, inventory.loan):
                continue  # it moved since it was scanned; the ledger says where
            measured = (
                _domain_inventory.said(" Weighed {mass}.", mass=format_mass(line.measured_mass_ug))
                if line.measured_mass_ug is not None
                else ""
            )
            event = ledger.append(
                row,
                EventKind.INVENTORIED,
                actor_id=ctx.person.id,
                occurred_at=ctx.now,
                institution_id=row.custodian_institution_id,
                custodian_person_id=row.custodian_person_id,
                courier_id=row.courier_id,
                transfer_id=row.transfer_id,
                loan_id=row.loan_id,
                note=f"Inventory {inventory.number}.{measured}",
            )
            line.event_id = event.id
        ctx.session.flush()
        sign(
            ctx.session,
            credential,
            meaning="certified",
            record_type="inventory",
            record_id=inventory.id,
            record_number=inventory.number,
            content=inventory_content(inventory),
            signed_at=ctx.now,
        )
        inventory.status, inventory.certified_at = CERTIFIED, ctx.now
        inventory.certified_by_id = ctx.person.id
        return inventory


def cancel(store: Store, actor: Actor, number: str, *, reason: str) -> Inventory:
    """Abandon an open inventory (what it found is not recorded; its loss reports stay)."""
    with operation(store, actor, "take_inventory") as ctx:
        inventory = _open(ctx, number)
        reason = clean_text(reason, _domain_inventory.said("reason"), required=True)
        inventory.status = CANCELLED
        inventory.note = (inventory.note + "\n" if inventory.note else "") + f"Cancelled: {reason}"
        return inventory


# ---------------------------------------------------------------- the setting


def grace(store: Store) -> int:
    with store.read() as session:
        return grace_days(session)


def set_grace_days(store: Store, actor: Actor, days: int) -> int:
    """How many days after an anniversary an inventory becomes overdue (an administrator's)."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 365:
        raise ValidationError(
            _domain_inventory.said("The grace period is a whole number of days, 0 to 365.")
        )
    with operation(store, actor, "change_settings") as ctx:
        row = ctx.session.scalar(
            select(InstallationSetting).where(InstallationSetting.key == GRACE_DAYS_KEY)
        )
        if row is None:
            ctx.session.add(InstallationSetting(key=GRACE_DAYS_KEY, value=str(days)))
        else:
            row.value = str(days)
        return days


def owed(
    store: Store, today: date | None = None, *, overdue_only: bool = False
) -> list[InventoryDue]:
    """Loans whose annual inventory is due within 30 days or overdue (inventory_schedule)."""
    today = today or clock.now().date()
    with store.read() as session:
        return inventories_owed(session, today, overdue_only=overdue_only)
