"""The real discord.py client, connected over real HTTP and websocket to a local fake Discord.

`start_bot(...)` builds settings from keyword arguments (never the environment), runs the bot
exactly as `policybot discord` does (`running_bot`), and waits until it has identified on the
fake gateway. Tests then inject events through `fake` and assert on the REST calls it recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from adapters.discord_bot import PolicyBot, running_bot
from assistant.answers import PolicyAdvisor, build_advisor
from assistant.encryption import generate_key
from assistant.reports import ReportDesk
from assistant.settings import BUNDLED_KNOWLEDGE, CoreSettings, DiscordSettings
from tests.fakes.discord_api import LEADS_CHANNEL_ID, FakeDiscord

LEAD_A = "800000000000000001"
LEAD_B = "800000000000000002"
DEPUTY = "800000000000000003"
REPORTER = "700000000000000001"
STRANGER = "700000000000000002"
REPORT_KEY = generate_key()
TOKEN = "OTAwMDAwMDAwMDAwMDAwMDAx.fake.token"  # the shape of a real bot token


@dataclass
class RunningBot:
    fake: FakeDiscord
    bot: PolicyBot
    core: CoreSettings
    settings: DiscordSettings

    @property
    def desk(self) -> ReportDesk:
        return self.bot.require_desk()


@pytest.fixture(scope="session")
def advisor() -> PolicyAdvisor:
    """Built once: answering is pure, and building the index is the slow part."""
    return build_advisor(CoreSettings(knowledge=BUNDLED_KNOWLEDGE, _env_file=None))


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        for user_id, name in [
            (LEAD_A, "Lead A"),
            (LEAD_B, "Lead B"),
            (DEPUTY, "Deputy"),
            (REPORTER, "Volunteer"),
            (STRANGER, "Stranger"),
        ]:
            server.add_user(user_id, name)
        yield server


def settings_for(fake: FakeDiscord, tmp_path: Path, **overrides: Any) -> tuple[CoreSettings, DiscordSettings]:
    core_values: dict[str, Any] = {
        "knowledge": BUNDLED_KNOWLEDGE,
        "database_url": f"sqlite:///{tmp_path / 'reports.db'}",
        "report_key": REPORT_KEY,
        "delivery_retry_base_seconds": 0.05,
        "delivery_retry_max_seconds": 0.2,
        "delivery_permanent_retry_minutes": 0.005,  # 0.3 s: "retried hourly" in production
        "delivery_poll_seconds": 0.05,
    }
    discord_values: dict[str, Any] = {
        "token": TOKEN,
        "safeguarding_leads": f"{LEAD_A},{LEAD_B}",
        "api_url": fake.api_url,
    }
    for key, value in overrides.items():
        (core_values if key in CoreSettings.model_fields else discord_values)[key] = value
    core = CoreSettings(_env_file=None, **core_values)
    settings = DiscordSettings(_env_file=None, **discord_values)
    return core, settings


StartBot = Callable[..., contextlib.AbstractAsyncContextManager[RunningBot]]


@pytest.fixture
def start_bot(fake: FakeDiscord, tmp_path: Path, advisor: PolicyAdvisor) -> StartBot:
    @contextlib.asynccontextmanager
    async def start(**overrides: Any) -> AsyncIterator[RunningBot]:
        core, settings = settings_for(fake, tmp_path, **overrides)
        fake.identified.clear()
        async with running_bot(core, settings, advisor=advisor) as (bot, connection):
            identified = asyncio.ensure_future(fake.identified.wait())
            done, _ = await asyncio.wait({identified, connection}, timeout=15, return_when="FIRST_COMPLETED")
            if identified not in done:
                identified.cancel()
                raise AssertionError(f"the bot did not identify on the fake gateway: {connection!r}")
            yield RunningBot(fake, bot, core, settings)

    return start


@pytest.fixture
async def running(start_bot: StartBot) -> AsyncIterator[RunningBot]:
    async with start_bot() as harness:
        yield harness


@pytest.fixture
async def running_with_fallback(start_bot: StartBot) -> AsyncIterator[RunningBot]:
    async with start_bot(lead_channel_id=int(LEADS_CHANNEL_ID)) as harness:
        yield harness
