"""Every setting ReturnDesk reads, from `RETURNDESK_*` variables or a `.env` file."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
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
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1)
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    secret_key: str = ""
    policy_file: Path | None = None

    brand_name: str = "ReturnDesk"
    brand_tagline: str = "Returns, exchanges and order help"
    brand_logo_url: str | None = None
    brand_primary_color: str = Field(default="#2563eb", pattern=r"^#[0-9a-fA-F]{6}$")
    brand_favicon_url: str | None = None

    @model_validator(mode="after")
    def _refuse_placeholder_secret_in_production(self) -> Settings:
        if self.environment == "production" and self.secret_key.strip() in PLACEHOLDER_SECRETS:
            raise ValueError(
                "RETURNDESK_SECRET_KEY must be set to a real secret when "
                "RETURNDESK_ENVIRONMENT=production"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

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
