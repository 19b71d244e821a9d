"""A partner's documents from the Loans and Transfers views: the action writes them in the
partner's remembered languages; its menu chooses English, Chinese or both, which a curator's
choice then remembers for the partner (a viewer's prints, and is not remembered)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QToolButton
from pytestqt.qtbot import QtBot

from lunar_custody.documents.service import GeneratedDocument
from lunar_custody.domain.document_languages import document_languages
from lunar_custody.gui.context import AppContext
from lunar_custody.gui.loans import LoansView
from lunar_custody.gui.pdf_preview import PdfPreview
from lunar_custody.gui.transfers import TransfersView
from tests.gui.conftest import when_modal
from tests.worlds import A1, A2, BROWN, World


def written_by(trigger: Callable[[], None]) -> GeneratedDocument:
    """The document an action writes, taken from its preview (closed at once)."""
    seen: list[GeneratedDocument] = []

    def close(dialog: PdfPreview) -> None:
        seen.append(dialog.doc)
        dialog.reject()

    when_modal(PdfPreview, close)
    trigger()
    assert len(seen) == 1
    return seen[0]


def checked(menu: QMenu) -> list[str]:
    """The choice a menu checks as it opens."""
    menu.aboutToShow.emit()  # what opening the menu does
    return [a.objectName() for a in menu.actions() if a.isChecked()]


def test_the_agreement_menu_chooses_and_remembers_the_borrowers_languages(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    number = world.active_loan([A1, A2])
    view = LoansView(ctx_for("zhang"))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert view.select_loan(number)
    button = view.toolbar.widgetForAction(view.agreement_action)
    assert isinstance(button, QToolButton)  # a click writes, the arrow beside it chooses
    assert button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup
    menu = button.menu()
    assert [a.text() for a in menu.actions()] == [
        "English",
        "Chinese (简体中文)",
        "English and Chinese (简体中文), side by side",
    ]
    assert checked(menu) == ["languages:en"]  # nothing remembered: English
    assert written_by(button.click).languages == ("en",)

    both = menu.actions()[2]
    assert written_by(both.trigger).languages == ("en", "zh")
    assert document_languages(world.db, BROWN) == ("en", "zh")  # a curator's choice is kept
    assert checked(menu) == ["languages:en,zh"]
    assert written_by(view.agreement_action.trigger).languages == ("en", "zh")  # Actions menu

    viewer = LoansView(ctx_for("auditor"))
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.refresh()
    assert viewer.select_loan(number)
    chinese = viewer.agreement_languages.actions()[1]
    assert written_by(chinese.trigger).languages == ("zh",)
    assert document_languages(world.db, BROWN) == ("en", "zh")  # a viewer may not choose


def test_the_custody_form_and_manifest_menus_choose_the_languages(
    qtbot: QtBot, world: World, ctx_for: Callable[[str], AppContext]
) -> None:
    loan = world.active_loan([A1, A2])
    transfer = world.release([A1, A2], loan=loan)
    view = TransfersView(ctx_for("zhang"))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert view.open_transfer(transfer)
    for name in ("custodyFormButton", "manifestButton"):
        button = view.findChild(QToolButton, name)
        assert button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup
    chinese = view.paper_languages[view.custody_form_action].actions()[1]
    assert written_by(chinese.trigger).languages == ("zh",)
    assert document_languages(world.db, BROWN) == ("zh",)  # the package's partner: its receiver
    assert checked(view.paper_languages[view.manifest_action]) == ["languages:zh"]
    assert written_by(view.manifest_action.trigger).languages == ("zh",)
