"""Institutions and people: the administrator's page. Everyone may read the lists; only an
administrator may change them (the services refuse anyone else; here the buttons say why)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain import queries, registry, rules
from ...domain.errors import NotFoundError
from ...domain.listings import INSTITUTIONS, PEOPLE
from ...domain.permissions import ROLE_LABELS, ROLES
from ...domain.queries import InstitutionDetail, PersonDetail
from ...domain.registry import INSTITUTION_KINDS
from ..actions import SELECT_INSTITUTION, SELECT_PERSON
from ..context import AppContext
from ..dialogs import action_button, set_allowed
from ..errors import confirm
from ..exchange import PartnersWindow, show_partners
from ..keys import KeysWindow
from ..operations import Work
from ..tables import ROW_HEIGHT
from ..translation import Translator
from ..view import View
from ..vocabulary import word
from ..widgets import ListPane
from .dialogs import InstitutionDialog, PasswordDialog, PersonDialog

_people_view = Translator("_people_view")

# Beside its rows, a list's heading, toolbar, search and header (and the person's line
# under the people), in rows: the institutions, the fewer, show whole.
INSTITUTIONS_CHROME_ROWS, PEOPLE_CHROME_ROWS = 7, 5


class AdminView(View):
    """Institutions above, people below; each with its actions in a bar.

    For anyone but an administrator every action is disabled, its tooltip saying why.
    """

    title = _people_view.noop("Institutions and people")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("adminView")
        self.institution: InstitutionDetail | None = None
        self.person: PersonDetail | None = None

        def make(text: str, slot: object) -> QAction:
            action = QAction(text, self)
            action.triggered.connect(slot)
            # named after its slot, so a test or the shortcuts list can find it
            action.setObjectName(f"{getattr(slot, '__name__', 'admin')}Action")
            return action

        self.new_institution_action = make(
            _people_view.tr("New &institution…"), self.new_institution
        )
        self.edit_institution_action = make(
            _people_view.tr("&Edit institution…"), self.edit_institution
        )
        self.toggle_institution_action = make(
            _people_view.tr("&Deactivate institution"), self.toggle_institution
        )
        self.new_person_action = make(_people_view.tr("New &person…"), self.new_person)
        self.edit_person_action = make(_people_view.tr("Edit p&erson…"), self.edit_person)
        self.toggle_person_action = make(_people_view.tr("De&activate person"), self.toggle_person)
        self.password_action = make(_people_view.tr("Reset pass&word…"), self.reset_password)
        self.unlock_action = make(_people_view.tr("&Unlock account"), self.unlock)
        self.keys_action = make(_people_view.tr("Institution &keys…"), self.open_keys)
        set_allowed(
            self.keys_action,
            None,
            _people_view.tr(
                "This installation's certificate and fingerprint; partners' certificates; "
                "people's signing keys"
            ),
        )
        self.keys_window: KeysWindow | None = None
        self.partners_action = make(_people_view.tr("&Partners…"), self.open_partners)
        set_allowed(
            self.partners_action,
            None,
            _people_view.tr(
                "Partner installations (their introductions and keys) and the exchange files "
                "sent to and received from them"
            ),
        )

        kinds = [(_people_view.tr("All kinds"), None)] + [
            (word("kind", k).capitalize(), k) for k in INSTITUTION_KINDS
        ]
        self.institutions = ListPane(
            ctx.db,
            INSTITUTIONS,
            search_hint=_people_view.tr("Search code, name, local name, country"),
            filters={"kind": kinds},
            noun=_people_view.tr("institutions"),
        )
        self.institutions.currentChanged.connect(self._show_institution)
        self.people = ListPane(
            ctx.db,
            PEOPLE,
            search_hint=_people_view.tr("Search user name, name, institution"),
            filters={
                "institution": [(_people_view.tr("All institutions"), None)],
                "active": [
                    (_people_view.tr("Active and deactivated"), None),
                    (_people_view.tr("Active"), True),
                    (_people_view.tr("Deactivated"), False),
                ],
            },
            noun=_people_view.tr("people"),
        )
        self.people.currentChanged.connect(self._show_person)
        self.person_label = QLabel()
        self.person_label.setObjectName("personDetail")
        self.person_label.setWordWrap(True)
        self.person_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = self._box(
            _people_view.tr("Institutions"),
            self.institutions,
            [
                (self.new_institution_action, "newInstitutionButton"),
                (self.edit_institution_action, "editInstitutionButton"),
                (self.toggle_institution_action, "toggleInstitutionButton"),
                (self.keys_action, "keysButton"),
                (self.partners_action, "partnersButton"),
            ],
        )
        bottom = self._box(
            _people_view.tr("People"),
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
        # Each list's share of the height follows its rows (with room for its toolbar and
        # search), so nine institutions show whole and the people list is not half empty.
        splitter.setSizes(
            [
                ROW_HEIGHT * (pane.model.total() + chrome)
                for pane, chrome in (
                    (self.institutions, INSTITUTIONS_CHROME_ROWS),
                    (self.people, PEOPLE_CHROME_ROWS),
                )
            ]
        )
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
        box.addItem(_people_view.tr("All institutions"), None)
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
            self.keys_action,
            self.partners_action,
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
            roles = _people_view.tr(", ").join(
                word("role", ROLE_LABELS[r]) for r in ROLES if r in p.roles
            )
            state = _people_view.tr("active") if p.active else _people_view.tr("deactivated")
            if p.locked():
                state = _people_view.tr("{state}, locked after repeated wrong entries").format(
                    state=state
                )
            if p.has_pin:
                state = _people_view.tr("{state}; has a courier PIN").format(state=state)
            self.person_label.setText(
                _people_view.tr(
                    "{name}{local} — {username}, {institution}. {roles}; {state}."
                ).format(
                    name=f"<b>{p.full_name}</b>",
                    local=local,
                    username=p.username,
                    institution=p.institution,
                    roles=roles[:1].upper() + roles[1:],
                    state=state,
                )
            )
        self._update_actions()

    def _update_actions(self) -> None:
        ctx = self.ctx
        institutions = ctx.why_not("manage_institutions")
        people = ctx.why_not("manage_people")
        inst, person = self.institution, self.person

        def needs_institution() -> str | None:
            return institutions or (None if inst else SELECT_INSTITUTION)

        def needs_person() -> str | None:
            return people or (None if person else SELECT_PERSON)

        set_allowed(
            self.new_institution_action,
            institutions,
            _people_view.tr("Add a lender, borrower or courier"),
        )
        set_allowed(
            self.edit_institution_action,
            needs_institution(),
            _people_view.tr("Change the selected institution"),
        )
        active = inst is None or inst.active
        self.toggle_institution_action.setText(
            _people_view.tr("&Deactivate institution")
            if active
            else _people_view.tr("&Reactivate institution")
        )
        set_allowed(
            self.toggle_institution_action,
            needs_institution(),
            _people_view.tr("No new loans or people for it; its records stay")
            if active
            else _people_view.tr("Make the institution available again"),
        )
        set_allowed(self.new_person_action, people, _people_view.tr("Create an account"))
        set_allowed(
            self.edit_person_action,
            needs_person(),
            _people_view.tr("Change name, e-mail, roles or PIN"),
        )
        toggle = needs_person()
        if toggle is None and person is not None and person.active:
            toggle = rules.why_not_deactivate(ctx.actor, person.username)
        active_person = person is None or person.active
        self.toggle_person_action.setText(
            _people_view.tr("De&activate person")
            if active_person
            else _people_view.tr("Re&activate person")
        )
        set_allowed(
            self.toggle_person_action,
            toggle,
            _people_view.tr("They can no longer sign in or sign; their records stay")
            if active_person
            else _people_view.tr("Let them sign in again"),
        )
        set_allowed(
            self.password_action,
            needs_person(),
            _people_view.tr("Set a new password (typed twice)"),
        )
        unlock = needs_person()
        if unlock is None and person is not None and not person.locked():
            unlock = _people_view.tr("The account of {name} is not locked.").format(
                name=person.full_name
            )
        set_allowed(self.unlock_action, unlock, _people_view.tr("Let them try again at once"))

    # ------------------------------------------------------------------ actions

    def _after(self, _result: object = None) -> None:
        """After an operation here. The runner's ``changed`` has made the main window read
        its visible view again; a view on its own (a test) reads again itself."""
        self.refresh()

    def _update(self, title: str, work: Work[object]) -> None:
        self.ctx.ops.run(self, title, work, done=self._after)

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
        self._after()
        self.select_institution(code)

    def _run_person(self, existing: PersonDetail | None) -> None:
        dialog = self.person_dialog(existing)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.username is None:
                return
            username = dialog.username
        finally:
            dialog.deleteLater()
        self._after()
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
            _people_view.tr("Deactivate institution"),
            _people_view.tr(
                "Deactivate {name}? No new loans or accounts can name it; everything it "
                "did stays on record."
            ).format(name=inst.name),
        ):
            return
        db, actor, active = self.ctx.db, self.ctx.actor, not inst.active
        self._update(
            _people_view.tr("Reactivate institution")
            if active
            else _people_view.tr("Deactivate institution"),
            lambda _progress: registry.update_institution(db, actor, inst.code, active=active),
        )

    def toggle_person(self) -> None:
        person = self.person
        if person is None or not self.toggle_person_action.isEnabled():
            return
        if person.active and not confirm(
            self,
            _people_view.tr("Deactivate account"),
            _people_view.tr(
                "Deactivate {name}? They can no longer sign in or sign; what they "
                "signed stays on record."
            ).format(name=person.full_name),
        ):
            return
        db, actor, active = self.ctx.db, self.ctx.actor, not person.active
        self._update(
            _people_view.tr("Reactivate account")
            if active
            else _people_view.tr("Deactivate account"),
            lambda _progress: registry.update_person(db, actor, person.username, active=active),
        )

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
            self._after()

    def unlock(self) -> None:
        person = self.person
        if person is None or not self.unlock_action.isEnabled():
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._update(
            _people_view.tr("Unlock account"),
            lambda _progress: registry.update_person(db, actor, person.username, unlock=True),
        )

    def open_keys(self) -> KeysWindow:
        """Institutions ▸ Keys, beside this view (one window, read again when shown)."""
        if self.keys_window is None:
            self.keys_window = KeysWindow(self.ctx, self)
        else:
            self.keys_window.refresh()
        self.keys_window.show()
        self.keys_window.activateWindow()
        return self.keys_window

    def open_partners(self) -> PartnersWindow:
        """Institutions ▸ Partners: the same window as File ▸ Partners…."""
        return show_partners(self.ctx, self)
