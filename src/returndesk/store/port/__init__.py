"""What the layers above the store may ask of it, whichever database keeps the data.

Two implementations satisfy these interfaces: the SQL one (SQLite, PostgreSQL) and
the Cosmos DB one. Nothing above the store names either.
"""
