"""Changing the account's default address, and the pending orders that follow it."""
