"""The window says the core's words (memoria.domain.messages.VALUE_LABELS), as the
command line does, in the language it is shown in; and names exhibits with the
handle fold."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from memoria.domain.folding import handle_fold
from memoria.domain.messages import value_label, value_title
from memoria.domain.model import Kind, Role, Scope
from memoria.ui import labels
from memoria.ui.exhibits.new_exhibit import slug


def test_the_window_and_the_command_line_say_the_same_words():
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("es_CO"))
        assert labels.kind_label(Kind.AUDIO) == "Grabación de audio"
        assert labels.kind_plural(Kind.AUDIO) == "Audios"
        assert labels.role_label(Role.NARRATOR) == "Narrador(a)"
        assert labels.role_in_text(Role.NARRATOR) == value_label("role", "narrator", "es")
        assert labels.status_label("review") == "Embargo por revisar"
        assert labels.scope_label(Scope.RESEARCH) == value_title("scope", "research", "es") \
            == "Investigación en sala de consulta"
        QLocale.setDefault(QLocale("en_GB"))
        assert labels.kind_label(Kind.AUDIO) == "Audio recording"
        assert labels.status_label("none") == "No consent"
        assert labels.role_label(Role.NARRATOR) == "Narrator"
    finally:
        QLocale.setDefault(before)


def test_the_new_exhibit_dialog_proposes_the_handle_fold():
    assert slug("Voces de Bojayá") == handle_fold("Voces de Bojayá") == "voces-de-bojaya"
