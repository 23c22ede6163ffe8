"""A new account's fields: name, role, and the passphrase typed twice."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

MIN_LENGTH = 10  # a passphrase: several words are easier to keep than a short password


class PassphraseForm(QWidget):
    """`problem()` says in one sentence what is wrong, or "" when the fields are fine."""

    def __init__(self, parent: QWidget | None = None, *, name: bool = True,
                 role: bool = True, old: bool = False) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.account = QLineEdit(self)
        self.account.setAccessibleName(self.tr("Account name"))
        self.account.setMaxLength(64)
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("Role"))
        # The smaller role first: a custodian is chosen on purpose.
        self.role.addItem(self.tr("Curator (describes items and builds exhibits)"), "curator")
        self.role.addItem(self.tr("Custodian (everything, consent and accounts included)"),
                          "custodian")
        self.old = QLineEdit(self)
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.old.setAccessibleName(self.tr("Current passphrase"))
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second = QLineEdit(self)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("New passphrase again"))
        for shown, label, field in ((name, self.tr("Account &name:"), self.account),
                                    (role, self.tr("&Role:"), self.role),
                                    (old, self.tr("&Current passphrase:"), self.old)):
            if shown:
                form.addRow(label, field)
            else:
                field.hide()  # not asked here
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Again:"), self.second)
        hint = QLabel(self.tr("At least {n} characters; a few words you can remember are "
                              "best. Nobody can recover it for you.").format(n=MIN_LENGTH),
                      self)
        hint.setWordWrap(True)
        form.addRow(hint)
        self.with_name, self.with_old = name, old

    def problem(self) -> str:
        if self.with_name and not self.account.text().strip():
            return self.tr("Write a name for the account.")
        if self.with_old and not self.old.text():
            return self.tr("Write the current passphrase.")
        if len(self.first.text()) < MIN_LENGTH:
            return self.tr("The passphrase needs at least {n} characters.").format(n=MIN_LENGTH)
        if self.first.text() != self.second.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def clear(self) -> None:
        for field in (self.old, self.first, self.second):
            field.clear()
