"""Light or dark, as the system says (Qt's QStyleHints.colorScheme, Qt >= 6.5).

`apply_theme(app, settings)` at start-up: the setting `ui/theme` ("system" by
default, or "light" / "dark"; the MEMORIA_THEME environment variable wins, for
screenshots) picks the scheme; "system" follows QStyleHints.colorScheme and
its changes while the app runs. Where the platform gives no dark palette of
its own (a bare X11 session), the Fusion style with DARK below is used.

Widgets that paint themselves (consent badges, grid tiles, waveform,
transcript marks, icons) take their colours from the palette or from the
pairs here, each chosen for a contrast of at least 4.5:1 against its
background in both schemes (tests/ui/test_theme.py computes them).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEME_KEY = "ui/theme"
THEMES = ("system", "light", "dark")

# Text colours for messages, (light scheme, dark scheme).
ERROR = ("#b00020", "#ff8a80")
WARNING = ("#8a5a00", "#ffcc80")
MUTED = ("#5f6b76", "#a9b4be")
# A marked stretch of text or sound (search hit, current segment): background, text.
MARK = (("#fff1b8", "#000000"), ("#6b5a00", "#ffffff"))

_DARK = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#2b2d30",
    QPalette.ColorRole.ToolTipBase: "#3c3f41",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8c8c8c",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#393b40",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff8a80",
    QPalette.ColorRole.Light: "#4a4d52",
    QPalette.ColorRole.Midlight: "#3e4146",
    QPalette.ColorRole.Mid: "#2f3135",
    QPalette.ColorRole.Dark: "#1a1b1e",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#2f65ca",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#7f8286",
    QPalette.ColorRole.Text: "#7f8286",
    QPalette.ColorRole.ButtonText: "#7f8286",
    QPalette.ColorRole.Highlight: "#4a4d52",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def pick(pair: tuple, palette: QPalette | None = None):  # noqa: ANN201 - str or tuple
    """The light or the dark member of one of the pairs above."""
    return pair[1] if is_dark(palette) else pair[0]


def colour_style(pair: tuple[str, str], bold: bool = False) -> str:
    """A label's style sheet for a message colour of the current scheme."""
    return f"color: {pick(pair)};" + (" font-weight: bold;" if bold else "")


def chosen_theme(settings: QSettings | None = None) -> str:
    wanted = os.environ.get("MEMORIA_THEME") or (
        str(settings.value(THEME_KEY, "system")) if settings is not None else "system")
    return wanted if wanted in THEMES else "system"


def wants_dark(theme: str, app: QApplication) -> bool:
    if theme != "system":
        return theme == "dark"
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


class _Follower:
    """Keeps the app's palette in step with the system's scheme."""

    def __init__(self, app: QApplication, theme: str) -> None:
        self.app, self.theme = app, theme
        self.light = QPalette(app.palette())
        self.style = app.style().name() if app.style() is not None else ""
        self.dark = False

    def scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The system switched between light and dark (QStyleHints.colorSchemeChanged)."""
        self.apply(scheme == Qt.ColorScheme.Dark)

    def apply(self, dark: bool | None = None) -> None:
        dark = wants_dark(self.theme, self.app) if dark is None else dark
        if dark and not is_dark(self.app.palette()):
            self.app.setStyle("Fusion")  # paints every control from the palette
            self.app.setPalette(dark_palette())
            self.dark = True
        elif not dark and self.dark:
            if self.style:
                self.app.setStyle(self.style)
            self.app.setPalette(self.light)
            self.dark = False


def apply_theme(app: QApplication, settings: QSettings | None = None) -> _Follower:
    """Light or dark now, and follow the system from now on (when the theme is
    "system"); returns what follows it."""
    theme = chosen_theme(settings)
    follower = _Follower(app, theme)
    follower.apply()
    app._memoria_theme = follower  # type: ignore[attr-defined] - kept alive with the app
    if theme == "system":
        app.styleHints().colorSchemeChanged.connect(follower.scheme_changed)
    return follower
