"""Asking for a person: one use case (see `usecase.py`)."""
