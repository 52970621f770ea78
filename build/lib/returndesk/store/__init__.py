"""Persistence: SQLAlchemy tables, the ChatKit store, repositories and data loading."""
