"""Changing the shipping address of a pending order."""
