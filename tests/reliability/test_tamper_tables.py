"""Every record that matters, changed, deleted or inserted outside the program, fails
``lunar-custody verify``, which names the table, the record and the changed field.

One world with a rich history per dialect is built once; each case works on a copy of it
(a copied file, or CREATE DATABASE ... TEMPLATE), tampers with raw SQL after dropping
(SQLite) or disabling (PostgreSQL) the triggers in its way, as a database owner can, and
runs the real command line.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, create_engine, insert, select, text
from sqlalchemy.engine import make_url

from lunar_custody import cli
from lunar_custody.domain import documents, identity, registry
from lunar_custody.domain.audit import audited_models
from lunar_custody.domain.chain import AUDIT_HASHED_COLUMNS, audit_hash
from lunar_custody.domain.models import Base, new_uuid
from lunar_custody.storage import Database, resolve_database_url
from tests.conftest import DIALECTS
from tests.worlds import A4, KOLN, SAMPLE, _remembering, build_world

GUARDED = ("custody_events", "audit_entries", "signatures", "documents", "certificates")
SPARE_INSTITUTION = "LUND"  # an institution nothing refers to, so that it can be deleted


@dataclass
class Rich:
    """The world after its rich scenario, kept as a template for the cases."""

    dialect: str
    url: str
    numbers: dict[str, str]
    admin: Engine | None  # PostgreSQL: the engine that copies databases
    base_url: str = ""


@pytest.fixture(scope="module", params=DIALECTS)
def rich(request: pytest.FixtureRequest) -> Iterator[Rich]:
    dialect = request.param
    if dialect == "sqlite":
        folder: Path = request.getfixturevalue("_scratch") / "tamper-template"
        folder.mkdir()
        url = resolve_database_url(str(folder / "custody.db"))
        admin, base = None, ""
    else:
        admin = request.getfixturevalue("_pg_admin")
        base = request.getfixturevalue("pg_server")
        with admin.connect() as connection:
            connection.exec_driver_sql("CREATE DATABASE lc_tamper TEMPLATE lc_template")
        url = f"{base}lc_tamper"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(identity, "_hasher", _remembering)
        with Database.open(url) as db:
            world = build_world(db)
            numbers = world.rich_scenario()
            registry.create_institution(
                db, world["admin"], code=SPARE_INSTITUTION, name="Lund", kind="borrower"
            )
            number = documents.new_number("agreement")
            documents.record_document(
                db,
                world["zhang"],
                number=number,
                kind="agreement",
                record_type="loan",
                record_number=numbers["koln_loan"],
                sha256="a" * 64,
                filename="agreement.pdf",
            )
            numbers["document"] = number
    try:
        yield Rich(dialect, url, numbers, admin, base)
    finally:
        if dialect == "sqlite":
            shutil.rmtree(folder, ignore_errors=True)
        else:
            assert admin is not None
            with admin.connect() as connection:
                connection.exec_driver_sql("DROP DATABASE IF EXISTS lc_tamper WITH (FORCE)")


_copies = iter(range(1, 1_000_000))


@pytest.fixture
def copy_of(rich: Rich, tmp_path: Path) -> Iterator[str]:
    """A copy of the rich world's database for one case."""
    if rich.dialect == "sqlite":
        source = Path(make_url(rich.url).database or "")
        target = tmp_path / "custody.db"
        shutil.copyfile(source, target)
        yield resolve_database_url(str(target))
        return
    assert rich.admin is not None
    name = f"lc_tamper_{next(_copies)}"
    with rich.admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE lc_tamper")
    try:
        yield f"{rich.base_url}{name}"
    finally:
        with rich.admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# ---------------------------------------------------------------- raw changes


def _table(name: str) -> Any:
    return Base.metadata.tables[name]


def _scalar(c: Connection, sql: str, **values: Any) -> Any:
    return c.execute(text(sql), values).scalar_one()


def _copy_row(c: Connection, table: str, row_id: int, **changes: Any) -> int:
    """Insert a copy of one row under the next id, with ``changes``: the new row's id."""
    t = _table(table)
    row = dict(c.execute(select(t).where(t.c.id == row_id)).one()._mapping)
    new_id = int(_scalar(c, f"SELECT max(id) FROM {table}")) + 1
    if "uuid" in row:
        row["uuid"] = new_uuid()
    row.update(changes, id=new_id)
    c.execute(insert(t).values(**row))
    return new_id


def _id(c: Connection, table: str, where: str, **values: Any) -> int:
    return int(_scalar(c, f"SELECT min(id) FROM {table} WHERE {where}", **values))


def _last_id(c: Connection, table: str) -> int:
    return int(_scalar(c, f"SELECT max(id) FROM {table}"))


# Each change returns where verify must point: (table, record, field or None).
Where = tuple[str, str, str | None]
Change = Callable[[Connection, dict[str, str]], Where]


def _loan_flag(c: Connection, n: dict[str, str]) -> Where:
    c.execute(
        text("UPDATE loans SET destructive_analysis_allowed = :yes WHERE number = :n"),
        {"yes": True, "n": n["koln_loan"]},
    )
    return "loans", n["koln_loan"], "destructive_analysis_allowed"


def _loan_deleted(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("DELETE FROM loans WHERE number = :n"), {"n": n["koln_loan"]})
    return "loans", n["koln_loan"], None


def _loan_inserted(c: Connection, n: dict[str, str]) -> Where:
    _copy_row(c, "loans", _id(c, "loans", "number = :n", n=n["koln_loan"]), number="L2099-0001")
    return "loans", "L2099-0001", None


def _item_mass(c: Connection, n: dict[str, str]) -> Where:
    item = _id(c, "loan_items", "1 = 1")
    c.execute(text(f"UPDATE loan_items SET mass_at_loan_ug = 1 WHERE id = {item}"))
    return "loan_items", f"#{item}", "mass_at_loan_ug"


def _item_deleted(c: Connection, n: dict[str, str]) -> Where:
    item = _last_id(c, "loan_items")
    c.execute(text(f"DELETE FROM loan_items WHERE id = {item}"))
    return "loan_items", f"#{item}", None


def _item_inserted(c: Connection, n: dict[str, str]) -> Where:
    koln = _id(c, "loans", "number = :n", n=n["koln_loan"])
    item = _copy_row(c, "loan_items", _id(c, "loan_items", "loan_id <> :k", k=koln), loan_id=koln)
    return "loan_items", f"#{item}", None


def _signature_hash(c: Connection, n: dict[str, str]) -> Where:
    signature = _id(c, "signatures", "1 = 1")
    c.execute(
        text(f"UPDATE signatures SET content_hash = :h WHERE id = {signature}"), {"h": "f" * 64}
    )
    return "signatures", f"#{signature}", "content_hash"


def _countersignature_deleted(c: Connection, n: dict[str, str]) -> Where:
    signature = _id(
        c, "signatures", "meaning = 'countersigned' AND record_number = :n", n=n["brown_loan"]
    )
    c.execute(text(f"DELETE FROM signatures WHERE id = {signature}"))
    return "signatures", f"#{signature}", None


def _signature_inserted(c: Connection, n: dict[str, str]) -> Where:
    signature = _copy_row(c, "signatures", _last_id(c, "signatures"))
    return "signatures", f"#{signature}", None


def _courier_made_admin(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("UPDATE people SET roles = 'admin' WHERE username = 'courier1'"))
    return "people", "courier1", "roles"


def _password_replaced(c: Connection, n: dict[str, str]) -> Where:
    forged = identity.password_hasher().hash("known-to-the-intruder")
    c.execute(text("UPDATE people SET password_hash = :h WHERE username = 'zhang'"), {"h": forged})
    return "people", "zhang", "password_hash"


def _person_deleted(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("DELETE FROM people WHERE username = 'auditor'"))
    return "people", "auditor", None


def _person_inserted(c: Connection, n: dict[str, str]) -> Where:
    _copy_row(c, "people", _id(c, "people", "username = 'courier2'"), username="mallory")
    return "people", "mallory", None


def _institution_renamed(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("UPDATE institutions SET name = 'Somewhere Else' WHERE code = :k"), {"k": KOLN})
    return "institutions", KOLN, "name"


def _institution_deleted(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("DELETE FROM institutions WHERE code = :k"), {"k": SPARE_INSTITUTION})
    return "institutions", SPARE_INSTITUTION, None


def _institution_inserted(c: Connection, n: dict[str, str]) -> Where:
    _copy_row(c, "institutions", _id(c, "institutions", "code = :k", k=KOLN), code="EVIL")
    return "institutions", "EVIL", None


def _sample_mass(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("UPDATE samples SET original_mass_ug = original_mass_ug * 2"))
    return "samples", SAMPLE, "original_mass_ug"


def _sample_deleted(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("DELETE FROM samples WHERE number = :s"), {"s": SAMPLE})
    return "samples", SAMPLE, None


def _sample_inserted(c: Connection, n: dict[str, str]) -> Where:
    _copy_row(c, "samples", _id(c, "samples", "number = :s", s=SAMPLE), number="CE5C0999")
    return "samples", "CE5C0999", None


def _seal_number(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("UPDATE aliquots SET seal_number = 'SEAL-FAKE' WHERE number = :a"), {"a": A4})
    return "aliquots", A4, "seal_number"


def _aliquot_deleted(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("DELETE FROM aliquots WHERE number = :a"), {"a": A4})
    return "aliquots", A4, None


def _aliquot_inserted(c: Connection, n: dict[str, str]) -> Where:
    _copy_row(c, "aliquots", _id(c, "aliquots", "number = :a", a=A4), number=f"{A4}X")
    return "aliquots", f"{A4}X", None


def _transfer_seal(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("UPDATE transfers SET seal_number = 'X' WHERE number = :t"), {"t": n["koln"]})
    return "transfers", n["koln"], "seal_number"


def _transfer_deleted(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("DELETE FROM transfers WHERE number = :t"), {"t": n["koln"]})
    return "transfers", n["koln"], None


def _transfer_inserted(c: Connection, n: dict[str, str]) -> Where:
    _copy_row(c, "transfers", _id(c, "transfers", "number = :t", t=n["koln"]), number="T2099-0001")
    return "transfers", "T2099-0001", None


def _transfer_item_mass(c: Connection, n: dict[str, str]) -> Where:
    item = _id(c, "transfer_items", "measured_mass_ug IS NOT NULL")
    c.execute(text(f"UPDATE transfer_items SET measured_mass_ug = 1 WHERE id = {item}"))
    return "transfer_items", f"#{item}", "measured_mass_ug"


def _transfer_item_deleted(c: Connection, n: dict[str, str]) -> Where:
    item = _last_id(c, "transfer_items")
    c.execute(text(f"DELETE FROM transfer_items WHERE id = {item}"))
    return "transfer_items", f"#{item}", None


def _transfer_item_inserted(c: Connection, n: dict[str, str]) -> Where:
    koln = _id(c, "transfers", "number = :t", t=n["koln"])
    source = _id(c, "transfer_items", "transfer_id <> :k", k=koln)
    item = _copy_row(c, "transfer_items", source, transfer_id=koln)
    return "transfer_items", f"#{item}", None


def _leg_courier(c: Connection, n: dict[str, str]) -> Where:
    leg = _id(c, "transfer_legs", "1 = 1")
    other = _id(c, "people", "username = 'courier2'")
    c.execute(text(f"UPDATE transfer_legs SET courier_id = {other} WHERE id = {leg}"))
    return "transfer_legs", f"#{leg}", "courier_id"


def _leg_deleted(c: Connection, n: dict[str, str]) -> Where:
    leg = _last_id(c, "transfer_legs")
    c.execute(text(f"DELETE FROM transfer_legs WHERE id = {leg}"))
    return "transfer_legs", f"#{leg}", None


def _leg_inserted(c: Connection, n: dict[str, str]) -> Where:
    leg = _copy_row(c, "transfer_legs", _last_id(c, "transfer_legs"), seq=99)
    return "transfer_legs", f"#{leg}", None


def _resolution_note(c: Connection, n: dict[str, str]) -> Where:
    found = _id(c, "discrepancies", "resolution IS NOT NULL")
    c.execute(text(f"UPDATE discrepancies SET resolution_note = 'none' WHERE id = {found}"))
    return "discrepancies", f"#{found}", "resolution_note"


def _discrepancy_deleted(c: Connection, n: dict[str, str]) -> Where:
    found = _last_id(c, "discrepancies")
    c.execute(text(f"DELETE FROM discrepancies WHERE id = {found}"))
    return "discrepancies", f"#{found}", None


def _discrepancy_inserted(c: Connection, n: dict[str, str]) -> Where:
    found = _copy_row(c, "discrepancies", _last_id(c, "discrepancies"))
    return "discrepancies", f"#{found}", None


def _document_file(c: Connection, n: dict[str, str]) -> Where:
    c.execute(
        text("UPDATE documents SET filename = 'x.pdf' WHERE number = :d"), {"d": n["document"]}
    )
    return "documents", n["document"], "filename"


def _document_deleted(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("DELETE FROM documents WHERE number = :d"), {"d": n["document"]})
    return "documents", n["document"], None


def _document_inserted(c: Connection, n: dict[str, str]) -> Where:
    source = _id(c, "documents", "number = :d", d=n["document"])
    _copy_row(c, "documents", source, number="AGR-209901-FORGED", sha256="b" * 64)
    return "documents", "AGR-209901-FORGED", None


def _entry_changed(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("UPDATE audit_entries SET new_value = 'approved' WHERE id = 40"))
    return "audit_entries", "#40", None


def _entry_deleted(c: Connection, n: dict[str, str]) -> Where:
    c.execute(text("DELETE FROM audit_entries WHERE id = 40"))
    return "audit_entries", "#40", None


def _entry_inserted(c: Connection, n: dict[str, str]) -> Where:
    """A forged entry appended with its hash computed as the README defines it."""
    last = _last_id(c, "audit_entries")
    prev = _scalar(c, f"SELECT hash FROM audit_entries WHERE id = {last}")
    entry: dict[str, Any] = {
        "id": last + 1,
        "occurred_at": datetime.now(UTC),
        "actor_id": None,
        "table_name": "institutions",
        "record_id": 1,
        "action": "update",
        "field": "name",
        "old_value": None,
        "new_value": "Forged",
    }
    entry["prev_hash"] = prev
    entry["hash"] = audit_hash(prev, [entry[k] for k in AUDIT_HASHED_COLUMNS])
    c.execute(insert(_table("audit_entries")).values(**entry))
    return "audit_entries", f"#{last + 1}", None


def _certificate_revoked(c: Connection, n: dict[str, str]) -> Where:
    certificate = _id(c, "certificates", "kind = 'person'")
    c.execute(
        text(f"UPDATE certificates SET revoked_at = :at WHERE id = {certificate}"),
        {"at": datetime(2020, 1, 1)},
    )
    return "certificates", f"#{certificate}", "revoked_at"


def _certificate_deleted(c: Connection, n: dict[str, str]) -> Where:
    certificate = _last_id(c, "certificates")
    c.execute(text(f"DELETE FROM certificates WHERE id = {certificate}"))
    return "certificates", f"#{certificate}", None


def _certificate_inserted(c: Connection, n: dict[str, str]) -> Where:
    certificate = _copy_row(c, "certificates", _last_id(c, "certificates"), fingerprint="c" * 64)
    return "certificates", f"#{certificate}", None


CASES: dict[str, Change] = {
    "loans-changed": _loan_flag,
    "loans-deleted": _loan_deleted,
    "loans-inserted": _loan_inserted,
    "loan_items-changed": _item_mass,
    "loan_items-deleted": _item_deleted,
    "loan_items-inserted": _item_inserted,
    "signatures-changed": _signature_hash,
    "signatures-deleted": _countersignature_deleted,
    "signatures-inserted": _signature_inserted,
    "people-changed-role": _courier_made_admin,
    "people-changed-password": _password_replaced,
    "people-deleted": _person_deleted,
    "people-inserted": _person_inserted,
    "institutions-changed": _institution_renamed,
    "institutions-deleted": _institution_deleted,
    "institutions-inserted": _institution_inserted,
    "samples-changed": _sample_mass,
    "samples-deleted": _sample_deleted,
    "samples-inserted": _sample_inserted,
    "aliquots-changed": _seal_number,
    "aliquots-deleted": _aliquot_deleted,
    "aliquots-inserted": _aliquot_inserted,
    "transfers-changed": _transfer_seal,
    "transfers-deleted": _transfer_deleted,
    "transfers-inserted": _transfer_inserted,
    "transfer_items-changed": _transfer_item_mass,
    "transfer_items-deleted": _transfer_item_deleted,
    "transfer_items-inserted": _transfer_item_inserted,
    "transfer_legs-changed": _leg_courier,
    "transfer_legs-deleted": _leg_deleted,
    "transfer_legs-inserted": _leg_inserted,
    "discrepancies-changed": _resolution_note,
    "discrepancies-deleted": _discrepancy_deleted,
    "discrepancies-inserted": _discrepancy_inserted,
    "documents-changed": _document_file,
    "documents-deleted": _document_deleted,
    "documents-inserted": _document_inserted,
    "audit_entries-changed": _entry_changed,
    "audit_entries-deleted": _entry_deleted,
    "audit_entries-inserted": _entry_inserted,
    "certificates-changed": _certificate_revoked,
    "certificates-deleted": _certificate_deleted,
    "certificates-inserted": _certificate_inserted,
}
# Besides the record itself, the signature on the loan's terms no longer holds.
SIGNED = {"loans-changed": "koln_loan", "loan_items-changed": "brown_loan"}


def _tamper(url: str, dialect: str, table: str, change: Change, numbers: dict[str, str]) -> Where:
    """Lift the table's guards as a database owner can, then change it with raw SQL."""
    engine = create_engine(url)
    try:
        with engine.begin() as c:
            if dialect == "sqlite":  # foreign keys are off in a plain connection
                for name in c.scalars(
                    text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"),
                    {"t": table},
                ):
                    c.execute(text(f'DROP TRIGGER "{name}"'))
            else:  # every trigger of the table, its references' checks included
                c.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER ALL"))
            return change(c, numbers)
    finally:
        engine.dispose()


def _verify(url: str) -> tuple[int, dict[str, Any], str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["verify", "--json", "--db", url], out=out, err=err)
    return code, json.loads(out.getvalue()), err.getvalue()


@pytest.mark.parametrize("case", list(CASES))
def test_a_record_changed_outside_the_program_is_named(rich: Rich, copy_of: str, case: str) -> None:
    table = case.split("-")[0]
    where = _tamper(copy_of, rich.dialect, table, CASES[case], rich.numbers)
    code, report, err = _verify(copy_of)
    assert code == 1, err
    found = [(p["table"], p["record"], p["field"]) for p in report["problems"]]
    assert where in found, (where, report["problems"])
    if case in SIGNED:
        number = rich.numbers[SIGNED[case]]
        kinds = {p["kind"] for p in report["problems"] if p["record"] == number}
        assert "signature" in kinds, report["problems"]
    if table == "audit_entries":  # the first bad entry, named as the chain breaks there
        audit = [p["audit_entry_id"] for p in report["problems"] if p["kind"] == "audit"]
        assert min(audit) == int(where[1][1:]), report["problems"]


def test_the_untouched_copy_passes(rich: Rich, copy_of: str) -> None:
    code, report, err = _verify(copy_of)
    assert code == 0 and report["problems"] == [], (err, report)


def test_a_guard_removed_or_disabled_is_reported_once_with_what_it_means(
    rich: Rich, copy_of: str
) -> None:
    engine = create_engine(copy_of)
    try:
        with engine.begin() as c:
            if rich.dialect == "sqlite":
                c.execute(text("DROP TRIGGER documents_no_update"))
            else:
                c.execute(
                    text("ALTER TABLE custody_events DISABLE TRIGGER custody_events_append_only")
                )
    finally:
        engine.dispose()
    code, report, _ = _verify(copy_of)
    assert code == 1
    (guard,) = report["problems"]
    if rich.dialect == "sqlite":
        assert (guard["kind"], guard["table"], guard["record"]) == (
            "guard", "documents", "documents_no_update"
        )  # fmt: skip
        assert "has been removed" in guard["message"]
    else:
        assert (guard["kind"], guard["table"], guard["record"]) == (
            "guard", "custody_events", "custody_events_append_only"
        )  # fmt: skip
        assert "is disabled" in guard["message"]
    out = io.StringIO()
    assert cli.main(["verify", "--db", copy_of], out=out, err=io.StringIO()) == 1
    said = out.getvalue()
    assert said.count("A database owner can drop or disable any trigger") == 1, said
    assert "the hashes, signatures and anchors are the real protection" in said


def test_storage_hands_over_only_the_rows_it_cannot_write_out(rich: Rich) -> None:
    """The fast comparison (storage.record_scan) agrees with the audit trail's own texts on
    both dialects: it hands the domain only rows whose latest entry is not a whole row, and
    rows holding a secret or bytes, whose digests only the program computes."""
    undecided = {
        "people": "TRUE",
        "certificates": "sealed_key IS NOT NULL",
        "signatures": "drawing_png IS NOT NULL",
        "discrepancies": "photo IS NOT NULL",
    }
    with Database.open(rich.url) as db, db.scan_records() as scan:
        for model in audited_models():
            table = model.__tablename__
            expected = set(
                scan.session.scalars(
                    text(
                        f"SELECT t.id FROM {table} t WHERE ({undecided.get(table, 'FALSE')}) "
                        "OR (SELECT a.action FROM audit_entries a WHERE a.table_name = :t "
                        "AND a.record_id = t.id ORDER BY a.id DESC LIMIT 1) "
                        "NOT IN ('create', 'baseline')"
                    ),
                    {"t": table},
                )
            )
            assert set(scan.unmatched(model)) == expected, table
