"""document languages

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 08:40:00.000000

Written once and never edited after a release: a database upgraded by it stays upgraded.
Do not import the models here; spell out every table, column and type.

The languages each institution's documents print in (domain/document_languages.py). Every
existing institution prints in English, as before. A plain ADD COLUMN on both dialects: no
table rebuild, so the triggers of other tables are untouched; the audit trail's rows
written before it do not name the column and verify compares only what they name.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "institutions",
        sa.Column("document_languages", sa.String(length=16), nullable=False, server_default="en"),
    )


def downgrade() -> None:
    with op.batch_alter_table("institutions", schema=None) as batch_op:
        batch_op.drop_column("document_languages")
