"""The languages a document for a partner prints in, chosen beside its button.

An agreement, a custody form or a manifest is for one partner institution, which may read
English, Chinese or both (domain/document_languages.py). The action (its button, its entry
in the Actions menu) writes the document in the languages remembered for that partner; the
arrow beside its button offers the three choices, the remembered one checked. A choice
other than the remembered one is remembered for the partner when the person may (a
curator or an administrator), so the next document comes the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ...domain import document_languages
from ...domain.document_languages import CHOICES, Languages
from ...domain.store import Store
from ..context import AppContext
from ..translation import Translator, translated

_exchange_languages = Translator("_exchange_languages")

# domain.document_languages.LANGUAGE_NAMES, as the window names them
LANGUAGE_WORDS = {
    "en": _exchange_languages.noop("English"),
    "zh": _exchange_languages.noop("Chinese (简体中文)"),
}


def choice_text(languages: Languages) -> str:
    """'English', 'Chinese (简体中文)', or both as parallel text."""
    names = [translated(LANGUAGE_WORDS.get(code, code)) for code in languages]
    if len(names) == 1:
        return names[0]
    return _exchange_languages.tr("{first} and {second}, side by side").format(
        first=names[0], second=names[1]
    )


def languages_menu(
    parent: QWidget,
    remembered: Callable[[], Languages],
    write: Callable[[Languages], None],
) -> QMenu:
    """The three choices, the one ``remembered()`` gives checked when the menu opens; a
    choice calls ``write`` with its languages."""
    menu = QMenu(_exchange_languages.tr("Document language"), parent)
    menu.setObjectName("documentLanguagesMenu")
    group = QActionGroup(menu)
    choices: list[tuple[QAction, Languages]] = []
    for languages in CHOICES:
        action = QAction(choice_text(languages), menu)
        action.setObjectName("languages:" + ",".join(languages))
        action.setCheckable(True)
        group.addAction(action)
        menu.addAction(action)
        choices.append((action, languages))
        action.triggered.connect(lambda _checked=False, chosen=languages: write(chosen))

    def check_remembered() -> None:
        now = remembered()
        for action, languages in choices:
            action.setChecked(languages == now)

    menu.aboutToShow.connect(check_remembered)  # what is remembered may change meanwhile
    return menu


def offer_languages(
    button: QWidget | None,
    remembered: Callable[[], Languages],
    write: Callable[[Languages], None],
) -> QMenu:
    """Give a document action's ``button`` the languages menu: a click writes as its action
    does, the arrow beside it chooses the languages."""
    assert isinstance(button, QToolButton)
    menu = languages_menu(button, remembered, write)
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    return menu


def remember_choice(ctx: AppContext, partner: str, languages: Languages | None) -> None:
    """Keep ``languages`` for ``partner`` when they were chosen, differ from what is kept,
    and the person may choose a partner's document languages (called off the GUI thread,
    after the document is written)."""
    store: Store = ctx.db
    if (
        languages is None
        or not partner
        or ctx.why_not("choose_document_languages") is not None
        or document_languages.document_languages(store, partner) == languages
    ):
        return
    document_languages.set_document_languages(store, ctx.actor, partner, languages)
