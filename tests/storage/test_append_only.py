"""Rule 3 in the database itself: the ledger tables refuse UPDATE, DELETE and TRUNCATE; so
do the documents registry and the certificates (but their retirement and revocation)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from lunar_custody.domain.models import (
    Aliquot,
    AuditEntry,
    Certificate,
    CustodyEvent,
    Document,
    Institution,
    Person,
    Sample,
    Signature,
)
from lunar_custody.storage import Database

NOW = datetime(2025, 6, 1, 8, 30, tzinfo=UTC)
LEDGER_COLUMNS = {
    "custody_events": "note",
    "audit_entries": "new_value",
    "signatures": "meaning",
    "documents": "filename",
    "certificates": "fingerprint",
}


def _refusal(table: str, dialect: str) -> str:
    if table == "certificates" and dialect == "sqlite":
        return "a certificate is never changed or removed: it is retired or revoked"
    return f"{table} is append-only: corrections are new entries"


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _insert(session: Any, model: type[Any], **values: Any) -> int:
    """A row through SQLAlchemy Core: no ORM, no services, only the columns' own defaults."""
    return int(session.execute(insert(_table(model)).values(**values)).inserted_primary_key[0])


def _ledger_rows(db: Database) -> None:
    """One row in each append-only table, with just enough around it for the foreign keys."""
    with db.write() as s:
        lab = _insert(s, Institution, code="CNSA", name="CNSA Lunar Sample Lab", kind="lender")
        zhang = _insert(
            s,
            Person,
            institution_id=lab,
            username="zhang",
            full_name="Zhang Wei",
            roles="curator",
            password_hash="x",
        )
        sample = _insert(
            s,
            Sample,
            number="CE5C0400",
            scheme="change",
            owner_institution_id=lab,
            original_mass_ug=2_000_000,
            registered_by_id=zhang,
        )
        aliquot = _insert(
            s,
            Aliquot,
            number="CE5C0400YJFM00501",
            sample_id=sample,
            status="in_storage",
            initial_mass_ug=500_000,
            current_mass_ug=500_000,
            custodian_institution_id=lab,
        )
        _insert(
            s,
            CustodyEvent,
            id=1,
            aliquot_id=aliquot,
            kind="registered",
            occurred_at=NOW,
            actor_id=zhang,
            institution_id=lab,
            mass_ug=500_000,
            prev_hash="0" * 64,
            hash="1" * 64,
        )
        _insert(
            s,
            AuditEntry,
            occurred_at=NOW,
            actor_id=zhang,
            table_name="samples",
            record_id=sample,
            action="create",
            new_value="{}",
            prev_hash="0" * 64,
            hash="3" * 64,
        )
        _insert(
            s,
            Document,
            number="D-0001",
            kind="agreement",
            record_type="loan",
            sha256="4" * 64,
            filename="agreement.pdf",
        )
        _insert(
            s,
            Certificate,
            kind="institution",
            institution_id=lab,
            fingerprint="5" * 64,
            certificate_pem="-----BEGIN CERTIFICATE-----",
            valid_from=NOW,
            valid_until=NOW,
        )
        _insert(
            s,
            Signature,
            person_id=zhang,
            printed_name="Zhang Wei",
            institution_name="CNSA Lunar Sample Lab",
            meaning="approved",
            signed_at=NOW,
            method="password",
            record_type="loan",
            record_id=1,
            record_number="L-2025-0001",
            content_hash="2" * 64,
        )


def _snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.read() as session:
        return {
            table: [tuple(row) for row in session.execute(text(f"SELECT * FROM {table}"))]
            for table in LEDGER_COLUMNS
        }


@pytest.mark.parametrize("table", list(LEDGER_COLUMNS))
def test_the_ledger_tables_refuse_update_and_delete(db: Database, table: str) -> None:
    _ledger_rows(db)
    before = _snapshot(db)
    column = LEDGER_COLUMNS[table]
    statements = [
        f"UPDATE {table} SET {column} = 'rewritten'",
        f"DELETE FROM {table}",
    ]
    if db.dialect == "postgresql":
        statements.append(f"TRUNCATE {table} CASCADE")
    assert all(len(rows) == 1 for rows in before.values())  # a row each to rewrite
    for statement in statements:
        with pytest.raises(IntegrityError) as info, db.write() as session:
            session.execute(text(statement))
        assert _refusal(table, db.dialect) in str(info.value.orig)
    assert _snapshot(db) == before


def test_a_certificate_is_retired_and_revoked_in_place(db: Database) -> None:
    _ledger_rows(db)
    with db.write() as session:
        changed = session.execute(
            text(
                "UPDATE certificates SET retired_at = :at, revoked_at = :at, "
                "revocation_reason = 'left', revocation_signature = 'c2ln'"
            ),
            {"at": NOW},
        ).rowcount
    assert changed == 1


def test_appending_is_still_allowed(db: Database) -> None:
    _ledger_rows(db)
    with db.write() as s:
        _insert(
            s,
            AuditEntry,
            occurred_at=NOW,
            table_name="loans",
            record_id=1,
            action="create",
            new_value="{}",
            prev_hash="3" * 64,
            hash="6" * 64,
        )
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(_table(AuditEntry))) == 2


def test_the_other_tables_can_still_change(db: Database) -> None:
    """Only the ledger tables are append-only: an aliquot's mass and the ledger head (which
    every appended event moves) change in place, and an ordinary row may be deleted."""
    _ledger_rows(db)
    with db.write() as session:
        updated = [
            session.execute(text("UPDATE aliquots SET current_mass_ug = 400000")).rowcount,
            session.execute(text("UPDATE ledger_head SET last_seq = 1")).rowcount,
        ]
        _insert(session, Institution, code="TEMP", name="Mistyped institution", kind="borrower")
    assert updated == [1, 1]
    with db.write() as session:
        deleted = session.execute(text("DELETE FROM institutions WHERE code = 'TEMP'")).rowcount
    assert deleted == 1
    with db.read() as session:
        assert session.scalar(text("SELECT current_mass_ug FROM aliquots")) == 400_000
        assert session.scalar(text("SELECT last_seq FROM ledger_head")) == 1
        assert session.scalars(text("SELECT code FROM institutions")).all() == ["CNSA"]


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(DBAPIError), db.write() as s:
        _insert(
            s,
            Person,
            institution_id=999,
            username="ghost",
            full_name="G",
            roles="",
            password_hash="",
        )
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(_table(Person))) == 0
