"""The administrator's dialogs: an institution, a person, a new password. Each reads its
fields in ``prepare`` and runs one registry call through the operation runner; a refusal is
shown beside the fields."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ...domain import queries, registry
from ...domain.errors import ValidationError
from ...domain.identity import MIN_PASSWORD_LENGTH, check_pin
from ...domain.permissions import ROLE_LABELS, ROLES, parse_roles
from ...domain.queries import InstitutionDetail, PersonDetail
from ...domain.registry import (
    INSTITUTION_KINDS,
    clean_address,
    clean_country,
    clean_full_name,
    clean_institution_code,
    clean_institution_name,
    clean_local_name,
    clean_username,
)
from ...domain.store import ProgressCallback
from ..context import AppContext
from ..dialogs import FormDialog
from ..operations import Work
from ..translation import Translator
from ..vocabulary import word
from ..widgets import PASSWORDS_DIFFER, FieldChecks, problem_of, text_problem, watch_passwords

_people_dialogs = Translator("_people_dialogs")

ROLE_COLUMNS = 3  # role checkboxes per row: five in one row do not fit a 480 px dialog


def _line(name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _password(name: str) -> QLineEdit:
    edit = _line(
        name,
        placeholder=_people_dialogs.tr("at least %n characters", "", MIN_PASSWORD_LENGTH),
    )
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class InstitutionDialog(FormDialog):
    """A new institution, or the editable fields of one (its code and kind are fixed)."""

    def __init__(
        self, ctx: AppContext, existing: InstitutionDetail | None, parent: QWidget | None = None
    ) -> None:
        title = (
            _people_dialogs.tr("Edit institution {code}").format(code=existing.code)
            if existing
            else _people_dialogs.tr("New institution")
        )
        super().__init__(parent, title, "institutionDialog", ops=ctx.ops)
        self.ctx = ctx
        self.existing = existing
        self.code: str | None = None
        self.code_edit = _line(
            "codeEdit", existing.code if existing else "", _people_dialogs.tr("e.g. NAOC")
        )
        self.name_edit = _line("nameEdit", existing.name if existing else "")
        self.local_edit = _line(
            "localNameEdit",
            (existing.local_name or "") if existing else "",
            _people_dialogs.tr("in the institution's own script, e.g. 中国科学院国家天文台"),
        )
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindCombo")
        for kind in INSTITUTION_KINDS:
            self.kind_combo.addItem(word("kind", kind), kind)
        self.country_edit = _line("countryEdit", existing.country if existing else "")
        self.address_edit = QPlainTextEdit(existing.address if existing else "")
        self.address_edit.setObjectName("addressEdit")
        self.address_edit.setMaximumHeight(80)
        if existing:
            self.code_edit.setReadOnly(True)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(existing.kind))
            self.kind_combo.setEnabled(False)
            self.kind_combo.setToolTip(
                _people_dialogs.tr("The kind of an institution is fixed once created.")
            )
        self.form.addRow(_people_dialogs.tr("&Code:"), self.code_edit)
        self.form.addRow(_people_dialogs.tr("&Name:"), self.name_edit)
        self.form.addRow(_people_dialogs.tr("&Local-script name:"), self.local_edit)
        self.form.addRow(_people_dialogs.tr("&Kind:"), self.kind_combo)
        self.form.addRow(_people_dialogs.tr("C&ountry:"), self.country_edit)
        self.form.addRow(_people_dialogs.tr("&Address:"), self.address_edit)
        self.checks = FieldChecks(self.ok_button)
        if existing is None:
            self.checks.watch(self.code_edit, self._code_problem, self.form)
        self.checks.watch(self.name_edit, self._name_problem, self.form)
        fields: list[tuple[QLineEdit | QPlainTextEdit, Callable[[str], str]]] = [
            (self.local_edit, clean_local_name),
            (self.country_edit, clean_country),
            (self.address_edit, clean_address),
        ]
        for field, check in fields:
            self.checks.watch(field, text_problem(field, check), self.form)

    # the registry's own checks of the fields (registry.create_institution)
    def _code_problem(self) -> str | None:
        code = self.code_edit.text()
        return problem_of(lambda: clean_institution_code(code))

    def _name_problem(self) -> str | None:
        name = self.name_edit.text()
        return problem_of(lambda: clean_institution_name(name))

    def prepare(self) -> Work[str]:
        db, actor = self.ctx.db, self.ctx.actor
        values = {
            "name": self.name_edit.text(),
            "local_name": self.local_edit.text(),
            "country": self.country_edit.text(),
            "address": self.address_edit.toPlainText(),
        }
        if self.existing is None:
            code, kind = self.code_edit.text(), str(self.kind_combo.currentData())
            return lambda _progress: (
                registry.create_institution(db, actor, code=code, kind=kind, **values).code
            )
        old = self.existing
        before = {
            "name": old.name,
            "local_name": old.local_name or "",
            "country": old.country,
            "address": old.address,
        }
        changes = {k: v for k, v in values.items() if v.strip() != before[k]}

        def save(_progress: ProgressCallback) -> str:
            if changes:
                registry.update_institution(db, actor, old.code, **changes)
            return old.code

        return save

    def succeeded(self, result: str) -> None:
        self.code = result


class PersonDialog(FormDialog):
    """A new account, or the editable fields of one (user name and institution are fixed;
    a password is reset separately)."""

    def __init__(
        self,
        ctx: AppContext,
        existing: PersonDetail | None,
        parent: QWidget | None = None,
        *,
        institution: str | None = None,
    ) -> None:
        title = (
            _people_dialogs.tr("Edit {name}").format(name=existing.full_name)
            if existing
            else _people_dialogs.tr("New person")
        )
        super().__init__(parent, title, "personDialog", ops=ctx.ops)
        self.ctx = ctx
        self.existing = existing
        self.username: str | None = None
        self.username_edit = _line("usernameEdit", existing.username if existing else "")
        self.full_name_edit = _line("fullNameEdit", existing.full_name if existing else "")
        self.local_edit = _line(
            "localNameEdit",
            (existing.local_name or "") if existing else "",
            _people_dialogs.tr("in the person's own script (optional)"),
        )
        self.email_edit = _line("emailEdit", existing.email if existing else "")
        self.institution_combo = QComboBox()
        self.institution_combo.setObjectName("institutionCombo")
        for code, name in queries.institution_choices(ctx.db):
            self.institution_combo.addItem(f"{code} — {name}", code)
        wanted = existing.institution_code if existing else institution
        if existing and self.institution_combo.findData(wanted) < 0:  # a deactivated one
            self.institution_combo.addItem(
                f"{existing.institution_code} — {existing.institution}", wanted
            )
        if wanted:
            self.institution_combo.setCurrentIndex(max(0, self.institution_combo.findData(wanted)))
        roles_box = QWidget()
        roles_box.setObjectName("rolesBox")
        roles_grid = QGridLayout(roles_box)
        roles_grid.setContentsMargins(0, 0, 0, 0)
        self.role_boxes: dict[str, QCheckBox] = {}
        for position, role in enumerate(ROLES):
            box = QCheckBox(word("role", ROLE_LABELS[role]))
            box.setObjectName(f"role_{role}")
            box.setChecked(bool(existing and role in existing.roles))
            box.toggled.connect(lambda _on: self._pin_state())
            # whole labels: the dialog grows rather than cutting "administrator"
            box.setMinimumWidth(box.sizeHint().width())
            self.role_boxes[role] = box
            roles_grid.addWidget(box, *divmod(position, ROLE_COLUMNS))
        roles_grid.setColumnStretch(ROLE_COLUMNS, 1)
        self.password_edit = _password("passwordEdit")
        self.repeat_edit = _password("repeatEdit")
        self.pin_edit = _line(
            "pinEdit",
            placeholder=_people_dialogs.tr("4 to 8 digits")
            if not existing
            else _people_dialogs.tr("4 to 8 digits; blank keeps the PIN"),
        )
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(_people_dialogs.tr("&User name:"), self.username_edit)
        self.form.addRow(_people_dialogs.tr("&Full name:"), self.full_name_edit)
        self.form.addRow(_people_dialogs.tr("&Local-script name:"), self.local_edit)
        self.form.addRow(_people_dialogs.tr("&E-mail:"), self.email_edit)
        self.form.addRow(_people_dialogs.tr("&Institution:"), self.institution_combo)
        self.form.addRow(_people_dialogs.tr("Roles:"), roles_box)
        if existing:
            self.username_edit.setReadOnly(True)
            self.institution_combo.setEnabled(False)
            self.institution_combo.setToolTip(
                _people_dialogs.tr(
                    "A person stays at their institution; for a move, create a new account."
                )
            )
        else:
            self.form.addRow(_people_dialogs.tr("&Password:"), self.password_edit)
            self.form.addRow(_people_dialogs.tr("&Repeat password:"), self.repeat_edit)
        self.form.addRow(_people_dialogs.tr("Courier &PIN:"), self.pin_edit)
        self._pin_state()
        self.checks = FieldChecks(self.ok_button)
        if existing is None:
            self.checks.watch(self.username_edit, self._username_problem, self.form)
        self.checks.watch(self.full_name_edit, self._full_name_problem, self.form)
        self.checks.watch(
            self.local_edit, text_problem(self.local_edit, clean_local_name), self.form
        )
        roles_message = self.checks.watch(roles_box, self._roles_problem, self.form)
        for box in self.role_boxes.values():
            box.toggled.connect(lambda _on: self.checks.touch(roles_message))
        if existing is None:
            watch_passwords(self.checks, self.form, self.password_edit, self.repeat_edit)
        self.checks.watch(self.pin_edit, self._pin_problem, self.form)

    # the registry's own checks of the fields (registry.create_person, update_person)
    def _username_problem(self) -> str | None:
        name = self.username_edit.text()
        return problem_of(lambda: clean_username(name))

    def _full_name_problem(self) -> str | None:
        name = self.full_name_edit.text()
        return problem_of(lambda: clean_full_name(name))

    def _pin_problem(self) -> str | None:
        pin = self.pin_edit.text().strip()  # empty: none (or, editing, the PIN kept)
        if not pin or not self.role_boxes["courier"].isChecked():
            return None
        return problem_of(lambda: check_pin(pin))

    def _roles_problem(self) -> str | None:
        roles = self.roles()
        return problem_of(lambda: parse_roles(roles))

    def roles(self) -> list[str]:
        return [role for role, box in self.role_boxes.items() if box.isChecked()]

    def _pin_state(self) -> None:
        courier = self.role_boxes["courier"].isChecked()
        self.pin_edit.setEnabled(courier)
        self.pin_edit.setToolTip(
            ""
            if courier
            else _people_dialogs.tr(
                "Couriers sign hand-overs with a PIN; tick the courier role first."
            )
        )

    def prepare(self) -> Work[str]:
        db, actor = self.ctx.db, self.ctx.actor
        pin = self.pin_edit.text().strip() if self.role_boxes["courier"].isChecked() else ""
        if self.existing is None:
            if self.password_edit.text() != self.repeat_edit.text():
                raise ValidationError(PASSWORDS_DIFFER)
            username, full_name = self.username_edit.text(), self.full_name_edit.text()
            institution = str(self.institution_combo.currentData() or "")
            roles, password = self.roles(), self.password_edit.text()
            email, local_name = self.email_edit.text(), self.local_edit.text()
            return lambda _progress: (
                registry.create_person(
                    db,
                    actor,
                    username=username,
                    full_name=full_name,
                    institution_code=institution,
                    roles=roles,
                    password=password,
                    pin=pin or None,
                    email=email,
                    local_name=local_name,
                ).username
            )
        old = self.existing
        changes: dict[str, object] = {}
        if self.full_name_edit.text().strip() != old.full_name:
            changes["full_name"] = self.full_name_edit.text()
        if self.local_edit.text().strip() != (old.local_name or ""):
            changes["local_name"] = self.local_edit.text()
        if self.email_edit.text().strip() != old.email:
            changes["email"] = self.email_edit.text()
        if set(self.roles()) != set(old.roles):
            changes["roles"] = self.roles()
        if pin:
            changes["pin"] = pin

        def save(_progress: ProgressCallback) -> str:
            if changes:
                registry.update_person(db, actor, old.username, **changes)
            return old.username

        return save

    def succeeded(self, result: str) -> None:
        self.username = result


class PasswordDialog(FormDialog):
    """A new password for someone who forgot theirs (typed twice)."""

    def __init__(
        self, ctx: AppContext, person: PersonDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            parent,
            _people_dialogs.tr("Reset the password of {name}").format(name=person.full_name),
            "passwordDialog",
            ops=ctx.ops,
        )
        self.ctx = ctx
        self.person = person
        self.password_edit = _password("passwordEdit")
        self.repeat_edit = _password("repeatEdit")
        note = QLabel(
            _people_dialogs.tr(
                "The person signs in and signs with this password from now on; a locked "
                "account is unlocked. Tell them in person, not by e-mail."
            )
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow(_people_dialogs.tr("&New password:"), self.password_edit)
        self.form.addRow(_people_dialogs.tr("&Repeat:"), self.repeat_edit)
        self.checks = FieldChecks(self.ok_button)
        watch_passwords(self.checks, self.form, self.password_edit, self.repeat_edit)

    def prepare(self) -> Work[None]:
        if self.password_edit.text() != self.repeat_edit.text():
            raise ValidationError(PASSWORDS_DIFFER)
        db, actor, username = self.ctx.db, self.ctx.actor, self.person.username
        password = self.password_edit.text()

        def save(_progress: ProgressCallback) -> None:
            registry.update_person(db, actor, username, password=password)

        return save
