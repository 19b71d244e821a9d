"""The Samples view: lineage tree, scanning, detail pane and the registry's dialogs."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QToolButton
from pytestqt.qtbot import QtBot

from lunar_custody.domain import queries, registry
from lunar_custody.domain.errors import RuleViolation
from lunar_custody.domain.masses import format_mass
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.samples import lineage
from lunar_custody.gui.samples.detail import AliquotPane
from lunar_custody.gui.samples.dialogs import (
    ConsumeDialog,
    CorrectEventDialog,
    RegisterSampleDialog,
    ReportLostDialog,
    SplitDialog,
)
from lunar_custody.gui.samples.lineage import LineageModel
from lunar_custody.gui.samples.view import SamplesView
from tests.gui.conftest import Messages, when_modal
from tests.worlds import A1, A2, A3, A4, LENDER, World

D = TypeVar("D", bound=QDialog)
Ctx = Callable[[str], AppContext]


class MakeView(Protocol):
    def __call__(self, ctx: AppContext, height: int = 800) -> SamplesView: ...


@pytest.fixture
def make_view(qtbot: QtBot, world: World) -> Iterator[MakeView]:
    """Open views, closed before the world's database goes (no late fetch from a closed one)."""
    views: list[SamplesView] = []

    def make(ctx: AppContext, height: int = 800) -> SamplesView:
        view = SamplesView(ctx)
        qtbot.addWidget(view)
        view.resize(1280, height)
        view.show()
        views.append(view)
        return view

    yield make
    for view in views:
        view.close()
    qtbot.wait(20)  # the views' pending fetch timers fire while the database is still there


def scan(qtbot: QtBot, view: SamplesView, code: str) -> None:
    qtbot.keyClicks(view.scan_field, code)
    qtbot.keyClick(view.scan_field, Qt.Key.Key_Return)


def child_numbers(view: SamplesView) -> list[str]:
    index = view.tree.currentIndex()
    model = view.model
    return [model.index(r, 0, index).data() for r in range(model.rowCount(index))]


def test_register_sample_through_the_dialog(
    qtbot: QtBot, world: World, ctx_for: Ctx, messages: Messages, make_view: MakeView
) -> None:
    view = make_view(ctx_for("zhang"))
    changed: list[bool] = []
    view.ctx.changed.connect(lambda: changed.append(True))

    def fill(dialog: RegisterSampleDialog) -> None:
        qtbot.keyClicks(dialog.number_edit, "ce5c0401")
        qtbot.keyClicks(dialog.mass_edit, "1 g")
        dialog.mission_box.setCurrentText("Chang'e-5")
        qtbot.keyClicks(dialog.type_edit, "regolith")
        qtbot.keyClicks(dialog.description_edit, "Scooped at the landing site")
        for number, mass, container in (("00001", "250", "vial 1"), ("00002", "0.1 g", "")):
            dialog.add_button.click()
            row = dialog.table.rowCount() - 1
            assert dialog.table.item(row, 0).text() == "CE5C0401"
            dialog.table.item(row, 0).setText(f"CE5C0401YJFM{number}")
            dialog.table.item(row, 1).setText(mass)
            dialog.table.item(row, 2).setText("powder")
            dialog.table.item(row, 3).setText(container)
        dialog.ok_button.click()

    opened = when_modal(RegisterSampleDialog, fill, close_after=True)
    view.named_actions["register"].trigger()
    assert opened and messages.errors == []
    first = queries.aliquot_status(world.db, "CE5C0401YJFM00001")
    second = queries.aliquot_status(world.db, "CE5C0401YJFM00002")
    assert (first.current_mass_ug, first.container, first.form) == (250_000, "vial 1", "powder")
    assert second.current_mass_ug == 100_000 and second.sample_number == "CE5C0401"
    # the new sample is selected and expanded in the tree, its aliquots under it
    assert view.current_node() is not None and view.current_node().number == "CE5C0401"
    assert view.tree.isExpanded(view.tree.currentIndex())
    assert child_numbers(view) == ["CE5C0401YJFM00001", "CE5C0401YJFM00002"]
    assert view.detail.title.text() == "Sample CE5C0401"
    assert changed == [True]


def test_a_refused_registration_keeps_the_dialog_open(
    qtbot: QtBot, world: World, ctx_for: Ctx, messages: Messages, make_view: MakeView
) -> None:
    view = make_view(ctx_for("zhang"))
    before = world.snapshot()

    refusals: list[str] = []

    def fill(dialog: RegisterSampleDialog) -> None:
        qtbot.keyClicks(dialog.number_edit, world.SAMPLE)  # registered already
        dialog.ok_button.click()
        assert dialog.isVisible()
        refusals.append(dialog.error_label.text())

    opened = when_modal(RegisterSampleDialog, fill, close_after=True)
    view.register_sample()
    assert opened
    assert refusals == [f"Sample {world.SAMPLE} is registered already."]
    assert world.snapshot() == before


def test_scanning_selects_the_aliquot_and_shows_its_detail(
    qtbot: QtBot, world: World, ctx_for: Ctx, messages: Messages, make_view: MakeView
) -> None:
    numbers = world.rich_scenario()
    view = make_view(ctx_for("zhang"))
    grandchild = numbers["grandchild"]
    scan(qtbot, view, f" {grandchild.lower()} ")
    assert view.current_aliquot() == grandchild
    assert view.scan_field.text() == "" and not view.scan_message.isVisible()
    # the path to it is expanded: sample, A1, its child
    parent = view.tree.currentIndex().parent()
    assert [parent.data(), parent.parent().data(), parent.parent().parent().data()] == [
        numbers["child"],
        A1,
        world.SAMPLE,
    ]
    assert view.tree.isExpanded(parent) and view.tree.isExpanded(parent.parent())

    status = queries.aliquot_status(world.db, grandchild)
    detail = view.detail
    assert detail.title.text() == grandchild
    assert detail.subtitle.text() == "lost"
    assert detail.values["parent"].text() == numbers["child"]
    assert detail.values["custodian"].text().startswith("Brown University")
    for key, amount in (
        ("initial", status.initial_mass_ug),
        ("current", status.current_mass_ug),
        ("children", status.children_mass_ug),
        ("consumed", status.consumed_mass_ug),
        ("lost", status.lost_mass_ug),
    ):
        assert detail.balance[key].text() == format_mass(amount)
    assert detail.balance["lost"].text() == "20.000 mg"
    assert detail.balance_check.text().startswith("✓")
    history = queries.history(world.db, grandchild)
    table = detail.timeline
    assert table.rowCount() == len(history) == 2
    assert [table.item(r, 2).text() for r in range(2)] == ["split off its parent", "reported lost"]
    column = AliquotPane.TIMELINE_COLUMNS.index
    assert table.item(1, column("Note")).text() == (
        "loan " + numbers["brown_loan"] + " · vial cracked"
    )
    assert table.item(1, column("By")).text() == "Carla Pieters"
    # every event of this one-installation world was recorded here
    assert {table.item(r, column("Recorded at")).text() for r in range(2)} == {LENDER}

    # a sample number selects the sample; A2's timeline shows its transfer and courier
    scan(qtbot, view, world.SAMPLE)
    assert view.current_node() is not None and view.current_node().kind == "sample"
    assert view.detail.values["mission"].text() == "Chang'e-5"
    scan(qtbot, view, A2)
    rows = range(view.detail.timeline.rowCount())
    transfers = {view.detail.timeline.item(r, column("Transfer")).text() for r in rows}
    assert {numbers["outbound"], numbers["inbound"]} <= transfers
    couriers = {view.detail.timeline.item(r, column("Courier")).text() for r in rows}
    assert "Dana Courier" in couriers
    assert messages.shown == []


def test_an_unknown_scanned_code_says_so(
    qtbot: QtBot, world: World, ctx_for: Ctx, messages: Messages, make_view: MakeView
) -> None:
    view = make_view(ctx_for("zhang"))
    scan(qtbot, view, A3)
    scan(qtbot, view, "CE5C9999YJFM00001")
    assert view.scan_message.isVisible()
    assert view.scan_message.text() == "No aliquot or sample with the number CE5C9999YJFM00001."
    assert view.current_aliquot() == A3  # the selection stays where it was
    scan(qtbot, view, A4)
    assert not view.scan_message.isVisible() and view.current_aliquot() == A4


def test_a_scan_clears_a_search_that_hides_the_aliquot(
    qtbot: QtBot, world: World, ctx_for: Ctx, make_view: MakeView
) -> None:
    world.ship([A2], loan=world.active_loan([A2]))
    view = make_view(ctx_for("zhang"))
    registry.register_sample(
        world.db,
        world["zhang"],
        registry.NewSample(
            "CE5C0402", None, aliquots=[registry.NewAliquot("CE5C0402YJFM00001", 5)]
        ),
    )
    view.search_field.setText("Brown")  # the sample holding A2 at Brown
    view.search_field.flush()
    assert view.model.total() == 1
    view.search_field.setText("carla")  # the PI of the loan A2 is on
    view.search_field.flush()
    assert view.model.total() == 1
    view.search_field.setText("James Head")  # no loan with that PI: nothing matches
    view.search_field.flush()
    assert view.model.total() == 0
    scan(qtbot, view, "CE5C0402YJFM00001")
    assert view.current_aliquot() == "CE5C0402YJFM00001" and view.search_field.text() == ""


def test_split_through_the_dialog(
    qtbot: QtBot, world: World, ctx_for: Ctx, messages: Messages, make_view: MakeView
) -> None:
    view = make_view(ctx_for("zhang"))
    scan(qtbot, view, A1)
    remaining: list[str] = []

    def fill(dialog: SplitDialog) -> None:
        first, second = dialog.mass_edits
        qtbot.keyClicks(first, "600")
        assert not dialog.ok_button.isEnabled()  # more than A1 holds
        first.clear()
        qtbot.keyClicks(first, "100")
        qtbot.keyClicks(second, "50 mg")
        dialog.add_button.click()
        qtbot.keyClicks(dialog.mass_edits[2], "0.025 g")
        remaining.append(dialog.remaining_label.text())
        dialog.add_button.click()
        extra = dialog.mass_edits[3]
        assert not dialog.ok_button.isEnabled()  # an empty child
        extra.parentWidget().findChild(type(dialog.add_button), "removeChild").click()
        assert len(dialog.mass_edits) == 3 and dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.note_edit, "for the Brown loan")
        dialog.ok_button.click()

    opened = when_modal(SplitDialog, fill, close_after=True)
    view.named_actions["split"].trigger()
    assert opened
    assert messages.errors == [] and remaining == ["325.000 mg"]
    status = queries.aliquot_status(world.db, A1)
    children = [f"{A1}-G{n}" for n in (1, 2, 3)]
    assert status.children == children
    assert status.current_mass_ug == 325_000 and status.children_mass_ug == 175_000
    masses = [queries.aliquot_status(world.db, c).initial_mass_ug for c in children]
    assert masses == [100_000, 50_000, 25_000]
    # the same aliquot stays selected, expanded to show its new children
    assert view.current_aliquot() == A1
    assert view.tree.isExpanded(view.tree.currentIndex())
    assert child_numbers(view) == children
    assert view.detail.balance["children"].text() == "175.000 mg"
    world.check_rules()


def test_consume_report_lost_and_correct(
    qtbot: QtBot, world: World, ctx_for: Ctx, messages: Messages, make_view: MakeView
) -> None:
    view = make_view(ctx_for("zhang"))
    scan(qtbot, view, A4)

    def consume(dialog: ConsumeDialog) -> None:
        qtbot.keyClicks(dialog.mass_edit, "10")
        qtbot.keyClicks(dialog.note_edit, "laser ablation")
        dialog.ok_button.click()

    opened = when_modal(ConsumeDialog, consume, close_after=True)
    view.named_actions["consume"].trigger()
    assert opened
    assert world.status(A4).consumed_mass_ug == 10_000
    assert view.current_aliquot() == A4
    assert view.detail.balance["consumed"].text() == "10.000 mg"

    # correct the registration (chosen in the timeline) by -0.5 mg
    registered = queries.history(world.db, A4)[0].id
    view.detail.timeline.selectRow(0)

    def correct(dialog: CorrectEventDialog) -> None:
        assert dialog.event_box.currentData() == registered
        qtbot.keyClicks(dialog.delta_edit, "-0.5")
        assert dialog.after_label.text() == "90.000 mg → 89.500 mg"
        assert not dialog.ok_button.isEnabled()  # the reason is required
        qtbot.keyClicks(dialog.note_edit, "re-weighed on the new balance")
        dialog.ok_button.click()

    opened = when_modal(CorrectEventDialog, correct, close_after=True)
    view.named_actions["correct"].trigger()
    assert opened
    last = queries.history(world.db, A4)[-1]
    assert (last.kind, last.mass_ug, last.corrects_event_id) == ("corrected", -500, registered)
    assert world.status(A4).current_mass_ug == 89_500
    assert view.detail.timeline.item(view.detail.timeline.rowCount() - 1, 3).text() == "-500 µg"

    # report A3 lost: the note is required, then a confirmation
    scan(qtbot, view, A3)

    def lose(dialog: ReportLostDialog) -> None:
        assert not dialog.ok_button.isEnabled()
        qtbot.keyClicks(dialog.note_edit, "dropped in the glovebox drain")
        dialog.ok_button.click()

    opened = when_modal(ReportLostDialog, lose, close_after=True)
    view.named_actions["lost"].trigger()
    assert opened
    assert messages.shown[-1][0] == "confirmDialog"
    assert "200.000 mg" in messages.shown[-1][2]
    assert world.status(A3).status == "lost" and world.status(A3).lost_mass_ug == 200_000
    assert view.current_aliquot() == A3
    lost = view.named_actions["lost"]
    assert not lost.isEnabled() and lost.toolTip() == f"Aliquot {A3} is reported lost already."
    split = view.named_actions["split"]
    assert not split.isEnabled() and "only an aliquot in storage" in split.toolTip()
    assert messages.errors == []
    world.check_rules()


def test_answering_no_reports_nothing(
    qtbot: QtBot, world: World, ctx_for: Ctx, messages: Messages, make_view: MakeView
) -> None:
    from PySide6.QtWidgets import QMessageBox

    messages.answer = QMessageBox.StandardButton.No
    view = make_view(ctx_for("zhang"))
    scan(qtbot, view, A3)
    before = world.snapshot()

    def lose(dialog: ReportLostDialog) -> None:
        qtbot.keyClicks(dialog.note_edit, "not sure")
        dialog.ok_button.click()

    opened = when_modal(ReportLostDialog, lose, close_after=True)
    view.report_lost()
    assert opened
    assert world.snapshot() == before


def test_a_viewer_sees_the_actions_disabled_with_the_reason(
    qtbot: QtBot, world: World, ctx_for: Ctx, make_view: MakeView
) -> None:
    ctx = ctx_for("auditor")
    view = make_view(ctx)
    scan(qtbot, view, A1)
    assert view.current_aliquot() == A1 and view.detail.title.text() == A1
    operations = {
        "register": "register_sample",
        "split": "split",
        "consume": "consume",
        "lost": "report_lost",
        "correct": "correct",
        "import": "import",
    }
    for key, operation in operations.items():
        action = view.named_actions[key]
        reason = ctx.why_not(operation)
        assert reason is not None and reason.startswith("Only a")
        assert not action.isEnabled() and action.toolTip() == reason
        button = view.toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton) and not button.isEnabled()
        assert button.toolTip() == reason
    assert view.named_actions["export"].isEnabled()
    assert set(view.menu_actions()) == set(view.named_actions.values())


def test_actions_follow_the_selected_aliquots_state(
    qtbot: QtBot, world: World, ctx_for: Ctx, make_view: MakeView
) -> None:
    world.ship([A2], loan=world.active_loan([A2]))
    view = make_view(ctx_for("zhang"))
    split = view.named_actions["split"]
    assert not split.isEnabled() and split.toolTip() == "Select an aliquot first."
    scan(qtbot, view, A2)
    assert not split.isEnabled()
    assert split.toolTip() == (
        f"Aliquot {A2} is held by Brown University; only its custodian may split it."
    )
    assert view.named_actions["lost"].isEnabled()  # the lender's curator may report it lost
    scan(qtbot, view, A1)
    assert split.isEnabled() and split.toolTip().startswith("Split child aliquots")
    borrower = make_view(ctx_for("brown_lm"))
    scan(qtbot, borrower, A1)
    lost = borrower.named_actions["lost"]
    assert lost.toolTip() == f"Only the holder of {A1} or the lender's curator may report it lost."
    correct = borrower.named_actions["correct"]
    assert not correct.isEnabled()
    scan(qtbot, borrower, A2)
    assert (
        borrower.named_actions["split"].isEnabled() and borrower.named_actions["lost"].isEnabled()
    )


def _register_samples(world: World, count: int, aliquots: int) -> list[str]:
    numbers = [f"CE6Z{n:04d}" for n in range(1, count + 1)]
    for number in numbers:
        registry.register_sample(
            world.db,
            world["zhang"],
            registry.NewSample(
                number,
                None,
                aliquots=[
                    registry.NewAliquot(f"{number}YJFM{a:05d}", 1_000)
                    for a in range(1, aliquots + 1)
                ],
            ),
        )
    return numbers


def test_the_tree_fetches_a_page_at_a_time(
    qtbot: QtBot, world: World, ctx_for: Ctx, monkeypatch: pytest.MonkeyPatch, make_view: MakeView
) -> None:
    monkeypatch.setattr(lineage, "PAGE_SIZE", 3)
    samples = _register_samples(world, 40, 3)
    model = LineageModel(world.db)
    top = model.index(-1, -1)
    assert model.rowCount() == 0 and model.canFetchMore(top)
    sizes = []
    while model.canFetchMore(top):
        model.fetchMore(top)
        sizes.append(model.rowCount())
    assert sizes == [*range(3, 41, 3), 41]  # the world's sample, then the forty new ones
    assert [model.index(r, 0).data() for r in range(41)] == [world.SAMPLE, *samples]
    # children are not fetched until asked for
    assert all(not node.children for node in model.loaded_nodes())
    first = model.index(1, 0)
    assert model.hasChildren(first) and model.rowCount(first) == 0
    model.fetchMore(first)
    assert model.rowCount(first) == 3 and model.canFetchMore(first)
    model.fetchMore(first)
    assert model.rowCount(first) == 3 and not model.canFetchMore(first)
    assert sum(len(node.children) for node in model.loaded_nodes()) == 3

    # the view fetches what fills the screen; scanning an aliquot of the last sample
    # fetches the samples above it and that sample's aliquots, nothing else
    view = make_view(ctx_for("zhang"), height=400)
    assert 0 < view.model.rowCount() < 30
    last = f"{samples[-1]}YJFM00003"
    scan(qtbot, view, last)
    assert view.current_aliquot() == last
    assert view.model.rowCount() == 41
    loaded = {node.number: len(node.children) for node in view.model.loaded_nodes()}
    assert loaded[samples[-1]] == 3
    assert sum(loaded.values()) == 3


def test_an_expanded_node_fetches_more_children_as_it_scrolls_into_view(
    qtbot: QtBot, world: World, ctx_for: Ctx, monkeypatch: pytest.MonkeyPatch, make_view: MakeView
) -> None:
    monkeypatch.setattr(lineage, "PAGE_SIZE", 4)
    (sample,) = _register_samples(world, 1, 30)
    view = make_view(ctx_for("zhang"), height=300)
    index = view.model.index(1, 0)
    assert index.data() == sample
    view.tree.expand(index)
    # a short view: the pages that fill the screen are fetched, not all thirty aliquots
    qtbot.waitUntil(lambda: view.model.rowCount(index) >= 8)
    qtbot.wait(50)
    assert view.model.rowCount(index) < 30

    def scrolled_to_the_end() -> bool:
        view.tree.scrollToBottom()
        return view.model.rowCount(index) == 30

    qtbot.waitUntil(scrolled_to_the_end, timeout=3000)
    assert not view.model.canFetchMore(index)


def test_lineage_model_passes_the_qt_model_tester(
    qtbot: QtBot, world: World, qtmodeltester: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lineage, "PAGE_SIZE", 2)
    world.rich_scenario()
    _register_samples(world, 3, 2)
    model = LineageModel(world.db)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    # searched (a new model: the tester's own checks on a reset would fetch mid-reset)
    searched = LineageModel(world.db)
    searched.set_search("KOLN")
    qtmodeltester.check(searched)
    assert searched.total() == 1 and searched.rowCount() == 1


def test_import_csv_through_a_background_task(
    qtbot: QtBot,
    world: World,
    ctx_for: Ctx,
    messages: Messages,
    tmp_path: Path,
    make_view: MakeView,
) -> None:
    good = tmp_path / "aliquots.csv"
    good.write_text(
        "sample,aliquot,mass,form,container\n"
        "CE5C0410,CE5C0410YJFM00001,12.5 mg,powder,vial A\n"
        "CE5C0410,CE5C0410YJFM00002,7.5,powder,vial B\n"
        "CE5C0411,CE5C0411YJFM00001,1 g,chip,vial C\n",
        encoding="utf-8",
    )
    view = make_view(ctx_for("zhang"))
    view.ask_import_path = lambda: str(good)  # type: ignore[method-assign]
    view.named_actions["import"].trigger()
    assert messages.errors == []
    assert messages.shown[-1][1] == "Import finished"
    assert "2 samples with 3 aliquots" in messages.shown[-1][2]
    assert world.status("CE5C0411YJFM00001").current_mass_ug == 1_000_000
    assert view.model.total() == 3

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "sample,aliquot,mass\nCE5C0412,CE5C0412YJFM00001,-3 mg\nCE5C0412,CE5C0412YJFM00002,x\n",
        encoding="utf-8",
    )
    before = world.snapshot()
    view.ask_import_path = lambda: str(bad)  # type: ignore[method-assign]
    view.import_csv()
    assert messages.shown[-1][:2] == ("errorDialog", "Import refused")
    assert "2 rows have problems" in messages.shown[-1][2]
    assert world.snapshot() == before


def test_export_inventory_as_json_and_csv(
    qtbot: QtBot,
    world: World,
    ctx_for: Ctx,
    messages: Messages,
    tmp_path: Path,
    make_view: MakeView,
) -> None:
    view = make_view(ctx_for("auditor"))
    target = tmp_path / "inventory.json"
    view.ask_export_path = lambda: str(target)  # type: ignore[method-assign]
    view.named_actions["export"].trigger()
    assert messages.errors == [] and messages.shown[-1][1] == "Inventory exported"
    rows = json.loads(target.read_text(encoding="utf-8"))
    assert {row["number"]: row["current_mass_ug"] for row in rows} == world.MASSES
    csv_target = tmp_path / "inventory.csv"
    view.ask_export_path = lambda: str(csv_target)  # type: ignore[method-assign]
    view.export_inventory()
    lines = csv_target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("number,") and len(lines) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inventory.csv", "inventory.json"]


def test_the_consume_tooltip_says_what_the_registry_would(
    qtbot: QtBot, world: World, ctx_for: Ctx, make_view: MakeView
) -> None:
    loan = world.active_loan([A2], destructive=False)
    world.ship([A2], loan=loan)
    view = make_view(ctx_for("brown_lm"))
    scan(qtbot, view, A2)
    consume = view.named_actions["consume"]
    words = f"Loan {loan} does not allow destructive analysis of {A2}."
    assert not consume.isEnabled() and consume.toolTip() == words
    with world.refused(RuleViolation, words):
        registry.consume(world.db, world["brown_lm"], A2, 10_000)
    assert view.named_actions["split"].isEnabled()  # splitting is no destructive analysis
