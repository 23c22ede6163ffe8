"""The Help window: the user guide, the search syntax and the keyboard shortcuts.

A window of its own beside the archive's (F1 opens it at the guide), with the
pages listed on the left and shown in a QTextBrowser; links between pages stay
inside it, web links open in the browser. It shows nothing from the archive, so
its actions are `safe` (usable while the window is locked to a visitor's view).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from memoria.ui import i18n
from memoria.ui.actions import ActionId
from memoria.ui.help.pages import HELP, TOPICS, page_path, search_html, shortcuts_html
from memoria.ui.widgets.fit import fit_to_screen

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpWindow", text)


def topic_titles() -> dict[str, str]:
    return {
        "index": _tr("Getting started"),
        "archivist": _tr("Custodian: import, describe, keep"),
        "curator": _tr("Curator: exhibits"),
        "researcher": _tr("Researcher: search"),
        "search": _tr("Search syntax"),
        "shortcuts": _tr("Keyboard shortcuts"),
    }


class HelpWindow(QWidget):
    def __init__(self, window: WindowApi) -> None:
        super().__init__(window, Qt.WindowType.Window)
        self.main_window = window
        self.lang = i18n.current_language()
        self.topic = ""
        self._history: list[str] = []
        self.setObjectName("helpWindow")
        self.setWindowTitle(_tr("Memoria — Help"))

        self.contents = QListWidget(self)
        self.contents.setObjectName("helpContents")
        self.contents.setAccessibleName(_tr("Help pages"))
        for topic, title in topic_titles().items():
            entry = QListWidgetItem(title, self.contents)
            entry.setData(Qt.ItemDataRole.UserRole, topic)
        self.contents.currentItemChanged.connect(
            lambda item, _old: item is not None and self.show_topic(
                item.data(Qt.ItemDataRole.UserRole)))

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setSearchPaths([str(HELP)])  # <img src="img/...">
        self.browser.anchorClicked.connect(self._follow)

        self.back = QPushButton(_tr("Back"), self)
        self.back.setShortcut(QKeySequence.StandardKey.Back)
        self.back.clicked.connect(self.go_back)
        self.back.setEnabled(False)
        close = QPushButton(_tr("Close"), self)
        close.clicked.connect(self.close)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 720])
        splitter.setCollapsible(1, False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 980, 680)

    def show_topic(self, topic: str, remember: bool = True) -> None:
        if topic not in TOPICS or topic == self.topic:
            return
        if remember and self.topic:
            self._history.append(self.topic)
        self.topic = topic
        if topic == "shortcuts":
            html = shortcuts_html(self.main_window)
        elif topic == "search":
            html = search_html(self.lang)
        else:
            html = page_path(topic, self.lang).read_text(encoding="utf-8")
        self.browser.setHtml(html)
        self.back.setEnabled(bool(self._history))
        row = TOPICS.index(topic)
        if self.contents.currentRow() != row:
            self.contents.setCurrentRow(row)

    def go_back(self) -> None:
        if self._history:
            self.show_topic(self._history.pop(), remember=False)
            self.back.setEnabled(bool(self._history))

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        name = url.path().rsplit("/", 1)[-1].removesuffix(".html")
        if name in TOPICS:
            self.show_topic(name)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())


def show_help(window: WindowApi, topic: str = "index") -> HelpWindow:
    """Open (or raise) the window's Help window at `topic`."""
    help_window = getattr(window, "help_window", None)
    if help_window is None or help_window.lang != i18n.current_language():
        help_window = window.help_window = HelpWindow(window)
    help_window.show_topic(topic)
    help_window.show()
    help_window.raise_()
    help_window.activateWindow()
    return help_window


def install_help(window: WindowApi) -> None:
    """Help > User guide (F1), Keyboard shortcuts, Search syntax, before About (which
    stays last); all `safe`. Search syntax is the search field's popover action when
    registered (it links to the longer page here)."""
    tr = QCoreApplication.translate
    actions, menu = window.actions, window.help_menu
    about = actions[ActionId.ABOUT]
    entries = [
        actions.add(ActionId.USER_GUIDE, tr("MainWindow", "&User guide"),
                    lambda: show_help(window, "index"), "F1",
                    safe=True),
        actions.add(ActionId.SHORTCUTS, tr("MainWindow", "&Keyboard shortcuts"),
                    lambda: show_help(window, "shortcuts"), safe=True),
    ]
    if ActionId.SEARCH_SYNTAX not in actions:
        entries.append(actions.add(ActionId.SEARCH_SYNTAX, tr("MainWindow", "&Search syntax"),
                                   lambda: show_help(window, "search"), safe=True))
    else:  # the search field's popover (views/search_syntax.py), after the guide
        menu.removeAction(actions[ActionId.SEARCH_SYNTAX])
        entries.append(actions[ActionId.SEARCH_SYNTAX])
    for action in entries:
        menu.insertAction(about, action)
    menu.insertSeparator(about)
