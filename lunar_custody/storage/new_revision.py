"""For developers: a new schema revision after changing the models.

    python -m lunar_custody.storage.new_revision revision "what" --rev-id 0002

autogenerates it against a scratch SQLite database at head (then review it: both dialects,
and batch table rebuilds on SQLite drop that table's triggers); ``heads`` prints the head.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from alembic import command

from .database import Database
from .migrate import alembic_config, head_revision, known_revisions


def make_revision(message: str, rev_id: str | None = None) -> Path:
    """Autogenerate a new revision from the models; the path of the file written.

    Runs against a scratch SQLite database upgraded to the current head. Review the result
    (both dialects, server defaults, the append-only triggers) before committing it.
    """
    with tempfile.TemporaryDirectory() as scratch:
        db = Database.open(str(Path(scratch) / "scratch.db"), migrate=bool(known_revisions()))
        try:
            with db.engine.begin() as connection:
                script = command.revision(
                    alembic_config(connection), message=message, autogenerate=True, rev_id=rev_id
                )
        finally:
            db.dispose()
    assert script is not None and not isinstance(script, list)
    return Path(script.path)


def main(argv: list[str] | None = None) -> None:
    """The developers' command line (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m lunar_custody.storage.new_revision")
    commands = parser.add_subparsers(dest="command", required=True)
    revision = commands.add_parser("revision", help="autogenerate a revision from the models")
    revision.add_argument("message")
    revision.add_argument("--rev-id", help="the revision id, e.g. 0002")
    commands.add_parser("heads", help="print the head revision")
    args = parser.parse_args(argv)
    if args.command == "revision":
        print(make_revision(args.message, args.rev_id))
    else:
        print(head_revision())


if __name__ == "__main__":
    main()
