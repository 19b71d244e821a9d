"""The workstation between installations, on real exchange files.

Three installations (the lender CNSA, the borrower Brown, the courier firm SLL) take a loan
through its whole journey once per module (``exchange.journey``); then CNSA approves a
second loan, Brown countersigns it, and CNSA releases its package to Brown without
exporting it yet. Each test works on copies of the three SQLite files; a fourth installation
(Cologne, KOELN) is made new on the ``db`` fixture, so the partner and import windows also
run on PostgreSQL.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from lunar_custody.domain import clearance, clock, custody, loans, queries, registry
from lunar_custody.domain.identity import PIN, Credential
from lunar_custody.domain.permissions import Actor
from lunar_custody.domain.states import TransferStatus
from lunar_custody.exchange import journey
from lunar_custody.exchange.export import export_exchange
from lunar_custody.exchange.importer import ExchangeRefused, check_exchange, import_exchange
from lunar_custody.exchange.partners import (
    PartnerStatus,
    add_partner,
    export_introduction,
    file_content,
    list_files,
    list_partners,
    read_introduction,
)
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.dashboard import DashboardView
from lunar_custody.gui.dialogs import ReasonDialog
from lunar_custody.gui.exchange import (
    AddPartnerDialog,
    ExportDialog,
    ImportPreviewDialog,
    PartnersWindow,
    RefusedDialog,
    files,
)
from lunar_custody.gui.exchange.importing import REFUSED_TITLE, UNREADABLE_TITLE
from lunar_custody.gui.ledger import LedgerView
from lunar_custody.gui.loans import LoansView
from lunar_custody.gui.people import AdminView
from lunar_custody.gui.samples.detail import AliquotPane
from lunar_custody.gui.samples.view import SamplesView
from lunar_custody.gui.transfers import TransfersView
from lunar_custody.storage import Database
from lunar_custody.trust import keys as trust_keys
from tests.gui.conftest import Messages, open_window, when_modal
from tests.worlds import actor, fast_secrets

NAMES = ("cnsa", "brown", "sll")
NEW_SAMPLE = "CE5C0500"
SHIPPED = "CE5C0500YJFM00101"  # on the second loan, released to Brown, not yet exported
KEPT = "CE5C0500YJFM00102"  # registered at CNSA, never lent: its history is CNSA's alone
ONLY_ADMIN = "Only an administrator may manage institutions."


def password(username: str) -> Credential:
    return Credential(username, journey.PASSWORD)


@dataclass
class Places:
    """Copies of the three installations, opened, with their people."""

    cnsa: Database
    brown: Database
    sll: Database
    actors: dict[str, Actor]
    loan: str  # the second loan (active)
    transfer: str  # its package, in transit to Brown
    introductions: dict[str, bytes]  # by institution code

    def ctx(self, db: Database, username: str) -> AppContext:
        return AppContext(db, self.actors[username])


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("installations")
    stores = [Database.open(str(folder / f"{name}.db"), create=True) for name in NAMES]
    try:
        with fast_secrets():
            places = journey.run_journey(*stores)
            cnsa, brown, _sll = places
            zhang, head = cnsa["zhang.wei"], brown["james.head"]
            registry.register_sample(
                cnsa.store,
                zhang,
                registry.NewSample(
                    NEW_SAMPLE,
                    900_000,
                    mission="Chang'e-5",
                    aliquots=[
                        registry.NewAliquot(SHIPPED, 300_000, form="powder", container="vial C"),
                        registry.NewAliquot(KEPT, 200_000, form="chip", container="vial D"),
                    ],
                ),
            )
            loan = loans.create_loan(
                cnsa.store,
                zhang,
                borrower_code=journey.BORROWER,
                principal_investigator="james.head",
                purpose="Noble gases in Chang'e-5 regolith",
                starts_on=date.today(),
                due_on=date.today() + timedelta(days=200),
                destructive_analysis_allowed=False,
            )
            loans.add_loan_items(cnsa.store, zhang, loan.number, [SHIPPED])
            clearance.attest_open_items(cnsa.store, zhang, loan.number, note="cleared")
            loans.approve_loan(cnsa.store, zhang, loan.number, password("zhang.wei"))
            offer = export_exchange(cnsa.store, zhang, partner="BROWN", loan=loan.number)
            import_exchange(brown.store, brown["carla.pieters"], offer.content)
            loans.countersign_loan(brown.store, head, loan.number, password("james.head"))
            answer = export_exchange(brown.store, head, partner="CNSA", loan=loan.number)
            import_exchange(cnsa.store, zhang, answer.content)
            package = custody.prepare_transfer(
                cnsa.store,
                zhang,
                aliquot_numbers=[SHIPPED],
                receiver="carla.pieters",
                courier="chen.courier",
                seal_number="SEAL-CNSA-0042",
                container="Pelican case 9",
                loan_number=loan.number,
            )
            courier = Credential("chen.courier", journey.PINS["chen.courier"], PIN)
            custody.release_transfer(
                cnsa.store, zhang, package.number, sender=password("zhang.wei"), courier=courier
            )
            introductions = {
                place.code: export_introduction(place.store, place[f"{place.code.lower()}.admin"])
                for place in places
            }
        actors = {u: a for place in places for u, a in place.people.items()}
    finally:
        for db in stores:
            db.dispose()
    return folder, {
        "actors": actors,
        "loan": loan.number,
        "transfer": package.number,
        "introductions": {code: made.content for code, made in introductions.items()},
    }


@pytest.fixture
def places(_template: tuple[Path, dict[str, Any]], tmp_path: Path) -> Iterator[Places]:
    source, made = _template
    for name in NAMES:
        shutil.copyfile(source / f"{name}.db", tmp_path / f"{name}.db")
    opened = Places(*(Database.open(str(tmp_path / f"{name}.db")) for name in NAMES), **made)
    try:
        yield opened
    finally:
        for db in (opened.cnsa, opened.brown, opened.sll):
            db.dispose()


@dataclass
class Koeln:
    """A new installation at the University of Cologne, on the ``db`` under test."""

    db: Database
    admin: Actor
    lab_manager: Actor

    def ctx(self, who: Actor) -> AppContext:
        return AppContext(self.db, who)


@pytest.fixture
def koeln(db: Database) -> Koeln:
    with fast_secrets():
        registry.bootstrap(
            db,
            lender_code="KOELN",
            lender_name="University of Cologne",
            admin_username="koeln.admin",
            admin_full_name="Kim Admin",
            admin_password=journey.PASSWORD,
            country="Germany",
            kind="borrower",
        )
        admin = actor(db, "koeln.admin")
        registry.create_person(
            db,
            admin,
            username="mezger",
            full_name="Klaus Mezger",
            institution_code="KOELN",
            roles="lab_manager",
            password=journey.PASSWORD,
        )
    return Koeln(db, admin, actor(db, "mezger"))


def partner_up(places: Places, koeln: Koeln) -> None:
    """CNSA and Cologne trust each other (fingerprints read from the files here; in life,
    on the telephone)."""
    theirs = export_introduction(koeln.db, koeln.admin).content
    ours = places.introductions["CNSA"]
    add_partner(koeln.db, koeln.admin, ours, read_introduction(ours).fingerprint)
    add_partner(
        places.cnsa, places.actors["cnsa.admin"], theirs, read_introduction(theirs).fingerprint
    )


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Every save-file dialog answers with the suggested name in ``tmp_path/out``; the paths
    asked for, in order."""
    asked: list[Path] = []
    folder = tmp_path / "out"
    folder.mkdir()

    def answer(_parent: object, _title: str, filename: str) -> Path:
        asked.append(folder / filename)
        return folder / filename

    monkeypatch.setattr(files, "ask_save_path", answer)
    return asked


def rows_of(table: Any) -> list[list[str]]:
    return [table.rows[row] for row in table.shown_rows()]


def snapshot(db: Database) -> tuple[object, ...]:
    """What an import would change: the partners, their files and the ledger."""
    return (
        [(p.code, p.files_received) for p in list_partners(db)],
        len(list_files(db)),
        queries.totals(db),
    )


# ---------------------------------------------------------------------- partners


def test_a_partner_is_added_only_with_the_fingerprint_it_read_out(
    qtbot: QtBot,
    places: Places,
    koeln: Koeln,
    messages: Messages,
    save_to: list[Path],
) -> None:
    dashboard = DashboardView(koeln.ctx(koeln.lab_manager))
    qtbot.addWidget(dashboard)
    assert dashboard.partner_panel.isHidden()  # no partner: nothing to say

    window = PartnersWindow(koeln.ctx(koeln.admin))
    qtbot.addWidget(window)
    window.show()
    assert window.empty_label.isVisible() and rows_of(window.table) == []
    intro = places.introductions["CNSA"]
    fingerprint = read_introduction(intro).fingerprint
    short = trust_keys.short_fingerprint(fingerprint)

    def add(dialog: AddPartnerDialog) -> None:
        assert dialog.institution_label.text().endswith("(CNSA)")
        assert dialog.fingerprint_label.text() == short
        assert dialog.people_label.text() == "2"
        qtbot.keyClicks(dialog.confirmed_edit, window.home_fingerprint.text())  # ours: wrong
        dialog.ok_button.click()
        assert "not the one confirmed" in dialog.error_label.text() and dialog.isVisible()
        dialog.confirmed_edit.setText(short.lower())  # as typed while listening
        dialog.ok_button.click()

    opened = when_modal(AddPartnerDialog, add, close_after=True)
    added = window.add_partner(intro, "CNSA-introduction.lcx")
    assert opened and not opened[0].isVisible()
    assert added is not None and added.new and added.code == "CNSA"
    assert messages.shown[-1][1] == "Partner added" and short in messages.shown[-1][2]
    (cnsa_row,) = rows_of(window.table)
    assert cnsa_row[:5] == ["CNSA", journey.home_name(places.cnsa), "lender", short, "trusted"]
    assert window.empty_label.isHidden()

    # our introduction, written for CNSA, which trusts it once the fingerprint matches
    written = window.export_introduction()
    assert written == save_to[-1] and written.name == "KOELN-introduction.lcx"
    assert window.home_fingerprint.text() in messages.shown[-1][2]
    theirs = read_introduction(written.read_bytes())
    assert (theirs.code, theirs.short_fingerprint) == ("KOELN", window.home_fingerprint.text())
    add_partner(places.cnsa, places.actors["cnsa.admin"], written.read_bytes(), theirs.fingerprint)
    assert "KOELN" in {p.code for p in list_partners(places.cnsa)}

    # the lab manager reads the same window with the administrator's actions greyed out
    reader = PartnersWindow(koeln.ctx(koeln.lab_manager))
    qtbot.addWidget(reader)
    for action in (reader.add_action, reader.revoke_action, reader.introduction_action):
        assert not action.isEnabled() and action.toolTip() == ONLY_ADMIN


def test_aliquots_exported_at_the_lender_are_previewed_then_imported_at_a_partner(
    qtbot: QtBot,
    places: Places,
    koeln: Koeln,
    messages: Messages,
    save_to: list[Path],
) -> None:
    partner_up(places, koeln)
    samples = SamplesView(places.ctx(places.cnsa, "zhang.wei"))
    qtbot.addWidget(samples)
    # several aliquots go into one file (Ctrl+click); the sample's row is no aliquot
    assert samples.select_number(SHIPPED)
    shipped = samples.tree.currentIndex()
    assert samples.select_number(KEPT)
    flags = QItemSelectionModel.SelectionFlag
    selection = samples.tree.selectionModel()
    selection.select(shipped, flags.Select | flags.Rows)
    selection.select(shipped.parent(), flags.Select | flags.Rows)
    assert sorted(samples.selected_aliquots()) == [SHIPPED, KEPT]
    selection.clearSelection()
    assert not samples.named_actions["exchange"].isEnabled()
    assert samples.named_actions["exchange"].toolTip() == "Select one or more aliquots first."
    assert samples.select_number(KEPT)
    assert samples.named_actions["exchange"].isEnabled()

    def choose(dialog: ExportDialog) -> None:
        assert KEPT in dialog.findChild(QLabel, "exportSubject").text()
        dialog.partner_combo.setCurrentIndex(dialog.partner_combo.findData("KOELN"))
        dialog.ok_button.click()

    when_modal(ExportDialog, choose, close_after=True)
    samples.named_actions["exchange"].trigger()
    (path,) = save_to
    assert path.name.startswith("CNSA-to-KOELN-0001-report")
    assert messages.shown[-1][1] == "Exchange file written"
    assert "Report no. 1 for University of Cologne" in messages.shown[-1][2]
    assert str(path) in messages.shown[-1][2]

    window = open_window(qtbot, koeln.ctx(koeln.lab_manager))
    assert window.import_exchange_action.isEnabled()
    assert window.import_exchange_action.shortcut().toString() == "Ctrl+I"
    before = snapshot(koeln.db)

    def preview(dialog: ImportPreviewDialog) -> None:
        assert dialog.report.sender_code == "CNSA" and not dialog.report.already_imported
        assert snapshot(koeln.db) == before  # a preview writes nothing
        texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert texts["kindLabel"] == "report no. 1"
        assert texts["fingerprintLabel"] == trust_keys.short_fingerprint(dialog.report.fingerprint)
        assert texts["importBanner"].startswith("Ready to import")
        assert ["new", f"aliquot {KEPT}"] in rows_of(dialog.details)
        dialog.import_button.click()

    opened = when_modal(ImportPreviewDialog, preview)
    report = window.import_exchange(path)
    assert opened and report is not None and report.written
    assert messages.shown[-1][1] == "Exchange file imported"
    assert queries.aliquot_status(koeln.db, KEPT).custodian_institution == (
        journey.home_name(places.cnsa)
    )
    # where each event was recorded: at CNSA, under CNSA's own number
    view = window.show_view("samples")
    assert isinstance(view, SamplesView) and view.select_number(KEPT)
    column = AliquotPane.TIMELINE_COLUMNS.index("Recorded at")
    (registered,) = queries.history(koeln.db, KEPT)
    assert view.detail.timeline.item(0, column).text() == f"CNSA #{registered.origin_seq}"
    # the file is kept, and a copy is the same bytes
    partners = window.open_partners()
    (received,) = rows_of(partners.file_table)
    assert received[:4] == [
        "received from",
        "China National Space Administration Lunar Sample Laboratory (CNSA)",
        "report",
        "1",
    ]
    partners.file_table.table.selectRow(0)
    copy = partners.save_copy()
    assert copy is not None and copy.read_bytes() == path.read_bytes()
    assert copy.name == file_content(koeln.db, partners.files[0].id)[0]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_refused_file_lists_every_reason_and_changes_nothing(
    qtbot: QtBot,
    places: Places,
    koeln: Koeln,
    messages: Messages,
    tmp_path: Path,
) -> None:
    partner_up(places, koeln)
    zhang, mezger = places.actors["zhang.wei"], koeln.lab_manager
    first = export_exchange(places.cnsa, zhang, partner="KOELN", aliquots=[KEPT])
    import_exchange(koeln.db, mezger, first.content)
    # the lent aliquot's history was recorded at Brown and SLL too, which Cologne does not
    # trust: each of those events is refused
    lent = export_exchange(places.cnsa, zhang, partner="KOELN", aliquots=[journey.SECOND])
    path = tmp_path / lent.filename
    path.write_bytes(lent.content)
    with pytest.raises(ExchangeRefused) as refused:
        check_exchange(koeln.db, mezger, lent.content)
    reasons = refused.value.reasons
    assert len(reasons) > 10
    before = snapshot(koeln.db)
    window = open_window(qtbot, koeln.ctx(mezger))

    def read(dialog: RefusedDialog) -> None:
        assert dialog.windowTitle() == REFUSED_TITLE
        assert path.name in dialog.banner.text()
        shown = rows_of(dialog.reasons)
        assert shown == [[r.record or "the whole file", r.message] for r in reasons]
        assert dialog.reasons.count_label.text() == f"{len(reasons)} reasons"
        dialog.copy_button.click()
        copied = QApplication.clipboard().text()
        assert all(r.message in copied for r in reasons)
        dialog.reject()

    opened = when_modal(RefusedDialog, read)
    assert window.import_exchange(path) is None
    assert opened
    assert snapshot(koeln.db) == before

    # a file that is no exchange file at all says so
    junk = tmp_path / "minutes.lcx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    assert window.import_exchange(junk) is None
    assert messages.shown[-1][:2] == ("errorDialog", UNREADABLE_TITLE)
    assert "minutes.lcx cannot be imported" in messages.shown[-1][2]
    assert snapshot(koeln.db) == before


# ---------------------------------------------------------------------- the lender and borrower


def drop(window: Any, path: Path) -> bool:
    """Drag ``path`` over ``window`` and drop it there; whether the window took it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_a_shipment_dropped_on_the_window_is_previewed_then_imported(
    qtbot: QtBot, places: Places, messages: Messages, save_to: list[Path], tmp_path: Path
) -> None:
    transfers = TransfersView(places.ctx(places.cnsa, "zhang.wei"))
    qtbot.addWidget(transfers)
    assert transfers.open_transfer(places.transfer)
    assert transfers.exchange_action.isEnabled()
    chosen: list[str] = []

    def export(dialog: ExportDialog) -> None:
        chosen.append(dialog.partner_combo.currentData())  # the receiver, suggested
        dialog.ok_button.click()

    when_modal(ExportDialog, export, close_after=True)
    transfers.export_to_partner()
    assert chosen == ["BROWN"]
    (path,) = save_to
    assert messages.shown[-1][1] == "Exchange file written"
    assert messages.shown[-1][2].startswith("Shipment no. 7 for Brown University")

    window = open_window(qtbot, places.ctx(places.brown, "carla.pieters"))
    imported = len(messages.shown)
    opened = when_modal(ImportPreviewDialog, lambda dialog: dialog.import_button.click())
    notes = tmp_path / "notes.txt"
    notes.write_text("not an exchange file")
    assert not drop(window, notes)  # only .lcx files are taken
    assert drop(window, path)
    qtbot.waitUntil(lambda: len(messages.shown) > imported)
    assert opened and opened[0].report.kind == "shipment"
    assert messages.shown[-1][1] == "Exchange file imported"
    detail = queries.transfer_detail(places.brown, places.transfer)
    assert detail.status == TransferStatus.IN_TRANSIT

    # the same file again changes nothing, and the preview says so
    def again(dialog: ImportPreviewDialog) -> None:
        assert dialog.report.already_imported and not dialog.import_button.isEnabled()
        dialog.reject()

    seen = when_modal(ImportPreviewDialog, again)
    assert window.import_exchange(path) is None and seen

    # an introduction opens Add partner; a lab manager sees why they may not add it
    intro = tmp_path / "SLL-introduction.lcx"
    intro.write_bytes(places.introductions["SLL"])
    shown: list[tuple[bool, str]] = []

    def look(dialog: AddPartnerDialog) -> None:
        shown.append((dialog.ok_button.isEnabled(), dialog.fingerprint_label.text()))
        dialog.reject()

    when_modal(AddPartnerDialog, look)
    assert window.import_exchange(intro) is None
    sll = read_introduction(places.introductions["SLL"])
    assert shown == [(False, sll.short_fingerprint)]


def test_a_loan_exported_at_the_lender_is_imported_by_the_borrower(
    qtbot: QtBot, places: Places, messages: Messages, save_to: list[Path]
) -> None:
    view = LoansView(places.ctx(places.cnsa, "zhang.wei"))
    qtbot.addWidget(view)
    view.refresh()
    assert not view.exchange_action.isEnabled()  # no loan selected
    assert view.select_loan(places.loan)
    assert view.exchange_action.isEnabled()
    when_modal(ExportDialog, lambda dialog: dialog.ok_button.click(), close_after=True)
    view.export_to_partner()
    (path,) = save_to
    assert messages.shown[-1][1] == "Exchange file written"
    assert f"for Brown University (loan {places.loan})" in messages.shown[-1][2]
    report = import_exchange(places.brown, places.actors["carla.pieters"], path.read_bytes())
    assert report.written and report.subject == f"loan {places.loan}"

    # an administrator does no custody work: the action says why
    admin_view = LoansView(places.ctx(places.cnsa, "cnsa.admin"))
    qtbot.addWidget(admin_view)
    admin_view.refresh()
    assert admin_view.select_loan(places.loan)
    assert not admin_view.exchange_action.isEnabled()
    assert "exchange files" in admin_view.exchange_action.toolTip()


def test_the_dashboard_shows_a_shipment_waiting_for_its_receipt(
    qtbot: QtBot, places: Places
) -> None:
    later = DashboardView(
        places.ctx(places.cnsa, "zhang.wei"), now=lambda: clock.now() + timedelta(days=8)
    )
    qtbot.addWidget(later)
    panel = later.partner_panel
    assert not panel.isHidden()
    assert panel.waiting.rowCount() == 1
    waiting = [panel.waiting.item(0, column).text() for column in range(4)]
    assert waiting[0] == "Brown University"
    assert waiting[1].startswith(f"transfer {places.transfer}: shipped")
    assert waiting[3].startswith("8 d")
    assert "Waiting more than 7 days" in panel.summary.text()
    assert panel.problems.isHidden()

    today = DashboardView(places.ctx(places.cnsa, "zhang.wei"))
    qtbot.addWidget(today)
    assert today.partner_panel.waiting.isHidden()
    assert "2 partners; no shipment has waited" in today.partner_panel.summary.text()

    # a partner head that disagrees is shown in red, in the domain's words
    problem = "Brown University's file no. 4 gives its ledger head as #3, after #18 in file no. 3"
    now = clock.now()
    today.partner_panel.show_status(2, PartnerStatus(head_problems=[problem]), now)
    assert not today.partner_panel.problems.isHidden()
    assert problem in today.partner_panel.problems.text()
    assert "#a50e0e" in today.partner_panel.problems.styleSheet()


def test_the_chain_of_custody_says_where_each_event_was_recorded(
    qtbot: QtBot, places: Places
) -> None:
    ctx = places.ctx(places.cnsa, "zhang.wei")
    samples = SamplesView(ctx)
    qtbot.addWidget(samples)
    assert samples.select_number(journey.SECOND)
    table = samples.detail.timeline
    column = AliquotPane.TIMELINE_COLUMNS.index("Recorded at")
    history = queries.history(places.cnsa, journey.SECOND)
    shown = [table.item(row, column).text() for row in range(table.rowCount())]
    expected = ["CNSA" if e.origin is None else f"{e.origin} #{e.origin_seq}" for e in history]
    expected = [
        f"{place} · transcribed from paper" if e.transcribed else place
        for place, e in zip(expected, history, strict=True)
    ]
    assert shown == expected
    assert {"CNSA", "CNSA · transcribed from paper"} <= set(shown)
    assert any(s.startswith("SLL #") for s in shown) and any(s.startswith("BROWN #") for s in shown)
    transcribed = shown.index("CNSA · transcribed from paper")
    assert "paper custody form" in table.item(transcribed, column).toolTip()

    # the ledger's list of every event says the same
    ledger = LedgerView(ctx)
    qtbot.addWidget(ledger)
    ledger.events.search_field.setText(journey.SECOND)
    ledger.events.search_field.flush()
    model = ledger.events.model
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headings.index("Recorded at") == headings.index("By") + 1
    listed = {
        model.value(row, "id"): model.index(row, model.column_of("recorded_at")).data()
        for row in range(model.rowCount())
    }
    # (the search finds the aliquots split off it too)
    assert {e.id: listed[e.id] for e in history} == {
        e.id: text for e, text in zip(history, expected, strict=True)
    }


def test_partners_window_lists_partners_and_files_and_revokes(
    qtbot: QtBot, places: Places, messages: Messages, save_to: list[Path], tmp_path: Path
) -> None:
    window = open_window(qtbot, places.ctx(places.cnsa, "cnsa.admin"))
    assert not window.import_exchange_action.isEnabled()  # an administrator imports nothing
    assert "exchange files" in window.import_exchange_action.toolTip()
    partners = window.open_partners()
    admin = window.show_view("admin")
    assert isinstance(admin, AdminView) and admin.open_partners() is partners  # one window
    infos = list_partners(places.cnsa)
    assert [row[0] for row in rows_of(partners.table)] == ["BROWN", "SLL"]
    for row, info in zip(rows_of(partners.table), infos, strict=True):
        assert row[3:8] == [
            info.short_fingerprint,
            "trusted",
            str(info.people),
            str(info.files_sent),
            str(info.files_received),
        ]
    assert len(rows_of(partners.file_table)) == len(list_files(places.cnsa))
    assert not partners.revoke_action.isEnabled()  # nobody selected yet

    # a copy of a file sent is the file as it was sent
    partners.file_table.table.selectRow(0)
    kept = partners.files[0]
    copy = partners.save_copy()
    assert copy is not None and copy.read_bytes() == file_content(places.cnsa, kept.id)[1]
    assert messages.shown[-1][1] == "Copy saved"

    # Brown's later introduction (a new person, say) needs no fingerprint: its key signed it
    later = tmp_path / "BROWN-introduction.lcx"
    later.write_bytes(places.introductions["BROWN"])

    def accept_later(dialog: AddPartnerDialog) -> None:
        assert dialog.known and dialog.confirmed_edit.isHidden()
        assert "trusted already" in dialog.note.text()
        dialog.ok_button.click()

    opened = when_modal(AddPartnerDialog, accept_later, close_after=True)
    assert window.import_exchange(later) is None and opened
    assert messages.shown[-1][1] == "Partner added"
    assert messages.shown[-1][2].startswith("Brown University's introduction is imported")

    # revoke SLL: its next file is refused
    partners.table.table.selectRow(1)
    assert partners.revoke_action.isEnabled()

    def revoke(dialog: ReasonDialog) -> None:
        # the service's own check, said under the field before anything is typed; OK waits
        assert not dialog.ok_button.isEnabled()
        assert dialog.ok_button.toolTip().startswith("Say why")
        qtbot.keyClicks(dialog.reason_edit, "The courier firm reported its key stolen")
        dialog.ok_button.click()

    when_modal(ReasonDialog, revoke, close_after=True)
    partners.revoke()
    assert rows_of(partners.table)[1][4].startswith("revoked ")
    report = export_exchange(
        places.sll, places.actors["dana.courier"], partner="CNSA", aliquots=[journey.SECOND]
    )
    with pytest.raises(ExchangeRefused, match="no longer trusted"):
        check_exchange(places.cnsa, places.actors["zhang.wei"], report.content)
