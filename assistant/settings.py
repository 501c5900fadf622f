"""The only code that reads the environment (and `.env`).

Each class is built once in an adapter's `main()` and passed down. Tests build them from
keyword arguments (`CoreSettings(knowledge=..., _env_file=None)`), never from the developer's
environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigurationError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_KNOWLEDGE = PROJECT_ROOT / "knowledge"
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"


def _split_ids(value: object) -> object:
    """Accept "U1, U2" from the environment as well as a list."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class CoreSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="POLICYBOT_", env_file=".env", extra="ignore", frozen=True
    )

    knowledge: Path = BUNDLED_KNOWLEDGE
    database_url: str = f"sqlite:///{DEFAULT_DATA_DIR / 'policybot.db'}"
    report_key: SecretStr | None = None
    # Who to ask when the policy doesn't say; shown to users.
    safeguarding_contact: str = "your Designated Safeguarding Lead (DSL)"
    # Re-send and escalate a report nobody has acknowledged after this long.
    ack_timeout_minutes: float = Field(default=60.0, gt=0)
    # Closed reports older than this may be purged.
    retention_days: int = Field(default=365 * 7, gt=0)
    # Store the text of questions whose answers get helpful/not-helpful feedback. Off by default.
    store_question_text: bool = False
    # Extra recipients for a report that concerns a lead (e.g. chair of trustees), per platform.
    slack_safeguarding_alternates: list[str] = Field(default_factory=list)
    discord_safeguarding_alternates: list[str] = Field(default_factory=list)

    _split = field_validator(
        "slack_safeguarding_alternates", "discord_safeguarding_alternates", mode="before"
    )(_split_ids)


class SlackSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SLACK_", env_file=".env", extra="ignore", frozen=True)

    bot_token: SecretStr
    signing_secret: SecretStr
    app_token: SecretStr | None = None  # Socket Mode only
    api_url: str = "https://slack.com/api/"
    safeguarding_leads: list[str] = Field(min_length=1)
    safeguarding_deputies: list[str] = Field(default_factory=list)

    _split = field_validator("safeguarding_leads", "safeguarding_deputies", mode="before")(_split_ids)


class DiscordSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DISCORD_", env_file=".env", extra="ignore", frozen=True)

    token: SecretStr
    safeguarding_leads: list[str] = Field(min_length=1)
    safeguarding_deputies: list[str] = Field(default_factory=list)
    guild_id: int | None = None
    api_url: str = "https://discord.com/api/v10"
    lead_channel_id: int | None = None

    _split = field_validator("safeguarding_leads", "safeguarding_deputies", mode="before")(_split_ids)


S = TypeVar("S", bound=BaseSettings)


def load(cls: type[S], **overrides: object) -> S:
    """Build a settings class, turning validation errors into one clear line per bad value."""
    try:
        return cls(**overrides)
    except ValidationError as err:
        prefix = str(cls.model_config.get("env_prefix", ""))
        lines = []
        for problem in err.errors():
            name = prefix + "_".join(str(part) for part in problem["loc"][:1]).upper()
            why = "is missing" if problem["type"] == "missing" else f"is not valid ({problem['msg']})"
            lines.append(f"{name} {why}")
        raise ConfigurationError("; ".join(lines)) from None
