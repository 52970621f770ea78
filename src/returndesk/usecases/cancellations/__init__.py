"""Cancelling an order or a return: one use case (see `usecase.py`)."""
