"""Spanish interface: Memoria's strings and Qt's own, dates and numbers by locale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from memoria.ui import i18n
from memoria.ui.views.sidebar import Sidebar


@pytest.fixture
def spanish(qapp):
    previous = QLocale()
    i18n.install(qapp, "es")
    yield
    i18n.uninstall(qapp)
    QLocale.setDefault(previous)


def test_spanish_translations_cover_memoria_and_qt(spanish, qtbot):
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    library = sidebar.model().index(0, 0)
    names = [sidebar.model().index(r, 0, library).data() for r in range(4)]
    assert names == ["Todos los elementos", "Testimonios", "Fotografías", "Audios"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Cancelar"
    assert QLocale().toString(100000) == "100.000"
    assert i18n.current_language() == "es"


def test_every_spanish_entry_is_finished():
    import xml.etree.ElementTree as ET

    tree = ET.parse(i18n.TRANSLATIONS / "memoria_es.ts")
    unfinished = [m.findtext("source") for m in tree.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    assert (i18n.TRANSLATIONS / "memoria_es.qm").exists()


def test_language_setting_wins_over_the_system(settings):
    settings.setValue("ui/language", "en")
    assert i18n.chosen_language(settings) == "en"
    settings.setValue("ui/language", "es")
    assert i18n.chosen_language(settings) == "es"
    assert isinstance(QApplication.instance(), QApplication)
