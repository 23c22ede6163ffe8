"""views of the main window."""
