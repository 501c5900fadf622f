"""The only code that reads the environment (and `.env`).

Each class is built once in an adapter's `main()` and passed down. Tests build them from
keyword arguments (`CoreSettings(knowledge=..., _env_file=None)`), never from the developer's
environment.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

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
    model_config = SettingsConfigDict(env_prefix="POLICYBOT_", env_file=".env", extra="ignore", frozen=True)

    knowledge: Path = BUNDLED_KNOWLEDGE
    database_url: str = f"sqlite:///{DEFAULT_DATA_DIR / 'policybot.db'}"
    report_key: SecretStr | None = None
    # Who to ask when the policy doesn't say; shown to users.
    safeguarding_contact: str = "your Designated Safeguarding Lead (DSL)"
    # Re-send and escalate a report nobody has acknowledged after this long.
    ack_timeout_minutes: float = Field(default=60.0, gt=0)
    # Closed reports older than this may be purged.
    retention_days: int = Field(default=365 * 7, gt=0)
    # Reorder the first clauses of an answer with a small sentence model (the 'semantic' extra): on when the
    # model is installed. A folder holding model.safetensors and tokenizer.json, or the packaged model.
    semantic_ranking: bool = True
    semantic_model: Path | None = None
    # Where the re-ranker keeps the vectors of the clauses it has read, for the next process (policy text only,
    # never a question). Empty: kept in memory only.
    semantic_store: Path | None = DEFAULT_DATA_DIR / "clause-vectors.npz"
    # A question map fitted to questions about your own policy (`policybot train-reranker`). None: the model alone.
    semantic_tuning: Path | None = None
    # Changes to the model's weights fitted to staff's questions and the clauses answering them (shipped; see the
    # README's "The semantic re-ranker"). Empty: the model as published.
    semantic_adapter: Path | None = BUNDLED_KNOWLEDGE / "reranker_adapter.npz"
    # Store the text of questions whose answers get helpful/not-helpful feedback. Off by default.
    store_question_text: bool = False
    # Extra recipients for a report that concerns a lead (e.g. chair of trustees), per platform.
    # NoDecode: "U1,U2" from the environment is split by _split_ids, not parsed as JSON.
    slack_safeguarding_alternates: Annotated[list[str], NoDecode] = Field(default_factory=list)
    discord_safeguarding_alternates: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # The local flow (`policybot report` / `policybot reports --as ID`): who the leads are on the console.
    console_safeguarding_leads: Annotated[list[str], NoDecode] = Field(default_factory=list)
    console_safeguarding_deputies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    console_safeguarding_alternates: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Outbox delivery: exponential backoff with jitter between these, a timeout per attempt, and a slow
    # cadence for deliveries the platform says can never work (e.g. the lead blocked DMs from the bot).
    delivery_retry_base_seconds: float = Field(default=2.0, gt=0)
    delivery_retry_max_seconds: float = Field(default=300.0, gt=0)
    delivery_timeout_seconds: float = Field(default=30.0, gt=0)
    delivery_permanent_retry_minutes: float = Field(default=60.0, gt=0)
    # How often the worker looks for due work when nothing woke it (new reports wake it at once).
    delivery_poll_seconds: float = Field(default=5.0, gt=0)
    # An unacknowledged report is re-sent (escalated) at most this many times, ack_timeout_minutes apart.
    max_escalations: int = Field(default=3, ge=0)

    @field_validator("semantic_store", "semantic_tuning", "semantic_adapter", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    _split = field_validator(
        "slack_safeguarding_alternates",
        "discord_safeguarding_alternates",
        "console_safeguarding_leads",
        "console_safeguarding_deputies",
        "console_safeguarding_alternates",
        mode="before",
    )(_split_ids)


class PlatformLeads(BaseSettings):
    """Who receives reports on one chat platform: all that `policybot reports --as slack:ID` needs."""

    # NoDecode: "U1,U2" from the environment is split below, not parsed as JSON
    safeguarding_leads: Annotated[list[str], NoDecode] = Field(min_length=1)
    safeguarding_deputies: Annotated[list[str], NoDecode] = Field(default_factory=list)

    _split = field_validator("safeguarding_leads", "safeguarding_deputies", mode="before")(_split_ids)


class SlackLeads(PlatformLeads):
    model_config = SettingsConfigDict(env_prefix="SLACK_", env_file=".env", extra="ignore", frozen=True)

    @field_validator("safeguarding_leads", "safeguarding_deputies")
    @classmethod
    def _user_ids(cls, value: list[str]) -> list[str]:
        bad = [user_id for user_id in value if not re.fullmatch(r"[UW][A-Z0-9]{2,20}", user_id)]
        if bad:
            raise ValueError(f"{', '.join(bad)} is not a Slack user id (like U012AB3CD; see a profile's ⋮ menu)")
        return value


class SlackSettings(SlackLeads):
    bot_token: SecretStr
    signing_secret: SecretStr
    app_token: SecretStr | None = None  # Socket Mode only
    api_url: str = "https://slack.com/api/"
    # HTTP mode's port (`policybot slack --port` overrides it); hosts like Heroku set $PORT
    port: int | None = Field(default=None, ge=0, le=65535, validation_alias=AliasChoices("port", "PORT"))

    @field_validator("bot_token")
    @classmethod
    def _bot_token(cls, value: SecretStr) -> SecretStr:
        if not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("a bot token starts with xoxb- (Slack app > OAuth & Permissions)")
        return value

    @field_validator("app_token")
    @classmethod
    def _app_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("an app-level token starts with xapp- (Slack app > Basic Information)")
        return value

    @field_validator("api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("must be a URL such as https://slack.com/api/")
        return value if value.endswith("/") else value + "/"


class DiscordLogin(BaseSettings):
    """Enough to log in (what `policybot discord invite-url` needs)."""

    model_config = SettingsConfigDict(env_prefix="DISCORD_", env_file=".env", extra="ignore", frozen=True)

    token: SecretStr
    # REST base URL with the version; every REST call goes here, and the gateway is the one it names.
    api_url: str = "https://discord.com/api/v10"

    @field_validator("token")
    @classmethod
    def _token(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value().strip()
        if token.lower().startswith("bot ") or len(token.split(".")) != 3:
            raise ValueError(
                "must be the bot token from Developer Portal > your app > Bot > Reset Token "
                "(three dot-separated parts, without 'Bot ')"
            )
        return SecretStr(token)

    @field_validator("api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("must be a URL such as https://discord.com/api/v10")
        return value.rstrip("/")


class DiscordLeads(PlatformLeads):
    model_config = SettingsConfigDict(env_prefix="DISCORD_", env_file=".env", extra="ignore", frozen=True)

    @field_validator("safeguarding_leads", "safeguarding_deputies")
    @classmethod
    def _user_ids(cls, value: list[str]) -> list[str]:
        bad = [user_id for user_id in value if not re.fullmatch(r"\d{15,22}", user_id)]
        if bad:
            raise ValueError(
                f"{', '.join(bad)} is not a Discord user id (a long number: turn on Developer Mode, "
                "then right-click the person > Copy User ID)"
            )
        return value


class DiscordSettings(DiscordLeads, DiscordLogin):
    guild_id: int | None = None  # sync commands to this one server, instantly (else globally)
    lead_channel_id: int | None = None  # private fallback channel when a lead's DMs are closed


S = TypeVar("S", bound=BaseSettings)


def _variable_name(cls: type[BaseSettings], prefix: str, field: str) -> str:
    """The environment variable a field is read from: its alias (`PORT`) if it has one."""
    info = cls.model_fields.get(field)
    alias = info.validation_alias if info is not None else None
    if isinstance(alias, AliasChoices):
        names = [choice for choice in alias.choices if isinstance(choice, str) and choice.isupper()]
        if names:
            return names[0]
    return (prefix + field).upper()


def load(cls: type[S], **overrides: Any) -> S:
    """Build a settings class, turning validation errors into one clear line per bad value."""
    try:
        return cls(**overrides)
    except ValidationError as err:
        prefix = str(cls.model_config.get("env_prefix", ""))
        lines = []
        for problem in err.errors():
            name = _variable_name(cls, prefix, str(problem["loc"][0]) if problem["loc"] else "")
            why = "is missing" if problem["type"] == "missing" else f"is not valid ({problem['msg']})"
            lines.append(f"{name} {why}")
        raise ConfigurationError("; ".join(lines)) from None
