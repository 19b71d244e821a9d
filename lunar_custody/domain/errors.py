"""Typed errors with messages a person understands.

Every expected failure (bad input, a rule that forbids an operation, a locked database)
is one of these. The GUI shows ``str(error)`` in a dialog; the CLI prints it to stderr and
exits non-zero. Anything else is a bug.
"""

from __future__ import annotations

from .wording import Said, Words

_domain_errors = Words("_domain_errors")


class CustodyError(Exception):
    """Base of every expected, user-facing error."""

    exit_code = 1


class ValidationError(CustodyError):
    """Input that is malformed or out of range (a bad number, a negative mass...)."""


class NotFoundError(CustodyError):
    """A record named by the user does not exist."""


class DuplicateError(CustodyError):
    """A record with that identifier already exists."""


class PermissionDenied(CustodyError):
    """The acting person's role or side may not do this."""


class AuthenticationError(CustodyError):
    """Wrong user name, password or PIN, or a locked / inactive account."""


class RuleViolation(CustodyError):
    """The operation contradicts the custody or loan rules (state, mass balance...)."""


class ConflictError(RuleViolation):
    """Someone else changed the record first (e.g. the package was already received)."""


class ImportRejected(CustodyError):
    """An import refused as a whole; ``problems`` lists (line, reason) per refused row.

    The message is ``headline`` and then ``row_lines`` (the first fifty problems and how
    many more), each indented; a window says each of those sentences in its own language."""

    # Rows listed in the message (``problems`` holds them all).
    LISTED = 50

    def __init__(self, problems: list[tuple[int, str]]) -> None:
        self.problems = problems
        count = f"{len(problems):,}"  # as wording.counted writes it
        self.headline: Said = (
            _domain_errors.said(
                "Import refused, nothing was stored: {count} row has problems.", count=count
            )
            if len(problems) == 1
            else _domain_errors.said(
                "Import refused, nothing was stored: {count} rows have problems.", count=count
            )
        )
        self.row_lines: list[Said] = [
            _domain_errors.said("line {line}: {reason}", line=line, reason=reason)
            for line, reason in problems[: self.LISTED]
        ]
        if len(problems) > self.LISTED:
            self.row_lines.append(
                _domain_errors.said("... and {count} more", count=len(problems) - self.LISTED)
            )
        super().__init__("".join([self.headline, *(f"\n  {row}" for row in self.row_lines)]))

    def __reduce__(self) -> tuple[type[ImportRejected], tuple[list[tuple[int, str]]]]:
        return (ImportRejected, (self.problems,))  # across processes with its problems


class Cancelled(CustodyError):
    """The person stopped long work (an import, an export, a verification) part-way."""


class DatabaseError(CustodyError):
    """The database cannot be used as asked (base of the storage errors)."""

    exit_code = 3


class DatabaseMissingError(DatabaseError):
    """The database file does not exist and was not to be created."""


class DatabaseLockedError(DatabaseError):
    """Another program holds a lock on the database for too long."""


class DatabaseReadOnlyError(DatabaseError):
    """The database file or directory cannot be written."""


class NotADatabaseError(DatabaseError):
    """The file given is not a Lunar Custody database (or is corrupt)."""


class NewerSchemaError(DatabaseError):
    """The database was written by a newer version of Lunar Custody."""
