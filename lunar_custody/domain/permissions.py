"""Which roles may do what. Enforced by the services; the GUI only mirrors it."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import PermissionDenied, ValidationError
from .states import Role

ROLES = tuple(role.value for role in Role)

ROLE_LABELS: dict[str, str] = {
    Role.ADMIN: "administrator",
    Role.CURATOR: "curator",
    Role.LAB_MANAGER: "lab manager",
    Role.COURIER: "courier",
    Role.VIEWER: "viewer",
}

# Administration is kept apart from custody work: an admin manages accounts, not samples.
OPERATIONS: dict[str, frozenset[Role]] = {
    "manage_institutions": frozenset({Role.ADMIN}),
    "manage_people": frozenset({Role.ADMIN}),
    "register_sample": frozenset({Role.CURATOR}),
    "import": frozenset({Role.CURATOR}),
    "split": frozenset({Role.CURATOR, Role.LAB_MANAGER}),
    "consume": frozenset({Role.CURATOR, Role.LAB_MANAGER}),
    "report_lost": frozenset({Role.CURATOR, Role.LAB_MANAGER, Role.COURIER}),
    "correct": frozenset({Role.CURATOR}),
    "draft_loan": frozenset({Role.CURATOR}),
    "approve_loan": frozenset({Role.CURATOR}),
    "countersign_loan": frozenset({Role.CURATOR, Role.LAB_MANAGER}),
    "extend_loan": frozenset({Role.CURATOR}),
    "close_loan": frozenset({Role.CURATOR}),
    "prepare_transfer": frozenset({Role.CURATOR, Role.LAB_MANAGER}),
    "release": frozenset({Role.CURATOR, Role.LAB_MANAGER}),
    "accept_as_courier": frozenset({Role.COURIER}),
    "receive": frozenset({Role.CURATOR, Role.LAB_MANAGER}),
    "resolve_discrepancy": frozenset({Role.CURATOR}),
    # exchange files with partner installations: whoever records custody there
    "exchange": frozenset({Role.CURATOR, Role.LAB_MANAGER, Role.COURIER}),
    # the languages a partner's documents print in: the curator who prints them, or an admin
    "choose_document_languages": frozenset({Role.ADMIN, Role.CURATOR}),
}

OPERATION_LABELS = {
    "manage_institutions": "manage institutions",
    "manage_people": "manage people",
    "register_sample": "register samples",
    "import": "import samples",
    "split": "split aliquots",
    "consume": "record consumption",
    "report_lost": "report an aliquot lost",
    "correct": "record corrections",
    "draft_loan": "prepare loans",
    "approve_loan": "approve loans",
    "countersign_loan": "countersign loans",
    "extend_loan": "extend loans",
    "close_loan": "close loans",
    "prepare_transfer": "prepare packages",
    "release": "release packages",
    "accept_as_courier": "carry packages as a courier",
    "receive": "confirm receipts",
    "resolve_discrepancy": "resolve discrepancies",
    "exchange": "exchange files with partner installations",
    "choose_document_languages": "choose the languages of a partner's documents",
}


@dataclass(frozen=True)
class Actor:
    """The signed-in person, as the services see them."""

    person_id: int
    username: str
    full_name: str
    institution_id: int
    institution_code: str
    roles: frozenset[str]

    def may(self, operation: str) -> bool:
        return bool(OPERATIONS[operation] & self.roles)


def parse_roles(text: str | list[str] | tuple[str, ...] | frozenset[str]) -> str:
    """Validate roles and return the stored comma-separated form."""
    items = [r.strip() for r in text.split(",")] if isinstance(text, str) else list(text)
    items = [r for r in items if r]
    unknown = [r for r in items if r not in ROLES]
    if unknown:
        raise ValidationError(
            f"Unknown {'role' if len(unknown) == 1 else 'roles'} {', '.join(unknown)}; "
            f"roles are {', '.join(ROLES)}."
        )
    if not items:
        raise ValidationError("A person needs at least one role.")
    return ",".join(r for r in ROLES if r in items)


def why_not(roles: frozenset[str], operation: str) -> str | None:
    """None when allowed, else the sentence a disabled button's tooltip shows."""
    allowed = OPERATIONS[operation]
    if allowed & roles:
        return None
    names = " or ".join(ROLE_LABELS[r] for r in ROLES if r in allowed)
    article = "an" if names[0] in "aeiou" else "a"
    return f"Only {article} {names} may {OPERATION_LABELS[operation]}."


def require(roles: frozenset[str], operation: str) -> None:
    reason = why_not(roles, operation)
    if reason:
        raise PermissionDenied(reason)
