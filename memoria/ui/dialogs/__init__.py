"""Dialogs that are not editors of one record (import...)."""
