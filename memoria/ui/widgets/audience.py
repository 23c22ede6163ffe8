""""View as": the audience selector and the banner that always names it.

The banner uses the palette's highlight colours for custodians and a
distinct tint for the other audiences, so nobody forgets they are looking
at a filtered archive (or, worse, shows the custodian view in the reading
room thinking it is the public one).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from memoria.domain.consent import Audience
from memoria.ui.labels import audience_label

# Banner colours per audience (background, text), all >= 4.5:1 contrast.
BANNER = {
    Audience.CUSTODIAN: ("#37474f", "#ffffff"),
    Audience.CURATOR: ("#00695c", "#ffffff"),
    Audience.RESEARCHER: ("#1a237e", "#ffffff"),
    Audience.PUBLIC: ("#6a1b9a", "#ffffff"),
}


class AudienceSelector(QComboBox):
    audienceChosen = Signal(object)  # Audience

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("View as"))
        for audience in Audience:
            self.addItem(audience_label(audience), audience.value)
        self.currentIndexChanged.connect(
            lambda n: self.audienceChosen.emit(Audience(self.itemData(n))))

    def set_audience(self, audience: Audience) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(self.findData(audience.value))
        self.blockSignals(False)


class AudienceBanner(QLabel):
    """ "Viewing as: Researcher", coloured per audience."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Current audience"))

    def set_audience(self, audience: Audience) -> None:
        background, foreground = BANNER[audience]
        self.setText(self.tr("Viewing as: {audience}").format(audience=audience_label(audience)))
        self.setStyleSheet(f"QLabel {{ background: {background}; color: {foreground};"
                           " border-radius: 4px; padding: 3px 8px; font-weight: bold; }")
