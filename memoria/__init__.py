"""Memoria: a desktop archive for museums of memory."""

__version__ = "0.1.0"
