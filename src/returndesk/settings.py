"""Every setting ReturnDesk reads, from `RETURNDESK_*` variables or a `.env` file."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = frozenset({"", "changeme", "change-me", "secret", "dev", "development"})

DEV_SECRET_FILE = Path(".returndesk-secret")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="RETURNDESK_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    environment: Literal["development", "production", "test"] = "development"
    database_url: str = "sqlite+aiosqlite:///./returndesk.db"
    database_echo: bool = False
    # Azure Cosmos DB for NoSQL instead of the database URL, when an endpoint is set.
    cosmos_endpoint: str | None = None
    cosmos_database: str = Field(default="returndesk", min_length=1, max_length=255)
    # Without a key, Entra ID signs in (a managed identity in Azure).
    cosmos_key: SecretStr | None = None
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1)
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    # `auto`: readable lines on a terminal, JSON lines anywhere else (files, containers).
    log_format: Literal["auto", "json", "text"] = "auto"
    secret_key: str = ""
    # A staff session ends after this long without a request.
    staff_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    policy_file: Path | None = None
    # Modules of request types to register after the built-in ones, each with a `USE_CASE`
    # (a JSON list; see docs/adding-a-use-case.md), e.g. ["mystore.warranty.usecase"].
    use_cases: list[str] = Field(default_factory=list)
    # Hand-offs to a person: a webhook POSTed each new one (Slack-compatible JSON), the
    # console's address for links in it, and the team's hours, e.g. "mon-fri 09:00-17:00"
    # in `business_timezone`; outside them the shopper is told when someone will answer.
    handoff_webhook_url: str | None = None
    handoff_webhook_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    console_url: str | None = None
    business_hours: str | None = None
    business_timezone: str = "UTC"

    # The language layer: the embedded offline model by default, or a hosted one.
    llm_provider: Literal["offline", "openai", "azure", "openai-compatible"] = "offline"
    llm_model: str = "gpt-4.1-mini"
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_seconds: float = Field(default=30.0, gt=0)
    # With a hosted model, a confident offline reading of a simple answer skips the call.
    llm_hybrid: bool = True
    llm_tracing: bool = False
    azure_openai_endpoint: str | None = None
    azure_openai_deployment: str | None = None
    azure_openai_api_version: str = "2024-10-21"
    # Authenticate to Azure OpenAI with Entra ID (azure-identity) instead of an API key.
    azure_openai_use_entra_id: bool = False

    # Failed verifications before a lock-out, per visitor and per client address.
    verification_max_failures_per_owner: int = Field(default=5, ge=1)
    verification_max_failures_per_address: int = Field(default=20, ge=1)
    verification_lockout_minutes: int = Field(default=15, ge=1)
    # Limits on what one request may carry; each breach is a clear 4xx.
    max_request_bytes: int = Field(default=65_536, ge=1_024)
    max_message_chars: int = Field(default=4_000, ge=1)
    max_items_per_request: int = Field(default=50, ge=1)
    max_json_depth: int = Field(default=32, ge=8)
    # Browser origins allowed to call the API and to frame the UI (a JSON list); none by default.
    cors_allow_origins: list[str] = Field(default_factory=list)
    # Embedded mode: the store's site vouches for its logged-in customer with a signed token.
    embed_jwt_secret: SecretStr | None = None
    embed_jwt_public_key: str | None = None
    embed_jwt_audience: str | None = None
    embed_jwt_issuer: str | None = None

    brand_name: str = "ReturnDesk"
    brand_tagline: str = "Returns, exchanges and order help"
    brand_logo_url: str | None = None
    brand_primary_color: str = Field(default="#2563eb", pattern=r"^#[0-9a-fA-F]{6}$")
    brand_favicon_url: str | None = None

    # The page at `/`: ReturnDesk's own UI (works offline), or OpenAI's ChatKit web
    # component loaded from OpenAI's CDN, which needs internet access and a domain key.
    ui: Literal["returndesk", "chatkit-js"] = "returndesk"
    chatkit_domain_key: str | None = None

    @model_validator(mode="after")
    def _refuse_placeholder_secret_in_production(self) -> Settings:
        if self.environment == "production" and self.secret_key.strip() in PLACEHOLDER_SECRETS:
            raise ValueError(
                "RETURNDESK_SECRET_KEY must be set to a real secret when "
                "RETURNDESK_ENVIRONMENT=production"
            )
        return self

    @model_validator(mode="after")
    def _provider_is_complete(self) -> Settings:
        missing = []
        match self.llm_provider:
            case "openai" if self.llm_api_key is None:
                missing.append("RETURNDESK_LLM_API_KEY")
            case "openai-compatible" if not self.llm_base_url:
                missing.append("RETURNDESK_LLM_BASE_URL")
            case "azure":
                if not self.azure_openai_endpoint:
                    missing.append("RETURNDESK_AZURE_OPENAI_ENDPOINT")
                if not self.azure_openai_deployment:
                    missing.append("RETURNDESK_AZURE_OPENAI_DEPLOYMENT")
                if self.llm_api_key is None and not self.azure_openai_use_entra_id:
                    missing.append(
                        "RETURNDESK_LLM_API_KEY or RETURNDESK_AZURE_OPENAI_USE_ENTRA_ID=true"
                    )
        if missing:
            raise ValueError(
                f"RETURNDESK_LLM_PROVIDER={self.llm_provider} needs " + ", ".join(missing)
            )
        return self

    @model_validator(mode="after")
    def _chatkit_js_needs_a_domain_key(self) -> Settings:
        if self.ui == "chatkit-js" and not (self.chatkit_domain_key or "").strip():
            raise ValueError(
                "RETURNDESK_UI=chatkit-js needs RETURNDESK_CHATKIT_DOMAIN_KEY: register this "
                "site's domain in OpenAI's domain allowlist and set the key it gives "
                "(or set RETURNDESK_UI=returndesk for the built-in UI, which needs neither)"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.cosmos_endpoint is None and self.database_url.startswith("sqlite")

    def storage_options(self) -> dict[str, Any]:
        """What `store.backends.open_storage` takes to open the configured store."""
        return {
            "database_url": self.database_url,
            "echo": self.database_echo,
            "cosmos_endpoint": self.cosmos_endpoint,
            "cosmos_database": self.cosmos_database,
            "cosmos_key": self.cosmos_key.get_secret_value() if self.cosmos_key else None,
        }

    def signing_secret(self) -> str:
        """The configured secret, or in development one generated once and kept on disk."""
        if self.secret_key.strip() not in PLACEHOLDER_SECRETS:
            return self.secret_key
        if DEV_SECRET_FILE.exists():
            return DEV_SECRET_FILE.read_text().strip()
        generated = secrets.token_urlsafe(32)
        DEV_SECRET_FILE.write_text(generated)
        DEV_SECRET_FILE.chmod(0o600)
        return generated


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
