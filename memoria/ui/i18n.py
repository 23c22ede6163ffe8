"""Interface language: which one, and installing its translators.

Source strings are English; Spanish comes from resources/translations. Qt's
own strings (standard buttons, file dialogs) come from qtbase_<lang>.qm in
PySide6's translations folder, so a Spanish user never sees "Cancel".
The language is the Preferences choice if one was made, else the system's
(Spanish unless the system clearly asks for English: most users work in
Spanish).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES = ("es", "en")
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
_installed: list[QTranslator] = []


def chosen_language(settings: QSettings | None = None) -> str:
    """The Preferences choice, else the system locale's language (es or en)."""
    settings = settings or QSettings()
    value = str(settings.value("ui/language", "") or "")
    if value in LANGUAGES:
        return value
    return "en" if QLocale.system().name().lower().startswith("en") else "es"


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Memoria's and Qt's translators for `lang`; returns those loaded."""
    uninstall(app)
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Colombia)
                       if lang == "es" else QLocale(QLocale.Language.English))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{lang}", qt_dir), (f"memoria_{lang}", str(TRANSLATIONS))]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)


def uninstall(app: QCoreApplication) -> None:
    """Remove the translators `install` added (tests switch languages)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()


def current_language() -> str:
    """The language the interface is shown in, for core functions taking `lang`."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"
