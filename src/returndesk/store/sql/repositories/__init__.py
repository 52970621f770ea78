"""Reading and writing the store's data as domain objects.

Each module maps one aggregate between its rows and the pure domain types;
callers own the session and so the transaction.
"""
