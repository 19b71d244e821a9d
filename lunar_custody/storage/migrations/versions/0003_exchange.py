"""exchange

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 05:02:08.736158

Written once and never edited after a release: a database upgraded by it stays upgraded.
Do not import the models here; spell out every table, column and type.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PG_FUNCTION = "refuse_append_only_change"  # made by revision 0001
APPEND_ONLY = ("exchange_files", "event_origins")


def upgrade() -> None:
    op.create_table(
        "exchange_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("partner_institution_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("sender_seq", sa.Integer(), nullable=False),
        sa.Column("sender_hash", sa.String(length=64), nullable=False),
        sa.Column("sender_audit_seq", sa.Integer(), nullable=False),
        sa.Column("sender_audit_hash", sa.String(length=64), nullable=False),
        sa.Column("seen_seq", sa.Integer(), nullable=True),
        sa.Column("seen_hash", sa.String(length=64), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_institution_id"],
            ["institutions.id"],
            name=op.f("fk_exchange_files_partner_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["people.id"], name=op.f("fk_exchange_files_recorded_by_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_files")),
        sa.UniqueConstraint(
            "direction",
            "partner_institution_id",
            "sequence",
            name=op.f("uq_exchange_files_direction"),
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_exchange_files_uuid")),
    )
    with op.batch_alter_table("exchange_files", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exchange_files_partner_institution_id"),
            ["partner_institution_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_exchange_files_sha256"), ["sha256"], unique=False)

    op.create_table(
        "event_origins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("origin_seq", sa.Integer(), nullable=False),
        sa.Column("origin_hash", sa.String(length=64), nullable=False),
        sa.Column("origin_signature", sa.Text(), nullable=True),
        sa.Column("transcribed", sa.Boolean(), nullable=False),
        sa.Column("related_uuid", sa.String(length=36), nullable=True),
        sa.Column("related_number", sa.String(length=60), nullable=True),
        sa.Column("exchange_file_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["custody_events.id"],
            name=op.f("fk_event_origins_event_id_custody_events"),
        ),
        sa.ForeignKeyConstraint(
            ["exchange_file_id"],
            ["exchange_files.id"],
            name=op.f("fk_event_origins_exchange_file_id_exchange_files"),
        ),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["institutions.id"],
            name=op.f("fk_event_origins_institution_id_institutions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_origins")),
        sa.UniqueConstraint("event_id", name=op.f("uq_event_origins_event_id")),
    )
    with op.batch_alter_table("event_origins", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_origins_institution_id"), ["institution_id"], unique=False
        )

    postgres = op.get_bind().dialect.name == "postgresql"
    for table in APPEND_ONLY:
        if postgres:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()"
            )
            continue
        message = f"{table} is append-only: corrections are new entries"
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in APPEND_ONLY:
        if postgres:
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
        else:
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER {table}_no_{action}")
    with op.batch_alter_table("event_origins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_origins_institution_id"))

    op.drop_table("event_origins")
    with op.batch_alter_table("exchange_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchange_files_sha256"))
        batch_op.drop_index(batch_op.f("ix_exchange_files_partner_institution_id"))

    op.drop_table("exchange_files")
