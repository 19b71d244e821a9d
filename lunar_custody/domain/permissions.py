"""Which roles may do what. Enforced by the services; the GUI only mirrors it."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import PermissionDenied, ValidationError
from .states import Role
from .wording import Words

_domain_permissions = Words("_domain_permissions")

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
    # a loan's clearance checklist: the lender's or the borrower's side attests, the
    # lender's curator alone waives (rules.clearance_side)
    "attest_clearance": frozenset({Role.CURATOR, Role.LAB_MANAGER}),
    "waive_clearance": frozenset({Role.CURATOR}),
    # exchange files with partner installations: whoever records custody there
    "exchange": frozenset({Role.CURATOR, Role.LAB_MANAGER, Role.COURIER}),
    # the languages a partner's documents print in: the curator who prints them, or an admin
    "choose_document_languages": frozenset({Role.ADMIN, Role.CURATOR}),
    # an annual inventory of what a borrower holds: its curator or lab manager
    "take_inventory": frozenset({Role.CURATOR, Role.LAB_MANAGER}),
    "change_settings": frozenset({Role.ADMIN}),
}

# what each operation is, as "Only a curator may ..." ends; marked, so the window says
# the whole sentence in its language
OPERATION_LABELS: dict[str, str] = {
    "manage_institutions": _domain_permissions.said("manage institutions"),
    "manage_people": _domain_permissions.said("manage people"),
    "register_sample": _domain_permissions.said("register samples"),
    "import": _domain_permissions.said("import samples"),
    "split": _domain_permissions.said("split aliquots"),
    "consume": _domain_permissions.said("record consumption"),
    "report_lost": _domain_permissions.said("report an aliquot lost"),
    "correct": _domain_permissions.said("record corrections"),
    "draft_loan": _domain_permissions.said("prepare loans"),
    "approve_loan": _domain_permissions.said("approve loans"),
    "countersign_loan": _domain_permissions.said("countersign loans"),
    "extend_loan": _domain_permissions.said("extend loans"),
    "close_loan": _domain_permissions.said("close loans"),
    "prepare_transfer": _domain_permissions.said("prepare packages"),
    "release": _domain_permissions.said("release packages"),
    "accept_as_courier": _domain_permissions.said("carry packages as a courier"),
    "receive": _domain_permissions.said("confirm receipts"),
    "resolve_discrepancy": _domain_permissions.said("resolve discrepancies"),
    "attest_clearance": _domain_permissions.said("attest clearance items"),
    "waive_clearance": _domain_permissions.said("waive clearance items"),
    "exchange": _domain_permissions.said("exchange files with partner installations"),
    "choose_document_languages": _domain_permissions.said(
        "choose the languages of a partner's documents"
    ),
    "take_inventory": _domain_permissions.said("take inventories"),
    "change_settings": _domain_permissions.said("change the installation's settings"),
}


# who may do an operation, as "Only ... may" says it: marked, one for each group of roles
# in OPERATIONS (tests/gui/test_domain_words_rules.py checks that each has its own)
_WHO: dict[str, str] = {
    phrase: phrase
    for phrase in (
        _domain_permissions.said("an administrator"),
        _domain_permissions.said("a curator"),
        _domain_permissions.said("a courier"),
        _domain_permissions.said("a curator or lab manager"),
        _domain_permissions.said("a curator or lab manager or courier"),
        _domain_permissions.said("an administrator or curator"),
    )
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
        given, known = ", ".join(unknown), ", ".join(ROLES)
        if len(unknown) == 1:
            raise ValidationError(
                _domain_permissions.said(
                    "Unknown role {roles}; roles are {known}.", roles=given, known=known
                )
            )
        raise ValidationError(
            _domain_permissions.said(
                "Unknown roles {roles}; roles are {known}.", roles=given, known=known
            )
        )
    if not items:
        raise ValidationError(_domain_permissions.said("A person needs at least one role."))
    return ",".join(r for r in ROLES if r in items)


def why_not(roles: frozenset[str], operation: str) -> str | None:
    """None when allowed, else the sentence a disabled button's tooltip shows."""
    allowed = OPERATIONS[operation]
    if allowed & roles:
        return None
    names = " or ".join(ROLE_LABELS[r] for r in ROLES if r in allowed)
    article = "an" if names[0] in "aeiou" else "a"
    who = f"{article} {names}"
    return _domain_permissions.said(
        "Only {who} may {doing}.",
        who=_WHO.get(who) or who,
        doing=OPERATION_LABELS[operation],
    )


def require(roles: frozenset[str], operation: str) -> None:
    reason = why_not(roles, operation)
    if reason:
        raise PermissionDenied(reason)
