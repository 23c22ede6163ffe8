"""The right pane: one item, read-only, exactly as the current audience may see it.

Everything shown comes from projection.project (never get_item), so names are
already pseudonymised, internal notes dropped and withheld transcript
segments left out for anyone but a custodian. Editing is a separate window,
asked for by signal so this pane never writes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from memoria import access
from memoria.domain.consent import Audience
from memoria.domain.dates import UncertainDate, format_date
from memoria.domain.messages import explain
from memoria.domain.model import Kind
from memoria.operations.exhibits import exhibits_using_item
from memoria.operations.items import kinds_of, place_path
from memoria.projection import project
from memoria.ui.i18n import current_language
from memoria.ui.labels import kind_label, kind_plural, role_in_text, status_label
from memoria.ui.media.item_media import ItemMediaPanel
from memoria.ui.session import Session
from memoria.ui.widgets.consent_badge import BadgeLabel


class DetailPane(QWidget):
    editRequested = Signal(int)
    consentRequested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id: int | None = None
        self.trash_view = False  # the sidebar's Trash: its items shown to custodians
        self.selection: list[int] = []  # several items: the summary is shown
        # The window's actions that apply to many items (batch edit, add to exhibit...):
        # asked for each time the summary is shown, so late-registered ones appear.
        self.selection_actions: Callable[[], list[QAction]] = list
        self.setAccessibleName(self.tr("Item details"))

        self.badge = BadgeLabel(self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName(self.tr("Who may see this item"))
        self.edit_button = QPushButton(self.tr("&Edit"), self)
        self.edit_button.setAccessibleName(self.tr("Edit this item"))
        self.consent_button = QPushButton(self.tr("C&onsent..."), self)
        self.consent_button.setAccessibleName(self.tr("Consent of this item"))
        self.edit_button.clicked.connect(self._edit)
        self.consent_button.clicked.connect(self._consent)
        self.body = QTextBrowser(self)
        self.body.setOpenLinks(False)
        self.body.setAccessibleName(self.tr("Item description"))
        self.media = ItemMediaPanel(session, self)
        self.media.openRequested.connect(
            lambda ms: self.open_item_at(self.item_id, ms) if self.item_id is not None else None)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(self.body)
        self.split.addWidget(self.media)
        self.split.setStretchFactor(1, 2)

        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.consent_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.explanation)
        self.selection_bar = QWidget(self)
        self.selection_bar.setObjectName("selectionActions")
        self.selection_bar.setAccessibleName(self.tr("Actions for the selected items"))
        # One button a line: five Spanish labels side by side were cut to "Con…ión".
        self._bar_layout = QVBoxLayout(self.selection_bar)
        self._bar_layout.setContentsMargins(0, 0, 0, 0)
        self._bar_layout.setSpacing(2)
        self.selection_bar.hide()
        layout.addWidget(self.selection_bar)
        layout.addWidget(self.split, 1)
        self.show_item(None)

    # -- showing --------------------------------------------------------------------
    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.selection = []
        self.selection_bar.hide()
        self.explanation.show()
        audience = self.session.audience
        custodian = audience is Audience.CUSTODIAN
        for button in (self.edit_button, self.consent_button):
            button.setVisible(custodian and not self.trash_view)  # restore it to edit it
            button.setEnabled(item_id is not None)
        if item_id is None:
            self.badge.hide()
            self.explanation.clear()
            nothing = self.tr("No item selected.")
            self.body.setHtml(f"<p><i>{escape(nothing)}</i></p>")
            self.media.show_view(None, audience)
            return
        lang = current_language()
        self.badge.show()
        self.badge.set_status(self.session.snapshot().status(item_id))
        try:
            view = project(self.session.reader, item_id, audience, lang=lang,
                           trashed=self.trash_view and custodian)
        except access.NotVisible as hidden:
            self.explanation.setText(explain(hidden.decision, lang))
            hidden_text = self.tr("This item is not visible to this audience.")
            self.body.setHtml(f"<p><i>{escape(hidden_text)}</i></p>")
            self.media.show_view(None, audience)
            return
        except Exception as exc:  # noqa: BLE001 - deleted meanwhile, or a damaged row
            self.explanation.clear()
            self.body.setHtml(f"<p>{escape(str(exc))}</p>")
            self.media.show_view(None, audience)
            return
        self.explanation.setText(explain(view.decision, lang) if not self.trash_view else self.tr(
            "In the trash: nobody else sees it. Restore it to edit it or to show it again."))
        self.body.setHtml(self._html(view, custodian, lang))
        self.media.show_view(view, audience)

    def open_item_at(self, item_id: int, ms: int) -> None:
        """Show `item_id` and put its recording at `ms` (search hits, segment double-clicks)."""
        if item_id != self.item_id:
            self.show_item(item_id)
        self.media.seek(ms)
        self.media.player.setFocus()

    def refresh(self) -> None:
        if len(self.selection) > 1:
            self.show_selection(self.selection)
        else:
            self.show_item(self.item_id)

    def show_selection(self, item_ids: list[int]) -> None:
        """Several items: how many, of which kinds and consent states, and buttons
        for what applies to all of them (the window's actions, enabled by its rules)."""
        if len(item_ids) < 2:
            self.show_item(item_ids[0] if item_ids else None)
            return
        self.item_id = None
        self.selection = list(item_ids)
        for button in (self.edit_button, self.consent_button):
            button.hide()
        self.badge.hide()
        self.explanation.clear()
        self.explanation.hide()  # no empty line above the summary
        self.media.show_view(None, self.session.audience)
        self.body.setHtml(self._selection_html(self.selection))
        while self._bar_layout.count():
            old = self._bar_layout.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        shown = 0
        for action in self.selection_actions():
            if not action.isVisible():
                continue
            button = QToolButton(self.selection_bar)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            if action.menu() is not None:  # Add to exhibit: the exhibits at once
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self._bar_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            shown += 1
        self.selection_bar.setVisible(shown > 0)

    def _selection_html(self, item_ids: list[int]) -> str:
        locale = QLocale()
        reader = self.session.reader
        kinds = Counter(kinds_of(reader, item_ids).values())
        statuses = Counter(self.session.snapshot().summary.statuses(item_ids).values())
        title = self.tr("%n item(s) selected", "", len(item_ids))
        parts = [f"<h2>{escape(title)}</h2>"]
        rows = [(kind_plural(kind), locale.toString(kinds[kind])) for kind in Kind
                if kinds[kind]]
        heading = self.tr("Kinds")
        parts.append(f"<h3>{escape(heading)}</h3>" + self._count_table(rows))
        rows = [(status_label(status), locale.toString(n))
                for status, n in sorted(statuses.items(), key=lambda s: (-s[1], s[0]))]
        heading = self.tr("Consent")
        parts.append(f"<h3>{escape(heading)}</h3>" + self._count_table(rows))
        return "".join(parts)

    @staticmethod
    def _count_table(rows: list[tuple[str, str]]) -> str:
        return "<table cellspacing='0' cellpadding='3'>" + "".join(
            f"<tr><td>{escape(label)}</td><td align='right'>{escape(n)}</td></tr>"
            for label, n in rows) + "</table>"

    def _html(self, view: access.ItemView, custodian: bool, lang: str) -> str:
        item = view.item
        locale = QLocale()
        parts = [f"<h2>{escape(item.title)}</h2>"]
        date = ""
        if item.date_edtf:
            try:
                date = format_date(UncertainDate.from_edtf(item.date_edtf), lang)
            except ValueError:
                date = item.date_edtf
        rows = [(self.tr("Accession"), escape(item.accession)),
                (self.tr("Kind"), escape(kind_label(item.kind))),
                (self.tr("Date"), escape(date or self.tr("undated")))]
        if item.people:
            rows.append((self.tr("People"), "<br>".join(
                f"{escape(link.person.name)} <i>({escape(role_in_text(link.role))})</i>"
                for link in item.people)))
        if item.places:
            rows.append((self.tr("Places"), "<br>".join(
                escape(" › ".join(p.name for p in place_path(self.session.reader, place.id))
                       or place.name)
                for place in item.places)))
        if item.subjects:
            rows.append((self.tr("Subjects"), escape(", ".join(item.subjects))))
        if item.languages:
            rows.append((self.tr("Languages"), escape(", ".join(item.languages))))
        if self.session.audience in (Audience.CUSTODIAN, Audience.CURATOR):
            # Staff see where an item is placed before changing its consent or media.
            uses = exhibits_using_item(self.session.reader, item.id)
            if uses:
                rename = getattr(view, "replace", lambda text: text)
                titles = sorted({rename(use.title) for use in uses})
                rows.append((self.tr("In exhibits:"), escape(", ".join(titles))))
        parts.append("<table cellspacing='0' cellpadding='3'>" + "".join(
            f"<tr><td valign='top'><b>{escape(label)}</b></td><td>{value}</td></tr>"
            for label, value in rows) + "</table>")
        if item.description:
            heading = self.tr("Description")
            parts.append(f"<h3>{escape(heading)}</h3>"
                         f"<p>{escape(item.description).replace(chr(10), '<br>')}</p>")
        if item.media:
            heading = self.tr("Media")
            parts.append(f"<h3>{escape(heading)}</h3><ul>" + "".join(
                f"<li>{escape(m.original_name)} "
                f"<small>({escape(m.format or m.mime)}, "
                f"{escape(locale.formattedDataSize(m.size))})</small></li>"
                for m in item.media) + "</ul>")
        if view.hidden_segments:  # the segments themselves are in the synced list below
            withheld = self.tr("{n} segments withheld by consent.").format(
                n=locale.toString(view.hidden_segments))
            parts.append(f"<p><i>{escape(withheld)}</i></p>")
        if custodian and item.notes:
            heading = self.tr("Internal notes")
            parts.append(f"<h3>{escape(heading)}</h3>"
                         f"<p>{escape(item.notes).replace(chr(10), '<br>')}</p>")
        return "".join(parts)

    # -- buttons ----------------------------------------------------------------------
    def _edit(self) -> None:
        if self.item_id is not None:
            self.editRequested.emit(self.item_id)

    def _consent(self) -> None:
        if self.item_id is not None:
            self.consentRequested.emit(self.item_id)
