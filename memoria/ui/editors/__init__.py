"""Editors for one item and for consent; see item_editor and consent_editor."""
