"""The storage a deployment's settings choose: Cosmos DB when an endpoint is set, else the
SQL database the URL names."""

from __future__ import annotations

from returndesk.store.port.storage import Storage


def open_storage(
    database_url: str = "",
    *,
    echo: bool = False,
    cosmos_endpoint: str | None = None,
    cosmos_database: str = "returndesk",
    cosmos_key: str | None = None,
) -> Storage:
    if cosmos_endpoint:
        # Imported here: a SQL deployment never loads the Cosmos SDK.
        from returndesk.store.cosmos.account import CosmosAccount
        from returndesk.store.cosmos.storage import CosmosStorage

        return CosmosStorage(CosmosAccount(cosmos_endpoint, cosmos_database, cosmos_key))
    from returndesk.store.sql.storage import SqlStorage

    return SqlStorage(database_url, echo=echo)
