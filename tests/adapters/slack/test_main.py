"""`policybot slack`: configuration checked at start, and a real process killed after the ack."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from pathlib import Path

import aiohttp
import pytest

from adapters import slack_views as views
from adapters.cli import main as policybot
from adapters.slack_bot import load_settings, parse_args
from tests.adapters.slack.conftest import (
    DEPUTY,
    LEAD,
    REPORT_KEY,
    SIGNING_SECRET,
    MinuteLater,
    Slack,
    core_settings,
    displayed,
    eventually,
    reference_in,
    report_values,
    running_app,
    slack_settings,
)
from tests.conftest import REPO
from tests.fakes.slack_api import WAIT_SECONDS, SlackApiFake


def problems(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.strip().splitlines()


def test_every_missing_setting_is_named_on_its_own_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert policybot(["slack", "--port", "3000"]) == 2
    lines = problems(capsys)
    assert any("SLACK_BOT_TOKEN is missing" in line for line in lines)
    assert any("SLACK_SIGNING_SECRET is missing" in line for line in lines)
    assert any("SLACK_SAFEGUARDING_LEADS is missing" in line for line in lines)
    assert all(line.startswith("policybot slack: ") for line in lines)


def test_malformed_settings_say_what_is_wrong(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxp-a-user-token")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SLACK_SAFEGUARDING_LEADS", "ULEAD0001, bob")
    monkeypatch.setenv("SLACK_API_URL", "slack.com/api")
    assert policybot(["slack", "--port", "3000"]) == 2
    text = "\n".join(problems(capsys))
    assert "SLACK_BOT_TOKEN is not valid" in text and "xoxb-" in text and "xoxp-a-user-token" not in text
    assert "SLACK_SAFEGUARDING_LEADS is not valid" in text and "bob" in text
    assert "SLACK_API_URL is not valid" in text


def test_socket_mode_needs_an_app_token_and_http_mode_a_port(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SLACK_SAFEGUARDING_LEADS", "ULEAD0001")
    assert policybot(["slack", "--socket"]) == 2
    assert "SLACK_APP_TOKEN is missing" in capsys.readouterr().err
    assert policybot(["slack"]) == 2
    assert "--port" in capsys.readouterr().err
    monkeypatch.setenv("SLACK_APP_TOKEN", "not-an-app-token")
    assert policybot(["slack", "--socket"]) == 2
    assert "SLACK_APP_TOKEN is not valid" in capsys.readouterr().err


def test_reporting_refuses_to_start_without_a_report_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SLACK_SAFEGUARDING_LEADS", "ULEAD0001")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")  # never called: it stops first
    monkeypatch.setenv("POLICYBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'p.db'}")
    assert policybot(["slack", "--port", "0", "--host", "127.0.0.1"]) == 2
    assert "POLICYBOT_REPORT_KEY" in capsys.readouterr().err


async def start_bot_process(api: SlackApiFake, tmp_path: Path) -> tuple[asyncio.subprocess.Process, str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("POLICYBOT_", "SLACK_"))},
        "PYTHONPATH": str(REPO),
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": api.api_url,
        "SLACK_SAFEGUARDING_LEADS": LEAD,
        "SLACK_SAFEGUARDING_DEPUTIES": DEPUTY,
        "POLICYBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'policybot.db'}",
        "POLICYBOT_REPORT_KEY": REPORT_KEY,
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "adapters.cli",
        "slack",
        "--port",
        "0",
        "--host",
        "127.0.0.1",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    async with asyncio.timeout(WAIT_SECONDS):
        while True:
            line = (await process.stderr.readline()).decode()
            assert line, "the bot process exited before it was ready"
            if found := re.search(r"listening on (http://127\.0\.0\.1:\d+)/slack/events", line):
                return process, found.group(1)


async def test_a_bot_process_killed_after_the_ack_delivers_the_report_after_restart(
    slack_api: SlackApiFake, tmp_path: Path
) -> None:
    slack_api.hold("chat.postMessage", channel=LEAD)
    process, url = await start_bot_process(slack_api, tmp_path)
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{url}/healthz") as health:
                assert health.status == 200
            slack = Slack(url, slack_api, session, service=None)  # type: ignore[arg-type]
            _, ack = await slack.submit(views.render_report_modal(), report_values("Saw something worrying"))
        reference = reference_in(ack)
        await slack_api.wait_for_call("chat.postMessage", channel=LEAD)  # the DM is in flight...
    finally:
        process.send_signal(signal.SIGKILL)  # ... when the process dies
        await process.wait()
    slack_api.release_all()
    attempts = len(slack_api.calls_to("chat.postMessage", channel=LEAD))

    # a new process on the same database, after the dead one's delivery lease has run out
    async with running_app(core_settings(tmp_path), slack_settings(slack_api), clock=MinuteLater()):
        await eventually(lambda: len(slack_api.calls_to("chat.postMessage", channel=LEAD)) > attempts)
    delivered = slack_api.calls_to("chat.postMessage", channel=LEAD)[-1]
    assert reference in displayed(delivered.body) and "Saw something worrying" in displayed(delivered.body)


def test_the_manifest_declares_every_command_event_and_no_more_scopes_than_used() -> None:
    manifest = (REPO / "manifest.yml").read_text()
    for command in ("/policy", "/report", "/reports"):
        assert f"- command: {command}\n" in manifest
    for event in ("app_home_opened", "app_mention", "message.im"):
        assert f"- {event}\n" in manifest
    scopes = re.findall(r"^\s+- ([a-z_.]+:[a-z_.]+|commands)\b", manifest, flags=re.MULTILINE)
    assert sorted(scopes) == ["app_mentions:read", "chat:write", "commands", "im:history"]
    assert manifest.count("https://YOUR-HOST/slack/events") == 5  # 3 commands, events, interactivity


def test_http_mode_takes_its_port_from_port_unless_given_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SLACK_SAFEGUARDING_LEADS", "ULEAD0001")
    monkeypatch.setenv("PORT", "5055")
    assert load_settings(parse_args([]))[2] == 5055
    assert load_settings(parse_args(["--port", "8080"]))[2] == 8080
