"""Reaching the Cosmos DB account: with its key, or with Entra ID (a managed identity in
Azure, a developer's sign-in elsewhere) when no key is set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from azure.cosmos.aio import CosmosClient

# 429s the SDK retries, honouring the server's retry-after each time, and for how long in
# all, before the request fails with `ServiceBusy`.
THROTTLE_RETRIES = 9
THROTTLE_WAIT_SECONDS = 10


@dataclass(frozen=True, slots=True)
class CosmosAccount:
    endpoint: str
    database: str
    key: str | None = None

    def connect(self) -> tuple[CosmosClient, Any]:
        """The client, and the Entra ID credential to close with it (None with a key)."""
        options: dict[str, Any] = {
            "retry_throttle_total": THROTTLE_RETRIES,
            "retry_throttle_backoff_max": THROTTLE_WAIT_SECONDS,
            # The account is reached at the configured address only; with discovery on
            # the SDK moves to the regional addresses the account advertises.
            "enable_endpoint_discovery": False,
        }
        if self.key:
            return CosmosClient(self.endpoint, credential=self.key, **options), None
        from azure.identity.aio import DefaultAzureCredential

        credential = DefaultAzureCredential()
        return CosmosClient(self.endpoint, credential=credential, **options), credential
