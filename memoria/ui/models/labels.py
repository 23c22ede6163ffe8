"""Translated words for the core's enums, in one place so every view agrees."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from memoria.domain.consent import Audience
from memoria.domain.model import Kind, Role


def kind_label(kind: Kind | str) -> str:
    return {
        Kind.TESTIMONY: QCoreApplication.translate("Labels", "Testimony"),
        Kind.PHOTOGRAPH: QCoreApplication.translate("Labels", "Photograph"),
        Kind.AUDIO: QCoreApplication.translate("Labels", "Audio recording"),
    }.get(Kind(kind), str(kind))


def kind_short(kind: Kind | str) -> str:
    """One word for narrow list columns."""
    return {
        Kind.TESTIMONY: QCoreApplication.translate("Labels", "Testimony"),
        Kind.PHOTOGRAPH: QCoreApplication.translate("Labels", "Photograph"),
        Kind.AUDIO: QCoreApplication.translate("Labels", "Audio", "one item's kind"),
    }.get(Kind(kind), str(kind))


def kind_plural(kind: Kind) -> str:
    return {
        Kind.TESTIMONY: QCoreApplication.translate("Labels", "Testimonies"),
        Kind.PHOTOGRAPH: QCoreApplication.translate("Labels", "Photographs"),
        Kind.AUDIO: QCoreApplication.translate("Labels", "Audio"),
    }[kind]


def role_label(role: Role | str) -> str:
    return {
        Role.NARRATOR: QCoreApplication.translate("Labels", "narrator"),
        Role.INTERVIEWER: QCoreApplication.translate("Labels", "interviewer"),
        Role.DEPICTED: QCoreApplication.translate("Labels", "depicted"),
        Role.PHOTOGRAPHER: QCoreApplication.translate("Labels", "photographer"),
        Role.AUTHOR: QCoreApplication.translate("Labels", "author"),
    }.get(Role(role), str(role))


def audience_label(audience: Audience) -> str:
    return {
        Audience.CUSTODIAN: QCoreApplication.translate("Labels", "Custodian"),
        Audience.CURATOR: QCoreApplication.translate("Labels", "Curator"),
        Audience.RESEARCHER: QCoreApplication.translate("Labels", "Researcher"),
        Audience.PUBLIC: QCoreApplication.translate("Labels", "Public"),
    }[audience]
