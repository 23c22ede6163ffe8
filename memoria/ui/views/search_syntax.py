"""Search as you type, and the search syntax at hand (issue 15).

- `SearchAsYouType`: the search runs by itself a short pause (PAUSE_MS) after
  the last key; Enter still runs it at once. One character never searches (it
  matches half the archive and tells nothing). Answers cannot arrive out of
  order: each search bumps the controller's generation and an older answer is
  dropped (views/search.py), so the list always shows the last words typed.
- `SyntaxHelp`: a popover under the search field with the syntax and an example
  of each form, opened by the "?" at the end of the field and by
  Help > Search syntax (ActionId.SEARCH_SYNTAX, safe: it only shows text).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from memoria.ui.actions import ActionId
from memoria.ui.icons import icon

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

PAUSE_MS = 300
MIN_CHARS = 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchSyntax", text)


class SearchAsYouType(QObject):
    """Runs the window's search PAUSE_MS after typing stops."""

    def __init__(self, window: WindowApi) -> None:
        super().__init__(window)
        self.window_ = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self._pause_over)
        field = window.search_field
        field.textEdited.connect(self._typed)
        field.returnPressed.connect(self.timer.stop)  # Enter: run_search runs it now

    def _typed(self, text: str) -> None:
        if len(text.strip()) < MIN_CHARS:
            self.timer.stop()  # an empty field clears the search (main_window)
            return
        self.timer.start()

    def _pause_over(self) -> None:
        window = self.window_
        text = window.search_field.text().strip()
        if len(text) < MIN_CHARS:
            return
        search = window.search
        if search.results is not None and search.text == text:
            return  # already the words on screen (Enter was pressed meanwhile)
        window.run_search()


# (example as typed, what it finds): examples in Spanish, since the testimonies are;
# the field names work in both languages.
def _rows() -> list[tuple[str, str]]:
    return [
        ("madres buscadoras", _tr("Both words, anywhere in the item: title, description, "
                                  "transcript, people, places, subjects.")),
        ('"casa quemada"', _tr("The exact phrase.")),
        ("madres OR buscadoras", _tr("Either word (OR in capitals).")),
        ("-paramilitares", _tr("Without that word.")),
        ("desplaz*", _tr("Words that start like that (at least two letters before *).")),
        ("medelin~", _tr("Also with a spelling mistake of one letter.")),
        ("lugar:Medellín  persona:\"Ana\"",
         _tr("Only in one field: titulo / title, persona / person, lugar / place, "
             "tema / subject, texto / text, descripcion / description.")),
        ("tipo:testimonio  idioma:en", _tr("Kind (testimonio, fotografia, audio) and "
                                           "language.")),
        ("año:1998  año:1985..1991  fecha:2002-10",
         _tr("Dates: a year, a range of years, a month (year: and date: in English).")),
        ("Medellin", _tr("Accents and capitals do not matter: Medellin finds Medellín. "
                         "The ñ does: año is not ano, and ninos also searches niños.")),
    ]


def syntax_rows() -> list[tuple[str, str]]:
    """The examples, translated: this popover's and the Help window's longer
    "Search syntax" page (ui/help/pages.py) share them."""
    return _rows()


def syntax_html() -> str:
    rows = "".join(
        f"<tr><td style='padding:3px 12px 3px 0'><code>{escape(example)}</code></td>"
        f"<td style='padding:3px 0'>{escape(meaning)}</td></tr>"
        for example, meaning in _rows())
    title = escape(_tr("How to search"))
    foot = escape(_tr("The search runs by itself as you type; Enter runs it at once."))
    more = escape(_tr("More in the user guide (F1)"))
    return (f"<p><b>{title}</b></p><table cellspacing='0'>{rows}</table>"
            f"<p><i>{foot}</i> <a href='help:search'>{more}</a></p>")


class SyntaxHelp(QFrame):
    """The syntax popover; closes on Escape or a click elsewhere."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("searchSyntax")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_tr("Search syntax"))
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setContentsMargins(12, 10, 12, 10)
        # Scrolls inside itself when the screen is short (1366x768 at 150 %).
        self.scroll = QScrollArea(self)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.scroll)

    def show_under(self, field: QLineEdit) -> None:
        self.label.setText(syntax_html())
        screen = field.screen().availableGeometry()
        width = min(760, screen.width() - 20)
        scrollbar = self.scroll.verticalScrollBar().sizeHint().width()
        wanted = self.label.heightForWidth(width - 2 - scrollbar) + 6
        top = field.mapToGlobal(QPoint(0, 0)).y()
        below = top + field.height() + 2
        room_below, room_above = screen.bottom() - below, top - 2 - screen.top()
        height = min(wanted, max(room_below, room_above))
        y = below if height <= room_below or room_below >= room_above else top - 2 - height
        x = min(max(screen.left(), field.mapToGlobal(QPoint(0, 0)).x()),
                screen.right() - width)
        self.setGeometry(x, y, width, height)
        self.show()
        self.label.setFocus()


def install_search_syntax(window: WindowApi) -> tuple[SearchAsYouType, SyntaxHelp, QAction]:
    """Search as you type, the "?" in the field and Help > Search syntax; returned for
    their owner (views/search_ui.py) to keep."""
    as_you_type = SearchAsYouType(window)
    popover = SyntaxHelp(window)
    field = window.search_field

    def show() -> None:
        popover.show_under(field)

    def more(_link: str) -> None:  # the Help window's longer page (ui/help)
        popover.hide()
        if hasattr(window, "show_help"):
            window.show_help("search")

    popover.label.linkActivated.connect(more)
    button = QAction(icon("circle-question-mark"), _tr("Search syntax"), field)
    button.setObjectName("searchSyntaxButton")
    button.setToolTip(_tr("How to search: phrases, OR, exclusions, fields, dates"))
    button.triggered.connect(show)
    field.addAction(button, QLineEdit.ActionPosition.TrailingPosition)
    action = window.actions.add(ActionId.SEARCH_SYNTAX,
                                QCoreApplication.translate("MainWindow", "&Search syntax"),
                                show, safe=True)
    menu = window.help_menu
    about = window.actions.get(ActionId.ABOUT)
    if about is not None and about in menu.actions():
        menu.insertAction(about, action)
    else:
        menu.addAction(action)
    return as_you_type, popover, button
