"""verify beyond the ledger (domain/record_check.py): the signed terms of a loan through its
life, and what the replay of the audit trail says about changes made outside the program.

The tamper tests per table are tests/reliability/test_tamper_tables.py; these look at the
rules behind them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import TYPE_CHECKING

from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.orm import Session

from lunar_custody import cli
from lunar_custody.domain import identity, loans, queries, registry
from lunar_custody.domain.chain import AUDIT_HASHED_COLUMNS, audit_hash
from lunar_custody.domain.ledger import Problem
from lunar_custody.domain.loans import (
    TERMS_CHANGED,
    TERMS_HOLD,
    TERMS_NOT_CHECKED,
    TERMS_SUPERSEDED,
    loan_content,
    signed_terms,
)
from lunar_custody.domain.models import AuditEntry, Loan
from lunar_custody.domain.record_check import verify_records
from lunar_custody.storage import Database

if TYPE_CHECKING:
    from .conftest import World

A1, A2, A3, A4 = (f"CE5C0400YJFM0050{n}" for n in (1, 2, 3, 4))


def _verdicts(world: World, number: str) -> list[str | None]:
    """What the loan's views say of each signature, checking the one definition behind it."""

    def hashes(session: Session) -> tuple[str, str]:
        loan = session.scalars(select(Loan).where(Loan.number == number)).one()
        (terms,) = signed_terms(session, [loan.id])
        return terms.terms_hash, identity.content_hash(loan_content(session, loan).as_dict())

    bulk, one = world.read(hashes)
    assert bulk == one  # signed_terms builds the terms exactly as the signatures do
    return [s.verdict for s in queries.loan_detail(world.db, number).signatures]


@contextmanager
def _raw(world: World) -> Iterator[Connection]:
    """A plain connection, outside the program (no audit hook)."""
    assert isinstance(world.db, Database)
    engine = create_engine(world.db.url)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def test_the_signed_terms_hold_through_a_loans_life(world: World) -> None:
    number = world.active_loan([A1, A2])
    assert _verdicts(world, number) == [TERMS_HOLD, TERMS_HOLD]
    world.ship([A1, A2], loan=number)
    # a child split at the borrower joins the loan's items, not its signed terms
    (child,) = registry.split_aliquot(world.db, world["brown_lm"], A1, [10_000])
    registry.consume(world.db, world["brown_lm"], A2, 5_000, note="noble gases")
    assert _verdicts(world, number) == [TERMS_HOLD, TERMS_HOLD]
    due = queries.loan_detail(world.db, number).summary.due_on
    loans.extend_loan(
        world.db,
        world["zhang"],
        number,
        due + timedelta(days=30),
        reason="beam time moved",
        credential=world.cred("zhang"),
    )
    assert _verdicts(world, number) == [TERMS_SUPERSEDED, TERMS_SUPERSEDED, TERMS_HOLD]
    world.send_back([A1, A2, child.number])
    loans.close_loan(world.db, world["zhang"], number, world.cred("zhang"))
    closed = [TERMS_SUPERSEDED, TERMS_SUPERSEDED, TERMS_HOLD, TERMS_HOLD]
    assert _verdicts(world, number) == closed
    # cancelling writes the reason into the notes, unsigned: those terms are not checked
    withdrawn = world.active_loan([A3])
    loans.cancel_loan(world.db, world["zhang"], withdrawn, reason="the beamline closed")
    assert _verdicts(world, withdrawn) == [TERMS_NOT_CHECKED, TERMS_NOT_CHECKED]
    report = verify_records(world.db)
    assert report.ok, report.summary()
    assert report.signed_terms == 1  # the closed loan; the cancelled one is not counted


def test_a_loan_flag_changed_outside_breaks_its_signatures_everywhere(world: World) -> None:
    number = world.active_loan([A3], borrower="KOLN", pi="koln_lm", destructive=False)
    with _raw(world) as raw:
        raw.execute(
            text("UPDATE loans SET destructive_analysis_allowed = :yes WHERE number = :n"),
            {"yes": True, "n": number},
        )
        raw.commit()
    assert _verdicts(world, number) == [TERMS_CHANGED, TERMS_CHANGED]
    assert isinstance(world.db, Database)
    out = io.StringIO()
    assert cli.main(["loan", number, "--db", world.db.url], out=out, err=io.StringIO()) == 0
    assert out.getvalue().count(f"— {TERMS_CHANGED}") == 2, out.getvalue()
    report = verify_records(world.db)
    signature = next(p for p in report.problems if p.kind == "signature")
    assert (signature.table, signature.record, signature.field) == ("loans", number, None)
    assert signature.message.startswith(
        f"The terms of loan {number} are not those signed by Klaus Mezger (countersigned) on "
    )
    record = next(p for p in report.problems if p.kind == "record")
    assert record.where == f"loans {number} destructive_analysis_allowed"
    assert "is 'True' but the audit trail says 'False'" in record.message


def test_a_value_changed_outside_then_by_the_program_is_still_named(world: World) -> None:
    """The program's later change records the tampered value as the old one: the replay
    sees that the audit trail held another value then."""
    number = loans.create_loan(
        world.db,
        world["zhang"],
        borrower_code="BROWN",
        principal_investigator="brown_lm",
        purpose="Noble gases",
        starts_on=world.today,
        due_on=world.today + timedelta(days=90),
    ).number
    with _raw(world) as raw:
        raw.execute(text("UPDATE loans SET purpose = 'Anything' WHERE number = :n"), {"n": number})
        raw.commit()
    loans.update_loan(world.db, world["zhang"], number, purpose="Noble gases, revised")
    (problem,) = verify_records(world.db).problems
    assert (problem.kind, problem.where) == ("record", f"loans {number} purpose")
    assert "changed Purpose from 'Anything', but the audit trail had 'Noble gases'" in (
        problem.message
    )


def _audit_problems(world: World) -> list[Problem]:
    return [p for p in verify_records(world.db).problems if p.kind == "audit"]


def _without_audit_guards(raw: Connection) -> None:
    if raw.dialect.name == "sqlite":
        raw.execute(text("DROP TRIGGER audit_entries_no_update"))
        raw.execute(text("DROP TRIGGER audit_entries_no_delete"))
    else:
        raw.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))


def test_an_entry_rewritten_with_its_hash_recomputed_is_named(world: World) -> None:
    entry = 12
    with _raw(world) as raw:
        _without_audit_guards(raw)
        columns = ", ".join(AUDIT_HASHED_COLUMNS)
        row = raw.execute(
            text(f"SELECT {columns}, prev_hash FROM audit_entries WHERE id = {entry}")
        ).one()
        values = list(row[:-1])
        values[AUDIT_HASHED_COLUMNS.index("new_value")] = '{"roles": "admin"}'
        values[1] = world.read(
            lambda s: s.scalar(select(AuditEntry.occurred_at).where(AuditEntry.id == entry))
        )
        raw.execute(
            text(f"UPDATE audit_entries SET new_value = :v, hash = :h WHERE id = {entry}"),
            {"v": values[-1], "h": audit_hash(row[-1], values)},
        )
        raw.commit()
    (problem,) = _audit_problems(world)
    assert problem.audit_entry_id == entry and problem.record == f"#{entry}"
    assert problem.message.startswith(f"Audit entry #{entry} was changed and its hash recomputed")


def test_entries_cut_off_at_the_end_are_named(world: World) -> None:
    last = world.read(lambda s: s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc())))
    with _raw(world) as raw:
        _without_audit_guards(raw)
        raw.execute(text(f"DELETE FROM audit_entries WHERE id >= {last - 1}"))
        raw.commit()
    (problem,) = _audit_problems(world)
    assert problem.audit_entry_id == last - 1
    assert problem.message == (
        f"Audit entries after #{last - 2} were removed: the audit trail's head names entry #{last}."
    )


def test_progress_counts_rows_and_entries_and_cancel_stops(world: World) -> None:
    calls: list[tuple[int, int]] = []
    report = verify_records(world.db, lambda done, total: calls.append((done, total)) and None)
    assert report.ok and calls[-1][0] == calls[-1][1] == report.records + report.audit_entries
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    stopped = verify_records(world.db, lambda done, total: True)
    assert [p.kind for p in stopped.problems] == ["cancelled"]
