"""The store on SQL: SQLite by default, PostgreSQL for several processes and machines."""
