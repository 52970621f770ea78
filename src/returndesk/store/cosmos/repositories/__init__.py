"""Each aggregate's documents on Cosmos DB, read and written through one `Unit`."""
