"""An uncertain date typed the way people say it, read back as it is understood.

Archivists type "c. 1998" or "entre 1985 y 1991"; showing the interpretation
beside the field (or why it cannot be read) lets them catch a misreading
before it is stored as EDTF.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from memoria.domain.dates import DateParseError, UncertainDate, format_date, parse_human_date
from memoria.ui.labels import ui_lang
from memoria.ui.theme import ERROR, MUTED, colour_style


class DateField(QWidget):
    """A line edit plus a live interpretation; empty means "no date"."""

    validityChanged = Signal(bool)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("e.g. c. 1998, 1990s, 2002-10, between 1985 and 1991"))
        self.edit.setAccessibleName(self.tr("Date"))
        self.hint = QLabel(self)
        self.hint.setAccessibleName(self.tr("How the date is understood"))
        self.hint.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.hint, 1)
        self.setFocusProxy(self.edit)
        self._parsed: UncertainDate | None = None
        self._error = ""
        self.edit.textChanged.connect(self._reparse)
        self._reparse()

    def set_edtf(self, edtf: str | None) -> None:
        """Show a stored date in words that parse back to the same EDTF."""
        text = ""
        if edtf:
            try:
                text = format_date(UncertainDate.from_edtf(edtf), ui_lang())
            except ValueError:
                text = edtf
        self.edit.setText(text)
        self._reparse()

    def edtf(self) -> str | None:
        return self._parsed.edtf if self._parsed else None

    def error(self) -> str:
        return self._error

    def is_valid(self) -> bool:
        return not self._error

    def message_for(self, exc: DateParseError) -> str:
        """The core's sentence is English and specific ("There is no month 13.");
        in other languages say the same by its stable code. Valid EDTF that
        Memoria does not store names its reason, which the core says in es/en."""
        if ui_lang() == "en":
            return exc.message
        if exc.code == "unsupported":
            return exc.text(ui_lang())
        texts = {
            "unrecognised": self.tr("not a date Memoria can read (try: c. 1998, 1990s, 2002-10)"),
            "invalid_month": self.tr("there is no such month"),
            "invalid_day": self.tr("there is no such day in that month"),
            "invalid_year": self.tr("there is no year 0"),
            "reversed": self.tr("the start of the range comes after its end"),
            "two_digit_year": self.tr("write the year with four digits"),
            "open_both": self.tr("a range needs at least one known end"),
            "invalid_decade": self.tr("that is not the start of a decade"),
            "unsupported": self.tr("valid EDTF, but not a form Memoria can store"),
            "empty": self.tr("type a date"),
        }
        return texts.get(exc.code, exc.message)

    def _reparse(self) -> None:
        was_valid = self.is_valid()
        text = self.edit.text()
        self._parsed, self._error = None, ""
        unsupported = False
        if text.strip():
            try:
                self._parsed = parse_human_date(text)
            except DateParseError as exc:
                self._error = self.message_for(exc)
                unsupported = exc.code == "unsupported"
        if self._error:
            # Valid EDTF that Memoria does not store is not "unreadable": its
            # sentence stands alone and says why.
            self.hint.setText(self._error if unsupported else
                              self.tr("Cannot read this date: %1").replace("%1", self._error))
            self.hint.setStyleSheet(colour_style(ERROR))
        elif self._parsed:
            self.hint.setText(self.tr("Understood as: %1 (%2)")
                              .replace("%1", format_date(self._parsed, ui_lang()))
                              .replace("%2", self._parsed.edtf))
            self.hint.setStyleSheet("")
        else:
            self.hint.setText(self.tr("No date"))
            self.hint.setStyleSheet(colour_style(MUTED))
        if was_valid != self.is_valid():
            self.validityChanged.emit(self.is_valid())
        self.edited.emit()
