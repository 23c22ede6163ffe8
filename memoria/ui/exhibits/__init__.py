"""The exhibit editor, its consent check, preview, export and printed catalogue."""
