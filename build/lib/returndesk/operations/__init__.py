"""What the store does with returns and orders: commands and queries over the database.

Each command is one transaction that re-reads everything it decides on from the
database, asks the pure domain layer, and writes the outcome with its history.
The conversation, the CLI and the tests all come through here.
"""
