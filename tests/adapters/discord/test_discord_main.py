"""`policybot discord`: configuration checked at start, and `invite-url`."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

import pytest

from adapters.cli import main as policybot
from adapters.discord_bot import INVITE_PERMISSIONS
from assistant.errors import ConfigurationError
from assistant.settings import DiscordSettings, load
from tests.adapters.discord.conftest import LEAD_A, LEAD_B, TOKEN
from tests.fakes.discord_api import APP_ID, FakeDiscord


def test_every_missing_value_is_named_in_one_message() -> None:
    with pytest.raises(ConfigurationError) as caught:
        load(DiscordSettings, _env_file=None)
    assert str(caught.value) == "DISCORD_TOKEN is missing; DISCORD_SAFEGUARDING_LEADS is missing"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("DISCORD_TOKEN", "Bot abc.def.ghi", "DISCORD_TOKEN is not valid"),
        ("DISCORD_SAFEGUARDING_LEADS", "@alice, 800000000000000001", "@alice is not a Discord user id"),
        ("DISCORD_SAFEGUARDING_DEPUTIES", "Deputy Dawn", "Deputy Dawn is not a Discord user id"),
        ("DISCORD_GUILD_ID", "our-server", "DISCORD_GUILD_ID is not valid"),
        ("DISCORD_LEAD_CHANNEL_ID", "#leads", "DISCORD_LEAD_CHANNEL_ID is not valid"),
        ("DISCORD_API_URL", "discord.com/api/v10", "DISCORD_API_URL is not valid (Value error, must be a URL"),
    ],
)
def test_a_malformed_value_is_named_with_how_to_fix_it(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, expected: str
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("DISCORD_SAFEGUARDING_LEADS", f"{LEAD_A},{LEAD_B}")
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError) as caught:
        load(DiscordSettings, _env_file=None)
    assert expected in str(caught.value)
    assert str(caught.value).count(";") == 0  # one problem, one line


def test_comma_separated_ids_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("DISCORD_SAFEGUARDING_LEADS", f" {LEAD_A} , {LEAD_B} ")
    monkeypatch.setenv("DISCORD_API_URL", "https://proxy.example.org/discord/api/v10/")
    settings = load(DiscordSettings, _env_file=None)
    assert settings.safeguarding_leads == [LEAD_A, LEAD_B]
    assert settings.api_url == "https://proxy.example.org/discord/api/v10"


def test_policybot_discord_refuses_to_start_with_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert policybot(["discord"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == ("policybot discord: DISCORD_TOKEN is missing; DISCORD_SAFEGUARDING_LEADS is missing")


def test_reporting_needs_its_key_before_the_bot_connects(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("DISCORD_SAFEGUARDING_LEADS", LEAD_A)
    monkeypatch.setenv("DISCORD_API_URL", "http://127.0.0.1:9/api/v10")  # never dialled
    assert policybot(["discord"]) == 2
    assert "POLICYBOT_REPORT_KEY is not set" in capsys.readouterr().err


def test_invite_url_asks_for_the_bot_and_commands_scopes_and_minimal_permissions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert policybot(["discord", "invite-url", "--application-id", "123456789012345678"]) == 0
    url = urlsplit(capsys.readouterr().out.strip())
    query = parse_qs(url.query)
    assert (url.scheme, url.netloc, url.path) == ("https", "discord.com", "/oauth2/authorize")
    assert query["client_id"] == ["123456789012345678"]
    assert query["scope"] == ["bot applications.commands"]
    permissions = int(query["permissions"][0])
    assert permissions == INVITE_PERMISSIONS.value == (1 << 11) | (1 << 14)  # Send Messages, Embed Links


async def test_invite_url_reads_the_application_id_with_the_token(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    async with FakeDiscord() as fake:
        monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
        monkeypatch.setenv("DISCORD_API_URL", fake.api_url)
        assert await asyncio.to_thread(policybot, ["discord", "invite-url"]) == 0
        assert fake.gateway_connections == 0  # REST only
        assert fake.calls[0].path == "/users/@me"
    query = parse_qs(urlsplit(capsys.readouterr().out.strip()).query)
    assert query["client_id"] == [APP_ID]
