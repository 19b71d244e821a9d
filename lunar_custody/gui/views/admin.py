"""Institutions and people: the administrator's page. Everyone may read the lists; only an
administrator may change them (the services refuse anyone else; here the buttons say why)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain import queries, registry
from ...domain.errors import NotFoundError, ValidationError
from ...domain.identity import MIN_PASSWORD_LENGTH
from ...domain.listings import INSTITUTIONS, PEOPLE
from ...domain.permissions import ROLE_LABELS, ROLES
from ...domain.queries import InstitutionDetail, PersonDetail
from ...domain.registry import INSTITUTION_KINDS
from ..context import AppContext
from ..dialogs import FormDialog, action_button, set_allowed
from ..errors import confirm, show_error
from ..widgets import ListPane
from .base import View


def _line(name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _password(name: str) -> QLineEdit:
    edit = _line(name, placeholder=f"at least {MIN_PASSWORD_LENGTH} characters")
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class InstitutionDialog(FormDialog):
    """A new institution, or the editable fields of one (its code and kind are fixed)."""

    def __init__(
        self, ctx: AppContext, existing: InstitutionDetail | None, parent: QWidget | None = None
    ) -> None:
        title = f"Edit institution {existing.code}" if existing else "New institution"
        super().__init__(parent, title, "institutionDialog")
        self.ctx = ctx
        self.existing = existing
        self.code: str | None = None
        self.code_edit = _line("codeEdit", existing.code if existing else "", "e.g. NAOC")
        self.name_edit = _line("nameEdit", existing.name if existing else "")
        self.local_edit = _line(
            "localNameEdit",
            (existing.local_name or "") if existing else "",
            "in the institution's own script, e.g. 中国科学院国家天文台",
        )
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindCombo")
        for kind in INSTITUTION_KINDS:
            self.kind_combo.addItem(kind, kind)
        self.country_edit = _line("countryEdit", existing.country if existing else "")
        self.address_edit = QPlainTextEdit(existing.address if existing else "")
        self.address_edit.setObjectName("addressEdit")
        self.address_edit.setMaximumHeight(80)
        if existing:
            self.code_edit.setReadOnly(True)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(existing.kind))
            self.kind_combo.setEnabled(False)
            self.kind_combo.setToolTip("The kind of an institution is fixed once created.")
        self.form.addRow("&Code:", self.code_edit)
        self.form.addRow("&Name:", self.name_edit)
        self.form.addRow("&Local-script name:", self.local_edit)
        self.form.addRow("&Kind:", self.kind_combo)
        self.form.addRow("C&ountry:", self.country_edit)
        self.form.addRow("&Address:", self.address_edit)

    def submit(self) -> None:
        values = {
            "name": self.name_edit.text(),
            "local_name": self.local_edit.text(),
            "country": self.country_edit.text(),
            "address": self.address_edit.toPlainText(),
        }
        if self.existing is None:
            row = registry.create_institution(
                self.ctx.db,
                self.ctx.actor,
                code=self.code_edit.text(),
                kind=str(self.kind_combo.currentData()),
                **values,
            )
            self.code = row.code
            return
        old = self.existing
        before = {
            "name": old.name,
            "local_name": old.local_name or "",
            "country": old.country,
            "address": old.address,
        }
        changes = {k: v for k, v in values.items() if v.strip() != before[k]}
        if changes:
            registry.update_institution(self.ctx.db, self.ctx.actor, old.code, **changes)
        self.code = old.code


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
        title = f"Edit {existing.full_name}" if existing else "New person"
        super().__init__(parent, title, "personDialog")
        self.ctx = ctx
        self.existing = existing
        self.username: str | None = None
        self.username_edit = _line("usernameEdit", existing.username if existing else "")
        self.full_name_edit = _line("fullNameEdit", existing.full_name if existing else "")
        self.local_edit = _line(
            "localNameEdit",
            (existing.local_name or "") if existing else "",
            "in the person's own script (optional)",
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
        roles_row = QHBoxLayout(roles_box)
        roles_row.setContentsMargins(0, 0, 0, 0)
        self.role_boxes: dict[str, QCheckBox] = {}
        for role in ROLES:
            box = QCheckBox(ROLE_LABELS[role])
            box.setObjectName(f"role_{role}")
            box.setChecked(bool(existing and role in existing.roles))
            box.toggled.connect(lambda _on: self._pin_state())
            self.role_boxes[role] = box
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        self.password_edit = _password("passwordEdit")
        self.repeat_edit = _password("repeatEdit")
        self.pin_edit = _line(
            "pinEdit",
            placeholder="4 to 8 digits" if not existing else "4 to 8 digits; blank keeps the PIN",
        )
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow("&User name:", self.username_edit)
        self.form.addRow("&Full name:", self.full_name_edit)
        self.form.addRow("&Local-script name:", self.local_edit)
        self.form.addRow("&E-mail:", self.email_edit)
        self.form.addRow("&Institution:", self.institution_combo)
        self.form.addRow("Roles:", roles_box)
        if existing:
            self.username_edit.setReadOnly(True)
            self.institution_combo.setEnabled(False)
            self.institution_combo.setToolTip(
                "A person stays at their institution; for a move, create a new account."
            )
        else:
            self.form.addRow("&Password:", self.password_edit)
            self.form.addRow("&Repeat password:", self.repeat_edit)
        self.form.addRow("Courier &PIN:", self.pin_edit)
        self._pin_state()

    def roles(self) -> list[str]:
        return [role for role, box in self.role_boxes.items() if box.isChecked()]

    def _pin_state(self) -> None:
        courier = self.role_boxes["courier"].isChecked()
        self.pin_edit.setEnabled(courier)
        self.pin_edit.setToolTip(
            "" if courier else "Couriers sign hand-overs with a PIN; tick the courier role first."
        )

    def submit(self) -> None:
        pin = self.pin_edit.text().strip() if self.role_boxes["courier"].isChecked() else ""
        if self.existing is None:
            if self.password_edit.text() != self.repeat_edit.text():
                raise ValidationError("The two passwords differ; type them again.")
            row = registry.create_person(
                self.ctx.db,
                self.ctx.actor,
                username=self.username_edit.text(),
                full_name=self.full_name_edit.text(),
                institution_code=str(self.institution_combo.currentData() or ""),
                roles=self.roles(),
                password=self.password_edit.text(),
                pin=pin or None,
                email=self.email_edit.text(),
                local_name=self.local_edit.text(),
            )
            self.username = row.username
            return
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
        if changes:
            registry.update_person(self.ctx.db, self.ctx.actor, old.username, **changes)
        self.username = old.username


class PasswordDialog(FormDialog):
    """A new password for someone who forgot theirs (typed twice)."""

    def __init__(
        self, ctx: AppContext, person: PersonDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, f"Reset the password of {person.full_name}", "passwordDialog")
        self.ctx = ctx
        self.person = person
        self.password_edit = _password("passwordEdit")
        self.repeat_edit = _password("repeatEdit")
        note = QLabel(
            "The person signs in and signs with this password from now on; a locked account "
            "is unlocked. Tell them in person, not by e-mail."
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow("&New password:", self.password_edit)
        self.form.addRow("&Repeat:", self.repeat_edit)

    def submit(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            raise ValidationError("The two passwords differ; type them again.")
        registry.update_person(
            self.ctx.db, self.ctx.actor, self.person.username, password=self.password_edit.text()
        )


class AdminView(View):
    """Institutions above, people below; each with its actions in a bar.

    For anyone but an administrator every action is disabled, its tooltip saying why.
    """

    title = "Institutions and people"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("adminView")
        self.institution: InstitutionDetail | None = None
        self.person: PersonDetail | None = None

        def make(text: str, slot: object) -> QAction:
            action = QAction(text, self)
            action.triggered.connect(slot)
            return action

        self.new_institution_action = make("New &institution…", self.new_institution)
        self.edit_institution_action = make("&Edit institution…", self.edit_institution)
        self.toggle_institution_action = make("&Deactivate institution", self.toggle_institution)
        self.new_person_action = make("New &person…", self.new_person)
        self.edit_person_action = make("Edit p&erson…", self.edit_person)
        self.toggle_person_action = make("De&activate person", self.toggle_person)
        self.password_action = make("Reset pass&word…", self.reset_password)
        self.unlock_action = make("&Unlock account", self.unlock)

        kinds = [("All kinds", None)] + [(k.capitalize(), k) for k in INSTITUTION_KINDS]
        self.institutions = ListPane(
            ctx.db,
            INSTITUTIONS,
            search_hint="Search code, name, local name, country",
            filters={"kind": kinds},
            noun="institutions",
        )
        self.institutions.currentChanged.connect(self._show_institution)
        self.people = ListPane(
            ctx.db,
            PEOPLE,
            search_hint="Search user name, name, institution",
            filters={
                "institution": [("All institutions", None)],
                "active": [
                    ("Active and deactivated", None),
                    ("Active", True),
                    ("Deactivated", False),
                ],
            },
            noun="people",
        )
        self.people.currentChanged.connect(self._show_person)
        self.person_label = QLabel()
        self.person_label.setObjectName("personDetail")
        self.person_label.setWordWrap(True)
        self.person_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = self._box(
            "Institutions",
            self.institutions,
            [
                (self.new_institution_action, "newInstitutionButton"),
                (self.edit_institution_action, "editInstitutionButton"),
                (self.toggle_institution_action, "toggleInstitutionButton"),
            ],
        )
        bottom = self._box(
            "People",
            self.people,
            [
                (self.new_person_action, "newPersonButton"),
                (self.edit_person_action, "editPersonButton"),
                (self.toggle_person_action, "togglePersonButton"),
                (self.password_action, "resetPasswordButton"),
                (self.unlock_action, "unlockButton"),
            ],
            self.person_label,
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self._fill_institution_filter()
        self._update_actions()

    def _box(
        self,
        title: str,
        pane: ListPane,
        actions: list[tuple[QAction, str]],
        below: QWidget | None = None,
    ) -> QGroupBox:
        box = QGroupBox(title)
        bar = QHBoxLayout()
        for action, name in actions:
            bar.addWidget(action_button(action, name))
        bar.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(bar)
        layout.addWidget(pane, 1)
        if below is not None:
            layout.addWidget(below)
        return box

    def _fill_institution_filter(self) -> None:
        """The people list's institution choices, read again (new ones appear)."""
        box = self.people.filter_boxes["institution"]
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem("All institutions", None)
        for code, _name in queries.institution_choices(self.ctx.db):
            box.addItem(code, code)
        box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
        box.blockSignals(False)

    # ------------------------------------------------------------------ View

    def refresh(self) -> None:
        self._fill_institution_filter()
        self.institutions.refresh()
        self.people.refresh()
        self._show_institution(self.institutions.current_row())
        self._show_person(self.people.current_row())

    def focus_search(self) -> None:
        self.people.search_field.setFocus()
        self.people.search_field.selectAll()

    def menu_actions(self) -> list[QAction]:
        return [
            self.new_institution_action,
            self.edit_institution_action,
            self.toggle_institution_action,
            self.new_person_action,
            self.edit_person_action,
            self.toggle_person_action,
            self.password_action,
            self.unlock_action,
        ]

    def select_institution(self, code: str) -> bool:
        return self.institutions.select_value("code", code)

    def select_person(self, username: str) -> bool:
        return self.people.select_value("username", username)

    # ------------------------------------------------------------------ selection

    def _show_institution(self, row: int) -> None:
        code = self.institutions.model.value(row, "code") if row >= 0 else None
        self.institution = None
        if code is not None:
            try:
                self.institution = queries.institution_detail(self.ctx.db, code)
            except NotFoundError:
                self.institution = None
        self._update_actions()

    def _show_person(self, row: int) -> None:
        username = self.people.model.value(row, "username") if row >= 0 else None
        self.person = None
        if username is not None:
            try:
                self.person = queries.person_detail(self.ctx.db, username)
            except NotFoundError:
                self.person = None
        p = self.person
        if p is None:
            self.person_label.setText("")
        else:
            local = f" ({p.local_name})" if p.local_name else ""
            roles = ", ".join(ROLE_LABELS[r] for r in ROLES if r in p.roles)
            state = "active" if p.active else "deactivated"
            if p.locked():
                state += ", locked after repeated wrong entries"
            pin = "; has a courier PIN" if p.has_pin else ""
            self.person_label.setText(
                f"<b>{p.full_name}</b>{local} — {p.username}, {p.institution}. "
                f"{roles.capitalize()}; {state}{pin}."
            )
        self._update_actions()

    def _update_actions(self) -> None:
        ctx = self.ctx
        institutions = ctx.why_not("manage_institutions")
        people = ctx.why_not("manage_people")
        inst, person = self.institution, self.person

        def needs_institution() -> str | None:
            return institutions or (None if inst else "Select an institution first.")

        def needs_person() -> str | None:
            return people or (None if person else "Select a person first.")

        set_allowed(self.new_institution_action, institutions, "Add a lender, borrower or courier")
        set_allowed(
            self.edit_institution_action, needs_institution(), "Change the selected institution"
        )
        active = inst is None or inst.active
        self.toggle_institution_action.setText(
            "&Deactivate institution" if active else "&Reactivate institution"
        )
        set_allowed(
            self.toggle_institution_action,
            needs_institution(),
            "No new loans or people for it; its records stay"
            if active
            else "Make the institution available again",
        )
        set_allowed(self.new_person_action, people, "Create an account")
        set_allowed(self.edit_person_action, needs_person(), "Change name, e-mail, roles or PIN")
        toggle = needs_person()
        if toggle is None and person is not None and person.username == ctx.actor.username:
            toggle = "You cannot deactivate your own account."
        active_person = person is None or person.active
        self.toggle_person_action.setText(
            "De&activate person" if active_person else "Re&activate person"
        )
        set_allowed(
            self.toggle_person_action,
            toggle,
            "They can no longer sign in or sign; their records stay"
            if active_person
            else "Let them sign in again",
        )
        set_allowed(self.password_action, needs_person(), "Set a new password (typed twice)")
        unlock = needs_person()
        if unlock is None and person is not None and not person.locked():
            unlock = f"The account of {person.full_name} is not locked."
        set_allowed(self.unlock_action, unlock, "Let them try again at once")

    # ------------------------------------------------------------------ actions

    def _done(self) -> None:
        self.refresh()
        self.ctx.changed.emit()

    def institution_dialog(self, existing: InstitutionDetail | None) -> InstitutionDialog:
        return InstitutionDialog(self.ctx, existing, self)

    def person_dialog(self, existing: PersonDetail | None) -> PersonDialog:
        institution = self.institution.code if self.institution else None
        return PersonDialog(self.ctx, existing, self, institution=institution)

    def _run_institution(self, existing: InstitutionDetail | None) -> None:
        dialog = self.institution_dialog(existing)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.code is None:
                return
            code = dialog.code
        finally:
            dialog.deleteLater()
        self._done()
        self.select_institution(code)

    def _run_person(self, existing: PersonDetail | None) -> None:
        dialog = self.person_dialog(existing)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.username is None:
                return
            username = dialog.username
        finally:
            dialog.deleteLater()
        self._done()
        self.select_person(username)

    def new_institution(self) -> None:
        if self.new_institution_action.isEnabled():
            self._run_institution(None)

    def edit_institution(self) -> None:
        if self.edit_institution_action.isEnabled() and self.institution:
            self._run_institution(self.institution)

    def new_person(self) -> None:
        if self.new_person_action.isEnabled():
            self._run_person(None)

    def edit_person(self) -> None:
        if self.edit_person_action.isEnabled() and self.person:
            self._run_person(self.person)

    def toggle_institution(self) -> None:
        inst = self.institution
        if inst is None or not self.toggle_institution_action.isEnabled():
            return
        if inst.active and not confirm(
            self,
            "Deactivate institution",
            f"Deactivate {inst.name}? No new loans or accounts can name it; everything it "
            "did stays on record.",
        ):
            return
        try:
            registry.update_institution(
                self.ctx.db, self.ctx.actor, inst.code, active=not inst.active
            )
        except Exception as error:
            show_error(self, error)
            return
        self._done()

    def toggle_person(self) -> None:
        person = self.person
        if person is None or not self.toggle_person_action.isEnabled():
            return
        if person.active and not confirm(
            self,
            "Deactivate account",
            f"Deactivate {person.full_name}? They can no longer sign in or sign; what they "
            "signed stays on record.",
        ):
            return
        try:
            registry.update_person(
                self.ctx.db, self.ctx.actor, person.username, active=not person.active
            )
        except Exception as error:
            show_error(self, error)
            return
        self._done()

    def reset_password(self) -> None:
        person = self.person
        if person is None or not self.password_action.isEnabled():
            return
        dialog = PasswordDialog(self.ctx, person, self)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if accepted:
            self._done()

    def unlock(self) -> None:
        person = self.person
        if person is None or not self.unlock_action.isEnabled():
            return
        try:
            registry.update_person(self.ctx.db, self.ctx.actor, person.username, unlock=True)
        except Exception as error:
            show_error(self, error)
            return
        self._done()
