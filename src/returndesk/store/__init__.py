"""Persistence behind interfaces (`port`): SQL (`sql`) or Cosmos DB, the ChatKit store,
live events and data loading."""
