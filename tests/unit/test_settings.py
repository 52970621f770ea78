"""Settings come from RETURNDESK_* variables and refuse unsafe production values."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from returndesk.settings import Settings


def test_defaults_use_a_local_sqlite_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RETURNDESK_DATABASE_URL", raising=False)
    settings = Settings(_env_file=None)
    assert settings.database_url == "sqlite+aiosqlite:///./returndesk.db"
    assert settings.is_sqlite


def test_environment_variables_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETURNDESK_DATABASE_URL", "postgresql+asyncpg://u@db/returndesk")
    monkeypatch.setenv("RETURNDESK_PORT", "9000")
    settings = Settings(_env_file=None)
    assert settings.database_url == "postgresql+asyncpg://u@db/returndesk"
    assert settings.port == 9000
    assert not settings.is_sqlite


def test_dotenv_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RETURNDESK_PORT", raising=False)
    env_file = tmp_path / ".env"
    env_file.write_text("RETURNDESK_PORT=8123\n")
    assert Settings(_env_file=env_file).port == 8123


@pytest.mark.parametrize("secret", ["", "changeme", "secret"])
def test_production_refuses_a_placeholder_secret(secret: str) -> None:
    with pytest.raises(ValidationError, match="RETURNDESK_SECRET_KEY"):
        Settings(_env_file=None, environment="production", secret_key=secret)


def test_development_keeps_a_generated_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings(_env_file=None, secret_key="")
    first = settings.signing_secret()
    assert len(first) >= 32
    assert settings.signing_secret() == first
    assert (tmp_path / ".returndesk-secret").read_text() == first


def test_bad_port_is_rejected_naming_the_field() -> None:
    with pytest.raises(ValidationError, match="port"):
        Settings(_env_file=None, port=70000)
