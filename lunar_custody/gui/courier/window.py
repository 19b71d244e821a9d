"""The courier window: sign in, the packages, and the three handoffs.

Each handoff is a short run of screens (check, signatures) that collects what the parties
see and sign, then makes one call to custody.py, which writes every event and every
signature in one transaction:

- pick-up: ``release_transfer`` (the sender relinquishes, the courier accepts);
- courier to courier: ``hand_over`` (both couriers sign; the seal checked goes with it);
- delivery: ``confirm_receipt`` (the delivering courier relinquishes with their PIN, the
  authorised receiver signs; a broken seal or a mass outside the tolerance becomes a
  discrepancy, never a refusal).

Who may sign where is the domain's answer (rules.py), the words the workstation and the
command line use too. The window has no AppContext: its own operation runner (``ops``) runs
every service call and read off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from ...domain import courier as dc
from ...domain import custody, queries, rules
from ...domain.errors import CustodyError
from ...domain.identity import (
    LOCKOUT,
    PASSWORD,
    PIN,
    SIGNATURE_MEANINGS,
    Credential,
    SignerRejected,
)
from ...domain.permissions import Actor
from ...domain.queries import TransferDetail
from ...domain.store import Store
from ..errors import error_text
from ..locale_format import mass_text
from ..operations import Operations, Work
from ..startup import start
from ..tablemodel import local_time
from ..translation import Translator, translated
from ..vocabulary import word
from .check import CheckScreen
from .delivery import MassScreen, SealScreen
from .screens import (
    CourierChoiceScreen,
    DoneScreen,
    HomeScreen,
    PackageScreen,
    aliquots_text,
    package_facts,
    package_line,
)
from .sign import SignScreen
from .signin import SignInScreen
from .widgets import STYLE, Screen, big_button, big_font

_courier_window = Translator("_courier_window")

WINDOW_TITLE = _courier_window.noop("Lunar Custody — Courier")


class CourierWindow(QWidget):
    """Full screen, one task at a time; the top bar says who is signed in."""

    def __init__(self, db: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("courierWindow")
        self.setWindowTitle(translated(WINDOW_TITLE))
        self.setFont(big_font())
        self.setStyleSheet(STYLE)
        self.db = db
        self.ops = Operations(self)
        self.me: Actor | None = None
        self.home: HomeScreen | None = None
        self.handoff: Handoff | None = None
        self.history: list[Screen] = []

        self.who = QLabel()
        self.who.setObjectName("topBar")
        self.home_button = big_button(_courier_window.tr("My packages"), "myPackagesButton")
        self.sign_out_button = big_button(_courier_window.tr("Sign out"), "signOutButton")
        self.home_button.clicked.connect(self.go_home)
        self.sign_out_button.clicked.connect(self.sign_out)
        top = QHBoxLayout()
        top.setContentsMargins(32, 8, 32, 0)
        top.addWidget(self.who, 1)
        top.addWidget(self.home_button)
        top.addWidget(self.sign_out_button)
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        self.signin = SignInScreen(self.ops, db)
        self.signin.signed_in.connect(self.signed_in)
        self.signin.back_button.clicked.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back)
        self.resize(1280, 800)
        self._show_signin()

    # ------------------------------------------------------------------ navigation

    @property
    def current_screen(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def show_screen(self, screen: Screen) -> None:
        """Go forward to ``screen`` (Back returns to the one shown before)."""
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
            if not screen.back_button.isHidden():
                screen.back_button.clicked.connect(self.back)
        if screen in self.history:
            del self.history[self.history.index(screen) :]
        self.history.append(screen)
        self.stack.setCurrentWidget(screen)
        screen.focus_first()

    def back(self) -> None:
        if len(self.history) < 2 or not self.current_screen.back_button.isVisible():
            return
        self.history.pop()
        previous = self.history[-1]
        self.stack.setCurrentWidget(previous)
        if previous is self.home:
            self.go_home()
            return
        previous.focus_first()

    def _drop_screens(self) -> None:
        """Forget every screen of the handoff that just ended or was abandoned."""
        for index in reversed(range(self.stack.count())):
            widget = self.stack.widget(index)
            if widget is not None and widget is not self.signin and widget is not self.home:
                self.stack.removeWidget(widget)
                widget.deleteLater()
        self.handoff = None

    def _show_signin(self) -> None:
        self.who.setText(_courier_window.tr("Not signed in"))
        self.home_button.setVisible(False)
        self.sign_out_button.setVisible(False)
        self.signin.reset()
        self.history = []
        if self.stack.indexOf(self.signin) < 0:
            self.stack.addWidget(self.signin)
        self.stack.setCurrentWidget(self.signin)
        self.history = [self.signin]
        self.signin.focus_first()

    def signed_in(self, actor: Actor) -> None:
        self.me = actor
        self.who.setText(f"{actor.full_name} · {actor.institution_code}")
        self.home_button.setVisible(True)
        self.sign_out_button.setVisible(True)
        self.home = HomeScreen(self.ops, self.db, actor)
        self.home.package_chosen.connect(self.open_package)
        self.stack.addWidget(self.home)
        self.go_home()

    def sign_out(self) -> None:
        self._drop_screens()
        if self.home is not None:
            self.stack.removeWidget(self.home)
            self.home.deleteLater()
            self.home = None
        self.me = None
        self._show_signin()

    def go_home(self) -> None:
        """The courier's packages, read again."""
        if self.home is None:
            return
        self._drop_screens()
        self.history = [self.home]
        self.stack.setCurrentWidget(self.home)
        self.home.refresh()  # shown first: the runner's progress belongs to a visible screen
        self.home.focus_first()

    # ------------------------------------------------------------------ handoffs

    def open_package(self, package: dc.CourierPackage) -> None:
        """A scanned or tapped package: collect it, or deliver it / pass it on."""
        assert self.me is not None
        if package.stage == dc.COLLECT:
            self.handoff = PickUp(self, package)
            return
        screen = PackageScreen(package)
        screen.deliver.connect(lambda: self._start(Delivery(self, package)))
        screen.hand_over.connect(lambda: self._start(HandOver(self, package)))
        self.show_screen(screen)

    def _start(self, handoff: Handoff) -> None:
        self.handoff = handoff

    def closeEvent(self, event: QCloseEvent) -> None:
        self.me = None  # nobody stays signed in in a window that is gone
        super().closeEvent(event)


class Handoff:
    """The screens of one handoff, the signatures collected, and the one service call."""

    title = _courier_window.noop("Handoff")

    def __init__(self, window: CourierWindow, package: dc.CourierPackage) -> None:
        assert window.me is not None
        self.window = window
        self.ops = window.ops
        self.db = window.db
        self.me = window.me
        self.package = package
        self.signatures: list[SignScreen] = []
        self.credentials: dict[SignScreen, Credential] = {}

    def summary(self) -> str:
        return (
            _courier_window.tr("Package {package}").format(package=package_line(self.package))
            + f"\n{package_facts(self.package)}"
        )

    def sign_screen(
        self,
        *,
        title: str,
        meaning: str,
        username: str,
        fixed_user: bool,
        method: str,
        check_signer: Callable[[dc.Signer], str | None] = lambda _person: None,
    ) -> SignScreen:
        screen = SignScreen(
            self.ops,
            self.db,
            title=_courier_window.tr("{signer} signs: {meaning}").format(
                signer=title, meaning=word("signature", SIGNATURE_MEANINGS[meaning])
            ),
            meaning=meaning,
            summary=self.summary(),
            username=username,
            fixed_user=fixed_user,
            method=method,
            check_signer=check_signer,
        )
        screen.signed.connect(lambda credential, s=screen: self._signed(s, credential))
        self.signatures.append(screen)
        return screen

    def transfer(self) -> TransferDetail:
        """The package as the rules read it now (a read: runs off the GUI thread)."""
        return queries.transfer_detail(self.db, self.package.number)

    def refusal(self, person: dc.Signer, why_not: str | None) -> str | None:
        """The domain's answer why ``person`` may not sign here, as the screen says it."""
        if not why_not:
            return None
        return _courier_window.tr("{name} cannot sign here. {why_not}").format(
            name=person.full_name, why_not=translated(why_not)
        )

    def _signed(self, screen: SignScreen, credential: Credential) -> None:
        self.credentials[screen] = credential
        waiting = next((s for s in self.signatures if s not in self.credentials), None)
        if waiting is not None:
            self.window.show_screen(waiting)
            return
        self._submit(screen)

    def _submit(self, last: SignScreen) -> None:
        """The one service call, off the GUI thread; a refusal back on the signing screen,
        a bug in the crash dialog. Nothing is half written: it is one transaction."""
        self.ops.run(
            self.window,
            translated(self.title),
            self.work(),
            done=lambda result: self.done(self.finish(result)),
            refused=lambda error: self._refused(error, last),
        )

    def _refused(self, error: CustodyError, last: SignScreen) -> None:
        if isinstance(error, SignerRejected):
            self._rejected(error, last)
        else:
            last.say(error_text(error), "error")

    def _rejected(self, error: SignerRejected, last: SignScreen) -> None:
        """A wrong secret: back to that signer's screen, with the tries left before lockout."""
        screen = next(
            (
                s
                for s in self.credentials
                if s.person is not None and s.person.person_id == error.person_id
            ),
            None,
        )
        if screen is None or screen.person is None:
            last.say(error_text(error), "error")
            return
        person = screen.person
        del self.credentials[screen]
        db = self.db
        left = self.ops.value(
            self.window,
            _courier_window.tr("Signature"),
            lambda _progress: dc.tries_left(db, person.person_id),
            changes=False,
        )
        if left == 0:
            minutes = int(LOCKOUT.total_seconds() // 60)
            more = _courier_window.tr(
                "The account of {name} is now locked for %n minutes after repeated wrong entries.",
                "",
                minutes,
            ).format(name=person.full_name)
        elif left == 1:
            more = _courier_window.tr("%n more wrong entry locks the account.", "", left)
        elif left is not None:
            more = _courier_window.tr("%n more wrong entries lock the account.", "", left)
        else:
            more = ""
        self.window.show_screen(screen)
        screen.rejected(f"{error_text(error)} {more}" if more else error_text(error))

    def work(self) -> Work[Any]:
        """What the screens collected (read here, on the GUI thread), as the one service
        call that records the handoff."""
        raise NotImplementedError

    def finish(self, result: Any) -> DoneScreen:
        """The screen that says what was recorded."""
        raise NotImplementedError

    def done(self, screen: DoneScreen) -> None:
        screen.primary.clicked.connect(self.window.go_home)
        self.window.show_screen(screen)


class PickUp(Handoff):
    """Check the package against its manifest; the sender signs, the courier signs."""

    title = _courier_window.noop("Pick up")

    def __init__(self, window: CourierWindow, package: dc.CourierPackage) -> None:
        super().__init__(window, package)
        self.check = CheckScreen(
            self.ops,
            self.db,
            package,
            title=_courier_window.tr("Pick up {number}").format(number=package.number),
            items_required=True,
        )
        self.check.confirmed = lambda: window.show_screen(self.signatures[0])
        self.sender = self.sign_screen(
            title=_courier_window.tr("Sender"),
            meaning="relinquished",
            username=package.sender_username,
            fixed_user=False,
            method=PASSWORD,
            check_signer=self._sender_refusal,
        )
        self.courier = self.sign_screen(
            title=_courier_window.tr("Courier"),
            meaning="accepted",
            username=self.me.username,
            fixed_user=True,
            method=PIN,
        )
        window.show_screen(self.check)

    def _sender_refusal(self, person: dc.Signer) -> str | None:
        """Only someone of the sending side who may release signs for the sender."""
        sender = dc.acting_as(self.db, person.username)
        return self.refusal(person, rules.why_not_release(sender, self.transfer()))

    def work(self) -> Work[custody.Transfer]:
        db, number = self.db, self.package.number
        sender, courier = self.credentials[self.sender], self.credentials[self.courier]
        seal = self.check.check.seal_seen
        return lambda _progress: custody.release_transfer(
            db,
            dc.acting_as(db, sender.username),
            number,
            sender=sender,
            courier=courier,
            seal_number_checked=seal,
        )

    def finish(self, result: custody.Transfer) -> DoneScreen:
        when = local_time(result.released_at) if result.released_at else ""
        package = self.package
        return DoneScreen(
            _courier_window.tr("✓ Package collected"),
            [
                _courier_window.tr("{number}: {items}, {mass}, are now in your custody.").format(
                    number=package.number,
                    items=aliquots_text(len(package.items)),
                    mass=mass_text(package.total_mass_ug),
                ),
                _courier_window.tr("Released by {institution} at {when}, seal {seal}.").format(
                    institution=package.from_institution, when=when, seal=package.seal_number
                ),
                _courier_window.tr("Deliver to {receiver}, {institution}.").format(
                    receiver=package.receiver, institution=package.to_institution
                ),
            ],
            [],
        )


class HandOver(Handoff):
    """Courier to courier: choose the next courier, check the seal, both couriers sign."""

    title = _courier_window.noop("Hand over")

    def __init__(self, window: CourierWindow, package: dc.CourierPackage) -> None:
        super().__init__(window, package)
        self.next_username = ""
        db = self.db
        couriers = self.ops.value(
            window,
            _courier_window.tr("Couriers"),
            lambda _progress: queries.people_choices(db, roles=("courier",)),
            changes=False,
        )
        self.choice = CourierChoiceScreen(self.ops, self.db, self.me, couriers or [])
        self.choice.chosen.connect(self._chosen)
        window.show_screen(self.choice)

    def _chosen(self, username: str) -> None:
        db = self.db
        person = self.ops.value(
            self.window,
            _courier_window.tr("Next courier"),
            lambda _progress: dc.signer(db, username),
            refused=self.choice.refused,
            changes=False,
        )
        if person is None:
            return
        self.next_username = username
        self.signatures.clear()
        self.credentials.clear()
        self.check = CheckScreen(
            self.ops,
            self.db,
            self.package,
            title=_courier_window.tr("Hand {number} to {name}").format(
                number=self.package.number, name=person.full_name
            ),
            items_required=False,
        )
        self.check.confirmed = lambda: self.window.show_screen(self.signatures[0])
        self.sign_screen(
            title=_courier_window.tr("Courier"),
            meaning="relinquished",
            username=self.me.username,
            fixed_user=True,
            method=PIN,
        )
        self.sign_screen(
            title=_courier_window.tr("Next courier"),
            meaning="accepted",
            username=person.username,
            fixed_user=True,
            method=PIN,
        )
        self.window.show_screen(self.check)

    def work(self) -> Work[tuple[custody.Transfer, str]]:
        first, second = self.signatures
        db, me, number, to = self.db, self.me, self.package.number, self.next_username
        mine, theirs = self.credentials[first], self.credentials[second]
        seal = self.check.check.seal_seen  # recorded with the events, checked again there

        def hand_over(_progress: object) -> tuple[custody.Transfer, str]:
            transfer = custody.hand_over(
                db,
                me,
                number,
                to_courier=to,
                from_credential=mine,
                to_credential=theirs,
                seal_number_checked=seal,
            )
            return transfer, dc.signer(db, to).full_name

        return hand_over

    def finish(self, result: tuple[custody.Transfer, str]) -> DoneScreen:
        transfer, carrier = result
        return DoneScreen(
            _courier_window.tr("✓ Package handed over"),
            [
                _courier_window.tr("{number} is now carried by {courier}.").format(
                    number=transfer.number, courier=carrier
                ),
                _courier_window.tr("Seal {seal} checked. It is no longer in your custody.").format(
                    seal=self.package.seal_number
                ),
            ],
            [],
        )


class Delivery(Handoff):
    """The seal, the masses (optional), the courier relinquishes (PIN), an authorised
    receiver signs; problems are recorded."""

    title = _courier_window.noop("Deliver")

    def __init__(self, window: CourierWindow, package: dc.CourierPackage) -> None:
        super().__init__(window, package)
        self.seal = SealScreen(package)
        self.masses = MassScreen(package)
        self.weighed: dict[str, int] = {}
        self.seal.confirmed = lambda: window.show_screen(self.masses)
        self.masses.confirmed = self._to_signature
        # the courier gives the package up first, then hands the tablet to the receiver
        self.courier = self.sign_screen(
            title=_courier_window.tr("Courier"),
            meaning="relinquished",
            username=self.me.username,
            fixed_user=True,
            method=PIN,
        )
        self.receiver = self.sign_screen(
            title=_courier_window.tr("Receiver"),
            meaning="received",
            username=package.receiver_username,
            fixed_user=False,
            method=PASSWORD,
            check_signer=self._receiver_refusal,
        )
        window.show_screen(self.seal)

    def _receiver_refusal(self, person: dc.Signer) -> str | None:
        """Only an authorised receiver signs for the package (rules.why_not_receive)."""
        receiver = dc.acting_as(self.db, person.username)
        return self.refusal(person, rules.why_not_receive(receiver, self.transfer()))

    def _to_signature(self) -> None:
        intact = self.seal.intact and not self.seal.seal_differs
        seal = _courier_window.tr("intact") if intact else _courier_window.tr("NOT INTACT")
        self.weighed = self.masses.measured()  # checked by the mass screen before it goes on
        checked = _courier_window.tr("Seal {seal}: {state} · weighed {weighed} of {total}").format(
            seal=self.seal.seal_seen,
            state=seal,
            weighed=len(self.weighed),
            total=len(self.package.items),
        )
        for screen in self.signatures:
            screen.hint_label.setText(f"{self.summary()}\n{checked}")
        waiting = next((s for s in self.signatures if s not in self.credentials), self.courier)
        self.window.show_screen(waiting)

    def work(self) -> Work[tuple[custody.Receipt, TransferDetail | None]]:
        db, number = self.db, self.package.number
        credential, masses = self.credentials[self.receiver], dict(self.weighed)
        courier = self.credentials[self.courier]
        intact, seen = bool(self.seal.intact), self.seal.seal_seen
        found = self.seal.is_discrepancy
        note = self.seal.note_edit.text() if found else ""
        photo = self.seal.photo if found else None

        def receive(_progress: object) -> tuple[custody.Receipt, TransferDetail | None]:
            receipt = custody.confirm_receipt(
                db,
                dc.acting_as(db, credential.username),
                number,
                credential=credential,
                seal_intact=intact,
                seal_number_seen=seen,
                measured_ug=masses,
                note=note,
                photo=photo,
                courier_credential=courier,
            )
            raised = queries.transfer_detail(db, number) if receipt.discrepancies else None
            return receipt, raised

        return receive

    def finish(self, result: tuple[custody.Receipt, TransferDetail | None]) -> DoneScreen:
        _receipt, detail = result
        problems = []
        if detail is not None:
            for found in detail.discrepancies:
                if found.kind == "mass":
                    problems.append(
                        _courier_window.tr(
                            "Discrepancy recorded: {number} weighed {measured}, book mass "
                            "{expected}."
                        ).format(
                            number=found.aliquot_number,
                            measured=mass_text(found.measured_mass_ug),
                            expected=mass_text(found.expected_mass_ug),
                        )
                    )
                else:
                    problems.append(
                        _courier_window.tr("Discrepancy recorded: {note}").format(note=found.note)
                    )
            problems.append(_courier_window.tr("The lender's curators will resolve it."))
        package = self.package
        count = len(package.items)
        in_custody = (
            _courier_window.tr("%n aliquot is in their custody now.", "", count)
            if count == 1
            else _courier_window.tr("%n aliquots are in their custody now.", "", count)
        )
        return DoneScreen(
            _courier_window.tr("✓ Package delivered"),
            [
                _courier_window.tr("{number} received by {receiver}, {institution}.").format(
                    number=package.number,
                    receiver=package.receiver,
                    institution=package.to_institution,
                ),
                in_custody,
            ],
            problems,
        )


def run_courier(url: str | None) -> int:
    """``lunar-custody courier``: the courier window, full screen, until it is closed."""
    started = start(url)
    if started is None:
        return 3
    app, db = started
    window = CourierWindow(db)
    window.showFullScreen()
    try:
        return app.exec()
    finally:
        db.dispose()
