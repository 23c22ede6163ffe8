"""Keys and encryption for protected archives (issue 13); no Qt."""
