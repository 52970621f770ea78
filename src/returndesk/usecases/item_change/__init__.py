"""Switching lines of a pending order to other variants of the same products."""
