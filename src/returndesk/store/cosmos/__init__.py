"""The store on Azure Cosmos DB for NoSQL, behind the storage port (README: "Azure Cosmos DB")."""
