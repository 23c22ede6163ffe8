"""In-app help: the user guide, the shortcuts sheet and the search syntax (issue 15)."""
