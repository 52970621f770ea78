"""The model behind the language layer, chosen by configuration.

`offline` (the default) needs nothing: the embedded model reads messages
itself. `openai`, `azure` and `openai-compatible` (vLLM, Ollama, LiteLLM...)
talk to a hosted model over the Chat Completions API, which all of them
speak. Traces go to OpenAI only when RETURNDESK_LLM_TRACING is set.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from agents import OpenAIChatCompletionsModel, set_tracing_disabled
from agents.models.interface import Model
from azure.identity.aio import DefaultAzureCredential, get_bearer_token_provider
from openai import AsyncAzureOpenAI, AsyncOpenAI

from returndesk.llm.offline.model import OfflineModel
from returndesk.settings import Settings

AZURE_SCOPE = "https://cognitiveservices.azure.com/.default"
# One quick retry for a dropped connection; a slow provider must not stall a shopper.
MAX_RETRIES = 1


class HostedModel(OpenAIChatCompletionsModel):
    """A Chat Completions model that closes its HTTP client when the app stops."""

    def __init__(self, model: str, client: AsyncOpenAI) -> None:
        super().__init__(model=model, openai_client=client)
        self.client = client

    async def close(self) -> None:
        await self.client.close()


def build_model(settings: Settings, offline: OfflineModel) -> Model:
    """The configured model; `offline` is the embedded one, built from the use cases."""
    set_tracing_disabled(not settings.llm_tracing)
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    match settings.llm_provider:
        case "offline":
            return offline
        case "openai" | "openai-compatible":
            client = AsyncOpenAI(
                api_key=key or "unused",
                base_url=settings.llm_base_url,
                timeout=settings.llm_timeout_seconds,
                max_retries=MAX_RETRIES,
            )
            return HostedModel(settings.llm_model, client)
        case "azure":
            assert settings.azure_openai_endpoint is not None
            assert settings.azure_openai_deployment is not None
            azure = AsyncAzureOpenAI(
                azure_endpoint=settings.azure_openai_endpoint,
                api_version=settings.azure_openai_api_version,
                api_key=None if settings.azure_openai_use_entra_id else key,
                azure_ad_token_provider=_entra_token_provider()
                if settings.azure_openai_use_entra_id
                else None,
                timeout=settings.llm_timeout_seconds,
                max_retries=MAX_RETRIES,
            )
            return HostedModel(settings.azure_openai_deployment, azure)


def _entra_token_provider() -> Callable[[], Awaitable[str]]:
    """Tokens from the machine's Azure identity (managed identity, CLI login, environment)."""
    return get_bearer_token_provider(DefaultAzureCredential(), AZURE_SCOPE)
