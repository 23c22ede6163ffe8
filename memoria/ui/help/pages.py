"""The Help window's pages: the guide's HTML files in resources/help/<lang>/, and two
pages made when shown, so they never drift from the program:

- the shortcuts sheet, walked from the window's menus and its action registry
  (`window.actions`): every action with a shortcut, under the menu that holds it;
- the search syntax, whose examples are the search field's syntax popover's own
  (ui/views/search_syntax.py), so the two never disagree.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from memoria.ui.views.search_syntax import syntax_rows

if TYPE_CHECKING:
    from memoria.ui.window_api import WindowApi

HELP = Path(__file__).resolve().parents[3] / "resources" / "help"
GUIDE = ("index", "archivist", "curator", "researcher")  # the guide's pages, in order
TOPICS = (*GUIDE, "search", "shortcuts")


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpPages", text)


def page_path(topic: str, lang: str) -> Path:
    return HELP / (lang if lang in ("es", "en") else "en") / f"{topic}.html"


def plain(text: str) -> str:
    """A menu text as read: without its & mnemonic marks and trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def shortcut_rows(window: WindowApi) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(menu title, [(action, keys)])] for every action of the window with a shortcut:
    first those in the menu bar, menu by menu, then registered ones in no menu."""
    seen: set[int] = set()
    groups: list[tuple[str, list[tuple[str, str]]]] = []

    def walk(menu: QMenu, into: list[tuple[str, str]], prefix: str = "") -> None:
        for action in menu.actions():
            if action.menu() is not None:
                sub = action.menu()
                walk(sub, into, f"{prefix}{plain(sub.title())} › ")
                continue
            keys = _keys(action)
            if keys and action.isVisible():
                seen.add(id(action))
                into.append((prefix + plain(action.text()), keys))

    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        rows: list[tuple[str, str]] = []
        walk(menu, rows)
        if rows:
            groups.append((plain(menu.title()), rows))
    rest = [(plain(action.text()), _keys(action)) for _, action in window.actions.items()
            if _keys(action) and id(action) not in seen and action.isVisible()]
    if rest:
        groups.append((_tr("Elsewhere in the window"), rest))
    return groups


def _keys(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                     for s in action.shortcuts() if not s.isEmpty())


def shortcuts_html(window: WindowApi) -> str:
    parts = [f"<h1>{escape(_tr('Keyboard shortcuts'))}</h1>",
             f"<p>{escape(_tr('Every shortcut of this window, as its menus have them now.'))}</p>"]
    for title, rows in shortcut_rows(window):
        parts.append(f"<h2>{escape(title)}</h2><table cellpadding='4' cellspacing='0' "
                     "border='0' width='100%'>")
        for text, keys in rows:
            parts.append(f"<tr><td width='60%'>{escape(text)}</td>"
                         f"<td><b><code>{escape(keys)}</code></b></td></tr>")
        parts.append("</table>")
    return "\n".join(parts)


def search_html(lang: str) -> str:
    """The search syntax page: its prose from resources/help/<lang>/search.html, where
    `<!-- EXAMPLES -->` is replaced by the shared table of examples."""
    text = page_path("search", lang).read_text(encoding="utf-8")
    rows = "\n".join(
        f"<tr><td valign='top'><code>{escape(query)}</code></td><td>{escape(says)}</td></tr>"
        for query, says in syntax_rows())
    head = ("<tr><th align='left'>{}</th><th align='left'>{}</th></tr>".format(
        *(("Escriba", "Encuentra") if lang == "es" else ("Type", "Finds"))))
    table = f"<table cellpadding='5' cellspacing='0' border='1'>{head}{rows}</table>"
    return text.replace("<!-- EXAMPLES -->", table)
