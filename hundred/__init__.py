"""Hundred: run a job search as networking research."""

__version__ = "0.1.0"
