"""The initial schema: the tables of DESIGN.md, the ledger head and the append-only guards.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 20:04:33.298843

Written once and never edited after a release: a database upgraded by it stays upgraded.
Do not import the models here; spell out every table, column and type.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS_HASH = "0" * 64  # ledger.GENESIS_HASH: the hash before the first event
APPEND_ONLY_TABLES = ("custody_events", "audit_entries", "signatures")
REFUSAL = "{table} is append-only: corrections are new entries"
PG_FUNCTION = "refuse_append_only_change"


def upgrade() -> None:
    op.create_table(
        "institutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("local_name", sa.String(length=200), nullable=True),
        sa.Column("country", sa.String(length=100), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_institutions")),
        sa.UniqueConstraint("code", name=op.f("uq_institutions_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_institutions_uuid")),
    )
    ledger_head = op.create_table(
        "ledger_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_head")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("local_name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("roles", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["institutions.id"],
            name=op.f("fk_people_institution_id_institutions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("username", name=op.f("uq_people_username")),
        sa.UniqueConstraint("uuid", name=op.f("uq_people_uuid")),
    )
    op.create_index(op.f("ix_people_institution_id"), "people", ["institution_id"])

    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["people.id"], name=op.f("fk_audit_entries_actor_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    op.create_index("ix_audit_entries_record", "audit_entries", ["table_name", "record_id"])

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("record_type", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=260), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["people.id"], name=op.f("fk_documents_created_by_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("number", name=op.f("uq_documents_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_documents_uuid")),
    )
    op.create_index(op.f("ix_documents_sha256"), "documents", ["sha256"])

    op.create_table(
        "loans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("lender_institution_id", sa.Integer(), nullable=False),
        sa.Column("borrower_institution_id", sa.Integer(), nullable=False),
        sa.Column("principal_investigator_id", sa.Integer(), nullable=False),
        sa.Column("co_investigators", sa.Text(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("destructive_analysis_allowed", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("extension_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("countersigned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["borrower_institution_id"],
            ["institutions.id"],
            name=op.f("fk_loans_borrower_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["people.id"], name=op.f("fk_loans_created_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["lender_institution_id"],
            ["institutions.id"],
            name=op.f("fk_loans_lender_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(
            ["principal_investigator_id"],
            ["people.id"],
            name=op.f("fk_loans_principal_investigator_id_people"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loans")),
        sa.UniqueConstraint("number", name=op.f("uq_loans_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_loans_uuid")),
    )
    op.create_index(op.f("ix_loans_borrower_institution_id"), "loans", ["borrower_institution_id"])
    op.create_index(op.f("ix_loans_due_on"), "loans", ["due_on"])
    op.create_index(op.f("ix_loans_status"), "loans", ["status"])

    op.create_table(
        "samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("scheme", sa.String(length=8), nullable=False),
        sa.Column("owner_institution_id", sa.Integer(), nullable=False),
        sa.Column("mission", sa.String(length=40), nullable=False),
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("landmark", sa.String(length=80), nullable=False),
        sa.Column("collection_container", sa.String(length=80), nullable=False),
        sa.Column("sample_type", sa.String(length=80), nullable=False),
        sa.Column("sample_subtype", sa.String(length=80), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("original_mass_ug", sa.BigInteger(), nullable=True),
        sa.Column("next_split_number", sa.Integer(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registered_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_institution_id"],
            ["institutions.id"],
            name=op.f("fk_samples_owner_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(
            ["registered_by_id"], ["people.id"], name=op.f("fk_samples_registered_by_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_samples")),
        sa.UniqueConstraint("number", name=op.f("uq_samples_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_samples_uuid")),
    )
    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("printed_name", sa.String(length=200), nullable=False),
        sa.Column("institution_name", sa.String(length=200), nullable=False),
        sa.Column("meaning", sa.String(length=24), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("record_type", sa.String(length=24), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("record_number", sa.String(length=60), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("drawing_png", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_signatures_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatures")),
        sa.UniqueConstraint("uuid", name=op.f("uq_signatures_uuid")),
    )
    op.create_index("ix_signatures_record", "signatures", ["record_type", "record_id"])

    op.create_table(
        "transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=True),
        sa.Column("from_institution_id", sa.Integer(), nullable=False),
        sa.Column("to_institution_id", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.Integer(), nullable=False),
        sa.Column("receiver_id", sa.Integer(), nullable=False),
        sa.Column("courier_id", sa.Integer(), nullable=False),
        sa.Column("container", sa.String(length=100), nullable=False),
        sa.Column("seal_number", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("prepared_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["courier_id"], ["people.id"], name=op.f("fk_transfers_courier_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["from_institution_id"],
            ["institutions.id"],
            name=op.f("fk_transfers_from_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(["loan_id"], ["loans.id"], name=op.f("fk_transfers_loan_id_loans")),
        sa.ForeignKeyConstraint(
            ["received_by_id"], ["people.id"], name=op.f("fk_transfers_received_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["receiver_id"], ["people.id"], name=op.f("fk_transfers_receiver_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["sender_id"], ["people.id"], name=op.f("fk_transfers_sender_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["to_institution_id"],
            ["institutions.id"],
            name=op.f("fk_transfers_to_institution_id_institutions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfers")),
        sa.UniqueConstraint("number", name=op.f("uq_transfers_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_transfers_uuid")),
    )
    op.create_index(op.f("ix_transfers_courier_id"), "transfers", ["courier_id"])
    op.create_index(op.f("ix_transfers_loan_id"), "transfers", ["loan_id"])
    op.create_index(op.f("ix_transfers_status"), "transfers", ["status"])

    op.create_table(
        "aliquots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("form", sa.String(length=40), nullable=False),
        sa.Column("container", sa.String(length=100), nullable=False),
        sa.Column("seal_number", sa.String(length=64), nullable=False),
        sa.Column("next_child_number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("initial_mass_ug", sa.BigInteger(), nullable=False),
        sa.Column("current_mass_ug", sa.BigInteger(), nullable=False),
        sa.Column("children_mass_ug", sa.BigInteger(), nullable=False),
        sa.Column("consumed_mass_ug", sa.BigInteger(), nullable=False),
        sa.Column("lost_mass_ug", sa.BigInteger(), nullable=False),
        sa.Column("custodian_institution_id", sa.Integer(), nullable=True),
        sa.Column("custodian_person_id", sa.Integer(), nullable=True),
        sa.Column("courier_id", sa.Integer(), nullable=True),
        sa.Column("transfer_id", sa.Integer(), nullable=True),
        sa.Column("loan_id", sa.Integer(), nullable=True),
        sa.Column("last_event_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["courier_id"], ["people.id"], name=op.f("fk_aliquots_courier_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["custodian_institution_id"],
            ["institutions.id"],
            name=op.f("fk_aliquots_custodian_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(
            ["custodian_person_id"],
            ["people.id"],
            name=op.f("fk_aliquots_custodian_person_id_people"),
        ),
        sa.ForeignKeyConstraint(["loan_id"], ["loans.id"], name=op.f("fk_aliquots_loan_id_loans")),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["aliquots.id"], name=op.f("fk_aliquots_parent_id_aliquots")
        ),
        sa.ForeignKeyConstraint(
            ["sample_id"], ["samples.id"], name=op.f("fk_aliquots_sample_id_samples")
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"], ["transfers.id"], name=op.f("fk_aliquots_transfer_id_transfers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aliquots")),
        sa.UniqueConstraint("number", name=op.f("uq_aliquots_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_aliquots_uuid")),
    )
    op.create_index(
        "ix_aliquots_custodian_status", "aliquots", ["custodian_institution_id", "status"]
    )
    op.create_index(op.f("ix_aliquots_loan_id"), "aliquots", ["loan_id"])
    op.create_index(op.f("ix_aliquots_parent_id"), "aliquots", ["parent_id"])
    op.create_index(op.f("ix_aliquots_sample_id"), "aliquots", ["sample_id"])
    op.create_index(op.f("ix_aliquots_transfer_id"), "aliquots", ["transfer_id"])

    op.create_table(
        "transfer_legs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("courier_id", sa.Integer(), nullable=False),
        sa.Column("handed_over_by_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["courier_id"], ["people.id"], name=op.f("fk_transfer_legs_courier_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["handed_over_by_id"],
            ["people.id"],
            name=op.f("fk_transfer_legs_handed_over_by_id_people"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"], ["transfers.id"], name=op.f("fk_transfer_legs_transfer_id_transfers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_legs")),
        sa.UniqueConstraint("transfer_id", "seq", name=op.f("uq_transfer_legs_transfer_id")),
    )
    op.create_index(op.f("ix_transfer_legs_transfer_id"), "transfer_legs", ["transfer_id"])

    op.create_table(
        "custody_events",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("aliquot_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=True),
        sa.Column("custodian_person_id", sa.Integer(), nullable=True),
        sa.Column("courier_id", sa.Integer(), nullable=True),
        sa.Column("transfer_id", sa.Integer(), nullable=True),
        sa.Column("loan_id", sa.Integer(), nullable=True),
        sa.Column("mass_ug", sa.BigInteger(), nullable=True),
        sa.Column("related_aliquot_id", sa.Integer(), nullable=True),
        sa.Column("corrects_event_id", sa.Integer(), nullable=True),
        sa.Column("seal_number", sa.String(length=64), nullable=True),
        sa.Column("seal_intact", sa.Boolean(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["people.id"], name=op.f("fk_custody_events_actor_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["aliquot_id"], ["aliquots.id"], name=op.f("fk_custody_events_aliquot_id_aliquots")
        ),
        sa.ForeignKeyConstraint(
            ["corrects_event_id"],
            ["custody_events.id"],
            name=op.f("fk_custody_events_corrects_event_id_custody_events"),
        ),
        sa.ForeignKeyConstraint(
            ["courier_id"], ["people.id"], name=op.f("fk_custody_events_courier_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["custodian_person_id"],
            ["people.id"],
            name=op.f("fk_custody_events_custodian_person_id_people"),
        ),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["institutions.id"],
            name=op.f("fk_custody_events_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_custody_events_loan_id_loans")
        ),
        sa.ForeignKeyConstraint(
            ["related_aliquot_id"],
            ["aliquots.id"],
            name=op.f("fk_custody_events_related_aliquot_id_aliquots"),
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"], ["transfers.id"], name=op.f("fk_custody_events_transfer_id_transfers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_custody_events_hash")),
        sa.UniqueConstraint("uuid", name=op.f("uq_custody_events_uuid")),
    )
    op.create_index("ix_custody_events_aliquot_seq", "custody_events", ["aliquot_id", "id"])
    op.create_index(op.f("ix_custody_events_loan_id"), "custody_events", ["loan_id"])
    op.create_index(op.f("ix_custody_events_transfer_id"), "custody_events", ["transfer_id"])

    op.create_table(
        "loan_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("aliquot_id", sa.Integer(), nullable=False),
        sa.Column("parent_item_id", sa.Integer(), nullable=True),
        sa.Column("mass_at_loan_ug", sa.BigInteger(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shipped_mass_ug", sa.BigInteger(), nullable=True),
        sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("returned_mass_ug", sa.BigInteger(), nullable=True),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["aliquot_id"], ["aliquots.id"], name=op.f("fk_loan_items_aliquot_id_aliquots")
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_loan_items_loan_id_loans")
        ),
        sa.ForeignKeyConstraint(
            ["parent_item_id"],
            ["loan_items.id"],
            name=op.f("fk_loan_items_parent_item_id_loan_items"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_items")),
        sa.UniqueConstraint("loan_id", "aliquot_id", name=op.f("uq_loan_items_loan_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_loan_items_uuid")),
    )
    op.create_index(op.f("ix_loan_items_aliquot_id"), "loan_items", ["aliquot_id"])
    op.create_index(op.f("ix_loan_items_loan_id"), "loan_items", ["loan_id"])

    op.create_table(
        "transfer_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("aliquot_id", sa.Integer(), nullable=False),
        sa.Column("expected_mass_ug", sa.BigInteger(), nullable=False),
        sa.Column("measured_mass_ug", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["aliquot_id"], ["aliquots.id"], name=op.f("fk_transfer_items_aliquot_id_aliquots")
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"], ["transfers.id"], name=op.f("fk_transfer_items_transfer_id_transfers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_transfer_items")),
        sa.UniqueConstraint(
            "transfer_id", "aliquot_id", name=op.f("uq_transfer_items_transfer_id")
        ),
    )
    op.create_index(op.f("ix_transfer_items_aliquot_id"), "transfer_items", ["aliquot_id"])
    op.create_index(op.f("ix_transfer_items_transfer_id"), "transfer_items", ["transfer_id"])

    op.create_table(
        "discrepancies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("aliquot_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("expected_mass_ug", sa.BigInteger(), nullable=True),
        sa.Column("measured_mass_ug", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("raised_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("raised_by_id", sa.Integer(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("resolution", sa.String(length=24), nullable=True),
        sa.Column("resolution_note", sa.Text(), nullable=False),
        sa.Column("resolution_event_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["aliquot_id"], ["aliquots.id"], name=op.f("fk_discrepancies_aliquot_id_aliquots")
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_id"], ["people.id"], name=op.f("fk_discrepancies_raised_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["resolution_event_id"],
            ["custody_events.id"],
            name=op.f("fk_discrepancies_resolution_event_id_custody_events"),
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"], ["people.id"], name=op.f("fk_discrepancies_resolved_by_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["transfer_id"], ["transfers.id"], name=op.f("fk_discrepancies_transfer_id_transfers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discrepancies")),
        sa.UniqueConstraint("uuid", name=op.f("uq_discrepancies_uuid")),
    )
    op.create_index(op.f("ix_discrepancies_aliquot_id"), "discrepancies", ["aliquot_id"])
    op.create_index(op.f("ix_discrepancies_resolved_at"), "discrepancies", ["resolved_at"])
    op.create_index(op.f("ix_discrepancies_transfer_id"), "discrepancies", ["transfer_id"])

    # The one ledger head row: appenders lock it, so it must exist before the first event.
    op.bulk_insert(ledger_head, [{"id": 1, "last_seq": 0, "last_hash": GENESIS_HASH}])
    _create_append_only_guards()


def downgrade() -> None:
    _drop_append_only_guards()
    op.drop_table("discrepancies")
    op.drop_table("transfer_items")
    op.drop_table("loan_items")
    op.drop_table("custody_events")
    op.drop_table("transfer_legs")
    op.drop_table("aliquots")
    op.drop_table("transfers")
    op.drop_table("signatures")
    op.drop_table("samples")
    op.drop_table("loans")
    op.drop_table("documents")
    op.drop_table("audit_entries")
    op.drop_table("people")
    op.drop_table("ledger_head")
    op.drop_table("institutions")


def _create_append_only_guards() -> None:
    """Rule 3: the database itself refuses UPDATE, DELETE (and TRUNCATE) on the ledger."""
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: corrections are new entries', TG_TABLE_NAME
                    USING ERRCODE = 'integrity_constraint_violation';
            END;
            $$
            """
        )
        for table in APPEND_ONLY_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
            )
        return
    for table in APPEND_ONLY_TABLES:
        message = REFUSAL.format(table=table)
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )


def _drop_append_only_guards() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in APPEND_ONLY_TABLES:
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
        op.execute(f"DROP FUNCTION {PG_FUNCTION}()")
        return
    for table in APPEND_ONLY_TABLES:
        for action in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{action}")
