"""Locking: accounts and passphrases, the idle lock, the lock to a visitor's view."""
