"""Translated words for the core's enums, in one place so every view agrees."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from memoria.domain.consent import Audience
from memoria.domain.model import Kind, Role


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def kind_label(kind: Kind | str) -> str:
    return {
        Kind.TESTIMONY: _tr("Testimony"),
        Kind.PHOTOGRAPH: _tr("Photograph"),
        Kind.AUDIO: _tr("Audio recording"),
    }.get(Kind(kind), str(kind))


def kind_plural(kind: Kind) -> str:
    return {
        Kind.TESTIMONY: _tr("Testimonies"),
        Kind.PHOTOGRAPH: _tr("Photographs"),
        Kind.AUDIO: _tr("Audio"),
    }[kind]


def role_label(role: Role | str) -> str:
    return {
        Role.NARRATOR: _tr("narrator"),
        Role.INTERVIEWER: _tr("interviewer"),
        Role.DEPICTED: _tr("depicted"),
        Role.PHOTOGRAPHER: _tr("photographer"),
        Role.AUTHOR: _tr("author"),
    }.get(Role(role), str(role))


def audience_label(audience: Audience) -> str:
    return {
        Audience.CUSTODIAN: _tr("Custodian"),
        Audience.CURATOR: _tr("Curator"),
        Audience.RESEARCHER: _tr("Researcher"),
        Audience.PUBLIC: _tr("Public"),
    }[audience]
