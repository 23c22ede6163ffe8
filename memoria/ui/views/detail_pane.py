"""The right pane: one item, read-only, exactly as the current audience may see it.

Everything shown comes from projection.project (never get_item), so names are
already pseudonymised, internal notes dropped and withheld transcript
segments left out for anyone but a custodian. Editing is a separate window,
asked for by signal so this pane never writes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from memoria import access
from memoria.domain.consent import Audience
from memoria.domain.dates import UncertainDate, format_date
from memoria.domain.messages import explain
from memoria.operations.exhibits import exhibits_using_item
from memoria.operations.items import place_path
from memoria.projection import project
from memoria.ui.i18n import current_language
from memoria.ui.labels import kind_label, role_in_text
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
        layout.addWidget(self.split, 1)
        self.show_item(None)

    # -- showing --------------------------------------------------------------------
    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
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
        self.show_item(self.item_id)

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
